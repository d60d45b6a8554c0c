"""The interview as pure logic: which question comes next, what an answer does, what is left.

No terminal here: a test (or another front end) drives it with `next_step()` and the
`answer`, `add_entry`, `edit_entry`, `remove_entry`, `finish` and `change` calls.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template
from pydantic import ValidationError

from termgen.interview.data import ABSENT, get, left_open, prune, put, remove, renamed
from termgen.interview.spec import TODAY, Group, Question, Section, Spec
from termgen.interview.types import AnswerError, parse, show
from termgen.model import Deal
from termgen.model.deal import BODIES_TO_COME
from termgen.model.messages import clean_loc, plain_message
from termgen.model.paths import AnswerPath, shape_at, shape_of, split
from termgen.templating.check import paths_read
from termgen.templating.sandbox import Sandbox

JOINT = "joint"
BODIES = "governance.bodies"
NAMES = {("parties", "short_name"), (BODIES, "name")}
"""Answers other answers refer to; renaming one renames the references too."""


@dataclass(frozen=True)
class Ask:
    """Ask one question; `path` is where its answer goes in the answer data."""

    question: Question
    path: AnswerPath
    section: Section
    group: Group | None = None
    entry: int | None = None
    default: Any = None
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A stable name for this prompt: the question id, with the entry number if any."""
        prefix = (
            f"{self.group.id}#{self.entry + 1}." if self.group and self.entry is not None else ""
        )
        return f"{prefix}{self.question.id}"


@dataclass(frozen=True)
class Manage:
    """Show a group's entries and let the user add, edit, remove, or finish."""

    group: Group
    section: Section
    entries: tuple[str, ...]
    can_add: bool
    can_finish: bool

    @property
    def key(self) -> str:
        return self.group.id


Step = Ask | Manage


@dataclass
class Engine:
    """Interview state over plain answer data, as saved in the answer file."""

    spec: Spec
    data: dict[str, Any] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    _env: Sandbox = field(default_factory=Sandbox, repr=False)
    _opened: set[str] = field(default_factory=set, repr=False)
    _closed: set[str] = field(default_factory=set, repr=False)
    _active: dict[str, int] = field(default_factory=dict, repr=False)
    _queue: list[Ask] = field(default_factory=list, repr=False)
    _summaries: dict[str, Template] = field(default_factory=dict, repr=False)
    """Each group's summary template, compiled once: lists are summarised at every step."""
    _left_open: set[AnswerPath] = field(default_factory=set, repr=False)
    """Answers skipped this session that the model cannot hold as empty: asked again on resume."""

    def _unanswered(self, path: AnswerPath) -> bool:
        return get(self.data, path) is ABSENT and path not in self._left_open

    # -- walking the spec ------------------------------------------------------------------

    def next_step(self) -> Step | None:
        """The next thing to ask, or None when the interview is complete."""
        while self._queue:
            forced = self._queue.pop(0)
            if self.applies(
                forced.question.when, forced.question.purposes, forced.group, forced.entry
            ):
                return self._ask(
                    forced.question, forced.path, forced.section, forced.group, forced.entry
                )
            remove(self.data, forced.path)
        for section in self.spec.sections:
            for item in section.items:
                step = self._step_for(section, item)
                if step is not None:
                    return step
        return None

    def _step_for(self, section: Section, item: Question | Group) -> Step | None:
        if isinstance(item, Question):
            path = split(item.path)
            if self.applies(item.when, item.purposes) and self._unanswered(path):
                return self._ask(item, path, section)
            return None
        if not self.applies(item.when, item.purposes):
            return None
        if item.single:
            return self._next_in_entry(section, item, self._single_entry(item))
        active = self._active.get(item.id)
        if active is not None:
            step = self._next_in_entry(section, item, active)
            if step is not None:
                return step
            del self._active[item.id]
        for entry in self.entries(item):
            step = self._next_in_entry(section, item, entry)
            if step is not None:
                self._active[item.id] = entry
                self._opened.add(item.id)
                return step
        if self._is_closed(item):
            return None
        self._opened.add(item.id)
        count = len(self.entries(item))
        return Manage(
            item,
            section,
            tuple(self.summary(item, entry) for entry in self.entries(item)),
            can_add=item.max is None or count < item.max,
            can_finish=count >= item.min,
        )

    def _next_in_entry(self, section: Section, group: Group, entry: int) -> Ask | None:
        for question in group.questions:
            path = (*split(group.path), entry, *split(question.path))
            if (
                self.applies(question.when, question.purposes, group, entry)
                and get(self.data, path) is ABSENT
            ):
                return self._ask(question, path, section, group, entry)
        return None

    def _is_closed(self, group: Group) -> bool:
        """Finished in this session, or (from a saved file) holding entries of its own."""
        if group.id in self._closed:
            return True
        if group.id in self._opened:
            return False
        claimed = {
            entry
            for other in self.groups()
            if other is not group
            and other.path == group.path
            and other.fixed
            and self.applies(other.when, other.purposes)
            for entry in self.entries(other)
        }
        own = [entry for entry in self.entries(group) if group.fixed or entry not in claimed]
        return len(own) >= max(group.min, 1)

    def entries(self, group: Group) -> list[int]:
        """Indices of the list entries that belong to this group (its fixed values match)."""
        items = get(self.data, split(group.path))
        if not isinstance(items, list):
            return []
        return [
            index
            for index, entry in enumerate(items)
            if isinstance(entry, dict) and all(entry.get(k) == v for k, v in group.fixed.items())
        ]

    def _single_entry(self, group: Group) -> int:
        existing = self.entries(group)
        if existing:
            return existing[0]
        items = get(self.data, split(group.path))
        index = len(items) if isinstance(items, list) else 0
        put(self.data, (*split(group.path), index), dict(group.fixed))
        return index

    # -- conditions ------------------------------------------------------------------------

    def context(self, group: Group | None = None, entry: int | None = None) -> dict[str, Any]:
        """The answers so far as the names conditions read; `item` is the entry asked about."""
        names: dict[str, Any] = {name: self.data.get(name, {}) for name in Deal.model_fields}
        names["parties"] = self.data.get("parties", [])
        if group is not None and entry is not None:
            names["item"] = get(self.data, (*split(group.path), entry))
        return names

    def applies(
        self,
        when: str | None,
        purposes: Sequence[str],
        group: Group | None = None,
        entry: int | None = None,
    ) -> bool:
        if purposes and get(self.data, ("deal", "purpose")) not in purposes:
            return False
        if group is not None and not self.applies(group.when, group.purposes):
            return False
        return when is None or bool(self._env.condition(when)(**self.context(group, entry)))

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
        if current is not ABSENT:
            return current
        preset = self.spec.preset(get(self.data, ("deal", "purpose")))
        if question.path in preset and len(path) == len(split(question.path)):
            return preset[question.path]
        return self.today if question.default == TODAY else question.default

    def party_names(self) -> list[str]:
        parties = self.data.get("parties", [])
        return [p["short_name"] for p in parties if isinstance(p, dict) and p.get("short_name")]

    def body_names(self) -> list[str]:
        bodies = get(self.data, ("governance", "bodies"))
        return (
            [b["name"] for b in bodies if isinstance(b, dict) and b.get("name")]
            if isinstance(bodies, list)
            else []
        )

    def choices(self, question: Question, path: AnswerPath) -> tuple[str, ...]:
        if question.type in ("party", "parties"):
            return tuple(self.party_names())
        if question.type == "owner":
            return (*self.party_names(), JOINT, *self.body_names())
        if question.type in ("choice", "multi_choice"):
            shape = shape_at(Deal, list(path))
            if shape is not None and shape.kind == "list":
                shape = shape_of(shape.item)
            return shape.choices if shape is not None else ()
        return ()

    def display(self, step: Ask) -> str:
        """The default answer as text to edit."""
        return show(step.question.type, step.default)

    # -- answering -------------------------------------------------------------------------

    def bodies_to_come(self) -> bool:
        """Whether the governance bodies are still to be asked (owners may name one ahead)."""
        return not any(self._is_closed(g) for g in self.groups() if g.path == BODIES)

    def _parse(self, step: Ask, raw: Any) -> Any:
        open_names = step.question.type == "owner" and self.bodies_to_come()
        choices = () if open_names else step.choices
        return parse(step.question.type, raw, parties=self.party_names(), choices=choices)

    def check(self, step: Ask, raw: Any) -> str | None:
        """What is wrong with this answer, in plain words, or None if it can be taken."""
        try:
            value = self._parse(step, raw)
        except AnswerError as wrong:
            return str(wrong)
        if value is None:
            if step.question.required:
                return "this answer is needed to go on"
            value = left_open(step.path)
        if value is ABSENT:
            return None
        candidate = copy.deepcopy(self.data)
        put(candidate, step.path, value)
        return self._model_problem(candidate, step.path)

    def answer(self, step: Ask, raw: Any) -> str | None:
        """Store the answer if it is acceptable; otherwise return why not and store nothing."""
        problem = self.check(step, raw)
        if problem is not None:
            return problem
        value = self._parse(step, raw)
        if value is None:
            value = left_open(step.path)
        if value is ABSENT:
            remove(self.data, step.path)
            prune(self.data, step.path[:-1])
            self._left_open.add(step.path)
            return None
        self._left_open.discard(step.path)
        previous = get(self.data, step.path)
        put(self.data, step.path, value)
        if step.group is not None and (step.group.path, step.question.path) in NAMES:
            self.data = renamed(self.data, previous, value)
        return None

    def _model_problem(self, candidate: dict[str, Any], path: AnswerPath) -> str | None:
        context = {BODIES_TO_COME: self.bodies_to_come()}
        try:
            Deal.model_validate(candidate, context=context)
        except ValidationError as invalid:
            for error in invalid.errors():
                where = tuple(clean_loc(error["loc"]))
                if error["type"] != "missing" and where[: len(path)] == path:
                    return plain_message(error, Deal)[1]
        return None

    # -- groups ----------------------------------------------------------------------------

    def add_entry(self, step: Manage) -> None:
        items = get(self.data, split(step.group.path))
        index = len(items) if isinstance(items, list) else 0
        put(self.data, (*split(step.group.path), index), dict(step.group.fixed))
        self._active[step.group.id] = index

    def edit_entry(self, step: Manage, number: int) -> None:
        """Ask every question of the `number`-th entry (0-based within the group) again."""
        entry = self.entries(step.group)[number]
        for question in step.group.questions:
            path = (*split(step.group.path), entry, *split(question.path))
            self._queue.append(Ask(question, path, step.section, step.group, entry))

    def remove_entry(self, step: Manage, number: int) -> None:
        entry = self.entries(step.group)[number]
        remove(self.data, (*split(step.group.path), entry))
        self._active.pop(step.group.id, None)

    def finish(self, step: Manage) -> None:
        if get(self.data, split(step.group.path)) is ABSENT:
            put(self.data, split(step.group.path), [])
        self._closed.add(step.group.id)
        self._opened.discard(step.group.id)

    def reopen(self, group: Group) -> None:
        """Show a finished group again (from the review)."""
        self._closed.discard(group.id)
        self._opened.add(group.id)

    def summary(self, group: Group, entry: int) -> str:
        item = get(self.data, (*split(group.path), entry))
        if group.summary not in self._summaries:
            self._summaries[group.summary] = self._env.from_string(group.summary)
        return " ".join(self._summaries[group.summary].render(item=item).split())

    # -- changing answers ------------------------------------------------------------------

    def groups(self) -> Iterator[Group]:
        for section in self.spec.sections:
            yield from (item for item in section.items if isinstance(item, Group))

    def change(self, question: Question, section: Section) -> None:
        """Ask a top-level question again, then every answer that depends on it."""
        path = split(question.path)
        self._queue.append(Ask(question, path, section))
        for dependent, dependent_section in self._dependents(question.path):
            if isinstance(dependent, Group):
                if not self.applies(dependent.when, dependent.purposes):
                    continue
                self.reopen(dependent)
                continue
            self._queue.append(Ask(dependent, split(dependent.path), dependent_section))

    def _dependents(self, changed: str) -> Iterator[tuple[Question | Group, Section]]:
        for section in self.spec.sections:
            for item in section.items:
                reads = paths_read(self._env, item.when)
                if item.purposes:
                    reads.add("deal.purpose")
                if any(r.startswith(changed) or changed.startswith(r) for r in reads):
                    yield item, section
