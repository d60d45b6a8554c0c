"""Element 5, an agreed exit path: term, renewal, triggers, survival, assets, valuation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from termgen.model.bounded import Day
from termgen.model.common import Duration, Money, PartyRef, Record, Text, shift

RenewalType = Literal["none", "automatic", "mutual_agreement", "party_option"]
TriggerKind = Literal[
    "breach",
    "insolvency",
    "change_of_control",
    "deadlock",
    "milestones",
    "regulatory",
    "convenience",
]
SurvivalKind = Literal[
    "supply_continuity",
    "service_parts",
    "software_updates",
    "confidentiality",
    "licences",
    "warranty",
    "data_access",
    "other",
]
AssetClass = Literal[
    "foreground_ip",
    "licences",
    "tooling",
    "plants",
    "data",
    "equity_stake",
    "seconded_staff",
    "other",
]
ValuationMethod = Literal["fair_market_value", "book_value", "formula", "fixed_price"]
CostBearer = Literal["each_own", "pro_rata", "terminating_party", "defaulting_party", "other"]


class Term(Record):
    """When the partnership starts and how long it first runs."""

    effective_date: Day | None = None
    initial: Duration | None = Field(None, description="Initial term, e.g. '10 years'.")
    end_date: Day | None = None
    end_milestone: Text | None = Field(None, description="An event that ends the term.")
    lock_in: Duration | None = Field(None, description="Period in which no party may leave freely.")

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Term:
        if self.effective_date and self.end_date and self.end_date <= self.effective_date:
            raise ValueError(
                f"the term ends ({self.end_date.isoformat()}) no later than it starts "
                f"({self.effective_date.isoformat()}); check the two dates"
            )
        return self


def expiry(term: Term | None) -> dt.date | None:
    """The day the initial term ends, when the answers allow computing it."""
    if term is None:
        return None
    if term.end_date:
        return term.end_date
    if term.effective_date and term.initial:
        return shift(term.effective_date, term.initial)
    return None


def ends_with_term(end: dt.date, term: Term | None) -> bool:
    """Whether a date falls on the last day of the initial term or later, so what runs until it
    runs for the whole term (an offtake then follows the partnership into its renewals)."""
    last = expiry(term)
    return last is not None and end >= last - dt.timedelta(days=1)


def ends_before_term(end: dt.date, term: Term | None) -> bool:
    """Whether a date falls before the last day of a known initial term, so what runs until it
    stops while the partnership goes on; never where the term's end is not known."""
    last = expiry(term)
    return last is not None and end < last - dt.timedelta(days=1)


def within_lock_in(day: dt.date, term: Term | None) -> bool:
    """Whether a date falls before the end of a lock-in whose start is known, so that no party
    may yet leave for convenience on it; never where the lock-in or its start is not known."""
    if term is None or term.effective_date is None or term.lock_in is None:
        return False
    return day < shift(term.effective_date, term.lock_in)


class Renewal(Record):
    """What happens when the initial term ends."""

    type: RenewalType
    period: Duration | None = Field(None, description="Length of each renewal period.")
    notice: Duration | None = Field(None, description="Notice needed to stop a renewal.")
    option_holder: PartyRef | None = Field(None, description="For a party's option to renew.")
    max_renewals: int | None = Field(None, ge=1, le=100)


class ExitTrigger(Record):
    """An event that lets a party leave, with the notice and cure that apply."""

    kind: TriggerKind
    exercisable_by: PartyRef | None = Field(None, description="Omit when either party may.")
    notice: Duration | None = None
    cure: Duration | None = Field(None, description="Time to put things right, e.g. for breach.")
    description: Text | None = None


class SurvivingObligation(Record):
    """An obligation that outlives the partnership."""

    kind: SurvivalKind
    description: Text | None = None
    duration: Duration | None = None


class AssetTreatment(Record):
    """What happens on exit to one class of shared asset."""

    asset: AssetClass
    description: Text | None = Field(None, description="Which assets of this class.")
    treatment: Text | None = Field(None, description="Who keeps, buys or licenses it on exit.")


class Valuation(Record):
    """How a stake or jointly owned asset is valued on a buy-out."""

    method: ValuationMethod
    price: Money | None = Field(None, description="A fixed price, or the floor under a formula.")
    expert: Text | None = Field(None, description="Who values it when parties disagree.")
    details: Text | None = None


class ExitCosts(Record):
    """Who pays for leaving."""

    borne_by: CostBearer
    details: Text | None = None


class Exit(Record):
    """An agreed exit path."""

    term: Term | None = None
    renewal: Renewal | None = None
    triggers: list[ExitTrigger] = Field(default_factory=list)
    survival: list[SurvivingObligation] = Field(default_factory=list)
    assets: list[AssetTreatment] = Field(default_factory=list)
    valuation: Valuation | None = None
    costs: ExitCosts | None = None
