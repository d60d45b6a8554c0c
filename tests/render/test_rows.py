"""A long table's middle rows, kept as XML text out of the parsed document, give the document
that parsing, fitting and writing every row gave."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from termgen.drafting.structure import Cell, Segment
from termgen.render import word
from termgen.render.context import document_context
from termgen.render.documents import _properties
from termgen.render.layout import _text
from termgen.render.richtext import WrittenCells
from termgen.render.rows import detach_rows
from termgen.render.templates import template_for
from termgen.render.word import open_template, render, to_bytes
from termgen.templating.missing import PLACEHOLDER

from ..conftest import EXAMPLES_DIR
from ..docx_reading import drafted

HOSTILE = [
    "A & B <C> \"D\" 'E' ü 北京 😀",
    "Supercalifragilistic" * 15,  # one word wider than any column
    "tab\there, line\nthere",  # docxtpl's listing pass makes runs of these
    "two\aparagraphs",  # a cell of two paragraphs
    "  spaced out  ",
    "]]> {{ not a tag }} {% nor this %} &amp; &#10;",
    "NAW 50 %, USD 50m",
    "",
]


def _cell(text: str) -> Cell:
    return (Segment(text),)


def _rows(texts: list[str], count: int, width: int) -> list[list[Cell]]:
    """`count` rows of `width` cells, the texts going round so that the same cell comes back
    in other rows and other columns."""
    return [
        [_cell(texts[(row + column) % len(texts)]) for column in range(width)]
        for row in range(count)
    ]


def _term_sheet(rows: list[list[Cell]]) -> tuple[Any, bytes]:
    """The battery-JV term sheet with its first table's rows replaced: the template filled
    and its bytes."""
    draft, _ = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    document = draft.document("term_sheet")
    context = {**document_context(draft, document), "notice": "Draft"}
    table = next(
        table
        for section in context["sections"]
        for clause in section["clauses"]
        for table in clause["tables"]
    )
    written = WrittenCells()
    table["rows"] = [[written.text(cell) for cell in row] for row in rows]
    template = render(template_for("term_sheet"), context, _properties(draft.deal, document.title))
    return template, to_bytes(template)


def _with_every_row_parsed(monkeypatch: pytest.MonkeyPatch, rows: list[list[Cell]]) -> bytes:
    with monkeypatch.context() as patched:
        patched.setattr(word, "detach_rows", lambda body, root: (body, None))
        template, data = _term_sheet(rows)
    assert template.detached is None
    return data


@pytest.mark.parametrize("count", [3, 4, 40])
def test_a_long_table_of_hostile_text_comes_out_as_with_every_row_parsed(
    monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    rows = _rows(HOSTILE, count, 7)
    template, data = _term_sheet(rows)
    assert HOSTILE[0] in _detached_texts(template)
    assert data == _with_every_row_parsed(monkeypatch, rows)


@pytest.mark.parametrize(
    "texts",
    [
        ["fine", PLACEHOLDER, "fine"],  # an open point a finding's comment may be anchored on
        ["says xmlns:x='urn:x'", "fine"],
        ["control \x01 character", "fine"],  # no XML at all: docxtpl's recovering parser
    ],
)
def test_a_table_that_cannot_give_up_its_rows_keeps_them_and_comes_out_the_same(
    monkeypatch: pytest.MonkeyPatch, texts: list[str]
) -> None:
    rows = _rows(texts, 5, 7)
    template, data = _term_sheet(rows)
    assert not any(texts[0] in text for text in _detached_texts(template))
    assert data == _with_every_row_parsed(monkeypatch, rows)


def _detached_texts(template: Any) -> list[str]:
    """The texts of every cell cut out of the template's tables."""
    if template.detached is None:
        return []
    tables = [template.detached.of(table._tbl) for table in template.docx.tables]
    return [
        text for table in tables if table is not None for row in table.texts(_text) for text in row
    ]


def _tc(text: str, extra: str = "") -> str:
    return f"<w:tc{extra}><w:tcPr><w:tcW w:w='1' w:type='dxa'/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _tbl(*rows: str) -> str:
    return f"<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w='5'/></w:tblGrid>{''.join(rows)}</w:tbl>"


_ROW = _tr(_tc("a"), _tc("b"))


@pytest.mark.parametrize(
    "body",
    [
        _tbl(_ROW, _ROW),  # no middle row
        _tbl(_ROW, _ROW, _ROW) + "<!-- a comment -->",
        _tbl(_ROW, _tr(_tc(_tbl(_ROW, _ROW, _ROW))), _ROW),  # a table in a table
        _tbl(_ROW, _tr(_tc("a")), _ROW),  # a middle row of fewer cells
        _tbl(_ROW, _ROW.replace("</w:tc><w:tc>", "</w:tc> <w:tc>"), _ROW),  # blank text
        _tbl(_ROW, f"<w:sdt><w:sdtContent>{_ROW}</w:sdtContent></w:sdt>", _ROW),
        _tbl(_ROW, _ROW, _tr(_tc(PLACEHOLDER), _tc("b"))),  # an open point in the last row
        _tbl(_ROW, _tr(_tc("a", ' xmlns:x="urn:x"'), _tc("b")), _ROW),
        _tbl(_ROW, _tr(_tc("a"), "<w:tc/>"), _ROW),  # a cell without its end tag
        _tbl(_ROW, _tr(_tc("a &nbsp;"), _tc("b")), _ROW),  # an entity Word's XML has not
    ],
)
def test_rows_are_cut_out_only_where_they_read_alike_on_their_own(body: str) -> None:
    root = open_template(template_for("term_sheet")).docx.element
    assert detach_rows(f"<w:body>{body}</w:body>", root) == (f"<w:body>{body}</w:body>", None)


@pytest.mark.parametrize(
    "body",
    [
        _tbl(_ROW, _ROW, _ROW),
        _tbl(_ROW, _tr(_tc("&lt;&amp;&gt;'\" &#x1F600; \u00fc"), _tc(" ")), _ROW, _ROW)
        + _tbl(_ROW, _ROW, _ROW, _ROW),
        _tbl(_ROW, '<w:tr w:rsidR="1"><w:trPr/>' + _tc("a") + _tc("") + "</w:tr>", _ROW),
        _tbl(_ROW, _tr(_tc("\t"), _tc("\n ")), _tr(_tc(" "), _tc("b")), _ROW),  # blank only
        # a no-break space between tags is text, not a blank that parsing may drop
        _tbl(_ROW, _tr(_tc("a").replace("</w:r></w:p>", "</w:r>\u00a0</w:p>"), _tc("b")), _ROW),
    ],
)
def test_rows_cut_out_and_put_back_give_the_document_parsed_whole(body: str) -> None:
    root = open_template(template_for("term_sheet")).docx.element
    whole = word._with_body(root, f"<w:body>{body}</w:body>")
    cut, detached = detach_rows(f"<w:body>{body}</w:body>", root)
    assert detached is not None and cut != f"<w:body>{body}</w:body>"
    parsed_whole = etree.tostring(word.parse_xml(whole), encoding="UTF-8")
    parsed_cut = etree.tostring(word.parse_xml(word._with_body(root, cut)), encoding="UTF-8")
    assert detached.put_back(parsed_cut) == parsed_whole
