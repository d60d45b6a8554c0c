"""What the engine asks of the user: a question, a list to manage, or a preset to accept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from termgen.interview.spec import Group, Preset, Question, Section
from termgen.model.paths import AnswerPath


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
    """Show a group's entries and let the user add, edit, remove, detail or finish."""

    group: Group
    section: Section
    entries: tuple[str, ...]
    can_add: bool
    can_finish: bool
    complete: bool
    """Whether finishing now leaves the list complete (at least `min` entries)."""
    details_left: int
    """Detail questions its entries have not answered, for the 'details now' choice."""

    @property
    def key(self) -> str:
        return self.group.id


@dataclass(frozen=True)
class Offer:
    """Offer the answers a purpose usually has, before the questions they settle."""

    preset: Preset
    section: Section

    @property
    def key(self) -> str:
        return "preset"


Step = Ask | Manage | Offer
