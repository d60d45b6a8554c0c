"""Loading the clause library and counsel's overlays: same id replaces, new id adds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from termgen.cache import Cache
from termgen.errors import LibraryError, Problem
from termgen.files.builtin import builtin
from termgen.files.datafile import SourceMap, YamlPath, parse_yaml, read_yaml
from termgen.files.read import (
    CLAUSE_FILE,
    LIBRARY_SETTINGS,
    PROVISIONS_REGISTRY,
    SECTIONS_REGISTRY,
    Kind,
    decoded,
    read_bytes,
)
from termgen.library.clause import Clause, Disabled
from termgen.library.provisions import Provision, pattern_problems
from termgen.library.sections import Section
from termgen.library.style import LibrarySettings, StyleSettings, house_style
from termgen.model.common import Record
from termgen.model.messages import located_problems
from termgen.suggest import with_suggestion
from termgen.wording import DEFAULT_STYLE, HouseStyle

ENVIRONMENT_VARIABLE = "TERMGEN_LIBRARY"
SECTIONS_FILE = "sections.yaml"
PROVISIONS_FILE = "provisions.yaml"
SETTINGS_FILE = "library.yaml"
_REGISTRY_KINDS = {
    SECTIONS_FILE: SECTIONS_REGISTRY,
    PROVISIONS_FILE: PROVISIONS_REGISTRY,
    SETTINGS_FILE: LIBRARY_SETTINGS,
}
_CACHE_KIND = "clause file"

RecordT = TypeVar("RecordT", bound=Record)
RegistryT = TypeVar("RegistryT", Section, Provision)
"""What a registry file (sections.yaml, provisions.yaml) holds: entries with an id."""


@dataclass(frozen=True)
class Sourced(Generic[RecordT]):
    """A record and the file it was read from."""

    record: RecordT
    source: SourceMap
    path: tuple[str | int, ...] = ()

    def where(self, *path: str | int, at_key: bool = False) -> Any:
        return self.source.locate((*self.path, *path), at_key=at_key)


@dataclass
class Library:
    """The effective library: clauses and registries after every overlay."""

    clauses: dict[str, Sourced[Clause]]
    sections: dict[str, Sourced[Section]]
    provisions: dict[str, Sourced[Provision]]
    layers: list[Path]
    problems: list[Problem] = field(default_factory=list)
    cache: Cache | None = None
    """Where compiled clause templates are kept between runs (see `termgen.cache`)."""
    style: HouseStyle = DEFAULT_STYLE
    """How drafts write dates and numbers (library.yaml, `style:`; see `library.style`)."""

    def clause(self, clause_id: str) -> Sourced[Clause]:
        """The clause with this id; the error suggests the nearest id."""
        if clause_id not in self.clauses:
            message = with_suggestion(
                f"no clause '{clause_id}' in the library", clause_id, list(self.clauses)
            )
            raise LibraryError([Problem(message)])
        return self.clauses[clause_id]


def library_layers(
    overlays: Sequence[Path] = (), environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Built-in library first, then TERMGEN_LIBRARY folders, then --library folders."""
    environ = os.environ if environ is None else environ
    from_environment = [
        Path(part) for part in environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep) if part
    ]
    return [builtin("clause_library"), *from_environment, *overlays]


def load_library(
    layers: Sequence[Path], *, strict: bool = True, cache: Cache | None = None
) -> Library:
    """Read every layer in order; with `strict`, any problem stops with all of them listed.

    With a cache, clause files read before (same path, same bytes) are not parsed again;
    the caller saves the cache.
    """
    problems: list[Problem] = []
    clauses: dict[str, Sourced[Clause]] = {}
    sections: dict[str, Sourced[Section]] = {}
    provisions: dict[str, Sourced[Provision]] = {}
    styles: list[StyleSettings] = []
    for layer in layers:
        if not layer.is_dir():
            problems.append(Problem(f"clause library folder '{layer}' does not exist"))
            continue
        _merge_clauses(clauses, _clause_files(layer), problems, cache)
        _merge_registry(sections, layer / SECTIONS_FILE, Section, problems)
        _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems)
        styles += _settings(layer / SETTINGS_FILE, problems)
    library = Library(
        clauses, sections, provisions, list(layers), problems, cache, house_style(styles)
    )
    if strict and problems:
        raise LibraryError(problems)
    return library


def load_provisions(
    layers: Sequence[Path], cache: Cache | None = None
) -> dict[str, Sourced[Provision]]:
    """Only the provision registry of each layer, for checks that need no clauses."""
    problems: list[Problem] = []
    provisions: dict[str, Sourced[Provision]] = {}
    for layer in layers:
        _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems)
    problems += cue_problems(provisions.values(), cache)
    if problems:
        raise LibraryError(problems)
    return provisions


def cue_problems(
    provisions: Iterable[Sourced[Provision]], cache: Cache | None = None
) -> list[Problem]:
    """Cue patterns that are not valid regular expressions, each at its line."""
    return [
        Problem(message, entry.where(*path))
        for entry in provisions
        for path, message in pattern_problems(entry.record, cache)
    ]


def _settings(path: Path, problems: list[Problem]) -> list[StyleSettings]:
    """The house style a layer sets in its library.yaml, if it has one."""
    if not path.exists():
        return []
    data, source = _read(path, LIBRARY_SETTINGS, problems)
    if source is None:
        return []
    settings = _validated(LibrarySettings, data or {}, source, (), problems)
    return [] if settings is None else [settings.style]


def _clause_files(layer: Path) -> list[Path]:
    found = [
        path
        for path in layer.rglob("*.yaml")
        if not (path.parent == layer and path.name in _REGISTRY_KINDS) and not path.is_dir()
    ]
    return sorted(found, key=lambda path: path.parts)


def _read(path: Path, kind: Kind, problems: list[Problem]) -> tuple[Any, SourceMap | None]:
    try:
        return read_yaml(path, kind=kind)
    except LibraryError as bad:
        problems.extend(bad.problems)
        return None, None


def _validated(
    model: type[RecordT],
    data: Any,
    source: SourceMap,
    path: tuple[str | int, ...],
    problems: list[Problem],
) -> RecordT | None:
    try:
        return model.model_validate(data)
    except ValidationError as invalid:
        problems.extend(located_problems(invalid, model, source, path))
        return None


class _Unusable(Exception):
    """A clause file with problems: reported, and never kept in the cache."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def _clause_file(path: Path, raw: bytes) -> Sourced[Clause | Disabled]:
    """A clause file from the bytes read from `path`."""
    problems: list[Problem] = []
    try:
        data, source = parse_yaml(decoded(raw, path, CLAUSE_FILE), path, CLAUSE_FILE)
    except LibraryError as bad:
        raise _Unusable(bad.problems) from None
    if not isinstance(data, dict):
        message = "a clause file holds one mapping with 'id:', 'title:' and 'text:'"
        raise _Unusable([Problem(message, source.locate(()))])
    model: type[Clause] | type[Disabled] = Disabled if data.get("disabled") is True else Clause
    record = _validated(model, data, source, (), problems)
    if record is None:
        raise _Unusable(problems)
    return Sourced(record, source)


_Cached = tuple[
    Clause | Disabled,
    dict[YamlPath, tuple[int, int]],
    dict[YamlPath, tuple[int, int]],
    set[YamlPath],
]
"""A parsed clause file without its path: the key holds it, and a Path is slow to unpickle."""


def _to_cache(path: Path, raw: bytes) -> _Cached:
    entry = _clause_file(path, raw)
    return entry.record, entry.source.keys, entry.source.values, entry.source.blocks


def _from_cache(path: Path, cached: _Cached) -> Sourced[Clause | Disabled]:
    record, keys, values, blocks = cached
    return Sourced(record, SourceMap(path, keys, values, blocks))


def _clause_file_bytes(files: Iterable[Path], problems: list[Problem]) -> list[tuple[Path, bytes]]:
    """Each readable clause file with its bytes (bounded, see `termgen.files.read`)."""
    found: list[tuple[Path, bytes]] = []
    for path in files:
        try:
            found.append((path, read_bytes(path, CLAUSE_FILE)))
        except LibraryError as unreadable:
            problems.extend(unreadable.problems)
    return found


def _merge_clauses(
    clauses: dict[str, Sourced[Clause]],
    files: Iterable[Path],
    problems: list[Problem],
    cache: Cache | None,
) -> None:
    read = _clause_file_bytes(files, problems)
    keys = [str(path).encode() + b"\0" + raw for path, raw in read]
    if cache is not None:
        cache.prefetch(_CACHE_KIND, keys)
    seen_in_layer: dict[str, Sourced[Clause | Disabled]] = {}
    for (path, raw), key in zip(read, keys, strict=True):
        try:
            if cache is None:
                entry = _clause_file(path, raw)
            else:
                entry = _from_cache(
                    path, cache.remember(_CACHE_KIND, key, partial(_to_cache, path, raw))
                )
        except _Unusable as unusable:
            problems.extend(unusable.problems)
            continue
        record = entry.record
        earlier = seen_in_layer.get(record.id)
        if earlier is not None:
            problems.append(
                Problem(
                    f"duplicate clause id '{record.id}', also used in {earlier.source.file}; "
                    "each id may appear once in a library folder",
                    entry.where("id"),
                )
            )
            continue
        seen_in_layer[record.id] = entry
        if isinstance(record, Disabled):
            clauses.pop(record.id, None)
        else:
            clauses[record.id] = Sourced(record, entry.source)


def _merge_registry(
    entries: dict[str, Sourced[RegistryT]],
    path: Path,
    model: type[RegistryT],
    problems: list[Problem],
) -> None:
    if not path.exists():
        return
    data, source = _read(path, _REGISTRY_KINDS[path.name], problems)
    if source is None:
        return
    if not isinstance(data, list):
        problems.append(
            Problem(
                f"{path.name} holds a list of entries, each starting with '- id:'",
                source.locate(()),
            )
        )
        return
    seen: set[str] = set()
    for index, item in enumerate(data):
        record = _validated(model, item, source, (index,), problems)
        if record is None:
            continue
        record_id = record.id
        if record_id in seen:
            problems.append(
                Problem(f"duplicate id '{record_id}' in {path.name}", source.locate((index, "id")))
            )
            continue
        seen.add(record_id)
        entries[record_id] = Sourced(record, source, (index,))
