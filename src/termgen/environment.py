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
        self.stdout = _or_nowhere(sys.stdout if stdout is None else stdout)
        self.stderr = _or_nowhere(sys.stderr if stderr is None else stderr)
        self.environ = os.environ if environ is None else environ
        self.today = today
        self.terminal = terminal
        """For tests: the prompt_toolkit input and output for the prompt with this key."""
        self._cache: Cache | None = None
        self._cache_chosen = False
        self._prompt_output: Any = None

    @property
    def interactive(self) -> bool:
        """Whether prompts can be shown: a terminal on stdin, or one given for tests."""
        return self.terminal is not None or self.stdin_isatty

    def prompt_io(self, key: str) -> dict[str, Any]:
        """What the prompt with this key reads and draws on: a terminal, even where stdout is
        piped (`termgen interview | tee`), for a prompt drawn as plain text cannot redraw."""
        if self.terminal is not None:
            return self.terminal(key)
        if self.stdout_isatty:
            return {}
        if self._prompt_output is None:
            from prompt_toolkit.output import create_output

            self._prompt_output = create_output(always_prefer_tty=True)
        return {"output": self._prompt_output}

    @property
    def columns(self) -> int:
        """How wide the output is read, for wrapping text: the width of the terminal on stdout
        now (it may have been resized), else $COLUMNS, else the width of the terminal on stderr
        or stdin (output piped to a pager or grep is read there), else 100 (a file)."""
        given = self.environ.get("COLUMNS", "")
        return _terminal_width(self.stdout) or (
            int(given)
            if given.isdigit() and int(given) > 0
            else _terminal_width(self.stderr) or _terminal_width(self.stdin) or 100
        )

    @property
    def err_columns(self) -> int:
        """How wide messages on stderr are read: its terminal's width, else as `columns`."""
        return _terminal_width(self.stderr) or self.columns

    def out_wrapped(self, text: str, indent: str = "", hanging: str | None = None) -> None:
        """Print text wrapped to the terminal's width at word boundaries."""
        from termgen.terminal import wrap

        self.out(wrap(text, self.columns, indent, hanging))

    def err_wrapped(self, text: str) -> None:
        """Print a message to stderr wrapped like `out_wrapped`: a path is never cut."""
        from termgen.terminal import wrap

        self.err(wrap(text, self.err_columns))

    def err_problem(self, text: str) -> None:
        """Print what stopped a command: in a terminal wrapped at words, the lines each problem
        wraps onto indented; to a file or a program, each problem on one line, to search."""
        from termgen.terminal import wrap

        shown = _terminal_width(self.stderr)
        self.err(wrap(text, shown, hanging="  ") if shown else text)

    @property
    def rows(self) -> int:
        """How many lines the terminal on stdout shows, else $LINES; 0 when neither says (a
        file, which has no height)."""
        given = self.environ.get("LINES", "")
        return _terminal_size(self.stdout).lines or (int(given) if given.isdigit() else 0)

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
        # Flushed at once: piped, it would otherwise come after the prompts drawn on the
        # terminal meanwhile.
        print(text, file=self.stdout, flush=True)

    def err(self, text: str) -> None:
        """Print a message; when the reader of stderr has gone away (`termgen validate bad.yaml
        2>&1 | head -1`) it is dropped, and the exit status still says what happened: left to
        the broken pipe, a failed validation exited 141 as if all had been well but unread.
        So is a message to a terminal that hung up (an I/O error)."""
        try:
            print(text, file=self.stderr)
        except OSError:
            self._stderr_closed()

    def _stderr_closed(self) -> None:
        """Send what a broken stderr still buffers nowhere, so that no later message fails."""
        self.stderr = _or_nowhere(None)


def _or_nowhere(stream: IO[str] | None) -> IO[str]:
    """The stream, or one that writes nowhere for a stream the process was started without
    (`termgen validate deal.yaml 2>&-`): Python then has None, and print() would write the
    message to stdout instead. (os.devnull, not pathlib: `--help` imports no pathlib.)"""
    return open(os.devnull, "w", encoding="utf-8") if stream is None else stream  # noqa: PTH123


def _terminal_width(stream: IO[str]) -> int:
    """The width of the terminal `stream` writes to or reads from; 0 when it is none."""
    return _terminal_size(stream).columns


def _terminal_size(stream: IO[str]) -> os.terminal_size:
    """The size of the terminal `stream` writes to or reads from; 0 by 0 when it is none."""
    if not _isatty(stream):
        return os.terminal_size((0, 0))
    try:
        return os.get_terminal_size(stream.fileno())
    except (OSError, ValueError):
        return os.terminal_size((0, 0))


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
