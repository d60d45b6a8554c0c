"""Every deal in a folder tree at a glance: one row each, the most urgent first.

A file that is not a valid deal gets a row with its error; it never stops the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from termgen.deadlines.collect import Deadline
from termgen.errors import TermgenError
from termgen.files.tree import Tree, walk
from termgen.findings.deal import blocking
from termgen.library.load import Library
from termgen.model.exit import expiry
from termgen.pipeline import DealRun

ANSWER_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Row:
    """One answer file: the deal's key facts, or why it could not be read."""

    file: Path
    name: str | None = None
    version: str | None = None
    purpose: str | None = None
    parties: tuple[str, ...] = ()
    term_end: dt.date | None = None
    next_deadline: Deadline | None = None
    blocking: int = 0
    error: TermgenError | None = None

    def urgency(self) -> tuple[int, dt.date, int, str]:
        """Errors first, then the nearest deadline, then the most blocking findings."""
        day = self.next_deadline.day if self.next_deadline and self.next_deadline.day else None
        return (0 if self.error else 1, day or dt.date.max, -self.blocking, str(self.file))


def answer_files(folder: Path) -> Tree:
    """Answer files under `folder`, skipping hidden folders such as .git and .venv, and the
    folders there that cannot be read."""
    return walk(
        folder,
        lambda path: (
            path.suffix in ANSWER_SUFFIXES
            and not path.is_dir()  # a pipe or a broken link gets its own error row
            and not path.name.startswith(".")
        ),
        hidden=False,
    )


def portfolio(files: Tree, library: Library, today: dt.date) -> list[Row]:
    """A row per file, and one per folder that could not be read, sorted by urgency as of
    `today`."""
    rows = [_row(path, library, today) for path in files.found]
    unlisted = files.unlisted.items()
    rows += [Row(folder, error=TermgenError(f"{folder}: {why}")) for folder, why in unlisted]
    return sorted(rows, key=Row.urgency)


def _row(path: Path, library: Library, today: dt.date) -> Row:
    try:
        run = DealRun.from_file(path, library)
        findings, found = run.findings, run.deadlines
    except TermgenError as error:
        return Row(path, error=error)
    except Exception as bug:  # a bug must not hide the other deals; its row says to report it
        said = f"internal error in termgen ({type(bug).__name__}: {bug}); please report it"
        return Row(path, error=TermgenError(said))
    deal = run.deal
    upcoming = [d for d in found if d.day and d.day >= today]
    return Row(
        path,
        name=deal.deal.name,
        version=deal.deal.version,
        purpose=deal.deal.purpose,
        parties=tuple(deal.party_names),
        term_end=expiry(deal.exit.term),
        next_deadline=min(upcoming, key=lambda d: d.day or dt.date.max) if upcoming else None,
        blocking=len(blocking(findings)),
    )
