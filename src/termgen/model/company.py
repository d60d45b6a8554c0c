"""The joint-venture company of an equity joint venture: its form and capital, board and
reserved matters, officers, dividends, funding, transfers of shares and the deadlock mechanism."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.common import Duration, Money, PartyRef, Percent, Record, Text

ReservedApproval = Literal["unanimous", "qualified_majority"]
ReservedLevel = Literal["board", "shareholders"]
DividendPolicy = Literal["payout", "reinvest_first", "board_discretion"]
FundingDefault = Literal["dilution", "shareholder_loan", "loan_or_dilution"]
StaffPaidBy = Literal["jv_at_cost", "contributing_party"]
PreEmption = Literal["first_refusal", "first_offer", "none"]
DeadlockMechanism = Literal["russian_roulette", "texas_shoot_out", "put_call"]


class Board(Record):
    """The board of the joint-venture company."""

    seats: dict[PartyRef, int] = Field(
        default_factory=dict, description="Directors each party appoints, e.g. NAW: 3."
    )
    chair: PartyRef | None = Field(None, description="The party that nominates the chair.")
    chair_rotates_every: Duration | None = Field(
        None, description="How often the right to nominate the chair passes to the next party."
    )
    casting_vote: bool | None = Field(None, description="Whether the chair has a casting vote.")


class ReservedMatter(Record):
    """A decision the company may only take with more than a simple majority."""

    matter: Text = Field(description="e.g. 'Approval of the annual budget and business plan'.")
    approval: ReservedApproval = "unanimous"
    majority_percent: Percent | None = Field(None, description="For a qualified majority.")
    level: ReservedLevel = Field("board", description="Decided by the board or the shareholders.")


class Officer(Record):
    """A key officer of the company and the party that nominates the holder."""

    role: Text = Field(description="e.g. 'Chief Executive Officer'.")
    nominated_by: PartyRef | None = Field(None, description="The party that nominates the holder.")


class Dividends(Record):
    """How the company distributes its profits."""

    policy: DividendPolicy
    payout_percent: Percent | None = Field(
        None, description="Share of distributable profits paid out each year, for 'payout'."
    )


class Funding(Record):
    """How the company is funded beyond its share capital, and what a funding default costs."""

    call_period: Duration | None = Field(None, description="Time to pay a capital call.")
    on_default: FundingDefault | None = Field(
        None, description="What the others may do when a party does not fund its share."
    )
    dilution_discount: Percent | None = Field(
        None, description="Discount on the price of shares issued to cover a defaulted call."
    )
    contributed_staff: StaffPaidBy | None = Field(
        None,
        description=(
            "Who pays for the staff and services a party contributes to the company (engineers, "
            "validation slots, release bandwidth): the company at cost, or the contributing "
            "party; omitted: the company at cost."
        ),
    )


class Transfers(Record):
    """Restrictions on transferring shares in the company."""

    lock_up: Duration | None = Field(
        None, description="Period after completion in which no party may transfer its shares."
    )
    pre_emption: PreEmption | None = Field(
        None, description="The others' right to buy shares a party wants to sell."
    )
    tag_along: bool | None = Field(None, description="Whether the others may sell alongside.")
    drag_along: bool | None = Field(
        None, description="Whether a party selling its shares may make the others sell too."
    )
    drag_threshold: Percent | None = Field(
        None, description="Share of the company a seller must hold to drag the others."
    )


class Deadlock(Record):
    """What ends a deadlock on a reserved matter: who may buy whom, and how."""

    mechanism: DeadlockMechanism
    cooling_off: Duration | None = Field(
        None, description="Time after escalation fails before the mechanism may be started."
    )
    response_period: Duration | None = Field(
        None, description="Time the other parties have to answer a notice or to bid."
    )
    call_holder: PartyRef | None = Field(
        None, description="For a put and call: the party that may buy the others out."
    )


class Company(Record):
    """The joint-venture company (equity joint ventures only)."""

    name: Text | None = Field(None, description="e.g. 'Volta Cell Manufacturing LLC'.")
    form: Text | None = Field(None, description="e.g. 'limited liability company'.")
    jurisdiction: Text | None = Field(None, description="Where it is incorporated.")
    share_capital: Money | None = Field(None, description="Initial share capital.")
    board: Board | None = None
    reserved_matters: list[ReservedMatter] = Field(default_factory=list)
    officers: list[Officer] = Field(default_factory=list)
    dividends: Dividends | None = None
    funding: Funding | None = None
    transfers: Transfers | None = None
    deadlock: Deadlock | None = None
