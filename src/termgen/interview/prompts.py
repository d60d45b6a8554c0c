"""The terminal side of the interview: the only module that imports questionary.

Every prompt fits the terminal: messages wrap at word boundaries, choices that would not fit
are cut at a word with '…' where they stay told apart (see `fit_apart`), errors are printed
wrapped rather than squeezed into one status line. Escape cancels (see `Cancelled`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, get_args

import questionary
from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.formatted_text.utils import fragment_list_to_text
from prompt_toolkit.history import DummyHistory
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.layout.processors import Processor, Transformation, TransformationInput
from prompt_toolkit.layout.utils import explode_text_fragments
from prompt_toolkit.utils import get_cwidth

from termgen.environment import Environment
from termgen.interview.menu import STYLE, Cancelled, Menus
from termgen.interview.state import State
from termgen.interview.steps import Ask
from termgen.interview.types import MULTI_TYPES, TEXT_TYPES, NewBody
from termgen.model.governance import BodyKind
from termgen.terminal import fit_apart, wrap
from termgen.wording import humanise

LEAVE_OPEN = "(leave open)"
NEW_BODY = "a governance body not set up yet…"
_LEAVE_OPEN_VALUE = object()
_NEW_BODY_VALUE = object()
_CHECKBOX_HINT = "(space ticks or unticks, type to filter, Enter when done)"
_SELECT_HINTS = ("(arrows or type to filter, Enter picks)", "(type to filter)")
"""What a menu says of its keys, the first that fits beside its question."""
_ROOM_TO_TYPE = 20
"""Columns a typed answer needs after its prompt, or it is typed on the line below."""


def _escape_cancels() -> KeyBindings:
    bindings = KeyBindings()

    @bindings.add("escape", eager=True)
    def _(event: Any) -> None:
        event.app.exit(exception=Cancelled())

    return bindings


_ESCAPE = _escape_cancels()


class _WrapAtWords(Processor):
    """Lays out an answer longer than its line at word boundaries as it is typed: a word
    that would run past the terminal's edge starts the next line, padded to it with spaces
    that are shown, never typed. prompt_toolkit (3.0) wraps input at any character and has
    no word wrapping of its own; a word longer than a whole line is still cut."""

    def __init__(self, before: int) -> None:
        self.before = before
        """Columns the prompt takes on the answer's first line."""

    def apply_transformation(self, ti: TransformationInput) -> Transformation:
        text = fragment_list_to_text(ti.fragments)
        pads = _word_breaks(text, self.before, ti.width)
        if ti.lineno != 0 or not pads:
            return Transformation(ti.fragments)
        fragments: StyleAndTextTuples = []
        chars = explode_text_fragments(ti.fragments)
        for index, fragment in enumerate(chars):
            if index in pads:
                fragments.append((fragment[0], " " * pads[index]))
            fragments.append(fragment)

        def source_to_display(position: int) -> int:
            return position + sum(pad for at, pad in pads.items() if at <= position)

        def display_to_source(position: int) -> int:
            shift = 0
            for at, pad in sorted(pads.items()):
                if position < at + shift:
                    break
                if position < at + shift + pad:
                    return at  # within the padding: the word it moves
                shift += pad
            return position - shift

        return Transformation(fragments, source_to_display, display_to_source)


def _word_breaks(text: str, before: int, width: int) -> dict[int, int]:
    """Where a word of `text`, typed after `before` columns in lines `width` wide, would be
    cut by the line's end: its index, and the spaces that move it to the next line."""
    pads: dict[int, int] = {}
    column = before
    for match in re.finditer(r"\S+|\s", text):
        length = sum(get_cwidth(char) for char in match.group())
        if not match.group().isspace() and column > 0 and column + length > width >= length:
            pads[match.start()] = width - column
            column = 0
        for char in match.group():  # as the line editor lays it out, a wide letter included
            char_width = get_cwidth(char)
            column = char_width if column + char_width > width else column + char_width
    return pads


class Prompter:
    """Asks in the terminal; typing filters every list of choices."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self._line_editor: PromptSession[str] | None = None
        self._menus = Menus()

    # -- output ----------------------------------------------------------------------------

    def say(self, text: str, indent: str = "  ", hanging: str | None = None) -> None:
        self.env.out_wrapped(text, indent, hanging)

    def problem(self, text: str) -> None:
        self.env.out_wrapped(f"✗ {text}", "  ", "    ")

    # -- questions of the interview --------------------------------------------------------

    def ask(self, engine: State, step: Ask, mark: str, typed: str | None = None) -> Any:
        """The raw answer to a question (`typed` is what was typed before an error)."""
        question = step.question
        hint = engine.help(question, step.group, step.entry)
        example = engine.example(step)
        left_open = (
            question.type in TEXT_TYPES
            and not question.required
            and not question.empty_is_none
            and not engine.has_alternative(question, step.group)
        )
        if (hint or example or left_open) and typed is None:
            example_text = f"Example: {example.rstrip('.')}." if example else None
            empty = "Leave it empty if not decided yet (left open)." if left_open else None
            self.say(engine.worded(" ".join(filter(None, [hint, example_text, empty]))))
        prompt = engine.worded(question.prompt)
        if question.type in TEXT_TYPES:
            default = engine.display(step) if typed is None else typed
            return self.text(step.key, prompt, default, mark)
        if question.type in MULTI_TYPES:
            chosen = step.default if isinstance(step.default, list) else []
            options = [(self._label(engine, step, choice), choice) for choice in step.choices]
            return self.checkbox(step.key, prompt, options, chosen, mark)
        return self._pick_answer(engine, step, prompt, mark)

    @staticmethod
    def _label(engine: State, step: Ask, choice: str) -> str:
        kinds = ("choice", "multi_choice")
        return engine.worded(step.question.label(choice)) if step.question.type in kinds else choice

    def _pick_answer(self, engine: State, step: Ask, prompt: str, mark: str) -> Any:
        question = step.question
        options: list[tuple[str, Any]] = []
        if question.type == "yes_no":
            options = [("yes", True), ("no", False)]
        else:
            options = [(self._label(engine, step, choice), choice) for choice in step.choices]
        if question.type == "owner":
            options.append((NEW_BODY, _NEW_BODY_VALUE))
        if not question.required:
            none = engine.worded(question.none_label or "none")
            empty = f"({none})" if question.empty_is_none else LEAVE_OPEN
            options.insert(0, (empty, _LEAVE_OPEN_VALUE))
        values = [value for _, value in options]
        default = step.default if step.default in values else values[0]
        picked = self.select(step.key, prompt, options, default, mark)
        if picked is _NEW_BODY_VALUE:
            return self._new_body(step, mark)
        return None if picked is _LEAVE_OPEN_VALUE else picked

    def _new_body(self, step: Ask, mark: str) -> NewBody:
        self.say(
            "It is added to the governance bodies; its members and chair are asked there. "
            "Example: Architecture Board."
        )
        name = ""
        while not name.strip():
            name = self.text(f"{step.key}:new-body", "Name of the body", "", mark)
        kinds = [(humanise(kind), kind) for kind in get_args(BodyKind)]
        kind = self.select(f"{step.key}:new-body-kind", "Kind of body", kinds, kinds[0][1], mark)
        return NewBody(name.strip(), str(kind))

    # -- primitives ------------------------------------------------------------------------

    def _message(self, message: str, mark: str, room: int = 0, answer_below: bool = True) -> str:
        """The prompt wrapped to the terminal after the mark, leaving `room` for the answer
        (on a line of its own, after '›', when the prompt is long)."""
        width = self.env.columns - len(mark) - 2
        if len(message) + room <= width:
            return message
        # The first line goes on after the mark; the lines it wraps onto have the whole width.
        beside = " " * (len(mark) + 1)
        wrapped = wrap(message, self.env.columns - 1, indent=beside, hanging="")[len(beside) :]
        return wrapped + "\n›" if answer_below else wrapped

    def _run(self, question: questionary.Question) -> Any:
        application = question.application
        application.key_bindings = merge_key_bindings(
            [application.key_bindings or KeyBindings(), _ESCAPE]
        )
        return question.unsafe_ask()

    def text(self, key: str, message: str, default: str, mark: str = "?") -> str:
        # Room to type a short answer after the prompt, else it goes below it: an answer that
        # starts three columns before the edge breaks after its first letters.
        prompt = self._message(message, mark, max(len(default), _ROOM_TO_TYPE) + 2)
        tokens: StyleAndTextTuples = [("class:qmark", mark), ("class:question", f" {prompt} ")]
        session = self._session(key)
        before = get_cwidth(fragment_list_to_text(tokens).rsplit("\n", 1)[-1])
        answer = ""
        try:
            answer = str(
                session.prompt(tokens, default=default, input_processors=[_WrapAtWords(before)])
            )
        finally:
            self._echo(session, tokens, answer)
        return answer

    def _echo(self, session: PromptSession[str], asked: StyleAndTextTuples, answer: str) -> None:
        """The question and its answer as they stay on the screen (the line editor erases
        them, as it wraps a long answer mid-word): the answer wrapped at word boundaries,
        going on after the question; nothing after it when the prompt was left with Esc."""
        columns = self.env.columns
        after = "".join(fragment[1] for fragment in asked).rsplit("\n", 1)[-1]
        wrapped = wrap(answer, columns - 1, indent=" " * len(after), hanging="")[len(after) :]
        if len(after) + len(wrapped.split("\n", 1)[0]) > columns - 1:
            wrapped = "\n" + wrap(answer, columns - 1)  # its first word does not fit beside it
        print_formatted_text(
            FormattedText([*asked, ("", wrapped)]), output=session.app.output, style=STYLE
        )

    def _session(self, key: str) -> PromptSession[str]:
        """One line editor for the whole interview; its key bindings are built once. It keeps
        no history: Up would bring back the answer to another question."""
        io = self.env.prompt_io(key)
        if self._line_editor is None:
            self._line_editor = PromptSession(
                key_bindings=_ESCAPE,
                style=STYLE,
                history=DummyHistory(),
                erase_when_done=True,
                **io,
            )
        elif "input" in io:
            self._line_editor.app.input = io["input"]
        return self._line_editor

    def select(
        self,
        key: str,
        message: str,
        options: Sequence[tuple[str, Any]],
        default: Any,
        mark: str = "?",
        *,
        cancellable: bool = True,
        wrapped: bool = False,
    ) -> Any:
        """The value of the option picked. Where the menu is `cancellable` (every menu but the
        review's and 'What next?', which have nothing before them), Esc raises Cancelled;
        elsewhere it only clears what was typed to filter. Options too long for a line are
        cut with '…', or wrap onto the next lines where the menu is `wrapped`."""
        titles = [title for title, _ in options]
        values = [value for _, value in options]
        start = next(
            (i for i, value in enumerate(values) if value is default or value == default), 0
        )
        room = self.env.columns - len(mark) - len(message) - 3
        hint = next((hint for hint in _SELECT_HINTS if len(hint) <= room), "")
        hint = hint if len(options) > 3 else ""
        prompt = self._message(message, mark, answer_below=False)
        picked = self._menus.pick(
            mark, prompt, titles, start, hint, cancellable, wrapped, **self.env.prompt_io(key)
        )
        return values[picked]

    def checkbox(
        self,
        key: str,
        message: str,
        options: Sequence[tuple[str, Any]],
        checked: Sequence[Any],
        mark: str = "?",
    ) -> list[Any]:
        titles = fit_apart([title for title, _ in options], self.env.columns - 6)
        choices = [
            questionary.Choice(title, value=value, checked=value in checked)
            for title, (_, value) in zip(titles, options, strict=True)
        ]
        self.say(_CHECKBOX_HINT)
        return list(
            self._run(
                questionary.checkbox(
                    self._message(message, mark, answer_below=False),
                    choices=choices,
                    qmark=mark,
                    instruction=" ",
                    use_search_filter=True,
                    use_jk_keys=False,
                    **self.env.prompt_io(key),
                )
            )
        )
