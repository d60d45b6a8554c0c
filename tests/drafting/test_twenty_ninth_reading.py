"""A JV lawyer's twenty-ninth reading of Volta, Ampere and Keystone: a capital call that waits
for the expert falls due on the expert's determination, not at no stated time; a Board meeting
on a milestone that is not quorate holds the period open for its adjourned meeting; a decision
not reached on a change row names a change, not a deviation; Keystone's instalments fall due
where the expert, not the Steering Committee, finds a milestone met."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _table, _texts
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


@pytest.mark.parametrize(
    ("name", "row", "what"),
    [
        ("edrive-jv.yaml", "Changes to the plant plan within budget", "change"),
        ("sdv-software.yaml", "Changes to the release content", "change"),
    ],
)
def test_a_decision_not_reached_on_a_change_row_names_a_change_only(
    name: str, row: str, what: str
) -> None:
    text = _texts(_answers(name))["governance.unreached"]
    assert f'The row "{row}": the {what} is not made, and the approved baseline continues.' in text
    assert "change or deviation" not in text


def test_change_and_deviation_rows_together_keep_both_words() -> None:
    text = _texts(_answers("battery-jv.yaml"))["governance.unreached"]
    assert (
        'The rows "Changes to the plant plan within budget" and "Deviations from approved cell '
        'specifications": the change or deviation is not made'
    ) in text


def test_a_deviation_row_alone_names_a_deviation() -> None:
    data = _answers("battery-jv.yaml")
    rights = data["governance"]["decision_rights"]
    data["governance"]["decision_rights"] = [r for r in rights if r["area"] != "change_control"]
    text = _texts(data)["governance.unreached"]
    assert (
        'The row "Deviations from approved cell specifications": the deviation is not made'
    ) in text


def test_keystone_instalments_fall_due_on_the_experts_determination_too() -> None:
    """The Steering Committee confirms a milestone unanimously, so BFW, which pays the
    instalments, could withhold its confirmation: the expert route of the phase plan then opens
    the phase, and must make the instalment due as well."""
    data = _answers("sdv-software.yaml")
    funding = next(row for row in _table(data, "contributions") if row[1].startswith("Funding"))
    acceptance = funding[6].replace("\xa0", " ")
    assert (
        "a phase milestone once the Steering Committee confirms it under the phase plan or, "
        "where it has not so confirmed it in time, once the expert determines that it has been "
        "met; a release once it is accepted"
    ) in acceptance
    phases = _texts(data)["strengths.phases"]
    assert "the next phase opens only once the expert has determined that the milestone" in phases
