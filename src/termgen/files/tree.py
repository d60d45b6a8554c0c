"""Walking a folder tree a user names (a data room, a folder of deals) without passing anything
by unseen: every entry whose name is wanted, and every folder that could not be looked into.

A folder the user may not read holds drafts or deals nobody checked; listing it among the
results, with why it was not read, keeps a run from reporting "all clear" over them. Links to
folders are not followed, so a link back up the tree ends the walk instead of looping.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Tree:
    """What a walk found: the wanted entries in name order, and each folder it could not list
    with why, in words that follow the folder's path."""

    found: list[Path] = field(default_factory=list)
    unlisted: dict[Path, str] = field(default_factory=dict)


def walk(folder: Path, wanted: Callable[[Path], bool], *, hidden: bool = True) -> Tree:
    """Every entry under `folder` (files, links, pipes, folders alike) that `wanted` takes, and
    the folders that cannot be listed; `hidden=False` leaves out folders whose names start with
    a dot (.git, .venv) and all they hold."""
    tree = Tree()

    def unlisted(error: OSError) -> None:
        tree.unlisted[Path(error.filename)] = unlisted_because(error)

    for root, folders, files in os.walk(folder, onerror=unlisted):
        if not hidden:
            folders[:] = [name for name in folders if not name.startswith(".")]
        folders.sort()
        tree.found.extend(
            path for path in (Path(root, name) for name in folders + files) if wanted(path)
        )
    tree.found.sort()
    return tree


def unlisted_because(error: OSError) -> str:
    """Why a folder could not be listed, in words that follow its path."""
    if error.errno in (errno.EACCES, errno.EPERM):
        return "cannot read the folder (permission denied); check its permissions"
    return f"cannot read the folder ({error.strerror})"
