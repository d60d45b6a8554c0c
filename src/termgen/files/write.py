"""Writing user-visible files: atomically, and never over an existing file unless asked."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from termgen.errors import Location, OutputExistsError


def write_atomically(path: Path, data: bytes, *, replace: bool = False) -> Path:
    """Write `data` to `path` via a temporary file; a reader sees the old file or the new one."""
    path = Path(path)
    if not replace and path.exists():
        raise refuse_to_replace(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        os.fchmod(handle, 0o666 & ~_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if replace:
            temporary.replace(path)
        else:
            _link_without_replacing(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _umask() -> int:
    """The process umask, so new files get the permissions any other program would give them."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _link_without_replacing(temporary: Path, path: Path) -> None:
    try:
        path.hardlink_to(temporary)
    except FileExistsError:
        raise refuse_to_replace(path) from None


def refuse_to_replace(path: Path) -> OutputExistsError:
    """The error for an output file that is already there."""
    return OutputExistsError(
        "already exists; pass --force to replace it, or choose another output folder",
        location=Location(path),
    )
