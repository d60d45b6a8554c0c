"""The bounds within which termgen reads a draft from the other side, and the bounded read.

A draft comes from outside: it may be huge, a device, a pipe, a compression bomb or a file
the user may not read. Every draft's bytes come in through `read_draft`, which refuses what
is not a regular file and never reads more than the limit for its kind plus one byte, whatever
size the file system reports.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from termgen.errors import Location, UnreadableDraftError

MB = 1024 * 1024
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


def unreadable(path: Path, message: str) -> UnreadableDraftError:
    return UnreadableDraftError(message, location=Location(path))


def too_large(path: Path, what: str, limit: int, unit: str) -> UnreadableDraftError:
    return unreadable(
        path,
        f"the {what} is larger than termgen reads ({limit:,} {unit}); split the draft or check "
        "the part that matters",
    )


def read_draft(path: Path, kind: str) -> bytes:
    """The bytes of a regular file of at most LARGEST_FILE[kind] bytes, or a clear error."""
    limit = LARGEST_FILE[kind]
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise unreadable(path, "no such file; check the name and folder") from None
    except PermissionError:
        raise _no_permission(path) from None
    except OSError as error:
        raise _cannot_read(path, error) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise unreadable(
                path,
                "cannot read: not a regular file (a folder, device or pipe); give a draft file",
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(8 * MB, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except PermissionError:
        raise _no_permission(path) from None
    except OSError as error:
        raise _cannot_read(path, error) from None
    finally:
        os.close(descriptor)
    if size > limit:
        raise too_large(path, "file", limit // MB, "MB")
    return b"".join(chunks)


def _no_permission(path: Path) -> UnreadableDraftError:
    return unreadable(
        path, "cannot read: permission denied; ask the file's owner for access or copy it"
    )


def _cannot_read(path: Path, error: OSError) -> UnreadableDraftError:
    if error.errno == errno.EISDIR:
        return unreadable(path, "cannot read: this is a folder, not a draft file")
    reason = os.strerror(error.errno) if error.errno else str(error)
    return unreadable(path, f"cannot read: {reason.lower()}; check the file and try again")
