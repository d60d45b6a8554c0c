"""Checking: `termgen check` on a 154-page PDF against pypdfium2's text extraction alone, and
`termgen check DIR` over all of cuad-dev's PDFs (a data room) against one minute.

termgen's side extracts the same text (with pypdfium2, as the reference does), normalises it,
splits it into sentences, matches every provision's cues and scores the candidate sentences;
the reference (reference/pdfium_extract.py) only extracts. Whole processes, interleaved.
Budgets: 1.25x for one PDF; 60 s for the folder on this machine's cores. The long PDF is
CUAD's agreements joined page by page, or, without the CUAD folder, an agreement of the same
length written with fpdf2 (corpus.py); the folder measure needs the CUAD folder.

Where the time goes (CPU of the steps run one after another, on the 154 pages of CUAD, on
a loaded machine): PDFium reads the pages in about 0.5 s, in a thread of its own from the
start. Meanwhile the main thread imports what `check` needs (pydantic and the provision
models, YAML, `regex`: about 0.25 s beyond pypdfium2's own import), loads and validates the
provision registry (0.05 s), gets each cue's verdict from the cache (0.05 s), finds the
words every cue needs (0.04 s) and compiles cues for as long as the reading lasts. After the
reading: sentences 0.05 s, the draft's word index 0.06 s, compiling the cues not yet
compiled (0.19 s for the 103 that some sentence can match, when none was compiled before),
trying them on the sentences that hold their words 0.15 s, the scorer's features 0.12 s.

Before: every cue's first pattern was tried by the `regex` engine at every occurrence of its
leading words along the whole text (0.8 s; 'on' alone occurs thousands of times), every cue
was compiled whether any sentence could match it or not, and each page's punctuation was
translated character by character and its spaces collapsed by a regular expression (0.15 s
for sentences). Without byte-compiled packages (PYTHONDONTWRITEBYTECODE, or an installer
that writes no bytecode), each run also compiled pydantic's and pypdfium2's sources, over a
second; the harness now byte-compiles the installed packages first, as pip's installs do.
On two idle cores the reading and the start overlap; on a loaded machine they do not, and
the ratio is nearer the ratio of CPU times.

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
