"""Start-up: `termgen --help` and `termgen --version` against `python -c pass`. Budget 2.5x.

Where the time goes (instructions counted with `valgrind --tool=callgrind`, which a busy
machine does not disturb; `python -X importtime` for the split): `python -c pass` is 39 M
instructions. `--help` was 112 M: argparse and the `re` it imports (with `enum`) 35 M,
shutil (imported by argparse only to ask the terminal's width, and importing bz2, lzma and
fnmatch) 8 M, textwrap and locale (argparse's wrapping and gettext) 9 M, termgen's command
table and the parser 20 M. `--version` was 104 M, the same work for one line. Now `--version`
answers before the parser is built (52 M) and the help formatter is given the width shutil
would find (103 M for `--help`).

python benchmarks/startup.py [--pairs N] [--smoke]
"""

from __future__ import annotations

import sys

from harness import Bench, python, run, termgen

BUDGET = 2.5


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
