"""Where `check` says a quote is: the draft's own clause number where a Word draft numbers its
clauses (by Word's list numbering or typed), and a table of quotes short enough to read."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import docx
import pytest

from termgen.their_drafts.extract import extract
from termgen.their_drafts.text import sentences

from ..conftest import EXAMPLES_DIR, TEST_ENVIRON, run_cli
from ..draft_fixtures import write_docx


def _clauses(path: Path) -> dict[str, str]:
    """The clause number of each sentence, by the sentence's first words."""
    return {sentence.text[:12]: sentence.clause for sentence in sentences(extract(path))}


def test_a_typed_clause_number_holds_for_the_paragraphs_after_it_and_its_items(
    tmp_path: Path,
) -> None:
    lines = [
        "This Supply Agreement is made between Alder GmbH and Birch Inc. The parties agree:",
        "9. Term and termination",
        "9.1 The term of this Agreement is three (3) years from the Effective Date.",
        "Either party may terminate this Agreement for material breach.",
        "9.2 The following survive termination:",
        "1. confidentiality;",
        "2. payment obligations.",
    ]
    clauses = _clauses(write_docx(lines, tmp_path / "typed.docx"))
    assert clauses["This Supply "] == ""
    assert clauses["9.1 The term"] == clauses["Either party"] == "9.1"
    # "1." and "2." number items within clause 9.2, not clauses of their own.
    assert clauses["9.2 The foll"] == clauses["1. confident"] == "9.2"


def test_word_list_numbers_are_counted_as_word_shows_them(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("This Agreement is made between the parties, who agree as follows.")
    for text in ("The term is two years.", "Either party may end it on notice."):
        document.add_paragraph(text, style="List Number")
    document.save(str(tmp_path / "listed.docx"))
    clauses = _clauses(tmp_path / "listed.docx")
    assert [clauses["The term is "], clauses["Either party"]] == ["1", "2"]


@pytest.fixture(scope="module")
def term_sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    assert run_cli("draft", EXAMPLES_DIR / "battery-jv.yaml", "-o", folder).status == 0
    return folder / "project-volta-term-sheet-v0.4.docx"


def test_check_shows_the_clause_numbers_of_our_own_term_sheet(term_sheet: Path) -> None:
    report = json.loads(run_cli("check", term_sheet, "--json").out)
    first = {item["id"]: item["evidence"][0] for item in report["provisions"]}
    # As the draft's own cross-references name them: "the expert under clause 11.14".
    assert first["exit.valuation"]["clause"] == "11.14"
    assert first["exit.trigger.deadlock"]["clause"] == "8.2"
    table = run_cli("check", term_sheet, environ={**TEST_ENVIRON, "COLUMNS": "100"}).out
    assert "cl. 11.14: Where a party acquires" in table


def test_the_table_cuts_each_quote_to_two_lines_and_json_keeps_it_whole(
    term_sheet: Path,
) -> None:
    table = run_cli("check", term_sheet, environ={**TEST_ENVIRON, "COLUMNS": "100"}).out
    rows = table.splitlines()[3:-1]
    starts = [index for index, line in enumerate(rows) if line[:1].strip()] + [len(rows)]
    heights = [end - start for start, end in pairwise(starts)]
    assert max(heights) == 2
    assert all(len(line) <= 100 for line in rows)
    whole = json.loads(run_cli("check", term_sheet, "--json").out)["provisions"][0]
    assert whole["evidence"][0]["quote"].startswith("The partnership takes effect on 1 June 2027")
    assert len(whole["evidence"][0]["quote"]) > 100
    assert "…" in rows[0] + rows[1]


def test_the_first_quote_of_a_trigger_is_the_clause_that_gives_the_exit(term_sheet: Path) -> None:
    report = json.loads(run_cli("check", term_sheet, "--json").out)
    first = {item["id"]: item["evidence"][0] for item in report["provisions"]}
    # Not the buy-out option that lapses "after ... material breach or change of control"
    # (cl. 11.15), nor the list of every trigger (cl. 11.3): the clause under the title that
    # names the trigger.
    assert first["exit.trigger.change_of_control"]["clause"] == "11.6"
    assert first["exit.trigger.change_of_control"]["quote"].startswith("If control of a party")
    assert first["exit.trigger.breach"]["clause"] == "11.4"
    assert first["exit.trigger.regulatory"]["clause"] == "11.9"
    # An approval under merger control (cl. 11.15's completion) is no change of control.
    control = next(i for i in report["provisions"] if i["id"] == "exit.trigger.change_of_control")
    assert not any("merger control" in item["quote"] for item in control["evidence"])


def _first_quotes(path: Path) -> dict[str, str]:
    report = json.loads(run_cli("check", path, "--json").out)
    return {
        item["id"]: item["evidence"][0]["quote"]
        for item in report["provisions"]
        if item["evidence"]
    }


def test_a_title_naming_the_trigger_puts_the_clause_under_it_first(tmp_path: Path) -> None:
    option = (
        "After the other party's material breach or change of control, the Investor may sell "
        "all its shares to that party, which must buy them, and may terminate this Agreement."
    )
    control = (
        "If control of a party changes, the other party may terminate this Agreement by giving "
        "90 days' notice."
    )
    breach = (
        "If a party commits a material breach that is not remedied within 30 days, the other "
        "party may terminate this Agreement."
    )
    lines = [
        "This Agreement is made between Alder GmbH and Birch Inc., who agree as follows.",
        "# Put option",
        option,
        "# Change of control",
        control,
        "# Material breach",
        breach,
    ]
    titled = _first_quotes(write_docx(lines, tmp_path / "titled.docx"))
    assert titled["exit.trigger.change_of_control"] == control
    assert titled["exit.trigger.breach"] == breach
    # The near miss: under titles that name no trigger, the draft's order holds.
    plain = [line if not line.startswith("# ") else "# Other rights" for line in lines]
    assert (
        _first_quotes(write_docx(plain, tmp_path / "plain.docx"))["exit.trigger.breach"] == option
    )
