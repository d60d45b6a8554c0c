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
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from termgen.interview.applying import may_apply
from termgen.interview.changes import (
    Answered,
    answered,
    dependents,
    is_entry,
    no_longer_applying,
)
from termgen.interview.data import (
    ABSENT,
    DETAILS_PASS,
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
from termgen.interview.state import BODIES, REVIEWS, State
from termgen.interview.steps import Ask, Manage, Offer, Step
from termgen.interview.types import NewBody
from termgen.model import Deal
from termgen.model.common import Duration, shift
from termgen.model.paths import AnswerPath, dotted, field_at, split

NAMES = {("parties", "short_name"), (BODIES, "name")}
"""Answers other answers refer to; renaming one renames the references too."""
TERM = frozenset({"exit.term.effective_date", "exit.term.initial", "exit.term.end_date"})
TERM_RECORD = ("exit", "term")
RENEWAL = frozenset({"exit.renewal.type", "exit.renewal.notice"})
"""Answers that move the last day to stop a renewal, and a review suggested before it."""


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
    rechecked: Group | None = field(default=None, repr=False)
    """The list the last answer shows again to check (review points the term now ends
    before)."""
    _set_aside_marks: dict[str, Any] = field(default_factory=dict, repr=False)
    """The same for lists finished with none or left open, by list: what the list's path held,
    or (a list fixed to one kind) the list of kinds its kind was kept in, as a path."""

    def __post_init__(self) -> None:
        # A file keeps 'no second signatory' as `second_signatory: null` (see `answers`): the
        # none answer of the question that asked it.
        for path in self._record_nones(self.data):
            if get(self.data, path[:-1]) is None:
                put(self.data, path, None)

    def _record_nones(self, data: dict[str, Any]) -> list[AnswerPath]:
        """Where the questions whose empty answer says there is none answer inside a record
        of their own (a second signatory's name), in these answers."""
        return [path for path, question in self._nones(data) if len(split(question.path)) > 1]

    def none_meanings(self, kept: dict[str, Any]) -> dict[AnswerPath, str]:
        """What each null of answers as the file keeps them means, where a question's empty
        answer put it there: 'either party' for who may use an exit right, else 'none' (a
        record that is none, a second signatory, included)."""
        meanings: dict[AnswerPath, str] = {}
        for path, question in self._nones(kept):
            record = path[:-1] if len(split(question.path)) > 1 else path
            if get(kept, record) is None:
                meanings[record] = question.none_label or "none"
        return meanings

    def _nones(self, data: dict[str, Any]) -> list[tuple[AnswerPath, Question]]:
        """Where the questions whose empty answer says there is none answer, in these
        answers, with the question."""
        found: list[tuple[AnswerPath, Question]] = []
        for _, item in self.items():
            questions: list[tuple[AnswerPath, Question]]
            if isinstance(item, Question):
                questions = [((), item)]
            else:
                items = get(data, split(item.path))
                count = len(items) if isinstance(items, list) else 0
                questions = [
                    ((*split(item.path), entry), question)
                    for entry in range(count)
                    for question in item.questions
                ]
            found += [
                ((*prefix, *split(question.path)), question)
                for prefix, question in questions
                if question.empty_is_none
            ]
        return found

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
                    before = copy.deepcopy(self.entry_data(item, entry))
                    self._edit = EntryEdit(item, entry, before, unfinished=self._half(item, entry))
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
            # An entry another list of the same path claims (the licence model's foreground IP
            # in the shared assets) is shown, numbered and changed there.
            tuple(self.summary(group, entry) for entry in own_entries(self, group)),
            can_add=group.max is None or count < group.max,
            can_finish=count >= model_minimum(group),
            complete=count >= group.min,
            details_left=0
            if self.details or group.id in self._detailing
            else self.details_left(group),
        )

    def details_left(self, group: Group) -> int:
        """The detail questions of the list's entries still to answer: those that apply, and
        those that will once the answers they hinge on are given (an email for notices, once
        the address is)."""
        detailing = group.id in self._detailing
        self._detailing.add(group.id)  # as they are asked once the user asks for them
        try:
            return sum(
                1
                for entry in own_entries(self, group)
                for question in group.questions
                if question.detail
                and may_apply(self, question, group, entry)
                and get(self.data, self.path_of(group, entry, question)) is ABSENT
            )
        finally:
            if not detailing:
                self._detailing.discard(group.id)

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
        with the entries chosen so far (else a list with entries counts as finished); a pause
        in the details pass goes on with the details."""
        paused = self.data.pop(PAUSED_AT, None)
        if paused == DETAILS_PASS:
            self.details = True
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
        other = self.other_way(step, raw)
        if other is not None and confirmed is not None:
            return self.answer(other, raw)
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
        self.rechecked = None
        if changed and dotted(step.path) in TERM | RENEWAL:
            self._follow_the_term(kept)
        if changed and dotted(step.path) in TERM:
            self._recheck_reviews()
        if changed:
            for path, item in self._without_unapplying(before):
                if isinstance(item, Question):
                    self._set_aside[path] = get(kept, path)
                elif not is_entry(path, item):
                    self._set_aside_marks[item.id] = (
                        get(kept, path) if path == split(item.path) else path[:-1]
                    )
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
        other = self.other_way(step, raw)
        if other is not None and confirmed is not None:
            return self.removed_by(other, raw)
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
                if isinstance(mark, tuple):  # kept at `none_at` or `open_at`
                    self._mark_kind(group, dotted(mark))
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

    def _follow_the_term(self, before: Any) -> None:
        """A suggested review point held a time before the last day to stop a renewal ('Review
        before renewal') is moved with the term and the notice, while it is still at the time
        suggested or at the one the answers `before` this one gave it."""
        preset = self._preset()
        if preset is None or not preset.before_the_notice_deadline:
            return
        suggested = {
            entry.get("name"): entry.get("after")
            for entry in preset.defaults.get(REVIEWS) or []
            if isinstance(entry, dict)
        }
        points = get(self.data, split(REVIEWS))
        for point in points if isinstance(points, list) else []:
            name = point.get("name") if isinstance(point, dict) else None
            if not isinstance(name, str) or name not in preset.before_the_notice_deadline:
                continue
            ahead = _duration(preset.before_the_notice_deadline[name])
            now = _months_before_the_deadline(self.data, ahead)
            was = _months_before_the_deadline(before, ahead)
            held = _in_months(_duration(point.get("after")))
            as_suggested = _in_months(_duration(suggested.get(name)))
            if now is not None and held in (as_suggested, was):
                point["after"] = f"{now} months"

    def _recheck_reviews(self) -> None:
        """Show the review points again when one is held once the initial term has ended."""
        group = next((g for g in self.groups() if g.path == REVIEWS and self.applies(g)), None)
        if group is None or not any(self._after_the_term(p) for p in self._entry_values(group)):
            return
        self.reopen(group)
        self.rechecked = group

    def _entry_values(self, group: Group) -> list[dict[str, Any]]:
        return [
            entry
            for index in own_entries(self, group)
            if isinstance(entry := self.entry_data(group, index), dict)
        ]

    def _after_the_term(self, point: dict[str, Any]) -> bool:
        """Whether a review point is held at or after the end of the initial term."""
        term = get(self.data, ("exit", "term"))
        if not isinstance(term, dict):
            return False
        start, initial, end = (term.get(key) for key in ("effective_date", "initial", "end_date"))
        held, after = point.get("date"), _duration(point.get("after"))
        length = _duration(initial)
        if after is not None and length is not None:
            return after.approximate_days >= length.approximate_days
        if isinstance(start, dt.date) and after is not None:
            held = shift(start, after)
        if isinstance(start, dt.date) and length is not None:
            end = shift(start, length)
        return isinstance(held, dt.date) and isinstance(end, dt.date) and held >= end

    # -- lists -----------------------------------------------------------------------------

    def add_entry(self, step: Manage) -> None:
        self._unmark_kind(step.group)
        items = get(self.data, split(step.group.path))
        index = len(items) if isinstance(items, list) else 0
        put(self.data, (*split(step.group.path), index), dict(step.group.fixed))
        self._edit = EntryEdit(step.group, index, None, new_list=not isinstance(items, list))

    def edit_entry(self, step: Manage, number: int) -> None:
        """Ask the questions of the `number`-th entry (0-based within the group) again."""
        self._ask_entry_again(step.group, step.section, own_entries(self, step.group)[number])

    def _ask_entry_again(self, group: Group, section: Section, entry: int) -> None:
        self._edit = EntryEdit(group, entry, copy.deepcopy(self.entry_data(group, entry)))
        for question in group.questions:
            if self.asked_now(question, group):
                path = self.path_of(group, entry, question)
                self._queue.append(Ask(question, path, section, group, entry))

    def remove_entry(self, step: Manage, number: int) -> None:
        remove(self.data, (*split(step.group.path), own_entries(self, step.group)[number]))

    def detail_entries(self, step: Manage) -> None:
        """Ask the detail questions of this list's entries now."""
        self._detailing.add(step.group.id)

    @property
    def editing(self) -> EntryEdit | None:
        """The list entry being added or edited, if any."""
        return self._edit

    def cancel(self) -> EntryEdit | None:
        """Undo the entry being added or edited; None when no entry is, or when the question
        being asked is not one of it (a question a change asks before the entry it reopened)."""
        edit = self._edit
        asking = self._asking
        if edit is None or (asking is not None and asking.group is not edit.group):
            return None
        self._edit = None
        self._asking = None
        self._queue = [ask for ask in self._queue if ask.group is not edit.group]
        where = (*split(edit.group.path), edit.index)
        if edit.before is None or edit.unfinished:
            self._remove_added(self.data, edit)
        else:
            put(self.data, where, edit.before)
            self._postponed.add((edit.group.id, edit.index))
        self._opened.add(edit.group.id)
        return edit

    def finish(self, step: Manage, none: bool = False) -> None:
        """Done with a list: with no entries it is finished empty, below its minimum left open
        (unless it keeps `none`, said on purpose, of a list that expects some). A list fixed to
        one kind keeps either at its `none_at` or `open_at`."""
        group = step.group
        path = split(group.path)
        if not group.fixed and not self.entries(group):
            put(self.data, path, [] if step.complete else OPEN)
        elif group.none_at and (step.complete or none) and not self.entries(group):
            self._mark_kind(group, group.none_at)
        elif group.open_at and not step.complete and not self.entries(group):
            self._mark_kind(group, group.open_at)
        self._closed.add(step.group.id)
        self._opened.discard(step.group.id)

    def _unmark_kind(self, group: Group) -> None:
        """An entry added to a list fixed to one kind, finished with none or left open: the
        list has one now."""
        for at in (group.none_at, group.open_at):
            if at is None or not self.kind_marked(group, at):
                continue
            left = [
                value for value in get(self.data, split(at)) if value not in group.fixed.values()
            ]
            if left:
                put(self.data, split(at), left)
            else:
                self.drop(split(at))

    def _unmark(self, group: Group) -> None:
        """Forget that a list that no longer applies has none or is left open."""
        if self.chose_none(group) or self.left_kind_open(group):
            self._unmark_kind(group)
        elif get(self.data, split(group.path)) in (OPEN, []):
            self.drop(split(group.path))

    def _mark_kind(self, group: Group, at: str) -> None:
        """Keep that a list fixed to one kind has none, or is left open, in the list of kinds
        at `at` (its `none_at` or `open_at`)."""
        marks = get(self.data, split(at))
        kept = marks if isinstance(marks, list) else []
        put(self.data, split(at), [*kept, *group.fixed.values()])

    def reopen(self, group: Group) -> None:
        """Show a finished group again (from the review); a group of one entry, which has no
        menu to show, asks the questions of its entry again."""
        self._closed.discard(group.id)
        self._opened.add(group.id)
        if group.single and self.applies(group):
            section = next(s for s, item in self.items() if item is group)
            self._ask_entry_again(group, section, self._single_entry(group))

    @property
    def unfinished_addition(self) -> EntryEdit | None:
        """The list entry being added, while it may not be saved yet (see `_finished`)."""
        edit = self._edit
        if edit is None or edit.before is not None or self._finished(edit):
            return None
        return edit

    def answers(self) -> dict[str, Any]:
        """The answers as the file keeps them: no entry missing a required answer, open
        answers listed under `left_open`."""
        data = self.data
        edit = self.unfinished_addition
        if edit is not None:
            data = copy.deepcopy(data)
            self._remove_added(data, edit)
        kept = for_file(data)
        # A record whose one answer says there is none is none: `second_signatory: null`, not
        # `second_signatory: {name: null}`.
        for path in self._record_nones(kept):
            record = get(kept, path[:-1])
            if (
                isinstance(record, dict)
                and record
                and all(value is None for value in record.values())
                and _may_be_none(path[:-1])
            ):
                put(kept, path[:-1], None)
        return kept

    @staticmethod
    def _remove_added(data: dict[str, Any], edit: EntryEdit) -> None:
        remove(data, (*split(edit.group.path), edit.index))
        if edit.new_list and get(data, split(edit.group.path)) == []:
            remove(data, split(edit.group.path))

    def _half(self, group: Group, index: int) -> bool:
        """Whether an entry lacks a required answer, or the answer to an essential question
        that applies to it: one no interview saves now, as `_finished` keeps it out of the file
        until then, but an earlier version did."""
        entry = self.entry_data(group, index)
        return not isinstance(entry, dict) or any(
            get(entry, split(question.path)) in ((ABSENT, OPEN) if question.required else (ABSENT,))
            and (question.required or not question.detail)
            and self.applies(question, group, index)
            for question in group.questions
        )

    def _finished(self, edit: EntryEdit) -> bool:
        """Whether an entry being added may be saved: its required answers given and every
        question of this pass asked (a contribution paused before its quantity is not saved
        without it, which a resumed interview would then keep as it was)."""
        group, index = edit.group, edit.index
        entry = self.entry_data(group, index)
        return isinstance(entry, dict) and all(
            get(entry, split(question.path)) not in (ABSENT, OPEN)
            if question.required
            else not (
                self.asked_now(question, group)
                and self.applies(question, group, index)
                and get(entry, split(question.path)) is ABSENT
            )
            for question in group.questions
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


def _duration(value: Any) -> Duration | None:
    """A length of time as the answers keep it ('42 months'); None for none or another value."""
    if value is None or value is OPEN:
        return None
    try:
        return Duration.model_validate(value)
    except ValidationError:
        return None


_MONTHS_IN = {"months": 1, "years": 12}


def _in_months(length: Duration | None) -> int | None:
    """'2 years' as 24 months; None for none or a length counted in days or weeks."""
    if length is None or length.unit not in _MONTHS_IN:
        return None
    return length.value * _MONTHS_IN[length.unit]


def _term_in_months(term: Any) -> int | None:
    """The whole months an initial term lasts: its length ('12 years': 144), or from its
    effective date to its end date, when it is given as one (2027-01-01 to 2031-12-31: 60);
    None for a term not known in months."""
    if not isinstance(term, dict):
        return None
    length = _in_months(_duration(term.get("initial")))
    start, end = term.get("effective_date"), term.get("end_date")
    if length is not None or not (isinstance(start, dt.date) and isinstance(end, dt.date)):
        return length
    after = end + dt.timedelta(days=1)  # a term ending 31 December ends a whole year
    months = (after.year - start.year) * 12 + after.month - start.month
    return months - (after.day < start.day)


def _months_before_the_deadline(data: Any, ahead: Duration | None) -> int | None:
    """The months after the effective date that fall `ahead` of the last day to stop a
    renewal, as the answers give the term and the notice: a term of 144 months, 12 months'
    notice, 6 months ahead: 126; ahead of the end of the term where the deal does not renew.
    None for a term not known in months, or one no longer than the notice and `ahead`."""
    length = _term_in_months(get(data, TERM_RECORD))
    early = _in_months(ahead)
    if length is None or early is None:
        return None
    early += _notice_in_months(get(data, ("exit", "renewal")))
    return length - early if length > early else None


def _notice_in_months(renewal: Any) -> int:
    """The whole months the notice to stop a renewal takes, rounded up ('90 days': 3); none
    where the deal does not renew or gives no notice yet."""
    if not isinstance(renewal, dict) or renewal.get("type") == "none":
        return 0
    notice = _duration(renewal.get("notice"))
    if notice is None:
        return 0
    months = _in_months(notice)
    if months is not None:
        return months
    days = notice.value * (7 if notice.unit == "weeks" else 1)
    return -(-days * 12 // 365)


def _may_be_none(path: AnswerPath) -> bool:
    """Whether the deal model takes none for the record at `path` (a party's second
    signatory; not the value sharing, which is always there)."""
    found = field_at(Deal, path)
    return found is not None and type(None) in get_args(found.annotation)
