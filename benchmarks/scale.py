"""Scale: synthetic clause libraries of 1,000, 5,000 and 20,000 clauses, and a deal with
1,000 contributions and 300 decision rights.

Budgets: `termgen library lint` of 20,000 clauses under 3 s, and the cost per clause at
20,000 no more than 1.5x the cost at 1,000 (no quadratic step). The cost per clause is the
time above linting the built-in library alone, divided by the clauses added. Lint is timed
cold (no cache: a library seen for the first time) and warm (the cache filled by an earlier
run, the everyday case). Drafting with each library and the big deal is reported against
the same work on the battery-JV example; those have no budget.

    python benchmarks/scale.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from harness import CACHE, ROOT, Bench, Result, run, termgen
from synthetic import write_big_deal, write_library

LINT_SECONDS = 3.0
PER_CLAUSE_RATIO = 1.5
SIZES = (1_000, 5_000, 20_000)
SMOKE_SIZES = (20, 40)
EXAMPLE = ROOT / "examples" / "battery-jv.yaml"
COLD = {"TERMGEN_CACHE": "off"}


def library(size: int) -> Path:
    """A synthetic overlay of `size` clauses, written once and kept under benchmarks/.cache."""
    folder = CACHE / f"library-{size}"
    done = folder / ".complete"
    if not done.exists():
        write_library(folder, size)
        done.touch()
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
            budget = LINT_SECONDS if size == 20_000 else None
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
                    plain,
                    None,
                    note="one run, against drafting with the built-in library",
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
            None,
        )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
