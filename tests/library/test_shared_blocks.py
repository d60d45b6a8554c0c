"""A clause's shared block: Jinja its texts start from, written once (`shared:` in a clause
file), and the library's shared blocks several clauses start from (`shared:` in library.yaml,
named under a clause's `uses:`). What they set reaches every position; what goes wrong in
them is named at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.files.builtin import builtin
from termgen.library.load import load_library

from ..conftest import EXAMPLES_DIR, run_cli
from ..docx_reading import part_texts

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
SHARED = (
    "{% set names = parties | map(attribute='short_name') | list %}\n"
    "{% macro between(words) %}Between {{ names | and_join }}, {{ words }}{% endmacro %}\n"
)


def _overlay(folder: Path, shared: str, preferred: str, fallback: str) -> Path:
    """An overlay clause whose shared block starts on line 6 of the file; its preferred text
    is 2 lines after the block's last, its fallback 4 lines after that."""
    path = folder / "general" / "shared.yaml"
    path.parent.mkdir(parents=True)
    indented = "".join(f"  {line}\n" for line in shared.splitlines())
    path.write_text(
        "id: general.shared-test\ntitle: Shared test\nelement: general\nsection: general\n"
        f"shared: |\n{indented}"
        f"text:\n  preferred: |\n    {preferred}\n"
        f"  fallback:\n    - label: short\n      text: |\n        {fallback}\n",
        encoding="utf-8",
    )
    return path


def _term_sheet(out: Path) -> str:
    [sheet] = out.glob("*-term-sheet-*.docx")
    return part_texts(sheet.read_bytes())["word/document.xml"]


def test_what_the_shared_block_sets_and_defines_reaches_the_texts(tmp_path: Path) -> None:
    _overlay(
        tmp_path / "overlay",
        SHARED,
        "{{ between('the parties agree on ' ~ names | length ~ ' members.') }}",
        "{{ between('nothing is agreed.') }}",
    )
    assert run_cli("library", "lint", tmp_path / "overlay").status == 0
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 0, result.err
    assert "Between NAW and KSC, the parties agree on 2 members." in _term_sheet(tmp_path / "out")


def test_a_text_reads_only_the_names_its_own_clause_shares(tmp_path: Path) -> None:
    path = _overlay(tmp_path / "overlay", SHARED, "{{ between('ok.') }}", "{{ betwen('no.') }}")
    result = run_cli("library", "lint", tmp_path / "overlay")
    assert result.status == 2
    assert f"{path}:14: unknown name 'betwen', did you mean 'between'?" in result.err


def test_a_shared_block_stopped_while_drafting_is_named_at_its_line(tmp_path: Path) -> None:
    bomb = SHARED + "{% set long = names | join(',') * 1000000 %}\n"
    path = _overlay(tmp_path / "overlay", bomb, "{{ between('ok.') }}", "{{ between('no.') }}")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(f"{path}:8: clause 'general.shared-test' stopped: "), result.err
    assert "characters or entries, more than 1,000,000" in result.err
    assert not (tmp_path / "out").exists()


def test_a_shared_block_cannot_hide_a_name_of_the_deal_from_the_texts(tmp_path: Path) -> None:
    """Lint says so, and a draft made without linting refuses it too: texts would read the
    shared value where they mean the deal's."""
    shadow = SHARED + "{% set deal = parties %}\n"
    path = _overlay(tmp_path / "overlay", shadow, "{{ deal.name }}", "{{ between('no.') }}")
    message = f"{path}:8: clause 'general.shared-test': the shared block sets 'deal'"
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", tmp_path / "overlay")
    assert result.status == 2
    assert result.err.startswith(message), result.err
    assert not (tmp_path / "out").exists()


def test_show_prints_the_shared_blocks_before_the_positions(tmp_path: Path) -> None:
    _overlay(tmp_path / "overlay", SHARED, "{{ between('ok.') }}", "{{ between('no.') }}")
    result = run_cli("library", "show", "general.status.non-binding")
    assert result.status == 0
    used = result.out.index(
        "Shared block 'binding-status' of the library, used by every position:\n{% set exclusive"
    )
    assert used < result.out.index("Preferred position:") < result.out.index("Fallback 1:")
    own = run_cli("library", "show", "general.shared-test", "--library", tmp_path / "overlay")
    assert "Shared by every position:\n{% set names" in own.out, own.err
    assert "of the library" not in own.out


LIBRARY_BLOCK = (
    "shared:\n"
    "  - id: named\n"
    "    text: |\n"
    "      {% set names = parties | map(attribute='short_name') | list %}\n"
    "      {% macro between(words) %}Between {{ names | and_join }}, {{ words }}{% endmacro %}\n"
)


def _using(folder: Path, name: str, uses: str, preferred: str, shared: str = "") -> Path:
    """A clause file that starts from the library's blocks `uses`; its preferred text is on
    line 7 (line 7 + the lines of its own shared block)."""
    path = folder / "general" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    own = "".join(f"  {line}\n" for line in shared.splitlines())
    path.write_text(
        f"id: general.{name}\ntitle: {name}\nelement: general\nsection: general\n"
        f"uses: [{uses}]\n{'shared: |' + chr(10) + own if own else ''}"
        f"text:\n  preferred: |\n    {preferred}\n",
        encoding="utf-8",
    )
    return path


def test_a_library_shared_block_reaches_every_clause_that_uses_it(tmp_path: Path) -> None:
    """Written once in library.yaml, read by two clauses; a clause's own shared block, run
    after it, reads what it sets."""
    overlay = tmp_path / "overlay"
    _using(overlay, "first-test", "named", "{{ between('the first clause applies.') }}")
    _using(
        overlay,
        "second-test",
        "named",
        "{{ again }}",
        shared="{% set again = between('the second clause applies too.') %}",
    )
    (overlay / "library.yaml").write_text(LIBRARY_BLOCK, encoding="utf-8")
    assert run_cli("library", "lint", overlay).status == 0
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", overlay)
    assert result.status == 0, result.err
    sheet = _term_sheet(tmp_path / "out")
    assert "Between NAW and KSC, the first clause applies." in sheet
    assert "Between NAW and KSC, the second clause applies too." in sheet


def test_lint_names_an_unknown_block_and_a_block_that_prints_at_their_lines(
    tmp_path: Path,
) -> None:
    overlay = tmp_path / "overlay"
    path = _using(overlay, "first-test", "nmed", "{{ between('no.') }}")
    (overlay / "library.yaml").write_text(
        LIBRARY_BLOCK + "  - id: loud\n    text: |\n      {% set x = 1 %}\n      Printed.\n",
        encoding="utf-8",
    )
    result = run_cli("library", "lint", overlay)
    assert result.status == 2
    settings = overlay / "library.yaml"
    unknown = f"{path}:5:8: unknown shared block 'nmed' (library.yaml, 'shared:')"
    assert f"{unknown}, did you mean 'named'?" in result.err
    assert f"{path}:8: unknown name 'between'" in result.err
    assert f"{settings}:9: a shared block only sets names" in result.err
    assert result.err.count("a shared block only sets names") == 1


def test_a_draft_that_uses_a_block_the_library_does_not_have_stops_at_the_clause(
    tmp_path: Path,
) -> None:
    overlay = tmp_path / "overlay"
    path = _using(overlay, "first-test", "named, nmed", "{{ between('no.') }}")
    (overlay / "library.yaml").write_text(LIBRARY_BLOCK, encoding="utf-8")
    result = run_cli("draft", BATTERY, "-o", tmp_path / "out", "--library", overlay)
    assert result.status == 2
    assert result.err.startswith(
        f"{path}:5:15: clause 'general.first-test' uses the shared block 'nmed', which the "
        "library does not have"
    ), result.err
    assert not (tmp_path / "out").exists()


def test_the_status_clauses_share_what_binds_from_the_library() -> None:
    """The non-binding and partly binding term sheets compute what binds in one place."""
    library = load_library([builtin("clause_library")])
    for clause_id in ("general.status.non-binding", "general.status.partly-binding"):
        clause = library.clause(clause_id).record
        assert clause.uses == ["binding-status"]
        assert clause.shared is None
        assert "{% set" not in clause.text.preferred


@pytest.mark.parametrize(
    ("written", "got"),
    [
        ("5", "a number (5)"),
        ("2.5", "a number (2.5)"),
        ("2027-01-01", "a date (2027-01-01)"),
        ("true", "true/false"),
        ("[a, b]", "a list"),
        ("{a: b}", "a mapping (key: value lines)"),
    ],
)
def test_a_shared_block_that_is_not_text_says_text_was_expected(
    tmp_path: Path, written: str, got: str
) -> None:
    overlay = tmp_path / "overlay"
    clause = overlay / "general" / "shared.yaml"
    clause.parent.mkdir(parents=True)
    clause.write_text(
        "id: general.shared-test\ntitle: Shared test\nelement: general\nsection: general\n"
        f"shared: {written}\ntext:\n  preferred: Agreed.\n",
        encoding="utf-8",
    )
    (overlay / "library.yaml").write_text(
        f"shared:\n  - id: named\n    text: {written}\n", encoding="utf-8"
    )
    result = run_cli("library", "lint", overlay)
    assert result.status == 2
    said = result.out + result.err
    assert f"{clause}:5:9: shared: expected text, got {got}" in said, said
    assert f"{overlay / 'library.yaml'}:3:11: shared #1 › text: expected text, got {got}" in said
    assert "prints" not in said
