"""What a clause file holds: positions, conditions, the provisions it provides."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from termgen.model.bounded import Template
from termgen.model.common import Duration, Record, Text
from termgen.model.meta import Purpose

Element = Literal["goals", "strengths", "governance", "change", "exit", "general"]
PURPOSES: tuple[str, ...] = get_args(Purpose)
_CLAUSE_ID = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*")


def _clause_id(text: str) -> str:
    """A clause id as ids are written, else what is wrong with it in words: an invisible or
    look-alike character is named, as the id shows as a valid one in an editor."""
    if _CLAUSE_ID.fullmatch(text):
        return text
    allowed = (
        "write it with lowercase letters a-z and digits, words joined by one '.', '-' or '_', "
        "e.g. exit.trigger.breach"
    )
    odd = next((c for c in text if not (c.isascii() and c.isprintable())), None)
    if odd is not None:
        name = unicodedata.name(odd, "unnamed").lower()
        raise ValueError(
            f"holds the character U+{ord(odd):04X} ({name}) at position "
            f"{text.index(odd) + 1}, which a clause id does not allow; {allowed}"
        )
    shown = f"{text[:60]}…" if len(text) > 60 else text
    raise ValueError(f"'{shown}' is not a clause id; {allowed}")


ClauseId = Annotated[str, AfterValidator(_clause_id)]


_YES_NO_WORDS = frozenset({"yes", "no", "on", "off", "y", "n"})
"""Words older YAML reads as true or false and this reader as text: as a condition, the name
of nothing in the deal."""


def condition_refusing_constants(examples: str, otherwise: str) -> BeforeValidator:
    """A condition as YAML read it: a number, date or yes/no is refused here, where `Text`
    would take `when: 123` as the text '123', a condition that every deal meets, and the
    condition `yes` would be refused as an unknown name; the message shows `examples` of the
    key and says what to write `otherwise`."""

    def refuse(value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() in _YES_NO_WORDS:
            written: str = value.strip()
        elif isinstance(value, bool | int | float | Decimal | dt.date):
            written = getattr(value, "source", None) or str(value).lower()
        else:
            return value
        raise ValueError(
            f"'{written}' is no condition: a condition tests the deal's answers, in quotes, "
            f"e.g. {examples}; {otherwise}"
        )

    return BeforeValidator(refuse)


ConditionText = Annotated[
    Text,
    condition_refusing_constants(
        'when: "exit.costs" or when: "parties | length > 2"',
        "leave 'when' out for a clause every deal gets",
    ),
]
"""A condition over the deal (a Jinja expression), as text."""
PREFERRED = "preferred"


def _all_means_every(choices: tuple[str, ...]) -> Any:
    def expand(value: Any) -> Any:
        return list(choices) if value == "all" else value

    return BeforeValidator(expand)


class Accepts(Record):
    """The least we can accept from the other side under a fallback: for each length of time
    the fallback concedes, the shortest one. `termgen check --against` reads their draft
    against it: shorter than ours but not shorter than this is 'within our fallback'."""

    term: Duration | None = Field(None, description="Shortest initial term.")
    lock_in: Duration | None = Field(None, description="Shortest lock-in period.")
    renewal_period: Duration | None = Field(None, description="Shortest renewal period.")
    notice: Duration | None = Field(
        None, description="Shortest notice: to stop a renewal, or to exit on this clause's trigger."
    )
    cure: Duration | None = Field(None, description="Shortest cure period.")
    survival: Duration | None = Field(
        None, description="Shortest time an obligation survives the end."
    )

    def summary(self) -> str:
        """'notice at least 12 months, cure at least 30 days'."""
        return ", ".join(
            f"{name.replace('_', ' ')} at least {value}"
            for name in type(self).model_fields
            if (value := getattr(self, name)) is not None
        )

    @model_validator(mode="after")
    def _says_something(self) -> Accepts:
        if not any(getattr(self, name) for name in type(self).model_fields):
            raise ValueError(
                "accepts names no value; give at least one of " + ", ".join(type(self).model_fields)
            )
        return self


class Fallback(Record):
    """A position counsel may fall back to in negotiation, in order of preference."""

    label: Text = Field(description="Short name the answers use to pick this position.")
    requires: Text | None = Field(None, description="The condition or approval it needs.")
    accepts: Accepts | None = Field(
        None, description="What we can accept from the other side under this position."
    )
    text: Text


class Positions(Record):
    """The preferred wording and the ordered fallbacks."""

    preferred: Text
    fallback: list[Fallback] = Field(default_factory=list)

    @field_validator("fallback")
    @classmethod
    def _labels_unique(cls, fallbacks: list[Fallback]) -> list[Fallback]:
        labels = [fallback.label.casefold() for fallback in fallbacks]
        for label in labels:
            if labels.count(label) > 1 or label == PREFERRED:
                raise ValueError(f"the fallback label '{label}' is used twice or is reserved")
        return fallbacks


SHARED = ("shared",)
"""Where a clause's shared block is, as a path into its file."""


class Clause(Record):
    """One clause of the library, in one YAML file."""

    id: ClauseId
    title: Text
    element: Element
    section: Text = Field(description="Id of the section it belongs to (sections.yaml).")
    order: int = Field(100, description="Place within its section; lower comes first.")
    purposes: Annotated[list[Purpose], _all_means_every(PURPOSES)] = Field(
        default_factory=lambda: list(get_args(Purpose)), description="'all' or a list of purposes."
    )
    jurisdictions: Annotated[list[Text], BeforeValidator(lambda v: [] if v == "all" else v)] = (
        Field(default_factory=list, description="Governing laws it suits; empty means any.")
    )
    when: ConditionText | None = Field(
        None, description="Condition over the deal (Jinja expression)."
    )
    provides: list[Text] = Field(default_factory=list, description="Provision ids it satisfies.")
    shared: Template | None = Field(
        None,
        description=(
            "Jinja that every text of the clause starts from: the names it sets ({% set %}) "
            "and the macros it defines, written once, can be used in the preferred text and in "
            "each fallback."
        ),
    )
    uses: list[Text] = Field(
        default_factory=list,
        description=(
            "Ids of the library's shared blocks (library.yaml, `shared:`) every text of the "
            "clause starts from, in order, before its own shared block."
        ),
    )
    text: Positions
    guidance: Text | None = Field(None, description="Advice for the person drafting.")
    version: Text = "1.0"

    def position(self, label: str | None) -> tuple[str, str]:
        """(label, text) of the preferred position or of the fallback with this label."""
        if label is None or label.casefold() == PREFERRED:
            return PREFERRED, self.text.preferred
        for fallback in self.text.fallback:
            if fallback.label.casefold() == label.casefold():
                return fallback.label, fallback.text
        raise KeyError(label)

    @property
    def purpose_summary(self) -> str:
        """'all', or the purposes it is limited to."""
        return "all" if set(self.purposes) == set(PURPOSES) else ", ".join(self.purposes)

    @property
    def labels(self) -> list[str]:
        return [PREFERRED, *(fallback.label for fallback in self.text.fallback)]


class Disabled(Record):
    """An overlay entry that removes a clause of a lower layer."""

    id: ClauseId
    disabled: Literal[True]
