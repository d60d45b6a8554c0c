"""The code `dataclasses` and `typing` generate, kept in the cache: the same classes and
annotations as without it, from a cache or none, trusted or not."""

from __future__ import annotations

import dataclasses
import marshal
import pickle
import typing
from pathlib import Path

import pytest

from termgen.cache import Cache, entry_key
from termgen.generated_code import remembered

_KIND = "generated code"


def _point() -> type:
    return dataclasses.make_dataclass("Point", ["x", ("y", int, 0)], frozen=True)


def _stored(folder: Path) -> dict[str, object]:
    code: dict[str, object] = marshal.loads(Cache(folder).remember(_KIND, b"", bytes))
    return code


def _same_as_without(point: type) -> None:
    plain = _point()
    assert point(1, 2) == point(1, 2) != point(2, 1)
    assert repr(point(1)) == repr(plain(1)) == "Point(x=1, y=0)"
    assert hash(point(1, 2)) == hash(plain(1, 2))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point(1).x = 2  # type: ignore[attr-defined]


def test_a_dataclass_is_the_same_with_its_code_cold_or_warm(tmp_path: Path) -> None:
    with remembered(lambda: Cache(tmp_path)):
        cold = _point()
    assert any("def __init__(self,x:_type_x,y:" in text for text in _stored(tmp_path))
    with remembered(lambda: Cache(tmp_path)):
        warm = _point()
    _same_as_without(cold)
    _same_as_without(warm)


def test_the_code_kept_for_a_text_is_the_code_that_runs(tmp_path: Path) -> None:
    with remembered(lambda: Cache(tmp_path)):
        _point()
    init = next(text for text in _stored(tmp_path) if "def __init__(self,x:_type_x,y:" in text)
    marked = init.replace("return __init__", "__init__.marked = True\n return __init__")
    cache = Cache(tmp_path)
    kept = {init: compile(marked.split("\0", 2)[2], "<string>", "exec", dont_inherit=True)}
    cache.keep(entry_key(_KIND, b""), pickle.dumps(marshal.dumps(kept)))
    cache.save()
    with remembered(lambda: Cache(tmp_path)):
        point = _point()
    assert getattr(point.__init__, "marked", False)


@pytest.mark.parametrize(
    "entry",
    [b"", b"not marshal", marshal.dumps([1, 2]), marshal.dumps({"text": "not code", 3: None})],
)
def test_an_entry_that_is_not_code_by_text_is_compiled_afresh(tmp_path: Path, entry: bytes) -> None:
    cache = Cache(tmp_path)
    cache.keep(entry_key(_KIND, b""), pickle.dumps(entry))
    cache.save()
    with remembered(lambda: Cache(tmp_path)):
        point = _point()
    _same_as_without(point)
    assert any("def __init__(self,x:_type_x,y:" in text for text in _stored(tmp_path))


def test_without_a_cache_the_code_is_compiled_as_usual() -> None:
    with remembered(lambda: None):
        point = _point()
        reference = typing.ForwardRef("int | None")
    _same_as_without(point)
    assert eval(reference.__forward_code__) == int | None


def test_annotations_written_as_text_are_compiled_once(tmp_path: Path) -> None:
    with remembered(lambda: Cache(tmp_path)):
        cold = typing.ForwardRef("dict[str, int] | None")
    assert "<string>\0eval\0dict[str, int] | None" in _stored(tmp_path)
    with remembered(lambda: Cache(tmp_path)):
        warm = typing.ForwardRef("dict[str, int] | None")
    assert eval(warm.__forward_code__) == eval(cold.__forward_code__) == dict[str, int] | None


def test_the_modules_are_as_before_after_the_block(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), remembered(lambda: Cache(tmp_path)):
        raise RuntimeError
    assert "exec" not in vars(dataclasses)
    assert "compile" not in vars(typing)
