"""Small pieces of English used in messages and drafts."""

from __future__ import annotations

from collections.abc import Sequence


def and_join(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def humanise(identifier: str) -> str:
    """'change_of_control' -> 'change of control'."""
    return identifier.replace("_", " ")
