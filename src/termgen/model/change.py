"""Element 4, readiness for change: review points, change procedure, recalibration."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.bounded import Day
from termgen.model.common import Duration, Owner, Percent, Record, Text

ReviewOption = Literal["expand", "narrow", "redirect", "continue", "exit"]
RecalibrationKind = Literal["volume", "tariff", "regulatory", "input_cost", "technology", "other"]


class ReviewPoint(Record):
    """A formal point where scope can be expanded, narrowed or redirected."""

    name: Text
    date: Day | None = None
    after: Duration | None = Field(None, description="Time after the effective date, if no date.")
    options: list[ReviewOption] = Field(default_factory=list)
    decided_by: Owner | None = None


class ChangeProcedure(Record):
    """How a change is proposed, assessed and approved."""

    proposal: Text | None = Field(None, description="Who may propose a change, and how.")
    assessment_days: int | None = Field(
        None, ge=1, le=3650, description="Days to assess its impact."
    )
    approval: Owner | None = Field(None, description="The party, body or 'joint' who approves.")
    record: Text | None = Field(None, description="Where approved changes are recorded.")


class RecalibrationTrigger(Record):
    """An event that reopens the economics."""

    kind: RecalibrationKind
    threshold: Text | None = Field(None, description="e.g. 'volumes 15 % below plan'.")
    percent: Percent | None = None
    consequence: Text | None = Field(None, description="What is renegotiated.")


class Change(Record):
    """Readiness for change."""

    review_points: list[ReviewPoint] = Field(default_factory=list)
    procedure: ChangeProcedure | None = None
    recalibration_triggers: list[RecalibrationTrigger] = Field(default_factory=list)
    integration_measures: list[Text] = Field(
        default_factory=list, description="e.g. joint meetings, short leadership swaps."
    )
