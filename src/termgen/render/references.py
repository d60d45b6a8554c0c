"""Clause numbers that follow Word's numbering: a bookmark at each clause heading, and each
reference to a clause a REF field to it, showing the number the draft gave it until Word or
LibreOffice updates the field."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from html import escape

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from termgen.render.placed import Placed

_FIRST_BOOKMARK = 1_000
"""Above any bookmark a template brings; below the redline's revision ids."""


def bookmark_name(clause_id: str) -> str:
    """A hidden bookmark name (a leading '_Ref', as Word names its own cross-references),
    within Word's 40 characters whatever the clause id."""
    return "_Ref" + hashlib.sha256(clause_id.encode()).hexdigest()[:16]


def reference_field(clause_id: str, number: str) -> str:
    """WordprocessingML runs of a REF field to the clause's heading number, with `number` as
    its result until the field is updated."""
    instruction = f" REF {bookmark_name(clause_id)} \\w \\h "
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{escape(number, quote=False)}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def add_bookmarks(placed_sections: Mapping[str, Placed]) -> None:
    """Bookmark each clause's heading, which the references to it name."""
    number = _FIRST_BOOKMARK
    for placed in placed_sections.values():
        for clause_id, heading in placed.clause_headings.items():
            start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
            start.set(qn("w:id"), str(number))
            start.set(qn("w:name"), bookmark_name(clause_id))
            end.set(qn("w:id"), str(number))
            properties = heading._p.pPr
            if properties is not None:
                properties.addnext(start)
            else:
                heading._p.insert(0, start)
            heading._p.append(end)
            number += 1
