"""Checking many drafts at once (a data room): files and folders, over the machine's cores.

One result per draft, in the order given, whether it was read or not: a draft that cannot
be read gets its error and never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termgen.errors import TermgenError, shown
from termgen.files.tree import walk
from termgen.their_drafts.check import ForeignReport, check_draft
from termgen.their_drafts.limits import STOPPED_READER
from termgen.their_drafts.wanted import Checkable

DRAFT_SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True)
class Checked:
    """A draft and what checking it gave: its report, or the message saying why not."""

    file: Path
    report: ForeignReport | None = None
    error: str | None = None

    @property
    def reason(self) -> str:
        """The error without the file name in front."""
        return (self.error or "").removeprefix(f"{shown(str(self.file))}: ")

    def as_json(self) -> dict[str, Any]:
        if self.report is not None:
            return self.report.as_json()
        return {"file": str(self.file), "error": self.reason}


def summary_row(checked: Checked) -> tuple[str, str, str, str, str]:
    """File, counts of present / weak / missing, and the blocking ids not present (or the error)."""
    if checked.report is None:
        return (str(checked.file), "", "", "", f"cannot check: {checked.reason}")
    counts = checked.report.counts()
    blocking = ", ".join(d.provision for d in checked.report.blocking_unsettled)
    return (
        str(checked.file),
        str(counts["present"]),
        str(counts["weak"]),
        str(counts["missing"]),
        blocking or "-",
    )


def drafts_in(paths: Sequence[Path]) -> list[Path | Checked]:
    """The files named, and the drafts (.pdf, .docx, .txt) in the folders named, in order:
    whatever is named as a draft there, so that a pipe, a broken link or a folder of that name
    gets a row saying what it is, not passed by unseen; and, already checked, each folder
    there that cannot be read, with why."""
    found: list[Path | Checked] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        tree = walk(path, lambda item: item.suffix.lower() in DRAFT_SUFFIXES)
        unread = [Checked(item, error=f"{item}: {why}") for item, why in tree.unlisted.items()]
        drafts = [draft for draft in tree.found if draft not in tree.unlisted]
        found += sorted([*drafts, *unread], key=_file)
    return found


def _file(item: Path | Checked) -> Path:
    return item.file if isinstance(item, Checked) else item


_provisions: Sequence[Checkable] = ()
_password: str | None = None


def _start_worker(provisions: Sequence[Checkable], password: str | None) -> None:
    global _provisions, _password
    _provisions, _password = provisions, password


def _check_one(path: Path) -> Checked:
    try:
        return Checked(path, check_draft(path, _provisions, password=_password))
    except TermgenError as error:
        return Checked(path, error=str(error))


def check_many(
    items: Sequence[Path | Checked],
    provisions: Sequence[Checkable],
    *,
    password: str | None = None,
    workers: int | None = None,
) -> Iterator[Checked]:
    """Check every draft, over `workers` processes (default: the cores), in the given order;
    what `drafts_in` found unreadable already comes checked."""
    paths = [item for item in items if isinstance(item, Path)]
    workers = min(workers or os.cpu_count() or 1, len(paths))
    if workers <= 1:
        _start_worker(provisions, password)
        yield from _in_order(items, map(_check_one, paths))
        return
    yield from _in_order(items, _over_pool(paths, workers, (provisions, password)))


def _over_pool(
    paths: Sequence[Path], workers: int, setup: tuple[Sequence[Checkable], str | None]
) -> Iterator[Checked]:
    """`_check_one` of each path over a pool of `workers` processes, in order.

    A worker the system stops (out of memory, a reader crashed by its file) breaks the whole
    pool: the draft it was checking cannot be told from the others then under way, so the
    first draft without a result is checked again alone, and is that draft's error if it
    stops its process again; the drafts after it are checked in a new pool."""
    remaining = list(paths)
    while remaining:
        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=setup) as pool:
            futures = [pool.submit(_check_one, path) for path in remaining]
            done = 0
            try:
                for future in futures:
                    yield future.result()
                    done += 1
            except BrokenProcessPool:
                pass
        if done == len(remaining):
            return
        yield _alone(remaining[done], setup)
        remaining = remaining[done + 1 :]


def _alone(path: Path, setup: tuple[Sequence[Checkable], str | None]) -> Checked:
    """One draft checked in a process of its own, or the error of a process stopped by it."""
    with ProcessPoolExecutor(1, initializer=_start_worker, initargs=setup) as pool:
        try:
            return pool.submit(_check_one, path).result()
        except BrokenProcessPool:
            said = f"{path}: the reader was stopped by the system, {STOPPED_READER}"
            return Checked(path, error=shown(said))


def _in_order(items: Sequence[Path | Checked], checked: Iterator[Checked]) -> Iterator[Checked]:
    for item in items:
        yield item if isinstance(item, Checked) else next(checked)
