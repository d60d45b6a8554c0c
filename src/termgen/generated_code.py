"""The Python code that `dataclasses` and `typing` write as modules are imported, compiled
once and kept in the cache.

For each dataclass, Python 3.11's `dataclasses` writes the text of its __init__, __repr__,
__eq__ (and a frozen one's __setattr__, __delattr__, __hash__) and parses and compiles each
text on its own; `typing` compiles the text of every annotation written as a string (a
TypedDict's, a pydantic model's). That was a quarter of importing what a draft needs: the
dataclasses of termgen, pydantic and annotated_types alone 200 M of the 1,750 M instructions
of a draft. The code depends only on the text, so it is kept in the cache by text: a run
that has seen a text before runs the code compiled then, and a text not seen before is
compiled as those modules would compile it. The cache's checksums guard the code as they
guard the Jinja code kept there (`termgen.cache`).
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import pickle
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import CodeType, ModuleType
from typing import Any

from termgen.cache import Cache, entry_key

_KIND = "generated code"
_PATCHED: tuple[tuple[ModuleType, str], ...] = ((dataclasses, "exec"), (typing, "compile"))
"""The modules that compile generated text, and the builtin each calls to do it."""


class _Remembered:
    """Compiled code by the text it was compiled from, read from the cache on first use."""

    def __init__(self, open_cache: Callable[[], Cache | None]) -> None:
        self._open_cache = open_cache
        self.cache: Cache | None = None
        self._known: dict[str, CodeType] | None = None
        self.added = False

    def exec(self, source: Any, namespace: Any = None, local_names: Any = None, /) -> None:
        """`exec` as `dataclasses` calls it, with the code of a text compiled before."""
        if isinstance(source, str):
            source = self.code(source, "<string>", "exec")
        builtins.exec(source, namespace, local_names)

    def compile(self, source: Any, filename: str, mode: str, *more: Any, **options: Any) -> Any:
        """`compile` as `typing` calls it (a text, no flags), with the code compiled before."""
        if isinstance(source, str) and not more and not options:
            return self.code(source, filename, mode)
        return builtins.compile(source, filename, mode, *more, **options)

    def code(self, text: str, filename: str, mode: str) -> CodeType:
        known = self._loaded()
        key = f"{filename}\0{mode}\0{text}"
        code = known.get(key)
        if code is None:
            # dont_inherit: compiled as in the calling module, without this one's __future__.
            code = known[key] = builtins.compile(text, filename, mode, dont_inherit=True)
            self.added = True
        return code

    def stored(self) -> bytes:
        """What to keep in the cache: every text's code, marshalled."""
        return marshal.dumps(self._loaded())

    def _loaded(self) -> dict[str, CodeType]:
        if self._known is None:
            self.cache = self._open_cache()
            self._known = {}
            if self.cache is not None:
                self._known = _read(self.cache.remember(_KIND, b"", bytes))
        return self._known


def _read(stored: bytes) -> dict[str, CodeType]:
    """The code kept in the cache; nothing from an entry that is not what `stored` wrote."""
    try:
        known = marshal.loads(stored)
    except (EOFError, ValueError, TypeError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {
        key: code
        for key, code in known.items()
        if isinstance(key, str) and isinstance(code, CodeType)
    }


@contextmanager
def remembered(open_cache: Callable[[], Cache | None]) -> Iterator[None]:
    """While in this block, the code `dataclasses` and `typing` generate comes from the cache
    `open_cache` gives (opened when the first text is compiled); code compiled for a new text
    is kept there at the end."""
    remembering = _Remembered(open_cache)
    hooks = {"exec": remembering.exec, "compile": remembering.compile}
    for module, name in _PATCHED:
        setattr(module, name, hooks[name])
    try:
        yield
    finally:
        for module, name in _PATCHED:
            delattr(module, name)
        if remembering.added and remembering.cache is not None:
            stored = pickle.dumps(remembering.stored(), protocol=pickle.HIGHEST_PROTOCOL)
            remembering.cache.keep(entry_key(_KIND, b""), stored)
            remembering.cache.save()
