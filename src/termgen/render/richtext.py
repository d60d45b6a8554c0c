"""Draft text as docxtpl rich text: paragraphs, and open points highlighted in yellow."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from html import escape

from docxtpl import RichText

from termgen.drafting.assemble import segments
from termgen.drafting.structure import Cell, Segment
from termgen.model.currency import CURRENCIES
from termgen.render.references import reference_field
from termgen.templating.missing import PLACEHOLDER

_PARAGRAPH_BREAK = "\a"
"""docxtpl turns this character into a new paragraph with the same style."""


_NO_BREAK_SPACE = "\u00a0"
_PERCENT = re.compile(r"(?<=\d) %")
_CODE_AND_AMOUNT = re.compile(r"\b([A-Z]{3}) (?=\d)")
_MAYBE_CODE_AND_AMOUNT = re.compile(r"[A-Z]{3} \d")
"""A quick look before the exact pattern: most of a draft's texts have no amount at all."""


def _code_kept(match: re.Match[str]) -> str:
    code = match.group(1)
    return code + _NO_BREAK_SPACE if code in CURRENCIES else match.group(0)


def unbroken(text: str) -> str:
    """The text with a no-break space where a line break would part a number from its
    percent sign ('50 %') or a currency from its amount ('USD 50m')."""
    if " %" in text:
        text = _PERCENT.sub(_NO_BREAK_SPACE + "%", text)
    if _MAYBE_CODE_AND_AMOUNT.search(text):
        text = _CODE_AND_AMOUNT.sub(_code_kept, text)
    return text


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
        else:  # what `add` writes of text without properties, without asking for each one
            self.xml += (
                f'<w:r><w:t xml:space="preserve">{escape(unbroken(segment.text))}</w:t></w:r>'
            )


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


class WrittenCells:
    """Table cells as rich text, each distinct cell written once: a long table repeats its
    parties, yes and no, areas and owners in row after row. Each cell still gets its own
    rich text, so that a template changing one changes no other."""

    def __init__(self) -> None:
        self._xml: dict[Cell, str] = {}

    def text(self, cell: Cell) -> DraftText:
        xml = self._xml.get(cell)
        if xml is None:
            xml = self._xml[cell] = rich([cell]).xml
        text = DraftText()
        text.xml = xml
        return text


def rich_value(value: str | None) -> DraftText:
    """A single value; an unknown one, or one left open, is an open point."""
    if value is None or not str(value).strip():
        return rich([(Segment(PLACEHOLDER, open_point=True),)])
    return rich([segments(str(value))])
