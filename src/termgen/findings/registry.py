"""The provision registry: what termgen checks for, as data counsel can extend."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from termgen.model.common import Record, Text

Severity = Literal["blocking", "warning"]


class Provision(Record):
    """A provision a deal should settle, and why it matters."""

    id: Text
    label: Text
    why: Text = Field(description="Why it matters, in one sentence.")
    severity: Severity
    clause: bool = Field(True, description="Whether a clause of the draft must provide it.")
