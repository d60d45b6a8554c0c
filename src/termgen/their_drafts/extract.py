"""Text out of drafts from the other side: PDF pages, .docx or plain-text paragraphs."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from termgen.errors import UnreadableDraftError
from termgen.their_drafts.limits import (
    MOST_CHARACTERS,
    MOST_PARAGRAPHS,
    read_draft,
    too_large,
    unreadable,
)
from termgen.their_drafts.pdf import Progress

__all__ = ["Block", "Extracted", "UnreadableDraftError", "extract"]

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\f")


@dataclass(frozen=True)
class Block:
    """A piece of the draft's text and where it sits: a PDF page or a Word paragraph."""

    text: str
    page: int | None = None
    paragraph: int | None = None
    heading: bool = False
    """A Word paragraph in a heading style: a title, however it reads."""
    clause: str = ""
    """The number of the Word clause the paragraph is in ("11.14"), "" where none is known."""


@dataclass(frozen=True)
class Extracted:
    file: Path
    kind: Literal["pdf", "docx", "txt"]
    blocks: tuple[Block, ...]


def extract(
    path: Path,
    *,
    password: str | None = None,
    progress: Progress | None = None,
    halves: bool = False,
) -> Extracted:
    """The text of a .pdf, .docx or .txt draft, block by block, in reading order; with
    `halves`, a long PDF is read by two processes, a half each (see `pdf_pages`)."""
    return _bounded(_extract(Path(path), password, progress, halves))


def pdf_extracted(path: Path, pages: Sequence[str]) -> Extracted:
    """The pages of a PDF read by `pdf_pages` (in another process, say), as `extract` gives
    them."""
    return _bounded(_pdf(path, pages))


def _bounded(extracted: Extracted) -> Extracted:
    if sum(len(block.text) for block in extracted.blocks) > MOST_CHARACTERS:
        raise too_large(extracted.file, "draft's text", MOST_CHARACTERS, "characters")
    return extracted


def _pdf(path: Path, pages: Sequence[str]) -> Extracted:
    return Extracted(
        path, "pdf", tuple(Block(text, page=number) for number, text in enumerate(pages, 1))
    )


def _extract(
    path: Path, password: str | None, progress: Progress | None, halves: bool
) -> Extracted:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from termgen.their_drafts.pdf import pdf_pages

        return _pdf(
            path, pdf_pages(path, read_draft(path, "pdf"), password, progress, halves=halves)
        )
    if suffix == ".docx":
        from termgen.their_drafts.word import docx_paragraphs

        paragraphs = docx_paragraphs(path, read_draft(path, "docx"))
        if not any(paragraph.text.strip() for paragraph in paragraphs):
            raise unreadable(
                path,
                "the Word document holds no text; check that it is the draft you meant, or ask "
                "for a copy with the contract's text in it",
            )
        return Extracted(
            path,
            "docx",
            tuple(
                Block(
                    paragraph.text,
                    paragraph=number,
                    heading=paragraph.heading,
                    clause=paragraph.clause,
                )
                for number, paragraph in enumerate(
                    (paragraph for paragraph in paragraphs if paragraph.text.strip()), start=1
                )
            ),
        )
    if suffix == ".txt":
        return Extracted(path, "txt", _text_paragraphs(path, read_draft(path, "txt")))
    raise unreadable(
        path, "termgen reads drafts as .pdf, .docx or .txt; save the draft in one of these"
    )


def _numbered(texts: Iterable[str]) -> tuple[Block, ...]:
    return tuple(Block(text, paragraph=number) for number, text in enumerate(texts, start=1))


def _text_paragraphs(path: Path, raw: bytes) -> tuple[Block, ...]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")  # Windows' "Unicode" text files
    elif b"\x00" in raw:
        raise unreadable(
            path,
            "this is not a text file (it holds binary data); save the draft as text, or check "
            "the PDF or Word file it came in",
        )
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
    paragraphs = [part for part in _PARAGRAPH_BREAK.split(text) if part.strip()]
    if not paragraphs:
        raise unreadable(
            path,
            "the file holds no text; check that it is the draft you meant, or save the "
            "draft's text into it again",
        )
    if len(paragraphs) > MOST_PARAGRAPHS:
        raise too_large(path, "text", MOST_PARAGRAPHS, "paragraphs")
    return _numbered(paragraphs)
