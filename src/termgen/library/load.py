"""Loading the clause library and counsel's overlays: same id replaces, new id adds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from termgen.errors import DataFileError, Problem
from termgen.findings.registry import Provision
from termgen.library.clause import Clause, Disabled
from termgen.library.sections import Section
from termgen.model.common import Record
from termgen.model.messages import located_problems
from termgen.resources import builtin
from termgen.suggest import with_suggestion
from termgen.yamlfile import SourceMap, read_yaml

ENVIRONMENT_VARIABLE = "TERMGEN_LIBRARY"
SECTIONS_FILE = "sections.yaml"
PROVISIONS_FILE = "provisions.yaml"
_REGISTRIES = (SECTIONS_FILE, PROVISIONS_FILE)

RecordT = TypeVar("RecordT", bound=Record)


class LibraryError(DataFileError):
    """A clause library that cannot be used as it is."""


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


def load_library(layers: Sequence[Path], *, strict: bool = True) -> Library:
    """Read every layer in order; with `strict`, any problem stops with all of them listed."""
    problems: list[Problem] = []
    clauses: dict[str, Sourced[Clause]] = {}
    sections: dict[str, Sourced[Section]] = {}
    provisions: dict[str, Sourced[Provision]] = {}
    for layer in layers:
        if not layer.is_dir():
            problems.append(Problem(f"clause library folder '{layer}' does not exist"))
            continue
        _merge_clauses(clauses, _clause_files(layer), problems)
        _merge_registry(sections, layer / SECTIONS_FILE, Section, problems)
        _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems)
    library = Library(clauses, sections, provisions, list(layers), problems)
    if strict and problems:
        raise LibraryError(problems)
    return library


def load_provisions(layers: Sequence[Path]) -> dict[str, Sourced[Provision]]:
    """Only the provision registry of each layer, for checks that need no clauses."""
    problems: list[Problem] = []
    provisions: dict[str, Sourced[Provision]] = {}
    for layer in layers:
        _merge_registry(provisions, layer / PROVISIONS_FILE, Provision, problems)
    if problems:
        raise LibraryError(problems)
    return provisions


def _clause_files(layer: Path) -> list[Path]:
    return sorted(
        path
        for path in layer.rglob("*.yaml")
        if not (path.parent == layer and path.name in _REGISTRIES) and path.is_file()
    )


def _read(path: Path, problems: list[Problem]) -> tuple[Any, SourceMap | None]:
    try:
        return read_yaml(path, kind="clause file", error=LibraryError)
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


def _merge_clauses(
    clauses: dict[str, Sourced[Clause]], files: Iterable[Path], problems: list[Problem]
) -> None:
    seen_in_layer: dict[str, Sourced[Clause] | Sourced[Disabled]] = {}
    for path in files:
        data, source = _read(path, problems)
        if source is None:
            continue
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    "a clause file holds one mapping with 'id:', 'title:' and 'text:'",
                    source.locate(()),
                )
            )
            continue
        model: type[Clause] | type[Disabled] = Disabled if data.get("disabled") is True else Clause
        record = _validated(model, data, source, (), problems)
        if record is None:
            continue
        entry = Sourced(record, source)
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
            clauses[record.id] = entry  # type: ignore[assignment]


def _merge_registry(
    entries: dict[str, Sourced[RecordT]], path: Path, model: type[RecordT], problems: list[Problem]
) -> None:
    if not path.exists():
        return
    data, source = _read(path, problems)
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
        record_id = record.id  # type: ignore[attr-defined]
        if record_id in seen:
            problems.append(
                Problem(f"duplicate id '{record_id}' in {path.name}", source.locate((index, "id")))
            )
            continue
        seen.add(record_id)
        entries[record_id] = Sourced(record, source, (index,))
