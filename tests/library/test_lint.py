"""`termgen library lint`: the built-in library is clean; every planted defect is found at its line."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from termgen.cache import Cache
from termgen.cli import main
from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.environment import Environment
from termgen.files.read import CLAUSE_FILE
from termgen.files.yaml_reading import _read_plainly, built
from termgen.library.clause import PURPOSES
from termgen.library.clause_lint import lint_files
from termgen.library.folders import clause_files
from termgen.library.lint import lint

from ..conftest import EXAMPLES_DIR, ROOT, run_cli
from ..docx_reading import builtin_library

FIXTURE = ROOT / "tests" / "fixtures" / "bad_library"

PLANTED = [
    (
        "exit/bad-accepts.yaml:10:9",
        "text › fallback #1 › accepts: unknown key 'notise', did you mean 'notice'?",
    ),
    ("exit/bad-accepts.yaml:13:16", "text › fallback #2 › accepts: accepts names no value"),
    (
        "exit/bad-accepts.yaml:17:15",
        "text › fallback #3 › accepts › cure: a bare number is not enough here",
    ),
    ("exit/fallback-without-label.yaml:8:7", "text › fallback #1: required key 'label' is missing"),
    ("exit/syntax-error.yaml:9", "template syntax: Unexpected end of template."),
    ("exit/unknown-field.yaml:8", "'notcie' is not a field of a renewal, did you mean 'notice'?"),
    (
        "exit/unknown-loop-field.yaml:8",
        "'cur' is not a field of an exit trigger, did you mean 'cure'?",
    ),
    ("exit/unknown-name.yaml:7", "unknown name 'exti', did you mean 'exit'?"),
    (
        "exit/unknown-provision.yaml:7:5",
        "unknown provision id 'renewal.notise', did you mean 'renewal.notice'?",
    ),
    (
        "general/condition-syntax.yaml:5",
        "template syntax: unexpected 'end of template'; close each '{{' with '}}' and each '{%' "
        "with '%}', and check the words between",
    ),
    ("general/hostile.yaml:7", "refused: '__class__' reaches into Python internals"),
    ("general/house-style.yaml:7", "'anyone' is not a word for parties"),
    (
        "general/house-style.yaml:7",
        "'ninety days' is written into the text, so the house style cannot word it; "
        "write {{ '90 days' | period }}",
    ),
    ("general/house-style.yaml:8", "'30 days' is written into the text"),
    ("general/house-style.yaml:8", "'the steering body' is not a body of the deal"),
    (
        "general/house-style.yaml:8",
        "'the data-protection annex' is not a document termgen drafts; refer to the "
        "Governance Annex or to a clause",
    ),
    ("general/misspelt-key.yaml:5:1", "unknown key 'provide', did you mean 'provides'?"),
    ("general/never-true.yaml:5:7", "the condition reads nothing of the deal"),
    ("general/no-purpose.yaml:5:11", "the clause applies to no purpose"),
    ("general/shared-block.yaml:7", "the shared block sets 'deal', a name the texts already read"),
    (
        "general/shared-block.yaml:8",
        "a shared block only sets names ({% set %}) and defines macros",
    ),
    ("general/shared-block.yaml:9", "unknown name 'dael', did you mean 'deal'?"),
    ("general/shared-block.yaml:16", "unknown name 'parties_namd', did you mean 'parties_named'?"),
    ("general/unknown-filter.yaml:7", "unknown filter 'datee', did you mean 'date'?"),
    (
        "general/unknown-reference.yaml:8",
        "refers to clause 'nonexistent.clause', which is not in the library",
    ),
    (
        "goals/duplicate-b.yaml:1:5",
        "duplicate clause id 'counsel.duplicate', also used in",
    ),
    (
        "goals/unknown-element.yaml:3:10",
        "element: 'goalz' is not one of the choices, did you mean 'goals'?",
    ),
    ("goals/unknown-section.yaml:4:10", "unknown section 'scop', did you mean 'scope'?"),
    ("library.yaml:3:13", "style › language: 'en-AU' is not one of the choices"),
    ("library.yaml:4:12", "style › numbers: 'words' is not one of the choices"),
    ("provisions.yaml:1:7", "no clause provides 'exit.escrow'"),
    ("provisions.yaml:10:12", "unknown section 'term_exti', did you mean 'term_exit'?"),
    ("provisions.yaml:11:10", "unknown check 'renewal_notise', did you mean 'renewal_notice'?"),
    (
        "provisions.yaml:12:8",
        "'exit.renwal.notice' is not a field of the deal, did you mean 'exit.renewal.notice'?",
    ),
    ("provisions.yaml:19:15", "give either 'check' (a check built into termgen) or 'expression'"),
]


def test_the_built_in_library_is_clean() -> None:
    result = run_cli("library", "lint")
    assert result.status == 0, result.err
    assert result.out.startswith("clause library OK:")


def test_the_library_has_at_least_45_clauses_covering_every_section_and_provision() -> None:
    library = builtin_library()
    clauses = [entry.record for entry in library.clauses.values()]
    assert len(clauses) >= 45
    assert {clause.section for clause in clauses} == set(library.sections)
    needed = {pid for pid, entry in library.provisions.items() if entry.record.clause}
    assert needed <= {pid for clause in clauses for pid in clause.provides}


def test_purpose_specific_clauses_exist_for_every_purpose() -> None:
    by_purpose = {
        purpose: [
            c.record.id
            for c in builtin_library().clauses.values()
            if c.record.purposes == [purpose]
        ]
        for purpose in PURPOSES
    }
    assert all(len(ids) >= 2 for ids in by_purpose.values()), by_purpose
    assert "exit.stake-buy-out" in by_purpose["electrification"]
    assert "strengths.offtake" in by_purpose["electrification"]
    assert "general.licence-back" in by_purpose["software_codevelopment"]


def test_list_filters_by_element_and_purpose() -> None:
    result = run_cli("library", "list", "--element", "exit", "--purpose", "autonomy_mobility")
    assert result.status == 0
    assert "exit.wind-down" in result.out
    assert "exit.stake-buy-out" not in result.out
    assert "general.confidentiality" not in result.out
    wrong = run_cli("library", "list", "--element", "exits")
    assert wrong.status == 2
    assert "--element: 'exits' is not a choice, did you mean 'exit'?" in wrong.err


def test_show_prints_positions_guidance_and_source() -> None:
    result = run_cli("library", "show", "exit.renewal.automatic")
    assert result.status == 0
    assert "Preferred position:" in result.out
    assert "Fallback 1: single renewal" in result.out
    assert "Requires: Approval of the deal lead" in result.out
    assert "Accepts from the other side: notice at least 12 months" in result.out
    assert "renewal-automatic.yaml" in result.out
    missing = run_cli("library", "show", "exit.renewal.automatc")
    assert missing.status == 2
    assert "did you mean 'exit.renewal.automatic'?" in missing.err


def test_every_planted_defect_is_reported_at_its_line() -> None:
    result = run_cli("library", "lint", FIXTURE)
    assert result.status == 2
    lines = [line.replace(f"{FIXTURE}/", "") for line in result.err.splitlines()]
    for where, message in PLANTED:
        assert any(line.startswith(f"{where}: {message}") for line in lines), (where, lines)
    assert len(PLANTED) >= 12
    assert lines[-1] == f"{len(lines) - 1} problem(s) in the clause library"


def _not_clauses(folder: Path, count: int) -> None:
    """A folder of YAML files that are not clauses, as a home folder or /tmp holds."""
    for n in range(count):
        (folder / f"settings-{n:03}.yaml").write_text(f"name: settings {n}\n", encoding="utf-8")


def test_a_folder_with_many_problems_prints_the_first_and_how_to_see_all(tmp_path: Path) -> None:
    _not_clauses(tmp_path, PROBLEMS_SHOWN)
    every = run_cli("library", "lint", "--all", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert every.status == 2
    problems = every.err.splitlines()[:-1]
    assert len(problems) > PROBLEMS_SHOWN
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert result.status == 2
    assert result.err.splitlines() == [
        *problems[:PROBLEMS_SHOWN],
        f"… and {len(problems) - PROBLEMS_SHOWN} more; 'termgen library lint --all' prints every one",
        f"{len(problems)} problem(s) in the clause library",
    ]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_linting_shows_its_progress_on_a_terminal_only(tmp_path: Path, terminal: bool) -> None:
    _not_clauses(tmp_path, 3)
    stderr = _Terminal() if terminal else io.StringIO()
    env = Environment(
        stdin=io.StringIO(), stdout=io.StringIO(), stderr=stderr, environ={"TERMGEN_CACHE": "off"}
    )
    assert main(["library", "lint", str(tmp_path)], env) == 2
    written = stderr.getvalue()
    clauses = len(clause_files(ROOT / "clause_library")) + 3
    progress = f"\rlinting {clauses:,} clause files: {clauses:,} done"
    assert (progress in written) is terminal
    assert ("\r" in written) is terminal
    problems = written.rsplit("\r", 1)[-1]  # the line is cleared before the problems
    assert problems.startswith(f"{tmp_path}/settings-000.yaml:")


def test_an_overlay_folder_can_be_linted_through_the_environment(tmp_path: Path) -> None:
    result = run_cli("library", "lint", environ={"TERMGEN_LIBRARY": str(FIXTURE)})
    assert result.status == 2
    assert "unknown section 'scop'" in result.err


def test_an_overlay_that_disables_a_built_in_clause_lints_without_it(tmp_path: Path) -> None:
    """A disabled clause leaves the effective library: it is not counted, and a provision
    only it provided is reported as uncovered."""
    builtin = run_cli("library", "lint", environ={"TERMGEN_CACHE": "off"})
    clauses = int(builtin.out.split("OK: ")[1].split(" clauses")[0])
    folder = tmp_path / "exit"
    folder.mkdir()
    (folder / "no-assets.yaml").write_text("id: exit.assets\ndisabled: true\n")
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert result.status == 2, result.err
    assert "no clause provides 'exit.assets'" in result.err
    (folder / "no-assets.yaml").write_text("id: exit.no-such-clause\ndisabled: true\n")
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert result.status == 0, result.err
    assert result.out.startswith(f"clause library OK: {clauses} clauses")


def test_a_missing_overlay_folder_is_named(tmp_path: Path) -> None:
    result = run_cli("library", "lint", tmp_path / "nowhere")
    assert result.status == 2
    assert result.err.splitlines()[0] == (
        f"clause library folder '{tmp_path / 'nowhere'}' does not exist; check the --library "
        "path and $TERMGEN_LIBRARY"
    )


def test_a_file_given_as_an_overlay_folder_is_named_as_a_file(tmp_path: Path) -> None:
    given = tmp_path / "clauses.yaml"
    given.write_text("id: x\n")
    result = run_cli("library", "lint", given)
    assert result.status == 2
    assert (
        f"clause library folder '{given}' is a file, not a folder; check the --library path and "
        "$TERMGEN_LIBRARY"
    ) in result.err


def test_clauses_that_differ_only_in_wording_each_get_their_problems_at_their_lines(
    tmp_path: Path,
) -> None:
    """Such clauses are checked once (see `library.lint`); each still has its own lines."""
    clause = (
        "id: counsel.variant-{n}\ntitle: Variant\nelement: exit\nsection: term_exit\n"
        "text:\n  preferred: |\n    {words}\n    Notice of {{{{ exit.renewal.notcie }}}}.\n"
    )
    folder = tmp_path / "exit"
    folder.mkdir()
    wordings = ["Plain words.", "Other words.", "Two\n    lines."]
    for n, words in enumerate(wordings):
        (folder / f"variant-{n}.yaml").write_text(clause.format(n=n, words=words))
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    found = [line.split(": ")[0].replace(f"{folder}/", "") for line in result.err.splitlines()]
    assert found[:3] == ["variant-0.yaml:8", "variant-1.yaml:8", "variant-2.yaml:9"]
    assert "'notcie' is not a field of a renewal" in result.err


def test_clauses_with_one_skeleton_each_get_their_own_wording_problems(tmp_path: Path) -> None:
    """The template checks run once for both clauses; the house-style words are read in each."""
    clause = (
        "id: counsel.variant-{n}\ntitle: Variant\nelement: exit\nsection: term_exit\n"
        "text:\n  preferred: |\n    {words}\n    Notice of {{{{ exit.renewal.notice }}}}.\n"
    )
    folder = tmp_path / "exit"
    folder.mkdir()
    for n, words in enumerate(["Within 30 days.", "Within the term."]):
        (folder / f"variant-{n}.yaml").write_text(clause.format(n=n, words=words))
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert "variant-0.yaml:7: '30 days' is written into the text" in result.err
    assert "variant-1.yaml" not in result.err


def test_a_library_linted_over_processes_reports_what_one_process_does() -> None:
    layers = [*builtin_library().layers, FIXTURE]
    sections = ["scope", "term_exit"]
    files = [path for layer in layers for path in clause_files(layer)]
    alone = lint_files(files, sections, ["renewal.notice"], {}, parallel_from=len(files) + 1)
    shared = lint_files(files, sections, ["renewal.notice"], {}, parallel_from=2)
    assert [file.problems for file in shared] == [file.problems for file in alone]
    assert [file.clause_problems for file in shared] == [file.clause_problems for file in alone]
    assert {file.check_key for file in shared} == {file.check_key for file in alone}
    assert any(file.clause_problems for file in alone) and any(file.problems for file in alone)


def test_a_warm_report_follows_every_change_to_the_clause_files(tmp_path: Path) -> None:
    """The cached report is keyed by each file's size, times and inode: an edit that keeps the
    size and sets the modification time back, a rename, a deletion and a new file are each
    seen, and each warm report is the one linting from scratch gives."""
    library = shutil.copytree(FIXTURE, tmp_path / "library")

    def warm_and_fresh() -> tuple[list[str], list[str]]:
        cache = Cache(tmp_path / "cache")
        warm = lint([library], cache)
        cache.save()
        return [str(problem) for problem in warm.problems], [
            str(problem) for problem in lint([library]).problems
        ]

    first, fresh = warm_and_fresh()
    assert first == fresh and warm_and_fresh() == (first, fresh)
    clause = library / "goals" / "unknown-section.yaml"
    before = clause.stat()
    clause.write_text(clause.read_text().replace("section: scop", "section: goal"))
    os.utime(clause, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert clause.stat().st_size == before.st_size
    edited, fresh = warm_and_fresh()
    assert edited == fresh and edited != first
    assert any("unknown section 'goal'" in problem for problem in edited)
    clause.rename(library / "goals" / "renamed.yaml")
    renamed, fresh = warm_and_fresh()
    assert renamed == fresh and any("renamed.yaml" in problem for problem in renamed)
    (library / "goals" / "renamed.yaml").unlink()
    deleted, fresh = warm_and_fresh()
    assert deleted == fresh and not any("renamed.yaml" in problem for problem in deleted)
    shutil.copy(FIXTURE / "goals" / "unknown-section.yaml", library / "goals" / "added.yaml")
    added, fresh = warm_and_fresh()
    assert added == fresh and any("added.yaml" in problem for problem in added)


def test_problems_in_files_read_from_the_yaml_events_are_at_the_builder_s_lines(
    tmp_path: Path,
) -> None:
    """Clause files written as usual are read from libyaml's events (`_read_plainly`), not by
    building from composed nodes; each kind of problem is still placed at its line."""
    unknown_key = (
        "id: counsel.events-a\ntitle: Events\nelement: exit\nsection: term_exit\ntext:\n"
        "  preferred: Notice.\n  fallback:\n  - label: short\n    text: Shorter.\n    colour: red\n"
    )
    named_and_worded = (
        "id: counsel.events-b\ntitle: Events\nelement: exit\nsection: term_exit\nprovides:\n"
        "- renewal.notise\ntext:\n  preferred: |\n    Notice of {{ exit.renewal.notcie }}.\n"
        "    Within 30 days.\n"
    )
    folder = tmp_path / "exit"
    folder.mkdir()
    for name, text in (("a.yaml", unknown_key), ("b.yaml", named_and_worded)):
        path = folder / name
        path.write_text(text)
        assert _read_plainly(text, path) == built(text, path, CLAUSE_FILE)
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    lines = result.err.splitlines()
    assert f"{folder / 'a.yaml'}:10:5: text › fallback #1: unknown key 'colour'" in "\n".join(lines)
    assert any(line.startswith(f"{folder / 'b.yaml'}:6:3: unknown provision id") for line in lines)
    assert f"{folder / 'b.yaml'}:9: 'notcie' is not a field of a renewal" in result.err
    assert f"{folder / 'b.yaml'}:10: '30 days' is written into the text" in result.err


def test_a_folder_named_from_the_current_one_lints_with_a_cache_right_after_an_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its files are listed as './exit/...': the digests of files changed just now are kept
    under those names (they were looked up under Path's, without the './', and not found)."""
    (tmp_path / "library" / "exit").mkdir(parents=True)
    shutil.copy(FIXTURE / "exit" / "unknown-field.yaml", tmp_path / "library" / "exit")
    monkeypatch.chdir(tmp_path / "library")
    cached = lint([Path()], Cache(tmp_path / "cache"))
    assert [str(problem) for problem in cached.problems] == [
        str(problem) for problem in lint([Path()]).problems
    ]
    assert any("'notcie' is not a field of a renewal" in str(p) for p in cached.problems)


@pytest.mark.parametrize(
    ("key", "value", "write"),
    [
        ("expression", "5", 'e.g. expression: "exit.survival"'),
        ("expression", "2.5", 'e.g. expression: "exit.survival"'),
        ("expression", "2026-01-01", 'e.g. expression: "exit.survival"'),
        ("expected", "3", "leave 'expected' out for a provision every deal is checked for"),
        ("expected", "yes", "leave 'expected' out for a provision every deal is checked for"),
        ("expected", "Off", "leave 'expected' out for a provision every deal is checked for"),
        ("expression", "n", 'e.g. expression: "exit.survival"'),
    ],
)
def test_a_provision_condition_that_is_a_constant_is_refused_at_its_line(
    tmp_path: Path, key: str, value: str, write: str
) -> None:
    (tmp_path / "provisions.yaml").write_text(
        "- id: counsel.constant\n  label: Constant\n  why: A number tests nothing.\n"
        f"  severity: warning\n  clause: false\n  {key}: {value}\n",
        encoding="utf-8",
    )
    result = run_cli("library", "lint", tmp_path, environ={"TERMGEN_CACHE": "off"})
    assert result.status == 2, result.out
    column = len(f"  {key}: ") + 1
    assert result.err.startswith(
        f"{tmp_path}/provisions.yaml:6:{column}: {key}: '{value}' is no condition"
    ), result.err
    assert write in result.err
    drafted = run_cli(
        "draft", EXAMPLES_DIR / "battery-jv.yaml", "--library", tmp_path, "-o", tmp_path / "out"
    )
    assert drafted.status == 2 and f"{tmp_path}/provisions.yaml:6:{column}" in drafted.err
