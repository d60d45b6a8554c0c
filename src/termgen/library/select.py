"""Which clauses a deal gets: by purpose, governing law and condition, in the position chosen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from termgen.cache import Cache
from termgen.errors import Problem
from termgen.files.datafile import SourceMap
from termgen.library.clause import PREFERRED, Clause
from termgen.library.load import Library, LibraryError, Sourced
from termgen.model import Deal
from termgen.model.paths import Shape
from termgen.suggest import with_suggestion
from termgen.templating.check import Scope, TemplateIssue, model_scope
from termgen.templating.compiled import compiled_condition
from termgen.templating.sandbox import Sandbox


def clause_scope() -> Scope:
    """The names clause text and conditions may read: the deal's top-level sections."""
    return model_scope(Shape("model", model=Deal))


def deal_context(deal: Deal) -> dict[str, Any]:
    """The deal as the names clause text reads."""
    return {name: getattr(deal, name) for name in type(deal).model_fields}


@dataclass(frozen=True)
class Choice:
    """A clause selected for a deal, in the position the deal asks for."""

    clause: Sourced[Clause]
    label: str
    text: str
    text_path: tuple[str | int, ...]


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


def applies(clause: Clause, deal: Deal) -> bool:
    """Whether purpose and governing law let the clause into this deal (before its condition)."""
    if deal.deal.purpose not in clause.purposes:
        return False
    if not clause.jurisdictions:
        return True
    law = (deal.deal.governing_law or "").casefold()
    return any(law == jurisdiction.casefold() for jurisdiction in clause.jurisdictions)


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
    except TemplateError as bad:
        which = "condition" if key == "when" else f"{key} condition"
        message = f"{kind} '{entry.record.id}': its {which} failed: {bad}"
        raise LibraryError([Problem(message, entry.where(key))]) from None


def select(
    deal: Deal, library: Library, env: Sandbox, source: SourceMap | None = None
) -> list[Choice]:
    """The clauses the deal gets, each in the position its answers chose."""
    _check_positions(deal, library, source)
    context = deal_context(deal)
    chosen = []
    for entry in library.clauses.values():
        clause = entry.record
        if not applies(clause, deal) or not holds(
            env, entry, "when", context, "clause", library.cache
        ):
            continue
        label, text = clause.position(deal.positions.get(clause.id))
        chosen.append(Choice(entry, label, text, _text_path(clause, label)))
    return chosen


def _text_path(clause: Clause, label: str) -> tuple[str | int, ...]:
    if label == PREFERRED:
        return ("text", "preferred")
    labels = [fallback.label for fallback in clause.text.fallback]
    return ("text", "fallback", labels.index(label), "text")


def _check_positions(deal: Deal, library: Library, source: SourceMap | None) -> None:
    problems = []
    for clause_id, label in deal.positions.items():
        path = ("positions", clause_id)
        where = source.locate(path, at_key=True) if source else None
        if clause_id not in library.clauses:
            message = with_suggestion(
                f"no clause '{clause_id}' in the library", clause_id, list(library.clauses)
            )
            problems.append(Problem(message, where, "positions"))
            continue
        clause = library.clauses[clause_id].record
        try:
            clause.position(label)
        except KeyError:
            message = with_suggestion(
                f"clause '{clause_id}' has no position '{label}'", label, clause.labels
            )
            problems.append(Problem(message, source.locate(path) if source else None, "positions"))
    if problems:
        raise LibraryError(problems)
