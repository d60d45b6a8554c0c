"""The term sheet's own mechanics: when it lapses, the timetable to the definitive agreements,
announcements, earlier agreements it leaves in force, and how it is signed."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.bounded import Day
from termgen.model.common import Duration, Record, Text

Announcements = Literal["joint", "consent", "none_before_signing"]


class TimetableStep(Record):
    """One step on the way to the definitive agreements."""

    step: Text = Field(description="e.g. 'Confirmatory due diligence completed'.")
    by: Day | None = None


class TermSheet(Record):
    """The mechanics of the term sheet itself."""

    expires_on: Day | None = Field(
        None, description="Date the term sheet lapses unless the definitive agreements are signed."
    )
    expires_after: Duration | None = Field(
        None, description="Or the period after signature after which it lapses."
    )
    signing_by: Day | None = Field(None, description="Target date for the definitive agreements.")
    timetable: list[TimetableStep] = Field(default_factory=list)
    definitive_agreements: list[Text] = Field(
        default_factory=list, description="e.g. 'shareholders' agreement', 'offtake agreement'."
    )
    announcements: Announcements | None = Field(
        None, description="Who may announce the deal, and when."
    )
    prior_agreements: list[Text] = Field(
        default_factory=list,
        description="Earlier agreements that stay in force, e.g. the non-disclosure agreement.",
    )
    electronic_signature: bool | None = Field(
        None, description="Whether it may be signed electronically, in counterparts."
    )
