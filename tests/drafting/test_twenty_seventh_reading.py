"""A JV lawyer's twenty-seventh reading of the example drafts: the annex's rules on diverging
quality standards and on deviations say what applies when the matrix has no row for them;
the in-sourcing option refers to the licences the shared-assets clause grants instead of
granting them a second time; a contribution is accepted by the body that owns the decision it
rests on; an exit right rests on a material breach, as the exit trigger does."""

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
