"""A progress line on stderr while a long draft is read, when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import IO

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.their_drafts.pdf import Progress

LONG_DRAFT_PAGES = 20
"""Below this many pages a draft reads in a blink: no progress line."""


def page_progress(stream: IO[str] = sys.stderr) -> Progress | None:
    """A progress line for long drafts ('page 12 of 154'), when `stream` is a terminal."""
    if not stream.isatty():
        return None
    gone = False

    def show(page: int, pages: int) -> None:
        nonlocal gone
        if pages < LONG_DRAFT_PAGES or gone:
            return
        end = "\n" if page == pages else ""
        try:
            stream.write(f"\rreading page {page} of {pages}{end}")
            stream.flush()
        except OSError:
            # The terminal went away while the draft was read (closed: a broken pipe; hung
            # up: an I/O error). The line is a courtesy: the reading and its result go on.
            gone = True

    return show
