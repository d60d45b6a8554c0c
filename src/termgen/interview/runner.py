"""Running an interview: questions, a save after each answer, review, findings, drafts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from termgen.errors import OutputExistsError
from termgen.interview.engine import Ask, Engine, Manage
from termgen.interview.overview import progress, review
from termgen.interview.prompts import Prompter
from termgen.interview.spec import Group, Question
from termgen.model import Deal
from termgen.model.messages import path_in_words, plain_message

Save = Callable[[dict[str, Any]], None]
CONTINUE = "continue"


class Runner:
    def __init__(self, engine: Engine, prompter: Prompter, save: Save) -> None:
        self.engine = engine
        self.prompter = prompter
        self.save = save
        self.env = prompter.env
        self._section: str | None = None

    def questions(self) -> None:
        """Ask until nothing is left, saving the answers after every change."""
        while (step := self.engine.next_step()) is not None:
            self._announce(step)
            if isinstance(step, Ask):
                self._ask(step)
            else:
                self._manage(step)
            self.save(self.engine.data)

    def _announce(self, step: Ask | Manage) -> None:
        if step.section.id == self._section:
            return
        self._section = step.section.id
        where = progress(self.engine, step)
        self.env.out(
            f"\n── Section {where.section} of {where.sections}: {where.title} "
            f"· {where.left} question(s) left ──"
        )
        if step.section.intro:
            self.env.out(step.section.intro)

    def _ask(self, step: Ask) -> None:
        while (
            problem := self.engine.answer(step, self.prompter.ask(self.engine, step))
        ) is not None:
            self.env.out(f"  ✗ {problem}")

    def _manage(self, step: Manage) -> None:
        action, number = self.prompter.manage(step)
        if action == "add":
            self.engine.add_entry(step)
        elif action == "edit" and number is not None:
            self.engine.edit_entry(step, number)
        elif action == "remove" and number is not None:
            self.engine.remove_entry(step, number)
        else:
            self.engine.finish(step)

    def review(self) -> Deal:
        """Show every section; change answers until the user is content and the deal is valid."""
        while True:
            options: list[tuple[str, Any]] = []
            self.env.out("\n── Review ──")
            for section, lines in review(self.engine):
                self.env.out(section.title)
                for item, text in lines:
                    label = item.title if isinstance(item, Group) else item.prompt
                    self.env.out(f"  {label}: {text}")
                    options.append((f"{section.title} › {label}: {text}"[:110], (item, section)))
            options.append(("Everything is right: continue", CONTINUE))
            picked = self.prompter.pick("review", "Change an answer?", options, CONTINUE)
            if picked == CONTINUE:
                try:
                    return Deal.model_validate(self.engine.data)
                except ValidationError as invalid:
                    for error in invalid.errors():
                        path, message = plain_message(error, Deal)
                        self.env.out(f"  ✗ {path_in_words(path)}: {message}")
                    continue
            item, section = picked
            if isinstance(item, Question):
                self.engine.change(item, section)
            else:
                self.engine.reopen(item)
            self.questions()

    def offer_draft(self, draft: Callable[[Path, bool], list[Path]]) -> None:
        """Ask whether to draft now, and where; never replace files without asking."""
        if not self.prompter.confirm(
            "draft", "Draft the term sheet and governance annex now?", True
        ):
            return
        folder = Path(
            self.prompter.text("draft.folder", "Folder for the drafts", "out", lambda _: None)
        )
        try:
            written = draft(folder, False)
        except OutputExistsError as existing:
            self.env.out(f"  {existing}")
            if not self.prompter.confirm("draft.replace", "Replace those files?", False):
                return
            written = draft(folder, True)
        for path in written:
            self.env.out(f"wrote {path}")
