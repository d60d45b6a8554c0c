"""The provision registry: what termgen checks for, as data counsel can extend."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from termgen.model.common import Record, Text

Severity = Literal["blocking", "warning"]


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as bad:
        raise ValueError(f"not a valid regular expression: {bad}") from None
    return pattern


Pattern = Annotated[str, AfterValidator(_compiles)]
"""A regular expression, matched case-insensitively against a sentence of a draft."""


class Cue(Record):
    """Text that reveals a provision: every `all` pattern and none of `none`, in one window."""

    all: list[Pattern] = Field(min_length=1)
    none: list[Pattern] = Field(default_factory=list)


class Cues(Record):
    """How a provision shows in a draft from the other side."""

    present: list[Cue] = Field(default_factory=list, description="Any of these: it is there.")
    weak: list[Cue] = Field(
        default_factory=list, description="Otherwise any of these: mentioned, but not settled."
    )
    window: int = Field(1, ge=1, le=3, description="Consecutive sentences a cue may span.")


class Provision(Record):
    """A provision a deal should settle, why it matters, and how to tell whether it does."""

    id: Text
    label: Text
    why: Text = Field(description="Why it matters, in one sentence.")
    severity: Severity
    clause: bool = Field(True, description="Whether a clause of the draft must provide it.")
    section: Text | None = Field(None, description="Section of the draft where it belongs.")
    expected: Text | None = Field(
        None, description="Condition over the deal; the provision is checked only when it holds."
    )
    check: Text | None = Field(None, description="A check built into termgen, by name.")
    expression: Text | None = Field(
        None, description="For counsel's own provisions: a condition true when it is settled."
    )
    fix: Text | None = Field(None, description="Answer-file path where it is settled.")
    cues: Cues | None = Field(None, description="How it shows in a draft from the other side.")
