"""`termgen` as a real process, stopped if it hangs, with its own peak memory measured."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import TEST_ENVIRON

SECONDS = 10.0
"""Processor seconds one run may use: a guard against runaway work that a busy machine does
not trip."""
HANG_SECONDS = 120.0
"""Wall-clock seconds after which a run counts as hung and is killed."""
MEGABYTES = 500
_TERMGEN = Path(sys.executable).parent / "termgen"


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str
    seconds: float
    """Processor time, user and system."""
    peak_mb: float

    def assert_bounded(self) -> None:
        assert self.seconds < SECONDS, f"used {self.seconds:.1f} s of processor: {self.err[-300:]}"
        assert self.peak_mb < MEGABYTES, f"peaked at {self.peak_mb:.0f} MB"
        assert "Traceback" not in self.err and "internal error" not in self.err, self.err


def as_ordinary_user() -> list[str]:
    """A command prefix that takes away root's power to ignore file modes, so that a file or
    folder made unreadable or read-only is so for termgen too; nothing for other users."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to bind")
    return [setpriv, "--bounding-set=-all", "--"]


def termgen(
    *args: str | Path, environ: dict[str, str] | None = None, ordinary: bool = False
) -> Run:
    """Run `termgen ARGS` (as an ordinary user if `ordinary`); kill it when it runs past the
    time allowed, so that a hang fails the test."""
    command = [str(_TERMGEN) if _TERMGEN.exists() else sys.executable, *map(str, args)]
    if not _TERMGEN.exists():
        command[1:1] = ["-m", "termgen"]
    if ordinary:
        command = [*as_ordinary_user(), *command]
    env = {"PATH": os.environ.get("PATH", ""), **TEST_ENVIRON, **(environ or {})}
    with tempfile.TemporaryDirectory() as scratch:
        out_path, err_path = Path(scratch) / "out", Path(scratch) / "err"
        pid = os.posix_spawn(
            command[0],
            command,
            env,
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_OPEN, 1, str(out_path), os.O_WRONLY | os.O_CREAT, 0o600),
                (os.POSIX_SPAWN_OPEN, 2, str(err_path), os.O_WRONLY | os.O_CREAT, 0o600),
            ],
        )
        status, usage = _wait(pid, time.monotonic() + HANG_SECONDS)
        return Run(
            status,
            out_path.read_text(errors="replace"),
            err_path.read_text(errors="replace"),
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
        )


def _wait(pid: int, deadline: float) -> tuple[int, resource.struct_rusage]:
    while True:
        done, wait_status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(wait_status), usage
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, wait_status, usage = os.wait4(pid, 0)
            return -9, usage
        time.sleep(0.01)
