"""Conditions over the deal (a clause's `when`, a provision's `expected` and `expression`),
checked and compiled once, then evaluated in the sandbox."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import cache
from typing import Any

from termgen.cache import Cache
from termgen.errors import LibraryError, Problem
from termgen.library.load import Sourced
from termgen.model import Deal
from termgen.model.paths import Shape, shape_of
from termgen.templating.check import Scope, TemplateIssue, model_scope
from termgen.templating.compiled import compiled_condition
from termgen.templating.sandbox import RenderError, Sandbox

STOPPED_ADVICE = "fix the text in the library (see 'What the sandbox refuses' in the README)"


DRAFTED = "drafted"
"""The name under which clause text reads the ids of the clauses in the draft: known only once
the clauses are selected, so conditions cannot read it."""
ALWAYS_BINDING = "always_binding"
"""The name under which clause text reads what a term sheet that does not bind binds on all
the same (library.yaml, `always_binding:`)."""


@cache
def clause_scope() -> Scope:
    """The names conditions may read: the deal's top-level sections (built once: every clause
    asks for it; read it, never change it)."""
    return model_scope(Shape("model", model=Deal))


@cache
def text_scope() -> Scope:
    """The names clause text may read: the deal's top-level sections, `drafted`, for text
    that cites a clause only where the draft has it, and `always_binding`, what a term sheet
    that does not bind binds on all the same (library.yaml)."""
    return model_scope(
        Shape("model", model=Deal),
        {DRAFTED: shape_of(list[str]), ALWAYS_BINDING: shape_of(list[str])},
    )


def with_shared(scope: Scope, names: Iterable[str]) -> Scope:
    """The scope of a clause's texts, with the names its shared block sets or defines."""
    return {**scope, **dict.fromkeys(names)}


def deal_context(deal: Deal) -> dict[str, Any]:
    """The deal as the names conditions read."""
    return {name: getattr(deal, name) for name in type(deal).model_fields}


def text_context(
    deal: Deal, drafted: Collection[str], always_binding: Sequence[str]
) -> dict[str, Any]:
    """The deal, the ids of the clauses drafted and what always binds, as the names clause
    text reads."""
    return {**deal_context(deal), DRAFTED: frozenset(drafted), ALWAYS_BINDING: list(always_binding)}


def refuse_issues(
    entry: Sourced[Any], path: tuple[str | int, ...], issues: list[TemplateIssue], kind: str
) -> None:
    """Stop with every issue of a text or condition, at its line in the file it came from."""
    if issues:
        problems = [
            Problem(
                f"{kind} '{entry.record.id}': {issue.message}",
                entry.source.text_line((*entry.path, *path), issue.line),
            )
            for issue in issues
        ]
        raise LibraryError(problems)


def holds(
    env: Sandbox,
    entry: Sourced[Any],
    key: str,
    context: dict[str, Any],
    kind: str,
    cache: Cache | None = None,
) -> bool:
    """Evaluate a clause's or provision's condition in the sandbox; a broken one stops here."""
    source = getattr(entry.record, key)
    if source is None:
        return True
    condition, issues = compiled_condition(env, source, clause_scope(), cache)
    refuse_issues(entry, (key,), issues, kind)
    assert condition is not None
    try:
        return bool(condition(**context))
    except RenderError as bad:
        which = "condition" if key == "when" else f"{key} condition"
        message = (
            f"{kind} '{entry.record.id}': its {which} stopped: {bad.message}; {STOPPED_ADVICE}"
        )
        where = entry.source.text_line((*entry.path, key), bad.line or 1)
        raise LibraryError([Problem(message, where)]) from None
