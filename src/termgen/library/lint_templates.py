"""What `library lint` checks in its own process while others lint the clause files (see
`library.lint_checks`): the templates of each batch of files as it comes back, once per check
key, and the provisions. Imported once the other processes are started: Jinja and the deal's
model are not needed by them, and importing them took a tenth of a second before the start.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial
from pathlib import Path

from jinja2 import nodes

from termgen.cache import Cache, remembered
from termgen.errors import Problem
from termgen.library.clause import SHARED
from termgen.library.clause_lint import LintedFile, Texts, is_shared, lint_batch
from termgen.library.conditions import clause_scope, text_scope, with_shared
from termgen.library.folders import clause_files
from termgen.library.load import Library, cue_problems, load_library
from termgen.library.provisions import cue_patterns, pattern_problem
from termgen.library.shipped import Shipped
from termgen.model import Deal
from termgen.model.paths import shape_at, split, unknown_path
from termgen.suggest import with_suggestion
from termgen.templating.check import Scope, shared_names, template_issues
from termgen.templating.sandbox import Sandbox
from termgen.templating.skeleton import clause_references

_TEXT_ISSUES = "clause template issues"

TextIssue = tuple[tuple[str | int, ...], int | None, str]
"""Where in the clause (a line of its text, or None for the key itself) and what."""
Reference = tuple[tuple[str | int, ...], int, str]
"""A clause id a text names with the `clause` filter: the text, the line in it, the id."""


class WhileLinting:
    """What this process checks while others lint the clause files: the provisions, and the
    templates of each batch of files as it comes back, once per check key (of every clause,
    even one a later folder replaces: the keys of the effective library are known only at
    the end, and few are replaced)."""

    def __init__(
        self,
        library: Library,
        checks: Callable[[], Collection[str]],
        cache: Cache | None,
        shipped: Shipped,
    ) -> None:
        self.library = library
        self.checks = checks
        self.cache = cache
        self.shipped = shipped
        self.env = Sandbox()
        self.scope = text_scope()
        self.issues: dict[bytes, list[TextIssue]] = {}
        self.references: dict[bytes, list[Reference]] = {}
        """By check key: the skeleton keeps the tags, so equal keys name the same clauses."""
        self._provision_problems: list[Problem] | None = None

    def __call__(self, batch: Sequence[LintedFile]) -> None:
        self.provision_problems()  # the first batch is back: the others are still being linted
        new: dict[bytes, Texts] = {}
        for file in batch:
            if file.texts is not None and file.check_key not in self.references:
                self.references[file.check_key] = [
                    (path, line, clause_id)
                    for path, source in file.texts.texts
                    for line, clause_id in clause_references(source)
                ]
            if file.texts is not None and file.check_key not in self.issues:
                shipped = self.shipped.text_issues.get(file.check_key)
                if shipped is None:
                    new.setdefault(file.check_key, file.texts)
                else:
                    self.issues[file.check_key] = shipped
        if self.cache is not None:
            self.cache.prefetch(_TEXT_ISSUES, new)
        for key, texts in new.items():
            check = partial(_text_issues, texts, self.env, self.scope)
            self.issues[key] = remembered(self.cache, _TEXT_ISSUES, key, check)

    def provision_problems(self) -> list[Problem]:
        """The provisions' own problems (whether a clause provides each comes last, from the
        effective library) and the library's shared blocks', checked once."""
        if self._provision_problems is None:
            self._provision_problems = _provision_problems(
                self.library, self.checks(), self.cache, self.shipped
            )
        return self._provision_problems


def built_in_results(layer: Path) -> Shipped:
    """What the template checks say of each text and the cue checks of each cue pattern of a
    library folder: what `library.shipped` ships for the built-in one."""
    library = load_library([layer], with_clauses=False)
    env, scope = Sandbox(), text_scope()
    linted = lint_batch(
        clause_files(layer),
        list(library.sections),
        list(library.provisions),
        library.shared_texts(),
        for_cache=False,
    )
    return Shipped(
        {
            file.check_key: _text_issues(file.texts, env, scope)
            for file in linted
            if file.texts is not None
        },
        {
            pattern: pattern_problem(pattern)
            for entry in library.provisions.values()
            for _, pattern in cue_patterns(entry.record)
        },
    )


def _provision_problems(
    library: Library, checks: Collection[str], cache: Cache | None, shipped: Shipped
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
    problems += cue_problems(library.provisions.values(), cache, shipped.cue_problems)
    problems += _provision_links(library, checks)
    problems += _shared_block_problems(library)
    return problems


CONSTANT_CONDITION = (
    "the condition reads nothing of the deal, so it always holds or never does; write a test "
    "of the answers, e.g. 'exit.costs' or \"parties | length > 2\", or leave it out for a "
    "clause every deal gets"
)


def _text_issues(texts: Texts, env: Sandbox, scope: Scope) -> list[TextIssue]:
    found: list[TextIssue] = []
    if texts.when is not None and _constant(env, texts.when):
        found.append((("when",), None, CONSTANT_CONDITION))
    for path, source in texts.texts:
        if is_shared(path):
            names, issues = shared_names(env, source, scope)
            if path == SHARED:  # a library's block has its issues at its own line, once
                found += [(path, issue.line, issue.message) for issue in issues]
            scope = with_shared(scope, names)
            continue
        condition = path == ("when",)
        issues = template_issues(
            env, source, clause_scope() if condition else scope, expression=condition
        )
        found += [(path, issue.line, issue.message) for issue in issues]
    return found


def _shared_block_problems(library: Library) -> list[Problem]:
    """The issues of each of the library's shared blocks on its own, at its line in
    library.yaml: what a clause's shared block may not do, it may not do either."""
    env = Sandbox()
    return [
        Problem(issue.message, block.source.text_line((*block.path, "text"), issue.line))
        for block in library.shared.values()
        for issue in shared_names(env, block.record.text, text_scope())[1]
    ]


def _constant(env: Sandbox, condition: str) -> bool:
    """Whether a condition that parses reads no name (such as `123`, `'yes'` or `1 == 1`)."""
    try:
        tree = env.parse_expression(condition)
    except Exception:  # what does not parse is reported by the template checks
        return False
    return not any(True for _ in tree.find_all(nodes.Name))


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
