"""Reading YAML data files people edit: YAML 1.2 core types, a source map, clear refusals."""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from termgen.cache import Cache, remembered
from termgen.errors import DataFileError, Location, Problem
from termgen.files.read import FilePath, Kind, decoded, read_bytes, read_text

T = TypeVar("T")

MAX_DEPTH = 40
"""Levels of nesting a data file may have; the deepest answer is about eight levels down."""
MAX_ENTRIES = 1_000
"""Entries in one list or mapping: a deal with a thousand contributions is already far out."""
MAX_DIGITS = 100
"""Digits a number may have; more is a typo or an attack on Python's number parsing."""

YamlPath = tuple[str | int, ...]


class SourceInt(int):
    """An integer read from YAML that remembers how it was written ('007')."""

    source: str

    def __new__(cls, text: str) -> SourceInt:
        number = super().__new__(cls, int(text))
        number.source = text
        return number


class SourceDecimal(Decimal):
    """A number read from YAML that remembers how it was written ('1.10')."""

    source: str

    def __new__(cls, text: str) -> SourceDecimal:
        number = super().__new__(cls, text)
        number.source = text
        return number

    def __reduce__(self) -> tuple[type[SourceDecimal], tuple[str]]:
        return type(self), (self.source,)


@dataclass
class SourceMap:
    """Where each key and value of a YAML file was written (0-based line and column)."""

    file: FilePath
    keys: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    blocks: set[YamlPath] = field(default_factory=set)

    def locate(self, path: Sequence[str | int], *, at_key: bool = False) -> Location:
        """The closest written place for `path`: itself, or else its nearest written parent."""
        return Location(self.file, *self.spot(path, at_key=at_key))

    def spot(self, path: Sequence[str | int], *, at_key: bool = False) -> tuple[int, int]:
        """The line and column (1-based) `locate` gives, without making a Location."""
        path = tuple(path)
        written = None if at_key else self.values.get(path)
        if written is not None:  # nearly always: a value that was read
            return written[0] + 1, written[1] + 1
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            tables = (self.keys, self.values) if at_key or length < len(path) else (self.values,)
            for table in tables:
                if prefix in table:
                    line, column = table[prefix]
                    return line + 1, column + 1
        return 1, 1

    def written(self, path: Sequence[str | int]) -> bool:
        """Whether the file writes `path` or a parent of it below the top (`locate` then gives
        that parent's line, where the answer would go)."""
        path = tuple(path)
        return any(
            path[:length] in self.keys or path[:length] in self.values
            for length in range(1, len(path) + 1)
        )

    def text_line(self, path: Sequence[str | int], line_in_text: int) -> Location:
        """The file location of line `line_in_text` (1-based) of the text value at `path`."""
        return Location(self.file, self.first_text_line(path) + line_in_text - 1)

    def first_text_line(self, path: Sequence[str | int]) -> int:
        """The file line of the first line of the text value at `path`: a block's ('|' or
        '>') starts on the line below its key."""
        path = tuple(path)
        return self.spot(path)[0] + (1 if path in self.blocks else 0)

    def __reduce__(self) -> tuple[type[_PickledSourceMap], tuple[FilePath, bytes]]:
        """Pickled with its places as one piece, which is read back only when first asked
        for: a file read from the cache is located in only where a problem or a finding is,
        and the map of a long answer file (a thousand contributions: 40,000 places, each a
        pair of tuples) took longer to read back than the deal, and made the garbage
        collector read it all once more."""
        places = (self.keys, self.values, self.blocks)
        return _PickledSourceMap, (self.file, pickle.dumps(places, pickle.HIGHEST_PROTOCOL))


class _PickledSourceMap(SourceMap):
    """A source map read back from a pickle, its places unpickled on first use."""

    def __init__(self, file: FilePath, places: bytes) -> None:
        self.file = file
        self._places = places

    def __getattr__(self, name: str) -> Any:
        """Only called for what the object does not have yet: its places, before first use."""
        if name not in ("keys", "values", "blocks"):
            raise AttributeError(name)
        self.keys, self.values, self.blocks = pickle.loads(self._places)
        return getattr(self, name)


def read_yaml(path: Path, *, kind: Kind) -> tuple[Any, SourceMap]:
    """Plain data and a source map for a YAML file; None for an empty file."""
    return parse_yaml(read_text(path, kind), Path(path), kind)


def read_validated(
    path: Path, kind: Kind, validate: Callable[[Any, SourceMap], T], cache: Cache | None
) -> tuple[T, SourceMap]:
    """`validate` of a YAML file's data, with its source map; kept in the cache by the file's
    path and bytes, so an unchanged file is neither parsed nor validated again (building a
    model's validators is a large part of a short command). A file that fails is never kept.
    """
    path = Path(path)
    raw = read_bytes(path, kind)

    def parsed_and_validated() -> tuple[T, SourceMap]:
        data, source = parse_yaml(decoded(raw, path, kind), path, kind)
        return validate(data, source), source

    key = str(path).encode() + b"\0" + raw
    return remembered(cache, f"validated {kind.noun}", key, parsed_and_validated)


def parse_yaml(text: str, path: FilePath, kind: Kind) -> tuple[Any, SourceMap]:
    """`read_yaml` for text already read from `path` (see `termgen.files.read`)."""
    # Imported on first use: a run whose files all come from the cache parses no YAML.
    from termgen.files.yaml_reading import parsed

    return parsed(text, path, kind)


def whole_file(
    path: FilePath, message: str, error: type[DataFileError] = DataFileError
) -> DataFileError:
    """An error about a file as a whole."""
    return error([Problem(message, Location(path))])
