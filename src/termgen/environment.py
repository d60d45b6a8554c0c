"""What the CLI talks to: streams and environment variables, injectable so tests run in-process.

Kept free of heavy imports (no dataclasses, typing or datetime at import time): every run of
`termgen`, even `--help`, builds one.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping
    from typing import IO, Any

    from termgen.cache import Cache


def _today() -> dt.date:
    import datetime

    return datetime.date.today()


class Environment:
    """The streams and settings a command uses instead of reaching for globals."""

    def __init__(
        self,
        *,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        environ: Mapping[str, str] | None = None,
        today: Callable[[], dt.date] = _today,
        terminal: Callable[[str], dict[str, Any]] | None = None,
    ) -> None:
        self.stdin = sys.stdin if stdin is None else stdin
        self.stdout = sys.stdout if stdout is None else stdout
        self.stderr = sys.stderr if stderr is None else stderr
        self.environ = os.environ if environ is None else environ
        self.today = today
        self.terminal = terminal
        """For tests: the prompt_toolkit input and output for the prompt with this key."""
        self._cache: Cache | None = None
        self._cache_chosen = False

    @property
    def interactive(self) -> bool:
        """Whether prompts can be shown: a terminal on stdin, or one given for tests."""
        return self.terminal is not None or self.stdin_isatty

    def prompt_io(self, key: str) -> dict[str, Any]:
        return self.terminal(key) if self.terminal is not None else {}

    @property
    def columns(self) -> int:
        """How wide the terminal is, for wrapping text: its width now (it may have been resized),
        else $COLUMNS, else 100."""
        if self.stdout_isatty:
            try:
                return os.get_terminal_size(self.stdout.fileno()).columns
            except (OSError, ValueError):
                pass
        given = self.environ.get("COLUMNS", "")
        return int(given) if given.isdigit() and int(given) > 0 else 100

    def out_wrapped(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        """Print text wrapped to the terminal's width at word boundaries."""
        from termgen.terminal import wrap

        self.out(wrap(text, self.columns, indent, hanging))

    def err_wrapped(self, text: str) -> None:
        """Print a message to stderr wrapped like `out_wrapped`: a path is never cut."""
        from termgen.terminal import wrap

        self.err(wrap(text, self.columns))

    @property
    def stdin_isatty(self) -> bool:
        return _isatty(self.stdin)

    @property
    def stdout_isatty(self) -> bool:
        return _isatty(self.stdout)

    @property
    def stderr_isatty(self) -> bool:
        return _isatty(self.stderr)

    def cache(self) -> Cache | None:
        """The run's disk cache, as these settings choose it (see `termgen.cache`), or None."""
        if not self._cache_chosen:
            from termgen.cache import Cache

            cache = Cache.from_environ(self.environ)
            refusal = cache.refusal() if cache else None
            if cache and refusal:
                self.err(
                    f"termgen: not using the cache in {cache.folder}: {refusal}. Make it "
                    "private (chmod 700) or point TERMGEN_CACHE at a folder of your own"
                )
                cache = None
            self._cache, self._cache_chosen = cache, True
        return self._cache

    def save_cache(self) -> None:
        """Keep what this run added to the cache, in one write at its end."""
        if self._cache is not None:
            self._cache.save()

    def stdout_closed(self) -> None:
        """After a broken pipe: send what is still buffered nowhere, so exit stays quiet."""
        if self.stdout is sys.stdout:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout)

    def err(self, text: str) -> None:
        print(text, file=self.stderr)


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
