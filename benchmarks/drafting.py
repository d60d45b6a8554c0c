"""Drafting: `termgen draft` on the battery-JV example, whole process, against docxtpl alone.

The reference (reference/docxtpl_draft.py) renders the same three templates from the contexts
termgen builds, saved beforehand as JSON; termgen's side also loads and validates the deal
and the clause library, assembles the clauses, checks the provisions, adds the comments and
writes reproducible files. Budget 1.5x.

Where the time goes (instructions counted with callgrind, which a busy machine does not
disturb; measured with two documents, before the open points were a third; the reference
was 725 M): termgen's draft was 2,821 M. Imports were about half of it:
pydantic and the deal model, PyYAML, Jinja and the sandbox, docx and docxtpl (shared with the
reference), and, needlessly, their_drafts (the pipeline imported it for `check --against`,
and its modules compile over a hundred patterns at import), the lint and the `regex` engine.
Building the deal model's validators on first use (pydantic's deferred build), reading the
answers and the library, selecting and rendering the clauses, then docxtpl's rendering and
python-docx's packaging make the rest. Importing only what drafting uses took it to 2,465 M.
What remains above the reference is mostly pydantic: importing it and building the deal
model and its validators, which every command that reads answers pays.

    python benchmarks/drafting.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from docxtpl import RichText

from harness import ROOT, Bench, python, run, termgen
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.pipeline import DealRun
from termgen.render.documents import context_for
from termgen.render.templates import KINDS, template_for

BUDGET = 1.5
EXAMPLE = ROOT / "examples" / "battery-jv.yaml"
REFERENCE = ROOT / "benchmarks" / "reference" / "docxtpl_draft.py"


def _plain(value: Any) -> Any:
    if isinstance(value, RichText):
        return {"rich_text": value.xml}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def save_contexts(answers: Path, folder: Path) -> list[Path]:
    """The context of each document as termgen renders it, one JSON file per document."""
    run = DealRun.from_file(answers, load_library(library_layers([], {})))
    draft, findings = run.draft, run.findings
    saved = []
    for kind in KINDS:
        target = folder / f"{kind}.json"
        context = {
            "template": str(template_for(kind)),
            "context": _plain(context_for(draft, kind, findings)[1]),
        }
        target.write_text(json.dumps(context), encoding="utf-8")
        saved.append(target)
    return saved


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("drafting against docxtpl alone", argv)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        contexts = save_contexts(EXAMPLE, work)
        ours, reference = work / "termgen", work / "docxtpl"
        ours.mkdir()
        reference.mkdir()
        bench.compare(
            "termgen draft battery-jv / docxtpl render",
            lambda: run(termgen("draft", EXAMPLE, "-o", ours, "--force")),
            lambda: run(python(REFERENCE, *contexts, "-o", reference)),
            BUDGET,
        )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
