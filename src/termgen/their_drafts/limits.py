"""The bounds within which termgen reads a draft from the other side, and the bounded read.

A draft comes from outside: it may be huge, a device, a pipe, a compression bomb or a file
the user may not read. Every draft's bytes come in through `read_draft`, that is through
`files.read.read_bytes`, which refuses what is not a regular file and never reads more than
the limit for its kind plus one byte, whatever size the file system reports; the bounds below
apply to what the draft unpacks to once read.
"""

from __future__ import annotations

from functools import cache

from termgen.files import MB

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from termgen.errors import UnreadableDraftError
    from termgen.files.read import Kind

LARGEST_FILE = {"pdf": 200 * MB, "docx": 50 * MB, "txt": 10 * MB}
"""Bytes on disk. 10 MB of plain text is some 5,000 pages; a 200 MB PDF is mostly images."""
MOST_PAGES = 3000
"""PDF pages; the longest agreements run to a few hundred."""
MOST_PARAGRAPHS = 100_000
"""Paragraphs of a Word or text draft."""
MOST_CHARACTERS = 3_000_000
"""Text of any draft, once extracted: some 1,000 pages, five times the longest agreements
seen; it bounds the time a check takes (a few seconds per million characters)."""
LARGEST_UNPACKED = 256 * MB
"""Bytes after decompression: every Flate stream of a PDF, every part of a .docx together."""
MOST_PARTS = 5000
"""Files inside a .docx package (a long agreement has a few dozen)."""
MOST_PAGE_OBJECTS = 2_000_000
"""Text runs, strokes and images on a PDF's pages together, each page counted as often as it
is shown: the 121 agreements of the CUAD sample have at most 112 a page; 200,000 strokes on a
page, shown 3,000 times by a 20 KB file, would take PDFium minutes to parse."""
READING_SECONDS = 15.0
"""Processor time one process may spend reading a PDF's pages, whatever makes them slow:
2,380 pages of 120 real agreements took 3.6 s on two cores."""


def reading_clock(path: Path) -> Callable[[], None]:
    """A check to call after each page read: it refuses the draft once this process has
    spent READING_SECONDS of processor time reading since the clock was made."""
    import time

    deadline = time.thread_time() + READING_SECONDS

    def check() -> None:
        if time.thread_time() > deadline:
            raise unreadable(
                path,
                f"the PDF takes more than {READING_SECONDS:g} s of processor time to read (its "
                "pages hold far more to draw than text); split the draft or check the part that "
                "matters",
            )

    return check


STOPPED_READER = (
    "most likely for lack of memory or a file built to crash readers; free some memory and "
    "check it again, or check a copy saved anew (in a PDF viewer, print it to a new PDF)"
)
"""Why a process reading a draft was stopped by the system (a signal), and what to try."""


def unreadable(path: Path, message: str) -> UnreadableDraftError:
    from termgen.errors import Location, UnreadableDraftError

    return UnreadableDraftError(message, location=Location(path))


def too_large(path: Path, what: str, limit: int, unit: str) -> UnreadableDraftError:
    return unreadable(
        path,
        f"the {what} is larger than termgen reads ({limit:,} {unit}); split the draft or check "
        "the part that matters",
    )


def read_draft(path: Path, kind: str) -> bytes:
    """The bytes of a regular file of at most LARGEST_FILE[kind] bytes, or a clear error; a
    draft saved under another kind's name (a PDF called .txt) is refused with the name to give
    it, where reading it as named would call it damaged or no contract."""
    from termgen.files.read import read_bytes

    data = read_bytes(path, _kinds()[kind])
    if not data:
        raise unreadable(
            path,
            "the file is empty (0 bytes); check that it is the draft you meant, or ask for a new "
            "copy",
        )
    actual = _kind_of(data)
    if actual not in (None, kind):
        named = f"not {_kinds()[kind].a} as its name says"
        raise unreadable(
            path,
            f"this is a zip archive, as a Word document is, {named}; if it is a Word "
            "document, rename it to .docx and check it again"
            if actual == "docx"
            else f"this is {_kinds()[actual].a}, {named}; rename it to .{actual} and check it "
            "again",
        )
    return data


def _kind_of(data: bytes) -> str | None:
    """What the bytes are, when they say so: a PDF or a zip by their first bytes, plain text
    (UTF-8 without NUL bytes) otherwise; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if not data.strip() or b"\x00" in data or b"%PDF-" in data[:1024]:
        return None  # empty, binary, or a PDF after a few bytes of junk, which readers allow
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return "txt"


@cache
def _kinds() -> dict[str, Kind]:
    """Drafts are read through the same boundary as every other file termgen is handed."""
    from termgen.errors import UnreadableDraftError
    from termgen.files.read import Kind

    split = "so split the draft or check the part that matters"
    return {
        "pdf": Kind("PDF", LARGEST_FILE["pdf"], UnreadableDraftError, "a PDF", split),
        "docx": Kind("Word document", LARGEST_FILE["docx"], UnreadableDraftError, "a .docx", split),
        "txt": Kind("text file", LARGEST_FILE["txt"], UnreadableDraftError, "plain text", split),
    }
