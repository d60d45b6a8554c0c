"""The language Word marks a draft in (spelling, hyphenation, dates in fields): the house
style's, so that an en-GB draft is not checked as US English."""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

from termgen.wording import Language


def mark_language(document: WordDocument, language: Language) -> None:
    """Set the document's default language, and every style's that names one, to `language`;
    other scripts (east Asian, complex) keep theirs."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _child(run_defaults, "w:lang").set(qn("w:val"), language)
    for lang in styles.iter(qn("w:lang")):
        if lang.get(qn("w:val")) is not None:
            lang.set(qn("w:val"), language)


def _child(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found
