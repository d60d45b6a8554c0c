"""Element 3, clear roles and governance: bodies, decision rights, escalation and disputes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.common import Owner, PartyRef, Percent, Record, Text

BodyKind = Literal["steering_group", "execution_committee", "joint_pmo", "clean_team", "other"]
WORKING_TEAMS: tuple[BodyKind, ...] = ("joint_pmo", "clean_team")
"""Bodies that coordinate rather than decide: no chair or quorum is needed."""
Cadence = Literal["weekly", "fortnightly", "monthly", "quarterly", "semi_annually", "annually"]
DecisionArea = Literal[
    "architecture_baseline",
    "cost_baseline",
    "timing_baseline",
    "change_control",
    "quality_standards",
    "deviations",
    "scope",
    "budget",
    "staffing",
    "product",
    "other",
]
Approval = Literal["owner_decides", "simple_majority", "qualified_majority", "unanimous"]
DisputeKind = Literal["expert_determination", "mediation", "arbitration", "courts"]


class Body(Record):
    """A governance body such as the steering group or the joint PMO."""

    name: Text = Field(description="How decision rights refer to it, e.g. 'Steering Group'.")
    kind: BodyKind
    members: dict[PartyRef, int] = Field(default_factory=dict, description="Seats per party.")
    chair: PartyRef | None = None
    chair_rotation: Text | None = Field(None, description="e.g. 'alternates every two years'.")
    cadence: Cadence | None = None
    quorum: Text | None = Field(None, description="e.g. 'two members of each party'.")
    charter: Text | None = Field(None, description="What the body decides and oversees.")


class DecisionRight(Record):
    """One row of the decision-rights matrix."""

    decision: Text
    area: DecisionArea = "other"
    owner: Owner | None = Field(None, description="A party, 'joint', or a governance body.")
    approval: Approval | None = None
    majority_percent: Percent | None = Field(None, description="For a qualified majority.")
    consulted: list[PartyRef] = Field(default_factory=list)


class EscalationLevel(Record):
    """One step of the escalation path."""

    level: Text = Field(description="Who looks at the dispute at this step.")
    days: int | None = Field(None, ge=1, le=3650, description="Days allowed before it moves up.")


class Disputes(Record):
    """The mechanism at the end of the escalation path."""

    mechanism: DisputeKind
    binding: bool | None = Field(None, description="Whether the outcome binds the parties.")
    seat: Text | None = Field(None, description="Seat of arbitration or court, e.g. 'London'.")
    rules: Text | None = Field(None, description="e.g. 'ICC Rules', 'LCIA Rules', 'DIS Rules'.")
    language: Text | None = None


class CleanTeam(Record):
    """Information-exchange rules for partners who compete elsewhere."""

    required: bool = True
    rules: Text | None = None
    counsel: Text | None = Field(None, description="Who supervises the clean team.")


class Governance(Record):
    """Clear roles and governance."""

    bodies: list[Body] = Field(default_factory=list)
    decision_rights: list[DecisionRight] = Field(default_factory=list)
    escalation: list[EscalationLevel] = Field(default_factory=list)
    disputes: Disputes | None = None
    operating_reviews: Cadence | None = Field(None, description="Cadence of operating reviews.")
    reporting: Text | None = Field(None, description="What is reported, to whom, how often.")
    clean_team: CleanTeam | None = None

    def takes_no_decisions(self, body: Body) -> bool:
        """Whether a body only coordinates: a working team (a joint PMO, a clean team) that owns
        no decision of the matrix. One that owns a decision decides like any other body."""
        return body.kind in WORKING_TEAMS and all(
            right.owner != body.name for right in self.decision_rights
        )
