"""Shared test helpers: paths to the project's data and an in-process CLI runner."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from termgen.cli import main
from termgen.environment import Environment

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
COMPLETE_EXAMPLES = [path for path in EXAMPLES if path.stem != "incomplete-deal"]


@dataclass
class CliResult:
    status: int
    out: str
    err: str


def run_cli(
    *args: str | Path, environ: dict[str, str] | None = None, today: dt.date | None = None
) -> CliResult:
    """Run `termgen ARGS` in this process with captured streams (and a fixed today, if given)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""),
        stdout=stdout,
        stderr=stderr,
        environ=environ or {},
        today=(lambda: today) if today else dt.date.today,
    )
    status = main([str(arg) for arg in args], env)
    return CliResult(status, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def example() -> Path:
    """The battery-JV example, the one `make demo` uses."""
    return EXAMPLES_DIR / "battery-jv.yaml"
