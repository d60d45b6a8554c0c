"""A draft read in a process of its own, begun as soon as the command line asks for it.

`termgen check DRAFT` starts the reading before it imports what checking needs and takes the
provisions and cues from the cache: the reading process imports PDFium and reads the pages
on one core while this one does all that on the other. So this module imports nothing but
`termgen.forked` before the process is forked; each process imports the rest it needs.
"""

from __future__ import annotations

from functools import partial

from termgen.forked import standing_by, started

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from termgen.forked import Running
    from termgen.their_drafts.extract import Extracted
    from termgen.their_drafts.pdf import Progress


def extract_soon(
    path: Path, *, password: str | None = None, progress: Progress | None = None
) -> Running[Extracted]:
    """`extract` begun now in a process of its own (with `halves`), while this one goes on to
    import and load what comes next. The reading process writes the progress line. (In a
    thread, the reading would take turns at Python's lock with this one after every call
    into PDFium, several a page.)

    A PDF's process imports PDFium while this one reads the file and refuses compression
    bombs, then takes the bytes this one sends it. A Word or text draft's process reads it
    itself. Errors come with the result, as from `extract`.
    """
    if path.suffix.lower() != ".pdf":
        return _Stopped(path, started(partial(_extracted, path, password, progress)))
    reader = standing_by(_import_pdf_reader, partial(_pdf_pages, path, password, progress))
    return _Stopped(path, _Extracting(path, reader.give(partial(_checked_pdf, path))))


def _extracted(path: Path, password: str | None, progress: Progress | None) -> Extracted:
    from termgen.their_drafts.extract import extract

    return extract(path, password=password, progress=progress, halves=True)


def _import_pdf_reader() -> None:
    """PDFium loaded and set up while the file is read and checked."""
    from termgen.their_drafts.pdf import pdfium_library

    pdfium_library()


def _checked_pdf(path: Path) -> bytes:
    from termgen.their_drafts.limits import read_draft
    from termgen.their_drafts.pdf import refuse_bombs

    data = read_draft(path, "pdf")
    refuse_bombs(path, data, halves=True)
    return data


def _pdf_pages(
    path: Path, password: str | None, progress: Progress | None, data: bytes
) -> list[str]:
    from termgen.their_drafts.pdf import unpacked_pages

    return unpacked_pages(path, data, password, progress, halves=True)


class _Extracting:
    """The pages another process reads, as `extract` gives them once they are there."""

    def __init__(self, path: Path, pages: Running[list[str]]) -> None:
        self._path = path
        self._pages = pages

    def done(self) -> bool:
        return self._pages.done()

    def result(self, timeout: float | None = None) -> Extracted:
        from termgen.their_drafts.extract import pdf_extracted

        return pdf_extracted(self._path, self._pages.result(timeout))


class _Stopped:
    """The draft read elsewhere, or why not: a reading process stopped by the system (out of
    memory, a reader crashed by the file) makes the draft unreadable, with its name."""

    def __init__(self, path: Path, reading: Running[Extracted]) -> None:
        self._path = path
        self._reading = reading

    def done(self) -> bool:
        return self._reading.done()

    def result(self, timeout: float | None = None) -> Extracted:
        try:
            return self._reading.result(timeout)
        except Exception as stopped:
            # Imported only now: a warm `check` may have no other use for the errors module.
            from termgen.errors import ProcessStoppedError
            from termgen.their_drafts.limits import STOPPED_READER, unreadable

            if not isinstance(stopped, ProcessStoppedError):
                raise
            raise unreadable(
                self._path,
                f"reading it stopped the reading process ({stopped.signal_name}), {STOPPED_READER}",
            ) from None
