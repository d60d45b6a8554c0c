"""The folders of a clause library and the files in them, without reading any.

Kept free of the models (pydantic, Jinja): `library lint` of a library it has linted before
needs only the list of files and their sizes and times to find its report in the cache.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from termgen.files.builtin import builtin
from termgen.files.read import LIBRARY_SETTINGS, PROVISIONS_REGISTRY, SECTIONS_REGISTRY

ENVIRONMENT_VARIABLE = "TERMGEN_LIBRARY"
SECTIONS_FILE = "sections.yaml"
PROVISIONS_FILE = "provisions.yaml"
SETTINGS_FILE = "library.yaml"
REGISTRY_KINDS = {
    SECTIONS_FILE: SECTIONS_REGISTRY,
    PROVISIONS_FILE: PROVISIONS_REGISTRY,
    SETTINGS_FILE: LIBRARY_SETTINGS,
}


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
    following links to folders), in a stable order: by the parts of their paths."""
    return [Path(entry.path) for entry in clause_file_entries(layer)]


def clause_file_entries(layer: Path) -> list[os.DirEntry[str]]:
    """`clause_files` as found in the folder listings, whose entries know their status
    without another look-up by path."""
    found: list[tuple[list[str], os.DirEntry[str]]] = []
    folders: list[tuple[str, list[str]]] = [(str(layer), [])]
    while folders:
        folder, parts = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # as os.walk: a folder that cannot be listed holds no clauses
            continue
        for entry in entries:
            if _is_folder(entry):
                if not entry.is_symlink():
                    folders.append((entry.path, [*parts, entry.name]))
            elif entry.name.endswith(".yaml") and (parts or entry.name not in REGISTRY_KINDS):
                found.append(([*parts, entry.name], entry))
    found.sort(key=lambda item: item[0])
    return [entry for _, entry in found]


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
