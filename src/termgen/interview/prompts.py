"""The terminal side of the interview: the only module that imports questionary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import questionary

from termgen.environment import Environment
from termgen.interview.engine import Ask, Engine, Manage
from termgen.interview.types import MULTI_TYPES, TEXT_TYPES

LEAVE_OPEN = "(leave open)"
NAME_TYPES = frozenset({"party", "owner"})


class Prompter:
    """Asks the engine's steps in the terminal; typing filters every list of choices."""

    def __init__(self, env: Environment) -> None:
        self.env = env

    def _io(self, key: str) -> dict[str, Any]:
        return self.env.prompt_io(key)

    def ask(self, engine: Engine, step: Ask) -> Any:
        """The raw answer for a question, already checked by the engine while typing."""
        question = step.question
        if question.help or question.example:
            hint = " ".join(
                filter(
                    None,
                    [question.help, f"Example: {question.example}." if question.example else None],
                )
            )
            self.env.out(f"  {hint}")
        if question.type in TEXT_TYPES:
            return self.text(
                step.key, question.prompt, engine.display(step), lambda raw: engine.check(step, raw)
            )
        if question.type == "yes_no":
            return self.confirm(step.key, question.prompt, bool(step.default))
        if question.type in MULTI_TYPES:
            chosen = step.default if isinstance(step.default, list) else []
            return questionary.checkbox(
                question.prompt,
                choices=[questionary.Choice(c, value=c, checked=c in chosen) for c in step.choices],
                use_search_filter=True,
                use_jk_keys=False,
                **self._io(step.key),
            ).unsafe_ask()
        return self._select_answer(engine, step)

    def _select_answer(self, engine: Engine, step: Ask) -> Any:
        question = step.question
        if question.type in NAME_TYPES:
            return self._name(engine, step)
        options = list(step.choices) + ([] if question.required else [LEAVE_OPEN])
        default = step.default if step.default in options else None
        picked = self.pick(
            step.key, question.prompt, [(option, option) for option in options], default
        )
        return None if picked == LEAVE_OPEN else picked

    def _name(self, engine: Engine, step: Ask) -> str:
        """A party or owner, typed with suggestions; owners may name a body set up later."""
        if step.choices:
            self.env.out(f"  Known: {', '.join(step.choices)}. Leave empty to leave it open.")

        def validate(raw: str) -> bool | str:
            problem = engine.check(step, raw)
            return True if problem is None else problem

        return str(
            questionary.autocomplete(
                step.question.prompt,
                choices=list(step.choices),
                default=engine.display(step),
                validate=validate,
                **self._io(step.key),
            ).unsafe_ask()
        )

    def manage(self, step: Manage) -> tuple[str, int | None]:
        """What to do with a group: ('add'|'edit'|'remove'|'done', entry number or None)."""
        listing = "; ".join(f"{n}. {entry}" for n, entry in enumerate(step.entries, start=1))
        self.env.out(f"  {step.group.title}: {listing or 'none yet'}")
        options: list[tuple[str, tuple[str, int | None]]] = []
        if step.can_add:
            options.append((f"Add a {step.group.item}", ("add", None)))
        for number, entry in enumerate(step.entries):
            options.append((f"Edit #{number + 1}: {entry}", ("edit", number)))
            options.append((f"Remove #{number + 1}: {entry}", ("remove", number)))
        if step.can_finish:
            options.append((f"Done with {step.group.title.lower()}", ("done", None)))
        else:
            self.env.out(f"  {step.group.title}: at least {step.group.min} needed.")
        action: tuple[str, int | None] = self.pick(step.key, step.group.title, options, None)
        return action

    def pick(self, key: str, message: str, options: Sequence[tuple[str, Any]], default: Any) -> Any:
        choices = [questionary.Choice(title, value=value) for title, value in options]
        chosen = next((c for c in choices if c.value == default), None)
        return questionary.select(
            message,
            choices=choices,
            default=chosen,
            use_search_filter=True,
            use_jk_keys=False,
            **self._io(key),
        ).unsafe_ask()

    def text(self, key: str, message: str, default: str, check: Any) -> str:
        def validate(raw: str) -> bool | str:
            problem = check(raw)
            return True if problem is None else problem

        return str(
            questionary.text(
                message, default=default, validate=validate, **self._io(key)
            ).unsafe_ask()
        )

    def confirm(self, key: str, message: str, default: bool) -> bool:
        return bool(questionary.confirm(message, default=default, **self._io(key)).unsafe_ask())
