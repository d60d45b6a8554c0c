"""A JV lawyer's twenty-fifth reading of the example drafts: the escalation path names each
level as a sentence names it, whatever name was typed; the capital a party contributes is
accepted by the JV, not by an officer the other party nominated; a purpose reads as English
on the cover."""

from __future__ import annotations

from typing import get_args

import pytest

from termgen.model.meta import Purpose
from termgen.wording import purpose_text

from ..conftest import EXAMPLES_DIR
from ..docx_reading import drafted, word
from .test_fifth_reading import _answers, _table, _texts


@pytest.mark.parametrize(
    ("typed", "drafted"),
    [
        ("CEOs", "then to the CEOs, for 15 days."),
        ("the CEOs", "then to the CEOs, for 15 days."),
        ("The CEOs of both parties", "then to the CEOs of both parties, for 15 days."),
        ("Chief executives", "then to the chief executives, for 15 days."),
        ("CMC's chief executive", "then to CMC's chief executive, for 15 days."),
    ],
)
def test_each_escalation_level_is_named_once_with_its_article(typed: str, drafted: str) -> None:
    data = _answers("bridge-technology.yaml")
    data["governance"]["escalation"][-1]["level"] = typed
    text = _texts(data)["governance.escalation"]
    assert (
        "escalation path: to the Integration Board, for 5 days, then to the Steering "
        f"Committee, for 15 days, {drafted}"
    ) in text
    assert "the the" not in text.casefold()


def test_a_single_level_path_reads_as_a_sentence() -> None:
    data = _answers("bridge-technology.yaml")
    data["governance"]["escalation"] = [{"level": "Steering Committee", "days": 20}]
    text = _texts(data)["governance.escalation"]
    assert "escalation path: to the Steering Committee, for 20 days. " in text


@pytest.mark.parametrize(
    ("name", "every"), [("battery-jv.yaml", "both"), ("edrive-jv.yaml", "every")]
)
def test_capital_contributions_are_accepted_by_the_board_on_the_banks_statement(
    name: str, every: str
) -> None:
    rows = [row for row in _table(_answers(name), "contributions") if "Capital" in row[1]]
    assert rows
    for row in rows:
        acceptance = row[-1]
        assert "Chief Financial Officer" not in acceptance, row
        assert acceptance.endswith(
            f"accepted by the Board on a statement of that account that the JV's bank sends "
            f"directly to {every} part{'ies' if every == 'both' else 'y'}."
        ), row


def test_the_cover_and_properties_name_the_purpose_in_english() -> None:
    assert {purpose: purpose_text(purpose) for purpose in get_args(Purpose)} == {
        "production_efficiency": "production efficiency",
        "electrification": "electrification",
        "software_codevelopment": "software codevelopment",
        "strategic_flexibility": "strategic flexibility",
        "autonomy_mobility": "autonomy and mobility",
    }
    _, rendered = drafted(EXAMPLES_DIR / "robotaxi-pilot.yaml")
    for document in rendered:
        opened = word(document.data)
        lines = {row.cells[0].text: row.cells[1].text for row in opened.tables[0].rows}
        assert lines["Purpose"] == "Autonomy and mobility"
        assert opened.core_properties.subject == (
            "Autonomy and mobility partnership between SOL, AUR and MFM"
        )


def test_a_pmo_that_takes_no_decisions_confirms_no_milestone_on_the_path_or_off_it() -> None:
    """Keystone's Joint PMO is no level of the escalation path and owns no decision: the annex
    says it takes none, so the Steering Committee confirms a milestone, as in Tidewater, whose
    PMO is a level. A PMO that owns a decision of the matrix confirms milestones itself."""
    data = _answers("sdv-software.yaml")
    phases = _texts(data)["strengths.phases"]
    assert "Joint PMO" not in phases
    assert (
        "Either party may report in writing to the Steering Committee and the other party, with "
        "the evidence, that a milestone has been met. The Steering Committee decides within 10 "
        "working days after that report whether the milestone has been met"
    ) in phases
    data["governance"]["decision_rights"][-1]["owner"] = "Joint PMO"
    phases = _texts(data)["strengths.phases"]
    assert (
        "Either party may report in writing to the Joint PMO and the other party, with the "
        "evidence, that a milestone has been met. The Joint PMO decides within 10 working days"
    ) in phases
