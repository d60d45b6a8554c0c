"""Every date a deal creates: the term sheet's own lapse, signing target and timetable, review
points, renewal notice, expiry, lock-in, phases, deliveries.

A deadline the answers do not allow computing is kept with the reason, so a calendar or a
table can say it plainly instead of leaving it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from termgen.deadlines.dates import RENEWAL_DEADLINES, last_day_to_stop_renewal
from termgen.drafting.outline import Outline
from termgen.model import Deal
from termgen.model.common import shift
from termgen.model.exit import expiry
from termgen.model.paths import dotted
from termgen.wording import capital, date_text, humanise, sentence

Kind = Literal[
    "term_sheet_lapses",
    "signing_target",
    "timetable_step",
    "review",
    "renewal_notice",
    "expiry",
    "lock_in_end",
    "phase_gate",
    "contribution_start",
    "contribution_due",
]

REMINDER_DAYS: dict[Kind, int] = {
    "term_sheet_lapses": 30,
    "signing_target": 14,
    "timetable_step": 14,
    "renewal_notice": 90,
    "expiry": 180,
    "review": 30,
    "lock_in_end": 60,
    "phase_gate": 30,
    "contribution_start": 14,
    "contribution_due": 14,
}
"""How long ahead of each kind of deadline the calendar reminds: enough time to act on it."""

CREATED_BY: dict[Kind, str] = {
    "term_sheet_lapses": "general.expiry",
    "signing_target": "general.timetable",
    "timetable_step": "general.timetable",
    "review": "change.review-points",
    "renewal_notice": "renewal.notice",
    "expiry": "term.initial",
    "lock_in_end": "term.initial",
    "phase_gate": "strengths.phases",
    "contribution_start": "strengths.contributions",
    "contribution_due": "strengths.contributions",
}
"""The clause id, or the provision id, whose clause in the term sheet sets each kind."""


@dataclass(frozen=True)
class Deadline:
    """A dated obligation or decision point, or the reason its date is not known."""

    kind: Kind
    title: str
    day: dt.date | None
    path: tuple[str | int, ...]
    """Where in the answer file the date comes from, or where to add what is missing."""
    clause: str | None
    """The term-sheet clause that creates it, as '9.2 Automatic renewal'; None if none does."""
    unknown_because: str | None = None

    @property
    def answers(self) -> str:
        """The answer-file path, dotted: 'exit.renewal.notice'."""
        return dotted(self.path)

    @property
    def reminder_days(self) -> int:
        return REMINDER_DAYS[self.kind]

    @property
    def created_by(self) -> str:
        if self.clause is None:
            return "the answers only: no clause of the term sheet states it yet"
        return f"clause {self.clause} of the term sheet"


def deadlines(outline: Outline) -> list[Deadline]:
    """Every deadline of the deal: dated ones by date, then those that cannot be computed."""
    found = list(_collect(outline.deal, _Clauses(outline)))
    dated = sorted((d for d in found if d.day), key=lambda d: (d.day, d.title))
    return dated + [d for d in found if d.day is None]


TERM_SHEET_KINDS: frozenset[Kind] = frozenset(
    {"term_sheet_lapses", "signing_target", "timetable_step"}
)
"""The term sheet's own dates, on the way to the definitive agreements."""


def ordered_from(found: list[Deadline], today: dt.date) -> list[Deadline]:
    """Next one first: upcoming by date, then those already passed, then the unknown ones."""
    upcoming = [d for d in found if d.day and d.day >= today]
    passed = [d for d in found if d.day and d.day < today]
    return upcoming + passed + [d for d in found if d.day is None]


class _Clauses:
    """Finds the term-sheet clause that sets a kind of deadline."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline

    def __call__(self, kind: Kind) -> str | None:
        clause = self.outline.clause_for(CREATED_BY[kind])
        return f"{clause.number} {clause.title}" if clause else None


def _collect(deal: Deal, clause_for: _Clauses) -> Iterator[Deadline]:
    exit_ = deal.exit
    term = exit_.term
    effective = term.effective_date if term else None

    def deadline(
        kind: Kind,
        title: str,
        day: dt.date | None,
        path: tuple[str | int, ...],
        unknown: str | None = None,
    ) -> Deadline:
        return Deadline(kind, title, day, path, clause_for(kind), None if day else unknown)

    sheet = deal.term_sheet
    if sheet.signing_by:
        title = "Target date for signing the definitive agreements"
        yield deadline("signing_target", title, sheet.signing_by, ("term_sheet", "signing_by"))
    for index, step in enumerate(sheet.timetable):
        yield deadline(
            "timetable_step",
            f"Timetable: {step.step.rstrip('.')}",
            step.by,
            ("term_sheet", "timetable", index, "by"),
            "the step has no target date",
        )
    # A lapse counted from signature (expires_after) has no date until the parties sign.
    if sheet.expires_on:
        title = "The term sheet lapses unless the definitive agreements are signed"
        yield deadline("term_sheet_lapses", title, sheet.expires_on, ("term_sheet", "expires_on"))
    for index, review in enumerate(deal.change.review_points):
        path: tuple[str | int, ...] = ("change", "review_points", index)
        day = review.date
        if day is None and review.after and effective:
            day = shift(effective, review.after)
        unknown = (
            "the answers give no effective date to count it from"
            if review.after
            else "the answers give neither a date nor a time after the effective date"
        )
        yield deadline("review", f"Review point: {review.name}", day, path, unknown)

    end = expiry(term)
    yield deadline("expiry", "Initial term expires", end, ("exit", "term"), _why_no_expiry(deal))
    renewal = exit_.renewal
    if renewal is None or renewal.type != "none":
        title = _RENEWAL_TITLES[renewal.type if renewal else "automatic"]
        yield deadline(
            "renewal_notice",
            title,
            last_day_to_stop_renewal(term, renewal),
            ("exit", "renewal", "notice"),
            _why_no_notice_day(deal),
        )
    if term and term.lock_in:
        day = shift(effective, term.lock_in) if effective else None
        yield deadline(
            "lock_in_end",
            f"Lock-in of {term.lock_in} ends: a party may leave freely",
            day,
            ("exit", "term", "lock_in"),
            "the answers give no effective date to count it from",
        )
    for index, phase in enumerate(deal.strengths.phases):
        gate = f"Phase gate: {phase.name}" + (f" ({phase.milestone})" if phase.milestone else "")
        yield deadline(
            "phase_gate",
            gate,
            phase.target_date,
            ("strengths", "phases", index, "target_date"),
            "the phase has no target date",
        )
    for index, contribution in enumerate(deal.strengths.contributions):
        path = ("strengths", "contributions", index)
        described = contribution.description or humanise(contribution.kind)
        what = f"{contribution.party} {described.rstrip('.')}"
        if contribution.start:
            yield deadline(
                "contribution_start", f"Contribution starts: {what}", contribution.start, path
            )
        if contribution.end:
            yield deadline("contribution_due", f"Contribution due: {what}", contribution.end, path)
        elif not contribution.start:
            unknown = (
                f"it is due at the milestone '{contribution.milestone}', which has no date"
                if contribution.milestone
                else "the answers give no start, end or milestone"
            )
            yield deadline("contribution_due", f"Contribution due: {what}", None, path, unknown)


_RENEWAL_TITLES = {kind: capital(words) for kind, words in RENEWAL_DEADLINES.items()}


def _why_no_expiry(deal: Deal) -> str:
    term = deal.exit.term
    if term is None:
        return "the answers give no term"
    if term.end_milestone and not term.initial:
        return f"the term ends at '{term.end_milestone}', which has no date"
    if not term.effective_date:
        return "the answers give no effective date"
    return "the answers give no initial term or end date"


def _why_no_notice_day(deal: Deal) -> str:
    renewal = deal.exit.renewal
    if renewal is None:
        return "the answers give no renewal terms"
    if renewal.notice is None:
        return "the answers give no notice period for renewal"
    return f"the expiry of the initial term is not known: {_why_no_expiry(deal)}"


def when_text(day: dt.date, today: dt.date) -> str:
    """'in 12 days', 'today', '3 days ago'."""
    days = (day - today).days
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


def describe(deadline: Deadline) -> str:
    """One paragraph for a calendar entry: what it is, what sets it, where the answers say so."""
    lines = [sentence(deadline.title)]
    if deadline.day:
        lines.append(f"Date: {date_text(deadline.day)}.")
    lines.append(f"Set by {deadline.created_by}; answers: {deadline.answers}.")
    return "\n".join(lines)
