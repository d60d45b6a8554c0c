"""YAML read from libyaml's events is what building from its composed nodes gives: the same
data, the same source map, the same refusal at the same line."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from termgen.errors import LibraryError
from termgen.files.datafile import SourceMap
from termgen.files.read import ANSWER_FILE, CLAUSE_FILE
from termgen.files.yaml_reading import _read_plainly, built, parsed

from ..conftest import EXAMPLES, ROOT

TEXTS = [
    "",
    "# only a comment\n",
    "---\n",
    "id: a.b\norder: 007\nversion: 1.10\nwhen: null\nempty:\nflag: True\nno: no\n",
    "text:\n  preferred: |\n    line one\n    line two\n  fallback:\n  - label: x\n    text: >\n      folded\n",
    "dates: [2027-01-31, 2027-02-30, 2027-01-31 10:00]\nnumbers: [1_000, 12:30, .inf, 0x1f, 1e5]\n",
    "quoted: ['007', \"1.10\", 'true', '']\nflow: {a: [1, {b: c}]}\n",
    "value: =\n",
    "value: <<\n",
    "<<: {a: 1}\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: !!python/object:os.system ls\n",
    "? [a, b]\n: 1\n",
    "---\na: 1\n---\nb: 2\n",
    "a: " + "1" * 101 + "\n",
    "a: 1e500\n",
    "a: [" * 45 + "]" * 45 + "\n",
    "a: 'unclosed\n",
    "a:\n\t- tab\n",
    "a: b\x01c\n",
    "".join(f"k{index}: {first}x 1\n" for index, first in enumerate("aAzZé_(/~<=.+-019nNyYtTfFoO")),
    "".join(
        f"k{index}: {word}\n" for index, word in enumerate(["on", "Off", "NULL", "~", "=", "."])
    ),
    *(f"a: {first}x\n" for first in "?:%@`|>!&*"),
]


def _outcome(read: Any, text: str) -> tuple[object, ...]:
    try:
        data, source = read(text, Path("clause.yaml"), CLAUSE_FILE)
    except LibraryError as refused:
        return ("refused", str(refused))
    return ("read", repr(data), [type(value) for value in _values(data)], source)


def _values(data: Any) -> list[Any]:
    if isinstance(data, dict):
        return [data, *(value for item in data.values() for value in _values(item))]
    if isinstance(data, list):
        return [data, *(value for item in data for value in _values(item))]
    return [data]


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_is_read_or_refused_as_the_builder_reads_it(text: str) -> None:
    assert _outcome(parsed, text) == _outcome(built, text)


def test_every_yaml_file_termgen_ships_is_read_from_the_events() -> None:
    shipped = [*EXAMPLES, *(ROOT / "clause_library").rglob("*.yaml")]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert _read_plainly(text, path) == built(text, path, CLAUSE_FILE), path


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_a_source_map_read_back_from_the_cache_locates_as_it_did(example: Path) -> None:
    """Its places are unpickled only when first asked for (a draft without findings never
    asks); then they are the same, and so are they pickled again."""
    _, source = parsed(example.read_text(encoding="utf-8"), example, ANSWER_FILE)
    again = pickle.loads(pickle.dumps(source))
    assert "values" not in vars(again)
    path = ("parties", 1, "short_name")
    assert again.locate(path) == source.locate(path)
    for each in (again, pickle.loads(pickle.dumps(again))):
        assert _places(each) == _places(source)


def _places(source: SourceMap) -> tuple[object, ...]:
    return source.file, source.keys, source.values, source.blocks
