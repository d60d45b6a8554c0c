"""Word tracked changes between two renderings of the same template: the new one, redlined.

Both versions come from the same templates and clause library, so their bodies line up
paragraph by paragraph and table row by row: unchanged blocks stay as they are, a changed
paragraph or table cell is diffed word by word (each word keeping its own formatting), and a
block only one version has is marked inserted or deleted as a whole. Word and LibreOffice
then let each change be accepted or rejected on its own.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from difflib import SequenceMatcher

from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from termgen.render.word import stable_docx

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_FIRST_ID = 10_000
"""Revision ids must not clash with comment and bookmark ids, which count from 0."""
_TEXT_PARTS = (qn("w:t"), qn("w:tab"), qn("w:br"))
_MARKERS = (
    qn("w:commentRangeStart"),
    qn("w:commentRangeEnd"),
    qn("w:bookmarkStart"),
    qn("w:bookmarkEnd"),
)

Char = tuple[str, int]
"""One character and the index of the run properties it was written with."""


def redline(old_docx: bytes, new_docx: bytes, *, author: str, when: dt.datetime) -> bytes:
    """`new_docx` with its body's differences from `old_docx` as tracked changes."""
    old_body = Document(io.BytesIO(old_docx)).element.body
    document = Document(io.BytesIO(new_docx))
    _Marker(author, when).body(old_body, document.element.body)
    return stable_docx(document)


def _blocks(body: etree._Element) -> list[etree._Element]:
    """The body's paragraphs and tables, in order (the section properties left out)."""
    return [child for child in body if child.tag in (qn("w:p"), qn("w:tbl"))]


def _text(element: etree._Element) -> str:
    parts = []
    for node in element.iter(*_TEXT_PARTS, qn("w:delText")):
        written = node.tag in (qn("w:t"), qn("w:delText"))
        parts.append((node.text or "") if written else "\t")
    return "".join(parts)


def _key(block: etree._Element) -> str:
    if block.tag == qn("w:tbl"):
        rows = block.findall(qn("w:tr"))
        return "table:" + (_text(rows[0]) if rows else "")
    return "paragraph:" + _text(block)


class _Marker:
    def __init__(self, author: str, when: dt.datetime) -> None:
        self.author = author
        self.date = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.next_id = _FIRST_ID

    def revision(self, tag: str) -> etree._Element:
        element = etree.Element(qn(tag))
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    def body(self, old_body: etree._Element, new_body: etree._Element) -> None:
        old, new = _blocks(old_body), _blocks(new_body)
        self.aligned(old, new, new_body, self.block_pair)

    def aligned(
        self,
        old: list[etree._Element],
        new: list[etree._Element],
        parent: etree._Element,
        pair: Callable[[etree._Element, etree._Element], None],
    ) -> None:
        """Walk two lists of blocks or rows; deleted copies go where they stood."""
        matcher = SequenceMatcher(None, [_key(b) for b in old], [_key(b) for b in new], False)
        anchor_after: etree._Element | None = None
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                # Equal keys mean equal text, except that a table's key is its header row.
                for old_block, new_block in zip(old[i1:i2], new[j1:j2], strict=True):
                    if new_block.tag == qn("w:tbl"):
                        pair(old_block, new_block)
                anchor_after = new[j2 - 1] if j2 > j1 else anchor_after
                continue
            paired = 0
            if tag == "replace":
                for old_block, new_block in zip(old[i1:i2], new[j1:j2], strict=False):
                    if old_block.tag != new_block.tag:
                        break
                    pair(old_block, new_block)
                    paired += 1
            for new_block in new[j1 + paired : j2]:
                self.inserted(new_block)
            before = new[j2] if j2 < len(new) else None
            for old_block in old[i1 + paired : i2]:
                copy_ = self.deleted(old_block)
                if before is not None:
                    before.addprevious(copy_)
                elif anchor_after is not None:
                    anchor_after.addnext(copy_)
                    anchor_after = copy_
                else:
                    parent.insert(0, copy_)
            if j2 > j1:
                anchor_after = new[j2 - 1]

    def block_pair(self, old: etree._Element, new: etree._Element) -> None:
        if new.tag == qn("w:tbl"):
            old_rows, new_rows = old.findall(qn("w:tr")), new.findall(qn("w:tr"))
            self.aligned(old_rows, new_rows, new, self.row_pair)
        else:
            self.paragraph_pair(old, new)

    def row_pair(self, old: etree._Element, new: etree._Element) -> None:
        old_cells, new_cells = old.findall(qn("w:tc")), new.findall(qn("w:tc"))
        for old_cell, new_cell in zip(old_cells, new_cells, strict=False):
            old_paragraphs = old_cell.findall(qn("w:p"))
            new_paragraphs = new_cell.findall(qn("w:p"))
            for old_p, new_p in zip(old_paragraphs, new_paragraphs, strict=False):
                if _text(old_p) != _text(new_p):
                    self.paragraph_pair(old_p, new_p)

    def inserted(self, block: etree._Element) -> None:
        """Mark a paragraph, row or table that only the new version has."""
        for paragraph in _paragraphs(block):
            self.wrap_runs(paragraph, "w:ins")
            self.mark_paragraph(paragraph, "w:ins")
        for row in _rows(block):
            _row_properties(row).append(self.revision("w:ins"))

    def deleted(self, block: etree._Element) -> etree._Element:
        """A copy of a block only the old version has, marked deleted."""
        copy_ = copy.deepcopy(block)
        for marker in list(copy_.iter(*_MARKERS)):
            _remove(marker)
        for reference in list(copy_.iter(qn("w:commentReference"))):
            run = reference.getparent()
            if run is not None:
                _remove(run)
        for paragraph in _paragraphs(copy_):
            self.wrap_runs(paragraph, "w:del")
            self.mark_paragraph(paragraph, "w:del")
        for row in _rows(copy_):
            _row_properties(row).append(self.revision("w:del"))
        return copy_

    def wrap_runs(self, paragraph: etree._Element, tag: str) -> None:
        for run in _text_runs(paragraph):
            if tag == "w:del":
                for text in run.findall(qn("w:t")):
                    text.tag = qn("w:delText")
            wrapper = self.revision(tag)
            run.addprevious(wrapper)
            wrapper.append(run)

    def mark_paragraph(self, paragraph: etree._Element, tag: str) -> None:
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = etree.Element(qn("w:pPr"))
            paragraph.insert(0, properties)
        mark = properties.find(qn("w:rPr"))
        if mark is None:
            mark = etree.SubElement(properties, qn("w:rPr"))
        mark.insert(0, self.revision(tag))

    def paragraph_pair(self, old: etree._Element, new: etree._Element) -> None:
        """Rewrite the new paragraph's runs as a word-by-word diff against the old one."""
        old_runs, new_runs = _text_runs(old), _text_runs(new)
        if not new_runs and not old_runs:
            return
        old_chars, old_styles = _characters(old_runs)
        new_chars, new_styles = _characters(new_runs)
        old_tokens, new_tokens = _tokens(old_chars), _tokens(new_chars)
        matcher = SequenceMatcher(
            None, [t for t, _ in old_tokens], [t for t, _ in new_tokens], False
        )
        pieces: list[tuple[str | None, list[Char], list[etree._Element]]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            old_span = _span(old_tokens, i1, i2, old_chars)
            new_span = _span(new_tokens, j1, j2, new_chars)
            if tag == "equal":
                pieces.append((None, new_span, new_styles))
                continue
            if old_span:
                pieces.append(("w:del", old_span, old_styles))
            if new_span:
                pieces.append(("w:ins", new_span, new_styles))
        position = list(new).index(new_runs[0]) if new_runs else len(new)
        for run in new_runs:
            new.remove(run)
        for offset, element in enumerate(self.rebuilt(pieces)):
            new.insert(position + offset, element)

    def rebuilt(
        self, pieces: list[tuple[str | None, list[Char], list[etree._Element]]]
    ) -> Iterator[etree._Element]:
        for status, chars, styles in pieces:
            wrapper = self.revision(status) if status else None
            for style, text in _grouped(chars):
                run = _run(styles[style], text, deleted=status == "w:del")
                if wrapper is None:
                    yield run
                else:
                    wrapper.append(run)
            if wrapper is not None:
                yield wrapper


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _paragraphs(block: etree._Element) -> list[etree._Element]:
    return [block] if block.tag == qn("w:p") else list(block.iter(qn("w:p")))


def _rows(block: etree._Element) -> list[etree._Element]:
    return [block] if block.tag == qn("w:tr") else list(block.iter(qn("w:tr")))


def _row_properties(row: etree._Element) -> etree._Element:
    properties = row.find(qn("w:trPr"))
    if properties is None:
        properties = etree.Element(qn("w:trPr"))
        cell_start = row.find(qn("w:tc"))
        row.insert(list(row).index(cell_start) if cell_start is not None else 0, properties)
    return properties


def _text_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The paragraph's own runs that carry text (comment references and the like stay)."""
    return [
        run
        for run in paragraph.findall(qn("w:r"))
        if any(child.tag in _TEXT_PARTS for child in run)
    ]


def _characters(runs: list[etree._Element]) -> tuple[list[Char], list[etree._Element]]:
    chars: list[Char] = []
    styles: list[etree._Element] = []
    for run in runs:
        style = run.find(qn("w:rPr"))
        styles.append(style if style is not None else etree.Element(qn("w:rPr")))
        for child in run:
            if child.tag == qn("w:t"):
                chars += [(char, len(styles) - 1) for char in child.text or ""]
            elif child.tag == qn("w:tab"):
                chars.append(("\t", len(styles) - 1))
            elif child.tag == qn("w:br"):
                chars.append(("\n", len(styles) - 1))
    return chars, styles


def _tokens(chars: list[Char]) -> list[tuple[str, int]]:
    """Words, spaces and punctuation, each with the index of its first character."""
    text = "".join(char for char, _ in chars)
    return [(match.group(), match.start()) for match in _TOKEN.finditer(text)]


def _span(tokens: list[tuple[str, int]], start: int, end: int, chars: list[Char]) -> list[Char]:
    if start == end:
        return []
    first = tokens[start][1]
    last = tokens[end - 1][1] + len(tokens[end - 1][0])
    return chars[first:last]


def _grouped(chars: list[Char]) -> Iterator[tuple[int, str]]:
    """Consecutive characters written with the same run properties."""
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or chars[index][1] != chars[start][1]:
            yield chars[start][1], "".join(char for char, _ in chars[start:index])
            start = index


def _run(style: etree._Element, text: str, *, deleted: bool) -> etree._Element:
    run = etree.Element(qn("w:r"))
    if len(style) or style.attrib:
        run.append(copy.deepcopy(style))
    for index, part in enumerate(re.split(r"([\t\n])", text)):
        if index % 2:
            etree.SubElement(run, qn("w:tab" if part == "\t" else "w:br"))
        elif part:
            node = etree.SubElement(run, qn("w:delText" if deleted else "w:t"))
            node.text = part
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run
