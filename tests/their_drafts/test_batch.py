"""Many drafts at once: folders, one summary row or JSON line per draft, errors in their row."""

from __future__ import annotations

import errno
import io
import json
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.cli.main import main
from termgen.environment import Environment
from termgen.their_drafts import batch
from termgen.their_drafts.batch import drafts_in
from termgen.their_drafts.check import ForeignReport
from termgen.their_drafts.limits import STOPPED_READER
from termgen.their_drafts.pdf import HALVED_PAGES
from termgen.their_drafts.progress import page_progress

from ..conftest import TEST_ENVIRON, run_cli
from ..draft_fixtures import SOURCES, build_docx, build_pdf, pdf_bytes, source_lines


def _data_room(folder: Path) -> Path:
    room = folder / "room"
    (room / "supplier").mkdir(parents=True)
    build_pdf("supply-agreement", room / "supplier")
    build_docx("licence", room)
    shutil.copy(SOURCES / "aes-password.pdf", room / "locked.pdf")
    (room / "notes.md").write_text("not a draft", encoding="utf-8")
    return room


def test_a_folder_is_searched_for_drafts_in_name_order(tmp_path: Path) -> None:
    room = _data_room(tmp_path)
    loose = tmp_path / "loose.txt"
    loose.write_text("x", encoding="utf-8")
    assert drafts_in([room, loose]) == [
        room / "licence.docx",
        room / "locked.pdf",
        room / "supplier" / "supply-agreement.pdf",
        loose,
    ]


def test_what_is_named_as_a_draft_but_is_no_file_gets_its_own_row(tmp_path: Path) -> None:
    room = tmp_path / "room"
    room.mkdir()
    build_docx("licence", room)
    os.mkfifo(room / "notes.txt")
    (room / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (room / "scans.pdf").mkdir()
    result = run_cli("check", room)
    assert result.status == 2
    # One message for each, in its row; not again on stderr.
    assert result.err == ""
    rows = [" ".join(line.split()) for line in result.out.splitlines() if "cannot check" in line]
    assert rows == [
        f"{room / 'gone.pdf'} cannot check: no such file; check the name and folder",
        f"{room / 'notes.txt'} cannot check: is not a regular file (a pipe, device or socket); "
        "give a text file saved on disk",
        f"{room / 'scans.pdf'} cannot check: is a folder, not a PDF; rename the folder so that "
        "its name does not end in .pdf",
    ]
    assert "4 drafts checked, 3 could not be read" in result.out


def test_a_folder_of_one_draft_says_one_draft_was_checked(tmp_path: Path) -> None:
    room = tmp_path / "room"
    room.mkdir()
    build_docx("licence", room)
    result = run_cli("check", room)
    assert result.out.splitlines()[-1] == "1 draft checked, 0 could not be read"


def test_a_data_room_gets_one_row_per_draft_and_the_unreadable_one_its_own(
    tmp_path: Path,
) -> None:
    room = _data_room(tmp_path)
    result = run_cli("check", room)
    assert result.status == 2
    lines = result.out.splitlines()
    assert lines[0].split() == ["file", "present", "weak", "missing", "blocking,", "not", "present"]
    rows = {line.split()[0]: line for line in lines[2:-1] if line.startswith(str(room))}
    assert set(rows) == {
        str(room / "licence.docx"),
        str(room / "locked.pdf"),
        str(room / "supplier" / "supply-agreement.pdf"),
    }
    assert rows[str(room / "supplier" / "supply-agreement.pdf")].split()[1:] == [
        "12",
        "0",
        "5",
        "exit.valuation",
    ]
    assert "cannot check: the PDF is encrypted with a password" in rows[str(room / "locked.pdf")]
    assert lines[-1] == "3 drafts checked, 1 could not be read"
    assert result.err == ""


def test_json_lines_and_the_password_for_every_draft(tmp_path: Path) -> None:
    room = _data_room(tmp_path)
    result = run_cli("check", room, "--json", "--password", "secret")
    assert (result.status, result.err) == (0, "")
    reports = [json.loads(line) for line in result.out.splitlines()]
    assert [report["file"] for report in reports] == [
        str(room / "licence.docx"),
        str(room / "locked.pdf"),
        str(room / "supplier" / "supply-agreement.pdf"),
    ]
    assert all(len(report["provisions"]) == 17 for report in reports)
    locked, supply = reports[1], reports[2]
    assert locked["provisions"] == supply["provisions"]


def test_an_unreadable_draft_is_a_json_line_with_its_error(tmp_path: Path) -> None:
    room = _data_room(tmp_path)
    result = run_cli("check", room / "locked.pdf", room / "licence.docx", "--json")
    assert result.status == 2
    first = json.loads(result.out.splitlines()[0])
    assert first == {
        "file": str(room / "locked.pdf"),
        "error": "the PDF is encrypted with a password; ask the sender for an unprotected copy "
        "or save one without protection, or give the password with --password",
    }


def test_a_folder_without_drafts_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", tmp_path)
    assert (result.status, result.err.strip()) == (
        2,
        f"{tmp_path}: no drafts (.pdf, .docx, .txt) in the folders given",
    )


def test_a_reader_the_system_stops_is_its_drafts_error_and_the_others_are_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool worker killed (as the system kills one out of memory) while it reads a draft."""
    room = _data_room(tmp_path)
    killer = room / "supplier" / "killer.pdf"
    shutil.copy(room / "supplier" / "supply-agreement.pdf", killer)
    reading = batch.check_draft

    def stopped_by_the_system(path: Path, *args: Any, **kwargs: Any) -> ForeignReport:
        if path == killer:
            os.kill(os.getpid(), signal.SIGKILL)
        return reading(path, *args, **kwargs)

    monkeypatch.setattr(batch, "check_draft", stopped_by_the_system)
    result = run_cli("check", room, "--json")
    assert result.status == 2
    rows = {Path(row["file"]).name: row for row in map(json.loads, result.out.splitlines())}
    assert list(rows) == ["licence.docx", "locked.pdf", "killer.pdf", "supply-agreement.pdf"]
    assert rows["killer.pdf"] == {
        "file": str(killer),
        "error": f"the reader was stopped by the system, {STOPPED_READER}",
    }
    assert "error" not in rows["licence.docx"] and "error" not in rows["supply-agreement.pdf"]
    assert result.err == ""


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_long_pdfs_show_the_page_being_read_in_a_terminal_only() -> None:
    assert page_progress(io.StringIO()) is None
    terminal = _Terminal()
    show = page_progress(terminal)
    assert show is not None
    show(1, 5)
    assert terminal.getvalue() == ""
    show(1, 154)
    show(154, 154)
    assert terminal.getvalue() == "\rreading page 1 of 154\rreading page 154 of 154\n"


class _GoneTerminal(_Terminal):
    """A terminal that went away once the command had begun: closed (a broken pipe) or hung
    up (an I/O error)."""

    def __init__(self, gone: OSError) -> None:
        super().__init__()
        self.gone = gone

    def write(self, text: str) -> int:
        raise self.gone


@pytest.mark.parametrize(
    "gone",
    [BrokenPipeError(errno.EPIPE, "Broken pipe"), OSError(errno.EIO, "Input/output error")],
    ids=["closed", "hung up"],
)
def test_a_terminal_gone_while_a_long_pdf_is_read_changes_nothing(
    tmp_path: Path, gone: OSError
) -> None:
    filler = [f"Schedule {n}. The parties shall meet as agreed. " * 30 for n in range(400)]
    draft = tmp_path / "long.pdf"
    draft.write_bytes(pdf_bytes(source_lines("supply-agreement") + filler))
    assert len(PdfReader(draft).pages) >= HALVED_PAGES  # read by two processes, both showing

    def checked(stderr: io.StringIO) -> tuple[int, str]:
        stdout = io.StringIO()
        env = Environment(stdin=io.StringIO(""), stdout=stdout, stderr=stderr, environ=TEST_ENVIRON)
        return main(["check", str(draft)], env), stdout.getvalue()

    alone = checked(io.StringIO())
    assert alone[0] == 0 and "present" in alone[1]
    assert checked(_GoneTerminal(gone)) == alone


def _on_cores(cores: int) -> Callable[[], None]:
    """Run the child on this many cores: on one, `check` reads the draft in its own process,
    without forking, and shows the progress line there."""
    chosen = set(sorted(os.sched_getaffinity(0))[:cores])
    return lambda: os.sched_setaffinity(0, chosen)


def _drained(terminal: int, termgen: subprocess.Popen[bytes], hang_up: bool) -> bytes:
    """What termgen shows on a terminal until it ends (so that a full terminal never stops
    it); with `hang_up`, the terminal goes away once the first progress line is shown."""
    shown = b""
    while True:
        ready, _, _ = select.select([terminal], [], [], 0.05)
        if ready:
            try:
                shown += os.read(terminal, 1 << 16)
            except OSError:  # the child has closed its side: nothing more will come
                break
            if hang_up and b"reading page" in shown:
                os.close(terminal)
                return shown
        elif termgen.poll() is not None:
            break
    os.close(terminal)
    return shown


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores to compare")
@pytest.mark.parametrize("cores", [1, 2], ids=["one core", "two cores"])
def test_a_long_pdf_checked_with_its_readers_gone_ends_quietly(tmp_path: Path, cores: int) -> None:
    """`termgen check long.pdf | head -1` in a terminal, the terminal closed while the pages
    are read, or stderr closed (`2>&-`): the report is the same or cut by the reader, the
    status is the report's or 141 (the reader's choice), and nothing is said of a pipe."""
    filler = [f"Schedule {n}. The parties shall meet as agreed. " * 30 for n in range(400)]
    draft = tmp_path / "long.pdf"
    draft.write_bytes(pdf_bytes(source_lines("supply-agreement") + filler))
    assert len(PdfReader(draft).pages) >= HALVED_PAGES
    command = [sys.executable, "-m", "termgen", "check", str(draft)]
    environ = {"PATH": os.environ["PATH"], **TEST_ENVIRON}
    alone = subprocess.run(command, capture_output=True, env=environ, timeout=120, check=False)
    assert alone.returncode == 0 and b"present" in alone.stdout and alone.stderr == b""

    for hang_up in (False, True):
        terminal, stderr = pty.openpty()
        termgen = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=environ,
            preexec_fn=_on_cores(cores),
        )
        os.close(stderr)
        shown = _drained(terminal, termgen, hang_up)
        assert termgen.stdout is not None
        first = termgen.stdout.readline()
        if not hang_up:
            termgen.stdout.close()  # `| head -1`
        rest = b"" if termgen.stdout.closed else termgen.stdout.read()
        status = termgen.wait(timeout=120)
        assert b"reading page" in shown and b"Error" not in shown and b"Traceback" not in shown
        if hang_up:
            assert (status, first + rest) == (0, alone.stdout)
        else:
            assert status in (0, 141) and first == alone.stdout.splitlines(keepends=True)[0]

    closed = subprocess.run(
        ["/bin/sh", "-c", 'exec "$@" 2>&-', "sh", *command],
        capture_output=True,
        env=environ,
        timeout=120,
        preexec_fn=_on_cores(cores),
        check=False,
    )
    assert (closed.returncode, closed.stdout) == (0, alone.stdout)


@pytest.mark.parametrize("as_json", [False, True])
def test_a_folder_of_many_unreadable_drafts_says_each_error_once_in_its_row(
    tmp_path: Path, as_json: bool
) -> None:
    """Each error is in its row (or JSON line), once: stderr does not repeat it."""
    for number in range(PROBLEMS_SHOWN + 5):
        (tmp_path / f"draft-{number:03}.pdf").write_bytes(b"")
    result = run_cli("check", tmp_path, *(["--json"] if as_json else []))
    assert (result.status, result.err) == (2, "")
    said = (
        "the file is empty (0 bytes); check that it is the draft you meant, or ask for a new copy"
    )
    assert result.out.count(said) == PROBLEMS_SHOWN + 5
    assert result.out.count(str(tmp_path / "draft-000.pdf")) == 1
    if not as_json:
        assert f"{PROBLEMS_SHOWN + 5} drafts checked, {PROBLEMS_SHOWN + 5} could not be read" in (
            result.out
        )
