"""Memory: peak resident memory of `termgen draft` on the battery-JV example (budget 150 MB)
and of `termgen check` on the 300-page PDF (budget 250 MB), each beside the reference
script doing the raw library's share of the same work.

    python benchmarks/memory.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from corpus import long_agreement
from drafting import EXAMPLE, save_contexts
from drafting import REFERENCE as DOCXTPL_REFERENCE
from harness import ROOT, Bench, Command, Result, peak_rss_mb, python, termgen

DRAFT_MB = 150.0
CHECK_MB = 250.0
PDFIUM_REFERENCE = ROOT / "benchmarks" / "reference" / "pdfium_extract.py"


def peak(command: Command, runs: int) -> float:
    return statistics.median(peak_rss_mb(command) for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("peak resident memory", argv, pairs=3)
    runs = bench.pairs
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        contexts = save_contexts(EXAMPLE, work)
        docxtpl_alone = peak(python(DOCXTPL_REFERENCE, *contexts, "-o", work), runs)
        bench.add(
            Result(
                "termgen draft battery-jv, peak memory",
                peak(termgen("draft", EXAMPLE, "-o", work / "termgen", "--force"), runs),
                None,
                DRAFT_MB,
                unit="MB",
                note=f"docxtpl alone {docxtpl_alone:.0f} MB",
            )
        )
    pdf = long_agreement(bench.cuad_dev, 10 if bench.smoke else 300)
    pdfium_alone = peak(python(PDFIUM_REFERENCE, pdf), runs)
    bench.add(
        Result(
            f"termgen check {pdf.stem}, peak memory",
            peak(termgen("check", pdf, "--json"), runs),
            None,
            CHECK_MB,
            unit="MB",
            note=f"pypdfium2 alone {pdfium_alone:.0f} MB",
        )
    )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
