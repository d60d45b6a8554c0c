"""Checking: `termgen check` on a 300-page PDF against pypdf's text extraction alone.

termgen's side extracts the same text, normalises it, splits it into sentences and looks for
every provision's cues; the reference (reference/pypdf_extract.py) only extracts. Budget 1.25x.

    python benchmarks/checking.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import sys

from corpus import joined_pdf
from harness import ROOT, Bench, python, run, termgen

BUDGET = 1.25
PAGES = 300
REFERENCE = ROOT / "benchmarks" / "reference" / "pypdf_extract.py"


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("checking a long PDF against pypdf alone", argv)
    pdf = joined_pdf(bench.cuad_dev, 10 if bench.smoke else PAGES)
    bench.compare(
        f"termgen check {pdf.stem} / pypdf extract_text",
        lambda: run(termgen("check", pdf, "--json")),
        lambda: run(python(REFERENCE, pdf)),
        BUDGET,
    )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
