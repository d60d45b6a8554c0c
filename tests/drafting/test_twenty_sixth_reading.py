"""A JV lawyer's twenty-sixth reading of the example drafts: a disagreement that no level of
the escalation path dealt with (a party refusing a contribution, a team below the path) has
a level to start at; the change-control steps open as the answers' steps do."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _texts


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("battery-jv.yaml", "to the Execution Committee, for 15 days"),
        ("robotaxi-pilot.yaml", "to the Operations PMO, for 5 days"),
        ("incomplete-deal.yaml", "to the Steering Group, for 20 days"),
    ],
)
def test_a_disagreement_from_outside_the_path_starts_at_the_first_level(
    name: str, first: str
) -> None:
    texts = _texts(_answers(name))
    escalation = texts["governance.escalation"]
    assert escalation.startswith(f"A disagreement moves up the escalation path: {first}, ")
    assert (
        "It starts at the level above the body or person on the path that could not resolve "
        "it or, where it arose elsewhere, at the first level."
    ) in escalation
    annex = texts["governance.annex.escalation"]
    assert (
        "to the next level above that body or person, and may refer any other disagreement in "
        "the same way to the first level."
    ) in annex


@pytest.mark.parametrize(
    ("name", "pmo"),
    [
        ("battery-jv.yaml", "The Joint PMO assesses"),
        ("bridge-technology.yaml", "The parties jointly assess"),
    ],
)
def test_each_change_control_step_opens_with_a_capital(name: str, pmo: str) -> None:
    data = _answers(name)
    if "jointly" in pmo:
        data["governance"]["bodies"] = [
            body for body in data["governance"]["bodies"] if body["kind"] != "joint_pmo"
        ]
    steps = _texts(data)["change.annex.change-control"].splitlines()
    assert [step.split(":")[0] for step in steps] == [
        "Proposal",
        "Assessment",
        "Approval",
        "Record",
    ]
    assert steps[1].startswith(f"Assessment: {pmo} the impact"), steps[1]
    assert steps[2].startswith("Approval: The "), steps[2]
    for step in steps:
        label, text = step.split(": ", 1)
        assert text[:1].isupper(), step
