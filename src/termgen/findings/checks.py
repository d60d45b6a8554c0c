"""Checks over a deal's data, one per provision: each returns what is missing and where."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from termgen.model import Deal
from termgen.model.common import Duration
from termgen.model.exit import expiry
from termgen.model.goals import SHARE_KINDS
from termgen.model.paths import AnswerPath, expected_ahead, parse_path
from termgen.model.strengths import Contribution
from termgen.wording import and_join, date_text, humanise, percent_text

PROMISES_AN_OPEN_POINT = "([●] in the draft)"
"""Said by a finding whose answer the draft shows as [●]: the comment sits on that [●]."""


@dataclass(frozen=True)
class Gap:
    """What is missing, and the answer-file path where it belongs."""

    message: str
    path: AnswerPath
    clause: str | None = None
    """The number of the clause it is about, when it is about what a clause says."""


Check = Callable[[Deal, str], list[Gap] | None]
"""What is missing for a provision; None when the deal does not need the provision at all."""
CHECKS: dict[str, Check] = {}
_JOINTLY_OWNED = re.compile(r"\bjoint(ly)?\b", re.IGNORECASE)
_IMPLIED_ASSETS = {
    "ip_licence": "licences",
    "data_access": "data",
    "tooling_budget": "tooling",
}
_GRANTS_A_LICENCE = re.compile(r"\blicen[cs]", re.IGNORECASE)
"""A treatment of the foreground IP that says what licence each party keeps (a software deal's
licence model) says what happens to the licences too."""


def check(name: str) -> Callable[[Check], Check]:
    def register(function: Check) -> Check:
        CHECKS[name] = function
        return function

    return register


@check("initial_term")
def _initial_term(deal: Deal, _: str) -> list[Gap]:
    term = deal.exit.term
    if term and (term.initial or term.end_date or term.end_milestone):
        return []
    return [Gap("no initial term, end date or end milestone", ("exit", "term", "initial"))]


@check("renewal_mechanism")
def _renewal_mechanism(deal: Deal, _: str) -> list[Gap]:
    if deal.exit.renewal:
        return []
    return [
        Gap(
            "renewal is not settled: state how the partnership renews, or that it does not",
            ("exit", "renewal", "type"),
        )
    ]


@check("renewal_notice")
def _renewal_notice(deal: Deal, _: str) -> list[Gap] | None:
    renewal = deal.exit.renewal
    if renewal is None or renewal.type == "none":
        return None
    if renewal.notice:
        return []
    kind = humanise(renewal.type)
    return [
        Gap(f"renewal is {kind}, but no notice period to stop it", ("exit", "renewal", "notice"))
    ]


@check("renewal_review")
def _renewal_review(deal: Deal, _: str) -> list[Gap]:
    end = expiry(deal.exit.term)
    path: AnswerPath = ("change", "review_points")
    before_end = [
        (index, point)
        for index, point in enumerate(deal.change.review_points)
        if {"continue", "exit"} & set(point.options)
        and (end is None or point.date is None or point.date < end)
    ]
    if not before_end:
        ending = f" before the term ends on {date_text(end)}" if end else ""
        return [Gap(f"no review point decides on continuing or exiting{ending}", path)]
    return []  # one held too late to stop the renewal is a coherence finding (review_timing)


@check("exit_triggers")
def _exit_triggers(deal: Deal, _: str) -> list[Gap]:
    if deal.exit.triggers:
        return []
    return [Gap("no exit trigger at all", ("exit", "triggers"))]


# A trigger kind whose name alone misreads the event: "no exit trigger for regulatory".
_TRIGGER_EVENTS = {"regulatory": "regulatory or tariff change"}


@check("trigger_kind")
def _trigger_kind(deal: Deal, provision_id: str) -> list[Gap]:
    kind = provision_id.rsplit(".", 1)[-1]
    if any(trigger.kind == kind for trigger in deal.exit.triggers):
        return []
    event = _TRIGGER_EVENTS.get(kind) or humanise(kind)
    return [Gap(f"no exit trigger for {event}", ("exit", "triggers"))]


@check("notice_and_cure")
def _notice_and_cure(deal: Deal, _: str) -> list[Gap]:
    gaps = []
    for index, trigger in enumerate(deal.exit.triggers):
        kind = humanise(trigger.kind)
        if trigger.notice is None:
            gaps.append(
                Gap(
                    f"the {kind} trigger has no notice period",
                    ("exit", "triggers", index, "notice"),
                )
            )
        if trigger.kind == "breach" and trigger.cure is None:
            gaps.append(
                Gap("the breach trigger has no cure period", ("exit", "triggers", index, "cure"))
            )
    return gaps


@check("survival")
def _survival(deal: Deal, _: str) -> list[Gap]:
    if not deal.exit.survival:
        return [Gap("no obligation is said to survive exit", ("exit", "survival"))]
    return [
        Gap(
            f"the surviving {humanise(item.kind)} obligation has no duration",
            ("exit", "survival", index, "duration"),
        )
        for index, item in enumerate(deal.exit.survival)
        if item.duration is None
    ]


@check("assets")
def _assets(deal: Deal, _: str) -> list[Gap]:
    gaps = []
    listed = {item.asset for item in deal.exit.assets}
    if any(
        item.asset == "foreground_ip"
        and item.treatment
        and _GRANTS_A_LICENCE.search(item.treatment)
        for item in deal.exit.assets
    ):
        listed.add("licences")
    for index, item in enumerate(deal.exit.assets):
        if not item.treatment:
            which = f" ({item.description})" if item.description else ""
            gaps.append(
                Gap(
                    f"{humanise(item.asset)}{which} has no treatment on exit",
                    ("exit", "assets", index, "treatment"),
                )
            )
    implied = {
        asset: f"an {humanise(kind)} contribution"
        for kind, asset in _IMPLIED_ASSETS.items()
        if any(c.kind == kind for c in deal.strengths.contributions)
    }
    if deal.goals.value_sharing.equity:
        implied["equity_stake"] = "equity shares"
    for asset, reason in implied.items():
        if asset not in listed:
            gaps.append(
                Gap(
                    f"the deal has {reason}, but the shared assets on exit do not say what "
                    f"happens to the {humanise(asset)}",
                    ("exit", "assets"),
                )
            )
    return gaps


@check("valuation")
def _valuation(deal: Deal, _: str) -> list[Gap] | None:
    if deal.exit.valuation:
        return []
    reasons = []
    if deal.goals.value_sharing.equity or deal.deal.structure == "equity_joint_venture":
        reasons.append("equity")
    joint = [
        humanise(a.asset)
        for a in deal.exit.assets
        if a.treatment and _JOINTLY_OWNED.search(a.treatment)
    ]
    if joint:
        reasons.append(f"jointly owned {and_join(joint)}")
    if not reasons:
        return []
    return [
        Gap(
            f"no buy-out or valuation mechanism, though there is {and_join(reasons)}",
            ("exit", "valuation"),
        )
    ]


@check("disputes")
def _disputes(deal: Deal, _: str) -> list[Gap]:
    governance = deal.governance
    gaps = []
    if not governance.escalation:
        gaps.append(Gap("no escalation path", ("governance", "escalation")))
    disputes = governance.disputes
    if disputes is None:
        gaps.append(
            Gap("the escalation path ends in no dispute mechanism", ("governance", "disputes"))
        )
    elif disputes.binding is False or (
        disputes.binding is None and disputes.mechanism == "mediation"
    ):
        gaps.append(
            Gap(
                f"the escalation path ends in {humanise(disputes.mechanism)}, which does not bind; "
                "end it in arbitration, the courts or binding expert determination",
                ("governance", "disputes", "binding"),
            )
        )
    return gaps


@check("executable_contributions")
def _executable_contributions(deal: Deal, _: str) -> list[Gap]:
    effective = deal.exit.term.effective_date if deal.exit.term else None
    gaps = []
    for index, item in enumerate(deal.strengths.contributions):
        # An answer left open on purpose is a finding of its own, said as left open.
        missing = [
            (name, field)
            for name, field, present in (
                ("quantity", "quantity", item.quantity),
                ("timing", "start", item.has_timing),
                ("tracking", "tracking", item.tracking),
            )
            if not present and not deal.is_left_open(("strengths", "contributions", index, field))
        ]
        if missing:
            what = and_join([name for name, _ in missing])
            gaps.append(
                Gap(
                    f"{item.named(deal.deal.purpose)} has no {what}",
                    ("strengths", "contributions", index, missing[0][1]),
                )
            )
        if item.not_money:
            gaps.append(Gap(not_money(item), ("strengths", "contributions", index, "quantity")))
        if item.start and effective and item.start < effective:
            gaps.append(
                Gap(
                    f"{item.named(deal.deal.purpose)} starts on "
                    f"{date_text(item.start)}, before the partnership takes effect on "
                    f"{date_text(effective)}: a contribution made before then has none of the "
                    "agreement's protection; start it on or after the Effective Date",
                    ("strengths", "contributions", index, "start"),
                )
            )
    return gaps


def not_money(item: Contribution) -> str:
    return (
        f"{item.party}'s {humanise(item.kind)} contribution is '{item.quantity}', not an amount "
        "of money; write a currency code and the amount, e.g. 'EUR 40m'"
    )


@check("term_sheet_dates")
def _term_sheet_dates(deal: Deal, _: str) -> list[Gap]:
    sheet = deal.term_sheet
    lapse: AnswerPath = ("term_sheet", "expires_on")
    signing: AnswerPath = ("term_sheet", "signing_by")
    gaps = []
    if not (sheet.expires_on or sheet.expires_after or deal.is_left_open(lapse)):
        gaps.append(
            Gap(
                "no date or period after which the term sheet lapses "
                f"{PROMISES_AN_OPEN_POINT}; give one a little after the target for signing",
                lapse,
            )
        )
    if sheet.timetable and not (sheet.signing_by or deal.is_left_open(signing)):
        gaps.append(
            Gap(f"the timetable has no target date for signing {PROMISES_AN_OPEN_POINT}", signing)
        )
    if sheet.expires_on and sheet.signing_by and sheet.signing_by > sheet.expires_on:
        gaps.append(
            Gap(
                f"the target for signing ({date_text(sheet.signing_by)}) falls after the term "
                f"sheet lapses ({date_text(sheet.expires_on)})",
                signing,
            )
        )
    effective = deal.exit.term.effective_date if deal.exit.term else None
    if sheet.signing_by and effective and effective < sheet.signing_by:
        gaps.append(
            Gap(
                f"the partnership takes effect on {date_text(effective)}, before the target for "
                f"signing the definitive agreements ({date_text(sheet.signing_by)}); set the "
                "Effective Date on or after signing",
                ("exit", "term", "effective_date"),
            )
        )
    dated = deal.deal.date
    if sheet.expires_on and dated and sheet.expires_on <= dated:
        gaps.append(
            Gap(
                f"the term sheet lapses ({date_text(sheet.expires_on)}) no later than the date it "
                f"bears ({date_text(dated)})",
                lapse,
            )
        )
    return gaps


@check("dates_ahead")
def _dates_ahead(deal: Deal, _: str) -> list[Gap]:
    dated = deal.deal.date
    if dated is None:
        return []
    return [
        Gap(
            f"{date_text(day)} is before the draft's date ({date_text(dated)}), where a date "
            "ahead is expected; give the date meant",
            path,
        )
        for path, day in _dates(deal, ())
        if day < dated and expected_ahead(path)
    ]


def _dates(data: object, path: AnswerPath) -> Iterator[tuple[AnswerPath, dt.date]]:
    """Every date in the deal `data`, with its path, in the order of `model_dump`: each model's
    fields in turn. Read from the models themselves: dumping the deal built pydantic's
    serializer for every model of it, which a deal validated from the cache never needs (a
    tenth of a draft's time)."""
    if isinstance(data, dt.date):
        yield path, data
    elif isinstance(data, BaseModel):
        for name in type(data).model_fields:
            yield from _dates(getattr(data, name), (*path, name))
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _dates(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _dates(value, (*path, index))


@check("scope_extent")
def _scope_extent(deal: Deal, _: str) -> list[Gap]:
    scope = deal.goals.scope
    return [
        Gap(f"no {what} in scope {PROMISES_AN_OPEN_POINT}", ("goals", "scope", field))
        for what, field, given in (
            ("joint activities", "joint", scope.joint),
            ("regions", "regions", scope.regions),
            ("functions", "functions", scope.functions),
        )
        if not given and not deal.is_left_open(("goals", "scope", field))
    ]


@check("left_open")
def _left_open(deal: Deal, _: str) -> list[Gap]:
    return [
        Gap(f"left open on purpose {PROMISES_AN_OPEN_POINT}", parse_path(path))
        for path in deal.left_open
    ] + [
        Gap(
            f"no {humanise(kind)} contribution yet: left open on purpose",
            ("strengths", "open_of", kind),
        )
        for kind in deal.strengths.open_of
    ]


@check("decision_owners")
def _decision_owners(deal: Deal, _: str) -> list[Gap]:
    return [
        Gap(
            f"nobody owns the decision '{right.decision}'",
            ("governance", "decision_rights", index, "owner"),
        )
        for index, right in enumerate(deal.governance.decision_rights)
        if right.owner is None
    ]


@check("shares_total")
def _shares_total(deal: Deal, _: str) -> list[Gap]:
    return [
        Gap(
            f"the {humanise(kind)} adds up to {sum(shares.values()):f} %, not 100 %",
            ("goals", "value_sharing", kind),
        )
        for kind, shares in deal.goals.value_sharing.shares().items()
        if kind in SHARE_KINDS and sum(shares.values()) != 100
    ]


@check("notice_fit")
def _notice_fit(deal: Deal, _: str) -> list[Gap]:
    term, renewal = deal.exit.term, deal.exit.renewal
    notices: list[tuple[str, Duration, AnswerPath]] = [
        (f"{humanise(t.kind)} notice", t.notice, ("exit", "triggers", i, "notice"))
        for i, t in enumerate(deal.exit.triggers)
        if t.notice
    ]
    if renewal and renewal.notice:
        notices.append(("notice to stop renewal", renewal.notice, ("exit", "renewal", "notice")))
    gaps = []
    if term and term.initial:
        gaps += [
            Gap(f"the initial term ({term.initial}) is shorter than the {name} ({notice})", path)
            for name, notice, path in notices
            if notice.approximate_days > term.initial.approximate_days
        ]
    if (
        renewal
        and renewal.period
        and renewal.notice
        and renewal.notice.approximate_days > renewal.period.approximate_days
    ):
        gaps.append(
            Gap(
                f"each renewal period ({renewal.period}) is shorter than the notice to stop "
                f"it ({renewal.notice})",
                ("exit", "renewal", "period"),
            )
        )
    return gaps


@check("board_as_body")
def _board_as_body(deal: Deal, _: str) -> list[Gap] | None:
    """The company's board is drafted in the term sheet from the company answers, and in the
    annex from the governance body of that name: the two must seat and chair the same."""
    board = deal.company.board if deal.company else None
    if board is None:
        return None
    gaps = []
    for index, body in enumerate(deal.governance.bodies):
        if body.name.casefold() not in ("board", "board of directors"):
            continue
        if board.seats and body.members and dict(board.seats) != dict(body.members):
            gaps.append(
                Gap(
                    f"the company's board has {_seats_text(board.seats)}, but the governance "
                    f"body '{body.name}' has {_seats_text(body.members)}, so the term sheet and "
                    "the annex seat it differently; give both the same seats",
                    ("governance", "bodies", index, "members"),
                )
            )
        if board.chair and body.chair and board.chair != body.chair:
            gaps.append(
                Gap(
                    f"{board.chair} nominates the chair of the company's board, but "
                    f"{body.chair} chairs the governance body '{body.name}'; name one party",
                    ("governance", "bodies", index, "chair"),
                )
            )
    return gaps


def _seats_text(seats: Mapping[str, int]) -> str:
    """{'NAW': 3, 'KSC': 1} -> '3 seats for NAW and 1 for KSC'."""
    first, *rest = seats.items()
    party, count = first
    return and_join(
        [f"{count} seat{'s' * (count != 1)} for {party}"] + [f"{n} for {p}" for p, n in rest]
    )


@check("qualified_majorities")
def _qualified_majorities(deal: Deal, provision_id: str) -> list[Gap] | None:
    """A qualified majority that one party reaches alone protects nobody: the others, whom the
    majority was meant to give a say, are outvoted as under a simple majority. The company's
    reserved matters and the decision-rights matrix are two provisions with this one check."""
    seats = {body.name: body.members for body in deal.governance.bodies}
    parties = len(deal.parties)
    company = deal.company
    if company and company.board and company.board.seats:
        seats["Board"] = company.board.seats
    gaps = []
    if provision_id.startswith("company."):
        if company is None:
            return None
        for index, matter in enumerate(company.reserved_matters):
            if matter.approval == "qualified_majority" and matter.majority_percent is not None:
                path: AnswerPath = ("company", "reserved_matters", index, "majority_percent")
                if matter.level == "shareholders":
                    votes = _Votes(dict(deal.goals.value_sharing.equity), "of the equity", parties)
                else:
                    votes = _Votes(dict(seats.get("Board", {})), "seats on the Board", parties)
                gaps += votes.reached_alone(matter.matter, matter.majority_percent, path)
        return gaps
    for index, right in enumerate(deal.governance.decision_rights):
        if right.approval == "qualified_majority" and right.majority_percent is not None:
            owner = f"seats on the {right.owner}"
            votes = _Votes(dict(seats.get(right.owner or "", {})), owner, parties)
            path = ("governance", "decision_rights", index, "majority_percent")
            gaps += votes.reached_alone(right.decision, right.majority_percent, path)
    return gaps


@dataclass(frozen=True)
class _Votes:
    """What each party holds where a decision is voted: seats on a body, or equity in percent;
    and how many parties the deal has, to name the ones outvoted as the interview does."""

    held: dict[str, int] | dict[str, Decimal]
    of_what: str
    parties: int

    def reached_alone(self, decision: str, needed: Decimal, path: AnswerPath) -> list[Gap]:
        what = f"'{decision.rstrip('.;')}'"
        if needed <= 50:
            return [
                Gap(
                    f"{what} needs {percent_text(needed)}, no more than a simple majority; "
                    "a qualified majority is more than 50 %",
                    path,
                )
            ]
        total = sum(self.held.values())
        if len(self.held) < 2 or not total:
            return []
        outvoted = "the other party has" if self.parties == 2 else "the others have"
        return [
            Gap(
                f"{party} alone holds {self._holding(weight, total)}, enough for the "
                f"{percent_text(needed)} that {what} needs, so {outvoted} no say on it; "
                "raise the majority or make it unanimous",
                path,
            )
            for party, weight in self.held.items()
            if Decimal(weight) * 100 >= needed * total
        ]

    def _holding(self, weight: int | Decimal, total: int | Decimal) -> str:
        if isinstance(weight, int):
            share = round(Decimal(weight) * 100 / total, 1)
            return f"{weight} of the {total} {self.of_what} ({percent_text(share)})"
        return f"{percent_text(weight)} {self.of_what}"
