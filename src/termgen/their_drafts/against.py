"""`termgen check THEIR-DRAFT --against deal.yaml`: their draft, provision by provision,
against what we proposed, in the order of our term sheet's exit section."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termgen.errors import shown
from termgen.model.exit import Term, expiry
from termgen.terminal import text_table
from termgen.their_drafts.check import check_draft
from termgen.their_drafts.positions import Ours, Theirs, holder_of, their_positions
from termgen.their_drafts.terms import DurationRead, Read, TermRead
from termgen.their_drafts.verdicts import VERDICTS, Item, Judge, Row, human
from termgen.wording import date_text

_TRIGGER_LABELS = {
    "breach": "Exit on material breach",
    "insolvency": "Exit on insolvency",
    "change_of_control": "Exit on change of control",
    "deadlock": "Exit on deadlock",
    "milestones": "Exit on missed milestones",
    "regulatory": "Exit on regulatory change",
    "convenience": "Exit for convenience",
}
TERM = Item("term.initial", "Initial term", "term.initial")
LOCK_IN = Item("term.lock_in", "Lock-in period", "exit.trigger.convenience")
RENEWAL = Item("renewal.mechanism", "Renewal", "renewal.mechanism")
RENEWAL_HOLDER = Item("renewal.holder", "Renewal: who may renew", "renewal.mechanism")
RENEWAL_PERIOD = Item("renewal.period", "Renewal period", "renewal.mechanism")
RENEWAL_NOTICE = Item("renewal.notice", "Notice to stop a renewal", "renewal.notice")
COSTS = Item("exit.costs", "Costs of exit", "exit.costs")
VALUATION = Item("exit.valuation", "Valuation basis", "exit.valuation")
EXCLUSIVITY = Item("exclusivity", "Exclusivity", "exclusivity")
ONE_SIDED = Item("exclusivity.one_sided", "Exclusivity, one-sided", "exclusivity")
MUTUAL = "mutual, within the scope"


@dataclass(frozen=True)
class Review:
    """Every row of the comparison, and whose positions they were judged for."""

    file: Path
    deal: str
    us: str
    rows: tuple[Row, ...]
    dated: dt.date | None = None
    """The date of our deal's version: what the comments in their draft are dated."""

    @property
    def deviations(self) -> list[Row]:
        return [row for row in self.rows if row.deviates]

    @property
    def worse(self) -> list[Row]:
        return [row for row in self.rows if row.verdict == "worse than our fallback"]

    def counts(self) -> dict[str, int]:
        return {verdict: sum(row.verdict == verdict for row in self.rows) for verdict in VERDICTS}

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "against": self.deal,
            "acting_for": self.us,
            "counts": self.counts(),
            "rows": [row.as_json() for row in self.rows],
        }


def review_draft(path: Path, ours: Ours) -> Review:
    """Read their draft (.pdf, .docx or .txt) and compare it with our positions."""
    report = check_draft(path, list(ours.provisions.values()))
    kinds = [obligation.kind for obligation in ours.deal.exit.survival]
    return compare(ours, their_positions(report, ours.deal, kinds))


def compare(ours: Ours, theirs: Theirs) -> Review:
    """Their draft against our positions, one row per value our deal settles or theirs adds."""
    judge = Judge(ours, theirs)
    _term(judge)
    _renewal(judge)
    _triggers(judge)
    _after_exit(judge)
    _exclusivity(judge)
    meta = ours.deal.deal
    return Review(theirs.report.file, meta.name, ours.us, tuple(judge.rows), meta.date)


def _term(judge: Judge) -> None:
    ours, theirs = judge.ours, judge.theirs
    term = ours.term
    if term is None:
        return
    if term.initial or term.end_date:
        read = theirs.term
        ours_text = str(term.initial) if term.initial else _until(term.end_date)
        if read is None:
            judge.missing(TERM, ours_text)
        elif read.open_ended:
            judge.add(
                TERM,
                ours_text,
                "until terminated",
                "worse than our fallback",
                difference="no fixed end",
                read=read,
            )
        elif read.length is not None and term.initial is not None:
            length = DurationRead(read.sentence, read.length)
            judge.duration(TERM, term.initial, length, ours.floors.get("term", ()))
        elif read.length is not None and read.from_event:
            judge.add(
                TERM,
                _until(expiry(term)),
                f"{read.length} from {read.from_event}",
                "worse than our fallback",
                difference="no fixed end: it runs from an event",
                read=read,
            )
        else:
            _term_by_dates(judge, term, ours_text, read)
    if term.lock_in is not None:
        judge.duration(LOCK_IN, term.lock_in, theirs.lock_in, ours.floors.get("lock_in", ()))


def _until(day: dt.date | None) -> str:
    return f"until {date_text(day)}" if day else "not stated"


def _term_by_dates(judge: Judge, term: Term, ours_text: str, read: TermRead) -> None:
    """Their term ends on a date: compared with the day ours ends."""
    end = read.expiry(judge.theirs.effective)
    ours_end = expiry(term)
    if end is None or end.date is None or ours_end is None:
        judge.missing(TERM, ours_text)
        return
    gap = (end.date - ours_end).days
    ours_text = _until(ours_end)
    if abs(gap) <= 1:
        judge.add(TERM, ours_text, _until(end.date), "matches", read=read)
        return
    judge.add(
        TERM,
        ours_text,
        _until(end.date),
        "worse than our fallback" if gap < 0 else "within our fallback",
        difference=f"{abs(gap)} days {'shorter' if gap < 0 else 'longer'}",
        read=read,
    )


def _renewal(judge: Judge) -> None:
    ours, theirs = judge.ours, judge.theirs
    renewal, read = ours.renewal, theirs.renewal
    if renewal is None:
        if read is not None and read.type not in (None, "none"):
            judge.add(RENEWAL, "not in our draft", human(read.type), "extra in theirs", read=read)
        return
    if read is None or read.type is None:
        if renewal.type == "none":
            judge.add(RENEWAL, "none", "none", "matches")
            return
        theirs_text = "renews, without saying how" if read else "not stated"
        judge.add(RENEWAL, human(renewal.type), theirs_text, "missing in theirs", read=read)
    elif read.type != renewal.type:
        judge.add(
            RENEWAL, human(renewal.type), human(read.type), "worse than our fallback", read=read
        )
    else:
        judge.add(RENEWAL, human(renewal.type), human(read.type), "matches", read=read)
        if renewal.type == "party_option":
            option_holder = holder_of(ours.deal, renewal.option_holder)
            judge.holder(RENEWAL_HOLDER, option_holder, theirs.renewal_holder)
    if renewal.type == "none":
        return
    if renewal.period is not None:
        period = DurationRead(read.sentence, read.period) if read and read.period else None
        judge.duration(
            RENEWAL_PERIOD, renewal.period, period, ours.floors.get("renewal_period", ())
        )
    if renewal.notice is not None:
        judge.duration(RENEWAL_NOTICE, renewal.notice, theirs.notice, ours.floors.get("notice", ()))


def _triggers(judge: Judge) -> None:
    ours, theirs = judge.ours, judge.theirs
    for trigger in ours.triggers:
        provision = f"exit.trigger.{trigger.kind}"
        label = _TRIGGER_LABELS[trigger.kind]
        item = Item(provision, label, provision)
        read = theirs.triggers.get(trigger.kind)
        if read is None:
            judge.add(
                item,
                trigger.holder.describe(theirs.names),
                "not in their draft",
                "missing in theirs",
                belongs_at=_first_trigger(theirs),
            )
            continue
        judge.holder(item, trigger.holder, read.holder)
        if trigger.notice is not None:
            notice = Item(f"{provision}.notice", f"{label}: notice", "exit.notice")
            judge.duration(
                notice, trigger.notice, read.notice, trigger.floors.get("notice", ()), read.anchor
            )
        if trigger.cure is not None:
            cure = Item(f"{provision}.cure", f"{label}: cure period", "exit.notice")
            judge.duration(
                cure, trigger.cure, read.cure, trigger.floors.get("cure", ()), read.anchor
            )
    ours_kinds = {trigger.kind for trigger in ours.triggers}
    for kind, read in theirs.triggers.items():
        provision = f"exit.trigger.{kind}"
        if kind in ours_kinds or theirs.detections[provision].status != "present":
            continue
        said = read.holder.holder.describe(theirs.names) if read.holder else "not stated"
        if read.notice:
            said += f", {read.notice.value}' notice"
        extra = Item(provision, _TRIGGER_LABELS.get(kind, kind), provision)
        judge.add(extra, "not in our draft", said, "extra in theirs", read=read.anchor)


def _first_trigger(theirs: Theirs) -> Read | None:
    """Where their exit triggers start: the place for one they left out."""
    anchors = [read.anchor for read in theirs.triggers.values() if read.anchor is not None]
    if anchors:
        return min(anchors, key=lambda anchor: anchor.sentence)
    return theirs.first("exit.triggers", "exit.notice")


def _after_exit(judge: Judge) -> None:
    ours, theirs = judge.ours, judge.theirs
    for obligation in ours.deal.exit.survival:
        if obligation.duration is not None:
            item = Item(
                f"exit.survival.{obligation.kind}",
                f"Survives exit: {human(obligation.kind)}",
                "exit.survival",
            )
            found = theirs.survival.get(obligation.kind)
            judge.duration(item, obligation.duration, found, ours.floors.get("survival", ()))
    costs, valuation = ours.deal.exit.costs, ours.deal.exit.valuation
    if costs is not None:
        judge.choice(COSTS, costs.borne_by, theirs.costs)
    if valuation is not None:
        judge.choice(VALUATION, valuation.method, theirs.valuation)


def _exclusivity(judge: Judge) -> None:
    """Ours binds every party within the scope; theirs may bind everyone, or one party only."""
    ours, theirs = judge.ours, judge.theirs
    mutual = [read for read in theirs.exclusivity if read.bound.everyone]
    one_sided = [read for read in theirs.exclusivity if not read.bound.everyone]
    ours_text = MUTUAL if ours.exclusive else "not exclusive"
    if ours.exclusive and mutual:
        judge.add(EXCLUSIVITY, ours_text, "mutual", "matches", read=mutual[0])
    elif ours.exclusive:
        judge.missing(EXCLUSIVITY, ours_text)
    elif mutual:
        judge.add(EXCLUSIVITY, ours_text, "mutual", "extra in theirs", read=mutual[0])
    if one_sided:
        first = one_sided[0]
        bound = " and ".join(sorted(first.bound.parties))
        favour = "in our favour" if ours.us not in first.bound.parties else ""
        judge.add(
            ONE_SIDED,
            ours_text,
            f"binds {bound} only",
            "extra in theirs",
            difference=favour,
            read=first,
        )


def text(review: Review, width: int) -> str:
    """The review for the terminal, `width` columns wide: what was compared, the table, where
    theirs deviates, and the count of each verdict."""
    title = f"{shown(str(review.file))} against {review.deal}, for {review.us}"
    heading = textwrap.wrap(title, width, break_on_hyphens=False)
    counts = textwrap.wrap(summary(review), width)
    return "\n".join([*heading, table(review, width), *counts])


def table(review: Review, width: int) -> str:
    """The rows as a table that fits `width` columns, then where in their draft each
    deviation is, in its own words."""
    rows = []
    for row in review.rows:
        shown = row.evidence or row.belongs_at
        theirs = f"{row.theirs} ({shown.place})" if shown else row.theirs
        verdict = f"{row.verdict} ({row.severity})" if row.severity else row.verdict
        ours = f"{row.ours}; fallback {row.fallback.value}" if row.fallback else row.ours
        rows.append((row.label, ours, theirs, row.difference, verdict))
    lines = [
        text_table(
            ("provision", "ours", "theirs", "difference", "verdict"),
            rows,
            width=width,
            break_words=True,
        )
    ]
    placed = [row for row in review.deviations if row.evidence or row.belongs_at]
    if placed:
        lines += ["", "Where theirs deviates:"]
        for row in placed:
            evidence = row.evidence or row.belongs_at
            assert evidence is not None
            near = evidence.place if row.evidence else f"belongs near {evidence.place}"
            lines += textwrap.wrap(
                f'{row.label}, {near}: "{evidence.quote}"',
                width,
                initial_indent="  ",
                subsequent_indent="    ",
            )
    return "\n".join(lines)


def summary(review: Review) -> str:
    """'23 matches, 2 worse than our fallback, ...'."""
    return ", ".join(f"{count} {verdict}" for verdict, count in review.counts().items() if count)
