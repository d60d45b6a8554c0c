"""The provision registry: what termgen checks for, as data counsel can extend."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.common import Record, Text

Severity = Literal["blocking", "warning"]


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
