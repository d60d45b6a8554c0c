"""Cue patterns compiled for the `regex` engine: once a run, and from the cache once at all.

Imported only where cues are matched or linted: drafting loads provisions but never matches a
cue, and `regex` costs every run that imports it.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    import regex

    from termgen.cache import Cache

_COMPILED: dict[str, regex.Pattern[str]] = {}


def cue_regex(pattern: str) -> regex.Pattern[str]:
    """A cue pattern compiled once, case-insensitively, for the `regex` engine (which takes a
    timeout, so that a cue that backtracks without end can be stopped)."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        import regex

        compiled = _COMPILED[pattern] = regex.compile(
            pattern, regex.IGNORECASE | regex.MULTILINE | regex.V0
        )
    return compiled


def remember_cue_regexes(patterns: Iterable[str], cache: Cache) -> None:
    """Compile cue patterns as an earlier run did: `regex` pickles a compiled pattern as its
    program, which the engine takes back without parsing the pattern again (microseconds, where
    compiling takes milliseconds a pattern). Keyed by `regex`'s version, whose programs they are.
    """
    import regex

    kind = f"cue regex {regex.__version__}"
    contents = {pattern: pattern.encode() for pattern in patterns if pattern not in _COMPILED}
    cache.prefetch(kind, contents.values())
    for pattern, content in contents.items():
        _COMPILED[pattern] = cache.remember(kind, content, partial(cue_regex, pattern))
