"""Draft text as docxtpl rich text: paragraphs, and open points highlighted in yellow."""

from __future__ import annotations

from collections.abc import Container, Iterable
from html import escape

from docxtpl import RichText

from termgen.drafting.structure import Cell, Segment
from termgen.render.references import reference_field
from termgen.templating.missing import PLACEHOLDER

_PARAGRAPH_BREAK = "\a"
"""docxtpl turns this character into a new paragraph with the same style."""


class DraftText(RichText):  # type: ignore[misc]  # docxtpl has no type information
    """Rich text that marks open points with Word's own highlighter, and writes a reference
    to a clause of the same document as a field that follows its number."""

    def add_segment(self, segment: Segment, fields: Container[str] = ()) -> None:
        if segment.reference is not None and segment.reference in fields:
            self.xml += reference_field(segment.reference, segment.text)
        elif segment.open_point:
            self.xml += (
                '<w:r><w:rPr><w:b/><w:highlight w:val="yellow"/></w:rPr>'
                f'<w:t xml:space="preserve">{escape(segment.text, quote=False)}</w:t></w:r>'
            )
        else:
            self.add(segment.text)


def rich(paragraphs: Iterable[Cell], fields: Container[str] = ()) -> DraftText:
    """One or more paragraphs' segments as rich text for a `{{r ... }}` tag; references to the
    clauses in `fields` (this document's) become fields, others stay text."""
    text = DraftText()
    for index, paragraph in enumerate(paragraphs):
        if index:
            text.add(_PARAGRAPH_BREAK)
        for segment in paragraph:
            text.add_segment(segment, fields)
    return text


def rich_value(value: str | None) -> DraftText:
    """A single value; an unknown one is an open point."""
    if value is None or not str(value).strip():
        return rich([(Segment(PLACEHOLDER, open_point=True),)])
    return rich([(Segment(str(value)),)])
