"""What an interview looks like from outside: the review, what is missing, where a path is
asked, and the progress line. Read-only views over an `Engine`."""

from __future__ import annotations

from dataclasses import dataclass

from termgen.interview.data import ABSENT, get
from termgen.interview.engine import Engine, Step
from termgen.interview.spec import Group, Question, Section
from termgen.interview.types import show
from termgen.model.paths import AnswerPath, dotted, split


@dataclass(frozen=True)
class Missing:
    """A required answer not given yet, where it is asked and where it goes."""

    section: str
    what: str
    path: str


@dataclass(frozen=True)
class Progress:
    section: int
    sections: int
    title: str
    left: int


def review(engine: Engine) -> list[tuple[Section, list[tuple[Question | Group, str]]]]:
    """Each section with its answered questions and groups, as they read now."""
    result = []
    for section in engine.spec.sections:
        lines: list[tuple[Question | Group, str]] = []
        for item in section.items:
            if isinstance(item, Question):
                value = get(engine.data, split(item.path))
                if value is not ABSENT and engine.applies(item.when, item.purposes):
                    lines.append((item, show(item.type, value) or "(left open)"))
            elif engine.applies(item.when, item.purposes):
                summaries = [engine.summary(item, entry) for entry in engine.entries(item)]
                lines.append((item, "; ".join(summaries) or "(none)"))
        result.append((section, lines))
    return result


def asked_at(engine: Engine, path: AnswerPath) -> str | None:
    """Where the answer at `path` is asked, e.g. 'Exit › Exit triggers #2 (breach) › Cure'."""
    for section in engine.spec.sections:
        for item in section.items:
            if not engine.applies(item.when, item.purposes):
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
                return f"{section.title} › {item.title}"
            if rest[0] not in engine.entries(item):
                continue
            number = engine.entries(item).index(rest[0]) + 1
            entry = f"{item.title} #{number} ({engine.summary(item, rest[0])})"
            inner = next((q for q in item.questions if _within(split(q.path), rest[1:])), None)
            return f"{section.title} › {entry}" + (f" › {inner.prompt}" if inner else "")
    return None


def missing(engine: Engine) -> list[Missing]:
    """Required answers not given yet, and groups short of their minimum."""
    found = []
    for section in engine.spec.sections:
        for item in section.items:
            if isinstance(item, Question):
                path = split(item.path)
                if (
                    item.required
                    and engine.applies(item.when, item.purposes)
                    and get(engine.data, path) in (ABSENT, None)
                ):
                    found.append(Missing(section.title, item.prompt, dotted(path)))
                continue
            if not engine.applies(item.when, item.purposes):
                continue
            entries = engine.entries(item)
            if len(entries) < item.min:
                found.append(
                    Missing(section.title, f"{item.title}: at least {item.min} needed", item.path)
                )
            for entry in entries:
                for question in item.questions:
                    path = (*split(item.path), entry, *split(question.path))
                    if question.required and get(engine.data, path) in (ABSENT, None):
                        found.append(
                            Missing(
                                section.title,
                                f"{item.item} #{entry + 1}: {question.prompt}",
                                dotted(path),
                            )
                        )
    return found


def open_questions(engine: Engine) -> int:
    """Top-level questions that apply and have no answer yet."""
    return len(
        [
            item
            for section in engine.spec.sections
            for item in section.items
            if isinstance(item, Question)
            and engine.applies(item.when, item.purposes)
            and get(engine.data, split(item.path)) is ABSENT
        ]
    )


def progress(engine: Engine, step: Step) -> Progress:
    index = next(
        i for i, section in enumerate(engine.spec.sections) if section.id == step.section.id
    )
    return Progress(
        index + 1, len(engine.spec.sections), step.section.title, open_questions(engine)
    )


def _within(asked: AnswerPath, wanted: AnswerPath) -> bool:
    """Whether a question at `asked` answers `wanted`, or is the first one below it."""
    return bool(wanted) and asked[: len(wanted)] == tuple(wanted)
