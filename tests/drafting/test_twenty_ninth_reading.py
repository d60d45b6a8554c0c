"""A JV lawyer's twenty-ninth reading of Volta, Ampere and Keystone: a capital call that waits
for the expert falls due on the expert's determination, not at no stated time; a Board meeting
on a milestone that is not quorate holds the period open for its adjourned meeting."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers

EXPERT_DUE = (
    "the call falls due on the day the expert's determination that the milestone has been met "
    "is given to the parties."
)


@pytest.mark.parametrize("name", ["battery-jv.yaml", "edrive-jv.yaml"])
def test_a_call_the_board_did_not_confirm_falls_due_on_the_experts_determination(
    name: str,
) -> None:
    calls = _texts(_answers(name))["goals.capital-calls"]
    assert (
        f"where the Board has not so confirmed it within the period that clause sets, {EXPERT_DUE}"
        in (calls)
    )
    assert "does not fall due before the expert" not in calls


def test_without_a_phase_plan_the_call_still_falls_due_on_the_determination() -> None:
    data = _answers("edrive-jv.yaml")
    del data["strengths"]["phases"]
    calls = _texts(data)["goals.capital-calls"]
    assert f"where the Board has not so confirmed it within that period, {EXPERT_DUE}" in calls


@pytest.mark.parametrize(
    ("name", "nobody"), [("battery-jv.yaml", "neither party"), ("edrive-jv.yaml", "no party")]
)
def test_an_inquorate_board_meeting_does_not_send_a_milestone_to_the_expert(
    name: str, nobody: str
) -> None:
    """5 working days' notice and 5 more for the adjournment fill the Board's 10 working days
    only if the meeting is called on the day of the report: the period waits for the adjourned
    meeting, which is quorate with the directors present."""
    data = _answers(name)
    numbers = _numbers(data)
    texts = _texts(data)
    phases = texts["strengths.phases"]
    assert (
        "Where a meeting called for it is not quorate, that period ends only once the meeting to "
        f"which clause {numbers['company.board']} adjourns it has been held, so that {nobody} "
        "can send the milestone to the expert by staying away."
    ) in phases
    assert "a meeting that is not quorate is adjourned by 5 working days" in texts["company.board"]
    # The sentence sits before the phase opens on the confirmation made within that period.
    assert phases.index("by staying away") < phases.index("where the Board has not so confirmed")


def test_a_steering_committee_that_needs_every_party_keeps_its_ten_working_days() -> None:
    """At Keystone the Steering Committee confirms unanimously, at an adjourned meeting too: the
    adjournment cannot carry the decision, so the period is not stretched for it."""
    phases = _texts(_answers("sdv-software.yaml"))["strengths.phases"]
    assert "The Steering Committee decides within 10 working days after that report" in phases
    assert "staying away" not in phases
