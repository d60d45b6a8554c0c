"""The command line: exit codes, streams, start-up cost, and what a user sees when it fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from termgen import __version__
from termgen.cli import validate

from ..conftest import EXAMPLES, EXAMPLES_DIR, ROOT, run_cli

HEAVY = {"pydantic", "yaml", "docx", "docxtpl", "jinja2", "pypdf", "questionary", "lxml"}


def test_version() -> None:
    result = run_cli("--version")
    assert (result.status, result.out.strip()) == (0, f"termgen {__version__}")


def test_help_lists_the_commands_and_the_exit_codes() -> None:
    result = run_cli("--help")
    assert result.status == 0
    assert "validate" in result.out
    assert "exit codes: 0 success" in result.out


def test_help_fits_a_narrow_terminal_without_breaking_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "60")  # argparse's help, built before the environment
    result = run_cli("--help")
    assert result.status == 0
    assert all(len(line) <= 60 for line in result.out.splitlines()), result.out
    said = " ".join(result.out.split())
    assert "(term sheet, governance annex)" in said
    assert "2 a problem with your input (the message says where and what to do)" in said


def test_no_command_prints_help_and_fails() -> None:
    result = run_cli()
    assert result.status == 2
    assert "usage: termgen" in result.out


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.status == 2
    assert "invalid choice: 'frobnicate'" in result.err


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["validate", "--help"]])
def test_help_and_version_import_no_heavy_library(args: list[str]) -> None:
    probe = (
        "import sys, contextlib, io\n"
        "from termgen.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({args!r})\n"
        "print(sorted({name.split('.')[0] for name in sys.modules}))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert not HEAVY & set(eval(loaded))


def test_validate_reports_each_file_and_fails_if_any_is_bad(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deal: {}\n", encoding="utf-8")
    result = run_cli("validate", *EXAMPLES, bad)
    assert result.status == 2
    assert len(result.out.splitlines()) == len(EXAMPLES)
    assert "Project Volta v0.4 (electrification, NAW and KSC)" in result.out
    assert "Project Tidewater v0.3 (autonomy and mobility, SOL, AUR and MFM)" in result.out
    assert result.err.startswith(f"{bad}:1:1: deal: required key 'name' is missing")


@pytest.mark.parametrize(
    "position", ["exit.renewal.automatc: single renewal", "exit.renewal.automatic: single renwal"]
)
def test_validate_refuses_a_position_as_draft_does(tmp_path: Path, position: str) -> None:
    text = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")
    deal = tmp_path / "deal.yaml"
    deal.write_text(f"{text}positions:\n  {position}\n", encoding="utf-8")
    validated = run_cli("validate", deal)
    drafted = run_cli("draft", deal, "-o", tmp_path / "out")
    assert validated.status == drafted.status == 2
    assert validated.err == drafted.err
    assert validated.err.startswith(f"{deal}:{len(text.splitlines()) + 2}:")
    assert "Traceback" not in validated.err and validated.out == ""


def test_validate_takes_a_fallback_position_the_library_has(tmp_path: Path) -> None:
    text = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        f"{text}positions:\n  exit.renewal.automatic: single renewal\n", encoding="utf-8"
    )
    result = run_cli("validate", deal)
    assert (result.status, result.err) == (0, "")


def test_an_internal_error_is_reported_as_a_bug_without_traceback(
    monkeypatch: pytest.MonkeyPatch, example: Path
) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate, "run", explode)
    result = run_cli("validate", example)
    assert result.status == 3
    assert result.err.startswith("termgen: internal error: RuntimeError: boom")
    assert "--debug" in result.err
    with pytest.raises(RuntimeError):
        run_cli("--debug", "validate", example)


def test_debug_shows_the_traceback_of_a_user_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- not a deal\n", encoding="utf-8")
    quiet = subprocess.run(
        [sys.executable, "-m", "termgen", "validate", bad], capture_output=True, text=True
    )
    loud = subprocess.run(
        [sys.executable, "-m", "termgen", "--debug", "validate", bad],
        capture_output=True,
        text=True,
    )
    assert quiet.returncode == 2
    assert "Traceback" not in quiet.stderr
    assert "Traceback" in loud.stderr
    assert "AnswerFileError" in loud.stderr


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("termgen")
    result = subprocess.run([script, "validate", *EXAMPLES], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (ROOT / "examples").is_dir()


@pytest.mark.parametrize(
    "args",
    [["library", "list"], ["deadlines", str(EXAMPLES[0])]],
    ids=["library list", "deadlines"],
)
def test_a_reader_that_stops_early_ends_the_run_quietly(args: list[str]) -> None:
    """`termgen ... | head -1`: the closed pipe is the reader's choice, not an error."""
    termgen = subprocess.Popen(
        [sys.executable, "-m", "termgen", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert termgen.stdout is not None and termgen.stderr is not None
    first = termgen.stdout.readline()
    termgen.stdout.close()
    status = termgen.wait(timeout=60)
    assert first.strip()
    assert status in (0, 141)
    assert termgen.stderr.read() == b""


def test_every_command_takes_the_arguments_its_code_reads() -> None:
    """Each command's code reads its arguments as typed attributes declared once."""
    from termgen.cli.commands import COMMANDS
    from termgen.cli.main import build_parser

    parser = build_parser()
    for command in COMMANDS:
        parsed = parser.parse_args([*command.name.split(), *_required(command)])
        assert parsed.command is command
        values = command(vars(parsed))
        for argument in command.arguments():
            getattr(values, argument.name)


def _required(command: type) -> list[str]:
    needs = {"files": ["a.yaml"], "answers": ["a.yaml"], "file": ["a.yaml"], "old": ["a.yaml"]}
    needs |= {"new": ["b.yaml"], "folder": ["deals"], "clause_id": ["x"]}
    found = []
    for argument in command.arguments():  # type: ignore[attr-defined]
        if not argument.flags and argument.name in needs:
            found += needs[argument.name]
        elif argument.settings.get("required"):
            found += [argument.flags[0], "out.ics"]
    return found


@pytest.mark.parametrize(
    ("arguments", "alone"),
    [
        (["draft.pdf"], "draft.pdf"),
        (["draft.PDF", "--json"], "draft.PDF"),
        (["draft.docx", "--password", "x"], "draft.docx"),
        (["draft.pdf", "other.pdf"], None),
        (["deal.yaml"], None),
        (["draft.pdf", "--against", "deal.yaml"], None),
        (["draft.pdf", "--as", "Northwind"], None),
        (["room.pdf"], None),  # a folder named like a draft
    ],
)
def test_a_draft_checked_on_its_own_is_read_from_the_start(
    arguments: list[str], alone: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a draft that `check` reads on its own starts being read as soon as the command
    line is parsed; folders, answer files, --against and several drafts do not."""
    from termgen.cli.commands import Check
    from termgen.cli.main import build_parser

    monkeypatch.chdir(tmp_path)
    (tmp_path / "room.pdf").mkdir()
    parsed = build_parser().parse_args(["check", *arguments])
    draft = Check(vars(parsed)).draft_alone
    assert (None if draft is None else str(draft)) == alone


def test_a_draft_that_cannot_be_looked_at_is_left_to_the_command() -> None:
    """`begin` runs before the command's error handling: it never raises, and reads nothing."""
    from termgen.cli.commands import Check
    from termgen.cli.main import build_parser
    from termgen.environment import Environment

    name = "x" * 300 + ".pdf"  # too long a name for the file system: looking at it fails
    command = Check(vars(build_parser().parse_args(["check", name])))
    command.begin(Environment())
    assert command._reading is None


@pytest.mark.parametrize("option", ["--library", "--templates"])
def test_an_empty_folder_is_refused_not_read_as_the_current_folder(
    tmp_path: Path, option: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The current folder holds YAML that no library should read.
    monkeypatch.chdir(ROOT)
    result = run_cli("draft", EXAMPLES_DIR / "battery-jv.yaml", "-o", tmp_path, option, "")
    assert result.status == 2
    # One message, as for every other usage error: no usage lines before it.
    assert result.err.splitlines() == [
        f"{option} '': an empty folder name would mean the current folder; give the "
        "folder, or '.' if the current folder is meant"
    ]
    assert not any(tmp_path.iterdir())


def test_an_error_keeps_its_exit_status_when_nobody_reads_it(tmp_path: Path) -> None:
    """`termgen deadlines bad.yaml 2>&1 | head -1`: the reader may be gone before the error is
    printed, and the status must still say "error", not 1 ("blocking findings")."""
    bad = tmp_path / "deal.yaml"
    bad.write_text("deal: [\n", encoding="utf-8")
    read, write = os.pipe()
    os.close(read)  # gone before termgen writes a word
    try:
        termgen = subprocess.run(
            [sys.executable, "-m", "termgen", "deadlines", bad], stderr=write, timeout=60
        )
    finally:
        os.close(write)
    assert termgen.returncode == 2


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "invalid"])
def test_validate_says_valid_or_not_by_its_status_when_stderr_is_gone(
    tmp_path: Path, valid: bool
) -> None:
    """`termgen validate deal.yaml 2>&1 | grep -q x`, or stderr closed outright (`2>&-`): the
    status alone tells a script whether the file is valid; never 141, 1 or a traceback."""
    answers = tmp_path / "deal.yaml"
    answers.write_text(
        EXAMPLES[0].read_text(encoding="utf-8") if valid else "deal: [\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "termgen", "validate", str(answers)]
    read, write = os.pipe()
    os.close(read)  # gone before termgen writes a word
    try:
        piped = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=write, timeout=60)
    finally:
        os.close(write)
    closed = subprocess.run(
        ["/bin/sh", "-c", 'exec "$@" 2>&-', "sh", *command], stdout=subprocess.PIPE, timeout=60
    )
    expected = 0 if valid else 2
    assert (piped.returncode, closed.returncode) == (expected, expected)
    assert (closed.stdout != b"") == valid  # the error is not printed to stdout instead


def test_an_answer_file_with_many_problems_prints_the_first_and_how_many_more(
    tmp_path: Path,
) -> None:
    answers = tmp_path / "pasted.yaml"
    stray = "".join(f"stray_{n}: 1\n" for n in range(990))
    answers.write_text(EXAMPLES[0].read_text(encoding="utf-8") + stray, encoding="utf-8")
    hint = f"… and 940 more; 'termgen validate --all {answers}' prints every one"
    for command in (["validate"], ["deadlines"], ["draft", "-o", tmp_path / "drafts"]):
        result = run_cli(*command, answers)
        assert result.status == 2, command
        lines = result.err.splitlines()
        assert len(lines) == 51 and lines[-1] == hint, command
        assert "stray_49" in lines[-2]
    every = run_cli("validate", "--all", answers)
    assert every.status == 2
    assert len(every.err.splitlines()) == 990
