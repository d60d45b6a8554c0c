"""Hostile answer files: each failure of the red-team pass, now one located message and exit 2
(or a success where the input is legitimate), within 10 s and 500 MB."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from icalendar import Calendar

from ..conftest import EXAMPLES_DIR, run_cli
from ..docx_reading import word
from .bounded import termgen

BATTERY = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")


def _deal(tmp_path: Path, old: str, new: str, text: str = BATTERY) -> Path:
    assert old in text
    path = tmp_path / "deal.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)


REFUSED_VALUES = [
    # (what the red team wrote, where, the message)
    ("name: a\x01b", "name: Project Volta", "5:10: the invisible control character U+0001"),
    ("name: a\x7fb", "name: Project Volta", "5:10: the invisible control character U+007F"),
    (
        'name: "a\\x01b"',
        "name: Project Volta",
        "deal › name: holds the invisible control character U+0001",
    ),
    (
        'name: "a\\0b"',
        "name: Project Volta",
        "deal › name: holds the invisible control character U+0000",
    ),
    (
        'name: "a\\eb"',
        "name: Project Volta",
        "deal › name: holds the invisible control character U+001B",
    ),
    (
        'name: "a\\x0bb"',
        "name: Project Volta",
        "deal › name: holds the invisible control character U+000B",
    ),
    (
        'name: "a\\uFFFEb"',
        "name: Project Volta",
        "deal › name: holds the invisible control character U+FFFE",
    ),
    (
        'name: "Project \\u202eatloV"',
        "name: Project Volta",
        "5:9: deal › name: holds the invisible character U+202E (right-to-left override) at "
        "position 9, which shows the text in another order than it reads; delete it",
    ),
    (
        "short_name: NA\u2067W",
        "short_name: NAW",
        "parties #1 › short name: holds the invisible character U+2067 (right-to-left isolate)",
    ),
    ('name: "Project\\nVolta"', "name: Project Volta", "deal › name: a deal name must be one line"),
    (
        "name: " + "я" * 200,
        "name: Project Volta",
        "a deal name of 200 characters; keep it to 120 at most",
    ),
    ("name: " + "x" * 12_000, "name: Project Volta", "a deal name of 12,000 characters"),
    (
        "version: " + "9" * 5000,
        'version: "0.4"',
        "a number of more than 100 digits, which no answer needs",
    ),
    (
        "notice: 99999999999 years",
        "notice: 18 months",
        "notice: 99,999,999,999 years is more than 100 years; no term, notice or period",
    ),
    ("initial: 9000 years", "initial: 10 years", "9,000 years is more than 100 years"),
    ("notice: 4000000 days", "notice: 18 months", "4,000,000 days is more than 100 years"),
    (
        "start: 9999-12-31",
        "start: 2027-06-01",
        "9999-12-31 is not between 1900 and 2999; check the year",
    ),
    (
        "effective_date: 0001-01-01",
        "effective_date: 2027-06-01",
        "0001-01-01 is not between 1900 and 2999",
    ),
    (
        "quantity: EUR 99999999999999999bn",
        "quantity: 120 FTE",
        "is too large: it must be at most 1000000000000000",
    ),
    (
        "share_capital: USD 1,2bn",
        "share_capital: USD 200m",
        "company › share capital: '1,2' is written with a decimal comma or points between "
        "thousands; in answers a comma separates thousands and a point starts the decimals, so "
        "write 'USD 1.2bn' if that is the amount you mean",
    ),
    ("share_capital: 25.000 USD", "share_capital: USD 200m", "so write 'USD 25k' if that"),
    ("share_capital: 2,5 M EUR", "share_capital: USD 200m", "so write 'EUR 2.5m' if that"),
    (
        "quantity: EUR 1,000,5m",
        "quantity: 120 FTE",
        "'1,000,5' is not a number: a comma separates thousands, in groups of three digits",
    ),
    ("quantity: 1,5 FTE", "quantity: 120 FTE", "so write '1.5 FTE' if that is the amount"),
    (
        "motivation: " + "x" * 20_001,
        "motivation: >-",
        "characters long, more than the 20,000 a value may have; shorten it",
    ),
]


@pytest.mark.parametrize(
    ("written", "replaces", "message"), REFUSED_VALUES, ids=range(len(REFUSED_VALUES))
)
def test_a_value_the_model_cannot_hold_is_refused_at_validation(
    tmp_path: Path, written: str, replaces: str, message: str
) -> None:
    path = _deal(tmp_path, replaces, written)
    for command in ("validate", "check", "deadlines"):
        result = run_cli(command, path)
        assert result.status == 2, (command, result.err)
        assert message in result.err, (command, result.err)
        assert result.err.startswith(f"{path}:"), result.err
        assert "Traceback" not in result.err


def test_the_line_of_a_control_character_is_named(tmp_path: Path) -> None:
    path = _deal(tmp_path, "role: OEM and offtaker", "role: OEM\x01 and offtaker")
    result = run_cli("validate", path)
    assert result.err.splitlines()[0] == (
        f"{path}:{_line_of(path, 'role: OEM')}:14: the invisible control character U+0001, "
        "which text cannot hold; delete it (an editor that shows control characters helps find it)"
    )


@pytest.mark.parametrize(
    "name", ["Project\u2028Volta", '"Project\u0085Volta"', "'Project\u2029Volta'"]
)
def test_a_line_separator_in_a_value_leaves_the_line_numbers_as_the_editor_counts_them(
    tmp_path: Path, name: str
) -> None:
    path = _deal(tmp_path, "name: Project Volta", f"name: {name}")
    text = path.read_text(encoding="utf-8").replace('version: "0.4"', "version: [1, 2]", 1)
    path.write_text(text, encoding="utf-8")
    # An editor counts the lines by their ends ('\n'), not by the separators inside them.
    line = next(n for n, each in enumerate(text.split("\n"), start=1) if "version:" in each)
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.splitlines() == [
        f"{path}:{line}:12: deal › version: expected text, got a list"
    ]


def test_a_long_name_in_another_script_gives_short_safe_file_names(tmp_path: Path) -> None:
    path = _deal(tmp_path, "name: Project Volta", "name: " + "Я" * 120)
    result = run_cli("draft", path, "-o", tmp_path / "out")
    assert result.status == 0, result.err
    names = sorted(entry.name for entry in (tmp_path / "out").iterdir())
    assert len(names) == 3
    assert all(len(name) <= 120 and name.startswith("ya" * 40 + "-") for name in names)
    assert all(word((tmp_path / "out" / name).read_bytes()).paragraphs for name in names)


def test_file_names_spell_accented_letters_in_ascii_and_the_drafts_keep_them(
    tmp_path: Path,
) -> None:
    path = _deal(tmp_path, "name: Project Volta", "name: Projet Lumière – Kopřivnice Straße")
    result = run_cli("draft", path, "-o", tmp_path / "out")
    assert result.status == 0, result.err
    names = sorted(entry.name for entry in (tmp_path / "out").iterdir())
    assert names == [
        f"projet-lumiere-koprivnice-strasse-{kind}-v0.4.docx"
        for kind in ("governance-annex", "open-points", "term-sheet")
    ]
    assert all(name.isascii() for name in names)
    sheet = word((tmp_path / "out" / names[2]).read_bytes())
    assert any("Projet Lumière – Kopřivnice Straße" in p.text for p in sheet.paragraphs)


def test_a_calendar_escapes_commas_semicolons_and_keeps_one_line_per_property(
    tmp_path: Path,
) -> None:
    path = _deal(tmp_path, "name: Project Volta", "name: 'Volta, Phase 1; Cells'")
    result = run_cli("calendar", path, "-o", tmp_path / "deal.ics")
    assert result.status == 0, result.err
    written = (tmp_path / "deal.ics").read_bytes()
    assert b"\r\nX-WR-CALNAME:Volta\\, Phase 1\\; Cells: deadlines (v0.4)\r\n" in written
    events = Calendar.from_ical(written).walk("VEVENT")
    assert events and all(str(e["summary"]).startswith("Volta, Phase 1; Cells: ") for e in events)


def test_a_huge_text_is_not_repeated_in_every_event(tmp_path: Path) -> None:
    path = _deal(
        tmp_path,
        "description: Seconded process and ramp-up engineers at the Lorain site.",
        "description: " + "Cells " * 3000,
    )
    result = run_cli("calendar", path, "-o", tmp_path / "deal.ics")
    assert result.status == 0, result.err
    events = Calendar.from_ical((tmp_path / "deal.ics").read_bytes()).walk("VEVENT")
    assert max(len(str(event["summary"])) for event in events) <= 262


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_an_answer_file_that_is_not_a_regular_file_is_refused_at_once(
    tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        path = tmp_path / "deal.yaml"
        os.mkfifo(path)
        expected = "is not a regular file (a pipe, device or socket)"
    elif kind == "device":
        path = Path("/dev/zero")
        expected = "is not a regular file (a pipe, device or socket)"
    else:
        path = tmp_path
        expected = "is a folder, not an answer file"
    for command in ("validate", "draft"):
        arguments = {"draft": ["-o", tmp_path / "out"]}
        run = termgen(command, path, *arguments.get(command, []))
        run.assert_bounded()
        assert run.status == 2
        assert run.err.strip().startswith(f"{path}: {expected}"), run.err


def test_a_sparse_1_gb_answer_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    with path.open("wb") as stream:
        stream.truncate(1_000_000_000)
    run = termgen("validate", path)
    run.assert_bounded()
    assert run.status == 2
    assert "the file is 1000 MB; answer files are at most 5 MB" in run.err


def test_an_unreadable_answer_file_says_cannot_read(tmp_path: Path) -> None:
    path = _deal(tmp_path, "name: Project Volta", "name: Project Volta")
    path.chmod(0)
    run = termgen("validate", path, ordinary=True)
    run.assert_bounded()
    assert run.status == 2
    assert run.err.strip() == (
        f"{path}: cannot read the file (permission denied); check its permissions"
    )


@pytest.mark.parametrize("depth", [900, 5000])  # 5000: deeper than the parser goes
def test_nesting_thousands_deep_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text("deal:\n  name: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.startswith(f"{path}:2:")
    assert "nested more than 40 levels deep" in result.err
    assert "remove the extra brackets or indentation" in result.err


def test_portfolio_gives_each_failing_file_its_own_row_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(BATTERY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "control.yaml").write_text(BATTERY.replace("Project Volta", "Volta\x01"))
    (tmp_path / "century.yaml").write_text(
        BATTERY.replace("initial: 10 years", "initial: 9000 years")
    )
    run = termgen("portfolio", tmp_path, "--json")
    run.assert_bounded()
    assert run.status == 2, run.err
    rows = {Path(row["file"]).name: row for row in json.loads(run.out)}
    assert rows["good.yaml"]["deal"] == "Project Volta" and rows["good.yaml"]["error"] is None
    assert "is not a regular file (a pipe, device or socket)" in rows["pipe.yaml"]["error"]
    assert "the invisible control character U+0001" in rows["control.yaml"]["error"]
    assert "9,000 years is more than 100 years" in rows["century.yaml"]["error"]


def test_an_interview_definition_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    spec = tmp_path / "interview.yaml"
    os.mkfifo(spec)
    run = termgen("interview", "--spec", spec, "--lint")
    run.assert_bounded()
    assert run.status == 2
    assert run.err.strip() == (
        f"{spec}: is not a regular file (a pipe, device or socket); give an interview "
        "definition saved on disk"
    )


def test_a_list_of_more_than_a_thousand_entries_is_refused(tmp_path: Path) -> None:
    entries = "".join(f"    - {{kind: breach, description: trigger {n}}}\n" for n in range(1001))
    path = _deal(tmp_path, "  triggers:\n", "  triggers:\n" + entries)
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.strip() == (
        f"{path}:383:5: 1,008 entries in one list or mapping, more than the 1,000 these files "
        "may have; split the file or remove entries"
    )


def test_a_file_just_over_the_limit_is_not_said_to_be_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    path.write_text(BATTERY.replace("Project Volta", "x" * 5_000_000), encoding="utf-8")
    result = run_cli("validate", path)
    size = path.stat().st_size
    assert result.status == 2
    assert f"{path}: the file is {size:,} bytes; answer files are at most 5 MB" in result.err


def test_a_mark_left_open_that_marks_no_open_answer_is_reported_at_its_line(
    tmp_path: Path,
) -> None:
    marks = [
        "exit.triggers.9.notice",
        "exit.renewal.notice",
        "exit.bogus",
        "governance.disputes.seat",
        "governance.disputes.seat",
    ]
    path = tmp_path / "deal.yaml"
    text = BATTERY.replace("    seat: London\n", "    seat:\n", 1)
    path.write_text(text + "left_open:\n" + "".join(f"  - {m}\n" for m in marks), "utf-8")
    before = path.read_bytes()
    first = _line_of(path, "- exit.triggers.9.notice")
    expected = [
        f"{path}:{first}:5: left open #1: 'exit.triggers.9.notice' names entry '9', but "
        "entries of 'exit.triggers' are numbered 0 to 6; correct it, or delete this line",
        f"{path}:{first + 1}:5: left open #2: 'exit.renewal.notice' is answered in the file and "
        "listed as left open; delete this line to keep the answer, or delete the answer to "
        "leave it open",
        f"{path}:{first + 2}:5: left open #3: 'exit.bogus' is not a field of the deal; 'exit' has",
        f"{path}:{first + 4}:5: left open #5: 'governance.disputes.seat' is listed twice; delete "
        "this line",
    ]
    for command in ("validate", "draft", "check"):
        result = run_cli(command, path, *(["-o", tmp_path / "out"] if command == "draft" else []))
        lines = result.err.splitlines()
        assert result.status == 2, (command, result.err)
        assert len(lines) == len(expected), result.err
        for line, start in zip(lines, expected, strict=True):
            assert line.startswith(start), (command, line)
    assert path.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_a_mark_left_open_names_list_entries_by_ascii_numbers(tmp_path: Path) -> None:
    path = tmp_path / "deal.yaml"
    marks = ["exit.triggers.\u00b2.notice", "exit.triggers.x.notice", "strengths.none_of.0"]
    path.write_text(BATTERY + f"left_open: [{', '.join(marks)}]\n", encoding="utf-8")
    result = run_cli("validate", path)
    assert result.status == 2
    where = f"{path}:{_line_of(path, 'left_open')}:"
    triggers = "entries of 'exit.triggers' are numbered 0 to 6"
    assert [line.partition(": ")[::2] for line in result.err.splitlines()] == [
        (
            where[:-1] + f":{column}",
            f"left open #{number}: '{mark}' names entry '{entry}', but "
            f"{numbered}; correct it, or delete this line",
        )
        for number, mark, entry, numbered, column in (
            (1, marks[0], "\u00b2", triggers, 13),
            (2, marks[1], "x", triggers, 37),
            (3, marks[2], "0", "'strengths.none_of' has no entries", 61),
        )
    ]


def test_what_a_message_echoes_from_the_file_cannot_drive_the_terminal(tmp_path: Path) -> None:
    path = _deal(
        tmp_path,
        "  name: Project Volta",
        '  "na\\e]0;retitled\\ame\\u202e": x\n  name: Project Volta',
    )
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.startswith(
        f"{path}:5:3: deal: unknown key 'na\\u001b]0;retitled\\u0007me\\u202e'"
    ), result.err
    assert not any(character in result.err for character in "\x1b\x07\u202e")


def test_a_party_named_in_a_lookalike_letter_is_told_apart_from_its_references(
    tmp_path: Path,
) -> None:
    path = _deal(tmp_path, "short_name: NAW", "short_name: N\u0410W")  # a Cyrillic А
    result = run_cli("validate", path)
    assert result.status == 2
    assert result.err.splitlines()[0] == (
        f"{path}:{_line_of(path, 'NAW: 3')}:12: company › board › seats › NAW: 'NAW' is not one "
        "of the parties, did you mean 'N\u0410W'? They look alike, but 'N\u0410W' writes the "
        "Cyrillic \u0410 (U+0410) where this writes the Latin A (U+0041); type the name the "
        "same way in both places"
    )


@pytest.mark.parametrize(
    ("parties", "message"),
    [
        ("parties: 5", "parties: expected a list of entries, each on a line starting with '- '"),
        ("parties: []", "parties: needs at least 2 entries, has 0"),
        ("parties: [x, y]", "parties #1: expected a mapping of 'key: value' lines, got 'x'"),
    ],
)
def test_parties_that_cannot_be_read_are_one_message_not_one_per_reference(
    tmp_path: Path, parties: str, message: str
) -> None:
    text = BATTERY.replace("parties:\n", f"{parties}\nformer_parties:\n", 1)
    path = _deal(tmp_path, "former_parties:\n", "former_parties:\n", text)
    result = run_cli("validate", path)
    assert result.status == 2, result.err
    assert f"{path}:19:" in result.err and message in result.err, result.err
    assert "not one of the parties" not in result.err
    assert "is not a party" not in result.err
    # Besides the parties' own message, only the key the test moved them aside to.
    said = result.err.splitlines()
    assert all(": parties" in line or "'former_parties'" in line for line in said), said
