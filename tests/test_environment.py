"""How wide output is laid out: for the terminal it is read in, whether piped or not."""

from __future__ import annotations

import fcntl
import io
import os
import struct
import termios
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest

from termgen.cli import main
from termgen.environment import Environment

from .conftest import EXAMPLES_DIR, TEST_ENVIRON, run_cli


@contextmanager
def _terminal(columns: int) -> Iterator[tuple[IO[str], int]]:
    """A real pseudo-terminal this many columns wide: the stream that writes to it, and the
    descriptor that reads what it shows."""
    shows, writes = os.openpty()
    fcntl.ioctl(writes, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
    try:
        with os.fdopen(writes, "w", encoding="utf-8") as stream:
            yield stream, shows
    finally:
        os.close(shows)


def _environment(stdout: IO[str], stderr: IO[str], columns: str | None = None) -> Environment:
    environ = {**TEST_ENVIRON, **({"COLUMNS": columns} if columns else {})}
    return Environment(stdin=io.StringIO(), stdout=stdout, stderr=stderr, environ=environ)


def test_output_piped_from_a_terminal_is_laid_out_for_that_terminal() -> None:
    with _terminal(60) as (terminal, _):
        assert _environment(io.StringIO(), terminal).columns == 60  # `termgen ... | less`
        assert _environment(io.StringIO(), terminal, columns="90").columns == 90  # said so
        assert _environment(terminal, io.StringIO(), columns="90").columns == 60  # on it
        assert _environment(terminal, io.StringIO()).err_columns == 60
    assert _environment(io.StringIO(), io.StringIO()).columns == 100  # a file: no terminal


def test_an_error_in_a_narrow_terminal_breaks_at_words_and_a_logged_one_stays_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    answers = Path("deal.yaml")
    answers.write_text("deal:\n  name: X\n  date: 31/12/2026\n", encoding="utf-8")
    message = "deal › date: expected a date written YYYY-MM-DD, e.g. 2027-03-31; got '31/12/2026'"
    with _terminal(60) as (terminal, shows):
        assert main(["validate", str(answers)], _environment(io.StringIO(), terminal)) == 2
        terminal.flush()
        shown = os.read(shows, 1 << 16).decode("utf-8").replace("\r\n", "\n")
    lines = shown.splitlines()
    assert all(len(line) <= 60 for line in lines), shown
    assert message in " ".join(shown.split())
    assert [line[:2] for line in lines if not line.startswith(str(answers))] == ["  "] * (
        len(lines) - 3
    ), shown  # the lines a problem wraps onto are indented: three problems, three starts
    logged = io.StringIO()
    assert main(["validate", str(answers)], _environment(io.StringIO(), logged)) == 2
    assert f"{answers}:3:9: {message}" in logged.getvalue().splitlines()


def test_the_findings_of_a_draft_fit_the_width_they_are_read_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The answers file is named as typed, from the folder it is in: a file name is never
    # broken, so an absolute path as long as the clone's own would not fit on any line.
    monkeypatch.chdir(EXAMPLES_DIR)
    incomplete = "incomplete-deal.yaml"
    result = run_cli("draft", incomplete, "-o", tmp_path, environ={**TEST_ENVIRON, "COLUMNS": "60"})
    table = [line for line in result.out.splitlines() if not line.startswith("wrote ")]
    assert "blocking" in result.out and table
    assert all(len(line) <= 60 for line in table), result.out
