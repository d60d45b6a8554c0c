"""A disk cache for work that depends only on some content and on termgen itself.

Reading a clause file and checking a clause's templates give the same result for the same
text, so a library that has not changed is not parsed and checked again on every run. Each
entry is keyed by a digest of the content together with a fingerprint of termgen and the
libraries it builds on; a cache written by another build is emptied when opened, so an
upgrade or a changed source file never reads stale entries.
The cache lives in `$TERMGEN_CACHE`, else `$XDG_CACHE_HOME/termgen`, else `~/.cache/termgen`;
`TERMGEN_CACHE=off` turns it off. A cache that cannot be opened or written is skipped, never
an error: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TypeVar

from termgen import __version__

T = TypeVar("T")
ENVIRONMENT_VARIABLE = "TERMGEN_CACHE"
_OFF = {"", "0", "off", "no", "false"}
_FILE = "cache.sqlite3"
_BATCH = 500


class Cache:
    """Pickled results by content digest, in one SQLite file; writes are kept until `save`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._connection: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        self._fetched: dict[str, bytes | None] = {}
        self._broken = False

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Cache | None:
        """The user's cache, or None when it is turned off or there is no home to keep it in."""
        chosen = environ.get(ENVIRONMENT_VARIABLE)
        if chosen is not None:
            return None if chosen.strip().lower() in _OFF else cls(Path(chosen))
        if environ.get("XDG_CACHE_HOME"):
            return cls(Path(environ["XDG_CACHE_HOME"]) / "termgen")
        if environ.get("HOME"):
            return cls(Path(environ["HOME"]) / ".cache" / "termgen")
        return None

    def remember(self, kind: str, content: bytes, compute: Callable[[], T]) -> T:
        """The cached result for this kind of work on `content`, computing and keeping it if new.

        A result that `compute` signals with an exception is never kept.
        """
        key = _key(kind, content)
        if key in self._pending:
            pending: T = pickle.loads(self._pending[key])
            return pending
        stored = self._fetched[key] if key in self._fetched else self._read(key)
        if stored is not None:
            try:
                cached: T = pickle.loads(stored)
                return cached
            except Exception:  # an entry from another version of a class: compute again
                pass
        result = compute()
        self._pending[key] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        return result

    def prefetch(self, kind: str, contents: Iterable[bytes]) -> None:
        """Read the entries for many contents in a few queries instead of one each."""
        connection = self._connect()
        keys = [_key(kind, content) for content in contents]
        if connection is None:
            return
        for start in range(0, len(keys), _BATCH):
            batch = keys[start : start + _BATCH]
            marks = ", ".join("?" * len(batch))
            try:
                rows = connection.execute(
                    f"SELECT key, value FROM entries WHERE key IN ({marks})", batch
                ).fetchall()
            except sqlite3.Error:
                self._broken = True
                return
            self._fetched.update(dict.fromkeys(batch))
            self._fetched.update(rows)

    def save(self) -> None:
        """Write what was computed since the last save, in one transaction."""
        if not self._pending or self._connect() is None:
            return
        assert self._connection is not None
        try:
            with self._connection:
                self._connection.executemany(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                    self._pending.items(),
                )
        except sqlite3.Error:
            self._broken = True
        self._pending.clear()

    def _read(self, key: str) -> bytes | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._broken = True
            return None
        return row[0] if row else None

    def _connect(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._connection is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                connection = sqlite3.connect(self.folder / _FILE, timeout=2)
                _start_over_if_stale(connection)
            except (OSError, sqlite3.Error):
                self._broken = True
                return None
            self._connection = connection
        return self._connection


def _start_over_if_stale(connection: sqlite3.Connection) -> None:
    """Drop every entry another build of termgen wrote: none of them can be read again."""
    with connection:
        connection.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB)")
        connection.execute("CREATE TABLE IF NOT EXISTS written_by (fingerprint TEXT)")
        current = _fingerprinted().hexdigest()
        row = connection.execute("SELECT fingerprint FROM written_by").fetchone()
        stale = row is None or row[0] != current
        if stale:
            connection.execute("DELETE FROM entries")
            connection.execute("DELETE FROM written_by")
            connection.execute("INSERT INTO written_by VALUES (?)", (current,))
    if stale:
        connection.execute("VACUUM")


def _key(kind: str, content: bytes) -> str:
    digest = _fingerprinted().copy()
    digest.update(kind.encode())
    digest.update(b"\0")
    digest.update(content)
    return digest.hexdigest()


@cache
def _fingerprinted() -> hashlib._Hash:
    return hashlib.sha256(_fingerprint().encode())


def _fingerprint() -> str:
    """termgen's version and sources, and the versions of what shapes cached results."""
    import jinja2
    import pydantic
    import yaml

    parts = [__version__, sys.version, jinja2.__version__, pydantic.VERSION, yaml.__version__]
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        parts.append(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


def remembered(cache: Cache | None, kind: str, content: bytes, compute: Callable[[], T]) -> T:
    """`cache.remember(...)`, or just `compute()` when there is no cache."""
    return compute() if cache is None else cache.remember(kind, content, compute)
