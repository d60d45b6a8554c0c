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

    def show(page: int, pages: int) -> None:
        if pages < LONG_DRAFT_PAGES:
            return
        end = "\n" if page == pages else ""
        stream.write(f"\rreading page {page} of {pages}{end}")
        stream.flush()

    return show
