"""Nearest-choice suggestions for misspelt keys, choices and names."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `word`, or None when nothing is close enough to suggest."""
    folded = {choice.casefold(): choice for choice in choices}
    if word.casefold() in folded:
        return folded[word.casefold()]
    matches = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None


def quoted(names: Sequence[str]) -> str:
    """'a', 'b', 'c' for a message; says so when there is nothing to list."""
    return ", ".join(f"'{name}'" for name in names) if names else "(none defined)"


def with_suggestion(problem: str, word: str, choices: Sequence[str]) -> str:
    """End `problem` with the nearest choice to `word`, or else with the list of choices."""
    match = nearest(word, choices)
    if match is not None and match != word:
        return f"{problem}, did you mean '{match}'?{_lookalike(match, word)}"
    return f"{problem}; choose one of {quoted(choices)}"


def _lookalike(match: str, word: str) -> str:
    """What tells `match` from `word` when they differ only in letters of other scripts that
    look the same (a Cyrillic А for a Latin A): else "did you mean 'NАW'" for 'NAW' says
    nothing the reader can see."""
    if len(match) != len(word):
        return ""
    pairs = [(ours, theirs) for ours, theirs in zip(match, word, strict=True) if ours != theirs]
    names = [(unicodedata.name(ours, ""), unicodedata.name(theirs, "")) for ours, theirs in pairs]
    if not all(
        " " in ours and " " in theirs and ours.split(" ", 1)[1] == theirs.split(" ", 1)[1]
        for ours, theirs in names
    ):
        return ""
    ours, theirs = pairs[0]
    return (
        f" They look alike, but '{match}' writes {_spelt(ours)} where this writes "
        f"{_spelt(theirs)}; type the name the same way in both places"
    )


def _spelt(letter: str) -> str:
    """'the Cyrillic А (U+0410)'."""
    script = unicodedata.name(letter).split(" ", 1)[0].capitalize()
    return f"the {script} {letter} (U+{ord(letter):04X})"
