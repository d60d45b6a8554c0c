"""Which clauses a deal gets: by purpose, governing law and condition, in the position chosen."""

from __future__ import annotations

from dataclasses import dataclass

from termgen.errors import LibraryError, Problem
from termgen.files.datafile import SourceMap
from termgen.library.clause import PREFERRED, Clause
from termgen.library.conditions import deal_context, holds
from termgen.library.load import Library, Sourced
from termgen.model import Deal
from termgen.suggest import with_suggestion
from termgen.templating.sandbox import Sandbox


@dataclass(frozen=True)
class Choice:
    """A clause selected for a deal, in the position the deal asks for."""

    clause: Sourced[Clause]
    label: str
    text: str
    text_path: tuple[str | int, ...]


def select(
    deal: Deal, library: Library, env: Sandbox, source: SourceMap | None = None
) -> list[Choice]:
    """The clauses the deal gets, each in the position its answers chose."""
    check_positions(deal, library, source)
    context = deal_context(deal)
    verdicts: dict[str, bool] = {}
    """Each distinct condition evaluated once: an overlay's variants of a clause share theirs,
    so selection over a large library costs one Jinja run per condition, not per clause. Only
    the clauses for the deal's purpose and governing law are read and have theirs evaluated."""
    chosen = []
    for entry in library.clauses.applying(deal.deal.purpose, deal.deal.governing_law):
        clause = entry.record
        if clause.when is not None and clause.when not in verdicts:
            verdicts[clause.when] = holds(env, entry, "when", context, "clause", library.cache)
        if clause.when is not None and not verdicts[clause.when]:
            continue
        label, text = clause.position(deal.positions.get(clause.id))
        chosen.append(Choice(entry, label, text, _text_path(clause, label)))
    return chosen


def _text_path(clause: Clause, label: str) -> tuple[str | int, ...]:
    if label == PREFERRED:
        return ("text", "preferred")
    labels = [fallback.label for fallback in clause.text.fallback]
    return ("text", "fallback", labels.index(label), "text")


def check_positions(deal: Deal, library: Library, source: SourceMap | None) -> None:
    """Refuse a position the deal names for a clause the library lacks, or a fallback its
    clause lacks (each with its line)."""
    problems = []
    for clause_id, label in deal.positions.items():
        path = ("positions", clause_id)
        if clause_id not in library.clauses:
            message = with_suggestion(
                f"no clause '{clause_id}' in the library", clause_id, list(library.clauses)
            )
            where = source.locate(path, at_key=True) if source else None
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
