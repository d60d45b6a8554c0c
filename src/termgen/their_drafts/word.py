"""Paragraphs and table rows of a Word draft, after checks that keep a hostile package small."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

from termgen.files import MB
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
_PROLOGUE = 4096
"""A document type declaration must come before the root element, within the first bytes."""


def docx_paragraphs(path: Path, data: bytes) -> list[str]:
    """The text of every paragraph, and of every table row as 'cell: cell', in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    _refuse_bombs(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        texts: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                texts.append(item.text)
            elif isinstance(item, Table):
                texts += [_row_text(row) for row in item.rows]
            if len(texts) > MOST_PARAGRAPHS:
                raise too_large(path, "Word document", MOST_PARAGRAPHS, "paragraphs")
    except (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError):
        raise unreadable(path, DAMAGED) from None
    return texts


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
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with package.open(part) as stream:
                        if b"<!DOCTYPE" in stream.read(_PROLOGUE).upper():
                            raise unreadable(
                                path,
                                f"{DAMAGED} (its XML declares a document type, which Word "
                                "never writes)",
                            )
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
