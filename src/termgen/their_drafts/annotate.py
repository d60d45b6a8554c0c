"""A copy of their Word draft with a comment at each paragraph where it deviates from ours.

Their text is left as it is: a comment only marks a range of existing runs. The same draft
and the same positions give the same bytes (fixed comment dates, stable zip entries).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from termgen.errors import Location, UnreadableDraftError, UsageError
from termgen.files.write import write_atomically
from termgen.render.comments import AUTHOR, INITIALS
from termgen.render.word import stable_docx
from termgen.their_drafts.against import Review
from termgen.their_drafts.detect import Evidence
from termgen.their_drafts.text import normalise

TYPE_CHECKING = False
if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph

CHUNK = 48
"""Characters of a quote looked for in a paragraph: its start, middle and end."""
UNDATED = dt.datetime(2000, 1, 1)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", normalise(text)).strip().casefold()


def _chunks(quote: str) -> list[str]:
    text = _flat(quote.removesuffix("…"))
    if len(text) <= CHUNK:
        return [text]
    middle = len(text) // 2
    return [text[:CHUNK], text[middle - CHUNK // 2 : middle + CHUNK // 2], text[-CHUNK:]]


def _paragraphs(document: WordDocument) -> Iterator[Paragraph]:
    """Body paragraphs and those in table cells, in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _anchor(paragraphs: list[Paragraph], where: Evidence | None) -> Paragraph | None:
    if where is None:
        return None
    chunks = [chunk for chunk in _chunks(where.quote) if len(chunk) >= 12]
    for paragraph in paragraphs:
        text = _flat(paragraph.text)
        if paragraph.runs and any(chunk in text for chunk in chunks):
            return paragraph
    return None


def annotate(source: Path, review: Review, target: Path, *, replace: bool = False) -> Path:
    """Write a copy of their .docx with a Word comment at each deviation from our positions."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if source.suffix.lower() != ".docx":
        raise UsageError(
            "--annotate writes comments into their Word draft, and this draft is not a .docx; "
            "ask for the Word file, or use the table or --json",
            location=Location(source),
        )
    try:
        document = docx.Document(str(source))
    except (PackageNotFoundError, KeyError, ValueError, OSError):
        raise UnreadableDraftError(
            "the file is damaged or not a Word document; ask for a new copy or save it again",
            location=Location(source),
        ) from None
    paragraphs = list(_paragraphs(document))
    title = next((p for p in paragraphs if p.runs and p.text.strip()), None)
    when = dt.datetime.combine(review.dated, dt.time()) if review.dated else UNDATED
    for row in review.deviations:
        anchor = _anchor(paragraphs, row.evidence) or _anchor(paragraphs, row.belongs_at) or title
        if anchor is None:
            continue
        comment = document.add_comment(anchor.runs, row.comment(), AUTHOR, INITIALS)
        comment._comment_elm.date = when
    return write_atomically(target, stable_docx(document), replace=replace)
