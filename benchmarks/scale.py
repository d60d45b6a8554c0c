"""Scale: synthetic clause libraries of 1,000, 5,000 and 20,000 clauses, and a deal with
1,000 contributions and 300 decision rights.

Budgets: `termgen library lint` of 20,000 clauses under 3 s cold (no cache: a library seen
for the first time) and under 1 s warm (the cache filled by an earlier run, the everyday
case); the cost per clause at 20,000 no more than 1.5x the cost at 1,000 (no quadratic step;
the cost per clause is the time above linting the built-in library alone, divided by the
clauses added); a draft with 20,000 extra clauses in 5 s; a draft of the deal with 1,000
contributions and 300 decision rights within 2x the battery-JV example's.

Where the time goes (cProfile of whole runs and of one process linting 1,500 of the files,
`/usr/bin/time -v`; measured on 2 shared cores under heavy load, so proportions, not seconds):
- Cold lint: each clause file is read, parsed, validated and checked on its own
  (`library/clause_lint.py`), over a process pool from 400 files per core; only findings come
  back. Per file, in one process: the YAML (libyaml composes, our builder records the source
  map) about 40%, pydantic's validation 15%, the skeleton and check key of each text 10%,
  the bounded read 9%, the house-style wording 7% (each pattern only on lines holding its
  word). The template checks read only a text's skeleton (`templating/skeleton.py`: its
  tags, with the words left out, found with one regular expression instead of Jinja's
  lexer), so they run once per distinct skeleton: about 130 at 20,000 clauses (620 while a
  dict inside a tag made a text its own skeleton). They, and the provisions' checks, run in
  the parent as the workers' batches come back, not after them. Each file comes back as a
  small record (its check key a digest, its anchors plain tuples): pickling it there and
  back was a quarter of the CPU. In instructions, one worker's work on a file went from 1.91
  to 1.41 million (callgrind, pickling not counted).
- Warm lint: the whole report is one cache entry, keyed by each clause file's path, size,
  times and inode (`library/lint.py`, with git's guard for files changed just before); a warm
  run lists the folders, stats each file, reads the registries, and imports neither the
  models nor Jinja nor YAML (the cache knows those libraries by their installed files).
- Draft with an overlay: the synthetic copies keep their purposes and conditions, so a deal
  selects about three in four of them; with 20,000 extra clauses a draft holds about 15,000
  clauses and Word documents of thousands of pages. Selection evaluates each distinct
  condition once; the texts are read from the cache in a few queries, and the clause files
  from the entries lint left. Compiling each selected text was about 60% of a run (Jinja's
  parse 17%, its checks 29%, its code generation and Python's compile 32%); the checks now
  run once per skeleton. Rendering the Word documents, which grow with the clauses, is most
  of the rest (python-docx's XPath and style look-ups while placing bookmarks and comments).
  Not done: compiling once per skeleton (the words as data of one compiled template) and
  placing bookmarks without a look-up per paragraph; the row stays over its budget.
- Big deal: the tables of 1,000 contributions and 300 rights in Word (docxtpl's rendering and
  the column fitting) and validating the answers.

    python benchmarks/scale.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from harness import CACHE, ROOT, Bench, Result, run, termgen
from synthetic import built_in_fingerprint, write_big_deal, write_library

LINT_SECONDS = {"cold": 3.0, "warm": 1.0}
OVERLAY_DRAFT_SECONDS = 5.0
BIG_DEAL_RATIO = 2.0
PER_CLAUSE_RATIO = 1.5
SIZES = (1_000, 5_000, 20_000)
SMOKE_SIZES = (20, 40)
EXAMPLE = ROOT / "examples" / "battery-jv.yaml"
COLD = {"TERMGEN_CACHE": "off"}


def library(size: int) -> Path:
    """A synthetic overlay of `size` clauses, kept under benchmarks/.cache until a built-in
    clause changes."""
    folder = CACHE / f"library-{size}"
    done = folder / ".complete"
    fingerprint = built_in_fingerprint()
    if not done.exists() or done.read_text() != fingerprint:
        shutil.rmtree(folder, ignore_errors=True)
        write_library(folder, size)
        done.write_text(fingerprint)
    return folder


def median_seconds(command: Callable[[], float], runs: int, warmup: int = 0) -> float:
    for _ in range(warmup):
        command()
    return statistics.median(command() for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("scale: big clause libraries and a big deal", argv, pairs=3)
    sizes = SMOKE_SIZES if bench.smoke else SIZES
    runs = bench.pairs
    lint_times: dict[str, dict[int, float]] = {"cold": {}, "warm": {}}
    for mode, environ, warmup in (("cold", COLD, 0), ("warm", None, 1)):
        base = median_seconds(
            lambda environ=environ: run(termgen("library", "lint"), env=environ), runs, warmup
        )
        lint_times[mode][0] = base
        for size in sizes:
            folder = library(size)
            seconds = median_seconds(
                lambda folder=folder, environ=environ: run(
                    termgen("library", "lint", folder), env=environ
                ),
                runs,
                warmup,
            )
            lint_times[mode][size] = seconds
            budget = LINT_SECONDS[mode] if size == 20_000 else None
            bench.add(Result(f"library lint {size:>6} clauses ({mode})", seconds, None, budget))
        smallest, largest = sizes[0], sizes[-1]
        per_clause = {size: (lint_times[mode][size] - base) / size for size in (smallest, largest)}
        bench.add(
            Result(
                f"lint cost per clause {largest} / {smallest} ({mode})",
                per_clause[largest],
                per_clause[smallest],
                PER_CLAUSE_RATIO,
                note=f"{per_clause[largest] * 1e6:.0f} vs {per_clause[smallest] * 1e6:.0f} µs",
            )
        )
    with tempfile.TemporaryDirectory() as temp:
        out = Path(temp)
        plain = median_seconds(lambda: run(termgen("draft", EXAMPLE, "-o", out, "--force")), 1, 1)
        for size in sizes:
            folder = library(size)
            seconds = run(termgen("draft", EXAMPLE, "--library", folder, "-o", out, "--force"))
            bench.add(
                Result(
                    f"draft battery-jv with {size:>6} more clauses",
                    seconds,
                    None,
                    OVERLAY_DRAFT_SECONDS if size == 20_000 else None,
                    note=f"one run; drafting with the built-in library alone {plain:.2f} s",
                )
            )
        contributions, rights = (20, 6) if bench.smoke else (1_000, 300)
        big = write_big_deal(out / "big-deal.yaml", contributions, rights)
        for command in ("validate", "check"):
            bench.compare(
                f"{command} {contributions} contributions / battery-jv",
                lambda command=command: run(termgen(command, big)),
                lambda command=command: run(termgen(command, EXAMPLE)),
                None,
            )
        bench.compare(
            f"draft {contributions} contributions, {rights} rights / battery-jv",
            lambda: run(termgen("draft", big, "-o", out / "big", "--force")),
            lambda: run(termgen("draft", EXAMPLE, "-o", out / "example", "--force")),
            BIG_DEAL_RATIO,
        )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
