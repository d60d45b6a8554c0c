"""`termgen library lint`: everything that would break or weaken a draft, with file:line.

What is found, and how, is `library.lint_checks`. With a cache, the whole report of a library
seen before is one entry, found without reading a clause file: it is keyed, as git's index
keys a file, by each clause file's path, size, modification and change times and inode, from
one listing of each folder (the registries, small, are read whole). A warm run imports no
model, template or YAML code.

The trade-off: a file whose bytes change while its size, times and inode stay the same is not
seen. Writing a file sets its change time to the clock, and no one can set it back (`touch
-d` sets the change time too), so that happens only when two writes fall within one tick of
the file system's clock and the report was read between them: the "racy" case. A file changed
less than `RACY_SECONDS` before linting began is therefore also kept by its contents: the
entry holds the digest of the bytes the report was made from, a warm run reads and hashes
that file again, and an entry it no longer matches is computed again. The margin also covers
file systems with coarse times (FAT's two seconds) and clocks a little apart.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from termgen.cache import Cache, entry_key
from termgen.errors import LibraryError, Problem
from termgen.files.read import CLAUSE_FILE, read_bytes
from termgen.library.folders import REGISTRY_KINDS, clause_file_entries, listed_paths
from termgen.library.shipped import SHIPPED

_REPORT = "library lint report"
RACY_SECONDS = 2
"""How long after its last change a file is kept by its contents as well as its status."""
_Listed = Mapping[Path, list[os.DirEntry[str]]]
"""The clause files of each library folder that exists."""
Progress = Callable[[int, int], object]
"""Told the clause files linted so far and how many there are."""
_Status = tuple[int, int, int, int] | None
"""A file's size, modification and change times (ns) and inode; None if it cannot be read."""


@dataclass(frozen=True)
class Linted:
    """What `library lint` says about a library: its size, and every problem in order."""

    clauses: int
    sections: int
    provisions: int
    problems: list[Problem]


@dataclass(frozen=True)
class _Kept:
    """A report as the cache keeps it, with the digest of each racy file it was made from."""

    report: Linted
    racy: dict[str, bytes]


class _ChangedWhileLinting(Exception):
    """A file changed between listing the library and linting it: the report is right for no
    single state of the files, so it is not kept."""

    def __init__(self, report: Linted) -> None:
        self.report = report


def lint(
    layers: Sequence[Path],
    cache: Cache | None = None,
    *,
    checks: Callable[[], Collection[str]] = frozenset,
    shipped: Path = SHIPPED,
    progress: Progress | None = None,
) -> Linted:
    """The effective library's size and every problem found in it, in file and line order.

    `checks` gives the names of the checks built into termgen that provisions may name; it is
    called only when the library is linted, not found in the cache (the names are part of
    termgen, whose every change empties the cache). `shipped` is the file of check results
    shipped for the built-in library (`library.shipped`). `progress` is told how many clause
    files are linted, and how many are done as each batch comes back (not called when the
    report comes from the cache). The caller saves the cache.
    """
    listed = {layer: clause_file_entries(layer) for layer in layers if layer.is_dir()}
    if cache is None:
        return _linted(layers, listed, None, checks, shipped, progress)[0]
    started = time.time_ns()
    statuses = _statuses(listed)
    key = _fingerprint(layers, listed, statuses)
    computed_now = False

    def compute() -> _Kept:
        nonlocal computed_now
        computed_now = True
        report, read = _linted(layers, listed, cache, checks, shipped, progress)
        paths = (entry.path for entries in listed.values() for entry in entries)
        digests = dict(zip(paths, read, strict=True))
        relisted = {layer: clause_file_entries(layer) for layer in layers if layer.is_dir()}
        if _fingerprint(layers, relisted, _statuses(relisted)) != key:
            raise _ChangedWhileLinting(report)
        recent = started - RACY_SECONDS * 1_000_000_000
        racy = {
            path: digests[path]
            for path, status in statuses.items()
            if status is None or status[2] >= recent
        }
        return _Kept(report, racy)

    try:
        kept = cache.remember(_REPORT, key, compute)
        if computed_now or _unchanged(kept.racy):
            return kept.report
        kept = compute()
    except _ChangedWhileLinting as changed:
        return changed.report
    cache.keep(entry_key(_REPORT, key), pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    return kept.report


def _linted(
    layers: Sequence[Path],
    listed: _Listed,
    cache: Cache | None,
    checks: Callable[[], Collection[str]],
    shipped: Path,
    progress: Progress | None,
) -> tuple[Linted, list[bytes]]:
    from termgen.library.lint_checks import linted  # the models, templates and YAML

    files = {layer: listed_paths(layer, entries) for layer, entries in listed.items()}
    return linted(layers, files, cache, checks, shipped, progress)


def _statuses(listed: _Listed) -> dict[str, _Status]:
    statuses: dict[str, _Status] = {}
    for entries in listed.values():
        for entry in entries:
            try:
                status = entry.stat()
            except OSError:
                statuses[entry.path] = None
            else:
                statuses[entry.path] = (
                    status.st_size,
                    status.st_mtime_ns,
                    status.st_ctime_ns,
                    status.st_ino,
                )
    return statuses


def _fingerprint(layers: Sequence[Path], listed: _Listed, statuses: dict[str, _Status]) -> bytes:
    """Everything a lint report depends on besides termgen itself: each folder's registries
    with their contents, and its clause files with their status."""
    digest = hashlib.sha256()
    for layer in layers:
        digest.update(b"\0folder\0" + str(layer).encode() + b"\0" + str(layer.is_dir()).encode())
        for name, kind in REGISTRY_KINDS.items():
            try:
                content = read_bytes(layer / name, kind)
            except LibraryError as unreadable:  # the report says why; the key, that it did
                content = str(unreadable.problems).encode()
            digest.update(b"\0" + name.encode() + b"\0" + content)
        for entry in listed.get(layer, []):
            digest.update(f"\0{entry.path}\0{statuses.get(entry.path)}".encode())
    return digest.digest()


def _unchanged(racy: dict[str, bytes]) -> bool:
    """Whether each file holds the bytes its digest was made from (empty: it was unreadable)."""
    for path, digest in racy.items():
        try:
            content = hashlib.sha256(read_bytes(Path(path), CLAUSE_FILE)).digest()
        except LibraryError:
            content = b""
        if content != digest:
            return False
    return True
