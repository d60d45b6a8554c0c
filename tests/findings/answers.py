"""Changes to an example's answer data, for tests that plant one fault in a good deal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def set_answer(value: Any, *path: str | int) -> Callable[[dict[str, Any]], None]:
    """A change that puts `value` at `path` in the answer data."""

    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change
