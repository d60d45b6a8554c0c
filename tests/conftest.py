"""Shared test helpers: paths to the project's data and an in-process CLI runner."""

from __future__ import annotations

import atexit
import datetime as dt
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from termgen.cli import main
from termgen.environment import Environment

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES_DIR = ROOT / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))
COMPLETE_EXAMPLES = [path for path in EXAMPLES if path.stem != "incomplete-deal"]

_CACHE = tempfile.mkdtemp(prefix="termgen-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)
TEST_ENVIRON = {"TERMGEN_CACHE": _CACHE}
"""The environment of a command run by a test: a cache of its own, as a user's machine has
one (in ~/.cache), so that a test does not pay for compiling the library again; nothing else
of the developer's environment leaks in."""


@dataclass
class CliResult:
    status: int
    out: str
    err: str


def run_cli(
    *args: str | Path, environ: dict[str, str] | None = None, today: dt.date | None = None
) -> CliResult:
    """Run `termgen ARGS` in this process with captured streams (and a fixed today, if given);
    `environ` replaces the whole environment."""
    stdout, stderr = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(""),
        stdout=stdout,
        stderr=stderr,
        environ=TEST_ENVIRON if environ is None else environ,
        today=(lambda: today) if today else dt.date.today,
    )
    status = main([str(arg) for arg in args], env)
    return CliResult(status, stdout.getvalue(), stderr.getvalue())


@pytest.fixture
def example() -> Path:
    """The battery-JV example, the one `make demo` uses."""
    return EXAMPLES_DIR / "battery-jv.yaml"
