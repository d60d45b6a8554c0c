"""What an interview looks like from outside: the review, what is missing, where a path is
asked, and how much is left. Read-only views over an `Engine`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termgen.interview.data import ABSENT, OPEN, get, with_open_marks
from termgen.interview.engine import Engine
from termgen.interview.groups import model_minimum, own_entries, reads
from termgen.interview.spec import Group, Question, Section, Spec
from termgen.interview.state import State
from termgen.interview.steps import Ask
from termgen.interview.types import show
from termgen.model import Deal
from termgen.model.paths import AnswerPath, dotted, split

LEFT_OPEN = "(left open)"


@dataclass(frozen=True)
class Missing:
    """A required answer not given yet, where it is asked and where it goes."""

    section: str
    what: str
    path: str


def answer_text(question: Question, value: Any) -> str:
    """A stored answer as the review shows it: words, not ids; '(left open)' when it is."""
    if value is OPEN:
        return LEFT_OPEN
    if question.type in ("choice", "multi_choice"):
        values = value if isinstance(value, list) else [value]
        return ", ".join(question.label(str(item)) for item in values)
    return show(question.type, value)


def review(engine: State) -> list[tuple[Section, list[tuple[Question | Group, str]]]]:
    """Each section with its answered questions and lists, as they read now."""
    result = []
    for section in engine.spec.sections:
        lines: list[tuple[Question | Group, str]] = []
        for item in section.items:
            if not engine.applies(item):
                continue
            value = get(engine.data, split(item.path))
            if isinstance(item, Question):
                if value is not ABSENT:
                    lines.append((item, answer_text(item, value)))
                continue
            summaries = [engine.summary(item, entry).rstrip(".") for entry in engine.entries(item)]
            if value is OPEN:
                lines.append((item, LEFT_OPEN))
            elif summaries or value == []:
                lines.append((item, "; ".join(summaries) or "none"))
        result.append((section, lines))
    return result


def question_at(engine: State, path: AnswerPath) -> Ask | None:
    """The question that answers `path` (or the first one below it), as an Ask."""
    for section, item in engine.items():
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            if _within(split(item.path), path):
                return Ask(item, split(item.path), section)
            continue
        base = split(item.path)
        rest = path[len(base) :]
        if path[: len(base)] != base or not rest or rest[0] not in own_entries(engine, item):
            continue
        entry = rest[0]
        assert isinstance(entry, int)
        inner = next((q for q in item.questions if _within(split(q.path), rest[1:])), None)
        if inner is not None:
            return Ask(inner, (*base, entry, *split(inner.path)), section, item, entry)
    return None


def asked_at(engine: State, path: AnswerPath) -> str | None:
    """Where the answer at `path` is asked, e.g. 'Exit › Exit triggers #2 (breach) › Cure'."""
    for section, item in engine.items():
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            if _within(split(item.path), path):
                return f"{section.title} › {item.prompt}"
            continue
        base = split(item.path)
        if path[: len(base)] != base:
            continue
        rest = path[len(base) :]
        if not rest or not isinstance(rest[0], int):
            if item.fixed:  # one entry of a shared list (a stake buy-out): not the whole list
                continue
            return f"{section.title} › {item.title}"
        if rest[0] not in own_entries(engine, item):
            continue
        number = own_entries(engine, item).index(rest[0]) + 1
        summary = engine.summary(item, rest[0])
        about = f" ({summary})" if any(char.isalnum() for char in summary) else ""
        entry = f"{item.title} #{number}{about}"
        inner = next((q for q in item.questions if _within(split(q.path), rest[1:])), None)
        return f"{section.title} › {entry}" + (f" › {inner.prompt}" if inner else "")
    return None


def missing(engine: State) -> list[Missing]:
    """Required answers not given yet, and lists short of what the deal needs."""
    found = []
    for section, item in engine.items():
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            path = split(item.path)
            if item.required and get(engine.data, path) in (ABSENT, OPEN, None):
                found.append(Missing(section.title, item.prompt, dotted(path)))
            continue
        entries = engine.entries(item)
        needed = item.min if get(engine.data, split(item.path)) is not OPEN else model_minimum(item)
        if len(entries) < needed:
            found.append(
                Missing(section.title, f"{item.title}: at least {item.min} needed", item.path)
            )
        for entry in entries:
            for question in item.questions:
                path = (*split(item.path), entry, *split(question.path))
                if question.required and get(engine.data, path) in (ABSENT, OPEN, None):
                    found.append(
                        Missing(
                            section.title,
                            f"{item.item} #{entry + 1}: {question.prompt}",
                            dotted(path),
                        )
                    )
    return found


def remaining(engine: Engine) -> int:
    """Prompts still to answer in this pass, list choices and the entries lists still need
    included: an honest count, recomputed at every question."""
    with engine.unchanged():
        return _remaining(engine)


def _remaining(engine: Engine) -> int:
    left = 0
    queued = engine.queued_paths  # counted once, as queued, not again as the walk's
    for _, item in engine.items():
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            asked = engine.asked_now(item) and not _hinges_on_the_unanswered(engine, item)
            path = split(item.path)
            left += asked and get(engine.data, path) is ABSENT and path not in queued
            continue
        own = own_entries(engine, item)
        for entry in own:
            left += sum(
                1
                for question in item.questions
                if engine.asked_now(question, item)
                and engine.applies(question, item, entry)
                and (path := engine.path_of(item, entry, question)) not in queued
                and get(engine.data, path) is ABSENT
            )
        per_entry = sum(1 for q in item.questions if engine.asked_now(q, item) and q.when is None)
        if item.single:
            left += 0 if own else per_entry
        elif not engine.is_closed(item):
            left += _list_prompts(item, len(own), per_entry)
    return left + engine.pending_offer() + engine.queued


def _hinges_on_the_unanswered(engine: Engine, question: Question) -> bool:
    """Whether its condition reads an answer not given yet: it may never be asked."""
    return any(
        get(engine.data, split(path)) is ABSENT
        for path in reads(engine.env, question.when)
        if path.split(".")[0] in Deal.model_fields
    )


def _list_prompts(group: Group, count: int, per_entry: int) -> int:
    """A list's prompts still to come: the entries it lacks, the choice to finish it, and a
    choice to add each entry beyond those the deal cannot do without (added straight away)."""
    short = max(group.min - count, 0)
    straight = max(model_minimum(group) - count, 1 if count == 0 else 0)
    return short * per_entry + 1 + max(short - straight, 0)


def _within(asked: AnswerPath, wanted: AnswerPath) -> bool:
    """Whether a question at `asked` answers `wanted`, or is the first one below it."""
    return bool(wanted) and asked[: len(wanted)] == tuple(wanted)


def questions_of(
    answered: dict[str, Any], spec: Spec, today: dt.date
) -> Callable[[AnswerPath], str | None]:
    """Where each answer of a deal written in any way is asked in this interview, e.g. for
    the open points of its drafts; `answered` is the deal as plain answer data."""
    state = State(spec, with_open_marks(answered), today=today)
    return lambda path: asked_at(state, path)
