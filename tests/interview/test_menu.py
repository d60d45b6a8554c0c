"""How a menu draws its choices: a window of them on a short terminal, the choice echoed on its
last line, which the terminal does not wrap: wrapped at word boundaries, never cut."""

from __future__ import annotations

import io
import re

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from termgen.interview.menu import Menus, _State, echo

from .terminal import ENTER

UP = "\x1b[A"

LABEL = "software codevelopment (SDV stack, middleware, over-the-air updates)"


@pytest.mark.parametrize(
    ("room", "columns", "shown"),
    [
        (80, 100, f" {LABEL}"),
        (30, 60, " software codevelopment"),
        (21, 60, "\n  software codevelopment (SDV stack, middleware,\n  over-the-air updates)"),
    ],
    ids=["fits", "without its explanation", "on lines of its own, wrapped, not cut"],
)
def test_a_long_choice_is_echoed_whole_words_within_the_line(
    room: int, columns: int, shown: str
) -> None:
    echoed = echo(LABEL, room, columns)
    assert echoed == shown
    first, *rest = echoed.split("\n")
    assert len(first) <= room + 1 and all(len(line) <= columns for line in rest)


def _drawn(keys: str, titles: list[str], rows: int) -> tuple[int, list[str]]:
    """The choice picked with these keys, and the lines the menu drew, in a terminal of this
    height (a real prompt_toolkit output, its control sequences left out)."""
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=rows, columns=60), term="xterm")
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        picked = Menus().pick("?", "Change an answer?", titles, 0, input=pipe, output=output)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][AB0-2]|\x1b[=>]|\x08", "", written.getvalue())
    return picked, [line for line in text.split("\r\n") if line.strip()]


def test_a_long_menu_shows_a_window_of_its_choices_that_fits_the_terminal() -> None:
    titles = [f"Choice {number}" for number in range(1, 61)]
    picked, lines = _drawn(f"{UP}{ENTER}", titles, rows=24)
    assert picked == 59
    first_frame = lines[: lines.index("   ↓ 42 more below") + 1]
    assert first_frame[0] == "? Change an answer?" and len(first_frame) <= 24 - 2
    assert first_frame[1] == " » Choice 1" and "   Choice 18" in first_frame
    assert lines[-1].strip() == "? Change an answer? Choice 60"
    assert _drawn(ENTER, titles[:20], rows=24)[1][-2] == "   Choice 20"  # all fit: no window


def test_the_window_follows_the_pointer_and_says_what_is_above_and_below() -> None:
    state = _State("?", "Change an answer?", [f"Choice {n}" for n in range(1, 61)], "")
    state.refilter(keep=0)
    assert state._window(rows=24, columns=60) == (0, 18)
    state.pointer = 30
    first, last = state._window(rows=24, columns=60)
    assert (first, last) == (13, 31)  # the pointer on the last row shown
    state.pointer = 29  # moving up within the window does not scroll
    assert state._window(rows=24, columns=60) == (13, 31)
    state.pointer = 59
    assert state._window(rows=24, columns=60) == (42, 60)
    state.pointer = 0
    assert state._window(rows=5, columns=60) == (0, 1)  # a tiny terminal still shows the pointer


@pytest.mark.parametrize("columns", [100, 60])
def test_choices_that_read_alike_up_to_the_cut_are_drawn_apart(columns: int) -> None:
    titles = [
        f"warning: left open on purpose ([●] in the draft) (Agreed exit path › {question})"
        for question in ("Effective date (YYYY-MM-DD)", "Or the date it ends (YYYY-MM-DD)")
    ]
    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=24, columns=columns), term="xterm")
    with create_pipe_input() as pipe:
        pipe.send_text(ENTER)
        Menus().pick("?", "Which finding?", titles, 0, input=pipe, output=output)
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][AB0-2]|\x1b[=>]|\x08", "", written.getvalue())
    assert "Effective date" in drawn and "Or the date it ends" in drawn
