"""What `library lint` finds: each clause file on its own (`library.clause_lint`, over a
process pool when there are many), then what needs the whole library: ids laid over each
other, the template checks (once per check key), the provisions.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from functools import partial
from pathlib import Path

from jinja2 import nodes

from termgen.cache import Cache, remembered
from termgen.errors import Location, Problem
from termgen.library.clause_lint import Anchor, LintedFile, Texts, lint_files
from termgen.library.conditions import clause_scope
from termgen.library.lint import Linted
from termgen.library.load import Library, cue_problems, load_library, merge_layer
from termgen.model import Deal
from termgen.model.paths import shape_at, split, unknown_path
from termgen.suggest import with_suggestion
from termgen.templating.check import Scope, template_issues
from termgen.templating.sandbox import Sandbox

_TEXT_ISSUES = "clause template issues"


def linted(
    layers: Sequence[Path],
    files: Mapping[Path, Sequence[Path]],
    cache: Cache | None,
    checks: Callable[[], Collection[str]],
) -> tuple[Linted, dict[str, bytes]]:
    """The report, and the digest of each clause file as it was read for it, by path.
    `checks` gives the names of the built-in checks, asked for while the files are linted."""
    library = load_library(layers, strict=False, cache=cache, with_clauses=False)
    problems = list(library.problems)
    meanwhile = _WhileLinting(library, checks, cache)
    paths = [path for layer_files in files.values() for path in layer_files]
    linted = lint_files(
        paths,
        list(library.sections),
        list(library.provisions),
        for_cache=cache is not None,
        on_batch=meanwhile,
    )
    if cache is not None:
        for file in linted:
            if file.cached is not None:
                cache.keep(*file.cached)
    problems += [problem for file in linted for problem in file.problems]
    effective: dict[str, tuple[Path, LintedFile]] = {}
    position = 0
    for layer_files in files.values():
        batch = zip(layer_files, linted[position : position + len(layer_files)], strict=True)
        position += len(layer_files)
        merge_layer(
            effective,
            (
                (
                    file.clause_id,
                    path,
                    Location(path, *file.id_at or ()),
                    None if file.disabled else (path, file),
                )
                for path, file in batch
                if file.clause_id is not None
            ),
            problems,
        )
    for _, file in effective.values():
        problems += file.clause_problems
    problems += _template_problems(effective.values(), meanwhile.issues)
    problems += meanwhile.provision_problems()
    provided = {pid for _, file in effective.values() for pid in file.provides}
    problems += _uncovered_provisions(library, provided)
    report = Linted(
        len(effective),
        len(library.sections),
        len(library.provisions),
        sorted(problems, key=lambda problem: problem.place),
    )
    return report, {str(path): file.digest for path, file in zip(paths, linted, strict=True)}


class _WhileLinting:
    """What this process checks while others lint the clause files: the provisions, and the
    templates of each batch of files as it comes back, once per check key (of every clause,
    even one a later folder replaces: the keys of the effective library are known only at
    the end, and few are replaced)."""

    def __init__(
        self, library: Library, checks: Callable[[], Collection[str]], cache: Cache | None
    ) -> None:
        self.library = library
        self.checks = checks
        self.cache = cache
        self.env = Sandbox()
        self.scope = clause_scope()
        self.issues: dict[bytes, list[TextIssue]] = {}
        self._provision_problems: list[Problem] | None = None

    def __call__(self, batch: Sequence[LintedFile]) -> None:
        self.provision_problems()  # the first batch is back: the others are still being linted
        new: dict[bytes, Texts] = {}
        for file in batch:
            if file.texts is not None and file.check_key not in self.issues:
                new.setdefault(file.check_key, file.texts)
        if self.cache is not None:
            self.cache.prefetch(_TEXT_ISSUES, new)
        for key, texts in new.items():
            check = partial(_text_issues, texts, self.env, self.scope)
            self.issues[key] = remembered(self.cache, _TEXT_ISSUES, key, check)

    def provision_problems(self) -> list[Problem]:
        """The provisions' own problems, checked once (whether a clause provides each comes
        last, from the effective library)."""
        if self._provision_problems is None:
            self._provision_problems = _provision_problems(self.library, self.checks(), self.cache)
        return self._provision_problems


def _template_problems(
    effective: Collection[tuple[Path, LintedFile]], issues: Mapping[bytes, list[TextIssue]]
) -> list[Problem]:
    """The issues of each clause's check key, at the lines of its own texts."""
    problems = []
    for file_path, file in effective:
        anchors = dict(file.anchors)
        for path, line, message in issues[file.check_key]:
            anchor = Anchor(*anchors[path])
            where = anchor.where(file_path) if line is None else anchor.at(file_path, line)
            problems.append(Problem(message, where))
    return problems


def _provision_problems(
    library: Library, checks: Collection[str], cache: Cache | None
) -> list[Problem]:
    env = Sandbox()
    scope = clause_scope()
    problems = []
    for provision in library.provisions.values():
        for key in ("expected", "expression"):
            condition = getattr(provision.record, key)
            if condition is not None:
                for issue in template_issues(env, condition, scope, expression=True):
                    where = provision.source.text_line((*provision.path, key), issue.line)
                    problems.append(Problem(issue.message, where))
    problems += cue_problems(library.provisions.values(), cache)
    problems += _provision_links(library, checks)
    return problems


TextIssue = tuple[tuple[str | int, ...], int | None, str]
"""Where in the clause (a line of its text, or None for the key itself) and what."""


def _text_issues(texts: Texts, env: Sandbox, scope: Scope) -> list[TextIssue]:
    found: list[TextIssue] = []
    if texts.when is not None and _never_true(env, texts.when):
        message = "the condition can never be true, so no deal can reach this clause"
        found.append((("when",), None, message))
    for path, source in texts.texts:
        found += [
            (path, issue.line, issue.message)
            for issue in template_issues(env, source, scope, expression=path == ("when",))
        ]
    return found


def _never_true(env: Sandbox, condition: str) -> bool:
    try:
        tree = env.parse_expression(condition)
    except Exception:
        return False
    return isinstance(tree, nodes.Const) and not tree.value


def _uncovered_provisions(library: Library, provided: set[str]) -> list[Problem]:
    return [
        Problem(
            f"no clause provides '{provision_id}', so every draft will lack it; add a clause "
            "with this id under 'provides'",
            entry.where("id"),
        )
        for provision_id, entry in library.provisions.items()
        if entry.record.clause and provision_id not in provided
    ]


def _provision_links(library: Library, checks: Collection[str]) -> list[Problem]:
    """Names in provisions that must match something: a section, a built-in check, a deal field."""
    problems = []
    for entry in library.provisions.values():
        provision = entry.record
        if provision.section is not None and provision.section not in library.sections:
            message = with_suggestion(
                f"unknown section '{provision.section}'", provision.section, list(library.sections)
            )
            problems.append(Problem(message, entry.where("section")))
        if provision.check is not None and provision.check not in checks:
            message = with_suggestion(
                f"unknown check '{provision.check}'", provision.check, sorted(checks)
            )
            problems.append(Problem(message, entry.where("check")))
        if provision.fix is not None and shape_at(Deal, split(provision.fix)) is None:
            problems.append(Problem(unknown_path(Deal, provision.fix), entry.where("fix")))
        if provision.check is not None and provision.expression is not None:
            message = (
                "give either 'check' (a check built into termgen) or 'expression' (a condition "
                "over the deal), not both: termgen would use the check and ignore the expression"
            )
            problems.append(Problem(message, entry.where("expression")))
    return problems
