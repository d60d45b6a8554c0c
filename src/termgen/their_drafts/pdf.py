"""PDF pages as text, with PDFium (pypdfium2): fast, and it opens AES-encrypted files itself.

PDFium's C functions are called through pypdfium2's raw bindings (`pypdfium2_raw`), as its
own helpers call them: importing those helpers, and what they import, took as long again as
the bindings (some 9 ms of the 22 a reader spends before it can open the file).

pypdf stays the second opinion: a file PDFium cannot open is tried with pypdf before it is
called damaged (pypdf repairs some broken cross-reference tables PDFium gives up on).
"""

from __future__ import annotations

import bisect
import mmap
import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from termgen.files import MB
from termgen.forked import alongside, can_fork, send
from termgen.their_drafts.limits import (
    LARGEST_UNPACKED,
    MOST_PAGE_OBJECTS,
    MOST_PAGES,
    reading_clock,
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

    With `halves`, a long PDF is read by this process from the first page on and by a forked
    copy (PDFium is not thread-safe; a copy has a document of its own) from the last page
    back, until they meet: a page's cost varies, and neither then waits for the other.
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
    return _with_text(path, _read(path, data, password, progress, halves=halves))


def _read(
    path: Path, data: bytes, password: str | None, progress: Progress | None, *, halves: bool
) -> list[str]:
    """The text of every page, by PDFium, else by pypdf."""
    pdfium = pdfium_library()
    try:
        document = _open(pdfium, data, password)
    except _NotOpened as refused:
        if refused.code == _PASSWORD_ERROR:
            raise _locked(path, password) from None
        return _pypdf_pages(path, data)
    try:
        count = pdfium.FPDF_GetPageCount(document)
        if count > MOST_PAGES:
            raise too_large(path, "PDF", MOST_PAGES, "pages")
        counter = _Counter()
        show = None if progress is None else partial(_shown, progress, counter, count)
        read = partial(_texts, path, document, counter)
        if halves and count >= HALVED_PAGES and can_fork():
            pages = _from_both_ends(read, count, show)
        else:
            pages = read(range(count), 0, show)
        if progress is not None:
            progress(count, count)
    finally:
        pdfium.FPDF_CloseDocument(document)
    return pages


@cache
def pdfium_library() -> Any:
    """PDFium's C functions, the library set up in this process once (as pypdfium2 sets it
    up on import; PDFium ignores a second set-up, should pypdfium2 be imported too)."""
    import pypdfium2_raw as pdfium

    config = pdfium.FPDF_LIBRARY_CONFIG(
        version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0
    )
    pdfium.FPDF_InitLibraryWithConfig(config)
    return pdfium


HALVED_PAGES = 40
"""From this many pages, `halves` pays for the fork on two cores."""
_Reader = Callable[[Iterable[int], int, Callable[[], None] | None], list[str]]


def _from_both_ends(read: _Reader, count: int, show: Callable[[], None] | None) -> list[str]:
    """The pages, read forwards here and backwards by a forked copy, until they meet.

    Each reader takes a token from a pipe holding one per page before it reads a page: the
    kernel hands each token to one reader, so together they read every page once, and no lock
    is held that a reader could die holding. The copy's error (too slow, too much to draw) is
    raised here; a copy that fails otherwise leaves a gap of the pages it had taken, read here
    after it has gone. The
    progress line is shown here, counting the pages both have read.
    """
    tokens, filling = os.pipe()
    try:
        # MOST_PAGES tokens fit in any pipe's buffer (a page of memory at the least). Closed
        # once full, the pipe reads as ended when its tokens are all taken.
        send(filling, bytes(count))
        forwards = partial(read, _claimed(tokens, range(count)), 0, show)
        backwards = partial(read, _claimed(tokens, range(count - 1, -1, -1)), 1, None)
        last, first = alongside(backwards, forwards, None)
    finally:
        os.close(tokens)
    gap = range(len(first), count - len(last))
    return first + (read(gap, 0, show) if gap else []) + last[::-1]


def _claimed(tokens: int, numbers: Iterable[int]) -> Iterator[int]:
    """The numbers in order, each once a token is taken from the pipe; none once it is empty."""
    for number in numbers:
        if not os.read(tokens, 1):
            return
        yield number


def _texts(
    path: Path,
    document: Any,
    counter: _Counter,
    numbers: Iterable[int],
    slot: int,
    show: Callable[[], None] | None,
) -> list[str]:
    """The text of the pages `numbers`, in that order, counted in the progress `slot`."""
    pdfium = pdfium_library()
    texts = []
    in_time, objects = reading_clock(path), 0
    for index in numbers:
        page = pdfium.FPDF_LoadPage(document, index)
        if not page:
            raise unreadable(path, DAMAGED)
        try:
            objects += pdfium.FPDFPage_CountObjects(page)
            if objects > MOST_PAGE_OBJECTS:
                raise too_large(path, "PDF's drawing", MOST_PAGE_OBJECTS, "objects on its pages")
            textpage = pdfium.FPDFText_LoadPage(page)
            if not textpage:
                raise unreadable(path, DAMAGED)
            try:
                texts.append(_page_text(path, pdfium, page, textpage))
            finally:
                pdfium.FPDFText_ClosePage(textpage)
        finally:
            pdfium.FPDF_ClosePage(page)
        counter.add(slot)
        if show is not None:
            show()
        in_time()
    return texts


def _page_text(path: Path, pdfium: Any, page: Any, textpage: Any) -> str:
    """The text within the page's box, as pypdfium2's `get_text_bounded()` gives it, with
    PDFium asked for it once: pypdfium2 asks twice, for its length and then for the text, and
    PDFium finds it anew each time (a tenth of the reading).

    The buffer holds any page's text (each character gives at most two UTF-16 units, and a line
    break before it two more) and the NUL that PDFium writes after it where there is room (the
    text itself holds none). Where the text holds characters outside the Basic Multilingual
    Plane (or unpaired surrogates), pypdfium2 cuts it at the length PDFium counts in code
    points, so such a page, rare, is read pypdfium2's way; so is one that fills the buffer.
    """
    import ctypes  # here: the process that only checks the file for bombs has no use for it

    box = pdfium.FS_RECTF()
    if not pdfium.FPDF_GetPageBoundingBox(page, box):
        raise unreadable(path, DAMAGED)
    bounds = (textpage, box.left, box.top, box.right, box.bottom)
    room = 4 * pdfium.FPDFText_CountChars(textpage) + 2
    buffer = (ctypes.c_ushort * room)()
    size = pdfium.FPDFText_GetBoundedText(*bounds, buffer, room)
    if 0 <= size < room:
        units = size - 1 if size and buffer[size - 1] == 0 else size
        text = bytes(buffer)[: 2 * units].decode("utf-16-le", errors="ignore")
        if len(text) == units:
            return text
    counted = pdfium.FPDFText_GetBoundedText(*bounds, None, 0)
    if counted <= 0:
        return ""
    exact = (ctypes.c_ushort * counted)()
    pdfium.FPDFText_GetBoundedText(*bounds, exact, counted)
    return bytes(exact).decode("utf-16-le", errors="ignore")


class _Counter:
    """Pages read so far, in memory shared with a forked reader from the other end: a slot
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
        raise unreadable(path, "the PDF has no pages; ask for a new copy or export it again")
    if sum(len(text.strip()) for text in pages) < MIN_CHARACTERS_PER_PAGE * len(pages):
        raise unreadable(
            path,
            "the PDF has no text layer (a scan?); it needs OCR first, e.g. 'ocrmypdf in.pdf "
            "out.pdf', then check the result",
        )
    return pages


class _NotOpened(Exception):
    """PDFium did not open the document; `code` is its FPDF_ERR_* code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _open(pdfium: Any, data: bytes, password: str | None) -> Any:
    """The document, opened with the password where one is given and it is the right one."""
    if password:
        try:
            return _loaded(pdfium, data, (password + "\x00").encode())
        except _NotOpened as refused:
            if refused.code != _PASSWORD_ERROR:
                raise
    return _loaded(pdfium, data, None)


def _loaded(pdfium: Any, data: bytes, password: bytes | None) -> Any:
    """PDFium's document of `data`, which must outlive it; as pypdfium2 does, one without a
    page counts as not opened."""
    document = pdfium.FPDF_LoadMemDocument64(data, len(data), password)
    if pdfium.FPDF_GetPageCount(document) < 1:
        code = pdfium.FPDF_GetLastError()
        if document:
            pdfium.FPDF_CloseDocument(document)
        raise _NotOpened(code)
    return document


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
        in_time, texts = reading_clock(path), []
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            in_time()
        return texts
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise unreadable(path, DAMAGED) from None


def refuse_bombs(path: Path, data: bytes, *, halves: bool = False) -> None:
    """Refuse a PDF whose compressed streams unpack to more than LARGEST_UNPACKED bytes.

    PDFium unpacks a page's content whole; a few kilobytes can unpack to gigabytes. Each
    stream is inflated here in chunks that are counted and dropped, so memory stays small.
    With `halves`, a file of HALVED_BYTES or more has the streams of its second half inflated
    by a forked copy meanwhile (it is the longest step before PDFium may read the file).
    """
    starts = [match.end() for match in _STREAM.finditer(data)]
    if halves and len(data) >= HALVED_BYTES and can_fork():
        middle = bisect.bisect_left(starts, len(data) // 2)
        theirs, mine = alongside(
            partial(_unpacked, data, starts[middle:]),
            partial(_unpacked, data, starts[:middle]),
            None,
        )
        unpacked = theirs + mine
    else:
        unpacked = _unpacked(data, starts)
    if unpacked > LARGEST_UNPACKED:
        raise too_large(path, "PDF's unpacked content", LARGEST_UNPACKED // MB, "MB")


HALVED_BYTES = 768 * 1024
"""From this size, the file takes longer to inflate than PDFium takes to import, which the
reader does meanwhile: only then does `halves` pay for its fork."""


def _unpacked(data: bytes, starts: Iterable[int]) -> int:
    """The bytes that the streams beginning at `starts` unpack to, counted until they are
    more than LARGEST_UNPACKED."""
    unpacked = 0
    for start in starts:
        inflater = zlib.decompressobj()
        pending = memoryview(data)[start:]
        try:
            while pending and not inflater.eof:
                unpacked += len(inflater.decompress(pending[:_FEED], _CHUNK))
                while inflater.unconsumed_tail and unpacked <= LARGEST_UNPACKED:
                    unpacked += len(inflater.decompress(inflater.unconsumed_tail, _CHUNK))
                if unpacked > LARGEST_UNPACKED:
                    return unpacked
                pending = pending[_FEED:]
        except zlib.error:
            continue
    return unpacked
