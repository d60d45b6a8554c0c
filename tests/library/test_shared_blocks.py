"""A clause's shared block: Jinja its texts start from, written once (`shared:` in a clause
file). What it sets reaches every position; what goes wrong in it is named at its line."""

from __future__ import annotations

from pathlib import Path

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


def test_show_prints_the_shared_block_before_the_positions() -> None:
    result = run_cli("library", "show", "general.status.non-binding")
    assert result.status == 0
    shared = result.out.index("Shared by every position:\n{% set exclusive")
    assert shared < result.out.index("Preferred position:") < result.out.index("Fallback 1:")
