"""Paragraphs and table rows of a Word draft, after checks that keep a hostile package small."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any, NamedTuple

from termgen.files import MB
from termgen.files.read import WORD_TAGS, tags_in, xml_over_limit
from termgen.their_drafts.limits import (
    LARGEST_UNPACKED,
    MOST_PARAGRAPHS,
    MOST_PARTS,
    too_large,
    unreadable,
)

DAMAGED = "the file is damaged or not a Word document; ask for a new copy or save it again"
PROTECTED = (
    "the Word document is protected with a password; ask the sender for an unprotected copy, "
    "or open it in Word and save it without protection"
)
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an Office compound file starts: what Word saves a .docx with a password as (and a .doc)."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY_LEVEL = 9
"""The outline level of body text; 0 to 8 are Heading 1 to 9."""
_STYLE_DEPTH = 20
"""How far up `basedOn` a style's outline level is looked for; a loop stops there."""
_PROLOGUE = 4096
"""A document type declaration must come before the root element, within the first bytes."""


class WordParagraph(NamedTuple):
    text: str
    heading: bool = False
    """In a style Word puts in the outline (Heading 1 to 9, or one based on them): a title,
    however it is worded ("Exit triggers, notice and cure")."""


def docx_paragraphs(path: Path, data: bytes) -> list[WordParagraph]:
    """The text of every paragraph, and of every table row as 'cell: cell', in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    _refuse_bombs(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        outlined = _outline_styles(document.styles.element)
        texts: list[WordParagraph] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                texts.append(WordParagraph(item.text, _in_outline(item._p, outlined)))
            elif isinstance(item, Table):
                texts += [WordParagraph(_row_text(row)) for row in item.rows]
            if len(texts) > MOST_PARAGRAPHS:
                raise too_large(path, "Word document", MOST_PARAGRAPHS, "paragraphs")
    except LxmlError as broken:
        over = xml_over_limit(broken)
        if over is None:
            raise unreadable(path, DAMAGED) from None
        # Not damaged as such: more than a draft holds.
        raise unreadable(
            path,
            f"termgen does not read this Word document: its XML {over}; split the draft, or "
            "ask for a new copy saved in Word",
        ) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise unreadable(path, DAMAGED) from None
    return texts


def _outline_level(element: Any) -> int | None:
    """The outline level an element's paragraph properties set (0 to 8; 9 is body text)."""
    level = element.find(f"{_W}pPr/{_W}outlineLvl")
    value = level.get(f"{_W}val") if level is not None else None
    return int(value) if value is not None and value.isdigit() else None


def _outline_styles(styles: Any) -> frozenset[str]:
    """The ids of the paragraph styles whose paragraphs are in the outline, their own level
    or one inherited through `basedOn` (a chain of at most _STYLE_DEPTH, as Word's)."""
    levels: dict[str, int | None] = {}
    parents: dict[str, str] = {}
    for style in styles.iterfind(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph" or (name := style.get(f"{_W}styleId")) is None:
            continue
        levels[name] = _outline_level(style)
        based = style.find(f"{_W}basedOn")
        if based is not None and (parent := based.get(f"{_W}val")) is not None:
            parents[name] = parent
    outlined = set()
    for name in levels:
        current: str | None = name
        for _ in range(_STYLE_DEPTH):
            level = levels.get(current) if current is not None else None
            if level is not None or current not in parents:
                break
            current = parents[current]
        if level is not None and level < _BODY_LEVEL:
            outlined.add(name)
    return frozenset(outlined)


def _in_outline(paragraph: Any, outlined: frozenset[str]) -> bool:
    """Whether a paragraph is in the outline: its own level, else its style's."""
    level = _outline_level(paragraph)
    if level is not None:
        return level < _BODY_LEVEL
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and style.get(f"{_W}val") in outlined


def _row_text(row: Any) -> str:
    """A table row as one line: a two-cell row reads 'Initial term: 3 years', like a form."""
    cells = [cell.text.strip() for cell in _unique_cells(row.cells)]
    cells = [text for text in cells if text]
    return ": ".join(cells) if len(cells) == 2 else " | ".join(cells)


def _unique_cells(cells: list[Any]) -> list[Any]:
    """Merged cells repeat in python-docx; keep each once."""
    seen: list[Any] = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen


def _refuse_bombs(path: Path, data: bytes) -> None:
    """Too many parts, too much unpacked, encrypted parts or XML entity declarations: refuse
    before parsing."""
    if data.startswith(_COMPOUND_FILE):
        raise unreadable(path, f"{PROTECTED} (or, for an old .doc file, save it as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if any(part.flag_bits & 0x1 for part in parts):
                raise unreadable(path, PROTECTED)
            if len(parts) > MOST_PARTS:
                raise too_large(path, "Word package", MOST_PARTS, "parts")
            if sum(part.file_size for part in parts) > LARGEST_UNPACKED:
                raise too_large(
                    path, "Word document's unpacked content", LARGEST_UNPACKED // MB, "MB"
                )
            tags = 0
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with package.open(part) as stream:
                        prologue = stream.read(_PROLOGUE)
                        if b"<!DOCTYPE" in prologue.upper():
                            raise unreadable(
                                path,
                                f"{DAMAGED} (its XML declares a document type, which Word "
                                "never writes)",
                            )
                        tags += prologue.count(b"<") + tags_in(stream)
                    if tags > WORD_TAGS:
                        raise too_large(path, "Word document's XML", WORD_TAGS, "tags")
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
    ):
        raise unreadable(path, DAMAGED) from None
