"""A JV lawyer's twenty-ninth reading of Volta, Ampere and Keystone: a capital call that waits
for the expert falls due on the expert's determination, not at no stated time."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _texts

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
