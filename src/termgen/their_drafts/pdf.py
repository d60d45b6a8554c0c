"""PDF pages as text, with PDFium (pypdfium2): fast, and it opens AES-encrypted files itself.

pypdf stays the second opinion: a file PDFium cannot open is tried with pypdf before it is
called damaged (pypdf repairs some broken cross-reference tables PDFium gives up on).
"""

from __future__ import annotations

import mmap
import re
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from termgen.files import MB
from termgen.forked import in_parallel
from termgen.their_drafts.limits import (
    LARGEST_UNPACKED,
    MOST_PAGES,
    too_large,
    unreadable,
)

MIN_CHARACTERS_PER_PAGE = 40
"""Below this, on average, a PDF has no real text layer: it is a scan."""
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 4 * MB
_FEED = 64 * 1024
DAMAGED = "the file is damaged or not a PDF; ask for a new copy or export it again"
ENCRYPTED = (
    "the PDF is encrypted with a password; ask the sender for an unprotected copy or save one "
    "without protection"
)
Progress = Callable[[int, int], None]


def pdf_pages(
    path: Path,
    data: bytes,
    password: str | None = None,
    progress: Progress | None = None,
    *,
    halves: bool = False,
) -> list[str]:
    """The text of every page, in order; a located error for what cannot be read.

    With `halves`, a long PDF's second half is read by a forked copy of this process (PDFium
    is not thread-safe; a copy has a document of its own) while this one reads the first.
    """
    refuse_bombs(path, data)
    return unpacked_pages(path, data, password, progress, halves=halves)


def unpacked_pages(
    path: Path,
    data: bytes,
    password: str | None = None,
    progress: Progress | None = None,
    *,
    halves: bool = False,
) -> list[str]:
    """`pdf_pages` of data that `refuse_bombs` has let through (here or in another process)."""
    import pypdfium2 as pdfium

    try:
        document = _open(pdfium, data, password)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == _PASSWORD_ERROR:
            raise _locked(path, password) from None
        return _with_text(path, _pypdf_pages(path, data))
    try:
        count = len(document)
        if count > MOST_PAGES:
            raise too_large(path, "PDF", MOST_PAGES, "pages")
        counter = _Counter()
        show = None if progress is None else partial(_shown, progress, counter, count)
        read = partial(_texts, path, document, counter, show)
        if halves and count >= HALVED_PAGES:
            # The second half first: `in_parallel` gives the first item to the child.
            second, first = in_parallel(read, [range(count // 2, count), range(count // 2)], None)
            pages = first + second
        else:
            pages = read(range(count))
        if progress is not None:
            progress(count, count)
    finally:
        document.close()
    return _with_text(path, pages)


HALVED_PAGES = 40
"""From this many pages, `halves` pays for the fork on two cores."""


def _texts(
    path: Path,
    document: Any,
    counter: _Counter,
    show: Callable[[], None] | None,
    numbers: range,
) -> list[str]:
    """The text of the pages `numbers`; the progress line is shown by the first half's
    reader, counting the pages both halves have read."""
    import pypdfium2 as pdfium

    slot = 0 if numbers.start == 0 else 1
    show = show if slot == 0 else None

    texts = []
    try:
        for index in numbers:
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
            counter.add(slot)
            if show is not None:
                show()
    except pdfium.PdfiumError:
        raise unreadable(path, DAMAGED) from None
    return texts


class _Counter:
    """Pages read so far, in memory shared with a forked reader of the other half: a slot
    each, so that neither overwrites the other's count."""

    def __init__(self) -> None:
        self._shared = mmap.mmap(-1, 16)

    def add(self, slot: int) -> None:
        where = slice(8 * slot, 8 * slot + 8)
        self._shared[where] = (int.from_bytes(self._shared[where], "little") + 1).to_bytes(
            8, "little"
        )

    @property
    def value(self) -> int:
        return sum(int.from_bytes(self._shared[at : at + 8], "little") for at in (0, 8))


def _shown(progress: Progress, counter: _Counter, count: int) -> None:
    progress(min(counter.value, count - 1), count)


def _with_text(path: Path, pages: list[str]) -> list[str]:
    """The pages, unless there are none or they hold too little text to be more than a scan."""
    if not pages:
        raise unreadable(path, "the PDF has no pages")
    if sum(len(text.strip()) for text in pages) < MIN_CHARACTERS_PER_PAGE * len(pages):
        raise unreadable(
            path,
            "the PDF has no text layer (a scan?); it needs OCR first, e.g. 'ocrmypdf in.pdf "
            "out.pdf', then check the result",
        )
    return pages


def _open(pdfium, data: bytes, password: str | None):  # type: ignore[no-untyped-def]
    if password:
        try:
            return pdfium.PdfDocument(data, password=password)
        except pdfium.PdfiumError as error:
            if getattr(error, "err_code", None) != _PASSWORD_ERROR:
                raise
    return pdfium.PdfDocument(data)


def _locked(path: Path, password: str | None) -> Exception:
    if password:
        return unreadable(
            path, "the password given with --password does not open this PDF; check it"
        )
    return unreadable(path, f"{ENCRYPTED}, or give the password with --password")


def _pypdf_pages(path: Path, data: bytes) -> list[str]:
    """The pages as pypdf reads them, for files PDFium will not open; or 'damaged'."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise unreadable(path, f"{ENCRYPTED}, or give the password with --password")
        if len(reader.pages) > MOST_PAGES:
            raise too_large(path, "PDF", MOST_PAGES, "pages")
        return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise unreadable(path, DAMAGED) from None


def refuse_bombs(path: Path, data: bytes) -> None:
    """Refuse a PDF whose compressed streams unpack to more than LARGEST_UNPACKED bytes.

    PDFium unpacks a page's content whole; a few kilobytes can unpack to gigabytes. Each
    stream is inflated here in chunks that are counted and dropped, so memory stays small.
    """
    unpacked = 0
    for match in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        pending = memoryview(data)[match.end() :]
        try:
            while pending and not inflater.eof:
                unpacked += len(inflater.decompress(pending[:_FEED], _CHUNK))
                while inflater.unconsumed_tail and unpacked <= LARGEST_UNPACKED:
                    unpacked += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
                if unpacked > LARGEST_UNPACKED:
                    raise too_large(path, "PDF's unpacked content", LARGEST_UNPACKED // MB, "MB")
                pending = pending[_FEED:]
        except zlib.error:
            continue
