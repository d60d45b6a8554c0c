"""The middle rows of a rendered body's tables kept as XML text, out of the parsed document.

A table of a thousand contributions was most of the XML that drafting a term sheet parsed,
fitted to the page and wrote out again, though its rows repeat a few distinct cells (a
party, yes and no, a date). The rows between a table's first and last are cut out of the body
before it is parsed, a comment in their place; each distinct start of a row and each distinct
cell of each column is parsed once, its text read and its width set once (`layout.py`), and
written once; the rows are put back as text into the document's XML (`put_back`).

A table goes this way only where what is cut out parses alone as it parses in the document
and nothing else reads or changes it: no open point (a finding's comment may be anchored on
one), drawing, merged cell, inner table, XML comment or instruction, namespace declaration,
or blank text between tags other than an element's only content (parsing drops blank text or
keeps it by what surrounds it); its rows follow one another, each middle one with as many
cells as the first; and each distinct piece parses as one element. Any other table stays
whole in the document.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.table import CT_Tc
from lxml import etree

from termgen.templating.missing import PLACEHOLDER

_TABLE, _TABLE_END = "<w:tbl", "</w:tbl>"
_ROW_START, _ROW_END = "<w:tr", "</w:tr>"
_CELL_START, _CELL_END = "<w:tc", "</w:tc>"
_AFTER_NAME = " \t\n\r>/"
"""What follows a tag's name ('<w:tc' starts a cell, '<w:tcPr' does not)."""
_CELL_OPENINGS = tuple(_CELL_START + after for after in _AFTER_NAME)
_BODY_END = "</w:body>"
_BLANK_BETWEEN_TAGS = re.compile(r">[ \t\n\r]+<")
"""Blank text between tags: XML's blanks, which parsing may drop, no other space."""
_BLANK_ONLY_CONTENT = re.compile(r"<([\w.:-]+)(?:\s[^<>]*)?(?<!/)>[ \t\n\r]+</\1>")
"""Blank text as an element's only content, which parsing keeps wherever the element is."""
_NOT_ONLY_ELEMENTS = ("<!--", "<?")
"""Comments and instructions, in which a table's tags may be words: no table is cut where the
body has any."""
_KEPT_WHOLE = ("xmlns", "docPr", "vMerge", "gridSpan", PLACEHOLDER)
"""What keeps a table whole where its middle rows hold it (its head must declare no
namespace, its last row hold no open point)."""
_ROW, _CELL = qn("w:tr"), qn("w:tc")
_ROW_START_KEY = -1
"""The column under which the distinct starts of rows are kept with the cells."""


@dataclass(frozen=True)
class DetachedTable:
    """The middle rows of one table, as indexes into the distinct pieces of a body's tables:
    each row its start, then its cells."""

    pieces: list[etree._Element]
    rows: list[list[int]]
    cells: dict[int, int]
    """The table's distinct cells: the index of each, and its column."""

    def texts(self, text: Callable[[CT_Tc], str]) -> list[list[str]]:
        """The `text` of each cell, row by row, read once for each distinct cell."""
        read = {index: text(cast(CT_Tc, self.pieces[index])) for index in self.cells}
        return [[read[index] for index in row[1:]] for row in self.rows]

    def cells_by_column(self) -> Iterator[tuple[CT_Tc, int]]:
        """Each distinct cell (which stands for all that are written alike) and its column."""
        for index, column in self.cells.items():
            yield cast(CT_Tc, self.pieces[index]), column


class DetachedRows:
    """The middle rows cut out of a body's tables (`detach_rows`), each table's behind the
    comment that stands in their place."""

    def __init__(
        self, token: str, pieces: etree._Element, starts: set[int], tables: list[DetachedTable]
    ) -> None:
        self._token = token
        self._pieces = pieces
        self._starts = starts
        self._tables = {_marker(token, number): table for number, table in enumerate(tables)}

    def of(self, table: etree._Element) -> DetachedTable | None:
        """The rows cut out of this table of the parsed document, if any."""
        for comment in table.iterchildren(etree.Comment):
            found = self._tables.get(comment.text or "")
            if found is not None:
                return found
        return None

    def put_back(self, document: bytes) -> bytes:
        """The document's XML (UTF-8, as written) with the rows in place of their comments,
        each distinct piece as it is now written."""
        whole = etree.tostring(self._pieces, encoding="unicode")
        written = whole[whole.index(">") + 1 : -len(_BODY_END)].split(_separator(self._token))
        for index in self._starts:  # '<w:tr ...>...</w:tr>' or '<w:tr .../>' to its start
            start = written[index]
            written[index] = start[:-2] + ">" if start.endswith("/>") else start[: -len(_ROW_END)]
        for text, table in self._tables.items():
            rows = "".join(
                "".join(written[index] for index in row) + _ROW_END for row in table.rows
            )
            comment = f"<!--{text}-->".encode()
            if document.count(comment) != 1:
                raise ValueError("the rows cut out of a table lost their place in the document")
            document = document.replace(comment, rows.encode())
        return document


def _marker(token: str, number: int) -> str:
    return f"termgen: rows {token} {number}"


def _separator(token: str) -> str:
    return f"<!--termgen: piece {token}-->"


def detach_rows(body: str, root: etree._Element) -> tuple[str, DetachedRows | None]:
    """The body's XML with the middle rows of its tables cut out, and those rows; the body as
    it is, and None, where no table gives them up. The rows are read in the namespaces of
    `root`, the document the body goes in."""
    if any(mark in body for mark in _NOT_ONLY_ELEMENTS):
        return body, None
    token = os.urandom(8).hex()
    kept: list[str] = []
    cut: list[_Cut] = []
    done = 0
    for start, end in _tables(body):
        found = _middle(body, start, end)
        if found is None:
            continue
        first, last, rows = found
        distinct = _Cut.of(rows)
        if any(held in distinct.xml() for held in _KEPT_WHOLE):
            continue
        kept += [body[done:first], f"<!--{_marker(token, len(cut))}-->"]
        done = last
        cut.append(distinct)
    if not cut:
        return body, None
    kept.append(body[done:])
    detached = _parsed(cut, root, token)
    return ("".join(kept), detached) if detached is not None else (body, None)


@dataclass(frozen=True)
class _Cut:
    """The middle rows of a table: its distinct pieces (each a row's start or a cell of a
    column, by its XML), and each row as its pieces' numbers."""

    pieces: dict[tuple[int, str], int]
    rows: list[list[int]]

    @classmethod
    def of(cls, rows: list[tuple[str, list[str]]]) -> _Cut:
        pieces: dict[tuple[int, str], int] = {}
        numbered = []
        for start, cells in rows:
            row = [pieces.setdefault((_ROW_START_KEY, start + _ROW_END), len(pieces))]
            for column, cell in enumerate(cells):
                row.append(pieces.setdefault((column, cell), len(pieces)))
            numbered.append(row)
        return cls(pieces, numbered)

    def xml(self) -> str:
        return "".join(self.written())

    def written(self) -> Iterator[str]:
        """Each piece's XML: a row's start closed, a cell with its end tag."""
        for column, piece in self.pieces:
            yield piece if column == _ROW_START_KEY else piece + _CELL_END


def _tables(body: str) -> Iterator[tuple[int, int]]:
    """Where each table of the body that holds no other, nor is held in one, starts and
    ends."""
    starts = [(place, 1) for place in _tags(body, _TABLE, 0, len(body))]
    ends = [(place, -1) for place in _places(body, _TABLE_END)]
    depth, opened, flat = 0, 0, True
    for place, step in sorted(starts + ends):
        if step > 0 and depth == 0:
            opened, flat = place, True
        elif step > 0:
            flat = False
        depth += step
        if depth < 0:  # not XML: the document's parser says so
            return
        if depth == 0 and flat:
            yield opened, place + len(_TABLE_END)


def _places(text: str, part: str) -> Iterator[int]:
    place = text.find(part)
    while place >= 0:
        yield place
        place = text.find(part, place + 1)


def _tags(text: str, tag: str, start: int, end: int) -> Iterator[int]:
    """Where each `tag` (as '<w:tr') starts between `start` and `end`: found with `str.find`,
    many times faster through a long body than a regular expression."""
    place = text.find(tag, start, end)
    while place >= 0:
        if _is_tag(text, place, tag):
            yield place
        place = text.find(tag, place + 1, end)


def _is_tag(text: str, place: int, tag: str) -> bool:
    after = place + len(tag)
    return text.startswith(tag, place) and after < len(text) and text[after] in _AFTER_NAME


def _middle(body: str, start: int, end: int) -> tuple[int, int, list[tuple[str, list[str]]]] | None:
    """Where the middle rows of the table between `start` and `end` start and end, and each
    of them as its start (up to its first cell) and its cells; None where the table has no
    middle row, a middle row holds anything but cells after its start or has not as many
    cells as the first, the middle rows do not follow one another, blank text stands between
    their tags, or the last row holds an open point."""
    first_row = next(_tags(body, _ROW_START, start, end), None)
    if first_row is None or (first_end := body.find(_ROW_END, first_row, end)) < 0:
        return None
    first = first_end + len(_ROW_END)
    last = body.rfind(_ROW_START, first, end)
    while last >= 0 and not _is_tag(body, last, _ROW_START):
        last = body.rfind(_ROW_START, first, last)
    width = len(list(_tags(body, _CELL_START, first_row, first)))
    if last <= first or not width or PLACEHOLDER in body[last:end]:
        return None
    middle = body[first:last]
    chunks = middle.split(_CELL_END)  # a row's end and the next one's start go with a cell
    if (len(chunks) - 1) % width or chunks[-1] != _ROW_END or _blank_between_tags(middle):
        return None
    rows = []
    for number in range(0, len(chunks) - 1, width):
        opening = chunks[number]
        if number:
            if not opening.startswith(_ROW_END):
                return None
            opening = opening[len(_ROW_END) :]
        cell = next(_tags(opening, _CELL_START, 0, len(opening)), None)
        cells = chunks[number + 1 : number + width]
        if (
            cell is None
            or not _is_tag(opening, 0, _ROW_START)
            or not all(each.startswith(_CELL_OPENINGS) for each in cells)
        ):
            return None
        rows.append((opening[:cell], [opening[cell:], *cells]))
    return first, last, rows


def _blank_between_tags(xml: str) -> bool:
    """Whether blank text stands between two tags other than as an element's only content:
    one search of a regular expression over a long table, three times faster than looking
    for each blank after a '>' with `str.find`."""
    for found in _BLANK_BETWEEN_TAGS.finditer(xml):
        place = found.start()
        only = _BLANK_ONLY_CONTENT.match(xml, xml.rfind("<", 0, place))
        if only is None or only.end() <= place:
            return True
    return False


def _parsed(cut: list[_Cut], root: etree._Element, token: str) -> DetachedRows | None:
    """The distinct pieces of the tables' rows parsed together, one after another, in the
    document's namespaces; None where one does not parse as one element of its kind."""
    namespaces = cast(dict[str, str], root.nsmap)  # lxml's types leave out the default's None
    scope = etree.tostring(root.makeelement(qn("w:body"), nsmap=namespaces), encoding="unicode")
    separator = _separator(token)
    xml = (
        scope[: -len("/>")]
        + ">"
        + separator.join(piece for each in cut for piece in each.written())
        + _BODY_END
    )
    try:
        parsed = parse_xml(xml)
    except etree.XMLSyntaxError:
        return None
    children = list(parsed)
    pieces = children[::2]
    columns = [column for each in cut for column, _ in each.pieces]
    kinds = [_ROW if column == _ROW_START_KEY else _CELL for column in columns]
    if (
        parsed.text is not None
        or len(children) != 2 * len(columns) - 1
        or any(child.tail is not None for child in children)
        or [piece.tag for piece in pieces] != kinds
        or not all(isinstance(each, etree._Comment) for each in children[1::2])
    ):
        return None
    tables = []
    first = 0
    for each in cut:
        rows = [[first + number for number in row] for row in each.rows]
        cells = {
            first + number: column
            for (column, _), number in each.pieces.items()
            if column != _ROW_START_KEY
        }
        tables.append(DetachedTable(pieces, rows, cells))
        first += len(each.pieces)
    starts = {number for number, column in enumerate(columns) if column == _ROW_START_KEY}
    return DetachedRows(token, parsed, starts, tables)
