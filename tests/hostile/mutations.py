"""Mutated answer files: the examples with values, lines and bytes changed in hostile ways.

A mutation is a list of operations, each `(kind, where, which)`: `where` picks the place (a
line, a value, a byte offset, taken modulo what the file has) and `which` picks the payload.
The same operations always give the same file, so a failure found by the fuzz script or by
hypothesis can be replayed exactly.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..conftest import EXAMPLES

Operation = tuple[str, int, int]

KINDS = ("value", "structure", "delete_line", "duplicate_line", "truncate", "bytes", "indent")

VALUES = [
    # control and other characters a document cannot carry, as YAML escapes and raw
    '"a\\x01b"',
    '"\\0"',
    '"\\e[31m"',
    '"x\\x0by"',
    '"\\uFFFE"',
    '"\\ud800"',
    "a\x01b",
    "a\x7fb",
    '"line\\nbreak"',
    "'semi;colon, comma'",
    # numbers beyond sane bounds
    "9" * 5000,
    "1e999999999",
    "-1",
    "0",
    "99999999999",
    "1" + "0" * 99,
    "1e99",
    "NaN",
    ".inf",
    # durations and dates that leave the calendar
    "99999999999 years",
    "9000 years",
    "4000000 days",
    "101 years",
    "0 days",
    "1200 months",
    "9999-12-31",
    "0001-01-01",
    "2027-02-30",
    "1899-12-31",
    # money and quantities
    "EUR 1e999",
    "EUR 99999999999999999999bn",
    "XXX 5m",
    "USD -5",
    "40 FTE" * 1000,
    # long text and names
    "x" * 20_001,
    "я" * 200,
    "я" * 119,
    "x" * 12_000,
    '"' + "\\t" * 50 + '"',
    # YAML that is not a value
    "[",
    "{",
    "&anchor x",
    "*alias",
    "!!python/object:os.system ls",
    "<<: {}",
    "|",
    ">-",
    "'unclosed",
    "[1, [2, [3, [4]]]]",
    "{a: {b: {c: {}}}}",
    "~",
    "true",
    "[]",
    "{}",
    "\t- tab",
    "---\nsecond: document",
    "%YAML 1.1",
    # dates that are no dates, shares past the whole
    "0000-00-00",
    "2027-13-01",
    "150",
    "-50",
    "100.0000000001",
    # text that a template or a terminal could take for its own
    '"{{ 7 * 7 }}"',
    '"{% for x in range(99999999) %}x{% endfor %}"',
    "\"{{ ''.__class__.__mro__ }}\"",
    '"{# open comment"',
    "N\u0410W",
    '"N\u202eAW"',
    '"\u200bNAW"',
    "&a [*a, *a]",
    "!!binary aGk=",
    "!!set {a, b}",
    "!!timestamp 2027-01-01",
    "? complex key",
]
"""Payloads for a value: each was, or is close to, a failure the red team found."""

PYTHON_VALUES: list[Any] = [
    "a\x00b",
    "\x1b[0m",
    "\ufffe",
    "x\x0by",
    "\x7f",
    "line\nbreak",
    "x" * 20_001,
    "я" * 200,
    10**5000 // 10**4000,
    -(10**30),
    99_999_999_999,
    1e308,
    float("inf"),
    2.5,
    "99999999999 years",
    "4000000 days",
    "9999-12-31",
    "0001-01-01",
    None,
    [],
    {},
    [[[[[]]]]],
    {"a": {"b": {"c": 1}}},
    True,
    "",
    " ",
]
"""Payloads for `structure`: any value, written back by PyYAML so that the file stays YAML."""

_BYTES = [b"\x00", b"\xff\xfe", b"\xc3", b"\xef\xbb\xbf", b"\r", b"\x85", b"\t", b"\x1b"]


def example_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in EXAMPLES]


def mutated(text: str, operations: Sequence[Operation]) -> bytes:
    """The example text with every operation applied in turn, as the bytes of a file."""
    data = text.encode()
    for kind, where, which in operations:
        data = _apply(data, kind, where, which)
    return data


def random_operations(rng: random.Random, most: int = 3) -> list[Operation]:
    return [
        (rng.choice(KINDS), rng.randrange(1 << 30), rng.randrange(1 << 30))
        for _ in range(rng.randint(1, most))
    ]


def write_case(folder: Path, text: str, operations: Sequence[Operation]) -> Path:
    path = folder / "deal.yaml"
    path.write_bytes(mutated(text, operations))
    return path


def _apply(data: bytes, kind: str, where: int, which: int) -> bytes:
    lines = data.split(b"\n")
    line = where % max(len(lines), 1)
    if kind == "value":
        return _replace_value(lines, where, VALUES[which % len(VALUES)].encode())
    if kind == "structure":
        return _replace_structure(data, where, PYTHON_VALUES[which % len(PYTHON_VALUES)])
    if kind == "delete_line":
        return b"\n".join(lines[:line] + lines[line + 1 :])
    if kind == "duplicate_line":
        return b"\n".join(lines[: line + 1] + lines[line:])
    if kind == "truncate":
        return data[: where % (len(data) + 1)]
    if kind == "bytes":
        offset = where % (len(data) + 1)
        return data[:offset] + _BYTES[which % len(_BYTES)] + data[offset:]
    if kind == "indent":
        lines[line] = b" " * (which % 5) + lines[line]
        return b"\n".join(lines)
    raise ValueError(kind)


def _replace_value(lines: list[bytes], where: int, payload: bytes) -> bytes:
    """Replace what follows 'key: ' (or '- ') on one of the lines that has a value."""
    candidates = [
        index
        for index, line in enumerate(lines)
        if b": " in line or line.lstrip().startswith(b"- ")
    ]
    if not candidates:
        return b"\n".join(lines)
    index = candidates[where % len(candidates)]
    line = lines[index]
    cut = line.index(b": ") + 2 if b": " in line else line.index(b"- ") + 2
    lines[index] = line[:cut] + payload
    return b"\n".join(lines)


def _replace_structure(data: bytes, where: int, payload: Any) -> bytes:
    """Set one node of the parsed file (a mapping value or list item) to `payload`."""
    try:
        root = yaml.safe_load(data)
    except (yaml.YAMLError, ValueError):
        return data
    places = list(_places(root))
    if not places:
        return data
    container, key = places[where % len(places)]
    container[key] = payload
    try:
        return yaml.safe_dump(root, allow_unicode=True, sort_keys=False).encode()
    except (yaml.YAMLError, ValueError, OverflowError):
        return data


def _places(node: Any) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from _places(value)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from _places(value)
