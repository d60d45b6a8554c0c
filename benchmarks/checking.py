"""Checking: `termgen check` on a 154-page PDF against pypdfium2's text extraction alone, and
`termgen check DIR` over all of cuad-dev's PDFs (a data room) against one minute.

termgen's side extracts the same text (with pypdfium2, as the reference does), normalises it,
splits it into sentences, matches every provision's cues and scores the candidate sentences;
the reference (reference/pdfium_extract.py) only extracts. Whole processes, interleaved.
Budgets: 1.25x for one PDF; 60 s for the folder on this machine's cores. The long PDF is
CUAD's agreements joined page by page, or, without the CUAD folder, an agreement of the same
length written with fpdf2 (corpus.py); the folder measure needs the CUAD folder.

termgen uses both cores where the reference uses one. As soon as the command line is parsed
(before the modules that checking needs are imported), `termgen check FILE.pdf` forks a
reader that imports pypdfium2 and waits for the file; the main process imports what reading
the file needs, reads it (bounded), refuses compression bombs and sends the reader the bytes
through a pipe, then goes on. The reader opens the PDF and, from 40 pages on, forks again: it
reads from the first page on and its copy from the last page back until they meet, each
taking a token from a pipe that holds one per page before it reads one (PDFium is not
thread-safe; processes are). The main process meanwhile imports what `check` needs and takes
the provision registry and the compiled cue patterns from termgen's cache (the registry as
plain data, keyed by its files, so neither YAML nor pydantic is imported; each cue as `regex`
pickles it, its compiled program). That is what a lawyer's second and later checks do; the
harness warms the cache with a first run. Once the text is there, the main process splits it
into sentences and indexes their words, then forks once more: the copy tries every
provision's cues on the sentences that hold their words while the main process reads the
headings and definitions, finds the scorer's candidate sentences and sums the weights of
their features; scoring then only adds the cues' two weights to each sum.

Where the time goes (the 154 pages of CUAD; processor time on one core, in process, load 6):
reading the pages 260-320 ms, split between the two readers; then, on one core, sentences
16 ms (removing running lines and normalising 7-8 ms of it), the word index 19-21 ms; then
the cues (61-71 ms, the `regex` engine's searches nearly all of it) alongside headings and
definitions (3-5 ms), candidates, features (53-66 ms) and their sums (about 8 ms, what
scoring took after the cues came back). Before the reader is forked, the main process runs
157 M instructions (python's start 31 M); the reader's import of pypdfium2 (35-45 ms of
processor time) overlaps the main process reading the file and checking it for bombs
(15-18 ms). Traced against the code before in the same runs (two runs of 5 pairs, medians,
at load 14-16 and 20-22), the two readers used to end 367-473 ms apart (the second half of
this PDF holds 249,000 characters against 206,000) and now 11-35 ms apart; the scoring after
the cues came back took 91-158 ms and now 1.3-1.5 ms. In instructions (callgrind, with cues
given all the time valgrind needs), the readers ran 1,404 M (with pypdfium2's import) and
1,647 M before, 1,563 M and 1,495 M now; the main process 2,404 M and 2,401 M, the cues' copy
2,180 M and 2,135 M. `--json` gives the same bytes before and after on 74 drafts.
What is left over the budget's margin is mostly the sentences and the word index on one core
(about 37 ms idle): building them in the readers, a half each, would need each reader to
know the running lines of the other half (or the main process to check a guess) and the
main process to stitch the sentence that straddles the meeting page.

History. 2.33x quiet (1.85 s against 0.79 s) when the reading ran in a thread that took turns
at Python's lock with the main thread, every run imported pydantic, YAML and jinja2 and
validated the registry (0.35 s), compiled the cue patterns (0.2-0.27 s) and parsed them for
their words (0.05 s). Then the reader in a process of its own, the registry and cues from
the cache, the cues alongside the scorer's features (1.35x quiet before that split), the
reader forked right after the command line is parsed: whole `make bench` runs on quiet
machines gave 1.27x, 1.30x and 1.34x before the readers met from both ends. Under load the
two cores are not free and the ratio tends to the ratio of processor times (about 1.8x,
printed on the line after the budget's: a figure the load hardly moves).

    python benchmarks/checking.py [--pairs N] [--data DIR] [--smoke]
"""

from __future__ import annotations

import sys

from corpus import long_agreement
from harness import CACHE, ROOT, Bench, Result, processor_seconds, python, run, termgen

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
    bench.compare(
        "  the same in processor time (both cores)",
        lambda: processor_seconds(termgen("check", pdf, "--json")),
        lambda: processor_seconds(python(REFERENCE, pdf)),
        None,
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
