"""Where the sections and clauses of a draft landed in a rendered Word body."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.styles import BabelFish
from docx.table import Table
from docx.text.paragraph import Paragraph

from termgen.drafting.structure import DraftClause, DraftSection

_PARAGRAPH, _TABLE, _TEXT = qn("w:p"), qn("w:tbl"), qn("w:t")
_STYLE, _STYLE_ID, _STYLE_TYPE = qn("w:style"), qn("w:styleId"), qn("w:type")
_NAME, _VALUE, _DEFAULT = qn("w:name"), qn("w:val"), qn("w:default")
_ON = frozenset({"1", "true", "on"})


@dataclass
class Placed:
    """A section in the Word body: its heading, each clause's heading and text, its tables."""

    heading: Paragraph
    clause_headings: dict[str, Paragraph] = field(default_factory=dict)
    clauses: dict[str, list[Paragraph]] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)


def placed_sections(document: WordDocument, sections: Sequence[DraftSection]) -> dict[str, Placed]:
    """Each section by id, found by walking the body: a Heading 1 starts the next section, a
    Heading 2 the next clause. A restyled template that does not keep to that gives nothing,
    so that nothing is attached in the wrong place.

    The body is walked as XML, with the style names read once: python-docx looks a
    paragraph's style and text up with an XPath query each, which made placing the clauses
    of a draft of thousands of pages the slowest step of rendering it."""
    style_of = _paragraph_styles(document)
    body = document._body
    placed: dict[str, Placed] = {}
    sections_left = iter(sections)
    section: DraftSection | None = None
    clauses: Iterator[DraftClause] = iter(())
    clause: DraftClause | None = None
    for element in document.element.body.iterchildren(_PARAGRAPH, _TABLE):
        if element.tag == _TABLE:
            if section is not None:
                placed[section.id].tables.append(Table(element, body))
            continue
        style = style_of(element)
        if style == "Heading 1":
            section = next(sections_left, None)
            if section is None:
                break
            placed[section.id] = Placed(Paragraph(element, body))
            clauses, clause = iter(section.clauses), None
        elif style == "Heading 2" and section is not None:
            clause = next(clauses, None)
            if clause is not None:
                placed[section.id].clause_headings[clause.id] = Paragraph(element, body)
                placed[section.id].clauses[clause.id] = []
        elif section is not None and clause is not None and _has_text(element):
            placed[section.id].clauses[clause.id].append(Paragraph(element, body))
    whole = len(placed) == len(sections) and all(
        len(placed[s.id].clauses) == len(s.clauses) for s in sections
    )
    return placed if whole else {}


def _paragraph_styles(document: WordDocument) -> Callable[[CT_P], str]:
    """The name of a paragraph's style, as `paragraph.style.name` gives it (the default
    paragraph style when it names none or no paragraph style), from one pass over the
    styles' XML: python-docx searches them for every paragraph it is asked about, and builds
    an object for each style it lists."""
    names: dict[str | None, str] = {}
    fallback = ""
    for style in document.styles.element.iterchildren(_STYLE):
        kind = style.get(_STYLE_TYPE)
        if kind not in (None, "paragraph"):
            continue
        named = style.find(_NAME)
        internal = named.get(_VALUE) if named is not None else None
        name = BabelFish.internal2ui(internal) if internal is not None else ""
        names[style.get(_STYLE_ID)] = name
        # As python-docx: the last style marked default that says it is a paragraph style.
        if kind == "paragraph" and style.get(_DEFAULT) in _ON:
            fallback = name
    return lambda paragraph: names.get(paragraph.style, fallback)


def _has_text(paragraph: CT_P) -> bool:
    return any(text.text and not text.text.isspace() for text in paragraph.iter(_TEXT))
