"""A draft before it becomes Word: documents, numbered sections, clauses as text, tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from termgen.files.read import FilePath
from termgen.library.sections import Document
from termgen.model import Deal
from termgen.wording import DEFAULT_STYLE, HouseStyle


@dataclass(frozen=True)
class Segment:
    """A run of text; an open point is a value the deal does not have yet, written [●]; a
    reference is the number of the clause with that id, which Word keeps up to date."""

    text: str
    open_point: bool = False
    reference: str | None = None


Cell = tuple[Segment, ...]
"""The text of a table cell."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of clause text; a bullet is an item of a list."""

    segments: tuple[Segment, ...]
    bullet: bool = False


def plain(text: Paragraph | Cell) -> str:
    """A paragraph or a cell as plain text, open points included as [●]."""
    segments = text.segments if isinstance(text, Paragraph) else text
    return "".join(segment.text for segment in segments)


@dataclass(frozen=True)
class Table:
    """A table with its title and a header row; each cell is one paragraph."""

    kind: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class DraftClause:
    """A clause as it reads in the draft, with where it came from."""

    id: str
    number: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    provides: tuple[str, ...]
    position: str
    version: str
    source: FilePath


@dataclass(frozen=True)
class DraftSection:
    id: str
    number: int
    heading: str
    clauses: tuple[DraftClause, ...]
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class DraftDocument:
    kind: Document
    title: str
    sections: tuple[DraftSection, ...]


@dataclass(frozen=True)
class Draft:
    """Everything the Word files will say, in order."""

    deal: Deal
    documents: tuple[DraftDocument, ...]
    style: HouseStyle = DEFAULT_STYLE
    """The library's house style the text was written in; Word marks the language with it."""

    def clauses(self) -> Iterator[DraftClause]:
        for document in self.documents:
            for section in document.sections:
                yield from section.clauses

    def document(self, kind: Document) -> DraftDocument:
        return next(document for document in self.documents if document.kind == kind)
