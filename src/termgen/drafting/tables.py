"""The tables of a draft, built from the deal: contributions, shares, governance, reviews."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from decimal import Decimal

from termgen.drafting.structure import Cell, Segment, Table
from termgen.model import Deal
from termgen.model.change import ReviewPoint
from termgen.model.common import JOINT
from termgen.model.exit import ends_with_term, within_lock_in
from termgen.model.governance import WORKING_TEAMS, DecisionArea
from termgen.model.strengths import OFFTAKE_PURPOSES, Contribution
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK
from termgen.wording import (
    JOINTLY,
    HouseStyle,
    and_join,
    capital,
    date_text,
    humanise,
    in_prose,
    majority_share,
    mid_sentence,
    percent_text,
    under_rules,
    yes_no,
)

_NOT_APPLICABLE = "–"
_NO_QUORUM = "No quorum: it takes no decisions"
"""The quorum of a working team that owns no decision, said rather than left as a dash a reader
takes for a gap; one that owns a decision needs a quorum like any other body."""


TABLE_TITLES = {
    "contributions": "Contributions schedule",
    "value_sharing": "Shares of the parties",
    "bodies": "Governance bodies",
    "decision_rights": "Decision-rights matrix",
    "escalation": "Escalation path",
    "review_calendar": "Review calendar",
}
"""The title printed above each table, by which the clauses refer to it."""


def _contribution_kind(item: Contribution, deal: Deal) -> str:
    """A contribution's kind as the schedule names it. A plant allocation is a buyer's offtake
    where the purpose makes it one (as `Contribution.named` says), else the plant capacity a
    party provides: never 'plant allocation', nor both at once. Money is capital only where
    there is a JV to hold it; elsewhere (engineering fees, say) it is funding."""
    if item.kind == "plant_allocation":
        return "Offtake" if deal.deal.purpose in OFFTAKE_PURPOSES else "Plant capacity"
    if item.kind == "capital" and deal.deal.structure != "equity_joint_venture":
        return "Funding"
    return capital(humanise(item.kind))


_AREA_WORDS: dict[DecisionArea, str] = {
    "architecture_baseline": "Architecture baseline",
    "cost_baseline": "Cost baseline",
    "timing_baseline": "Timing baseline",
    "change_control": "Change control",
    "quality_standards": "Quality standards",
    "deviations": "Deviations from a baseline",
    "scope": "Scope of the partnership",
    "budget": "Budget and spending",
    "staffing": "Staffing",
    "product": "Products",
    "other": "Other matters",
}
"""Each area of the decision-rights matrix as a lawyer names it."""


def cell(text: str | None) -> Cell:
    """A table cell; an unknown value becomes an open point."""
    written = "" if text is None else str(text)
    if not written.strip() or written == PLACEHOLDER_MARK:
        return (Segment(PLACEHOLDER, open_point=True),)
    return (Segment(written),)


def _owner(owner: str | None) -> Cell:
    """A party or a body by its name; 'joint' as 'The parties jointly'."""
    return cell(capital(JOINTLY) if owner == JOINT else owner)


def _open_row(width: int) -> tuple[Cell, ...]:
    return tuple(cell(None) for _ in range(width))


def _table(
    kind: str, header: tuple[str, ...], rows: Sequence[Sequence[Cell]], style: HouseStyle
) -> Table:
    """The table, with any date typed into an answer's text written in the house style (each
    distinct segment worded once: a long table repeats its parties, yes and no, dates)."""
    seen: dict[Segment, Segment] = {}

    def worded(part: Segment) -> Segment:
        found = seen.get(part)
        if found is None:
            found = seen[part] = _worded(part, style)
        return found

    written = tuple(tuple(tuple(worded(part) for part in cell) for cell in row) for row in rows)
    return Table(kind, TABLE_TITLES[kind], header, written or (_open_row(len(header)),))


def _worded(part: Segment, style: HouseStyle) -> Segment:
    text = in_prose(part.text, style)
    if text == part.text and part.reference is None:  # the same segment: no need of a copy
        return part
    return Segment(text, part.open_point)


def _votes(members: int, fraction: Decimal) -> str:
    return f"votes of {math.ceil(members * fraction)} of {members} members, cast in party blocks"


def approval_text(approval: str, majority_percent: Decimal | None = None, members: int = 0) -> str:
    """'qualified_majority', 75 -> 'qualified majority (75 %)'; of a body of 9 members,
    'qualified majority (75 %: votes of 7 of 9 members, cast in party blocks)', so nobody has
    to work out who can outvote whom; 66 % of 6 members as 'qualified majority of two thirds
    (votes of 4 of 6 members, cast in party blocks)'. The blocks are those of the governance
    annex (clause governance.annex.charters): the members present cast every vote of their party."""
    words = humanise(approval)
    if majority_percent is None:
        return words
    share, fraction = majority_share(majority_percent)
    if share == percent_text(majority_percent):
        if members:
            return f"{words} ({share}: {_votes(members, fraction)})"
        return f"{words} ({share})"
    if members:
        return f"{words} of {share} ({_votes(members, fraction)})"
    return f"{words} of {share}"


def dispute_text(mechanism: str, rules: str | None, seat: str | None, binding: bool | None) -> str:
    """'Arbitration under the LCIA Rules, seated in London, binding'; rules whose name does not
    name their institution are named with it (see `wording.under_rules`)."""
    words = capital(humanise(mechanism))
    if rules:
        words += under_rules(rules)
    if seat:
        words += f", seated in {seat}"
    if binding is not None:
        words += ", binding" if binding else ", not binding"
    return words


def when_text(
    start: dt.date | None, end: dt.date | None, milestone: str | None, style: HouseStyle
) -> str | None:
    """When something happens, from whatever of start, end and milestone is known."""
    if start and end:
        text = f"{date_text(start, style)} to {date_text(end, style)}"
    elif start:
        text = f"from {date_text(start, style)}"
    elif end:
        text = f"until {date_text(end, style)}"
    else:
        text = ""
    if milestone:
        text = f"{text}; by {milestone}" if text else f"by {milestone}"
    return text or None


def _contribution_timing(item: Contribution, deal: Deal, style: HouseStyle) -> str | None:
    """When a contribution is made. An offtake that runs to the end of the initial term of a
    partnership that may renew follows it into its renewals, as clause strengths.offtake says,
    so the schedule does not give it a fixed end date the renewals overrun."""
    renewal = deal.exit.renewal
    if not (
        item.kind == "plant_allocation"
        and item.end
        and renewal
        and renewal.type != "none"
        and ends_with_term(item.end, deal.exit.term)
    ):
        return when_text(item.start, item.end, item.milestone, style)
    text = f"from {date_text(item.start, style)} until" if item.start else "until"
    text += " the end of the Initial Term and of each renewal period"
    return f"{text}; by {item.milestone}" if item.milestone else text


def contributions(deal: Deal, style: HouseStyle) -> Table:
    header = (
        "Party",
        "Contribution",
        "Quantity",
        "Timing",
        "Critical path",
        "Tracking",
        "Acceptance",
    )
    rows = []
    for item in deal.strengths.contributions:
        what = _contribution_kind(item, deal)
        if item.description:
            # A description that starts with the kind says it already: "Offtake commitment for
            # the plant's output", not "Offtake: Offtake commitment ...".
            named = item.kind == "other" or item.description.lower().startswith(what.lower())
            what = item.description if named else f"{what}: {item.description}"
        rows.append(
            (
                cell(item.party),
                cell(what),
                cell(str(item.quantity) if item.quantity else None),
                cell(_contribution_timing(item, deal, style)),
                cell(None if item.critical_path is None else yes_no(item.critical_path)),
                cell(item.tracking),
                cell(item.acceptance),
            )
        )
    return _table("contributions", header, rows, style)


def value_sharing(deal: Deal, style: HouseStyle) -> Table:
    parties = deal.party_names
    rows = []
    sharing = deal.goals.value_sharing
    for kind, shares in sharing.shares().items():
        label = capital(humanise(kind))
        if kind == "revenue_share" and sharing.revenue_share_for:
            # The table is read on its own: a share limited in time says so in its row.
            label += f" (for {sharing.revenue_share_for.worded(style)} from the Effective Date)"
        row = [cell(label)]
        row += [cell(percent_text(shares[p]) if p in shares else _NOT_APPLICABLE) for p in parties]
        rows.append(tuple(row))
    return _table("value_sharing", ("Share", *parties), rows, style)


def bodies(deal: Deal, style: HouseStyle) -> Table:
    header = ("Body", "Members", "Chair", "Meets", "Quorum", "Charter")
    rows = []
    for body in deal.governance.bodies:
        members = ", ".join(f"{party} {seats}" for party, seats in body.members.items())
        chair = body.chair
        if chair and body.chair_rotation:
            chair = f"{chair} ({body.chair_rotation})"
        working_team = body.kind in WORKING_TEAMS
        decides_nothing = deal.governance.takes_no_decisions(body)
        rows.append(
            (
                cell(body.name),
                cell(members),
                cell(chair or (_NOT_APPLICABLE if working_team else None)),
                cell(capital(humanise(body.cadence)) if body.cadence else None),
                cell(body.quorum or (_NO_QUORUM if decides_nothing else None)),
                cell(body.charter),
            )
        )
    return _table("bodies", header, rows, style)


def counted_seats(deal: Deal) -> dict[str, int]:
    """The members of each body, for the matrix to say how many of them a majority takes; not
    a JV's Board, whose directors cast the votes of their party, which follow its shareholding
    (clause company.board): there no head count says who can outvote whom."""
    jv = deal.deal.structure == "equity_joint_venture"
    return {
        body.name: sum(body.members.values())
        for body in deal.governance.bodies
        if not (jv and body.name == "Board")
    }


def decision_rights(deal: Deal, style: HouseStyle) -> Table:
    header = ("Decision", "Area", "Owner", "Approval", "Consulted")
    seats = counted_seats(deal)
    rows = [
        (
            cell(right.decision),
            cell(_AREA_WORDS[right.area]),
            _owner(right.owner),
            cell(
                capital(
                    approval_text(
                        right.approval, right.majority_percent, seats.get(right.owner or "", 0)
                    )
                )
                if right.approval
                else None
            ),
            cell(and_join(right.consulted) or _NOT_APPLICABLE),
        )
        for right in deal.governance.decision_rights
    ]
    return _table("decision_rights", header, rows, style)


def escalation(deal: Deal, style: HouseStyle) -> Table:
    header = ("Step", "Who", "Days at this step")
    rows = [
        (cell(str(number)), cell(level.level), cell(str(level.days) if level.days else None))
        for number, level in enumerate(deal.governance.escalation, start=1)
    ]
    disputes = deal.governance.disputes
    final = None
    if disputes:
        mechanism = dispute_text(
            disputes.mechanism, disputes.rules, disputes.seat, disputes.binding
        )
        # as the escalation and dispute clauses say: only legal disputes reach the mechanism
        final = (
            f"Legal dispute: {mid_sentence(mechanism)}. Business matter: deadlock provisions, "
            f"not {humanise(disputes.mechanism)}"
        )
    rows.append((cell("Final"), cell(final), cell(_NOT_APPLICABLE)))
    return _table("escalation", header, rows, style)


def review_calendar(deal: Deal, style: HouseStyle) -> Table:
    header = ("Review point", "When", "Options", "Decided by")
    rows = []
    for point in deal.change.review_points:
        when = date_text(point.date, style) if point.date else None
        if when is None and point.after:
            when = f"{in_prose(point.after, style)} after the effective date"
        rows.append(
            (
                cell(point.name),
                cell(when),
                cell(_review_options(deal, point)),
                _review_decider(deal, point),
            )
        )
    return _table("review_calendar", header, rows, style)


def _review_options(deal: Deal, point: ReviewPoint) -> str | None:
    """The options at a review, with the lock-in note the term sheet's review clause gives a
    review held while the lock-in runs, so that the annex does not offer an exit the term sheet
    defers."""
    if not point.options:
        return None
    options = and_join(point.options, "or")
    convenience = any(trigger.kind == "convenience" for trigger in deal.exit.triggers)
    if (
        "exit" in point.options
        and convenience
        and point.date
        and within_lock_in(point.date, deal.exit.term)
    ):
        return (
            f"{options}; the Lock-in Period still runs: notice of an exit for convenience may be "
            "given only once it has ended"
        )
    return options


def _review_decider(deal: Deal, point: ReviewPoint) -> Cell:
    """Who decides at a review, as the term sheet's review clause says it: on whether the
    partnership goes on, a body only recommends to the parties, and a joint review does not
    take a renewal decision that the renewal clause leaves to each party or to the holder of
    an option; a party deciding alone only proposes a change of course, which the change
    procedure decides."""
    if not {"continue", "exit"} & set(point.options):
        return _owner(point.decided_by)
    if point.decided_by in {body.name for body in deal.governance.bodies}:
        return cell(f"{point.decided_by}, recommending to the parties")
    parties = {party.short_name for party in deal.parties}
    if point.decided_by in parties and {"expand", "narrow", "redirect"} & set(point.options):
        return cell(
            f"{point.decided_by}; a change of scope or course it proposes is decided under "
            "the change procedure"
        )
    renewal = deal.exit.renewal.type if deal.exit.renewal else None
    if point.decided_by in (None, JOINT) and renewal == "automatic":
        return cell("The parties review together; each may give notice of non-renewal")
    if point.decided_by in (None, JOINT) and renewal == "party_option":
        holder = deal.exit.renewal.option_holder if deal.exit.renewal else None
        return cell(
            f"The parties review together; {holder or 'the option holder'} decides on renewal"
        )
    return _owner(point.decided_by)


BUILDERS: dict[str, Callable[[Deal, HouseStyle], Table]] = {
    "contributions": contributions,
    "value_sharing": value_sharing,
    "bodies": bodies,
    "decision_rights": decision_rights,
    "escalation": escalation,
    "review_calendar": review_calendar,
}
