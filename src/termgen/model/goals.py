"""Element 1, shared strategic goals: objectives, trade-offs, scope and how value is shared."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from termgen.model.bounded import Day
from termgen.model.common import Duration, Owner, PartyRef, Percent, Record, Text

TradeOffAxis = Literal[
    "speed_vs_customisation", "global_vs_regional", "cost_vs_performance", "other"
]


class Measure(Record):
    """How success of an objective is measured."""

    kpi: Text | None = Field(None, description="What is measured, e.g. 'cell cost per kWh'.")
    target: Text | None = Field(None, description="The value to reach, e.g. 'below USD 80/kWh'.")
    by: Day | None = Field(None, description="When it must be reached.")


class Objective(Record):
    """One thing the partnership sets out to achieve."""

    statement: Text
    owner: Owner | None = Field(None, description="A party, 'joint', or a governance body.")
    measure: Measure | None = None


class TradeOff(Record):
    """A trade-off the parties accept up front, and who settles it when it bites."""

    axis: TradeOffAxis
    position: Text | None = Field(None, description="What was agreed, e.g. 'speed first'.")
    decided_by: Owner | None = None


class Scope(Record):
    """What is done jointly, what stays independent, and where the partnership applies."""

    joint: list[Text] = Field(default_factory=list, description="Activities done together.")
    independent: list[Text] = Field(default_factory=list, description="Kept separate.")
    regions: list[Text] = Field(default_factory=list)
    functions: list[Text] = Field(default_factory=list)
    programs: list[Text] = Field(default_factory=list, description="Vehicle programs in scope.")
    excluded: list[Text] = Field(default_factory=list, description="Expressly out of scope.")


LicenceGrant = Literal["non_exclusive", "exclusive_in_field", "exclusive"]


class Licensing(Record):
    """The licences the parties grant each other for the work in scope (deals without a
    joint-venture company): how wide, and for which field of use."""

    grant: LicenceGrant | None = None
    field_of_use: list[Text] = Field(
        default_factory=list, description="What the licensed rights may be used for."
    )
    royalty_free: bool | None = None
    sublicensing: bool | None = Field(
        None, description="Whether a licensee may sublicense to its affiliates and suppliers."
    )


SHARE_KINDS = ("cost_share", "profit_share", "revenue_share", "equity")


class ValueSharing(Record):
    """How value is divided: each share is percent per party and may not exceed 100 in total."""

    cost_share: dict[PartyRef, Percent] = Field(default_factory=dict)
    profit_share: dict[PartyRef, Percent] = Field(default_factory=dict)
    revenue_share: dict[PartyRef, Percent] = Field(default_factory=dict)
    equity: dict[PartyRef, Percent] = Field(default_factory=dict)
    revenue_share_for: Duration | None = Field(
        None,
        description=(
            "How long the revenue share runs from the Effective Date, e.g. '8 years'; "
            "omitted: as long as the partnership."
        ),
    )
    transfer_pricing: Text | None = Field(None, description="Basis for intra-partnership prices.")

    @field_validator(*SHARE_KINDS)
    @classmethod
    def _not_over_100(cls, shares: dict[str, Percent]) -> dict[str, Percent]:
        total = sum(shares.values())
        if total > 100:
            raise ValueError(f"the shares add up to {total:f} %, more than 100 %")
        return shares

    def shares(self) -> dict[str, dict[str, Percent]]:
        """The share tables that have entries, by kind."""
        return {kind: getattr(self, kind) for kind in SHARE_KINDS if getattr(self, kind)}


RecallAllocation = Literal["by_responsibility", "by_fault", "cost_share"]


class Liability(Record):
    """How the parties carry the risks of what they put on the road (deals without a
    joint-venture company, which carries its own): their liability to each other, third-party
    product liability and recalls, the insurance each keeps, and who holds the permits."""

    cap: Text | None = Field(
        None,
        description=(
            "Limit of each party's liability to the other party or parties, e.g. 'EUR 25m a year'."
        ),
    )
    recall: RecallAllocation | None = Field(
        None,
        description=(
            "Who bears third-party product liability and recall costs among the parties: the "
            "party responsible for the component or software, by fault, or in the cost shares."
        ),
    )
    insurance: list[Text] = Field(
        default_factory=list,
        description="Insurance each party keeps, e.g. 'product liability of USD 50m per claim'.",
    )
    permit_holder: PartyRef | None = Field(
        None, description="The party that holds the permits to operate the service, if any."
    )


class Goals(Record):
    """Shared strategic goals."""

    objectives: list[Objective] = Field(default_factory=list)
    trade_offs: list[TradeOff] = Field(default_factory=list)
    scope: Scope = Field(default_factory=Scope)
    licensing: Licensing | None = None
    value_sharing: ValueSharing = Field(default_factory=ValueSharing)
    liability: Liability = Field(default_factory=Liability)
