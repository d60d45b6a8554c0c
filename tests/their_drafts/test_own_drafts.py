"""`termgen check` on the term sheets termgen drafts itself: each example's term sheet reads
as its answers say for the six provisions the fitted scorer decides."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from termgen.answers.read import load_deal
from termgen.model.deal import Deal

from ..conftest import EXAMPLES, run_cli

Readings = dict[str, dict[str, dict[str, Any]]]
"""Example -> provision id -> what `termgen check` reports of it."""


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> Readings:
    """For each example: provision id -> what `termgen check` reports on its term sheet."""
    folder = tmp_path_factory.mktemp("own")
    found = {}
    for example in EXAMPLES:
        out = folder / example.stem
        drafted = run_cli("draft", example, "-o", out, "--force")
        assert drafted.status == 0, drafted.err
        sheet = next(out.glob("*-term-sheet-*.docx"))
        checked = run_cli("check", sheet, "--json")
        assert checked.status == 0, checked.err
        report = json.loads(checked.out)["provisions"]
        found[example.stem] = {row["id"]: row for row in report}
    return found


def _answers(deal: Deal) -> dict[str, bool]:
    """Which of the six provisions the answers settle, as our drafts word them."""
    ending = deal.exit
    term = ending.term
    renewal = ending.renewal
    kinds = {trigger.kind for trigger in ending.triggers}
    return {
        "term.initial": bool(term and (term.initial or term.end_date or term.end_milestone)),
        "renewal.mechanism": renewal is not None
        and renewal.type not in ("none", "mutual_agreement"),
        "renewal.notice": bool(renewal and renewal.type != "none" and renewal.notice),
        "exit.trigger.convenience": "convenience" in kinds,
        "exit.trigger.change_of_control": "change_of_control" in kinds,
        "exit.survival": any(item.kind != "confidentiality" for item in ending.survival),
    }


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_each_term_sheet_reads_as_its_answers_say(readings: Readings, example: Path) -> None:
    deal = load_deal(example).deal
    expected = _answers(deal)
    read = readings[example.stem]
    assert {key: read[key]["status"] == "present" for key in expected} == expected
    if deal.exit.renewal is not None and deal.exit.renewal.type == "mutual_agreement":
        # Renewal only by agreement is mentioned, not settled; its notice still is.
        assert read["renewal.mechanism"]["status"] == "weak"


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_survival_is_shown_by_the_clause_on_what_survives(
    readings: Readings, example: Path
) -> None:
    quotes = [item["quote"] for item in readings[example.stem]["exit.survival"]["evidence"]]
    assert quotes
    assert all("after termination or expiry" in quote or "survive" in quote for quote in quotes)


def test_an_asset_left_open_leaves_the_treatment_of_assets_open(
    readings: Readings,
) -> None:
    # Lodestar's tooling has no treatment yet ("[●]"); its other assets have one.
    assets = readings["incomplete-deal"]["exit.assets"]
    assert assets["status"] == "weak"
    assert any("[●]" in item["quote"] for item in assets["evidence"])
