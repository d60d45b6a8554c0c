"""Drafting: `termgen draft` on the battery-JV example, whole process, against docxtpl alone.

The reference (reference/docxtpl_draft.py) renders the same three templates from the contexts
termgen builds, saved beforehand as JSON; termgen's side also loads and validates the deal
and the clause library, assembles the clauses, checks the provisions, adds the comments and
writes reproducible files. Budget 1.5x.

Where the time goes (instructions counted with callgrind, which a busy machine does not
disturb; a warm cache, as on a user's second draft): the reference is 1,314 M, of which
importing docxtpl is 463 M. termgen's draft was 3,549 M at the start of the first round and
1,752 M in the parent, 1,640 M along the forked child's path (the child renders the term
sheet; its count includes the work done before the fork) at the start of this one; it is now
1,444 M in the parent, the path the wall time follows, and 1,361 M in the child: 1.10x and
1.04x the reference. In seconds, on the 2 shared cores under a load of 5 to 6 (other work
on the machine): 1.47x and 1.37x, where the code before this round gave 1.84x in the same
conditions (1.52x in processor time, now 1.38x). What went (this round's first):
- compiling, on every run, the methods `dataclasses` writes for each class (termgen's,
  pydantic's, annotated_types') and the annotations `typing` reads from strings: 210 M on
  both paths; their code is kept in the cache by text (`termgen.generated_code`);
- docxtpl's regular expressions that rewrite each template part into Jinja's syntax, some
  slow (45 M for the term sheet's body), on the same XML in every draft: kept in the cache
  by that XML (`render.word._Template.patch_xml`);
- deflating a template's styles (790 KB of XML, the same in every document) for each
  document: kept deflated in the cache by their bytes (`render.word._StableMembers`);
- building pydantic's validators for the deal, the interview definition and the library's
  registries on every run: an answer file, the interview and each registry read before now
  come validated from the cache (`files.datafile.read_validated`, keyed by path and bytes);
- parsing and compiling the same Word template parts with Jinja on every draft: their code is
  cached like the clause texts' (`render.word._WordSandbox`);
- python-docx searching the styles for every paragraph while bookmarks and comments are
  placed (one pass over the styles now), and zipping every document twice (once to save,
  once to stamp the members; `render.word.stable_docx` stamps them as python-docx writes);
- importing PyYAML, which a run served from the cache never uses, and (through
  `xml.sax.saxutils`) urllib, http.client and email, and (through `concurrent.futures`)
  logging;
- loading the interview to name the question behind each finding: where each is asked is
  remembered in the cache with the answers (`cli/draft.py`), and most drafts have no finding;
- python-docx building a style object for each of a template's styles to place the clauses;
- reading a thread's processor time when each of the 138 clause budgets starts: 100 µs a
  reading on this machine (a system call, so callgrind does not count it: about 14 ms);
- dumping the deal (`model_dump`) to find its dates, which built pydantic's serializer for
  every model of it (188 M on both paths); the dates are read from the models;
- searching the template of every selected clause for the coherence checks' patterns that
  ignore case (about 150 KB of text, a tenth of a draft's processor time on a busy machine):
  which templates a pattern finds something in is kept in the cache.
What remains above the reference: importing pydantic and creating our model classes (about
175 M and 105 M), our other modules, loading the cached library (40 M), building the
command line's parser (18 M), selecting and assembling the clauses (125 M) and the findings
(90 M, most of it regular expressions the coherence checks run over every clause's text),
checking the cache entries' checksums, and in the render our bookmarks, comments and column
fitting on top of docxtpl's own work; parsing and writing each template's styles (about
65 M a document) the reference does as well.
The term sheet is rendered in a forked child while the parent renders the annex and the open
points (`termgen.forked`), where a second core is free, as on this 2-core machine: the wall
time below uses both cores, the reference one. In processor time termgen costs more than
the wall-time ratio shows.

    python benchmarks/drafting.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from docxtpl import RichText

from harness import ROOT, Bench, processor_seconds, python, run, termgen
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
        bench.compare(
            "  the same in processor time (both cores)",
            lambda: processor_seconds(termgen("draft", EXAMPLE, "-o", ours, "--force")),
            lambda: processor_seconds(python(REFERENCE, *contexts, "-o", reference)),
            None,
        )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
