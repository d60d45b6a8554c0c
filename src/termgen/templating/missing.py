"""Values a deal does not have yet, and how they read: the [●] of an open point."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

PLACEHOLDER = "[●]"
PLACEHOLDER_MARK = "\ue000"
"""Stands for an open point inside rendered clause text until the draft marks it up."""


class _Missing:
    """A value the deal does not have yet: falsy, empty, and written as the placeholder."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __str__(self) -> str:
        return PLACEHOLDER_MARK

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


def is_missing(value: Any) -> bool:
    return value is None or value is MISSING
