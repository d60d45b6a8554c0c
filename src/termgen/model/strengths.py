"""Element 2, complementary strengths: contributions in executable terms, and phases."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from termgen.model.bounded import Day
from termgen.model.common import PartyRef, Quantity, Record, Text
from termgen.wording import humanise

ContributionKind = Literal[
    "engineering_capacity",
    "validation_slots",
    "tooling_budget",
    "plant_allocation",
    "software_release_bandwidth",
    "ip_licence",
    "market_access",
    "capital",
    "supplier_leverage",
    "data_access",
    "other",
]

MONEY_KINDS = frozenset({"capital", "tooling_budget"})
"""Contributions that are amounts of money."""

OFFTAKE_PURPOSES = frozenset({"electrification"})
"""Deals whose plant allocation is a buyer's offtake: the interview asks for offtake
commitments there, and messages call them so."""


class Contribution(Record):
    """What one party puts in, stated so that it can be executed and checked."""

    party: PartyRef
    kind: ContributionKind
    description: Text | None = None
    quantity: Quantity | None = Field(None, description="e.g. '40 FTE' or 'EUR 25m'.")
    start: Day | None = None
    end: Day | None = None
    milestone: Text | None = Field(None, description="The milestone it is due by, if not a date.")
    critical_path: bool | None = Field(None, description="Whether the program waits on it.")
    tracking: Text | None = Field(None, description="How its use is tracked and reported.")
    acceptance: Text | None = Field(None, description="When the other side accepts it as given.")

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Contribution:
        if self.start and self.end and self.end < self.start:
            raise ValueError(
                f"it ends ({self.end.isoformat()}) before it starts ({self.start.isoformat()}); "
                "check the two dates"
            )
        return self

    @property
    def not_money(self) -> bool:
        """A capital or tooling-budget contribution whose quantity is not an amount of money."""
        return self.kind in MONEY_KINDS and self.quantity is not None and not self.quantity.is_money

    def named(self, purpose: str | None) -> str:
        """What the user chose it as: 'NAW's offtake commitment' in a battery deal, else
        'KSC's IP licence contribution'."""
        if self.kind == "plant_allocation" and purpose in OFFTAKE_PURPOSES:
            return f"{self.party}'s offtake commitment"
        return f"{self.party}'s {humanise(self.kind)} contribution"

    @property
    def has_timing(self) -> bool:
        return bool(self.start or self.end or self.milestone)


class Phase(Record):
    """A stage of the partnership; reaching its milestone unlocks the next scope."""

    name: Text
    scope: Text | None = None
    milestone: Text | None = Field(None, description="What must be achieved to close the phase.")
    target_date: Day | None = None
    unlocks: Text | None = Field(None, description="What scope opens once the milestone is met.")


class Strengths(Record):
    """Complementary strengths: contributions and phases."""

    contributions: list[Contribution] = Field(default_factory=list)
    none_of: list[ContributionKind] = Field(
        default_factory=list,
        description=(
            "Kinds of contribution the deal has none of, said on purpose (plant_allocation: "
            "no offtake commitments): the interview does not ask for them again."
        ),
    )
    open_of: list[ContributionKind] = Field(
        default_factory=list,
        description=(
            "Kinds of contribution left open on purpose (software_release_bandwidth: release "
            "bandwidth still to be agreed): a finding until a contribution of that kind is given."
        ),
    )
    phases: list[Phase] = Field(default_factory=list)
