"""`termgen portfolio`: every deal in a folder tree, the most urgent first; bad files in their row."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import EXAMPLES, EXAMPLES_DIR, TEST_ENVIRON, run_cli

TODAY = dt.date(2027, 1, 10)


def _rows(*args: str | Path, status: int = 0) -> list[dict[str, object]]:
    result = run_cli("portfolio", *args, "--json", today=TODAY)
    assert result.status == status, result.err
    return json.loads(result.out)


def test_every_example_is_listed_once_with_its_facts() -> None:
    rows = _rows(EXAMPLES_DIR)
    assert sorted(str(row["file"]) for row in rows) == sorted(str(path) for path in EXAMPLES)
    volta = next(row for row in rows if row["deal"] == "Project Volta")
    assert volta["purpose"] == "electrification"
    assert volta["parties"] == ["NAW", "KSC"]
    assert volta["term_end"] == "2037-06-01"
    assert volta["blocking_findings"] == 0
    assert volta["next_deadline"]["date"] == "2027-01-29"  # a timetable step
    incomplete = next(row for row in rows if row["deal"] == "Project Lodestar")
    assert incomplete["blocking_findings"] > 0
    assert all(row["error"] is None for row in rows)


def test_rows_are_sorted_by_the_next_deadline() -> None:
    rows = _rows(EXAMPLES_DIR)
    dates = [row["next_deadline"]["date"] for row in rows if row["next_deadline"]]
    assert dates == sorted(dates)
    assert [row for row in rows if not row["next_deadline"]] == rows[len(dates) :]


def test_a_corrupt_file_is_reported_in_its_row_and_the_rest_still_listed(tmp_path: Path) -> None:
    deals = tmp_path / "deals"
    shutil.copytree(EXAMPLES_DIR, deals / "2027")
    (deals / "2027" / "corrupt.yaml").write_bytes(b"deal:\n  name: [broken\n\x00\xff")
    (deals / "not-a-deal.yml").write_text("just: a mapping\n", encoding="utf-8")
    hidden = deals / ".git"
    hidden.mkdir()
    (hidden / "ignored.yaml").write_text("deal: [", encoding="utf-8")
    rows = _rows(deals, status=2)
    assert len(rows) == len(EXAMPLES) + 2
    errors = {Path(str(row["file"])).name: row["error"] for row in rows if row["error"]}
    assert set(errors) == {"corrupt.yaml", "not-a-deal.yml"}
    assert "corrupt.yaml:" in str(errors["corrupt.yaml"])
    assert "not-a-deal.yml" in str(errors["not-a-deal.yml"])
    assert [row["error"] is not None for row in rows[:2]] == [True, True]
    table = run_cli("portfolio", deals, today=TODAY)
    assert table.status == 2
    assert f"{len(EXAMPLES) + 2} file(s), 2 could not be read" in table.out
    assert "Project Volta v0.4" in " ".join(table.out.split())  # a long tmp path wraps it


def test_blocking_findings_break_a_tie_between_equal_deadlines(tmp_path: Path) -> None:
    for name, renewal in (("settled", True), ("open", False)):
        deal = yaml.safe_load((EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8"))
        deal["deal"]["name"] = f"Project {name}"
        if not renewal:
            del deal["exit"]["renewal"]
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(deal, sort_keys=False))
    rows = _rows(tmp_path)
    assert [row["deal"] for row in rows] == ["Project open", "Project settled"]
    assert rows[0]["blocking_findings"] > rows[1]["blocking_findings"] == 0


def test_a_folder_that_is_missing_or_empty_is_exit_2(tmp_path: Path) -> None:
    missing = run_cli("portfolio", tmp_path / "nowhere")
    assert missing.status == 2
    assert "is not a folder" in missing.err
    empty = run_cli("portfolio", tmp_path)
    assert empty.status == 2
    assert "no answer files" in empty.err


def test_a_row_shows_the_first_problems_of_a_file_and_json_has_them_all(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES_DIR / "battery-jv.yaml", tmp_path)
    bad = tmp_path / "pasted.yaml"
    bad.write_text("".join(f"stray_{n}: 1\n" for n in range(40)), encoding="utf-8")
    table = run_cli("portfolio", tmp_path, today=TODAY)
    assert table.status == 2
    said = " ".join(table.out.split())
    assert "required key 'deal' is missing" in said
    assert "stray_0" in said and "stray_1" not in said
    assert f"… and 39 more; 'termgen validate --all {bad}' prints every one" in said
    assert "Project Volta v0.4" in " ".join(table.out.split())
    error = str(next(row["error"] for row in _rows(tmp_path, status=2) if row["error"]))
    assert "stray_39" in error and "more;" not in error


@pytest.mark.parametrize("columns", ["60", "250"])
def test_a_file_that_could_not_be_read_is_a_block_of_its_own_not_a_deadline(
    tmp_path: Path, columns: str
) -> None:
    shutil.copy(EXAMPLES_DIR / "battery-jv.yaml", tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("deal:\n  name: x\n  bogus: 1\n", encoding="utf-8")
    table = run_cli("portfolio", tmp_path, environ={**TEST_ENVIRON, "COLUMNS": columns})
    assert table.status == 2
    block, rest = table.out.split("\n\n", 1)
    said = " ".join(block.split())
    assert said.startswith(f"{bad}: could not be read {bad}:1:1: deal: required key 'purpose'")
    assert f"{bad}:3:3: deal: unknown key 'bogus'" in said
    problems = [line for line in block.splitlines() if line.lstrip().startswith(f"{bad}:")]
    assert [line.startswith(f"  {bad}:") for line in problems] == [False, True, True, True]
    assert str(bad) not in rest and "error" not in rest
    assert "Project Volta v0.4" in rest and "next deadline" in rest
    assert rest.rstrip().endswith("2 file(s), 1 could not be read")
