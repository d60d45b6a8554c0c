"""The interview as pure logic: which question comes next, what an answer does, what is left.

No terminal here: a test (or another front end) drives it with `next_step()` and the
`answer`, `accept_preset`, `add_entry`, `edit_entry`, `remove_entry`, `cancel`, `finish`
and `change` calls.

The first pass asks the essentials; questions marked `detail` wait until the user asks for
them (for one list, or for everything once the essentials are done). A list entry being
added or edited is a transaction: `cancel()` puts the list back as it was, and `answers()`
never holds an entry that lacks a required answer.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from termgen.interview.changes import (
    Answered,
    answered,
    dependents,
    is_entry,
    no_longer_applying,
)
from termgen.interview.data import (
    ABSENT,
    OPEN,
    PAUSED_AT,
    for_file,
    get,
    put,
    remove,
    renamed,
)
from termgen.interview.groups import EntryEdit, model_minimum, own_entries
from termgen.interview.spec import STRUCTURE, TODAY, Group, Preset, Question, Section
from termgen.interview.state import BODIES, State
from termgen.interview.steps import Ask, Manage, Offer, Step
from termgen.interview.types import NewBody
from termgen.model.paths import AnswerPath, split

NAMES = {("parties", "short_name"), (BODIES, "name")}
"""Answers other answers refer to; renaming one renames the references too."""


@dataclass
class Engine(State):
    """The walk through the interview over its answers, one step at a time."""

    details: bool = False
    """Whether detail questions are asked everywhere (after the essentials)."""
    _opened: set[str] = field(default_factory=set, repr=False)
    _closed: set[str] = field(default_factory=set, repr=False)
    _detailing: set[str] = field(default_factory=set, repr=False)
    _postponed: set[tuple[str, int]] = field(default_factory=set, repr=False)
    _queue: list[Ask] = field(default_factory=list, repr=False)
    _edit: EntryEdit | None = field(default=None, repr=False)
    _preset_offered: bool = field(default=False, repr=False)
    _asking: Ask | None = field(default=None, repr=False)
    """The queued question being asked, until the next step."""
    _changing: Question | None = field(default=None, repr=False)
    """The question changed from the review, until it is answered."""
    _set_aside: dict[AnswerPath, Any] = field(default_factory=dict, repr=False)
    """Answers removed as they no longer applied: suggested again if they apply again."""
    _set_aside_entries: dict[str, list[Any]] = field(default_factory=dict, repr=False)
    """The same for the entries of lists, by list."""
    followed: list[str] = field(default_factory=list, repr=False)
    """Suggested answers the last answer changed to follow the new legal structure, by path."""
    _set_aside_marks: dict[str, Any] = field(default_factory=dict, repr=False)
    """The same for lists finished with none or left open, by list: what the list's path held
    (ABSENT when its none is kept at `none_at`)."""

    # -- walking the spec ------------------------------------------------------------------

    def next_step(self) -> Step | None:
        """The next thing to ask, or None when nothing is left in this pass."""
        self._asking = None
        while self._queue:
            forced = self._queue.pop(0)
            if self.applies(forced.question, forced.group, forced.entry):
                self._asking = forced
                return self._ask(
                    forced.question, forced.path, forced.section, forced.group, forced.entry
                )
            self.drop(forced.path)
        offer = self._offer()
        if offer is not None:
            return offer
        edited = self._edited_step()
        if edited is not None:
            return edited
        for section, item in self.items():
            step = self._step_for(section, item)
            if step is not None:
                return step
        return None

    def asked_now(self, question: Question, group: Group | None = None) -> bool:
        """Whether this pass asks the question: essentials always, details when asked for."""
        return (
            not question.detail
            or self.details
            or (group is not None and group.id in self._detailing)
        )

    def _step_for(self, section: Section, item: Question | Group) -> Step | None:
        if isinstance(item, Question):
            path = split(item.path)
            if self.applies(item) and self.asked_now(item) and get(self.data, path) is ABSENT:
                return self._ask(item, path, section)
            return None
        if not self.applies(item):
            return None
        if item.single:
            return self._next_in_entry(section, item, self._single_entry(item))
        for entry in own_entries(self, item):  # an offtake commitment is asked as one
            if (item.id, entry) in self._postponed:
                continue
            step = self._next_in_entry(section, item, entry)
            if step is not None:
                if self._edit is None:
                    self._edit = EntryEdit(item, entry, copy.deepcopy(self.entry_data(item, entry)))
                return step
        if self.is_closed(item):
            return None
        self._opened.add(item.id)
        return self._manage(item, section)

    def _edited_step(self) -> Ask | None:
        """The next question of the entry being added or edited; the edit ends without one."""
        edit = self._edit
        if edit is None:
            return None
        section = next(s for s, item in self.items() if item is edit.group)
        step = self._next_in_entry(section, edit.group, edit.index)
        if step is None:
            self._edit = None
        return step

    def _manage(self, group: Group, section: Section) -> Manage:
        count = len(self.entries(group))
        return Manage(
            group,
            section,
            tuple(self.summary(group, entry) for entry in self.entries(group)),
            can_add=group.max is None or count < group.max,
            can_finish=count >= model_minimum(group),
            complete=count >= group.min,
            details_left=0
            if self.details or group.id in self._detailing
            else self.details_left(group),
        )

    def details_left(self, group: Group) -> int:
        return sum(
            1
            for entry in self.entries(group)
            for question in group.questions
            if question.detail
            and self.applies(question, group, entry)
            and get(self.data, self.path_of(group, entry, question)) is ABSENT
        )

    def _next_in_entry(self, section: Section, group: Group, entry: int) -> Ask | None:
        for question in group.questions:
            path = self.path_of(group, entry, question)
            if (
                self.asked_now(question, group)
                and self.applies(question, group, entry)
                and get(self.data, path) is ABSENT
            ):
                return self._ask(question, path, section, group, entry)
        return None

    def resume(self) -> None:
        """Going on from a saved file: the list the interview paused at shows its menu again,
        with the entries chosen so far (else a list with entries counts as finished)."""
        paused = self.data.pop(PAUSED_AT, None)
        group = next((group for group in self.groups() if group.id == paused), None)
        if group is not None and not group.single:
            self._opened.add(group.id)

    def is_closed(self, group: Group) -> bool:
        """Finished in this session; or, from a saved file, holding its entries, finished
        with none (an empty list) or left open."""
        if group.id in self._closed:
            return True
        if group.id in self._opened:
            return False
        if self.list_mark(group) is not None:
            return True
        return len(own_entries(self, group)) >= max(group.min, 1)

    def _single_entry(self, group: Group) -> int:
        existing = self.entries(group)
        if existing:
            return existing[0]
        items = get(self.data, split(group.path))
        index = len(items) if isinstance(items, list) else 0
        put(self.data, (*split(group.path), index), dict(group.fixed))
        return index

    # -- presets ---------------------------------------------------------------------------

    def _pending_preset(self) -> Preset | None:
        if self._preset_offered:
            return None
        preset = self._preset()
        if preset is None or any(get(self.data, split(p)) is not ABSENT for p in preset.defaults):
            return None
        return preset

    def _preset(self) -> Preset | None:
        """The suggestions for the deal's purpose and legal structure."""
        return self._preset_for(get(self.data, split(STRUCTURE)))

    def _preset_for(self, structure: Any) -> Preset | None:
        """The suggestions for the deal's purpose and this legal structure (when not one, the
        structure the purpose suggests)."""
        purpose = get(self.data, ("deal", "purpose"))
        return self.spec.preset(purpose, structure if isinstance(structure, str) else None)

    def _follow_the_form(self, before: Any) -> list[str]:
        """Suggested answers taken as they were suggested for the legal structure `before`
        become those suggested for the deal's structure now (shared assets that stayed with
        the JV, in an alliance). The paths of the answers changed."""
        old, new = self._preset_for(before), self._preset()
        if old is None or new is None:
            return []
        followed = []
        for path, suggested in old.defaults.items():
            now = new.defaults.get(path)
            current = get(self.data, split(path))
            if path == STRUCTURE or now is None or now == suggested:
                continue
            if current == suggested:
                put(self.data, split(path), copy.deepcopy(now))
                followed.append(path)
            elif isinstance(current, list) and isinstance(suggested, list):
                for index, entry in enumerate(current):
                    if entry in suggested and suggested.index(entry) < len(now):
                        current[index] = copy.deepcopy(now[suggested.index(entry)])
                        followed += [path] if path not in followed else []
        return followed

    def pending_offer(self) -> int:
        """1 while the purpose's suggested answers are still to be offered, else 0."""
        return int(self._pending_preset() is not None)

    def _offer(self) -> Offer | None:
        preset = self._pending_preset()
        if preset is None:
            return None
        self._preset_offered = True
        section = next(s for s, item in self.items() if getattr(item, "path", "") == "deal.purpose")
        return Offer(preset, section)

    def offer_again(self) -> None:
        """Offer the purpose's suggestions again when next they apply (Esc went back from them)."""
        self._preset_offered = False

    def applying_with(self, defaults: dict[str, Any]) -> list[Question | Group]:
        """The questions and lists that apply once these suggested answers are taken: an
        offer shows no suggestion for a question its other suggestions rule out."""
        kept = self.data
        self.data = copy.deepcopy(kept)
        try:
            for path, value in defaults.items():
                if get(self.data, split(path)) is ABSENT:
                    put(self.data, split(path), copy.deepcopy(value))
            return [item for _, item in self.items() if self.applies(item)]
        finally:
            self.data = kept

    def accept_preset(self, offer: Offer) -> None:
        """Take every suggested answer the deal does not have yet (lists included: the offer
        showed their entries, the review shows them again)."""
        for path, value in offer.preset.defaults.items():
            if get(self.data, split(path)) is ABSENT:
                put(self.data, split(path), copy.deepcopy(value))

    # -- asking ----------------------------------------------------------------------------

    def _ask(
        self,
        question: Question,
        path: AnswerPath,
        section: Section,
        group: Group | None = None,
        entry: int | None = None,
    ) -> Ask:
        return Ask(
            question,
            path,
            section,
            group,
            entry,
            self._default(question, path),
            self.choices(question, path),
        )

    def _default(self, question: Question, path: AnswerPath) -> Any:
        current = get(self.data, path)
        if current is OPEN:
            return None
        if current is not ABSENT:
            return current
        if path in self._set_aside:
            return self._set_aside[path]
        preset = self._preset()
        suggested = preset.defaults.get(question.path) if preset else None
        names = self.choices(question, path) if question.type in ("party", "owner") else ()
        top_level = len(path) == len(split(question.path))
        if suggested is not None and top_level and (not names or suggested in names):
            return suggested
        return self.today if question.default == TODAY else question.default

    # -- answering -------------------------------------------------------------------------

    def answer(self, step: Ask, raw: Any, confirmed: str | None = None) -> str | None:
        """Store the answer if it is acceptable; otherwise return why not and store nothing."""
        problem = self.check(step, raw, confirmed)
        if problem is not None:
            return problem
        value = self._parse(step, raw, confirmed)
        if isinstance(value, NewBody):
            value = self._add_body(self.data, value)
            self._opened.update(g.id for g in self.groups() if g.path == BODIES)
        value = self._stored(step, value)
        previous = get(self.data, step.path)
        changed = previous != value
        before, kept = (answered(self), copy.deepcopy(self.data)) if changed else ({}, {})
        put(self.data, step.path, value)
        if step.group is not None and (step.group.path, step.question.path) in NAMES:
            self.data = renamed(self.data, previous, value)
        self.followed = []
        if changed and step.path == split(STRUCTURE):
            self.followed = self._follow_the_form(previous)
        if changed:
            for path, item in self._without_unapplying(before):
                if isinstance(item, Question):
                    self._set_aside[path] = get(kept, path)
                elif not is_entry(path, item):
                    self._set_aside_marks[item.id] = get(kept, path)
                else:
                    self._set_aside_entries.setdefault(item.id, []).append(get(kept, path))
            self._bring_back_entries()
        if step.question is self._changing:
            self._changing = None
            if previous != value:
                self._ask_dependents(step)
        return None

    @staticmethod
    def _stored(step: Ask, value: Any) -> Any:
        """What an answer keeps: an empty one is left open, or says there is none."""
        if value is not None or step.question.empty_is_none:
            return value
        return OPEN

    def removed_by(
        self, step: Ask, raw: Any, confirmed: str | None = None
    ) -> list[tuple[AnswerPath, Question | Group]]:
        """The answers this acceptable answer would remove, as they no longer apply after it
        (answers left open included: the user is told of every answer that goes)."""
        value = self._parse(step, raw, confirmed)
        if isinstance(value, NewBody):
            return []
        value = self._stored(step, value)
        if get(self.data, step.path) == value:
            return []
        before = answered(self)
        kept = self.data
        self.data = copy.deepcopy(kept)
        try:
            put(self.data, step.path, value)
            return self._without_unapplying(before)
        finally:
            self.data = kept

    def _without_unapplying(self, before: Answered) -> list[tuple[AnswerPath, Question | Group]]:
        """Remove the answers given `before` that no longer apply, and those that applied
        only through them; then the entries of lists that no longer apply, from the last, so
        that no removal moves another. What was removed, in interview order."""
        removed: Answered = {}
        while gone := [
            (path, item)
            for path, item in no_longer_applying(before, answered(self))
            if path not in removed
        ]:
            for path, item in gone:
                removed[path] = item
                if isinstance(item, Question):
                    self.drop(path)
        for path, item in removed.items():
            if isinstance(item, Group) and not is_entry(path, item):
                self._unmark(item)
        entries = [path for path, item in removed.items() if is_entry(path, item)]
        for path in sorted(entries, key=lambda path: path[-1], reverse=True):
            remove(self.data, path)
            if get(self.data, path[:-1]) == []:
                self.drop(path[:-1])
        return [(path, item) for path, item in before.items() if path in removed]

    def _bring_back_entries(self) -> None:
        """A list that applies again, with no entries, gets back those it had, or its none:
        its menu shows them, to keep, edit or remove."""
        for group in self.groups():
            kept = self._set_aside_entries.get(group.id)
            if not self.applies(group) or own_entries(self, group):
                continue
            if group.id in self._set_aside_marks and self.list_mark(group) is None:
                mark = self._set_aside_marks.pop(group.id)
                if mark is ABSENT:  # kept at `none_at`, not at the list's path
                    self._mark_none(group)
                else:
                    put(self.data, split(group.path), mark)
                self.reopen(group)
            if kept:
                for entry in self._set_aside_entries.pop(group.id):
                    items = get(self.data, split(group.path))
                    put(
                        self.data,
                        (*split(group.path), len(items) if isinstance(items, list) else 0),
                        entry,
                    )
                self.reopen(group)

    # -- lists -----------------------------------------------------------------------------

    def add_entry(self, step: Manage) -> None:
        self._unmark_none(step.group)
        items = get(self.data, split(step.group.path))
        index = len(items) if isinstance(items, list) else 0
        put(self.data, (*split(step.group.path), index), dict(step.group.fixed))
        self._edit = EntryEdit(step.group, index, None, new_list=not isinstance(items, list))

    def edit_entry(self, step: Manage, number: int) -> None:
        """Ask the questions of the `number`-th entry (0-based within the group) again."""
        self._ask_entry_again(step.group, step.section, self.entries(step.group)[number])

    def _ask_entry_again(self, group: Group, section: Section, entry: int) -> None:
        self._edit = EntryEdit(group, entry, copy.deepcopy(self.entry_data(group, entry)))
        for question in group.questions:
            if self.asked_now(question, group):
                path = self.path_of(group, entry, question)
                self._queue.append(Ask(question, path, section, group, entry))

    def remove_entry(self, step: Manage, number: int) -> None:
        remove(self.data, (*split(step.group.path), self.entries(step.group)[number]))

    def detail_entries(self, step: Manage) -> None:
        """Ask the detail questions of this list's entries now."""
        self._detailing.add(step.group.id)

    @property
    def editing(self) -> EntryEdit | None:
        """The list entry being added or edited, if any."""
        return self._edit

    def cancel(self) -> EntryEdit | None:
        """Undo the entry being added or edited; None when no entry is."""
        edit = self._edit
        if edit is None:
            return None
        self._edit = None
        self._asking = None
        self._queue = [ask for ask in self._queue if ask.group is not edit.group]
        where = (*split(edit.group.path), edit.index)
        if edit.before is None:
            self._remove_added(self.data, edit)
        else:
            put(self.data, where, edit.before)
            self._postponed.add((edit.group.id, edit.index))
        self._opened.add(edit.group.id)
        return edit

    def finish(self, step: Manage, none: bool = False) -> None:
        """Done with a list: with no entries it is finished empty, below its minimum left open
        (unless it keeps `none`, said on purpose, of a list that expects some)."""
        path = split(step.group.path)
        if not step.group.fixed and not self.entries(step.group):
            put(self.data, path, [] if step.complete else OPEN)
        elif step.group.none_at and (step.complete or none) and not self.entries(step.group):
            self._mark_none(step.group)
        self._closed.add(step.group.id)
        self._opened.discard(step.group.id)

    def _unmark_none(self, group: Group) -> None:
        """An entry added to a list finished with none: the list has one now."""
        if not self.chose_none(group):
            return
        assert group.none_at is not None
        marks = get(self.data, split(group.none_at))
        left = [value for value in marks if value not in group.fixed.values()]
        if left:
            put(self.data, split(group.none_at), left)
        else:
            self.drop(split(group.none_at))

    def _unmark(self, group: Group) -> None:
        """Forget that a list that no longer applies has none or is left open."""
        if self.chose_none(group):
            self._unmark_none(group)
        elif get(self.data, split(group.path)) in (OPEN, []):
            self.drop(split(group.path))

    def _mark_none(self, group: Group) -> None:
        """Keep that a list fixed to one kind has none, at its `none_at`."""
        assert group.none_at is not None
        marks = get(self.data, split(group.none_at))
        kept = marks if isinstance(marks, list) else []
        put(self.data, split(group.none_at), [*kept, *group.fixed.values()])

    def reopen(self, group: Group) -> None:
        """Show a finished group again (from the review); a group of one entry, which has no
        menu to show, asks the questions of its entry again."""
        self._closed.discard(group.id)
        self._opened.add(group.id)
        if group.single and self.applies(group):
            section = next(s for s, item in self.items() if item is group)
            self._ask_entry_again(group, section, self._single_entry(group))

    def answers(self) -> dict[str, Any]:
        """The answers as the file keeps them: no entry missing a required answer, open
        answers listed under `left_open`."""
        data = self.data
        edit = self._edit
        if edit is not None and edit.before is None and not self._has_required(edit):
            data = copy.deepcopy(data)
            self._remove_added(data, edit)
        return for_file(data)

    @staticmethod
    def _remove_added(data: dict[str, Any], edit: EntryEdit) -> None:
        remove(data, (*split(edit.group.path), edit.index))
        if edit.new_list and get(data, split(edit.group.path)) == []:
            remove(data, split(edit.group.path))

    def _has_required(self, edit: EntryEdit) -> bool:
        entry = self.entry_data(edit.group, edit.index)
        return isinstance(entry, dict) and all(
            get(entry, split(question.path)) not in (ABSENT, OPEN)
            for question in edit.group.questions
            if question.required
        )

    # -- changing answers ------------------------------------------------------------------

    def change(self, question: Question, section: Section) -> None:
        """Ask a top-level question again; when its answer changes, every answer that depends
        on it and still applies is asked again too."""
        self._queue.append(Ask(question, split(question.path), section))
        self._changing = question

    def _ask_dependents(self, step: Ask) -> None:
        for dependent_section, dependent in dependents(self, step.question.path):
            if not self.applies(dependent):
                continue
            if isinstance(dependent, Group):
                self.reopen(dependent)
            elif self.asked_now(dependent) or get(self.data, split(dependent.path)) is not ABSENT:
                self._queue.append(Ask(dependent, split(dependent.path), dependent_section))

    @property
    def queued(self) -> int:
        """Questions asked again before the walk goes on (after a change, or to settle), the
        one being asked included."""
        return len(self._queue) + (self._asking is not None)

    @property
    def queued_paths(self) -> frozenset[AnswerPath]:
        """Where the answers of the queued questions go: the walk does not ask them again."""
        asking = [self._asking] if self._asking is not None else []
        return frozenset(ask.path for ask in [*asking, *self._queue])

    def ask_entry(self, group: Group, entry: int, first: Question | None = None) -> None:
        """Ask every question of an entry that has no answer yet, details included; `first`
        before them, answered or left open (the one a finding is about)."""
        section = next(s for s, item in self.items() if item is group)
        self._edit = EntryEdit(group, entry, copy.deepcopy(self.entry_data(group, entry)))
        self._queue += [
            Ask(question, self.path_of(group, entry, question), section, group, entry)
            for question in sorted(group.questions, key=lambda question: question is not first)
            if question is first or get(self.data, self.path_of(group, entry, question)) is ABSENT
        ]

    def ask_again(self, asks: list[Ask]) -> None:
        """Put these questions first, e.g. those a file answers in a way the model refuses."""
        self._queue[:0] = asks
