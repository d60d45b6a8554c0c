"""`termgen library lint`: everything that would break or weaken a draft, with file:line."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from functools import partial
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from termgen.cache import Cache, remembered
from termgen.errors import Problem
from termgen.library.clause import Clause
from termgen.library.conditions import clause_scope
from termgen.library.load import Library, Sourced, cue_problems, load_library
from termgen.library.sections import DOCUMENT_TITLES
from termgen.model import Deal
from termgen.model.paths import shape_at, split, unknown_path
from termgen.suggest import with_suggestion
from termgen.templating.check import Scope, template_issues
from termgen.templating.sandbox import Sandbox
from termgen.wording import PARTY_WORDS, and_join, number_words

_TEXT_ISSUES = "clause template issues"


def lint(
    layers: Sequence[Path], cache: Cache | None = None, *, checks: Collection[str] = ()
) -> tuple[Library, list[Problem]]:
    """The effective library and every problem found in it, in file and line order.

    `checks` are the names of the checks built into termgen that provisions may name. With a
    cache, clause files and templates checked before with the same text are not again; the
    caller saves the cache.
    """
    library = load_library(layers, strict=False, cache=cache)
    problems = list(library.problems)
    env = Sandbox()
    scope = clause_scope()
    texts = {
        clause_id: entry.record.model_dump_json(include={"when", "text"}).encode()
        for clause_id, entry in library.clauses.items()
    }
    if cache is not None:
        cache.prefetch(_TEXT_ISSUES, texts.values())
    checked: dict[bytes, list[TextIssue]] = {}
    for clause_id, entry in library.clauses.items():
        problems += _clause_problems(entry, library)
        check = partial(_text_issues_once, entry.record, env, scope, checked)
        for path, line, message in remembered(cache, _TEXT_ISSUES, texts[clause_id], check):
            where = entry.where(*path) if line is None else entry.source.text_line(path, line)
            problems.append(Problem(message, where))
    for provision in library.provisions.values():
        for key in ("expected", "expression"):
            condition = getattr(provision.record, key)
            if condition is not None:
                for issue in template_issues(env, condition, scope, expression=True):
                    where = provision.source.text_line((*provision.path, key), issue.line)
                    problems.append(Problem(issue.message, where))
    problems += cue_problems(library.provisions.values(), cache)
    problems += _provision_links(library, checks)
    problems += _uncovered_provisions(library)
    return library, sorted(problems, key=lambda problem: problem.place)


def _clause_problems(entry: Sourced[Clause], library: Library) -> list[Problem]:
    clause = entry.record
    problems = []
    if clause.section not in library.sections:
        message = with_suggestion(
            f"unknown section '{clause.section}'", clause.section, list(library.sections)
        )
        problems.append(Problem(message, entry.where("section")))
    for index, provision in enumerate(clause.provides):
        if provision not in library.provisions:
            message = with_suggestion(
                f"unknown provision id '{provision}'", provision, list(library.provisions)
            )
            problems.append(Problem(message, entry.where("provides", index)))
    if not clause.purposes:
        problems.append(
            Problem(
                "the clause applies to no purpose, so no deal can reach it; list purposes or "
                "write 'all'",
                entry.where("purposes"),
            )
        )
    return problems


TextIssue = tuple[tuple[str | int, ...], int | None, str]
"""Where in the clause (a line of its text, or None for the key itself) and what."""


def _text_issues_once(
    clause: Clause, env: Sandbox, scope: Scope, checked: dict[bytes, list[TextIssue]]
) -> list[TextIssue]:
    """`_text_issues`, computed once in a run for all clauses that differ only in wording."""
    content = _checked_content(env, clause)
    if content not in checked:
        checked[content] = _text_issues(clause, env, scope)
    return checked[content]


def _checked_content(env: Sandbox, clause: Clause) -> bytes:
    """What the checks of a clause's texts and condition depend on, as a key: the condition,
    and each text's Jinja tokens at their lines with the words between them left out.

    The checks read names, tags and expressions, never the plain words, so clauses that differ
    only in wording (an overlay's variants of one clause) are checked once.
    """
    texts = [clause.text.preferred, *(fallback.text for fallback in clause.text.fallback)]
    return json.dumps([clause.when, [_skeleton(env, text) for text in texts]]).encode()


def _skeleton(env: Sandbox, source: str) -> str:
    try:
        return "lexed\0" + "\0".join(
            f"{line}:data" if kind == "data" else f"{line}:{kind}:{value}"
            for line, kind, value in env.lex(env.preprocess(source))
        )
    except (TemplateSyntaxError, RecursionError, ValueError):  # the check reports these
        return "as written\0" + source


def _text_issues(clause: Clause, env: Sandbox, scope: Scope) -> list[TextIssue]:
    texts: list[tuple[tuple[str | int, ...], str, bool]] = [
        (("text", "preferred"), clause.text.preferred, False)
    ]
    texts += [
        (("text", "fallback", index, "text"), fallback.text, False)
        for index, fallback in enumerate(clause.text.fallback)
    ]
    found: list[TextIssue] = []
    if clause.when is not None:
        texts.append((("when",), clause.when, True))
        if _never_true(env, clause.when):
            message = "the condition can never be true, so no deal can reach this clause"
            found.append((("when",), None, message))
    for path, source, expression in texts:
        found += [
            (path, issue.line, issue.message)
            for issue in template_issues(env, source, scope, expression=expression)
        ]
        if not expression:
            found += [(path, line, message) for line, message in _wording_issues(source)]
    return found


_NUMBERS = {number_words(value): value for value in range(1, 366)}
_WRITTEN_PERIOD = re.compile(
    r"\b(\d+|[a-z]+(?:-[a-z]+)?)\s+((?:working\s+|calendar\s+|business\s+)?"
    r"(?:hours?|days?|weeks?|months?|years?))\b",
    re.IGNORECASE,
)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_PARTY_ARGUMENT = re.compile(r"""(['"])([^'"]*)\1\s*\|\s*party\b""")
_ANNEX = re.compile(r"\bthe ((?:[a-z]+-)*[a-z]+ )?annex\b", re.IGNORECASE)
_ANNEXES = sorted(title for title in DOCUMENT_TITLES.values() if "annex" in title.casefold())
_GENERIC_BODIES = re.compile(r"\bthe (steering body|joint project office)\b", re.IGNORECASE)


def _wording_issues(text: str) -> list[tuple[int, str]]:
    """House-style problems of a clause text, by line: a length of time written into the
    sentence (so the house style cannot word it), a party word `party` does not know, a
    body called by a generic name instead of the deal's."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _PARTY_ARGUMENT.finditer(line):
            if match.group(2) not in PARTY_WORDS:
                found.append(
                    (
                        number,
                        with_suggestion(
                            f"'{match.group(2)}' is not a word for parties",
                            match.group(2),
                            PARTY_WORDS,
                        ),
                    )
                )
        prose = _JINJA.sub(" ", line)
        for match in _WRITTEN_PERIOD.finditer(prose):
            count, unit = match.groups()
            value = int(count) if count.isdigit() else _NUMBERS.get(count.casefold())
            if value is not None:
                written = f"{{{{ '{value} {unit}' | period }}}}"
                message = (
                    f"'{match.group(0)}' is written into the text, so the house style cannot "
                    f"word it; write {written}"
                )
                found.append((number, message))
        for match in _ANNEX.finditer(prose):
            if match.group(0)[4:].casefold() not in {title.casefold() for title in _ANNEXES}:
                annexes = and_join([f"the {title}" for title in _ANNEXES], "or")
                message = (
                    f"'{match.group(0)}' is not a document termgen drafts; refer to {annexes} "
                    "or to a clause"
                )
                found.append((number, message))
        for match in _GENERIC_BODIES.finditer(prose):
            found.append(
                (
                    number,
                    f"'{match.group(0)}' is not a body of the deal; name the body "
                    "from governance.bodies, or the parties",
                )
            )
    return found


def _never_true(env: Sandbox, condition: str) -> bool:
    try:
        tree = env.parse_expression(condition)
    except Exception:
        return False
    return isinstance(tree, nodes.Const) and not tree.value


def _uncovered_provisions(library: Library) -> list[Problem]:
    provided = {pid for entry in library.clauses.values() for pid in entry.record.provides}
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
