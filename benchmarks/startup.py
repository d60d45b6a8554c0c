"""Start-up: `termgen --help` and `termgen --version` against `python -c pass`. Budget 5x.

python benchmarks/startup.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import sys

from harness import Bench, python, run, termgen

BUDGET = 5.0


def main(argv: list[str] | None = None) -> int:
    bench = Bench.from_argv("start-up against a bare Python", argv, pairs=20)
    bare = python("-c", "pass")
    for flag in ("--help", "--version"):
        bench.compare(
            f"termgen {flag} / python -c pass",
            lambda flag=flag: run(termgen(flag)),
            lambda: run(bare),
            BUDGET,
        )
    return bench.finish()


if __name__ == "__main__":
    sys.exit(main())
