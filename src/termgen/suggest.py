"""Nearest-choice suggestions for misspelt keys, choices and names."""

from __future__ import annotations

import difflib
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
        return f"{problem}, did you mean '{match}'?"
    return f"{problem}; choose one of {quoted(choices)}"
