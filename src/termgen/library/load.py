"""Loading the clause library and counsel's overlays: same id replaces, new id adds."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from termgen.cache import Cache
from termgen.errors import LibraryError, Location, Problem
from termgen.files.datafile import SourceMap, YamlPath, parse_yaml, read_validated
from termgen.files.read import CLAUSE_FILE, LIBRARY_SETTINGS, FilePath, decoded, read_bytes
from termgen.library.clause import Clause, Disabled
from termgen.library.folders import (
    ENVIRONMENT_VARIABLE,
    PROVISIONS_FILE,
    REGISTRY_KINDS,
    SECTIONS_FILE,
    SETTINGS_FILE,
    check_listable,
    clause_files,
)
from termgen.library.provisions import Provision, pattern_problems
from termgen.library.scoped import Clauses, Scope, Slot
from termgen.library.sections import Section
from termgen.library.style import LibrarySettings, SharedBlock, always_binding, house_style
from termgen.model.common import Record
from termgen.model.messages import located_problems
from termgen.suggest import with_suggestion
from termgen.wording import DEFAULT_STYLE, HouseStyle

CLAUSE_FILE_KIND = "clause file"
"""The cache's kind of entry for a parsed clause file (see `clause_file_key`)."""
CLAUSE_SCOPES_KIND = "clause scopes"
"""The cache's kind of entry for the id and scope of every clause file of a folder."""

RecordT = TypeVar("RecordT", bound=Record)
V = TypeVar("V")
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


def unknown_provisions(entry: Sourced[Clause], provisions: Collection[str]) -> list[Problem]:
    """A problem at each provision id the clause provides that the library does not define:
    `library lint` lists them with the clause's other problems, a draft that selects the
    clause stops at them (its findings would count a provision no check knows)."""
    return [
        Problem(
            with_suggestion(f"unknown provision id '{provision}'", provision, list(provisions)),
            entry.where("provides", index),
        )
        for index, provision in enumerate(entry.record.provides)
        if provision not in provisions
    ]


@dataclass
class Library:
    """The effective library: clauses and registries after every overlay."""

    clauses: Clauses
    sections: dict[str, Sourced[Section]]
    provisions: dict[str, Sourced[Provision]]
    layers: list[Path]
    problems: list[Problem] = field(default_factory=list)
    cache: Cache | None = None
    """Where compiled clause templates are kept between runs (see `termgen.cache`)."""
    style: HouseStyle = DEFAULT_STYLE
    """How drafts write dates and numbers (library.yaml, `style:`; see `library.style`)."""
    always_binding: tuple[str, ...] = ()
    """What a term sheet that does not bind binds on all the same (library.yaml,
    `always_binding:`): the status clauses read it, and so does the interview."""
    shared: dict[str, Sourced[SharedBlock]] = field(default_factory=dict)
    """The shared blocks clauses may start from (library.yaml, `shared:`), by id, each from
    the last layer that has it."""

    def shared_texts(self) -> dict[str, str]:
        """The text of each shared block by id: what the clauses that use one are linted with."""
        return {name: block.record.text for name, block in self.shared.items()}

    def clause(self, clause_id: str) -> Sourced[Clause]:
        """The clause with this id; the error suggests the nearest id."""
        if clause_id not in self.clauses:
            message = with_suggestion(
                f"no clause '{clause_id}' in the library", clause_id, list(self.clauses)
            )
            raise LibraryError([Problem(message)])
        return self.clauses[clause_id]


def load_library(
    layers: Sequence[Path],
    *,
    strict: bool = True,
    cache: Cache | None = None,
    with_clauses: bool = True,
) -> Library:
    """Read every layer in order; with `strict`, any problem stops with all of them listed.

    With a cache, clause files read before (same path, same bytes) are not parsed again;
    the caller saves the cache. Without clauses, only the registries and settings are read
    (`library lint` reads the clause files on its own, file by file).
    """
    problems: list[Problem] = []
    clauses: dict[str, Slot] = {}
    sections: dict[str, Sourced[Section]] = {}
    provisions: dict[str, Sourced[Provision]] = {}
    settings: list[Sourced[LibrarySettings]] = []
    for layer in layers:
        listed = _listed(layer, with_clauses, problems)
        if listed is None:
            continue
        if listed:
            _merge_clauses(clauses, listed, problems, cache)
        _merge_registry(sections, layer / SECTIONS_FILE, Section, problems, cache)
        _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems, cache)
        settings += _settings(layer / SETTINGS_FILE, problems, cache)
    prefetch = partial(cache.prefetch, CLAUSE_FILE_KIND) if cache else _no_prefetch
    library = Library(
        Clauses(clauses, prefetch),
        sections,
        provisions,
        list(layers),
        problems,
        cache,
        house_style(layer.record.style for layer in settings),
        always_binding(layer.record for layer in settings),
        {
            block.id: Sourced(block, layer.source, ("shared", index))
            for layer in settings
            for index, block in enumerate(layer.record.shared)
        },
    )
    if strict and problems:
        raise LibraryError(problems)
    return library


def _no_prefetch(contents: Iterable[bytes]) -> None:
    """Without a cache, every clause was read while loading."""


def _listed(layer: Path, with_clauses: bool, problems: list[Problem]) -> list[Path] | None:
    """The clause files of a library folder (none without `with_clauses`), or None with the
    problem added when it is no folder or cannot be listed: its files are then neither absent
    nor to be read one by one."""
    if not layer.is_dir():
        why = "is a file, not a folder" if layer.exists() else "does not exist"
        problems.append(
            Problem(
                f"clause library folder '{layer}' {why}; check the --library path and "
                f"${ENVIRONMENT_VARIABLE}"
            )
        )
        return None
    try:
        return clause_files(layer) if with_clauses else check_listable(layer)
    except LibraryError as unlisted:
        problems.extend(unlisted.problems)
        return None


def load_provisions(
    layers: Sequence[Path], cache: Cache | None = None
) -> dict[str, Sourced[Provision]]:
    """Only the provision registry of each layer, for checks that need no clauses."""
    problems: list[Problem] = []
    provisions: dict[str, Sourced[Provision]] = {}
    for layer in layers:
        if _listed(layer, False, problems) is not None:
            _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems, cache)
    problems += cue_problems(provisions.values(), cache)
    if problems:
        raise LibraryError(problems)
    return provisions


def cue_problems(
    provisions: Iterable[Sourced[Provision]],
    cache: Cache | None = None,
    known: Mapping[str, str | None] | None = None,
) -> list[Problem]:
    """Cue patterns that are not valid regular expressions, each at its line (`known`: what
    the check said of some patterns, see `pattern_problems`)."""
    return [
        Problem(message, entry.where(*path))
        for entry in provisions
        for path, message in pattern_problems(entry.record, cache, known)
    ]


def library_settings(layers: Sequence[Path], cache: Cache | None = None) -> list[LibrarySettings]:
    """The library.yaml of each layer that has one, and nothing else of the library (for the
    interview, which says what always binds before any clause is read)."""
    problems: list[Problem] = []
    found = [
        settings.record
        for layer in layers
        for settings in _settings(layer / SETTINGS_FILE, problems, cache)
    ]
    if problems:
        raise LibraryError(problems)
    return found


def _settings(
    path: Path, problems: list[Problem], cache: Cache | None
) -> list[Sourced[LibrarySettings]]:
    """The settings a layer sets in its library.yaml, if it has one, with where they are."""
    if not path.exists():
        return []
    try:
        (settings, found), source = read_validated(
            path, LIBRARY_SETTINGS, _validated_settings, cache
        )
    except LibraryError as bad:
        problems.extend(bad.problems)
        return []
    problems.extend(found)
    return [] if settings is None else [Sourced(settings, source)]


def _validated_settings(
    data: Any, source: SourceMap
) -> tuple[LibrarySettings | None, list[Problem]]:
    problems: list[Problem] = []
    return _validated(LibrarySettings, data or {}, source, (), problems), problems


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


class Unusable(Exception):
    """A clause file with problems: reported, and never kept in the cache."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def clause_file(path: FilePath, raw: bytes) -> Sourced[Clause | Disabled]:
    """A clause file from the bytes read from `path`."""
    problems: list[Problem] = []
    try:
        data, source = parse_yaml(decoded(raw, path, CLAUSE_FILE), path, CLAUSE_FILE)
    except LibraryError as bad:
        raise Unusable(bad.problems) from None
    if not isinstance(data, dict):
        message = "a clause file holds one mapping with 'id:', 'title:' and 'text:'"
        raise Unusable([Problem(message, source.locate(()))])
    model: type[Clause] | type[Disabled] = Disabled if data.get("disabled") is True else Clause
    record = _validated(model, data, source, (), problems)
    if record is None:
        raise Unusable(problems)
    return Sourced(record, source)


def clause_file_key(path: FilePath, raw: bytes) -> bytes:
    """What a parsed clause file depends on: its path (kept in its source map) and bytes."""
    return str(path).encode() + b"\0" + raw


Cached = tuple[
    Clause | Disabled,
    dict[YamlPath, tuple[int, int]],
    dict[YamlPath, tuple[int, int]],
    set[YamlPath],
]
"""A parsed clause file without its path: the key holds it, and a Path is slow to unpickle."""


def _to_cache(path: Path, raw: bytes) -> Cached:
    return to_cache(clause_file(path, raw))


def to_cache(entry: Sourced[Clause | Disabled]) -> Cached:
    return entry.record, entry.source.keys, entry.source.values, entry.source.blocks


def _from_cache(path: Path, cached: Cached) -> Sourced[Clause | Disabled]:
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
    clauses: dict[str, Slot],
    files: Iterable[Path],
    problems: list[Problem],
    cache: Cache | None,
) -> None:
    """Lay a folder's clause files over the clauses below. When the cache knows the scope of
    every clause of the folder as it is now, no clause is read here: each is read when first
    asked for (see `library.scoped`)."""
    read = _clause_file_bytes(files, problems)
    parsed: list[tuple[str, Path, Location, Slot | None]] = []

    def scopes() -> list[tuple[str, Scope | None]]:
        parsed.extend(_parsed_layer(read, problems, cache))
        ids = [clause_id for clause_id, _, _, _ in parsed]
        if len(read) != len(parsed) or len(set(ids)) != len(ids):
            raise Unusable([])  # problems to report each time: the folder is read again
        shared: dict[Scope, Scope] = {}  # one object per distinct scope: a smaller entry
        return [
            (clause_id, None if slot is None else shared.setdefault(slot.scope, slot.scope))
            for clause_id, _, _, slot in parsed
        ]

    try:
        if cache is None:
            indexed = scopes()
        else:
            indexed = cache.remember(CLAUSE_SCOPES_KIND, _folder_digest(read), scopes)
    except Unusable:
        indexed = None
    if parsed or indexed is None:
        merge_layer(clauses, parsed, problems)
        return
    merge_layer(
        clauses,
        (
            (
                clause_id,
                path,
                Location(path),
                None if scope is None else _unread(path, raw, scope, cache),
            )
            for (clause_id, scope), (path, raw) in zip(indexed, read, strict=True)
        ),
        problems,
    )


def _folder_digest(read: list[tuple[Path, bytes]]) -> bytes:
    """What the scopes of a folder's clauses depend on: every clause file's path and bytes."""
    digest = hashlib.sha256()
    for path, raw in read:
        name = str(path).encode()
        digest.update(len(name).to_bytes(8, "big") + name + len(raw).to_bytes(8, "big"))
        digest.update(raw)
    return digest.digest()


def _parsed_layer(
    read: list[tuple[Path, bytes]], problems: list[Problem], cache: Cache | None
) -> Iterator[tuple[str, Path, Location, Slot | None]]:
    """Each usable clause file of a folder, parsed (or taken from the cache)."""
    if cache is not None:
        cache.prefetch(CLAUSE_FILE_KIND, (clause_file_key(path, raw) for path, raw in read))
    for path, raw in read:
        try:
            entry = _clause_file(path, raw, cache)
        except Unusable as unusable:
            problems.extend(unusable.problems)
            continue
        record = entry.record
        slot = None
        if isinstance(record, Clause):
            slot = _unread(path, raw, Scope.of(record), cache)
            slot.entry = Sourced(record, entry.source)
        yield record.id, path, entry.where("id"), slot


def _clause_file(path: Path, raw: bytes, cache: Cache | None) -> Sourced[Clause | Disabled]:
    if cache is None:
        return clause_file(path, raw)
    key = clause_file_key(path, raw)
    return _from_cache(path, cache.remember(CLAUSE_FILE_KIND, key, partial(_to_cache, path, raw)))


def _unread(path: Path, raw: bytes, scope: Scope, cache: Cache | None) -> Slot:
    return Slot(scope, partial(_read_clause, path, raw, cache), partial(clause_file_key, path, raw))


def _read_clause(path: Path, raw: bytes, cache: Cache | None) -> Sourced[Clause]:
    """A clause of a folder whose scopes the cache knew: usable, since they are kept only for
    folders whose every file was."""
    entry = _clause_file(path, raw, cache)
    assert isinstance(entry.record, Clause), "the scopes of a folder name only its clauses"
    return Sourced(entry.record, entry.source)


def merge_layer(
    effective: dict[str, V],
    layer: Iterable[tuple[str, FilePath, Location, V | None]],
    problems: list[Problem],
) -> None:
    """Lay one folder's clauses over the ones below: a new id adds, the same id replaces, a
    disabled one removes; an id used twice within the folder is a problem (the first counts).

    Each entry is (id, file, where its id is written, what to keep, or None when disabled).
    """
    seen_in_layer: dict[str, FilePath] = {}
    for clause_id, path, id_at, kept in layer:
        earlier = seen_in_layer.get(clause_id)
        if earlier is not None:
            problems.append(
                Problem(
                    f"duplicate clause id '{clause_id}', also used in {earlier}; "
                    "each id may appear once in a library folder",
                    id_at,
                )
            )
            continue
        seen_in_layer[clause_id] = path
        if kept is None:
            effective.pop(clause_id, None)
        else:
            effective[clause_id] = kept


def _merge_registry(
    entries: dict[str, Sourced[RegistryT]],
    path: Path,
    model: type[RegistryT],
    problems: list[Problem],
    cache: Cache | None,
) -> None:
    if not path.exists():
        return
    try:
        (records, found), source = read_validated(
            path, REGISTRY_KINDS[path.name], partial(_registry, model), cache
        )
    except LibraryError as bad:
        problems.extend(bad.problems)
        return
    problems.extend(found)
    for index, record in records:
        entries[record.id] = Sourced(record, source, (index,))


def _registry(
    model: type[RegistryT], data: Any, source: SourceMap
) -> tuple[list[tuple[int, RegistryT]], list[Problem]]:
    """The valid entries of a registry file, each with its place in the list, and the
    problems of the others."""
    problems: list[Problem] = []
    if not isinstance(data, list):
        message = f"{Path(source.file).name} holds a list of entries, each starting with '- id:'"
        return [], [Problem(message, source.locate(()))]
    records: list[tuple[int, RegistryT]] = []
    seen: set[str] = set()
    for index, item in enumerate(data):
        record = _validated(model, item, source, (index,), problems)
        if record is None:
            continue
        if record.id in seen:
            message = f"duplicate id '{record.id}' in {Path(source.file).name}"
            problems.append(Problem(message, source.locate((index, "id"))))
            continue
        seen.add(record.id)
        records.append((index, record))
    return records, problems
