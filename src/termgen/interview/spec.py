"""What an interview asks, as data: sections, questions bound to deal paths, groups, presets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, ValidationError, model_validator

from termgen.errors import SpecError
from termgen.files.builtin import builtin
from termgen.files.datafile import SourceMap, read_yaml, whole_file
from termgen.files.read import INTERVIEW_DEFINITION
from termgen.interview.types import QuestionType
from termgen.model.common import Record, Text
from termgen.model.messages import located_problems
from termgen.model.meta import Purpose

TODAY = "today"


class Question(Record):
    """One question, bound to a path of the deal (or of a group's item)."""

    id: Text | None = Field(None, description="Defaults to the path.")
    path: Text = Field(description="Where the answer goes, e.g. exit.renewal.notice.")
    type: QuestionType
    prompt: Text
    help: Text | None = Field(None, description="Why the question matters.")
    example: Text | None = None
    default: Any = Field(None, description="Suggested answer; 'today' for today's date.")
    when: Text | None = Field(None, description="Condition over the answers so far.")
    purposes: list[Purpose] = Field(default_factory=list, description="Asked only for these.")
    required: bool = False

    @model_validator(mode="after")
    def _default_id(self) -> Question:
        if self.id is None:
            self.id = self.path
        return self


class Group(Record):
    """A repeatable set of questions: one list of the deal, e.g. the contributions."""

    group: Text = Field(description="Id of the group.")
    path: Text = Field(description="The list it fills, e.g. strengths.contributions.")
    title: Text
    item: Text = Field(description="What one entry is called, e.g. 'contribution'.")
    help: Text | None = None
    min: int = Field(0, ge=0)
    max: int | None = Field(None, ge=1)
    single: bool = Field(False, description="Exactly one entry, asked without add/edit/remove.")
    fixed: dict[Text, Any] = Field(
        default_factory=dict, description="Values every entry of this group has, e.g. kind."
    )
    summary: Text = Field(description="How an entry reads in lists, e.g. '{{ item.party }}'.")
    when: Text | None = None
    purposes: list[Purpose] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.group


def _kind(item: Any) -> str:
    return "group" if isinstance(item, dict) and "group" in item else "question"


Item = Annotated[
    Annotated[Group, Tag("group")] | Annotated[Question, Tag("question")], Discriminator(_kind)
]


class Section(Record):
    id: Text
    title: Text
    intro: Text | None = None
    items: list[Item] = Field(min_length=1)


class Preset(Record):
    """Suggested answers once the partnership's purpose is known."""

    purpose: Purpose
    defaults: dict[Text, Any] = Field(default_factory=dict)


class Spec(Record):
    title: Text
    sections: list[Section] = Field(min_length=1)
    presets: list[Preset] = Field(default_factory=list)

    def preset(self, purpose: str | None) -> dict[str, Any]:
        return next((p.defaults for p in self.presets if p.purpose == purpose), {})


def default_spec_path() -> Path:
    return builtin("interviews") / "partnership.yaml"


def load_spec(path: Path | None = None) -> tuple[Spec, SourceMap]:
    """Read and validate an interview definition; every problem names its line."""
    path = Path(path) if path else default_spec_path()
    data, source = read_yaml(path, kind=INTERVIEW_DEFINITION)
    if not isinstance(data, dict):
        raise whole_file(
            path, "an interview definition is a mapping with 'title:' and 'sections:'", SpecError
        )
    try:
        return Spec.model_validate(data), source
    except ValidationError as invalid:
        raise SpecError(located_problems(invalid, Spec, source)) from None
