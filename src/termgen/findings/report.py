"""Findings for people (a table) and for programs (JSON)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termgen.findings.deal import Finding, blocking
from termgen.findings.unexplained import LEFT_OPEN
from termgen.terminal import command_line, text_table, wrap


def summary(findings: Sequence[Finding]) -> str:
    """'2 blocking, 1 warning' as the table shows them (the answers left open one finding),
    or that nothing is missing."""
    if not findings:
        return "No findings: every exit, renewal and other checked provision is settled."
    rows = _rows(findings)
    stops = sum(severity == "blocking" for severity, *_ in rows)
    warnings = len(rows) - stops
    return f"{stops} blocking, {warnings} warning{'s' if warnings != 1 else ''}"


def shown_count(findings: Sequence[Finding]) -> int:
    """How many findings the table shows: the answers left open on purpose are one."""
    return len(_rows(findings))


def _rows(findings: Sequence[Finding]) -> list[tuple[str, str, str, str]]:
    """A row per finding, the provision's name leading in words (its id is for programs and
    overlays, --json); the answers left open on purpose, one finding each for the draft's
    comments, are one row where the first of them was, listing where to answer each."""
    open_on_purpose = [f for f in findings if f.provision == LEFT_OPEN]
    rows: list[tuple[str, str, str, str]] = []
    for finding in findings:
        if finding.provision != LEFT_OPEN or len(open_on_purpose) == 1:
            rows.append((finding.severity, finding.label, finding.message, finding.where))
        elif finding is open_on_purpose[0]:
            rows.append(
                (
                    finding.severity,
                    finding.label,
                    f"{len(open_on_purpose)} answers are left open on purpose, each a [●] in "
                    "the draft until it is settled",
                    "\n".join(f.where for f in open_on_purpose),
                )
            )
    return rows


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
        return wrap(summary(findings), width)
    rows = _rows(findings)
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
