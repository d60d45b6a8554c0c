"""Text out of drafts from the other side: PDF pages (pypdf), .docx or plain-text paragraphs."""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from termgen.errors import Location, UnreadableDraftError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from docx.table import _Cell

MIN_CHARACTERS_PER_PAGE = 40
"""Below this, on average, a PDF has no real text layer: it is a scan."""


@dataclass(frozen=True)
class Block:
    """A piece of the draft's text and where it sits: a PDF page or a Word paragraph."""

    text: str
    page: int | None = None
    paragraph: int | None = None


@dataclass(frozen=True)
class Extracted:
    file: Path
    kind: Literal["pdf", "docx", "txt"]
    blocks: tuple[Block, ...]


def extract(path: Path) -> Extracted:
    """The text of a .pdf or .docx draft, block by block, in reading order."""
    path = Path(path)
    if not path.is_file():
        raise _unreadable(path, "no such file; check the name and folder")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return Extracted(path, "pdf", tuple(_pdf_pages(path)))
    if suffix == ".docx":
        return Extracted(path, "docx", tuple(_docx_paragraphs(path)))
    if suffix == ".txt":
        return Extracted(path, "txt", tuple(_text_paragraphs(path)))
    raise _unreadable(
        path, "termgen reads drafts as .pdf, .docx or .txt; save the draft in one of these"
    )


def _unreadable(path: Path, message: str) -> UnreadableDraftError:
    return UnreadableDraftError(message, location=Location(path))


def _pdf_pages(path: Path) -> list[Block]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _unreadable(
                path,
                "the PDF is encrypted with a password; ask the sender for an unprotected copy or "
                "save one without protection",
            )
        pages = [
            Block(page.extract_text() or "", page=number)
            for number, page in enumerate(reader.pages, start=1)
        ]
    except UnreadableDraftError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError):
        raise _unreadable(
            path, "the file is damaged or not a PDF; ask for a new copy or export it again"
        ) from None
    if not pages:
        raise _unreadable(path, "the PDF has no pages")
    characters = sum(len(block.text.strip()) for block in pages)
    if characters < MIN_CHARACTERS_PER_PAGE * len(pages):
        raise _unreadable(
            path,
            "the PDF has no text layer (a scan?); it needs OCR first, e.g. 'ocrmypdf in.pdf "
            "out.pdf', then check the result",
        )
    return pages


def _docx_paragraphs(path: Path) -> list[Block]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise _unreadable(
            path, "the file is damaged or not a Word document; ask for a new copy or save it again"
        ) from None
    texts: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            texts.append(item.text)
        elif isinstance(item, Table):
            texts += [cell.text for row in item.rows for cell in _unique_cells(row.cells)]
    blocks = [
        Block(text, paragraph=number)
        for number, text in enumerate((t for t in texts if t.strip()), start=1)
    ]
    if not blocks:
        raise _unreadable(path, "the Word document holds no text")
    return blocks


def _text_paragraphs(path: Path) -> list[Block]:
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise _unreadable(path, "this is not a text file (it holds binary data)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
    if not paragraphs:
        raise _unreadable(path, "the file holds no text")
    return [Block(part, paragraph=number) for number, part in enumerate(paragraphs, start=1)]


def _unique_cells(cells: list[_Cell]) -> list[_Cell]:
    """Merged cells repeat in python-docx; keep each once."""
    seen: list[_Cell] = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen
