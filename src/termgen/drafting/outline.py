"""The skeleton of a draft: which clauses each section holds, in order and numbered.

Nothing is rendered here. Findings need to know which provisions the clauses provide and
deadlines need clause numbers; neither needs the words, so neither pays for rendering them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from termgen.errors import LibraryError, Problem
from termgen.files.datafile import SourceMap
from termgen.library.load import Library, unknown_provisions
from termgen.library.sections import DOCUMENTS, Document, Section
from termgen.library.select import Choice, select
from termgen.model import Deal
from termgen.suggest import with_suggestion
from termgen.templating.sandbox import Sandbox


@dataclass(frozen=True)
class OutlinedClause:
    """A selected clause at its number, in the position the deal chose."""

    choice: Choice
    number: str

    @property
    def id(self) -> str:
        return self.choice.clause.record.id

    @property
    def title(self) -> str:
        return self.choice.clause.record.title

    @property
    def provides(self) -> tuple[str, ...]:
        return tuple(self.choice.clause.record.provides)


@dataclass(frozen=True)
class OutlinedSection:
    section: Section
    number: int
    clauses: tuple[OutlinedClause, ...]


@dataclass(frozen=True)
class Outline:
    """Both documents of a draft as numbered sections of selected clauses."""

    deal: Deal
    documents: tuple[tuple[Document, tuple[OutlinedSection, ...]], ...]

    def sections(self, kind: Document) -> tuple[OutlinedSection, ...]:
        return next(sections for each, sections in self.documents if each == kind)

    def clauses(self) -> Iterator[OutlinedClause]:
        for _, sections in self.documents:
            for section in sections:
                yield from section.clauses

    @property
    def provided(self) -> frozenset[str]:
        """Provision ids that some clause of the draft provides."""
        return frozenset(pid for clause in self.clauses() for pid in clause.provides)

    def clause_for(self, key: str, kind: Document = "term_sheet") -> OutlinedClause | None:
        """The first clause of a document with this id, or else providing this provision."""
        return self._first_by_key[kind].get(key)

    @cached_property
    def _first_by_key(self) -> dict[Document, dict[str, OutlinedClause]]:
        """For each document, the first clause under each of its ids and provision ids: the
        checks look clauses up once per clause they read, which a scan made quadratic."""
        found: dict[Document, dict[str, OutlinedClause]] = {}
        for kind, sections in self.documents:
            clauses = [clause for section in sections for clause in section.clauses]
            provided = {key: c for c in reversed(clauses) for key in c.provides}
            found[kind] = provided | {clause.id: clause for clause in reversed(clauses)}
        return found


def outline(deal: Deal, library: Library, *, source: SourceMap | None = None) -> Outline:
    """Select the deal's clauses and number them, section by section, in both documents."""
    by_section: dict[str, list[Choice]] = defaultdict(list)
    for choice in select(deal, library, Sandbox(), source):
        section_id = choice.clause.record.section
        if section_id not in library.sections:
            message = with_suggestion(
                f"clause '{choice.clause.record.id}' names the section '{section_id}', which "
                "does not exist",
                section_id,
                list(library.sections),
            )
            raise LibraryError([Problem(message, choice.clause.where("section"))])
        unknown = unknown_provisions(choice.clause, library.provisions)
        if unknown:
            raise LibraryError(unknown)
        by_section[section_id].append(choice)
    documents = []
    for kind in DOCUMENTS:
        sections: list[OutlinedSection] = []
        for entry in library.sections.values():
            section = entry.record
            chosen = sorted(
                by_section[section.id],
                key=lambda choice: (choice.clause.record.order, choice.clause.record.id),
            )
            if section.document != kind or not (chosen or section.tables):
                continue
            number = len(sections) + 1
            clauses = tuple(
                OutlinedClause(choice, f"{number}.{index}")
                for index, choice in enumerate(chosen, start=1)
            )
            sections.append(OutlinedSection(section, number, clauses))
        documents.append((kind, tuple(sections)))
    return Outline(deal, tuple(documents))
