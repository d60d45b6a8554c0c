"""The literal words every match of a regular expression starts with, to find matches fast.

A cue such as `\\b(renew\\w*|extension)\\b...` can only match where 'renew' or 'extension'
occurs; finding those words with `str.find` and trying the pattern only there is many times
faster than letting the regex engine try every position of a long agreement.

Cues are counsel's text, so they run under the `regex` engine, which takes a timeout: a cue
that backtracks without end on some draft stops with an error instead of hanging `check`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import regex

from termgen.library.provisions import cue_regex

try:  # the parser behind `re`, private but stable since Python 3.11; without it, scan fully
    from re import _constants as _codes  # type: ignore[attr-defined]  # private module
    from re import _parser  # type: ignore[attr-defined]  # private module
except ImportError:  # pragma: no cover - a Python whose `re` is organised differently
    _parser = None


@lru_cache(maxsize=4096)
def compiled(pattern: str) -> tuple[regex.Pattern[str], frozenset[str] | None]:
    """The pattern compiled case-insensitively, and its lower-case leading literals if known."""
    return cue_regex(pattern), _leading_literals(pattern)


def _leading_literals(pattern: str) -> frozenset[str] | None:
    if _parser is None:
        return None
    try:
        found = _prefixes(list(_parser.parse(pattern, re.IGNORECASE)))
    except (AttributeError, TypeError, ValueError, re.error):
        return None
    return frozenset(found) if found and all(found) else None


def _prefixes(items: Sequence[Any]) -> set[str] | None:
    """Leading literal text of each way the pattern can start; None when one has none."""
    index = 0
    while index < len(items) and items[index][0] is _codes.AT:
        index += 1
    if index == len(items):
        return None
    op, argument = items[index]
    if op is _codes.LITERAL:
        text = ""
        while index < len(items) and items[index][0] is _codes.LITERAL:
            text += chr(items[index][1])
            index += 1
        return {text.lower()}
    if op is _codes.SUBPATTERN:
        return _prefixes(list(argument[-1]))
    if op is _codes.BRANCH:
        found: set[str] = set()
        for alternative in argument[1]:
            starts = _prefixes(list(alternative))
            if not starts:
                return None
            found |= starts
        return found
    return None


def match_starts(
    pattern: str, text: str, lowered: str | None, deadline: float | None = None
) -> Iterator[int]:
    """Where matches of `pattern` start in `text` (`lowered` is text.lower(), same length).

    Past `deadline` (a time.monotonic() value), TimeoutError, even inside one engine call.
    """
    compiled_pattern, literals = compiled(pattern)

    def left() -> float | None:
        if deadline is None:
            return None
        seconds = deadline - time.monotonic()
        if seconds <= 0:
            raise TimeoutError
        return seconds

    if literals is None or lowered is None:
        yield from (match.start() for match in compiled_pattern.finditer(text, timeout=left()))
        return
    for literal in literals:
        position = lowered.find(literal)
        while position != -1:
            if compiled_pattern.match(text, position, timeout=left()):
                yield position
            position = lowered.find(literal, position + 1)
