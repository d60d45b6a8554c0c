"""Findings for people (a table) and for programs (JSON)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termgen.findings.deal import Finding, blocking
from termgen.terminal import command_line, text_table


def summary(findings: Sequence[Finding]) -> str:
    """'2 blocking, 1 warning', or that nothing is missing."""
    if not findings:
        return "No findings: every exit, renewal and other checked provision is settled."
    stops = len(blocking(findings))
    warnings = len(findings) - stops
    return f"{stops} blocking, {warnings} warning{'s' if warnings != 1 else ''}"


_SENTENCES = 20
"""The least width of a column of the findings' sentences: narrower, a narrow terminal shows
each finding as a block of its own (see `text_table`)."""
_TALLEST = 4
"""The most lines a finding's cell may wrap onto in the table; a finding that needs more is
read as a block of its own, as in a narrow terminal (see `text_table`)."""


def table(findings: Sequence[Finding], width: int, answers: Path | None = None) -> str:
    """The findings as a table fitted to `width` columns, followed by the summary; given the
    answer file they are about, how to settle them."""
    if not findings:
        return summary(findings)
    # The provision's name leads, in words; its id is for programs and overlays (--json).
    rows = [(f.severity, f.label, f.message, f.where) for f in findings]
    header = ("severity", "provision", "what is missing", "where to settle it")
    shown = text_table(header, rows, width, narrowest=_SENTENCES, tallest=_TALLEST)
    if answers is None:
        return f"{shown}\n{summary(findings)}"
    # Each names its question (and its line, for those who edit the file): the interview
    # takes the user back to the question.
    settle = command_line(
        "Settle them in the interview ('Settle a finding first'):",
        f"termgen interview {shlex.quote(str(answers))}",
        width,
    )
    return f"{shown}\n{summary(findings)}\n{settle}"


def as_json(findings: Sequence[Finding]) -> dict[str, Any]:
    return {
        "findings": [finding.as_json() for finding in findings],
        "blocking": len(blocking(findings)),
        "warnings": len(findings) - len(blocking(findings)),
    }
