"""Driving the real questionary prompts from tests: one pre-filled pipe per prompt, by key."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput

from termgen.cli import main
from termgen.environment import Environment
from termgen.interview.data import ABSENT, get
from termgen.interview.spec import Group, Question, Spec
from termgen.interview.types import TEXT_TYPES, show
from termgen.model.paths import split
from termgen.wording import for_parties, humanise

from ..conftest import TEST_ENVIRON

TODAY = dt.date(2026, 11, 22)
CLEAR = "\x15"
ENTER = "\r"
CTRL_C = "\x03"
ESCAPE = "\x1b"
BACKSPACE = "\x7f"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
"""A terminal's bracketed paste: the line editor takes the text as one key, not one per letter."""


MOST_PROMPTS = 1500
"""More prompts than the longest interview of an example asks with its details (a few hundred)."""


class EndlessInterview(AssertionError):
    """An interview that asks more prompts than any example needs: a loop, stopped."""


class ScriptedTerminal:
    """Gives each prompt the keystrokes `keys(prompt_key)` returns, and records what was asked."""

    def __init__(
        self,
        keys: Callable[[str], str],
        seconds_per_prompt: int = 30,
        screen: io.StringIO | None = None,
        most_prompts: int = MOST_PROMPTS,
    ) -> None:
        """`screen`, if given, takes what the prompts write (their text, without cursor moves);
        past `most_prompts` prompts, the interview is stopped as one that goes round in
        circles."""
        self.keys = keys
        self.screen = screen
        self.asked: list[str] = []
        self.seconds_per_prompt = seconds_per_prompt
        self.most_prompts = most_prompts
        self._pipes = contextlib.ExitStack()
        self._current: Any = None

    def __call__(self, key: str) -> dict[str, Any]:
        if len(self.asked) >= self.most_prompts:
            # Each prompt keeps its pipe open until the end: an interview that asks the same
            # prompts again and again would otherwise grow until the machine runs out of memory.
            last = Counter(self.asked[-50:]).most_common(3)
            raise EndlessInterview(
                f"more than {self.most_prompts} prompts: the interview goes round in circles; "
                f"most asked of the last 50: {last}"
            )
        self.asked.append(key)
        signal.alarm(self.seconds_per_prompt)
        self._current = self._pipes.enter_context(create_pipe_input())
        self._current.send_text(self.keys(key))
        output = DummyOutput() if self.screen is None else PlainTextOutput(self.screen)
        return {"input": self._current, "output": output}

    def hang_up(self) -> None:
        """End the prompt that waits: it sees the end of its input instead of keys."""
        if self._current is not None:
            self._current.close()

    def close(self) -> None:
        self._pipes.close()


@contextlib.contextmanager
def time_limit(terminal: ScriptedTerminal) -> Iterator[None]:
    """Fail, naming the prompt, if one prompt waits longer than the terminal allows.

    The limit is per prompt, so a slow machine does not fail a long interview; the waiting
    prompt is hung up, so the failure cannot turn into a prompt that waits for ever.
    """

    def waited(*_: object) -> None:
        terminal.hang_up()
        last = terminal.asked[-1] if terminal.asked else "none"
        raise TimeoutError(f"a prompt waited for input; last prompt: {last}")

    previous = signal.signal(signal.SIGALRM, waited)
    signal.alarm(terminal.seconds_per_prompt)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        terminal.close()


def run_interview(
    terminal: ScriptedTerminal, *args: str | Path, columns: int = 100, rows: int | None = None
) -> tuple[int, str, str]:
    """`termgen interview ARGS` in this process, answering through the scripted terminal, in
    a terminal `columns` wide and (where given) `rows` high."""
    out, err = io.StringIO(), io.StringIO()
    height = {} if rows is None else {"LINES": str(rows)}
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=err,
        environ={**TEST_ENVIRON, "COLUMNS": str(columns), **height},
        today=lambda: TODAY,
        terminal=terminal,
    )
    with time_limit(terminal):
        status = main(["interview", *map(str, args)], env)
    return status, out.getvalue(), err.getvalue()


def pasted(text: str) -> str:
    """Printed text with each command as a shell reads it pasted: a line ending in ' \\'
    goes on on the next."""
    return re.sub(r" \\\n\s*", " ", text)


def retyped(text: str) -> str:
    """Keys that clear a text prompt's offered answer and type this one instead."""
    return f"{CLEAR}{text}{ENTER}"


def typed(kind: str, value: Any, question: Question | None = None, parties: int = 0) -> str:
    """The keys a user presses to give `value` to a question of this type: a choice typed as
    it is offered to a deal of so many `parties` ('the other party' of two)."""

    def label(choice: str) -> str:
        return for_parties(question.label(choice), parties) if question else humanise(choice)

    if value is None and kind in ("multi_choice", "parties"):
        return ENTER
    if value is None and kind not in TEXT_TYPES and question is not None and question.empty_is_none:
        return f"({question.none_label or 'none'}){ENTER}"
    if value is None and kind not in TEXT_TYPES:
        return f"(leave open){ENTER}"
    if kind == "yes_no":
        return f"{'yes' if value else 'no'}{ENTER}"
    if kind in ("multi_choice", "parties"):
        labels = [label(item) if kind == "multi_choice" else item for item in value]
        return "".join(f"{label} {BACKSPACE * len(label)}" for label in labels) + ENTER
    if kind == "choice":
        return f"{label(value)}{ENTER}"
    if kind in ("party", "owner"):
        return f"{value}{ENTER}"
    return f"{CLEAR}{PASTE_START}{show(kind, value)}{PASTE_END}{ENTER}"


class ExampleAnswers:
    """Answers every prompt as the given answer data says: a user retyping an answer file.

    Suggested answers are declined, so every answer is typed; after the review the details
    are asked for, then the interview stops without drafting."""

    def __init__(
        self,
        spec: Spec,
        data: dict[str, Any],
        overrides: dict[str, list[str]] | None = None,
        resumed: dict[str, Any] | None = None,
    ) -> None:
        self.spec = spec
        self.data = data
        self.overrides = {key: list(values) for key, values in (overrides or {}).items()}
        self.groups = {
            item.id: item
            for section in spec.sections
            for item in section.items
            if isinstance(item, Group)
        }
        self.questions = {
            item.id: item
            for section in spec.sections
            for item in section.items
            if isinstance(item, Question)
        }
        self.started: dict[str, set[str]] = (
            {
                group.id: {str(n) for n in range(len(self._own_entries(group, resumed)))}
                for group in self.groups.values()
            }
            if resumed
            else {}
        )
        self.next = [f"Fill in the details{ENTER}", f"Stop here{ENTER}"]
        self.new_body: dict[str, Any] = {}
        """The example's body an owner names before the bodies are asked: set up on the way."""

    def __call__(self, key: str) -> str:
        if self.overrides.get(key):
            return self.overrides[key].pop(0)
        if key == "review":
            return f"Everything is right{ENTER}"
        if key == "preset":
            return f"No{ENTER}"
        if key == "next":
            return self.next.pop(0) if self.next else f"Stop here{ENTER}"
        if key in self.groups:
            return self._manage(self.groups[key])
        if key.endswith((":new-body", ":new-body-kind")):
            field = "name" if key.endswith(":new-body") else "kind"
            return typed("choice" if field == "kind" else "text", self.new_body[field])
        if "#" in key:
            group_id, rest = key.split("#", 1)
            number, question_id = rest.split(".", 1)
            self.started.setdefault(group_id, set()).add(f"#{number}")
            group = self.groups[group_id]
            question = next(q for q in group.questions if q.id == question_id)
            path = (*split(group.path), int(number) - 1, *split(question.path))
        else:
            question = self.questions[key]
            path = split(question.path)
        value = get(self.data, path)
        if question.type == "owner" and value is not ABSENT:
            return self._owner(value)
        parties = get(self.data, ("parties",))
        count = len(parties) if isinstance(parties, list) else 0
        return typed(question.type, None if value is ABSENT else value, question, count)

    def _owner(self, name: str) -> str:
        """A party, 'joint', a body already set up, or one set up now."""
        bodies = get(self.data, ("governance", "bodies"))
        numbers = {body["name"]: number for number, body in enumerate(bodies, start=1)}
        if name not in numbers or f"#{numbers[name]}" in self.started.get("bodies", set()):
            return typed("owner", name)
        self.started.setdefault("bodies", set()).add(f"#{numbers[name]}")
        self.new_body = bodies[numbers[name] - 1]
        return f"not set up{ENTER}"

    def _manage(self, group: Group) -> str:
        wanted = len(self._own_entries(group))
        if len(self.started.get(group.id, set())) < wanted:
            return f"Add {ENTER}"
        return f"Done{ENTER}"

    def _own_entries(self, group: Group, data: dict[str, Any] | None = None) -> list[int]:
        data = self.data if data is None else data
        items = get(data, split(group.path))
        if not isinstance(items, list):
            return []
        purpose = get(data, ("deal", "purpose"))
        claimed = [
            other.fixed
            for other in self.groups.values()
            if other is not group
            and other.path == group.path
            and other.fixed
            and (not other.purposes or purpose in other.purposes)
        ]
        return [
            index
            for index, entry in enumerate(items)
            if all(entry.get(k) == v for k, v in group.fixed.items())
            and (
                group.fixed
                or not any(all(entry.get(k) == v for k, v in fixed.items()) for fixed in claimed)
            )
        ]
