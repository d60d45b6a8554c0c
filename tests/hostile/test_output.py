"""Writing drafts, calendars and redlines: both of a pair or neither, even under kill -9, and
every problem with the output path one message with exit 2."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from termgen.files.write import recover, write_together

from ..conftest import EXAMPLES_DIR, TEST_ENVIRON, run_cli
from .bounded import as_ordinary_user

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
NAMES = [
    "project-volta-governance-annex-v0.4.docx",
    "project-volta-open-points-v0.4.docx",
    "project-volta-term-sheet-v0.4.docx",
]
TERMGEN = Path(sys.executable).parent / "termgen"


def _visible(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir() if not entry.name.startswith("."))


def _dead_pid() -> int:
    """The id of a process that has ended (so its leftovers may be cleaned up)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


@pytest.mark.parametrize(
    "command", [["calendar", BATTERY], ["diff", BATTERY, BATTERY, "--redline"]]
)
def test_a_folder_where_a_file_is_expected_is_exit_2(tmp_path: Path, command: list[object]) -> None:
    result = run_cli(*command, "-o", tmp_path, "--force")
    assert result.status == 2
    assert result.err.strip() == f"{tmp_path}: is a folder; give the name of a file to write"


@pytest.mark.parametrize(
    "command",
    [
        ["calendar", BATTERY],
        ["diff", BATTERY, BATTERY, "--redline"],
        ["schema"],
        ["interview", "--answers", BATTERY, "--no-input"],
    ],
)
def test_a_pipe_where_a_file_is_expected_stays_a_pipe(
    tmp_path: Path, command: list[object]
) -> None:
    """As /dev/null would stay a device: the rename into place would replace it by a file."""
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    result = run_cli(*command, "-o", pipe, "--force")
    assert result.status == 2
    assert result.err.strip() == (
        f"{pipe}: is not a regular file (a device, pipe or socket); give the name of a file to "
        "write"
    )
    assert pipe.is_fifo()


def test_a_file_where_a_folder_is_expected_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "drafts"
    blocker.write_text("in the way")
    calendar = run_cli("calendar", BATTERY, "-o", blocker / "deal.ics")
    assert calendar.status == 2
    assert calendar.err.strip() == (
        f"{blocker}: cannot write here: a file is in the way where a folder is needed; choose "
        "another path with -o"
    )
    draft = run_cli("draft", BATTERY, "-o", blocker)
    assert (draft.status, draft.err.strip()) == (2, f"{blocker}: is a file; -o needs a folder")


@pytest.mark.parametrize("command", ["draft", "calendar"])
def test_a_read_only_output_folder_is_exit_2(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / "deal.ics" if command == "calendar" else folder
    done = subprocess.run(
        [*as_ordinary_user(), str(TERMGEN), command, str(BATTERY), "-o", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": os.environ["PATH"], "TERMGEN_CACHE": "off"},
        check=False,
    )
    folder.chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        f"{folder}: cannot write here: permission denied; choose another folder with -o, or "
        "change its permissions"
    )
    assert list(folder.iterdir()) == []


def test_the_next_run_removes_the_leftovers_of_a_killed_one(tmp_path: Path) -> None:
    dead = _dead_pid()
    leftovers = [
        tmp_path / f".termgen-{dead}-0badcafe-0.project-volta-term-sheet-v0.4.docx.tmp",
        tmp_path / f".termgen-{dead}-0badcafe-1.project-volta-governance-annex-v.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"half a draft")
    somebody_elses = tmp_path / ".project-volta-term-sheet-v0.4.docx.tmp"
    somebody_elses.write_bytes(b"not termgen's")
    result = run_cli("draft", BATTERY, "-o", tmp_path)
    assert result.status == 0, result.err
    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted(
        [somebody_elses.name, *NAMES]
    )


def test_a_pair_left_half_renamed_is_completed_by_the_next_run(tmp_path: Path) -> None:
    dead = _dead_pid()
    first, second = (
        tmp_path / f".termgen-{dead}-0badcafe-{n}.{name}.tmp"
        for n, name in enumerate(["term-sheet.docx", "annex.docx"])
    )
    second.write_bytes(b"annex")
    (tmp_path / "term-sheet.docx").write_bytes(b"term sheet")  # renamed before the kill
    journal = tmp_path / f".termgen-{dead}-0badcafe.pending"
    journal.write_text(
        json.dumps(
            {
                "replace": False,
                "files": [[first.name, "term-sheet.docx"], [second.name, "annex.docx"]],
            }
        )
    )
    recover(tmp_path)
    assert _visible(tmp_path) == ["annex.docx", "term-sheet.docx"]
    assert (tmp_path / "annex.docx").read_bytes() == b"annex"
    assert [entry.name for entry in tmp_path.iterdir() if entry.name.startswith(".")] == []


@pytest.mark.parametrize(
    "planted",
    [
        "{victim}",  # a file anywhere, by its full path
        "../{victim_name}",
        ".termgen-{dead}-0badcafe-0.{victim_name}.tmp/../../{victim_name}",
    ],
)
def test_a_planted_journal_cannot_move_a_file_from_outside_its_folder(
    tmp_path: Path, planted: str
) -> None:
    dead = _dead_pid()
    victim = tmp_path / "victim.yaml"
    victim.write_text("the user's answers")
    folder = tmp_path / "sent"
    folder.mkdir()
    journal = folder / f".termgen-{dead}-0badcafe.pending"
    temporary = planted.format(victim=victim, victim_name=victim.name, dead=dead)
    journal.write_text(json.dumps({"replace": True, "files": [[temporary, "stolen.yaml"]]}))
    result = run_cli("draft", BATTERY, "-o", folder)
    assert result.status == 0, result.err
    assert victim.read_text() == "the user's answers"
    assert sorted(_visible(folder)) == sorted(NAMES)
    assert not journal.exists()


def test_a_planted_journal_cannot_replace_a_file_by_a_name_it_does_not_own(
    tmp_path: Path,
) -> None:
    dead = _dead_pid()
    mine = tmp_path / "notes.txt"
    mine.write_text("mine")
    impostor = tmp_path / f".termgen-{dead}-0badcafe-0.other.txt.tmp"
    impostor.write_text("planted")
    link = tmp_path / f".termgen-{dead}-0badcafe-1.notes.txt.tmp"
    link.symlink_to(tmp_path / "outside.txt")
    (tmp_path / "outside.txt").write_text("outside")
    journal = tmp_path / f".termgen-{dead}-0badcafe.pending"
    journal.write_text(
        json.dumps(
            {"replace": True, "files": [[impostor.name, "notes.txt"], [link.name, "notes.txt"]]}
        )
    )
    recover(tmp_path)
    assert mine.read_text() == "mine"
    assert sorted(_visible(tmp_path)) == ["notes.txt", "outside.txt"]


@pytest.mark.parametrize(
    "content",
    ["not json{", "[]", '{"replace": true}', '{"replace": true, "files": [1, 2]}', "\xff"],
)
def test_an_unreadable_journal_is_dropped_and_the_draft_is_written(
    tmp_path: Path, content: str
) -> None:
    journal = tmp_path / f".termgen-{_dead_pid()}-0badcafe.pending"
    journal.write_bytes(content.encode("latin-1"))
    result = run_cli("draft", BATTERY, "-o", tmp_path)
    assert result.status == 0, result.err
    assert sorted(_visible(tmp_path)) == sorted(NAMES)
    assert not journal.exists()


def test_a_leftover_of_an_impossible_process_id_is_removed(tmp_path: Path) -> None:
    leftover = tmp_path / f".termgen-{'9' * 30}-0badcafe-0.x.docx.tmp"
    leftover.write_bytes(b"half")
    result = run_cli("draft", BATTERY, "-o", tmp_path)
    assert result.status == 0, result.err
    assert not leftover.exists()


def test_a_pair_is_written_both_or_neither_when_the_second_name_is_taken(tmp_path: Path) -> None:
    (tmp_path / "b.docx").write_bytes(b"the user's own")
    with pytest.raises(Exception, match="already exists"):
        write_together([(tmp_path / "a.docx", b"a"), (tmp_path / "b.docx", b"b")])
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["b.docx"]
    assert (tmp_path / "b.docx").read_bytes() == b"the user's own"


def test_a_durable_pair_leaves_no_thread_behind(tmp_path: Path) -> None:
    # The flushes run in threads; one still running would keep the later work from forking.
    threads = threading.active_count()
    written = write_together([(tmp_path / "a.docx", b"a"), (tmp_path / "b.docx", b"b")])
    assert [path.read_bytes() for path in written] == [b"a", b"b"]
    assert threading.active_count() == threads
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["a.docx", "b.docx"]


def _complete(folder: Path) -> bool:
    for name in NAMES:
        with zipfile.ZipFile(folder / name) as document:
            if document.testzip() is not None:
                return False
    return True


def _draft(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [str(TERMGEN), "draft", str(BATTERY), "-o", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={"PATH": os.environ["PATH"], **TEST_ENVIRON},
    )


def _kill_when(process: subprocess.Popen[bytes], folder: Path, moment: str, delay: float) -> None:
    """SIGKILL after `delay` seconds, or as soon as termgen's first temporary or its journal
    shows up in the folder."""
    started = time.monotonic()
    while process.poll() is None:
        names = [entry.name for entry in folder.iterdir()] if folder.exists() else []
        if moment == "temporary" and any(name.endswith(".tmp") for name in names):
            break
        if moment == "journal" and any(name.endswith(".pending") for name in names):
            break
        if moment == "time" and time.monotonic() - started >= delay:
            break
        time.sleep(0.0005)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_kill_9_at_any_moment_of_draft_never_leaves_half_a_pair(tmp_path: Path) -> None:
    started = time.monotonic()
    reference = _draft(tmp_path / "reference")
    assert reference.wait(timeout=60) == 0
    whole = time.monotonic() - started
    moments = [("time", whole * fraction) for fraction in (0.1, 0.6, 0.9)]
    moments += [("temporary", 0.0), ("journal", 0.0)]
    seen = set()
    for number, (moment, delay) in enumerate(moments):
        folder = tmp_path / f"run-{number}"
        _kill_when(_draft(folder), folder, moment, delay)
        visible = _visible(folder) if folder.exists() else []
        journal = folder.exists() and any(folder.glob(".termgen-*.pending"))
        # Killed between two renames of the commit, a pair is half visible until the journal
        # finishes it; the next run that looks at the folder does so.
        assert visible in ([], NAMES) or journal, (moment, delay, visible)
        if journal:
            recover(folder)
            visible = _visible(folder)
            assert visible == NAMES, (moment, delay, visible)
        if visible:
            assert _complete(folder)
        committed = bool(visible)
        seen.add(len(visible))
        again = run_cli("draft", BATTERY, "-o", folder)
        assert again.status == (2 if committed else 0), again.err
        assert _visible(folder) == NAMES and _complete(folder)
        assert [entry.name for entry in folder.iterdir() if entry.name.startswith(".")] == []
    assert 0 in seen


@pytest.mark.parametrize(
    "command",
    [
        ("check", "{long}.pdf"),
        ("check", "{long}.yaml"),
        ("validate", "{long}.yaml"),
        ("draft", str(BATTERY), "-o", "{long}"),
        ("calendar", str(BATTERY), "-o", "{long}.ics"),
    ],
    ids=lambda command: " ".join(command[:1] + command[-1:]).replace("{long}", "LONG"),
)
def test_a_path_the_system_refuses_is_one_message_with_exit_2(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    long = str(tmp_path / ("a" * 300))
    result = run_cli(*(part.replace("{long}", long) for part in command))
    assert result.status == 2, result.err
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert "too long" in result.err.lower()
    assert result.err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("command", "suggestion"),
    [
        (["calendar", "{answers}", "-o", "{answers}", "--force"], "-o deal.ics"),
        (["calendar", "{answers}", "-o", "{link}", "--force"], "-o link.ics"),
        (
            ["diff", BATTERY, "{answers}", "--redline", "-o", "{answers}", "--force"],
            "-o deal.docx",
        ),
    ],
)
def test_force_never_writes_over_the_answers_a_command_reads(
    tmp_path: Path, command: list[object], suggestion: str
) -> None:
    answers = tmp_path / "deal.yaml"
    answers.write_bytes(BATTERY.read_bytes())
    (tmp_path / "link.yaml").symlink_to(answers)
    names = {"{answers}": answers, "{link}": tmp_path / "link.yaml"}
    result = run_cli(*(names.get(str(part), part) for part in command))
    assert result.status == 2
    assert suggestion in result.err
    assert "which this command reads" in result.err
    assert answers.read_bytes() == BATTERY.read_bytes()
