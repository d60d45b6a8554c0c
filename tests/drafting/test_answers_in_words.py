"""Answers as a lawyer writes them in a draft: no identifiers ('joint', 'scope', 'other'), no
'first 1 year', no capital in the middle of a sentence, lists of lists that still parse."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest

from termgen.drafting.structure import Draft, plain
from termgen.drafting.tables import _AREA_WORDS
from termgen.model.governance import DecisionArea

from ..conftest import EXAMPLES, EXAMPLES_DIR
from ..docx_reading import drafted, table_rows, word


def _clause(draft: Draft, clause_id: str) -> str:
    clause = next(c for c in draft.clauses() if c.id == clause_id)
    return "\n".join(plain(paragraph) for paragraph in clause.paragraphs)


def test_every_decision_area_has_words() -> None:
    assert set(_AREA_WORDS) == set(get_args(DecisionArea))
    assert all(words[0].isupper() and "_" not in words for words in _AREA_WORDS.values())


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_annex_tables_print_words_not_answer_values(example: Path) -> None:
    draft, _ = drafted(example)
    areas = set(get_args(DecisionArea)) | {area.replace("_", " ") for area in _AREA_WORDS}
    for row in table_rows(draft, "decision_rights"):
        assert row[1] not in areas and row[2] != "joint", row
        assert row[3][:1].isupper(), row
    for row in table_rows(draft, "review_calendar"):
        assert row[3] != "joint", row


def test_a_review_decided_jointly_names_the_parties() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "robotaxi-pilot.yaml")
    decided_by = {row[0]: row[3] for row in table_rows(draft, "review_calendar")}
    assert decided_by["Pre-expiry review"] == "The parties jointly"


def test_an_answer_of_kind_other_is_named_by_its_description() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "robotaxi-pilot.yaml")
    contributions = [row[1] for row in table_rows(draft, "contributions")]
    assert "Depot, charging, cleaning and rider support in Austin." in contributions
    assert not any(text.startswith("Other") for text in contributions)
    survival = _clause(draft, "exit.survival")
    assert (
        "Orderly wind-down of the service with 60 days' notice to riders and regulators, for "
        "90 days after termination or expiry of the partnership." in survival
    )
    assert "Other" not in survival


def test_a_lock_in_of_one_year_is_the_first_year() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "robotaxi-pilot.yaml")
    assert 'During the first year after the Effective Date (the "Lock-in Period")' in _clause(
        draft, "exit.term"
    )
    draft, _ = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    assert 'During the first 5 years after the Effective Date (the "Lock-in Period")' in _clause(
        draft, "exit.term"
    )


def test_a_convenience_exit_does_not_repeat_the_lock_in() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "platform-sharing.yaml")
    text = _clause(draft, "exit.trigger.convenience")
    assert text == (
        "After the Lock-in Period, either party may end the partnership without giving a "
        "reason by giving 12 months' notice."
    )
    draft, _ = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    assert (
        "notice. The shares of the party giving that notice are then dealt with as clause"
        in _clause(draft, "exit.trigger.convenience")
    )


def test_the_escalation_path_reads_as_one_sentence() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    assert (
        "then to the Board, for 30 days, then to the chief executives of NAW and KSC, for 30 days."
        in _clause(draft, "governance.escalation")
    )
    draft, _ = drafted(EXAMPLES_DIR / "bridge-technology.yaml")
    assert (
        "escalation path: to the Integration Board, for 5 days, then to the Steering "
        "Committee, for 15 days, then to the CEOs, for 15 days."
    ) in _clause(draft, "governance.escalation")
    steps = [row[1] for row in table_rows(draft, "escalation")]
    assert steps[:3] == ["Integration Board", "Steering Committee", "CEOs"]


def test_a_list_of_lists_keeps_its_items_apart() -> None:
    draft, _ = drafted(EXAMPLES_DIR / "platform-sharing.yaml")
    assert (
        "outside the partnership: brand, design and marketing; retail pricing and dealer "
        "networks; and infotainment and user-facing software."
    ) in _clause(draft, "goals.scope")
    assert (
        "to industrialise fewer architectures across higher volumes, to lower unit costs and to "
        "bring vehicles to market sooner"
    ) in _clause(draft, "goals.purpose.production-efficiency")


def test_an_offtake_commitment_is_not_called_a_plant_allocation() -> None:
    document = word(drafted(EXAMPLES_DIR / "battery-jv.yaml")[1][0].data)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Offtake commitment for the plant's output." in cells
    assert not any(text.startswith("Plant capacity") for text in cells)
    assert not any(text.startswith("Plant allocation") for text in cells)
