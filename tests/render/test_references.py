"""References to clauses: the number the outline gave, as a Word field to the clause's heading
bookmark, so that the number follows when a lawyer inserts a clause in Word."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from termgen.answers.read import load_deal
from termgen.drafting.structure import Segment
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.pipeline import DealRun
from termgen.render.references import bookmark_name

from ..conftest import EXAMPLES_DIR, ROOT, run_cli
from ..docx_reading import word, write

INCOMPLETE = EXAMPLES_DIR / "incomplete-deal.yaml"
REFERRING = "After an exit under clause {{ 'exit.trigger.breach' | clause }}, the party in breach"


def _overlay(tmp_path: Path, referred: str = "exit.trigger.breach") -> Path:
    overlay = tmp_path / "counsel"
    (overlay / "exit").mkdir(parents=True)
    original = (ROOT / "clause_library" / "exit" / "costs.yaml").read_text(encoding="utf-8")
    text = REFERRING.replace("exit.trigger.breach", referred) + " bears the costs of exit. "
    write(
        overlay / "exit",
        "costs.yaml",
        original.replace("  preferred: |\n    ", f"  preferred: |\n    {text}"),
    )
    return overlay


def test_a_reference_is_the_number_of_the_clause_as_a_field_to_its_heading(
    tmp_path: Path,
) -> None:
    run = DealRun(
        load_deal(INCOMPLETE).deal, load_library(library_layers([_overlay(tmp_path)], {}))
    )
    clauses = {clause.id: clause for clause in run.draft.clauses()}
    assert clauses["exit.trigger.breach"].number == "9.4"
    segments = clauses["exit.costs"].paragraphs[0].segments
    assert segments[:2] == (
        Segment("After an exit under clause "),
        Segment("9.4", reference="exit.trigger.breach"),
    )
    assert segments[2].text.startswith(", the party in breach bears the costs of exit. ")
    term_sheet = word(run.documents(kinds=("term_sheet",))[0].data)
    name = bookmark_name("exit.trigger.breach")
    marked = [
        paragraph
        for paragraph in term_sheet.paragraphs
        if any(b.get(qn("w:name")) == name for b in paragraph._p.iter(qn("w:bookmarkStart")))
    ]
    assert [(p.text, p.style.name) for p in marked] == [("Material breach", "Heading 2")]
    referring = next(p for p in term_sheet.paragraphs if "the party in breach" in p.text)
    assert referring.text.startswith("After an exit under clause 9.4, the party in breach")
    instructions = [node.text for node in referring._p.iter(qn("w:instrText"))]
    assert instructions == [f" REF {name} \\w \\h "]


def test_a_reference_to_a_clause_the_draft_lacks_is_refused(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, referred="exit.trigger.convenience")
    result = run_cli("draft", INCOMPLETE, "--library", overlay, "-o", tmp_path / "out")
    assert result.status == 2
    assert (
        "clause 'exit.costs' refers to clause 'exit.trigger.convenience', which this draft "
        "does not have" in result.err
    )
    assert not (tmp_path / "out").exists()
