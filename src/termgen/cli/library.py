"""`termgen library lint|list|show`: look after the clause library."""

from __future__ import annotations

from collections.abc import Collection
from typing import get_args

from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError
from termgen.library.folders import library_layers
from termgen.suggest import with_suggestion
from termgen.terminal import text_table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import LibraryLint, LibraryList, LibraryShow


def lint(command: LibraryLint, env: Environment) -> ExitStatus:
    from termgen.library.lint import lint as lint_layers

    layers = library_layers([*command.library, *command.folders], env.environ)
    progress = _ProgressLine(env) if env.stderr_isatty else None
    if progress is not None:
        progress.show("listing the clause files…")
    try:
        report = lint_layers(layers, env.cache(), checks=_check_names, progress=progress)
    finally:
        if progress is not None:
            progress.clear()
    problems = report.problems
    shown = problems if command.all else problems[:PROBLEMS_SHOWN]
    for problem in shown:
        env.err_problem(str(problem))
    if len(shown) < len(problems):
        env.err(
            f"… and {len(problems) - len(shown)} more; "
            "'termgen library lint --all' prints every one"
        )
    if problems:
        env.err(f"{len(problems)} problem(s) in the clause library")
        return ExitStatus.ERROR
    env.out(
        f"clause library OK: {report.clauses} clauses, {report.sections} sections, "
        f"{report.provisions} provisions ({len(layers)} folder(s))"
    )
    return ExitStatus.SUCCESS


class _ProgressLine:
    """One line on a terminal's stderr, rewritten as the clause files are linted: a library
    of tens of thousands of files takes a minute."""

    def __init__(self, env: Environment) -> None:
        self.stream = env.stderr
        self.width = 0

    def show(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(text))

    def __call__(self, done: int, total: int) -> None:
        self.show(f"linting {total:,} clause files: {done:,} done")

    def clear(self) -> None:
        """Leave the line empty for what is printed next."""
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _check_names() -> Collection[str]:
    """The checks built into termgen, which provisions may name: imported only when a library
    is linted, not when its report is in the cache."""
    from termgen.findings.deal import check_names

    return check_names()


def listing(command: LibraryList, env: Environment) -> ExitStatus:
    from termgen.library.clause import PURPOSES, Element
    from termgen.pipeline import open_library

    library = open_library(command.library, env)
    _check_choice("--element", command.element, get_args(Element))
    _check_choice("--purpose", command.purpose, PURPOSES)
    rows = []
    for clause_id, entry in library.clauses.items():
        clause = entry.record
        if command.element and clause.element != command.element:
            continue
        if command.purpose and command.purpose not in clause.purposes:
            continue
        rows.append(
            (clause_id, clause.element, clause.section, clause.purpose_summary, clause.title)
        )
    env.out(text_table(("id", "element", "section", "purposes", "title"), rows, env.columns))
    env.out(f"{len(rows)} clause(s)")
    return ExitStatus.SUCCESS


def show(command: LibraryShow, env: Environment) -> ExitStatus:
    from termgen.pipeline import open_library

    library = open_library(command.library, env)
    entry = library.clause(command.clause_id)
    clause = entry.record
    lines = [
        f"{clause.id} (version {clause.version})  {clause.title}",
        f"file:          {entry.source.file}",
        f"element:       {clause.element}",
        f"section:       {clause.section} (order {clause.order})",
        f"purposes:      {clause.purpose_summary}",
        f"jurisdictions: {', '.join(clause.jurisdictions) or 'any'}",
        f"when:          {clause.when or 'always'}",
        f"provides:      {', '.join(clause.provides) or 'nothing'}",
    ]
    for name in clause.uses:
        block = library.shared.get(name)
        text = block.record.text.rstrip() if block else "(not in the library)"
        lines += ["", f"Shared block '{name}' of the library, used by every position:", text]
    if clause.shared:
        lines += ["", "Shared by every position:", clause.shared.rstrip()]
    lines += ["", "Preferred position:", clause.text.preferred.rstrip()]
    for number, fallback in enumerate(clause.text.fallback, start=1):
        lines += ["", f"Fallback {number}: {fallback.label}"]
        if fallback.requires:
            lines.append(f"Requires: {fallback.requires}")
        if fallback.accepts:
            lines.append(f"Accepts from the other side: {fallback.accepts.summary()}")
        lines.append(fallback.text.rstrip())
    if clause.guidance:
        lines += ["", f"Guidance: {clause.guidance}"]
    env.out("\n".join(lines))
    return ExitStatus.SUCCESS


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise UsageError(with_suggestion(f"{option}: '{value}' is not a choice", value, choices))
