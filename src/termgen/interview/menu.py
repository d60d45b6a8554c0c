"""A list of choices to pick one from: arrows move, typing filters, Enter picks, Esc cancels.

A small prompt_toolkit application, built once for the whole run, so a menu costs what drawing
it costs (a questionary select builds two prompt sessions each time).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window
from prompt_toolkit.styles import Style

from termgen.terminal import fit_apart, wrap

STYLE = Style.from_dict(
    {
        "qmark": "fg:ansicyan bold",
        "question": "bold",
        "answer": "fg:ansiyellow",
        "pointer": "fg:ansicyan bold",
        "highlighted": "reverse",
        "hint": "italic",
        "filter": "fg:ansiyellow",
    }
)


class Cancelled(Exception):
    """The user pressed Escape in a menu that can be cancelled: cancel the list entry being
    added or edited, go back to the question before, or say no."""


@dataclass
class _State:
    mark: str
    message: str
    titles: list[str]
    hint: str
    cancellable: bool = True
    wrapped: bool = False
    """Whether a title too long for a line wraps onto the next ones, instead of being cut:
    for titles whose end tells them apart and is long (findings and where to settle them)."""
    pointer: int = 0
    typed: str = ""
    shown: list[int] = field(default_factory=list)
    picked: bool = False
    top: int = 0
    """The first choice shown when they do not all fit the terminal."""
    fitted: tuple[int, list[str]] = (0, [])
    """The titles as last drawn, and the width they were fitted to."""
    helped: bool = False
    """Whether '?' was typed (where no choice has one): the keys are shown below the choices."""

    def refilter(self, keep: int | None = None) -> None:
        needle = self.typed.casefold()
        self.shown = [i for i, title in enumerate(self.titles) if needle in title.casefold()]
        self.pointer = self.shown.index(keep) if keep in self.shown else 0

    def _keys(self, columns: int) -> str:
        back = "Esc goes back · " if self.cancellable else ""
        keys = f"{back}arrows move · typing filters · Enter picks · Ctrl-C pauses"
        return wrap(keys, columns - 1, "  ")

    def _window(self, rows: int, columns: int) -> tuple[int, int]:
        """The rows of choices shown, around the pointer: the question, the filter, the keys
        if asked for and the choices together fit the terminal's height, so the question never
        scrolls away."""
        around = 4 + self.message.count("\n")  # the question, the filter and a spare line
        if self.helped:
            around += 1 + self._keys(columns).count("\n") + 1
        room = max(rows - around, 3)
        drawn = self.fitted[1] or self.titles  # as drawn: a wrapped title takes more lines
        heights = [drawn[index].count("\n") + 1 for index in self.shown]
        if sum(heights) <= room:
            self.top = 0
            return 0, len(self.shown)
        room = max(room - 2, max(heights))  # the lines saying how many more are above and below
        self.top = min(self.top, self.pointer)
        while sum(heights[self.top : self.pointer + 1]) > room:
            self.top += 1
        while self.top > 0 and sum(heights[self.top - 1 :]) <= room:
            self.top -= 1
        last = self.top
        while last < len(heights) and sum(heights[self.top : last + 1]) <= room:
            last += 1
        return self.top, last

    def tokens(self) -> StyleAndTextTuples:
        head: StyleAndTextTuples = [
            ("class:qmark", self.mark),
            ("class:question", f" {self.message}"),
        ]
        if get_app().is_done:
            # Left with Esc or Ctrl-C, nothing was chosen: the line must not say otherwise.
            chosen = self.titles[self.shown[self.pointer]] if self.picked else ""
            columns = get_app().output.get_size().columns
            room = columns - len(self.mark) - len(self.message.split("\n")[-1]) - 2
            answer = echo(chosen, room, columns)
            return [*head, ("class:answer", answer), ("", "\n")]
        lines: StyleAndTextTuples = [*head, ("class:hint", f" {self.hint}".rstrip()), ("", "\n")]
        size = get_app().output.get_size()
        width = size.columns - 4  # the pointer's three columns and one the terminal keeps
        if self.fitted[0] != width:
            titles = (
                [wrap(title, width, hanging="  ").replace("\n", "\n   ") for title in self.titles]
                if self.wrapped
                else fit_apart(self.titles, width)
            )
            self.fitted = (width, titles)
        first, last = self._window(size.rows, size.columns)
        if first > 0:
            lines.append(("class:hint", f"   ↑ {first} more above\n"))
        for row in range(first, last):
            index = self.shown[row]
            title = self.fitted[1][index]
            if row == self.pointer:
                lines += [("class:pointer", " » "), ("class:highlighted", title)]
            else:
                lines.append(("", f"   {title}"))
            lines.append(("", "\n"))
        if last < len(self.shown):
            lines.append(("class:hint", f"   ↓ {len(self.shown) - last} more below\n"))
        if self.helped:
            lines += [("", "\n"), ("class:hint", self._keys(size.columns))]
        if self.typed:
            nothing = "" if self.shown else "  (no choice matches: Backspace or Esc clears)"
            typed = f"/ {self.typed}..."
            # The terminal cuts a line that is too long, not wraps it: the note goes below.
            if nothing and len(typed + nothing) >= get_app().output.get_size().columns:
                nothing = f"\n{nothing}"
            lines += [("", "\n"), ("class:filter", f"{typed}{nothing}")]
        return lines


def echo(chosen: str, room: int, columns: int) -> str:
    """The choice as the menu's last line shows it, `room` columns left after the question:
    the terminal would cut the line, not wrap it, so a longer choice drops its explanation in
    brackets, or goes on lines of its own, wrapped at word boundaries: never cut."""
    short = chosen.split(" (", 1)[0]
    if len(chosen) <= room:
        return f" {chosen}"
    if len(short) <= room:
        return f" {short}"
    return "\n" + wrap(chosen, columns - 1, indent="  ")


def _bindings() -> KeyBindings:
    bindings = KeyBindings()

    def state(event: KeyPressEvent) -> _State:
        app = event.app
        assert isinstance(app, _Menu)
        return app.menu

    @bindings.add(Keys.Up)
    @bindings.add(Keys.ControlP)
    def _(event: KeyPressEvent) -> None:
        menu = state(event)
        if menu.shown:
            menu.pointer = (menu.pointer - 1) % len(menu.shown)

    @bindings.add(Keys.Down)
    @bindings.add(Keys.ControlN)
    def _(event: KeyPressEvent) -> None:
        menu = state(event)
        if menu.shown:
            menu.pointer = (menu.pointer + 1) % len(menu.shown)

    @bindings.add(Keys.Enter)
    def _(event: KeyPressEvent) -> None:
        menu = state(event)
        if menu.shown:
            menu.picked = True
            event.app.exit(result=menu.shown[menu.pointer])

    @bindings.add(Keys.Escape, eager=True)
    def _(event: KeyPressEvent) -> None:
        # Esc clears a filter first; a menu with nothing to go back to (the review's) does
        # nothing more.
        menu = state(event)
        if menu.typed:
            menu.typed = ""
            menu.refilter()
        elif menu.cancellable:
            event.app.exit(exception=Cancelled())

    # Ctrl-C pressed while the menu is still being drawn reaches it as a signal, not a key.
    @bindings.add(Keys.ControlC)
    @bindings.add(Keys.SIGINT)
    def _(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    @bindings.add(Keys.Backspace)
    def _(event: KeyPressEvent) -> None:
        menu = state(event)
        menu.typed = menu.typed[:-1]
        menu.refilter()

    @bindings.add(Keys.Any)
    def _(event: KeyPressEvent) -> None:
        menu = state(event)
        text = "".join(press.data for press in event.key_sequence if press.data.isprintable())
        if text == "?" and not menu.typed and not any("?" in title for title in menu.titles):
            menu.helped = True
        elif text:
            menu.typed += text
            menu.refilter()

    return bindings


_BINDINGS = _bindings()


class _Menu(Application[int]):
    """The application of the menus, holding what the key bindings act on."""

    def __init__(self, menu: _State, **io: Any) -> None:
        self.menu = menu
        control = FormattedTextControl(lambda: self.menu.tokens(), show_cursor=False)
        super().__init__(
            layout=Layout(HSplit([Window(control, wrap_lines=False, always_hide_cursor=True)])),
            key_bindings=_BINDINGS,
            style=STYLE,
            **io,
        )


class Menus:
    """The menus of one run, drawn by one application: prompt_toolkit builds all its default
    key bindings for every new application, which costs more than drawing a menu."""

    def __init__(self) -> None:
        self._application: _Menu | None = None

    def pick(
        self,
        mark: str,
        message: str,
        titles: Sequence[str],
        default: int,
        hint: str = "",
        cancellable: bool = True,
        wrapped: bool = False,
        **io: Any,
    ) -> int:
        """The index of the title picked; the pointer starts on `default`. Esc raises
        Cancelled where the menu is `cancellable`; titles too long for a line are cut, or
        wrap where the menu is `wrapped`."""
        state = _State(mark, message, list(titles), hint, cancellable, wrapped)
        state.refilter(keep=default)
        if self._application is None:
            self._application = _Menu(state, **io)
        else:
            self._application.menu = state
            if "input" in io:
                self._application.input = io["input"]
        return self._application.run()
