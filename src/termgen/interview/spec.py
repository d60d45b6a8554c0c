"""What an interview asks, as data: sections, questions bound to deal paths, groups, presets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag, ValidationError, model_validator

from termgen.cache import Cache
from termgen.errors import Problem, SpecError
from termgen.files.builtin import builtin_interview
from termgen.files.datafile import SourceMap, read_validated, whole_file
from termgen.files.read import INTERVIEW_DEFINITION, read_text
from termgen.files.write import write_atomically
from termgen.interview.types import QuestionType
from termgen.model.common import Record, Text
from termgen.model.messages import located_problems
from termgen.model.meta import Purpose, Structure
from termgen.wording import humanise

TODAY = "today"
STRUCTURE = "deal.structure"
OTHER_PURPOSES = "other"
"""Key of a per-purpose help or example text that every other purpose sees."""
OTHER_PLACES = "other"
"""Key of the example by place that a deal in any other place sees."""
PLACE = "{place}"
"""In a text by place, where the place itself is written ('a company of {place}')."""

PerPurpose = Text | dict[Text, Text]
"""One text for every purpose, or texts by purpose id (with 'other' for the rest)."""


def for_purpose(text: PerPurpose | None, purpose: str | None) -> str | None:
    """The text a deal of this purpose sees; None when there is none for it."""
    if text is None or isinstance(text, str):
        return text
    return text.get(purpose or "", text.get(OTHER_PURPOSES))


def _in_place(texts: dict[str, str], place: str | None) -> str | None:
    """The text for the first word of `texts` that `place` names, else the one for any other
    place, with `{place}` in it written as the place; None before the place is known, or when
    `texts` has none for it."""
    if not texts or not place:
        return None
    found = next(
        (
            text
            for word, text in texts.items()
            if word != OTHER_PLACES and re.search(rf"\b{re.escape(word)}\b", place, re.I)
        ),
        texts.get(OTHER_PLACES),
    )
    return None if found is None else found.replace(PLACE, place)


class HelpWhen(Record):
    """Help that holds only for some answers given before (a casting vote in a 50/50 company)."""

    when: Text = Field(description="Condition over the answers so far, as for a question's.")
    help: Text


LIST_HINT = " (separate with ;)"
"""How a list's question tells the person typing to separate its entries."""


class Question(Record):
    """One question, bound to a path of the deal (or of a group's item)."""

    id: Text | None = Field(None, description="Defaults to the path.")
    path: Text = Field(description="Where the answer goes, e.g. exit.renewal.notice.")
    type: QuestionType
    prompt: Text
    help: PerPurpose | None = Field(None, description="Why the question matters (by purpose).")
    example: PerPurpose | list[PerPurpose] | None = Field(
        None,
        description=(
            "An example answer (by purpose); in a list's questions, one for each entry in turn "
            "(the second party does not see the first one's name), none past the last."
        ),
    )
    example_in: dict[Text, Text] = Field(
        default_factory=dict,
        description=(
            "Examples that name a place (a legal form, a currency, an address), by a word of "
            "the place as the answers write it ('Germany', 'Delaware'), with 'other' for a "
            "place none of them names: once the deal's place is known (see `State.place`), "
            "shown instead of `example`, so that a German deal is not shown a Delaware one; "
            "'{place}' in one is written as the place."
        ),
    )
    example_by_kind: dict[Text, Text] = Field(
        default_factory=dict,
        description=(
            "In a list's questions, examples by the entry's kind as answered before (a "
            "contribution's or an exit trigger's `kind`): shown instead of `example`, so that "
            "a licence is not shown an example of engineering capacity."
        ),
    )
    example_follows: Text | None = Field(
        None,
        description=(
            "For a number per party (board seats): the shares per party its example follows "
            "once they are answered, a path such as goals.value_sharing.equity: the larger "
            "holder is shown more seats, a majority holder a majority of them."
        ),
    )
    help_in: dict[Text, Text] = Field(
        default_factory=dict,
        description=(
            "Help that holds only in some places (a German AG signs through two people), by "
            "a word of the place as for `example_in`, with 'other' for the rest: shown instead "
            "of `help` once the place of the deal, or of the list entry, is known."
        ),
    )
    help_when: list[HelpWhen] = Field(
        default_factory=list,
        description=(
            "Help that holds only for some answers given before, each with its condition: the "
            "first whose condition holds is shown instead of `help` and `help_in`, so that a "
            "51/49 company is not told what a casting vote does in a 50/50 one."
        ),
    )
    default: Any = Field(None, description="Suggested answer; 'today' for today's date.")
    when: Text | None = Field(None, description="Condition over the answers so far.")
    purposes: list[Purpose] = Field(default_factory=list, description="Asked only for these.")
    instead_of: Text | None = Field(
        None,
        description=(
            "The question this one is the other way of answering (an end date for a term): "
            "once this one is answered, that one no longer applies, nor is it left open."
        ),
    )
    unit: Text | None = Field(
        None, description="What a whole-number answer counts, e.g. days: '20 days' reads as 20."
    )
    required: bool = False
    empty_is_none: bool = Field(
        False,
        description=(
            "An empty answer says there is none (no second signatory, no floor; in a choice, "
            "its first option, see `none_label`), not that the answer is left open: it is kept "
            "as none, with no [●] in the drafts nor a finding."
        ),
    )
    none_label: Text | None = Field(
        None,
        description=(
            "For a choice that may be none (`empty_is_none`), how that first choice reads, "
            "e.g. 'either party'; else '(none)'."
        ),
    )
    as_written: bool = Field(
        False,
        description=(
            "A name or an address, which the draft prints as written in any language: not "
            "asked back when it reads as French or German, as other typed answers are."
        ),
    )
    detail: bool = Field(
        False, description="Asked once the essentials are done, or when the user asks for detail."
    )
    labels: dict[Text, Text] = Field(
        default_factory=dict, description="How a choice reads, by its value; else its words."
    )

    def example_for(
        self, purpose: str | None, entry: int = 0, place: str | None = None, kind: Any = None
    ) -> str | None:
        """The example the `entry`-th entry of a list (0 for a question of no list) sees, in
        a deal in this place (the nearest the answers name), for an entry of this kind."""
        return (
            _in_place(self.example_in, place)
            or (self.example_by_kind.get(kind) if isinstance(kind, str) else None)
            or self._example(purpose, entry)
        )

    def help_for(self, purpose: str | None, place: str | None = None) -> str | None:
        """The help a deal of this purpose sees, in this place (the nearest the answers name)."""
        return _in_place(self.help_in, place) or for_purpose(self.help, purpose)

    def _example(self, purpose: str | None, entry: int) -> str | None:
        if not isinstance(self.example, list):  # the same for every entry
            return for_purpose(self.example, purpose)
        return for_purpose(self.example[entry], purpose) if entry < len(self.example) else None

    def applies_to(self, purpose: str | None) -> bool:
        return not self.purposes or purpose in self.purposes

    def label(self, choice: str) -> str:
        """A choice as the user reads it: its label, or its id in words."""
        return self.labels.get(choice) or humanise(choice)

    @model_validator(mode="after")
    def _default_id(self) -> Question:
        if self.id is None:
            self.id = self.path
        return self

    @property
    def subject(self) -> str:
        """The question as the open points and the findings name it: without how to type it."""
        return self.prompt.removesuffix(LIST_HINT)


class Group(Record):
    """A repeatable set of questions: one list of the deal, e.g. the contributions."""

    group: Text = Field(description="Id of the group.")
    path: Text = Field(description="The list it fills, e.g. strengths.contributions.")
    title: Text
    item: Text = Field(description="What one entry is called, e.g. 'contribution'.")
    help: PerPurpose | None = None
    details: Text | None = Field(
        None, description="What its detail questions cover, e.g. 'timing, tracking, acceptance'."
    )
    min: int = Field(0, ge=0)
    max: int | None = Field(None, ge=1)
    single: bool = Field(False, description="Exactly one entry, asked without add/edit/remove.")
    fixed: dict[Text, Any] = Field(
        default_factory=dict, description="Values every entry of this group has, e.g. kind."
    )
    none_at: Text | None = Field(
        None,
        description=(
            "For a list fixed to one kind, in a list it shares: the list of kinds where 'none' "
            "is kept when it is finished with no entries, e.g. strengths.none_of."
        ),
    )
    open_at: Text | None = Field(
        None,
        description=(
            "Like `none_at`, the list of kinds where 'left open' is kept when it is left open "
            "with no entries (a finding until settled), e.g. strengths.open_of."
        ),
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


RENAMED_PRESET_KEYS = {"before_the_term_ends": "before_the_notice_deadline"}
"""A preset's keys under an earlier name, and the name each has now: an interview definition
copied before the rename is read with the new name, and rewritten with it
(`rewrite_renamed_keys`)."""


class Preset(Record):
    """Suggested answers once the partnership's purpose is known: a value per question path,
    or for a list (a group's path) the entries it usually has."""

    @model_validator(mode="before")
    @classmethod
    def _renamed_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        return {RENAMED_PRESET_KEYS.get(key, key): value for key, value in data.items()}

    purpose: Purpose | None = Field(None, description="Omitted: suggested for every purpose.")
    structure: Structure | None = Field(
        None,
        description=(
            "Suggested for this legal structure only, over the purpose's own: answers that "
            "follow the deal form, e.g. shared assets that stay with the JV."
        ),
    )
    summary: Text | None = Field(None, description="What the suggestions amount to, in a line.")
    defaults: dict[Text, Any] = Field(default_factory=dict)
    before_the_notice_deadline: dict[Text, Text] = Field(
        default_factory=dict,
        description=(
            "Suggested review points held a time before the last day to stop a renewal (the "
            "end of the initial term less the notice; the end itself where the deal does not "
            "renew), by name, e.g. 'Review before renewal: 6 months': once the term or the "
            "notice is given or changed, their 'after' follows it."
        ),
    )


class Spec(Record):
    title: Text
    sections: list[Section] = Field(min_length=1)
    presets: list[Preset] = Field(default_factory=list)

    def preset(self, purpose: str | None, structure: str | None = None) -> Preset | None:
        """The suggestions for a purpose and legal structure (by default the one the purpose
        suggests), over those for the purpose alone, over those for every purpose; None
        without any for the purpose."""
        own = self._preset_for(purpose)
        if own is None:
            return None
        structure = structure or own.defaults.get(STRUCTURE)
        shared, formed = self._preset_for(None), self._preset_for(purpose, structure)
        defaults = {
            **(shared.defaults if shared else {}),
            **own.defaults,
            **(formed.defaults if formed else {}),
        }
        before_the_notice_deadline = {
            **(shared.before_the_notice_deadline if shared else {}),
            **own.before_the_notice_deadline,
            **(formed.before_the_notice_deadline if formed else {}),
        }
        return Preset(
            purpose=own.purpose,
            summary=own.summary,
            defaults=defaults,
            before_the_notice_deadline=before_the_notice_deadline,
        )

    def _preset_for(self, purpose: str | None, structure: str | None = None) -> Preset | None:
        return next(
            (p for p in self.presets if (p.purpose, p.structure) == (purpose, structure)), None
        )


def load_spec(path: Path | None = None, cache: Cache | None = None) -> tuple[Spec, SourceMap]:
    """Read and validate an interview definition (from the cache when it has not changed);
    every problem names its line."""
    return read_validated(
        Path(path) if path else builtin_interview(), INTERVIEW_DEFINITION, _validated_spec, cache
    )


def _validated_spec(data: Any, source: SourceMap) -> Spec:
    if not isinstance(data, dict):
        raise whole_file(
            source.file,
            "an interview definition is a mapping with 'title:' and 'sections:'",
            SpecError,
        )
    presets = data.get("presets")
    twice = [
        Problem(
            f"'{old}' is the old name of '{new}', which is given too; keep '{new}' only",
            source.locate(("presets", index, old), at_key=True),
        )
        for index, preset in enumerate(presets if isinstance(presets, list) else [])
        if isinstance(preset, dict)
        for old, new in RENAMED_PRESET_KEYS.items()
        if old in preset and new in preset
    ]
    if twice:
        raise SpecError(twice)
    try:
        return Spec.model_validate(data)
    except ValidationError as invalid:
        raise SpecError(located_problems(invalid, Spec, source)) from None


def rewrite_renamed_keys(source: SourceMap) -> list[tuple[int, str, str]]:
    """Rename in the interview definition each preset key written under an earlier name (the
    line, the old name and the new, for each); the file is otherwise kept as written."""
    found = sorted(
        (source.spot(path, at_key=True), str(path[-1]))
        for path in source.keys
        if len(path) == 3 and path[0] == "presets" and path[-1] in RENAMED_PRESET_KEYS
    )
    if not found:
        return []
    lines = read_text(Path(source.file), INTERVIEW_DEFINITION).splitlines(keepends=True)
    renamed = []
    for (line, column), old in found:
        written = lines[line - 1]
        start = column - 1 + (written[column - 1 : column] in ("'", '"'))  # a quoted key
        if written.startswith(old, start):
            new = RENAMED_PRESET_KEYS[old]
            lines[line - 1] = written[:start] + new + written[start + len(old) :]
            renamed.append((line, old, new))
    if renamed:
        write_atomically(Path(source.file), "".join(lines).encode("utf-8"), replace=True)
    return renamed
