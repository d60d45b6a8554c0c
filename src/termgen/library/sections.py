"""The sections of the term sheet and the governance annex, in order, as data."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.common import Record, Text

Document = Literal["term_sheet", "governance_annex"]
TableKind = Literal[
    "contributions", "value_sharing", "bodies", "decision_rights", "escalation", "review_calendar"
]
DOCUMENTS: tuple[Document, ...] = ("term_sheet", "governance_annex")


class Section(Record):
    """A numbered heading of a document, with the tables it carries after its clauses."""

    id: Text
    document: Document
    heading: Text
    tables: list[TableKind] = Field(default_factory=list)


DOCUMENT_TITLES: dict[Document, str] = {
    "term_sheet": "Term Sheet",
    "governance_annex": "Governance Annex",
}
