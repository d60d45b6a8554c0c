"""A template's tags with its words left out: what the static checks of a text depend on.

The checks (`templating.check`) read names, tags and expressions, never the plain words
between tags, so two texts with the same skeleton get the same issues at the same lines: an
overlay's variants of one clause are checked once. The skeleton is found with one regular
expression instead of Jinja's lexer (a Python generator, most of the cost of a check key).
It must never give two texts the same skeleton when Jinja would read their tags differently,
so whenever the expression and Jinja could disagree (a brace between tags, braces nested
twice inside a tag), the whole text is its own skeleton. One level of braces inside a tag (a
dict, `{% set events = {'a': 'b'} %}`) is read as Jinja reads it: while a brace is open, a
closing delimiter is an operator, not the end of the tag.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import cast

_STRING = r"""'[^'\\]*(?:\\.[^'\\]*)*'|"[^"\\]*(?:\\.[^"\\]*)*\""""
_BRACED = rf"\{{(?:[^'\"{{}}]++|{_STRING})*\}}"
_TAGS = re.compile(
    # Tags as Jinja's lexer ends them: a print or block tag at its first closing delimiter
    # outside a string and outside a pair of braces (braces within braces make the tag
    # unmatched, so the text is kept whole); a comment at its first '#}', as Jinja does. A
    # run of other characters is taken whole (`++`, never given back): a tag cannot end
    # inside one, and giving it back a character at a time was most of the time taken.
    rf"(\{{\{{(?:[^'\"{{}}]++|{_STRING}|{_BRACED})*\}}\}}"
    rf"|\{{%(?:[^'\"{{}}%]++|{_STRING}|%(?!\}})|{_BRACED})*%\}}"
    r"|\{#.*?#\})",
    re.DOTALL,
)
_WORDS = re.compile(r"[^\s\0]+")
_WORD = "w"
_KEPT = 8192
"""Lines and runs of words whose skeleton a process keeps: a few times the distinct ones of
the built-in texts."""
_APART = "\0"
"""Joins the runs between tags, to look for braces in one pass; a text holding it is its own
skeleton (no text a clause may hold does)."""


def skeleton(source: str) -> str:
    """The text with every run of words between tags written as one letter.

    Whitespace stays as written (line numbers, and whether a line holds only a tag, depend
    on it), and so does the number of words: only what Jinja keeps as plain text changes.

    Line by line, each line's skeleton kept for the lines seen before in this process (an
    overlay's variants of a clause share most of their lines; splitting each whole text was
    most of a check key's time). Where every line reads cleanly on its own (no brace between
    its tags, no NUL), the whole text reads as its lines do: a tag ends at its first closing
    delimiter outside strings and braces, so a tag, string or comment that runs past a line's
    end leaves an unmatched brace in that line, and such a text is split whole.
    """
    lines = [_line_skeleton(line) for line in source.split("\n")]
    if None in lines:
        return _whole_skeleton(source)
    return "tags\0" + "\n".join(cast(list[str], lines))


@lru_cache(maxsize=_KEPT)
def _line_skeleton(line: str) -> str | None:
    """A line's tags with its words as letters, or None when it does not read cleanly alone."""
    parts = _TAGS.split(line)
    if not _clean_between(parts, line):
        return None
    parts[0::2] = map(_as_letters, parts[0::2])
    return "".join(parts)


def _whole_skeleton(source: str) -> str:
    parts = _TAGS.split(source)
    if not _clean_between(parts, source):
        return "whole\0" + source
    parts[0::2] = map(_as_letters, parts[0::2])
    return "tags\0" + "".join(parts)


def _clean_between(parts: list[str], source: str) -> bool:
    """Whether the text between the tags `parts` split `source` into holds no brace, and the
    text no NUL: else the expression and Jinja could read its tags differently."""
    between = _APART.join(parts[0::2])
    return not ("{" in between or "}" in between or _APART in source)


@lru_cache(maxsize=_KEPT)
def _as_letters(words: str) -> str:
    """A run of text between tags with each word written as one letter. Kept for the runs
    seen before in this process: an overlay's variants of a clause share most of theirs, and
    writing each word of a long run was most of the skeleton's time."""
    return _WORDS.sub(_WORD, words)


_NAMED_CLAUSE = re.compile(rf"({_STRING})\s*\|\s*clause\b")


def clause_references(source: str) -> list[tuple[int, str]]:
    """The clause ids a text names in its tags with the `clause` filter (`{{ 'exit.costs' |
    clause }}`), each with its line (1-based): a draft stops at a reference to a clause that
    is not there, so `library lint` looks for each id in the library."""
    found = []
    for tag in _TAGS.finditer(source):
        for named in _NAMED_CLAUSE.finditer(tag.group()):
            line = source.count("\n", 0, tag.start() + named.start()) + 1
            found.append((line, named.group(1)[1:-1]))
    return found
