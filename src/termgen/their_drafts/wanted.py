"""What a draft is checked for: each provision's id, label, severity and cues, as plain data.

`termgen check` keeps the provision registry in this form in the cache, keyed by the
registry files: a run that finds it there imports neither YAML nor the validating models
(pydantic), which took longer than everything else `check` does before matching. Detection
takes the validated `Provision` as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from termgen.cache import remembered
from termgen.library.folders import PROVISIONS_FILE

if TYPE_CHECKING:
    from termgen.cache import Cache
    from termgen.library.provisions import Severity


class CheckableCue(Protocol):
    @property
    def all(self) -> Sequence[str]: ...
    @property
    def none(self) -> Sequence[str]: ...


class CheckableCues(Protocol):
    @property
    def present(self) -> Sequence[CheckableCue]: ...
    @property
    def weak(self) -> Sequence[CheckableCue]: ...
    @property
    def refused(self) -> Sequence[CheckableCue]: ...
    @property
    def window(self) -> int: ...
    @property
    def defined(self) -> bool: ...


class Checkable(Protocol):
    """What detection reads of a provision: a `Provision`, or a `Wanted` from the cache."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def cues(self) -> CheckableCues | None: ...


@dataclass(frozen=True)
class WantedCue:
    all: tuple[str, ...]
    none: tuple[str, ...]


@dataclass(frozen=True)
class WantedCues:
    present: tuple[WantedCue, ...]
    weak: tuple[WantedCue, ...]
    refused: tuple[WantedCue, ...]
    window: int
    defined: bool


@dataclass(frozen=True)
class Wanted:
    id: str
    label: str
    severity: Severity
    cues: WantedCues | None

    @classmethod
    def of(cls, provision: Checkable) -> Wanted:
        cues = provision.cues
        return cls(
            provision.id,
            provision.label,
            provision.severity,
            None
            if cues is None
            else WantedCues(
                _cues(cues.present),
                _cues(cues.weak),
                _cues(cues.refused),
                cues.window,
                cues.defined,
            ),
        )


def _cues(cues: Sequence[CheckableCue]) -> tuple[WantedCue, ...]:
    return tuple(WantedCue(tuple(cue.all), tuple(cue.none)) for cue in cues)


def wanted_provisions(layers: Sequence[Path], cache: Cache | None) -> list[Wanted]:
    """The provisions of the library's folders, validated, from the cache while their files
    stay as they were; a registry with problems raises LibraryError on every run."""
    content = b"\0".join(_identity(layer / PROVISIONS_FILE) for layer in layers)
    return remembered(cache, "provisions to check", content, partial(_validated, layers, cache))


def _identity(registry: Path) -> bytes:
    try:
        return str(registry).encode() + b"\0" + registry.read_bytes()
    except (FileNotFoundError, NotADirectoryError):  # an overlay without one, or no overlay
        return str(registry).encode() + (b"\0-" if registry.parent.is_dir() else b"\0?")
    except OSError:  # unreadable, or in a folder that is: never what a missing one gave
        return str(registry).encode() + b"\0!"


def _validated(layers: Sequence[Path], cache: Cache | None) -> list[Wanted]:
    from termgen.library.load import load_provisions

    return [Wanted.of(entry.record) for entry in load_provisions(layers, cache).values()]
