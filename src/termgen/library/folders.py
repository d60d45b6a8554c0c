"""The folders of a clause library and the files in them, without reading any.

Kept free of the models (pydantic, Jinja): `library lint` of a library it has linted before
needs only the list of files and their sizes and times to find its report in the cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from operator import attrgetter
from pathlib import Path

from termgen.errors import LibraryError, Location
from termgen.files.builtin import builtin
from termgen.files.read import LIBRARY_SETTINGS, PROVISIONS_REGISTRY, SECTIONS_REGISTRY
from termgen.files.tree import unlisted_because

ENVIRONMENT_VARIABLE = "TERMGEN_LIBRARY"
SECTIONS_FILE = "sections.yaml"
PROVISIONS_FILE = "provisions.yaml"
SETTINGS_FILE = "library.yaml"
REGISTRY_KINDS = {
    SECTIONS_FILE: SECTIONS_REGISTRY,
    PROVISIONS_FILE: PROVISIONS_REGISTRY,
    SETTINGS_FILE: LIBRARY_SETTINGS,
}
_name = attrgetter("name")


def library_layers(
    overlays: Sequence[Path] = (), environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Built-in library first, then TERMGEN_LIBRARY folders, then --library folders."""
    environ = os.environ if environ is None else environ
    from_environment = [
        Path(part) for part in environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep) if part
    ]
    return [builtin("clause_library"), *from_environment, *overlays]


def clause_files(layer: Path) -> list[Path]:
    """The clause files of a library folder (every *.yaml but the registries at its top, not
    following links to folders; a folder named *.yaml is listed, to be refused as no file),
    in a stable order: by the parts of their paths."""
    return [Path(path) for path in listed_paths(layer, clause_file_entries(layer))]


def clause_file_entries(layer: Path) -> list[os.DirEntry[str]]:
    """`clause_files` as found in the folder listings, whose entries know their status
    without another look-up by path.

    Each folder's entries are taken in the order of their names, a folder's files where its
    name falls: the order of the parts of the paths, without a list of parts for each file
    to sort by (a third of listing 20,000 files)."""
    found: list[os.DirEntry[str]] = []
    folders = [_listing(str(layer))]  # the entries still to take of each open folder
    while folders:
        entry = next(folders[-1], None)
        if entry is None:
            folders.pop()
        elif entry.name.endswith(".yaml") and (
            len(folders) > 1 or entry.name not in REGISTRY_KINDS
        ):
            # A folder of that name too: reading it says it is not a file, where walking into
            # it or passing it by would leave the mistake unseen.
            found.append(entry)
        elif _is_folder(entry) and not entry.is_symlink():
            folders.append(_listing(entry.path))
    return found


def listed_paths(layer: Path, entries: Sequence[os.DirEntry[str]]) -> list[str]:
    """The paths of a folder's listed entries as a Path of each would write them, without
    making one (20,000 Paths took a tenth of a second): only the listing of '.' writes them
    otherwise, as './name'."""
    if str(layer) == ".":
        return [entry.path[2:] for entry in entries]
    return [entry.path for entry in entries]


def _listing(folder: str) -> Iterator[os.DirEntry[str]]:
    """A folder's entries by name. One that cannot be listed is refused, not taken for an
    empty one: counsel's clauses in it would be left out of every draft unseen."""
    try:
        with os.scandir(folder) as listing:
            return iter(sorted(listing, key=_name))
    except OSError as failed:
        raise LibraryError.at(Location(folder), unlisted_because(failed)) from None


def check_listable(layer: Path) -> list[Path]:
    """No clause files, after refusing a library folder that cannot be listed: for a command
    that reads only its registries (their files would otherwise be taken as absent, or fail
    as paths)."""
    _listing(str(layer))
    return []


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
