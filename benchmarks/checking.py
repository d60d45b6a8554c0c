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
into sentences, indexes their words and reads the headings and definitions, then forks once
more: the copy and the main process take in turns, from a pipe of tokens, the next
provision whose cues to try or the next 64 sentences whose candidates to find and whose
features to weigh, so that the work splits evenly however its parts' costs vary; scoring
then only adds the cues' two weights to each sum.

Where the time goes, in instructions (callgrind, the 154 pages of CUAD, the cache warm, each
process's own count from one fork to the next; deterministic, unlike the clock on this shared
machine). Before the reader is forked the main process runs 132 M (python's start and
termgen's imports 50 M, the command line 57 M: building the commands' subparsers, not their
arguments, which are 0.6 ms of its 3 ms); then it reads the file and refuses bombs (232 M,
the bomb check most of it) while the reader imports pypdfium2 (104 M), then waited. From
HALVED_BYTES (768 KB) on, a forked copy inflates the streams of the file's second half
meanwhile: three processes share those 336 M on the two cores. The two readers take
1,282 M and 1,262 M; meanwhile the main process loads the provisions (120 M) and the cues
(98 M) from the cache. Then, on one core: the pages come over (6 M), sentences (312 M,
removing running lines and normalising a third of it), the word index (123 M; 242 M while the
regex engine found each sentence's words: an ASCII sentence, nearly every one, now has its
other characters made spaces by `bytes.translate` and is split at C speed), headings and
definitions (46 M); then the shared work: 734 M here and 788 M in the copy (the cues were
664 M in the copy against 897 M of candidates and features here before, so the copy waited);
scoring, output and exit about 30 M. Shared in turns, the work costs no more in all (1,568 M
against 1,561 M): split in two halves of the text instead, it cost 120 M more, each process
finding for every cue the sentences that hold its words.

The cues. 18 patterns added (200 against 182) took the ratio of processor times from 1.95x to
2.08-2.35x. On the long PDF the regex engine ran 4,267 times, after the words check, for 613
matches: an alternation asked a sentence only for a text of its branches' most selective sets
joined ("(terminat|cancel|end) ... (mutual|joint) ... (consent|agreement)|by agreement of ...
parties" for 'consent' or 'agreement', in nearly every sentence of an agreement: 597 runs for
5 matches). Each alternation now gives up to MOST_CHOICES sets, its branches' sets joined rank
by rank ({mutual, joint, parties} as well), and the engine runs 2,765 times; the windows of
several sentences look for the most selective sets alone, as before (a window's texts may be
shared out between its sentences). Each window is also joined once, not once per cue that
tries it (3,270 joins were of 923 windows). Processor time in one process, interleaved at
load 10: the index 35 ms before, 25 ms after; the cues with it 190 and 160 ms; the whole
detection 370 and 315 ms (before the windows were joined once). The cues' hits, the features
weighed, and the `--json` bytes are the same before and after on every PDF of cuad-dev, the
long one, and the examples' drafts.

Whole runs, interleaved (the reference, before, after; 7 rounds; the machine was never quiet):
at load 9-10, wall 2.27x before and 2.05x after (each round's after/before 0.77-0.98),
processor time 2.40x and 2.09x; at load 13-14, with the windows joined once, wall 2.04x and
2.05x (0.84-1.04: at that load the second core is seldom free), processor time 2.11x and 1.99x
(0.82-1.02). This script alone, before and after in turns (9 pairs each, the reference 0.3-0.4
s on this machine that evening): at load 2-3, 1.35x and 1.39x before, 1.29x and 1.27x after; as
the load rose to 4-5, 1.46x and 2.45x before, 2.00x and 2.01x after; processor time 2.19-2.41x
before, 2.12-2.29x after. Off the critical path on a quiet machine: the index's 119 M and up to
64 M of the wait for the bomb check, and half of what the cues save (two processes share them);
the quiet ratio after these changes is still to be measured. What is left: the sentences (312
M), the index (123 M) and the headings (46 M) still run on one core while the other is idle.
Building them in the readers, a half each, needs each reader to know the other half's running
lines and the main process to stitch the sentence that straddles the meeting page, and what is
sent back costs part of what it saves: at load 16 the whole index took 13 ms to unpickle
against 33-46 ms to build, the sentences 3 ms against 30-44 ms.

Reading and sentences, cut (each process's count; figures of one run, the cache warm). Of the
reading, a tenth was PDFium finding a page's text twice, as pypdfium2's `get_text_bounded` asks
for the length and then for the text: asked once into a buffer that holds any page's text, the
two readers took 2,478 M instead of 2,557 M (a page with characters beyond the Basic
Multilingual Plane, rare, is still read pypdfium2's way, which cuts such text at a length of
its own). The sentences took 318 M on the one core: the marks of items inside a sentence were
looked for at every position of every sentence with a bracket (85 M; now the bracket comes
first in the pattern and the engine skips from bracket to bracket: 5 M), hyphens at line ends
joined by a pattern tried at every position of 22 pages (22 M; now only where a line ends in a
hyphen), each edge line of a page shaped twice (26 M; now once, and a running line once for all
its pages): 205 M after. The rest of the sentences: running lines and page numbers 60 M (the
page-number pattern 26 M, half of it the calls), spaces made one 33 M, the search for sentence
ends 35 M (the engine tests each character against '.!?' in turn: no quicker form found), each
sentence's items, lead-ins and objects some 75 M. The whole run, in instructions: 5,342 M
before, 5,169 M after; on two cores, with the start-up (168 M), the serial block (372 M:
sentences, index, headings) and the end (30 M) alone on one core, the longest path comes to
about 3,010 M before and 2,870 M after (-4.7 %; the reference runs 2,784 M in one process). The
`--json` bytes, messages and exit codes are the same before and after for every PDF of
cuad-dev, the long PDF and the examples' drafts (142 runs); pages, sentences, word index,
headings, definitions and each provision's hits the same for those, the test fixtures and the
foreign texts (187 drafts). On the clock the machine was never quiet (load 14-19, shared): this
script gave 1.41x after (the reference 3.16 s) and 2.13x before (0.98 s), run one after the
other; before and after in turns with the reference (9 rounds, load 16-19), 1.44x before and
1.41x after, each round's after/before 0.81-1.27 (median 0.90); processor time 2.03x before and
2.02x after (7 rounds, load 18), 2.20x and 1.95x in this script's runs. The quiet ratio is
still to be measured.

The scorer's anchors and the exit, cut. Which sentences a provision's scorer weighs (those with
one of its anchor words: a sixth of the sentences of the long PDF for the term and for
post-termination) was found by the regex engine on every sentence holding an anchor's texts, 26
ms of processor time in one process for the six anchors on the long PDF. The anchors' branches
that can only match inside a word (`terminat`, `\\byears?\\b`) are now tried once against each
distinct word of the draft (some 4,000) and the others (`in force`) against the sentences
holding their texts: 8 ms, the same sentences on all 401 texts of cuad-train, cuad-dev,
foreign-dev and the fixtures (2,406 comparisons). The process also leaves without tearing the
interpreter down once the report is printed (4-8 ms, 1-2 ms without). With `zipfile` no longer
imported on the way to PDFium, the main process ran 1,632 M instructions instead of 1,724 M
(callgrind, cache warm, byte-code cached), the `--json` bytes the same. Splitting the
anchors compiled 45 patterns a run with `re` (2.4 ms, best of 30 in one process): each
branch was compiled to see whether it matches the empty text. That is now read from the
branch's text (`literals._ONLY_OPTIONAL`; the same answer as compiling on 137,561 branches
made of the parts such a branch has): 6 patterns, 1.1 ms, the in-word branches of each anchor
(the regex engine, whose programs the cache keeps, ran their search over a draft's words 2-5x
slower). Whole runs of the long PDF, 8 interleaved pairs at a load of 11 to 12: processor
time, medians, 1.98 and 1.96 s (0.99x; 1 ms is below this machine's noise); the `--json`
bytes of 40 PDFs of cuad-dev the same.

PDFium through its raw bindings. A reader imported pypdfium2 whole (22 ms of processor time,
while the main process reads the file and checks it for bombs): its ctypes bindings (12 ms)
and, as much again, the helper classes, logging and the rest they import. The readers now call
PDFium's functions through the bindings alone, as those helpers call them
(`pdf.pdfium_library`); the text of every page of the test fixtures is the same as pypdfium2's
`get_text_bounded`, and the `--json` bytes of all 120 PDFs of cuad-dev, the long PDF and the
encrypted fixtures (with and without their password) are the same. Whole runs with the
scheduler's real-time policy (which keeps other processes off the cores while they run; the
machine was loaded), 21 interleaved rounds: 1.17x against pypdfium2 extracting the file before,
1.14x after (300 and 291 ms against 256 ms); before the anchors and the exit above, 1.22x.

Tried and not kept. The cues matched in lower case: an ASCII sentence (all but 9 of 1,926)
lowered and searched by the pattern compiled case-sensitively, where case cannot matter to it
(ASCII, no capitals or range holding one, no flags of its own; 209 of 209 built-in patterns):
the engine no longer looks up the cases of each character, and detection in one process took
1,544 M instead of 1,718 M with the same hits; but processor time did not follow (the cues
151-181 ms against 142 ms at load 12, one renewal cue 36-40 ms against under 4 ms:
case-sensitive programs seem to build tables the others do not), both forms of every cue had to
come from the cache (58 M more while reading), and under the instruction counter a cue ran past
its limit (3 s). The word index with its per-word loop in C (`map` over `list.append`): 125 M
against 115 M. The scorer's anchors with `re` on the lowered text: 24 M less of 1,718 M. Still
left: the serial block (about 370 M) while the other core idles; its pieces are spread (no one
pattern or call above 35 M), so the next step is structural, as above.

History. 2.33x quiet (1.85 s against 0.79 s) when the reading ran in a thread that took turns
at Python's lock with the main thread, every run imported pydantic, YAML and jinja2 and
validated the registry (0.35 s), compiled the cue patterns (0.2-0.27 s) and parsed them for
their words (0.05 s). Then the reader in a process of its own, the registry and cues from the
cache, the cues alongside the scorer's features (1.35x quiet before that split), the reader
forked right after the command line is parsed: whole `make bench` runs on quiet machines gave
1.27x, 1.30x and 1.34x before the readers met from both ends. Meeting from both ends, the two
readers ended 11-35 ms apart instead of 367-473 ms, and scoring after the cues came back took
1.3-1.5 ms instead of 91-158 ms (features weighed ahead): quiet whole runs gave 1.26x, 1.19x
and 1.14x. Under load the two cores are not free and the ratio tends to the ratio of processor
times (about 1.8x, printed on the line after the budget's: a figure the load hardly moves).

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
