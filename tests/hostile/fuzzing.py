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
    answers: str = ""
    """The answer file's path, which a refusal names first."""
    written: tuple[str, ...] = ()
    """What the run left in the folder besides the answers and what it was asked to write."""

    @property
    def failure(self) -> str | None:
        """What is wrong with this run, or None when it kept the promise."""
        if self.status not in ALLOWED:
            return f"exit {self.status}"
        if "Traceback" in self.err or "internal error" in self.err:
            return "a traceback or internal error"
        if self.status == 2 and not self.err.strip():
            return "exit 2 without a message"
        if self.status == 2 and not self.err.startswith(f"{self.answers}:"):
            return "exit 2 with a message that does not name the answer file first"
        if self.written:
            return f"left {', '.join(self.written)} behind"
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
        before = _files(output)
        started = time.process_time()
        result = run_cli(*arguments(command, answers, output), today=TODAY)
        seconds = time.process_time() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _MB
        written = _files(output) - before
        if result.status != 2:  # what it was asked to write, and only that
            written -= {"deal.ics"} if command == "calendar" else set()
            written = {name for name in written if command != "draft" or not _a_draft(name)}
        outcomes.append(
            Outcome(command, result.status, seconds, peak, result.err, str(answers), tuple(written))
        )
    return outcomes


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if not path.is_dir()}


def _a_draft(name: str) -> bool:
    """A document `draft` writes: the term sheet, annex or open points, in the drafts folder."""
    return name.startswith("drafts/") and name.endswith(".docx") and "/." not in name
