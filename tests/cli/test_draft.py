"""`termgen draft`: files, refusals, overlays for clauses and templates, and PDF."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
import pytest

from ..conftest import EXAMPLES_DIR, ROOT, TEST_ENVIRON, run_cli
from ..docx_reading import part_texts, word, write

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
INCOMPLETE = EXAMPLES_DIR / "incomplete-deal.yaml"
BEFORE_ITS_DATES = dt.date(2026, 12, 1)
NAMES = [
    "project-volta-governance-annex-v0.4.docx",
    "project-volta-open-points-v0.4.docx",
    "project-volta-term-sheet-v0.4.docx",
]


def test_draft_writes_the_documents_and_the_open_points_and_says_where(tmp_path: Path) -> None:
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", today=BEFORE_ITS_DATES)
    assert result.status == 0, result.err
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == NAMES
    assert result.out.splitlines() == [
        f"wrote {tmp_path / 'out' / NAMES[2]}",
        f"wrote {tmp_path / 'out' / NAMES[0]}",
        f"wrote {tmp_path / 'out' / NAMES[1]}",
        "No findings: every exit, renewal and other checked provision is settled.",
    ]


def test_no_findings_is_said_within_a_narrow_terminal() -> None:
    result = run_cli("check", BATTERY, environ={**TEST_ENVIRON, "COLUMNS": "60"})
    assert result.status == 0, result.err
    assert result.out.splitlines()[-2:] == [
        "No findings: every exit, renewal and other checked provision",
        "is settled.",
    ]


def test_the_title_of_the_findings_breaks_before_the_file_not_within_it() -> None:
    result = run_cli("check", INCOMPLETE, environ={**TEST_ENVIRON, "COLUMNS": "40"})
    assert result.out.splitlines()[:2] == ["Findings for Project Lodestar v0.1", f"({INCOMPLETE})"]


def test_existing_drafts_are_never_replaced_without_force(tmp_path: Path) -> None:
    (tmp_path / NAMES[2]).write_bytes(b"the negotiated version")
    result = run_cli("draft", BATTERY, "-o", tmp_path)
    assert result.status == 2
    assert f"{NAMES[2]} already in {tmp_path}; nothing was written" in result.err
    assert [path.name for path in tmp_path.iterdir()] == [NAMES[2]]
    assert (tmp_path / NAMES[2]).read_bytes() == b"the negotiated version"
    assert run_cli("draft", BATTERY, "-o", tmp_path, "--force").status == 0
    assert (tmp_path / NAMES[2]).read_bytes().startswith(b"PK")


def test_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = write(tmp_path, "notes.txt", "keep")
    result = run_cli("draft", BATTERY, "-o", target)
    assert result.status == 2
    assert result.err.strip() == f"{target}: is a file; -o needs a folder"
    assert target.read_text(encoding="utf-8") == "keep"


def test_a_bad_answer_file_writes_nothing(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "bad.yaml",
        BATTERY.read_text(encoding="utf-8").replace("type: automatic", "type: auto"),
    )
    result = run_cli("draft", bad, "-o", tmp_path / "out")
    assert result.status == 2
    assert (
        "exit › renewal › type: 'auto' is not one of the choices, did you mean 'automatic'?"
        in result.err
    )
    assert not (tmp_path / "out").exists()


def test_a_broken_overlay_clause_is_located_and_writes_nothing(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    clause = write(
        overlay,
        "costs.yaml",
        "id: general.costs\ntitle: Costs\nelement: general\nsection: general\ntext:\n"
        "  preferred: |\n    Each party bears {{ deal.costs }}.\n",
    )
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", overlay)
    assert result.status == 2
    assert result.err.startswith(
        f"{clause}:7: clause 'general.costs': 'costs' is not a field of a deal meta"
    )
    assert not (tmp_path / "out").exists()


def test_a_template_overlay_restyles_one_document(tmp_path: Path) -> None:
    overlay = tmp_path / "templates"
    overlay.mkdir()
    template = docx.Document(str(ROOT / "templates" / "term-sheet.docx"))
    template.sections[0].header.paragraphs[
        0
    ].text = "Privileged – prepared at the request of counsel"
    template.save(str(overlay / "term-sheet.docx"))
    assert run_cli("draft", BATTERY, "-o", tmp_path / "out", "--templates", overlay).status == 0
    term_sheet = word((tmp_path / "out" / NAMES[2]).read_bytes())
    annex = word((tmp_path / "out" / NAMES[0]).read_bytes())
    assert (
        term_sheet.sections[0].header.paragraphs[0].text
        == "Privileged – prepared at the request of counsel"
    )
    assert (
        annex.sections[0].header.paragraphs[0].text == "Draft – subject to contract – confidential"
    )


def test_a_template_that_is_not_a_word_file_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "templates"
    overlay.mkdir()
    broken = write(overlay, "term-sheet.docx", "this is not a zip")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--templates", overlay)
    assert result.status == 2
    assert result.err.strip() == (
        f"{broken}: the file is damaged or not a Word document (.docx); open it in Word and "
        "save it again"
    )


def test_a_template_with_a_broken_tag_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "templates"
    overlay.mkdir()
    template = docx.Document(str(ROOT / "templates" / "governance-annex.docx"))
    template.add_paragraph("{{ deal.name ")
    template.save(str(overlay / "governance-annex.docx"))
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--templates", overlay)
    assert result.status == 2
    assert result.err.startswith(
        f"{overlay / 'governance-annex.docx'}: the template could not be filled"
    )
    assert not (tmp_path / "out").exists()


def test_pdf_without_libreoffice_says_so_after_writing_the_docx(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--pdf")
    assert result.status == 2
    assert (
        "--pdf needs LibreOffice, which is not installed; the .docx drafts were written"
        in result.err
    )
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == NAMES


_FAKE_OFFICE = """#!{python}
import sys
from pathlib import Path

arguments = sys.argv[1:]
folder = Path(arguments[arguments.index("--outdir") + 1])
for name in arguments[arguments.index("--outdir") + 2 :]:
    pdf = folder / Path(name).with_suffix(".pdf").name
    pdf.write_bytes(b"%PDF-1.6 << /Type /Font /BaseFont /BAAAAA+{font} >> %%EOF")
"""


@pytest.mark.parametrize(("font", "noted"), [("DejaVuSans", True), ("LiberationSans", False)])
def test_pdfs_set_in_libreoffices_fallback_font_are_noted_with_the_font_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, font: str, noted: bool
) -> None:
    """Without a font a template names or its metric twin, LibreOffice sets the PDFs in the
    wider DejaVu Sans: lines break elsewhere than in Word and justified lines stretch (Keystone's
    clause 4.2 did so in Calibri)."""
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    office = bin_folder / "soffice"
    office.write_text(_FAKE_OFFICE.format(python=sys.executable, font=font), encoding="utf-8")
    office.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_folder))
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--pdf")
    assert result.status == 0, result.err
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3
    note = "Install the font or its metric twin (Carlito for Calibri"
    assert (note in " ".join(result.out.split())) is noted


def _open_point_questions(folder: Path) -> list[str]:
    (path,) = folder.glob("*open-points*.docx")
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return [text for text in cells if " › " in text]


def test_a_draft_with_findings_in_its_margins_is_headed_not_for_circulation(
    tmp_path: Path,
) -> None:
    for example in ("incomplete-deal", "battery-jv"):
        result = run_cli("draft", EXAMPLES_DIR / f"{example}.yaml", "-o", tmp_path / example)
        assert result.status == 0, result.err
    headers = {
        path.name: word(path.read_bytes()).sections[0].header.paragraphs[0].text
        for path in tmp_path.glob("*/*.docx")
    }
    internal = "Internal – not for circulation"
    assert headers == {
        "project-lodestar-term-sheet-v0.1.docx": f"{internal} – working draft with 6 open points",
        "project-lodestar-governance-annex-v0.1.docx": (
            f"{internal} – working draft with 6 open points"
        ),
        "project-lodestar-open-points-v0.1.docx": internal,
        NAMES[2]: "Draft – subject to contract – confidential",
        NAMES[0]: "Draft – subject to contract – confidential",
        NAMES[1]: internal,
    }


def test_open_points_name_the_question_whether_or_not_the_cache_has_seen_the_deal(
    tmp_path: Path,
) -> None:
    incomplete = EXAMPLES_DIR / "incomplete-deal.yaml"
    cached = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    runs = [("first", cached), ("again", cached), ("uncached", {"TERMGEN_CACHE": "off"})]
    named = []
    for folder, environ in runs:
        result = run_cli("draft", incomplete, "-o", tmp_path / folder, environ=environ)
        assert result.status == 0, result.err
        named.append(_open_point_questions(tmp_path / folder))
    assert "Agreed exit path › Renewal at the end of the term" in named[0]
    assert named[0] == named[1] == named[2]


def test_a_draft_whose_term_sheet_dates_have_passed_says_so(tmp_path: Path) -> None:
    before_any = run_cli("draft", BATTERY, "-o", tmp_path / "a", today=BEFORE_ITS_DATES)
    assert before_any.status == 0 and "Note:" not in before_any.out
    late = run_cli("draft", BATTERY, "-o", tmp_path / "b", today=dt.date(2027, 3, 1))
    assert late.status == 0
    note = " ".join(late.out.split("Note: ", 1)[1].split())
    assert note == (
        "these dates have passed (today is 1 March 2027): the target for signing (26 February "
        "2027); 3 steps of the timetable (18 December 2026, 29 January 2027 and 12 February "
        "2027). Update them in the answers before the draft goes out."
    )
    # The drafts are the same: the note is for the deal team, not for the other side.
    assert part_texts((tmp_path / "a" / NAMES[2]).read_bytes()) == part_texts(
        (tmp_path / "b" / NAMES[2]).read_bytes()
    )


@pytest.mark.parametrize("given", ["file", "folder without templates"])
def test_a_templates_path_that_holds_no_template_is_refused(tmp_path: Path, given: str) -> None:
    overlay = tmp_path / "templates"
    if given == "file":
        overlay.write_text("not a folder")
    else:
        overlay.mkdir()
        (overlay / "notes.txt").write_text("no Word template here")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--templates", overlay)
    assert result.status == 2
    why = "is a file, not a folder" if given == "file" else "has none of term-sheet.docx"
    assert f"{overlay}: the templates folder {why}" in result.err
    assert not (tmp_path / "out").exists()
