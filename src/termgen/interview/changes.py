"""What a changed answer changes: the questions that depend on it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from termgen.interview.data import ABSENT, get
from termgen.interview.groups import own_entries, reads
from termgen.interview.spec import Group, Question, Section
from termgen.model.paths import AnswerPath, split

if TYPE_CHECKING:
    from termgen.interview.state import State


def dependents(engine: State, changed: str) -> Iterator[tuple[Section, Question | Group]]:
    """The top-level questions and groups whose condition reads the answer at `changed`."""
    for section, item in engine.items():
        if any(_overlap(changed, path) for path in reads(engine.env, item.when, item.purposes)):
            yield section, item


Answered = dict[AnswerPath, Question | Group]
"""Where each answer is, with its question; each list entry, with its list; and where a list
without entries keeps that it has none or is left open (see `State.list_mark`), with its list."""


def answered(engine: State) -> Answered:
    """The answers given (or left open) to the questions that apply, and the entries (or the
    none or left-open mark) of the lists that apply."""
    found: Answered = {}
    with engine.unchanged():
        for _, item in engine.items():
            if not engine.applies(item):
                continue
            if isinstance(item, Question):
                if get(engine.data, split(item.path)) is not ABSENT:
                    found[split(item.path)] = item
                continue
            mark = engine.list_mark(item)
            if mark is not None:
                found[mark] = item
            for entry in own_entries(engine, item):
                found[(*split(item.path), entry)] = item
                for question in item.questions:
                    path = engine.path_of(item, entry, question)
                    if (
                        engine.applies(question, item, entry)
                        and get(engine.data, path) is not ABSENT
                    ):
                        found[path] = question
    return found


def is_entry(path: AnswerPath, item: Question | Group) -> bool:
    """Whether an answered path is a list entry, not an answer or a list's mark."""
    return isinstance(item, Group) and isinstance(path[-1], int)


def no_longer_applying(
    before: Answered, after: Answered
) -> list[tuple[AnswerPath, Question | Group]]:
    """What was answered before a change and no longer applies after it; an entry's answers
    go with the entry. An entry of a list fixed to one kind (a stake buy-out) goes with its
    list, though the general list of that path (the shared assets) would take it in."""
    entries = [
        path
        for path, item in before.items()
        if isinstance(item, Group)
        and (path not in after or (item.fixed and after[path] is not item))
    ]
    return [
        (path, item)
        for path, item in before.items()
        if path in entries
        or (
            path not in after
            and not _fixed_by_its_list(path, after)
            and not any(path[: len(entry)] == entry and path != entry for entry in entries)
        )
    ]


def _fixed_by_its_list(path: AnswerPath, after: Answered) -> bool:
    """Whether an entry's answer is now the value its list fixes: a shared asset that the
    licence model takes in keeps its asset, though the licence model does not ask it."""
    group = after.get(path[:-1])
    return isinstance(group, Group) and is_entry(path[:-1], group) and path[-1] in group.fixed


def _overlap(changed: str, read: str) -> bool:
    return read.startswith(changed) or changed.startswith(read)
