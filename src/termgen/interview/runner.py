"""Running an interview: questions, a save after each answer, review, findings, drafts."""

from __future__ import annotations

import shlex
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from termgen.errors import OutputExistsError
from termgen.findings.deal import Finding, blocking
from termgen.interview.applying import may_apply
from termgen.interview.changes import is_entry
from termgen.interview.data import ABSENT, DETAILS_PASS, OPEN, PAUSED_AT, for_file, get
from termgen.interview.engine import Engine
from termgen.interview.groups import model_minimum, none_is_a_choice, own_entries, path_as_asked
from termgen.interview.menu import Cancelled
from termgen.interview.overview import (
    LEFT_OPEN,
    answer_text,
    asked_at,
    entry_left,
    marked_at,
    question_at,
    remaining,
    remaining_with,
    review,
)
from termgen.interview.prompts import Prompter
from termgen.interview.spec import Group, Question, Section, for_purpose
from termgen.interview.state import BINDING_SECTIONS
from termgen.interview.steps import Ask, Manage, Offer, Step
from termgen.interview.types import TEXT_TYPES
from termgen.model import Deal
from termgen.model.messages import clean_loc, plain_message
from termgen.model.paths import AnswerPath, dotted, split
from termgen.terminal import command_line, wrap
from termgen.wording import and_join, article

Save = Callable[[dict[str, Any]], None]
CONTINUE = "continue"
BACK = "back"


KEYS = (
    "Type 'back' for the previous question (Esc too, except in a list entry, which Esc "
    "cancels) · leave an answer empty if it is not decided yet · everything can be changed in "
    "the review at the end · '?' shows this again · Ctrl-C pauses, keeping the answers"
)
"""What the keys do, said once at the start and again after '?' (which it says: a new user
found it by chance)."""
NOTHING_BEFORE = "No answer was given before this one in this session: there is none to go back to."


def _label(item: Question | Group) -> str:
    """How a question or list is named beside its answer: without how to type it."""
    return item.title if isinstance(item, Group) else item.subject


def _answers_in_words(lines: list[tuple[Question | Group, str]]) -> str:
    """'9 answers, 2 left open'."""
    count = f"{len(lines)} answer{'' if len(lines) == 1 else 's'}"
    left_open = sum(1 for _, text in lines if text == LEFT_OPEN)
    return f"{count}, {left_open} left open" if left_open else count


_ROWS_BELOW_THE_LIST = 5
"""Lines a list shown before a question leaves for it: the question, wrapped once, its two
choices and the line the cursor waits on. The line saying how many more is counted apart, as
wrapped (see `_height`)."""


def _height(text: str, columns: int, indent: str = "") -> int:
    """The lines `text` takes on the terminal, wrapped as it is printed."""
    return wrap(text, columns, indent).count("\n") + 1


def _more_suggestions(more: int) -> str:
    return f"… and {more} more, listed in the review at the end, where each can be changed."


class Runner:
    def __init__(self, engine: Engine, prompter: Prompter, save: Save, file: Path) -> None:
        self.engine = engine
        self.prompter = prompter
        self.save = save
        self.file = file
        self._section: str | None = None
        self._counted: list[str] = []
        self._entry: tuple[str, int | None] | None = None
        self._started: set[str] = set()
        self._answered: list[Ask] = []
        """The questions answered in this session, the last last: Esc goes back through them."""
        self._settling: AnswerPath | None = None
        """The answer a finding chosen to settle asks for: Esc there goes back to the
        findings, not to a question answered in the pass before."""
        self._hinted = False
        self.at_list: Group | None = None
        """The list whose menu or entry is being answered, if any: where the interview goes
        on after a pause there."""

    def _mark(self) -> str:
        """'[12 left]'; while an entry is added, what is left includes its questions, and says
        so: the only time the count goes up within a pass."""
        left = remaining(self.engine)
        edit = self.engine.editing
        if edit is None or edit.before is not None:
            return f"[{left} left]"
        # A question of the entry asked again ('back') counts where it was the first time.
        entry = (*split(edit.group.path), edit.index)
        again = [
            path
            for path in self.engine.queued_paths
            if path[: len(entry)] == entry and get(self.engine.data, path) is not ABSENT
        ]
        new = entry_left(self.engine, edit.group, edit.index) + len(again)
        return f"[{left} left: {new} for the new {edit.group.item}]"

    def questions(self) -> None:
        """Ask until nothing is left in this pass, saving the answers after every change."""
        while (step := self.engine.next_step()) is not None:
            if not self._hinted:
                self._hinted = True
                self.prompter.say(KEYS, "")
            self._announce(step)
            group = step.group if isinstance(step, Ask | Manage) else None
            self.at_list = group if group is not None and not group.single else None
            if isinstance(step, Ask):
                self._ask(step)
            elif isinstance(step, Manage):
                self._manage(step)
            else:
                self._offer(step)
            self.at_list = None
            self.save(self.engine.answers())

    @property
    def pauses_in_place(self) -> bool:
        """Whether a pause now is to be saved with where it was: at a list, or in the details
        pass (a saved file would otherwise go on at the review)."""
        return self.at_list is not None or self.engine.details

    def paused(self) -> dict[str, Any]:
        """The answers to keep when the interview pauses, with the list it paused at (a file
        cannot otherwise say that a list with entries was not finished), or that it paused
        while filling in the details, which then go on where they stopped."""
        answers = self.engine.answers()
        if self.engine.details:
            answers[PAUSED_AT] = DETAILS_PASS
        elif self.at_list is not None:
            answers[PAUSED_AT] = self.at_list.id
        return answers

    def _announce(self, step: Step) -> None:
        if step.section.id != self._section:
            self._section = step.section.id
            # A section this deal has nothing in (no JV company) is not counted, so that the
            # numbers do not skip it; one that may apply once an answer is given still is.
            asked = [
                section.id
                for section in self.engine.spec.sections
                if section is step.section
                or any(may_apply(self.engine, item) for item in section.items)
            ]
            number, sections = asked.index(step.section.id) + 1, len(asked)
            # A count that falls from one heading to the next ("1 of 9", then "2 of 8") reads
            # as a mistake unless it says which section an answer has ruled out.
            dropped = [
                section.title
                for section in self.engine.spec.sections
                if section.id in self._counted and section.id not in asked
            ]
            self._counted = asked
            heading = f"── Section {number} of {sections}: {step.section.title}"
            count = remaining(self.engine)
            left = f"about {count} question{'' if count == 1 else 's'} left"
            # A rule broken across lines reads as two headings: on a narrow terminal, what is
            # left goes under the title instead.
            if len(f"{heading} · {left} ──") <= self.prompter.env.columns:
                self.prompter.say(f"\n{heading} · {left} ──", "")
            else:
                self.prompter.say(f"\n{heading} ──", "")
                self.prompter.say(f"{left[0].upper()}{left[1:]}.", "   ")
            if dropped:
                ruled_out = and_join([f"'{title}'" for title in dropped])
                verb = "does" if len(dropped) == 1 else "do"
                self.prompter.say(f"{ruled_out} {verb} not apply, given your answers.", "   ")
            if step.section.intro:
                self.prompter.say(self.engine.worded(step.section.intro), "")
        entry = (step.group.id, step.entry) if isinstance(step, Ask) and step.group else None
        if entry != self._entry and isinstance(step, Ask) and step.group and step.entry is not None:
            group = step.group
            own = own_entries(self.engine, group)
            number = own.index(step.entry) + 1 if step.entry in own else len(own) + 1
            summary = self.engine.summary(group, step.entry)
            about = f" ({summary})" if any(char.isalnum() for char in summary) else ""
            # A list of one entry (the licence model) has no second to tell it from.
            title = group.title if group.single else f"{group.title} #{number}"
            self.prompter.say(f"{title}{about}{self._escape_note(step)}", "")
        self._entry = entry

    def _escape_note(self, step: Ask) -> str:
        """What Esc does to the entry about to be asked: cancel it while it is added, undo the
        changes while it is edited; else (its details asked later) it only goes back."""
        edit = self.engine.editing
        if step.group is None or step.group.single or edit is None:
            return ""
        if (edit.group.id, edit.index) != (step.group.id, step.entry):
            return ""
        if edit.before is None:
            return f" · Esc cancels this {step.group.item}"
        if edit.unfinished:
            return f" · Esc removes this unfinished {step.group.item}"
        return f" · Esc keeps this {step.group.item} as it was"

    def _ask(self, step: Ask) -> None:
        typed: str | None = None
        doubted: str | None = None  # an answer asked back about: typed again, it is taken
        while True:
            try:
                raw = self.prompter.ask(self.engine, step, self._mark(), typed)
                textual = step.question.type in TEXT_TYPES and isinstance(raw, str)
                word = raw.strip().casefold() if textual else ""
                if word in ("?", "help"):
                    self.prompter.say(KEYS)
                    typed = None
                    continue
                if word == "back":
                    if self._back_within_entry(step):
                        return
                    raise Cancelled
            except Cancelled:
                if self._cancel(step):
                    return
                continue
            confirmed = raw.strip() if isinstance(raw, str) and raw.strip() == doubted else None
            problem = self.engine.refusal(step, raw, confirmed)
            if problem is not None:
                self.prompter.problem(str(problem))
                typed = problem.instead or (raw if isinstance(raw, str) else None)
                doubted = raw.strip() if problem.doubt and isinstance(raw, str) else None
                continue
            if not self._removal_agreed(step, raw, confirmed):
                if get(self.engine.data, step.path) is not ABSENT:
                    self.prompter.say("The answer is as it was.")
                    return
                typed = None
                continue
            queued = self.engine.queued
            self._settling = None
            self.engine.answer(step, raw, confirmed)  # checked above
            self._answered.append(step)
            if self.engine.followed:
                self.prompter.say(
                    "The suggested answers taken for "
                    + "; ".join(self._named(path) for path in self.engine.followed)
                    + f" now follow the new {step.question.prompt.lower()}."
                )
            if self.engine.rechecked is not None:
                listed = self.engine.rechecked.title
                self.prompter.say(
                    f"A review point is now held when the initial term has ended: {listed} "
                    "come again next, to change its time or remove it."
                )
            again = self.engine.queued - queued
            if again:
                depend = "questions depend" if again > 1 else "question depends"
                self.prompter.say(
                    f"{again} {depend} on it: asked now, with any answer given before "
                    "to keep or change."
                )
            return

    def _removal_agreed(self, step: Ask, raw: Any, confirmed: str | None) -> bool:
        """Whether the user agrees to remove the answers that this one makes no longer apply
        (no question when it removes none, or only answers left open: those are named)."""
        removed = self.engine.removed_by(step, raw, confirmed)
        # An answer left empty so that this one gives it (the term by its end date) is not
        # an answer lost: nothing to say of it.
        left_open = [
            (path, item)
            for path, item in removed
            if get(self.engine.data, path) is OPEN and item.path != step.question.instead_of
        ]
        given = [(path, item) for path, item in removed if get(self.engine.data, path) is not OPEN]
        also = (
            f"{len(left_open)} {'answers' if len(left_open) > 1 else 'answer'} left open: "
            f"{self._answer_names(left_open)}."
            if left_open
            else ""
        )
        if not given:
            if also:
                self.prompter.say(f"This removes, as they no longer apply, {also}")
            return True
        answers = (
            "answers that no longer apply" if len(given) > 1 else "answer that no longer applies"
        )
        removes = f"This removes {len(given)} {answers}: {self._answer_names(given)}."
        self.prompter.say(f"{removes} It also removes {also}" if also else removes)
        try:
            agreed: bool = self.prompter.select(
                f"{step.key}:remove",
                "Change it and remove them?" if len(removed) > 1 else "Change it and remove it?",
                [
                    ("No, keep the answer as it was (Esc)", False),
                    ("Yes, change it (changing it back brings them back as suggestions)", True),
                ],
                False,
                self._mark(),
            )
        except Cancelled:
            return False
        return agreed

    def _named(self, path: str) -> str:
        """'shared assets on exit': the question or list that answers at `path`."""
        # Where lists share a path (a stake buy-out and the shared assets), the list of every
        # entry names it.
        item = next(
            item
            for _, item in self.engine.items()
            if item.path == path and (isinstance(item, Question) or not item.fixed)
        )
        return _label(item).lower()

    def _answer_names(self, removed: list[tuple[AnswerPath, Question | Group]]) -> str:
        """'board seats per party; reserved matters (7 entries)': a list once, not per entry."""
        entries = Counter(item.id for path, item in removed if is_entry(path, item))
        names = []
        for path, item in removed:
            if isinstance(item, Question):
                names.append(self._answer_name(path, item))
            elif not is_entry(path, item):
                none = get(self.engine.data, path) is not OPEN
                names.append(f"{item.title.lower()}{' (none)' if none else ''}")
            elif path[-1] == min(
                p[-1] for p, other in removed if is_entry(p, other) and other is item
            ):
                count = entries[item.id]
                names.append(
                    f"{item.title.lower()} ({count} {'entries' if count > 1 else 'entry'})"
                )
        return "; ".join(names)

    def _answer_name(self, path: AnswerPath, item: Question | Group) -> str:
        """'board seats per party', 'cure period of exit trigger #2', 'key officer #1'."""
        name = item.prompt.split(" (")[0].rstrip("?") if isinstance(item, Question) else ""
        name = name[:1].lower() + name[1:]
        group = next(
            (g for g in self.engine.groups() if split(g.path) == path[: len(split(g.path))]), None
        )
        entry = path[len(split(group.path))] if group is not None else None
        if group is None or not isinstance(entry, int):
            return name
        own = own_entries(self.engine, group)
        entry_name = f"{group.item} #{own.index(entry) + 1 if entry in own else entry + 1}"
        return f"{name} of {entry_name}" if name else entry_name

    def _cancel(self, step: Ask) -> bool:
        """Esc: cancel the list entry being added or edited, or else go back to the question
        answered before; whether this question is done with."""
        edit = self.engine.cancel()
        if edit is not None:
            item = edit.group.item
            done = (
                f"no {item} added"
                if edit.before is None
                else f"the unfinished {item} is removed"
                if edit.unfinished
                else f"the {item} is as it was"
            )
            self.prompter.say(f"Cancelled: {done}.")
            if edit.before is None or edit.unfinished:
                # The entry is gone: its answers are no question to go back to.
                self._answered = [
                    answered
                    for answered in self._answered
                    if not (answered.group is edit.group and answered.entry == edit.index)
                ]
            if len(own_entries(self.engine, edit.group)) < model_minimum(edit.group):
                # The list cannot go on without this entry: asking it again straight away
                # would make Esc do nothing, so it goes back to the question before.
                self._back()
            return True
        if step.path == self._settling:
            self._settling = None
            self.prompter.say("The finding is not settled: its answer is as it was.")
            return True
        if not self._answered:
            leave_open = (
                ""
                if step.question.required
                else " To leave it open, leave it empty or choose (leave open)."
            )
            self.prompter.say(f"{NOTHING_BEFORE}{leave_open} Ctrl-C pauses the interview.")
            return False
        self._previous(step)
        return True

    def _back_within_entry(self, step: Ask) -> bool:
        """'back' typed in a list entry being added or edited, past its first question: the
        entry's question before is asked again and the entry is kept (Esc cancels it)."""
        edit = self.engine.editing
        last = self._answered[-1] if self._answered else None
        if edit is None or last is None or (edit.group, edit.index) != (step.group, step.entry):
            return False
        if (last.group, last.entry) != (step.group, step.entry):
            return False
        self._previous(step)
        return True

    def _previous(self, step: Ask) -> None:
        """Ask the question answered before this one again, then this one."""
        # This question comes again after it: by the walk while it has no answer, unless it was
        # asked again after a change (the walk would reach it only after the others).
        queued = step.path in self.engine.queued_paths
        again = [step] if queued or get(self.engine.data, step.path) is not ABSENT else []
        self.engine.ask_again([self._answered.pop(), *again])

    def _back(self) -> None:
        """Esc on a menu of the questions (a list, the suggestions): the question answered
        before is asked again, and the menu comes again after it."""
        if not self._answered:
            self.prompter.say(f"{NOTHING_BEFORE} Ctrl-C pauses the interview.")
            return
        self.engine.ask_again([self._answered.pop()])

    def _manage(self, step: Manage) -> None:
        group = step.group
        purpose = self.engine.data.get("deal", {}).get("purpose")
        first_time = group.id not in self._started
        self._started.add(group.id)
        # A list that may be finished with none shows its menu, where none is a choice.
        none_allowed = self._none_allowed(step)
        if not step.can_finish or (
            first_time and not step.entries and not step.complete and not none_allowed
        ):
            if not step.entries:
                need = max(group.min, 1)
                help_text = for_purpose(group.help, purpose) or ""
                self.prompter.say(f"{group.title}: at least {need} needed. {help_text}", "")
            self.engine.add_entry(step)
            return
        if none_allowed:
            self.prompter.say(f"{group.title}: at least {max(group.min, 1)} expected, or none", "")
        else:
            self.prompter.say(f"{group.title}:" if step.entries else f"{group.title}: none", "")
        for number, entry in enumerate(step.entries, start=1):
            self.prompter.say(f"{number}. {entry}", "  ", "     ")
        if first_time and group.help:
            self.prompter.say(for_purpose(group.help, purpose) or "")
        try:
            action, number = self.prompter.select(
                group.id,
                group.title,
                self._list_options(step),
                ("add", 0) if none_allowed else None,
                self._mark(),
            )
        except Cancelled:
            self._back()
            return
        if action == "add":
            self.engine.add_entry(step)
        elif action == "edit":
            self.engine.edit_entry(step, number)
        elif action == "remove":
            if self._entry_removal_agreed(step, number):
                self.engine.remove_entry(step, number)
                # The entries after it move up one: Esc must not go back to a question of an
                # entry that has gone or now holds another's answers.
                listed = split(group.path)
                self._answered = [a for a in self._answered if a.path[: len(listed)] != listed]
        elif action == "details":
            self.engine.detail_entries(step)
            # What is left goes up by them: said, as for a new entry, so that it is no surprise.
            self.prompter.say(
                f"{step.details_left} more question{'s' if step.details_left > 1 else ''} "
                f"({group.details or 'details'}): counted in what is left from here."
            )
        else:
            self.engine.finish(step, none=action == "none")

    def _entry_removal_agreed(self, step: Manage, number: int) -> bool:
        try:
            agreed: bool = self.prompter.select(
                f"{step.group.id}:remove",
                f"Remove {step.group.item} #{number + 1} ({step.entries[number]})?",
                [("No, keep it (Esc)", False), ("Yes, remove it", True)],
                False,
                self._mark(),
            )
        except Cancelled:
            return False
        return agreed

    @staticmethod
    def _none_allowed(step: Manage) -> bool:
        """Whether 'none' is a choice of its own: a list that keeps none (offtake, release
        bandwidth) and would otherwise only be left open below its minimum."""
        return none_is_a_choice(step.group, len(step.entries)) and not step.complete

    def _list_options(self, step: Manage) -> list[tuple[str, tuple[str, int]]]:
        group = step.group
        title = group.title.lower()
        options: list[tuple[str, tuple[str, int]]] = []
        details = f"{group.details or 'details'}" if step.details_left else ""
        if step.can_finish:
            if not step.complete:
                done = f"Leave {title} open (a finding until settled)"
            else:
                done = f"Done with {title}" + (" (details later)" if details else "")
            options.append((done, ("done", 0)))
        if step.can_add:
            another = "another" if step.entries else article(group.item).split(" ")[0]
            options.append((f"Add {another} {group.item}", ("add", 0)))
        if self._none_allowed(step):
            options.append((f"None: this deal has no {group.item}", ("none", 0)))
        if details:
            options.append((f"Fill in {step.details_left} more now: {details}", ("details", 0)))
        for number, entry in enumerate(step.entries):
            options.append((f"Edit #{number + 1}: {entry}", ("edit", number)))
        for number, entry in enumerate(step.entries):
            options.append((f"Remove #{number + 1}: {entry}", ("remove", number)))
        return options

    def _offer(self, step: Offer) -> None:
        purpose = self.engine.data["deal"]["purpose"]
        heading = f"Suggested answers for {purpose.replace('_', ' ')}" + (
            f": {step.preset.summary}" if step.preset.summary else ":"
        )
        self.prompter.say(heading, "")
        env = self.prompter.env
        lines = [
            wrap(f"{label}: {text}", env.columns, "  ", "    ")
            for label, text in self._preset_lines(step.preset.defaults)
        ]
        # On a short terminal, the suggestions that fit above the question: the first ones
        # (the legal structure) must not scroll away before they are read. The heading and
        # the line saying how many more are counted as wrapped (two lines each at 60 columns).
        room = env.rows - _height(heading, env.columns) - _ROWS_BELOW_THE_LIST
        shown = len(lines)
        if env.rows and sum(_height(line, env.columns) for line in lines) > room:
            room -= _height(_more_suggestions(len(lines)), env.columns, "  ")
            while shown and sum(_height(line, env.columns) for line in lines[:shown]) > room:
                shown -= 1
        for line in lines[:shown]:
            env.out(line)
        if shown < len(lines):
            self.prompter.say(_more_suggestions(len(lines) - shown))
        try:
            use = self.prompter.select(
                "preset",
                "Use these suggestions? (any of them can be changed in the review)",
                [
                    (f"Yes, use them (about {remaining_with(self.engine, step)} left)", True),
                    (f"No, ask me each one (about {remaining(self.engine)} left)", False),
                ],
                True,
                self._mark(),
            )
        except Cancelled:
            self.engine.offer_again()
            self._back()
            return
        if use:
            self.engine.accept_preset(step)

    def _preset_lines(self, defaults: dict[str, Any]) -> list[tuple[str, str]]:
        """Each suggested answer as the question or list it answers, in interview order."""
        lines = []
        for item in self.engine.applying_with(defaults):
            if item.path not in defaults or (isinstance(item, Group) and item.fixed):
                continue
            value = defaults[item.path]
            if isinstance(item, Group):
                entries = [self.engine.render_summary(item, entry) for entry in value]
                lines.append((item.title, "; ".join(entry.rstrip(".") for entry in entries)))
            elif item.path == BINDING_SECTIONS and self.engine.always_binding:
                # What the draft binds on anyway is suggested with them, not left unsaid.
                besides = answer_text(item, value) if value else "none"
                lines.append((item.subject, f"{besides}. {self.engine.binds_always()}"))
            else:
                lines.append((item.subject, answer_text(item, value)))
        return lines

    # -- review, findings and drafts -------------------------------------------------------

    def review(self) -> Deal:
        """Show every section; change answers until the user is content and the deal is valid."""
        while True:
            self.prompter.say("\n── Review ──", "")
            # A section this deal has nothing in (no JV company, say) is left out.
            sections = [(section, lines) for section, lines in review(self.engine) if lines]
            for section, lines in sections:
                self.prompter.say(section.title, "")
                for item, text in lines:
                    self.prompter.say(f"{self.engine.worded(_label(item))}: {text}", "  ", "    ")
            for problem in self._problems():
                self.prompter.problem(problem)
            picked = self._answer_to_change(sections)
            if picked is None:
                deal = self.valid_deal()
                if deal is not None:
                    return deal
            else:
                item, section = picked
                if isinstance(item, Question):
                    self.engine.change(item, section)
                else:
                    self.engine.reopen(item)
            self.questions()

    def _answer_to_change(
        self, sections: list[tuple[Section, list[tuple[Question | Group, str]]]]
    ) -> tuple[Question | Group, Section] | None:
        """The answer to change, chosen by its section and then itself (a list of every answer
        does not fit a terminal), or None to go on."""
        options: list[tuple[str, Any]] = [("Everything is right: continue", CONTINUE)]
        for number, (section, lines) in enumerate(sections):
            options.append((f"{section.title} ({_answers_in_words(lines)})", number))
        chosen: Any = CONTINUE
        while True:
            chosen = self.prompter.select(
                "review", "Change an answer?", options, chosen, cancellable=False
            )
            if chosen == CONTINUE:
                return None
            section, lines = sections[chosen]
            answers: list[tuple[str, Any]] = [("Back to the sections (Esc)", BACK)]
            answers += [
                (f"{self.engine.worded(_label(item))}: {text}", item) for item, text in lines
            ]
            try:
                item = self.prompter.select(
                    "review.answer",
                    f"Change which answer of {section.title}?",
                    answers,
                    answers[1][1],
                )
            except Cancelled:
                continue
            if item is not BACK:
                return item, section

    def _problems(self) -> list[str]:
        """What the model still refuses, said just above the review's choices so that it never
        scrolls away under the review."""
        try:
            Deal.model_validate(for_file(self.engine.data))
        except ValidationError as invalid:
            return [
                f"{path_as_asked(self.engine, path)}: {message}"
                for path, message in (plain_message(e, Deal) for e in invalid.errors())
            ]
        return []

    def valid_deal(self, quiet: bool = False) -> Deal | None:
        """The deal, or None after saying what the model refuses and queueing those questions
        (`quiet`: the caller has said it already)."""
        try:
            return Deal.model_validate(for_file(self.engine.data))
        except ValidationError as invalid:
            if not quiet:
                self.prompter.say("Before going on, these answers need fixing:", "")
            asks: list[Ask] = []
            for error in invalid.errors():
                path, message = plain_message(error, Deal)
                if not quiet:
                    self.prompter.problem(f"{path_as_asked(self.engine, path)}: {message}")
                ask = question_at(self.engine, tuple(clean_loc(error["loc"])))
                if ask is not None and ask.key not in [a.key for a in asks]:
                    asks.append(ask)
            self.engine.ask_again(asks)
            return None

    def findings_and_drafts(
        self,
        findings: Callable[[Deal], Sequence[Finding]],
        show: Callable[[Sequence[Finding]], None],
        draft: Callable[[Deal, Path, bool], list[Path]],
        deal: Deal,
    ) -> None:
        """Show the findings; settle one, fill in details, draft, or stop (saying how to
        draft later), until the user drafts or stops."""
        while True:
            found = findings(deal)
            show(found)
            details = self.details_left()
            options: list[tuple[str, Any]] = [
                ("Draft the term sheet and governance annex now", "draft")
            ]
            if found:
                options.append(("Settle a finding first", "settle"))
            if details:
                options.append((f"Fill in the details ({details} more questions)", "details"))
            options.append(("Stop here and draft later", "stop"))
            # A blocking finding makes settling it, not drafting, the answer Enter gives.
            default = "settle" if blocking(found) else "draft"
            action = self.prompter.select("next", "What next?", options, default, cancellable=False)
            if action == "draft" and self._draft(draft, deal):
                return
            if action == "stop":
                columns = self.prompter.env.columns
                draft_later = f"termgen draft {shlex.quote(str(self.file))} -o out/"
                self.prompter.env.out(command_line("Draft later with:", draft_later, columns))
                go_on = f"termgen interview {shlex.quote(str(self.file))}"
                self.prompter.env.out(command_line("Or continue with:", go_on, columns))
                return
            if action == "settle":
                self._settle(found)
            elif action == "details":
                self.engine.details = True
            self.questions()
            valid = self.valid_deal()
            deal = valid if valid is not None else self.review()

    def details_left(self) -> int:
        """The detail questions the details pass would ask now."""
        self.engine.details, before = True, self.engine.details
        try:
            return remaining(self.engine)
        finally:
            self.engine.details = before

    def _settle(self, found: Sequence[Finding]) -> None:
        messages = Counter(finding.message for finding in found)
        options = [
            (
                f"{f.severity}: {f.message}"
                # Findings that read alike ("left open on purpose") say which answer they are.
                + (
                    f" ({asked_at(self.engine, f.path) or dotted(f.path)})"
                    if messages[f.message] > 1
                    else ""
                ),
                f.path,
            )
            for f in found
        ]
        try:
            # A finding is told apart by its end (which answer it is about): wrapped, not cut.
            path = self.prompter.select(
                "settle", "Which finding? (Esc: back)", options, found[0].path, wrapped=True
            )
        except Cancelled:
            return
        ask = question_at(self.engine, path)
        if ask is not None and ask.group is not None and ask.entry is not None:
            self.engine.ask_entry(ask.group, ask.entry, first=ask.question)
            return
        if ask is not None:
            self._settling = ask.path
            self.engine.ask_again([ask])
            return
        group = self._list_at(path) or marked_at(self.engine, path)  # or one left open
        if group is not None:
            self.engine.reopen(group)

    def _list_at(self, path: AnswerPath) -> Group | None:
        """The list at `path`. Where several lists share a path (a stake buy-out and the shared
        assets), the one meant by the whole list is the list that is not fixed to one entry."""
        groups = [g for g in self.engine.groups() if split(g.path) == tuple(path)]
        return next((g for g in groups if not g.fixed), groups[0] if groups else None)

    def ask_afresh(self, paths: Sequence[AnswerPath]) -> bool:
        """Answers a file gave in a shape the model refuses, set aside: their questions are
        asked first; a list (or a list entry) shows its menu again where the walk reaches it,
        as the entries after a set-aside one have moved up. Whether a list shows again."""
        asks = []
        reopened = False
        for path in paths:
            group = self._list_at(path[:-1] if isinstance(path[-1], int) else path)
            if group is not None:
                self.engine.reopen(group)
                reopened = True
            elif (ask := question_at(self.engine, path)) is not None:
                asks.append(ask)
        self.engine.ask_again(asks)
        return reopened

    def _draft(self, draft: Callable[[Deal, Path, bool], list[Path]], deal: Deal) -> bool:
        try:
            folder = Path(
                self.prompter.text("draft.folder", "Folder for the drafts (Esc: back)", "out")
            )
        except Cancelled:
            return False
        if folder.exists() and not folder.is_dir():
            self.prompter.problem(f"{folder} is a file: choose Draft again and give a folder")
            return False
        try:
            written = draft(deal, folder, False)
        except OutputExistsError:
            self.prompter.problem(
                f"drafts of this deal are already in {folder}: replace them below, or keep them "
                "and choose Draft again with another folder"
            )
            try:
                replace = self.prompter.select(
                    "draft.replace",
                    "Replace those files?",
                    [("No, keep them (Esc)", False), ("Yes, replace them", True)],
                    False,
                )
            except Cancelled:
                replace = False
            if not replace:
                return False
            written = draft(deal, folder, True)
        for path in written:
            self.prompter.say(f"wrote {path}", "")
        # The drafts are in the folder now: the same command without --force would refuse.
        again = (
            f"termgen draft {shlex.quote(str(self.file))} -o {shlex.quote(f'{folder}/')} --force"
        )
        self.prompter.env.out(
            command_line("Draft again any time with:", again, self.prompter.env.columns)
        )
        return True
