"""What an interview looks like from outside: the review, what is missing, where a path is
asked, and how much is left. Read-only views over an `Engine`."""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from termgen.interview.applying import may_apply
from termgen.interview.data import ABSENT, OPEN, get, with_open_marks
from termgen.interview.engine import Engine
from termgen.interview.groups import model_minimum, none_is_a_choice, own_entries
from termgen.interview.spec import Group, Question, Section, Spec
from termgen.interview.state import State
from termgen.interview.steps import Ask, Offer
from termgen.interview.types import show
from termgen.model.paths import AnswerPath, dotted, split
from termgen.wording import ordinal_words

LEFT_OPEN = "(left open)"


@dataclass(frozen=True)
class Missing:
    """A required answer not given yet, where it is asked and where it goes."""

    section: str
    what: str
    path: str


def answer_text(question: Question, value: Any) -> str:
    """A stored answer as the review shows it: words, not ids; '(left open)' when it is,
    'none' when an empty answer said there is none."""
    if value is OPEN:
        return LEFT_OPEN
    if value is None:
        return question.none_label or "none"
    if question.type in ("choice", "multi_choice"):
        values = value if isinstance(value, list) else [value]
        return ", ".join(question.label(str(item)) for item in values)
    if question.type == "percent" and value is not None:
        return f"{show(question.type, value)} %"  # a bare '50' could be a count of anything
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
                    # A choice reads in the interview's words, as it was offered.
                    text = answer_text(item, value)
                    chosen = item.type in ("choice", "multi_choice") or value is None
                    lines.append((item, engine.worded(text) if chosen else text))
                continue
            # An entry whose answers are all left open reads as nothing: say so. An entry of a
            # list fixed to one kind (the stake buy-out) is shown there, not again in the
            # list it shares (the shared assets).
            summaries = [
                engine.summary(item, entry).rstrip(".") or LEFT_OPEN
                for entry in own_entries(engine, item)
            ]
            if value is OPEN or engine.left_kind_open(item):
                lines.append((item, LEFT_OPEN))
            elif summaries or value == [] or engine.chose_none(item):
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
        inner = _entry_question(engine, item, entry, rest[1:])
        if inner is not None:
            return Ask(inner, (*base, entry, *split(inner.path)), section, item, entry)
    return None


def marked_at(engine: State, path: AnswerPath) -> Group | None:
    """The list fixed to one kind whose none or left-open mark is at `path` (release bandwidth
    at strengths.open_of.software_release_bandwidth)."""
    return next(
        (
            group
            for group in engine.groups()
            if engine.applies(group)
            and any(
                at is not None and path == (*split(at), *group.fixed.values())
                for at in (group.none_at, group.open_at)
            )
        ),
        None,
    )


def asked_at(engine: State, path: AnswerPath) -> str | None:
    """Where the answer at `path` is asked, e.g. 'Exit › Exit triggers › the second exit
    trigger (breach) › Cure'."""
    marked = marked_at(engine, path)
    for section, item in engine.items():
        if item is marked:
            return f"{section.title} › {item.title}"
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            if _within(split(item.path), path):
                return f"{section.title} › {item.subject}"
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
        # In words, as the open points a lawyer reads name it: "Contributions › the first
        # contribution (SKM: ...)", not a raw "#1".
        entry = f"{item.title} › the {ordinal_words(number)} {item.item}{about}"
        inner = _entry_question(engine, item, rest[0], rest[1:])
        return f"{section.title} › {entry}" + (f" › {inner.subject}" if inner else "")
    return None


def _entry_question(engine: State, group: Group, entry: int, path: AnswerPath) -> Question | None:
    """The question of this entry that answers `path`: of two ways of asking one answer (an
    IP licence's reach, another contribution's quantity), the one this entry is asked."""
    answering = [q for q in group.questions if _within(split(q.path), path)]
    return next((q for q in answering if engine.applies(q, group, entry)), None) or next(
        iter(answering), None
    )


def missing(engine: State) -> list[Missing]:
    """Required answers not given yet, and lists short of what the deal needs."""
    found = []
    for section, item in engine.items():
        if not engine.applies(item):
            continue
        if isinstance(item, Question):
            path = split(item.path)
            if item.required and get(engine.data, path) in (ABSENT, OPEN, None):
                found.append(Missing(section.title, item.subject, dotted(path)))
            continue
        entries = engine.entries(item)
        said_otherwise = (
            get(engine.data, split(item.path)) is OPEN
            or engine.chose_none(item)
            or engine.left_kind_open(item)
        )
        needed = model_minimum(item) if said_otherwise else item.min
        if len(entries) < needed:
            found.append(
                Missing(section.title, f"{item.title}: at least {item.min} needed", item.path)
            )
        for entry in entries:
            for question in item.questions:
                path = (*split(item.path), entry, *split(question.path))
                if (
                    question.required
                    and engine.applies(question, item, entry)
                    and get(engine.data, path) in (ABSENT, OPEN, None)
                ):
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


def remaining_with(engine: Engine, offer: Offer) -> int:
    """What `remaining` would count with the suggested answers of `offer` taken: what the
    offer's choice means, said before it is made."""
    kept = engine.data
    engine.data = copy.deepcopy(kept)
    try:
        engine.accept_preset(offer)
        return remaining(engine)
    finally:
        engine.data = kept


def _remaining(engine: Engine) -> int:
    left = 0
    queued = engine.queued_paths  # counted once, as queued, not again as the walk's
    counted: set[AnswerPath] = set()  # two questions of one answer (a renewal's notice): one
    for _, item in engine.items():
        if isinstance(item, Question):
            path = split(item.path)
            asked = (
                engine.asked_now(item)
                and may_apply(engine, item)
                and get(engine.data, path) is ABSENT
                and path not in queued
                and path not in counted
                and not _other_way_to_come(engine, item)
            )
            if asked:
                counted.add(path)
            left += asked
            continue
        if not may_apply(engine, item):
            continue
        own = own_entries(engine, item)
        for entry in own:
            left += entry_left(engine, item, entry, queued)
        # A new entry's questions: those of no condition, and once each answer asked in one of
        # several ways, each for its own kind (an IP licence's reach, another's quantity).
        ways = Counter(q.path for q in item.questions)
        per_entry = len(
            {
                q.path
                for q in item.questions
                if engine.asked_now(q, item) and (q.when is None or ways[q.path] > 1)
            }
        )
        if item.single:
            left += 0 if own else per_entry
        elif not engine.is_closed(item):
            left += _list_prompts(item, len(own), per_entry)
    return left + engine.pending_offer() + engine.queued


def entry_left(
    engine: Engine, group: Group, entry: int, queued: frozenset[AnswerPath] = frozenset()
) -> int:
    """The questions of a list entry still to answer in this pass: two questions of one answer
    (an IP licence's reach, another contribution's quantity) count once."""
    return len(
        {
            path
            for question in group.questions
            if engine.asked_now(question, group)
            and may_apply(engine, question, group, entry)
            and (path := engine.path_of(group, entry, question)) not in queued
            and get(engine.data, path) is ABSENT
            and not _other_way_to_come(engine, question, group, entry)
        }
    )


def _other_way_to_come(
    engine: Engine, question: Question, group: Group | None = None, entry: int | None = None
) -> bool:
    """Whether the question gives an answer another way (an end date instead of the term)
    that is asked only if the first way is left empty, while the first is still to come: one
    answer, counted once, so that giving the first does not take two off the count."""
    if question.instead_of is None:
        return False
    if group is not None and entry is not None:
        first = next((q for q in group.questions if q.path == question.instead_of), None)
        path = (*split(group.path), entry, *split(question.instead_of))
    else:
        first = next(
            (
                item
                for _, item in engine.items()
                if isinstance(item, Question) and item.path == question.instead_of
            ),
            None,
        )
        path = split(question.instead_of)
    return first is not None and engine.asked_now(first, group) and get(engine.data, path) is ABSENT


def _list_prompts(group: Group, count: int, per_entry: int) -> int:
    """A list's prompts still to come: the entries it lacks, the choice to finish it, and a
    choice to add each entry beyond those added straight away, as the runner does: those the
    deal cannot do without, and the first one unless the menu comes first (to offer none)."""
    short = max(group.min - count, 0)
    first = 0 if none_is_a_choice(group, count) else 1 if count == 0 else 0
    straight = max(model_minimum(group) - count, first)
    return short * per_entry + 1 + max(short - straight, 0)


def _within(asked: AnswerPath, wanted: AnswerPath) -> bool:
    """Whether a question at `asked` answers `wanted` (or a part of its answer: an item of a
    list of texts, a party's share), or is the first one below it."""
    wanted = tuple(wanted)
    return bool(wanted) and (wanted[: len(asked)] == asked or asked[: len(wanted)] == wanted)


def questions_of(
    answered: dict[str, Any], spec: Spec, today: dt.date
) -> Callable[[AnswerPath], str | None]:
    """Where each answer of a deal written in any way is asked in this interview, e.g. for
    the open points of its drafts, worded for the deal's number of parties as the interview
    asks it; `answered` is the deal as plain answer data."""
    state = State(spec, with_open_marks(answered), today=today)

    def question(path: AnswerPath) -> str | None:
        asked = asked_at(state, path)
        return state.worded(asked) if asked else None

    return question
