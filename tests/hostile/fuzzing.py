"""One mutated answer file through the five commands that read one, and what each did.

Shared by the property test (a few dozen files per `make test`) and by
`scripts/fuzz_answers.py` (thousands): the same commands, the same verdict.
"""

from __future__ import annotations

import datetime as dt
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from ..conftest import run_cli

COMMANDS = ("validate", "check", "draft", "deadlines", "calendar")
ALLOWED = frozenset({0, 1, 2})
TODAY = dt.date(2026, 12, 1)
_MB = 1024  # ru_maxrss is in KiB on Linux


@dataclass(frozen=True)
class Outcome:
    command: str
    status: int
    seconds: float
    """Processor time: a busy machine does not make a run fail."""
    peak_mb: float
    err: str

    @property
    def failure(self) -> str | None:
        """What is wrong with this run, or None when it kept the promise."""
        if self.status not in ALLOWED:
            return f"exit {self.status}"
        if "Traceback" in self.err or "internal error" in self.err:
            return "a traceback or internal error"
        if self.status == 2 and not self.err.strip():
            return "exit 2 without a message"
        return None


def arguments(command: str, answers: Path, output: Path) -> list[str | Path]:
    if command == "draft":
        return ["draft", answers, "-o", output / "drafts", "--force"]
    if command == "calendar":
        return ["calendar", answers, "-o", output / "deal.ics", "--force"]
    return [command, answers]


def run_all(answers: Path, output: Path) -> list[Outcome]:
    """Each command once on `answers`, writing under `output`, without a cache."""
    outcomes = []
    for command in COMMANDS:
        started = time.process_time()
        result = run_cli(*arguments(command, answers, output), today=TODAY)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _MB
        outcomes.append(
            Outcome(command, result.status, time.process_time() - started, peak, result.err)
        )
    return outcomes
