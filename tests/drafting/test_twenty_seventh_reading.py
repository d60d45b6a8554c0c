"""A JV lawyer's twenty-seventh reading of the example drafts: the annex's rules on diverging
quality standards and on deviations say what applies when the matrix has no row for them;
the in-sourcing option refers to the licences the shared-assets clause grants instead of
granting them a second time; a contribution is accepted by the body that owns the decision it
rests on; an exit right rests on a material breach, as the exit trigger does; a deal with a
single milestone is not told of a phase plan it does not have; the knowledge-transfer plan an
in-sourcing option rests on has an author, a deadline and a way out when it is not agreed, and
certification is never withheld by silence; "working day", used throughout, is defined once,
on one calendar for every party."""

from __future__ import annotations

from typing import Any

import pytest

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

OWNER_DECIDES = "Where quality standards of the parties diverge, the owner of quality standards"
STRICTER = (
    "Where quality standards of the parties diverge, the stricter of the standards in question "
    "applies until the parties agree otherwise, as the matrix names no owner of quality "
    "standards."
)
STATED = "Deviations from an approved baseline need the approval stated for deviations."
AS_A_CHANGE = (
    "The matrix states no approval for deviations: a deviation from an approved baseline is a "
    "change to that baseline, decided as the change-control procedure of this annex provides."
)


def _rows(data: dict[str, Any], area: str) -> list[dict[str, Any]]:
    return [row for row in data["governance"]["decision_rights"] if row["area"] == area]


def test_a_matrix_without_quality_or_deviation_rows_still_says_who_decides() -> None:
    data = _answers("incomplete-deal.yaml")
    assert not _rows(data, "quality_standards") and not _rows(data, "deviations")
    matrix = _texts(data)["governance.annex.matrix"]
    assert STRICTER in matrix and AS_A_CHANGE in matrix
    assert OWNER_DECIDES not in matrix and STATED not in matrix


@pytest.mark.parametrize(
    "name", ["sdv-software.yaml", "bridge-technology.yaml", "platform-sharing.yaml"]
)
def test_a_matrix_with_those_rows_points_to_them(name: str) -> None:
    data = _answers(name)
    assert _rows(data, "quality_standards") and _rows(data, "deviations")
    matrix = _texts(data)["governance.annex.matrix"]
    assert f"{OWNER_DECIDES} decides which applies." in matrix and STATED in matrix
    assert "stricter" not in matrix and "states no approval" not in matrix


def test_each_rule_follows_its_own_row() -> None:
    data = _answers("bridge-technology.yaml")
    data["governance"]["decision_rights"] = [
        row for row in data["governance"]["decision_rights"] if row["area"] != "deviations"
    ]
    matrix = _texts(data)["governance.annex.matrix"]
    assert f"{OWNER_DECIDES} decides which applies." in matrix and AS_A_CHANGE in matrix
    data = _answers("incomplete-deal.yaml")
    data["governance"]["decision_rights"].append(
        {"decision": "Quality standard", "area": "quality_standards", "owner": "TAT"}
    )
    matrix = _texts(data)["governance.annex.matrix"]
    assert f"{OWNER_DECIDES} decides which applies." in matrix and AS_A_CHANGE in matrix
    assert "stricter" not in matrix


def test_the_in_sourcing_option_refers_to_the_licences_instead_of_granting_them_again() -> None:
    data = _answers("bridge-technology.yaml")
    texts = _texts(data)
    granted = "CMC receives a perpetual source-code licence for its own vehicles"
    assert [key for key, text in texts.items() if granted in text] == ["exit.assets"]
    assert texts["exit.in-sourcing-option"].startswith(
        "CMC receives on the option the licences that the treatment of licences on exit in "
        f"clause {_numbers(data)['exit.assets']} provides. Every licence CMC receives"
    )
    # Without a treatment of licences, the option names none.
    data["exit"]["assets"] = [row for row in data["exit"]["assets"] if row["asset"] != "licences"]
    option = _texts(data)["exit.in-sourcing-option"]
    assert option.startswith("Every licence CMC receives on the option")
    assert "treatment of licences" not in option


def test_plant_capacity_is_accepted_by_the_body_that_allocates_it() -> None:
    data = _answers("platform-sharing.yaml")
    (allocation,) = [
        row for row in data["governance"]["decision_rights"] if "capacity" in row["decision"]
    ]
    (row,) = [row for row in _table(data, "contributions") if row[1].startswith("Plant capacity")]
    assert f"accepted by the {allocation['owner']} when it agrees the plan" in row[-1]
    assert "Program Board" not in row[-1]
    assert (
        f"agreed each year by the {allocation['owner']}"
        in _texts(data)["strengths.volume-commitments"]
    )


def test_buying_the_features_back_rests_on_a_material_breach() -> None:
    assets = _texts(_answers("sdv-software.yaml"))["exit.assets"]
    assert "after an exit for LUMEN's change of control or material breach, BFW may buy" in assets
    assert "or breach," not in assets


PLANNED = [
    "strengths.contributions",
    "change.review-points",
    "exit.trigger.milestones",
    "change.annex.review-calendar",
    "governance.unreached",
]


def test_a_single_milestone_is_not_called_a_phase_plan() -> None:
    data = _answers("incomplete-deal.yaml")
    assert len(data["strengths"]["phases"]) == 1
    texts = _texts(data)
    number = _numbers(data)["strengths.phases"]
    assert not [key for key, text in texts.items() if "phase plan" in text or " a phase" in text]
    assert f"such as meeting the milestone in clause {number} or" in texts[PLANNED[0]]
    assert (
        f"A review does not start what the milestone in clause {number} opens, which starts when "
        "that milestone is confirmed; it changes that clause only through the change procedure"
    ) in texts["change.review-points"]
    trigger = texts["exit.trigger.milestones"]
    assert f"whether or not the case concerns the milestone in clause {number}:" in trigger
    assert trigger.endswith(f"it does not move the target date in clause {number}.")
    calendar = texts["change.annex.review-calendar"]
    assert (
        "A review neither starts nor stops what the milestone opens, which starts when the "
        f"milestone is confirmed, as clause {number} of the term sheet provides"
    ) in calendar
    assert calendar.endswith(f"until then clause {number} of the term sheet applies.")
    assert (
        f"the contributions schedule and the milestone and its target date in clause {number}."
    ) in texts["governance.unreached"]


def test_several_phases_are_still_a_phase_plan() -> None:
    texts = _texts(_answers("platform-sharing.yaml"))
    assert [key for key in PLANNED if "phase plan" not in texts[key]] == []


def test_a_milestone_trigger_without_phases_names_no_plan() -> None:
    data = _answers("incomplete-deal.yaml")
    data["strengths"]["phases"] = []
    trigger = _texts(data)["exit.trigger.milestones"]
    assert "whether or not the case concerns a milestone:" in trigger
    assert trigger.endswith("it does not move any other target date.")
    assert "phase" not in trigger and "clause 4.3" not in trigger


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("incomplete-deal.yaml", "If the milestone in clause 4.3 has not been met by its target"),
        (
            "platform-sharing.yaml",
            "If a milestone of the phase plan has not been met by its target date in clause 4.3",
        ),
    ],
)
def test_an_undated_milestone_trigger_names_the_milestone_as_the_plan_has_it(
    name: str, opening: str
) -> None:
    data = _answers(name)
    for trigger in data["exit"]["triggers"]:
        if trigger["kind"] == "milestones":
            trigger.pop("description", None)
    assert _texts(data)["exit.trigger.milestones"].startswith(opening)


def test_the_knowledge_transfer_plan_cannot_be_held_back_by_the_provider() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    transfer = _texts(data)["strengths.knowledge-transfer"]
    assert (
        "under a knowledge-transfer plan that sets the roles, the certification criteria and the "
        "number of engineers to be trained. SDA proposes the plan within 90 days after the "
        "Effective Date, and the parties agree it within 30 days after it is proposed; where they "
        "have not agreed a plan by then, or none has been proposed in time, either party may "
        "refer the plan to an independent expert, who sets it so that CMC's engineers can "
        "maintain and develop the technology themselves once the option may be exercised."
    ) in transfer
    assert (
        "An engineer is certified once SDA confirms in writing that the engineer meets the "
        "certification criteria of the plan; SDA confirms it, or refuses in writing naming each "
        "criterion not met, within 15 working days after CMC puts the engineer forward, and "
        "where it does neither, or CMC disputes a refusal, CMC may refer the certification to an "
        "independent expert. Each expert is appointed and decides as clause "
        f"{numbers['strengths.phases']} provides for a dispute on a milestone."
    ) in transfer
    assert transfer.endswith("Progress is reported with the contributions.")


def test_without_phases_or_a_single_holder_the_plan_still_has_its_expert() -> None:
    data = _answers("bridge-technology.yaml")
    data["strengths"]["phases"] = []
    for trigger in data["exit"]["triggers"]:
        trigger.pop("exercisable_by", None)
    transfer = _texts(data)["strengths.knowledge-transfer"]
    assert "The technology provider proposes the plan within 90 days" in transfer
    assert "after the in-sourcing party puts the engineer forward" in transfer
    assert (
        f"Each expert is appointed and decides as clause {_numbers(data)['strengths.contributions']} "
        "provides for a dispute on whether a contribution meets its criteria."
    ) in transfer


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("robotaxi-pilot.yaml", "Wilmington, Delaware"),
        ("bridge-technology.yaml", "New York"),
        ("platform-sharing.yaml", "Geneva"),
    ],
)
def test_a_working_day_is_defined_once_on_the_calendar_of_the_seat(name: str, place: str) -> None:
    texts = _texts(_answers(name))
    assert [key for key, text in texts.items() if "a working day is" in text] == ["general.notices"]
    assert texts["general.notices"].endswith(
        "In this term sheet, a working day is a day, other than a Saturday or a Sunday, on which "
        f"banks are open for general business in {place} (for the receipt of a notice, at the "
        "place of receipt); a period stated in days, not working days, counts calendar days."
    )


def test_without_a_seat_a_working_day_is_the_acting_partys() -> None:
    data = _answers("incomplete-deal.yaml")
    data["governance"]["disputes"].pop("seat")
    assert _texts(data)["general.notices"].endswith(
        "on which banks are open for general business at the place of the party that is to act "
        "or to receive the notice; a period stated in days, not working days, counts calendar "
        "days."
    )
