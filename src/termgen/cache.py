"""A disk cache for work that depends only on some content and on termgen itself.

Reading a clause file and checking a clause's templates give the same result for the same
text, so a library that has not changed is not parsed and checked again on every run. Each
entry is keyed by a digest of the content together with a fingerprint of termgen and the
libraries it builds on; a cache written by another build is emptied when opened, so an
upgrade or a changed source file never reads stale entries.
The cache lives in `$TERMGEN_CACHE`, else `$XDG_CACHE_HOME/termgen`, else `~/.cache/termgen`;
`TERMGEN_CACHE=off` turns it off. A cache that cannot be opened or written is skipped, never
an error: it only ever saves time.

Entries are pickles and compiled code, which run when loaded, so the cache must not be usable
against its owner. Its folder is created private (0700) and refused when it belongs to someone
else or others can write to it; every entry carries an HMAC-SHA256 under a random key kept in
the folder (`cache.key`, 0600), and an entry whose checksum does not match is never loaded.
Someone who could write to the cache file but not read the key can only cost time.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import os
import pickle
import secrets
import sqlite3
import stat
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
_KEY_FILE = "cache.key"
_KEY_BYTES = 32
_TAG_BYTES = hashlib.sha256().digest_size
_BATCH = 500


class Cache:
    """Pickled results by content digest, in one SQLite file; writes are kept until `save`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._connection: sqlite3.Connection | None = None
        self._pending: dict[str, bytes] = {}
        self._fetched: dict[str, bytes | None] = {}
        self._broken = False
        self._secret = b""
        self._inherited: set[str] = set()
        self._abandoned: sqlite3.Connection | None = None

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
        stored = self._verified(
            key, self._fetched[key] if key in self._fetched else self._read(key)
        )
        if stored is not None:
            try:
                cached: T = pickle.loads(stored)
                return cached
            except Exception:  # an entry from another version of a class: compute again
                pass
        result = compute()
        self._pending[key] = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        return result

    def keep(self, key: str, pickled: bytes) -> None:
        """Keep a result computed elsewhere (another process) under its `entry_key`."""
        self._pending[key] = pickled

    def forked(self) -> None:
        """In a forked child: never touch the connection the parent opened (SQLite forbids
        it), open one of its own when needed, and tell its own results from the parent's."""
        self._abandoned, self._connection = self._connection, None
        self._inherited = set(self._pending)

    def unsaved(self) -> dict[str, bytes]:
        """What was computed in this process and not saved yet, by `entry_key`, for a parent
        process to `keep`."""
        return {key: value for key, value in self._pending.items() if key not in self._inherited}

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
                    ((key, self._tag(key, value) + value) for key, value in self._pending.items()),
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

    def refusal(self) -> str | None:
        """Why this folder must not be used as a cache (someone else could write to it), if so."""
        try:
            status = self.folder.stat()
        except OSError:
            return None  # not there yet: it is made private
        if status.st_uid != os.getuid():
            return "it belongs to another user"
        if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return "other users can write to it"
        return None

    def _tag(self, key: str, value: bytes) -> bytes:
        return hmac.new(self._secret, key.encode() + b"\0" + value, hashlib.sha256).digest()

    def _verified(self, key: str, stored: bytes | None) -> bytes | None:
        """The stored value if its checksum matches, else None (as if it were not there)."""
        if stored is None or len(stored) < _TAG_BYTES:
            return None
        tag, value = stored[:_TAG_BYTES], stored[_TAG_BYTES:]
        return value if hmac.compare_digest(tag, self._tag(key, value)) else None

    def _connect(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._connection is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                if self.refusal() is not None:
                    raise PermissionError(self.refusal())
                self._secret = _secret(self.folder / _KEY_FILE)
                database = self.folder / _FILE
                os.close(os.open(database, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600))
                connection = sqlite3.connect(database, timeout=2)
                _start_over_if_stale(connection)
            except (OSError, sqlite3.Error):
                self._broken = True
                return None
            self._connection = connection
        return self._connection


def _secret(path: Path) -> bytes:
    """The key of the entries' checksums: made once, readable by the owner only."""
    secret = secrets.token_bytes(_KEY_BYTES)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return _existing_secret(path)
    try:
        os.write(descriptor, secret)
    finally:
        os.close(descriptor)
    return secret


def _existing_secret(path: Path) -> bytes:
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        status = os.fstat(descriptor)
        secret = os.read(descriptor, _KEY_BYTES + 1)
    finally:
        os.close(descriptor)
    if status.st_uid != os.getuid() or status.st_mode & 0o077 or len(secret) != _KEY_BYTES:
        raise PermissionError(f"{path} is not a private key that termgen wrote")
    return secret


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


def entry_key(kind: str, content: bytes) -> str:
    """The key of the result of this kind of work on `content`, for `Cache.keep`."""
    return _key(kind, content)


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
    """termgen's version and sources, and the installed copies of what shapes cached results."""
    parts = [__version__, sys.version, *map(_installed, _SHAPING)]
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        parts.append(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "\n".join(parts)


_SHAPING = ("docxtpl", "jinja2", "pydantic", "pydantic_core", "yaml")
"""The libraries whose results are cached: docxtpl's Word parts made Jinja templates, Jinja's
compiled code, pydantic's records, YAML."""


def _installed(name: str) -> str:
    """Which copy of a library is installed, from its files rather than by importing it: a
    command whose every result comes from the cache may never need it."""
    spec = importlib.util.find_spec(name)
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    if origin is None or not origin.exists():
        return f"{name}:missing"
    stat = origin.stat()
    return f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}"


def remembered(cache: Cache | None, kind: str, content: bytes, compute: Callable[[], T]) -> T:
    """`cache.remember(...)`, or just `compute()` when there is no cache."""
    return compute() if cache is None else cache.remember(kind, content, compute)
