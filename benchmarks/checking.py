"""Checking: `termgen check` on a 154-page PDF against pypdfium2's text extraction alone, and
`termgen check DIR` over all of cuad-dev's PDFs (a data room) against one minute.

termgen's side extracts the same text (with pypdfium2, as the reference does), normalises it,
splits it into sentences, matches every provision's cues and scores the candidate sentences;
the reference (reference/pdfium_extract.py) only extracts. Whole processes, interleaved.
Budgets: 1.25x for one PDF; 60 s for the folder on this machine's cores.

Where the time goes (cProfile and CPU time of whole runs): PDFium's extraction of the 154
pages is about a third of termgen's CPU (0.9 s of 2.8 s in one measured pair). Before,
`check` imported the deal model, the drafting outline and Jinja through a helper module it
shares with the deal commands, none of which it uses; it compiled every cue pattern (a sixth
of the run under cProfile) and parsed each again with Python's own parser to refuse runaway
repetitions (an eighth); matching the cues (a quarter) and the scorer's features (a tenth)
made most of the rest. Now the deal model is loaded on first use and the verdict on
each cue pattern is kept in the cache by its text; what remains is compiling the cues for the
`regex` engine (needed to match), matching them, and scoring the candidate sentences.

    python benchmarks/checking.py [--pairs N] [--data DIR] [--smoke]
"""

from __future__ import annotations

import sys

from corpus import long_agreement
from harness import CACHE, ROOT, Bench, Result, python, run, termgen

BUDGET = 1.25
PAGES = 154
FOLDER_BUDGET = 60.0
REFERENCE = ROOT / "benchmarks" / "reference" / "pdfium_extract.py"


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("checking PDFs against pypdfium2 alone", argv)
    pdf = long_agreement(bench.cuad_dev, 10 if bench.smoke else PAGES)
    bench.compare(
        f"termgen check {pdf.stem} / pypdfium2 extract",
        lambda: run(termgen("check", pdf, "--json")),
        lambda: run(python(REFERENCE, pdf)),
        BUDGET,
    )
    pdfs = sorted((bench.cuad_dev / "contracts").glob("*.pdf"))
    if not pdfs:
        print(f"termgen check DIR: skipped, no CUAD PDFs in {bench.cuad_dev} (see --data)")
        return bench.finish()
    room = CACHE / f"{bench.cuad_dev.name}-pdfs"
    room.mkdir(parents=True, exist_ok=True)
    for source in pdfs:
        link = room / source.name
        if not link.exists():
            link.symlink_to(source)
    seconds = run(termgen("check", room))
    bench.add(Result(f"termgen check DIR of {len(pdfs)} PDFs", seconds, None, FOLDER_BUDGET))
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
