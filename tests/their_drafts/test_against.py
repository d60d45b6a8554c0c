"""`termgen check THEIR-DRAFT --against deal.yaml` on counterparty drafts made from each
example deal, with five deviations planted: the table, the JSON and the Word comments."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from termgen.answers.read import load_deal

from ..conftest import EXAMPLES, run_cli
from ..draft_fixtures import pdf_bytes, write_docx
from .counterparty import Planted, counterparty_draft

WIDTHS = (100, 60)
"""The terminal widths a new user tries; the examples take turns."""


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, list[Planted]]]:
    """For each example: their draft as PDF and as Word, and what was planted in it."""
    folder = tmp_path_factory.mktemp("counterparty")
    made = {}
    for seed, example in enumerate(EXAMPLES):
        lines, planted = counterparty_draft(load_deal(example).deal, seed)
        pdf = folder / f"{example.stem}.pdf"
        pdf.write_bytes(pdf_bytes(lines))
        made[example.stem] = (pdf, write_docx(lines, folder / f"{example.stem}.docx"), planted)
    return made


def _deviations(rows: list[dict]) -> set[tuple[str, str]]:
    return {(row["id"], row["verdict"]) for row in rows if row["verdict"] != "matches"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_pdf_yields_exactly_the_planted_deviations(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], example: Path
) -> None:
    pdf, _, planted = drafts[example.stem]
    result = run_cli("check", pdf, "--against", example, "--json", "--strict")
    assert result.status == 1, result.err
    review = json.loads(result.out)
    assert _deviations(review["rows"]) == {(plant.row, plant.verdict) for plant in planted}
    assert len(planted) == 5
    for row in review["rows"]:
        assert (row["severity"] is None) == (row["verdict"] == "matches"), row
        if row["verdict"] == "matches":
            assert row["evidence"]["page"] >= 1 and row["evidence"]["quote"], row
    assert review["acting_for"] == load_deal(example).deal.parties[0].short_name


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_word_draft_gets_a_comment_at_each_deviation_and_keeps_its_text(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], example: Path, tmp_path: Path
) -> None:
    _, word, planted = drafts[example.stem]
    annotated = tmp_path / "annotated.docx"
    result = run_cli("check", word, "--against", example, "--json", "--annotate", annotated)
    assert result.status == 0, result.err
    rows = json.loads(result.out)["rows"]
    assert _deviations(rows) == {(plant.row, plant.verdict) for plant in planted}
    labels = {row["label"]: row["verdict"] for row in rows if row["verdict"] != "matches"}
    comments = docx.Document(str(annotated)).comments
    said = {}
    for comment in comments:
        verdict, _, rest = comment.text.partition(": ")
        said[rest.split(". ")[0]] = verdict.lower()
        assert "Ours: " in comment.text and "theirs: " in comment.text
    assert said == labels
    original = [paragraph.text for paragraph in docx.Document(str(word)).paragraphs]
    assert [paragraph.text for paragraph in docx.Document(str(annotated)).paragraphs] == original


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_table_fits_the_terminal_and_names_each_deviation(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], example: Path
) -> None:
    _, word, planted = drafts[example.stem]
    width = WIDTHS[EXAMPLES.index(example) % len(WIDTHS)]
    result = run_cli("check", word, "--against", example, environ={"COLUMNS": str(width)})
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    header = next(index for index, line in enumerate(lines) if line.startswith("provision"))
    assert lines[header].split() == ["provision", "ours", "theirs", "difference", "verdict"]
    expected = Counter(plant.verdict for plant in planted)
    start = max(index for index, line in enumerate(lines) if re.match(r"\d+ matches", line))
    summary = dict(reversed(part.split(" ", 1)) for part in " ".join(lines[start:]).split(", "))
    assert {verdict: int(count) for verdict, count in summary.items() if verdict != "matches"} == (
        expected
    )
    places = lines[lines.index("Where theirs deviates:") + 1 : start]
    assert len([line for line in places if not line.startswith("    ")]) == len(planted)


def test_annotating_twice_gives_the_same_bytes(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], tmp_path: Path
) -> None:
    example = EXAMPLES[0]
    _, word, _ = drafts[example.stem]
    first, second = tmp_path / "one.docx", tmp_path / "two.docx"
    for target in (first, second):
        assert run_cli("check", word, "--against", example, "--annotate", target).status == 0
    assert first.read_bytes() == second.read_bytes()
    again = run_cli("check", word, "--against", example, "--annotate", first)
    assert again.status == 2 and "--force" in again.err and "write to another file" in again.err


def test_the_annotated_copy_never_replaces_their_draft_or_our_answers(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], tmp_path: Path
) -> None:
    example = EXAMPLES[0]
    _, word, _ = drafts[example.stem]
    theirs, ours = tmp_path / "theirs.docx", tmp_path / "deal.yaml"
    theirs.write_bytes(word.read_bytes())
    ours.write_bytes(example.read_bytes())
    link = tmp_path / "link.docx"
    link.symlink_to(theirs)
    for target, read in ((theirs, theirs), (ours, ours), (link, theirs)):
        refused = run_cli("check", theirs, "--against", ours, "--annotate", target, "--force")
        assert refused.status == 2, refused.err
        assert refused.err.startswith(f"{target}: is {read}, which this command reads; write to ")
        assert "for example --annotate " in refused.err
    assert theirs.read_bytes() == word.read_bytes() and ours.read_bytes() == example.read_bytes()


def test_a_pdf_cannot_be_annotated_and_a_deal_is_not_their_draft(
    drafts: dict[str, tuple[Path, Path, list[Planted]]], tmp_path: Path
) -> None:
    example = EXAMPLES[0]
    pdf, _, _ = drafts[example.stem]
    target = tmp_path / "out.docx"
    refused = run_cli("check", pdf, "--against", example, "--annotate", target)
    assert refused.status == 2 and "not a .docx" in refused.err and not target.exists()
    swapped = run_cli("check", example, "--against", pdf)
    assert swapped.status == 2 and "give their draft first" in swapped.err
    alone = run_cli("check", example, "--annotate", target)
    assert alone.status == 2 and "--against" in alone.err
    stranger = run_cli("check", pdf, "--against", example, "--as", "NOBODY")
    assert stranger.status == 2 and "not one of the deal's parties" in stranger.err


OUR_TERMS_CONCEDED = """\
JOINT VENTURE AGREEMENT

This Agreement is made between Nordhafen Automobilwerke AG ("NAW") and Kyungsan Cell Systems
Co., Ltd. (the "Supplier").

This Agreement shall continue for an initial term of ten (10) years. No Party may terminate this
Agreement for convenience during the first three (3) years (the "Lock-in Period").

Thereafter this Agreement renews automatically for successive periods of five (5) years unless a
Party gives notice of non-renewal at least twelve (12) months before the end of the then-current
term.

Either Party may terminate this Agreement upon sixty (60) days' written notice if the other Party
commits a material breach and fails to remedy it within thirty (30) days.

After the Lock-in Period, the Supplier may terminate this Agreement for convenience by giving
twelve (12) months' written notice.
"""


def _rows(result_out: str) -> dict[str, tuple[str, str | None]]:
    rows = json.loads(result_out)["rows"]
    return {row["id"]: (row["verdict"], (row["fallback"] or {}).get("label")) for row in rows}


def test_what_a_fallback_accepts_is_within_our_fallback(tmp_path: Path) -> None:
    draft = tmp_path / "conceded.txt"
    draft.write_text(OUR_TERMS_CONCEDED, encoding="utf-8")
    example = next(path for path in EXAMPLES if path.stem == "battery-jv")
    rows = _rows(run_cli("check", draft, "--against", example, "--json").out)
    assert rows["renewal.notice"] == ("within our fallback", "twelve months' notice")
    assert rows["exit.trigger.breach.cure"] == ("within our fallback", "thirty days to cure")
    assert rows["term.lock_in"] == ("within our fallback", "three-year lock-in")
    assert rows["term.initial"] == ("matches", None)
    assert rows["exit.trigger.convenience"] == ("worse than our fallback", None)
    for_them = _rows(run_cli("check", draft, "--against", example, "--json", "--as", "KSC").out)
    assert for_them["exit.trigger.convenience"] == ("within our fallback", None)
    shorter = draft.read_text().replace("twelve (12) months before", "six (6) months before")
    draft.write_text(shorter, encoding="utf-8")
    rows = _rows(run_cli("check", draft, "--against", example, "--json").out)
    assert rows["renewal.notice"] == ("worse than our fallback", "twelve months' notice")


def test_a_term_that_runs_from_an_event_has_no_fixed_end_to_match_ours(tmp_path: Path) -> None:
    example = next(path for path in EXAMPLES if path.stem == "battery-jv")
    by_date = tmp_path / "by-date.yaml"
    by_date.write_text(
        example.read_text(encoding="utf-8").replace(
            "    initial: 10 years\n", "    end_date: 2036-12-31\n", 1
        ),
        encoding="utf-8",
    )
    theirs = tmp_path / "theirs.txt"
    theirs.write_text(
        OUR_TERMS_CONCEDED.replace(
            "shall continue for an initial term of ten (10) years.",
            "shall continue for a term of ten (10) years from the Launch Date.",
        ),
        encoding="utf-8",
    )
    result = run_cli("check", theirs, "--against", by_date, "--json")
    assert result.status == 0, result.err
    (row,) = [row for row in json.loads(result.out)["rows"] if row["id"] == "term.initial"]
    assert row["verdict"] == "worse than our fallback"
    assert row["ours"] == "until 31 December 2036"
    assert row["theirs"] == "10 years from the Launch Date"
    assert row["difference"] == "no fixed end: it runs from an event"
