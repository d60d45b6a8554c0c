"""Hostile clause libraries: what `library lint` sees statically, what the sandbox's budget
stops while drafting, and files that are not files. Each names the clause file and line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ..conftest import EXAMPLES_DIR, run_cli
from .bounded import termgen

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _clause(folder: Path, text: str = "The parties agree.", when: str | None = None) -> Path:
    """An overlay with one clause; its text starts on line 7 of the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "general" / "hostile.yaml"
    path.parent.mkdir(exist_ok=True)
    condition = f"when: {when!r}\n" if when is not None else ""
    body = "\n".join(f"    {line}" for line in text.splitlines())
    path.write_text(
        "id: general.hostile\ntitle: Hostile\nelement: general\nsection: general\n"
        f"{condition}text:\n  preferred: |\n{body}\n",
        encoding="utf-8",
    )
    return path


STATIC = [
    # (clause text, what lint says about it)
    (
        "{% set x = deal.name %}\n" + "{% set x = x ~ x %}\n" * 30 + "{{ x }}",
        "'x' is set from itself 2 times over, so it grows 2-fold each time this runs",
    ),
    (
        "{{ ('a' * 10000) * 10000 * 10000 }}",
        "this makes a text or list of about 100,000,000 characters or entries; the sandbox allows 1,000,000",
    ),
    (
        "{% set x = 10 %}\n" + "{% set x = x * x %}\n" * 30 + "{{ x }}",
        "'x' is set from itself 2 times over",
    ),
    ("{{ (((10 ** 100) ** 100) ** 100) ** 100 }}", "this makes a number of about 10,000 digits"),
    ("{{ 1e309 }}", "this makes a number too large to hold; the sandbox allows 100 digits"),
    ("{{ '%0999999999d' % 1 }}", "this makes a text or list of about 1,000,000,011 characters"),
    (
        "{{ 'x' | center(1000000000) }}",
        "this makes a text or list of about 1,000,000,000 characters",
    ),
    ("{{ deal.name | slice(10 ** 9) | list }}", "about 1,000,000,000 characters or entries"),
    ("{{ deal.name.zfill(10 ** 9) }}", "about 1,000,000,000 characters or entries"),
    (
        "{% for a in 'x' * 10000 %}{% for b in 'x' * 10000 %}{% for c in 'x' * 10000 %}."
        "{% endfor %}{% endfor %}{% endfor %}",
        "these nested loops run about 100,000,000 times; the sandbox allows 1,000,000",
    ),
    (
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "macro 'f' calls itself (directly or through another macro)",
    ),
]


@pytest.mark.parametrize(("text", "message"), STATIC, ids=range(len(STATIC)))
def test_lint_reports_what_it_can_see_in_clause_text(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _clause(tmp_path / "overlay", text)
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert result.status == 2
    assert f"{path}:" in result.err and message in result.err, result.err


@pytest.mark.parametrize(
    "text",
    [
        "{{ (10 ** 300).zfill(3) }}",  # the number padded, and the method it is padded by
        "{{ {'a': 10 ** 300} }}",  # inside a dict's pair
        "{{ 'a' in 10 ** 300 }}",  # inside a comparison's operand
    ],
)
def test_lint_reports_a_number_too_large_once_wherever_it_stands(tmp_path: Path, text: str) -> None:
    path = _clause(tmp_path / "overlay", text)
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert (result.status, result.err) == (
        2,
        f"{path}:7: this makes a number of about 300 digits; the sandbox allows 100 digits\n"
        "1 problem(s) in the clause library\n",
    )


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("deal.name.zfill(10 ** 9) != ''", "about 1,000,000,000 characters or entries"),
        ("(10 ** 100) ** 100 > 1", "this makes a number of about 10,000 digits"),
        ("'x' | center(1000000000)", "the sandbox allows 100,000"),
    ],
)
def test_lint_reports_what_it_can_see_in_a_condition(
    tmp_path: Path, when: str, message: str
) -> None:
    path = _clause(tmp_path / "overlay", when=when)
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert result.status == 2
    assert f"{path}:5: " in result.err and message in result.err, result.err


@pytest.mark.parametrize(
    ("when", "written"),
    [("123", "123"), ("1.50", "1.50"), ("false", "false"), ("yes", "yes"), ("'No'", "No")],
)
def test_a_condition_yaml_reads_as_no_text_is_refused_by_lint_and_draft(
    tmp_path: Path, when: str, written: str
) -> None:
    path = _clause(tmp_path / "overlay", when="exit")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("when: 'exit'", f"when: {when}"), encoding="utf-8")
    message = (
        f"{path}:5:7: when: '{written}' is no condition: a condition tests the deal's answers, "
        'in quotes, e.g. when: "exit.costs" or when: "parties | length > 2"; leave \'when\' '
        "out for a clause every deal gets\n"
    )
    lint = run_cli("library", "lint", tmp_path / "overlay")
    assert (lint.status, lint.err) == (2, message + "1 problem(s) in the clause library\n")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert (result.status, result.err) == (2, message)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("when", ["'123'", "'false'", "1 == 1", "0x10"])
def test_lint_reports_a_condition_that_reads_nothing_of_the_deal(tmp_path: Path, when: str) -> None:
    path = _clause(tmp_path / "overlay", when=when)
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert (result.status, result.err) == (
        2,
        f"{path}:5:7: the condition reads nothing of the deal, so it always holds or never "
        "does; write a test of the answers, e.g. 'exit.costs' or \"parties | length > 2\", or "
        "leave it out for a clause every deal gets\n1 problem(s) in the clause library\n",
    )


RUN_TIME = [
    # what only running shows (sizes that depend on the deal), and where the budget stops it
    ("{{ [deal.name] | tojson(indent=10 ** 9) }}", "characters or entries, more than 1,000,000"),
    (
        "{{ [[[[deal.name]]]] | tojson(indent='.' * 100000) }}",
        "characters or entries, more than 1,000,000",
    ),
    (
        "{% for a in deal.name * 5000 %}{% for b in deal.name * 5000 %}.{% endfor %}{% endfor %}",
        "its loops and calls run more than 1,000,000 times",
    ),
    ("{{ (deal.name * 100000) | length }}", "characters or entries, more than 1,000,000"),
    # Folded into the compiled text, infinity failed there as "name 'inf' is not defined".
    ("{{ 'inf' | float | int }}", "it makes the number inf, infinite or not a number"),
    ("{{ ('1e308' | float) * 10 }}", "it makes the number inf, infinite or not a number"),
    ("{{ 'nan' | float }}", "it makes the number nan, infinite or not a number"),
    ("{{ (deal.name | length) ** 1000.5 }}", "stopped: it makes a number too large to hold; fix"),
]


@pytest.mark.parametrize(("text", "message"), RUN_TIME, ids=range(len(RUN_TIME)))
def test_the_budget_stops_a_clause_while_drafting_at_its_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _clause(tmp_path / "overlay", "The parties agree.\n" + text)
    run = termgen("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    run.assert_bounded()
    assert run.status == 2
    assert run.err.startswith(f"{path}:8: clause 'general.hostile' stopped: "), run.err
    assert message in run.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "text",
    [
        "{{ parties.clear() }}{{ parties | length }}",
        "{% set l = [deal.name] %}{% for i in parties * 30 %}{{ l.extend(l) }}{% endfor %}",
    ],
    ids=["the deal's parties", "its own list"],
)
def test_a_clause_that_changes_a_list_in_place_is_refused_and_nothing_is_written(
    tmp_path: Path, text: str
) -> None:
    """A clause that emptied the parties took them out of the annex and the findings too,
    with exit 0."""
    path = _clause(tmp_path / "overlay", "The parties agree.\n" + text)
    draft = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert draft.status == 2
    assert draft.err.startswith(f"{path}:8: clause 'general.hostile'"), draft.err
    assert "would change the list it is called on; a template reads the deal" in draft.err
    assert not (tmp_path / "out").exists()


def test_the_budget_stops_a_condition_at_its_line(tmp_path: Path) -> None:
    when = "(deal.name * 100000) | length > 0"
    path = _clause(tmp_path / "overlay", when=when)
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(
        f"{path}:5: clause 'general.hostile': its condition stopped: it makes a text or list of "
    ), result.err


def test_a_condition_that_makes_infinity_is_stopped_at_its_line(tmp_path: Path) -> None:
    path = _clause(tmp_path / "overlay", when="'-inf' | float < 0")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(
        f"{path}:5: clause 'general.hostile': its condition stopped: it makes the number -inf, "
        "infinite or not a number, which no draft can state; fix the text"
    ), result.err
    assert not (tmp_path / "out").exists()


def test_an_error_inside_a_clause_is_a_located_message(tmp_path: Path) -> None:
    path = _clause(tmp_path / "overlay", "The parties agree.\n{{ 1 + deal.name }}")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(
        f"{path}:8: clause 'general.hostile' stopped: unsupported operand type(s) for +: 'int' "
        "and 'str' (TypeError)"
    ), result.err


def test_a_misspelt_section_is_named_with_the_one_meant(tmp_path: Path) -> None:
    path = _clause(tmp_path / "overlay")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("section: general", "section: govrenance"), encoding="utf-8")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert (result.status, result.err) == (
        2,
        f"{path}:4:10: clause 'general.hostile' names the section 'govrenance', which does not "
        "exist, did you mean 'governance'?\n",
    )
    assert not (tmp_path / "out").exists()


def test_a_misspelt_provision_stops_a_draft_as_lint_names_it(tmp_path: Path) -> None:
    path = _clause(tmp_path / "overlay")
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "provides:\n  - exit.trigers\n", encoding="utf-8")
    message = f"{path}:9:5: unknown provision id 'exit.trigers', did you mean 'exit.triggers'?\n"
    lint = run_cli("library", "lint", tmp_path / "overlay")
    assert (lint.status, lint.err) == (2, message + "1 problem(s) in the clause library\n")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert (result.status, result.err) == (2, message)
    assert not (tmp_path / "out").exists()


def test_a_fifo_as_provisions_file_is_refused_at_once(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    os.mkfifo(overlay / "provisions.yaml")
    run = termgen("check", BATTERY, "--library", overlay)
    run.assert_bounded()
    assert run.status == 2
    assert run.err.strip() == (
        f"{overlay / 'provisions.yaml'}: is not a regular file (a pipe, device or socket); give "
        "a provisions file saved on disk"
    )


def test_a_1_gb_clause_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    path = _clause(overlay)
    with path.open("ab") as stream:
        stream.truncate(1_000_000_000)
    run = termgen("library", "lint", overlay, environ={"TERMGEN_CACHE": str(tmp_path / "cache")})
    run.assert_bounded()
    assert run.status == 2
    assert f"{path}: the file is 1000 MB; clause files are at most 1 MB" in run.err


@pytest.mark.parametrize(
    ("clause_id", "message"),
    [
        (
            "general.hos\u200ftile",
            "holds the character U+200F (right-to-left mark) at position 12, which a clause id "
            "does not allow; write it with lowercase letters a-z and digits, words joined by "
            "one '.', '-' or '_', e.g. exit.trigger.breach",
        ),
        ("general.h\u202eostile", "holds the character U+202E (right-to-left override)"),
        ("general.h\u0435stile", "holds the character U+0435 (cyrillic small letter ie)"),
        ("General..Hostile", "'General..Hostile' is not a clause id; write it with lowercase"),
    ],
    ids=["mark", "override", "look-alike", "form"],
)
def test_a_clause_id_out_of_form_names_the_character_and_the_form(
    tmp_path: Path, clause_id: str, message: str
) -> None:
    path = _clause(tmp_path / "overlay")
    path.write_text(path.read_text().replace("general.hostile", clause_id), encoding="utf-8")
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(f"{path}:1:5: id: {message}"), result.err
    assert "pattern" not in result.err


def test_a_folder_named_as_a_clause_file_is_refused_not_passed_by(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    _clause(overlay)
    environ = {"TERMGEN_CACHE": str(tmp_path / "cache")}
    assert termgen("library", "lint", overlay, environ=environ).status == 0  # now in the cache
    folder = overlay / "exit" / "costs.yaml"
    folder.mkdir(parents=True)
    _clause(folder)  # a clause inside it is not read either
    message = (
        f"{folder}: is a folder, not a clause file; rename the folder so that its name does not "
        "end in .yaml"
    )
    for command in (
        ("library", "lint", overlay),
        ("draft", BATTERY, "-o", tmp_path / "out", "--library", overlay),
        ("check", BATTERY, "--library", overlay),
    ):
        run = termgen(*command, environ=environ)
        assert (run.status, run.err.splitlines()[0]) == (2, message), run.err
    assert not (tmp_path / "out").exists()


def test_an_overlay_folder_nobody_may_read_is_refused_not_passed_by(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay"
    _clause(overlay)
    locked = overlay / "general"
    draft = tmp_path / "draft.txt"
    draft.write_text("This Agreement between the parties runs for three years.", encoding="utf-8")
    unread = "cannot read the folder (permission denied); check its permissions\n"
    locked.chmod(0o000)
    try:
        drafted = termgen(
            "draft", BATTERY, "-o", tmp_path / "out", "--library", overlay, ordinary=True
        )
        linted = termgen("library", "lint", overlay, ordinary=True)
        overlay.chmod(0o000)
        checked = termgen("check", draft, "--library", overlay, ordinary=True)
    finally:
        overlay.chmod(0o700)
        locked.chmod(0o700)
    assert (drafted.status, drafted.err) == (2, f"{locked}: {unread}")
    assert not (tmp_path / "out").exists()
    assert (linted.status, linted.err.splitlines()[0]) == (2, f"{locked}: {unread.strip()}")
    assert (checked.status, checked.err) == (2, f"{overlay}: {unread}")


def test_an_overlay_that_does_not_exist_is_refused_by_check_too(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("This Agreement between the parties runs for three years.", encoding="utf-8")
    # A process of its own: the draft's reading, forked before the library fails, is not
    # reaped in this one (the command's process exits).
    result = termgen("check", draft, "--library", tmp_path / "nowhere")
    assert (result.status, result.err) == (
        2,
        f"clause library folder '{tmp_path / 'nowhere'}' does not exist; check the --library "
        "path and $TERMGEN_LIBRARY\n",
    )
