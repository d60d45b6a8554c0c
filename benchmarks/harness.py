"""What every benchmark shares: interleaved A/B timing, medians, ratios, budgets, smoke mode.

Each benchmark script compares termgen (side A) with the raw library doing the same work
(side B) in the same run: warm-up, then A B A B ... so that drift in the machine's speed
hits both sides alike. It prints the median of each side and their ratio, and exits 1 when
a ratio is over its budget. `--smoke` runs the same code on tiny inputs, once, and never
fails on timing: `make test` uses it so the benchmarks cannot rot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "tests" / "fixtures" / "cuad"
"""Nine CUAD agreements kept in the repository: what smoke runs read, so tests need no data."""
CACHE = ROOT / "benchmarks" / ".cache"
BIN = Path(sys.executable).parent
Command = Sequence[str | Path]


def termgen(*args: str | Path) -> list[str | Path]:
    """The installed `termgen` command, as a user runs it."""
    script = BIN / "termgen"
    return [script, *args] if script.exists() else [sys.executable, "-m", "termgen", *args]


def python(*args: str | Path) -> list[str | Path]:
    return [sys.executable, *args]


def _environ(overrides: Mapping[str, str] | None) -> dict[str, str]:
    return {**os.environ, **(overrides or {})}


def run(command: Command, *, env: Mapping[str, str] | None = None) -> float:
    """Seconds a command takes, start to exit; fails loudly if the command fails.

    `env` adds to or replaces variables of this process's environment.
    """
    started = time.perf_counter()
    done = subprocess.run(
        [str(part) for part in command],
        env=_environ(env),
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(
            f"benchmark command failed ({done.returncode}): {' '.join(map(str, command))}\n"
            f"{done.stderr.strip()}"
        )
    return elapsed


def peak_rss_mb(command: Command) -> float:
    """Peak resident memory of one run of a command, in MB (this child only)."""
    return _usage(command).ru_maxrss / 1024


def processor_seconds(command: Command) -> float:
    """Processor time (user and system) of one run of a command, with the processes it
    forked and waited for."""
    usage = _usage(command)
    return usage.ru_utime + usage.ru_stime


def _usage(command: Command) -> Any:
    """The resource usage of one run of a command (os.wait4)."""
    process = subprocess.Popen(
        [str(part) for part in command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        error = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"benchmark command failed: {' '.join(map(str, command))}\n{error}")
    if process.stderr:
        process.stderr.close()
    return usage


@dataclass
class Result:
    """One measure: a figure for termgen, a figure for the reference, and the budget."""

    name: str
    ours: float
    reference: float | None
    budget: float | None
    unit: str = "s"
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.ours / self.reference if self.reference else None

    @property
    def within_budget(self) -> bool:
        if self.budget is None:
            return True
        value = self.ratio if self.reference is not None else self.ours
        return value is not None and value <= self.budget

    def line(self) -> str:
        figure = _figure(self.ours, self.unit)
        if self.reference is not None:
            figure += f" vs {_figure(self.reference, self.unit)}  ratio {self.ratio:.2f}x"
        if self.budget is not None:
            limit = (
                f"{self.budget:.2f}x"
                if self.reference is not None
                else _figure(self.budget, self.unit)
            )
            figure += f"  budget {limit} {'ok' if self.within_budget else 'OVER'}"
        return f"{self.name:<44} {figure}{f'  ({self.note})' if self.note else ''}"


def _figure(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:8.1f} ms" if value < 1 else f"{value:8.2f} s "
    return f"{value:8.1f} {unit}"


def compare(
    name: str,
    ours: Callable[[], float],
    reference: Callable[[], float],
    *,
    pairs: int,
    budget: float | None,
    warmup: int = 1,
) -> Result:
    """Run both sides interleaved after a warm-up; medians of what each call returns."""
    for _ in range(warmup):
        ours()
        reference()
    a: list[float] = []
    b: list[float] = []
    for _ in range(pairs):
        a.append(ours())
        b.append(reference())
    return Result(
        name,
        statistics.median(a),
        statistics.median(b),
        budget,
        samples={"termgen": a, "reference": b},
    )


def _prepare(smoke: bool) -> None:
    """Byte-compile termgen and (unless in a smoke run, which times nothing) the installed
    packages once, and give the runs a cache of their own.

    Without the first, a machine that sets PYTHONDONTWRITEBYTECODE (or an installer that
    writes no bytecode, as uv by default) compiles the sources of termgen, pydantic, PyPDFium
    and the rest on every run, which pip's installs never do; the second keeps the user's
    cache out of the figures and vice versa.
    """
    packages = [] if smoke else [sysconfig.get_paths()["purelib"]]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", ROOT / "src" / "termgen", *packages],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""},
        stdout=subprocess.DEVNULL,
        check=False,  # a package file that does not compile is the package's affair
    )
    os.environ["TERMGEN_CACHE"] = str(CACHE / "termgen")


@dataclass
class Bench:
    """Command-line handling and reporting shared by the benchmark scripts."""

    title: str
    smoke: bool
    pairs: int
    data: Path = SHARED
    results: list[Result] = field(default_factory=list)
    only: str | None = None
    """The one part of the script to run (`--only`), or None for all of them."""

    def runs(self, part: str) -> bool:
        return self.only is None or self.only == part

    @property
    def cuad_dev(self) -> Path:
        """The CUAD agreements with PDFs: the full development set, or the sample in smoke runs."""
        return SAMPLE if self.smoke else self.data / "cuad-dev"

    @classmethod
    def from_argv(
        cls,
        title: str,
        argv: Sequence[str] | None = None,
        pairs: int = 10,
        parts: Sequence[str] = (),
    ) -> Bench:
        """`parts`: the parts of the script that `--only` may pick (the option is offered when
        there are any)."""
        parser = argparse.ArgumentParser(description=title)
        if parts:
            parser.add_argument("--only", choices=parts, help="run only this part of the script")
        parser.add_argument(
            "--smoke", action="store_true", help="tiny inputs, one pair, no budgets (for tests)"
        )
        parser.add_argument(
            "--pairs", type=int, default=pairs, help=f"A/B pairs after warm-up (default {pairs})"
        )
        parser.add_argument(
            "--data",
            type=Path,
            default=SHARED,
            help=f"the folder that holds cuad-dev/ and the other data sets (default {SHARED})",
        )
        args = parser.parse_args(argv)
        _prepare(args.smoke)
        bench = cls(title, args.smoke, 1 if args.smoke else max(args.pairs, 1), args.data)
        bench.only = getattr(args, "only", None)
        print(f"== {title}{' (smoke: tiny inputs, budgets not enforced)' if bench.smoke else ''}")
        return bench

    def compare(
        self,
        name: str,
        ours: Callable[[], float],
        reference: Callable[[], float],
        budget: float | None,
        *,
        at_least: int = 1,
    ) -> Result:
        """`at_least` pairs for a ratio cheap enough to measure more often than the script's
        other rows (never in smoke mode)."""
        pairs = self.pairs if self.smoke else max(self.pairs, at_least)
        result = compare(
            name, ours, reference, pairs=pairs, budget=budget, warmup=0 if self.smoke else 1
        )
        return self.add(result)

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print(result.line(), flush=True)
        return result

    def finish(self) -> int:
        """Exit status: 1 when a budget is exceeded (never in smoke mode)."""
        over = [result.name for result in self.results if not result.within_budget]
        if over and not self.smoke:
            print(f"over budget: {', '.join(over)}")
            return 1
        return 0
