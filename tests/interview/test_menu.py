"""How a menu's choice is echoed on its last line, which the terminal does not wrap."""

from __future__ import annotations

import pytest

from termgen.interview.menu import echo

LABEL = "software codevelopment (SDV stack, middleware, over-the-air updates)"


@pytest.mark.parametrize(
    ("room", "columns", "shown"),
    [
        (80, 100, f" {LABEL}"),
        (30, 60, " software codevelopment"),
        (21, 60, "\n  software codevelopment (SDV stack, middleware,…"),
    ],
    ids=["fits", "without its explanation", "on a line of its own"],
)
def test_a_long_choice_is_echoed_whole_words_within_the_line(
    room: int, columns: int, shown: str
) -> None:
    echoed = echo(LABEL, room, columns)
    assert echoed == shown
    first, *rest = echoed.split("\n")
    assert len(first) <= room + 1 and all(len(line) <= columns for line in rest)
