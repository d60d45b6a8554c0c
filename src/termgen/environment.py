"""What the CLI talks to: streams and environment variables, injectable so tests run in-process."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Environment:
    """The streams and settings a command uses instead of reaching for globals."""

    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    today: Callable[[], dt.date] = dt.date.today
    terminal: Callable[[str], dict[str, Any]] | None = None
    """For tests: the prompt_toolkit input and output for the prompt with this key."""

    @property
    def interactive(self) -> bool:
        """Whether prompts can be shown: a terminal on stdin, or one given for tests."""
        return self.terminal is not None or self.stdin_isatty

    def prompt_io(self, key: str) -> dict[str, Any]:
        return self.terminal(key) if self.terminal is not None else {}

    @property
    def stdin_isatty(self) -> bool:
        return _isatty(self.stdin)

    @property
    def stdout_isatty(self) -> bool:
        return _isatty(self.stdout)

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def err(self, text: str) -> None:
        print(text, file=self.stderr)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
