"""What a changed answer changes: the questions that depend on it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from termgen.interview.data import ABSENT, get
from termgen.interview.groups import reads
from termgen.interview.spec import Group, Question, Section
from termgen.interview.steps import Ask
from termgen.model.paths import AnswerPath, split

if TYPE_CHECKING:
    from termgen.interview.state import State


def dependents(engine: State, changed: str) -> Iterator[tuple[Section, Question | Group]]:
    """The top-level questions and groups whose condition reads the answer at `changed`."""
    for section, item in engine.items():
        if any(_overlap(changed, path) for path in reads(engine.env, item.when, item.purposes)):
            yield section, item


def no_longer_applying(engine: State, step: Ask) -> list[AnswerPath]:
    """Answers to questions that depend on the one just answered and no longer apply."""
    if step.group is None:
        asked = {item.path for _, item in engine.items() if engine.applies(item)}
        return [
            split(item.path)
            for _, item in dependents(engine, step.question.path)
            if isinstance(item, Question)
            and item.path not in asked
            and get(engine.data, split(item.path)) is not ABSENT
        ]
    assert step.entry is not None
    changed = f"item.{step.question.path}"
    found = []
    for question in step.group.questions:
        path = (*split(step.group.path), step.entry, *split(question.path))
        if (
            any(_overlap(changed, read) for read in reads(engine.env, question.when))
            and not engine.applies(question, step.group, step.entry)
            and get(engine.data, path) is not ABSENT
        ):
            found.append(path)
    return found


def _overlap(changed: str, read: str) -> bool:
    return read.startswith(changed) or changed.startswith(read)
