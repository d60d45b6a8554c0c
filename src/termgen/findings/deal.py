"""Findings on our own deal and its draft: what exit, renewal and other terms are missing."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from termgen.cache import Cache
from termgen.drafting.outline import Outline
from termgen.drafting.structure import Draft
from termgen.errors import LibraryError, Location, Problem
from termgen.files.datafile import SourceMap
from termgen.findings.checks import CHECKS, PROMISES_AN_OPEN_POINT, Gap
from termgen.findings.coherence import COHERENCE, Reading
from termgen.findings.unexplained import (
    LEFT_OPEN,
    UNEXPLAINED,
    clause_showing,
    unexplained_open_points,
)
from termgen.library.conditions import deal_context, holds
from termgen.library.load import Library, Sourced
from termgen.library.provisions import Provision, Severity
from termgen.model import Deal
from termgen.model.messages import path_in_words
from termgen.model.paths import AnswerPath, dotted
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK
from termgen.templating.sandbox import Sandbox
from termgen.wording import for_parties

_SEVERITY_ORDER = {"blocking": 0, "warning": 1}


@dataclass(frozen=True)
class Finding:
    """A provision the deal or its draft lacks, and where to settle it."""

    provision: str
    label: str
    severity: Severity
    message: str
    path: AnswerPath
    section: str | None
    location: Location | None = None
    question: str | None = None
    """The interview question that settles it, when the deal came from an interview."""
    clause: str | None = None
    """The number of the clause it is about (coherence findings), e.g. '9.10'."""

    @property
    def where(self) -> str:
        """The interview question the user answered, then the answer file's line: 'Agreed exit
        path › Renewal at the end of the term (deal.yaml:118:3)'; without a question, the line
        and the path in words, 'deal.yaml:118:3 (exit › renewal)'."""
        where = str(self.location or "")
        if self.location is not None and self.location.line is None:
            where = f"{self.location.file}: not in the file yet"
        if self.question:
            return f"{self.question} ({where})" if where else self.question
        words = path_in_words(self.path)
        return f"{where} ({words})" if where else words

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.provision,
            "label": self.label,
            "severity": self.severity,
            "message": self.message,
            "path": dotted(self.path),
            "line": self.location.line if self.location else None,
            "section": self.section,
            "clause": self.clause,
            "question": self.question,
        }


def deal_findings(
    deal: Deal,
    library: Library,
    outline: Outline | None = None,
    source: SourceMap | None = None,
    draft: Draft | None = None,
) -> list[Finding]:
    """Every finding on the deal, blocking first.

    Given the draft's outline, a provision that needs a clause is settled only when one of
    its clauses provides it, and the coherence checks read what the clauses say (from the
    draft, when it has been assembled already).
    """
    env = Sandbox()
    context = deal_context(deal)
    provided = outline.provided if outline else None
    reading = Reading(outline, library, draft) if outline else None
    findings = []
    reads_findings = []
    for entry in library.provisions.values():
        provision = entry.record
        if provision.expected and not holds(
            env, entry, "expected", context, "provision", library.cache
        ):
            continue
        if provision.check == UNEXPLAINED:
            reads_findings.append(provision)
            continue
        gaps = _gaps(env, entry, deal, context, library.cache, reading)
        if gaps is None:
            continue
        if not gaps and provision.clause and provided is not None and provision.id not in provided:
            open_here = provision.fix and any(
                path.startswith(provision.fix) for path in deal.left_open
            )
            gaps = [
                Gap(
                    "left open on purpose; the draft has no clause for it until it is settled"
                    if open_here
                    else "the answers settle it, but no clause of the draft provides it (is the "
                    "clause disabled in an overlay?)",
                    _fix_path(provision),
                )
            ]
        placed = [
            _at_its_open_point(provision, gap, reading)
            if reading is not None
            else (provision.section, gap)
            for gap in gaps
        ]
        findings += [_finding(provision, gap, section, source) for section, gap in placed]
    if reading is not None:
        for provision in reads_findings:
            unexplained = unexplained_open_points(reading, findings)
            findings += [_finding(provision, gap, section, source) for section, gap in unexplained]
    return sorted(_without_repeats(findings), key=lambda finding: _SEVERITY_ORDER[finding.severity])


def _at_its_open_point(provision: Provision, gap: Gap, reading: Reading) -> tuple[str | None, Gap]:
    """A gap that promises a [●] in the draft, with the section and the number of the clause
    that shows it: its comment sits on that [●], not on another clause's."""
    section = provision.section
    if gap.clause is not None or PROMISES_AN_OPEN_POINT not in gap.message:
        return section, gap
    showing = clause_showing(reading, gap.path, section, provision.id == LEFT_OPEN)
    if showing is None:
        return section, gap
    return showing[0], dataclasses.replace(gap, clause=showing[1])


def _finding(
    provision: Provision, gap: Gap, section: str | None, source: SourceMap | None
) -> Finding:
    location = None
    if source is not None:
        # Nothing of the path written (its section left out): no line of the file is where.
        written = source.written(gap.path) or not gap.path
        location = source.locate(gap.path) if written else Location(source.file)
    return Finding(
        provision.id,
        provision.label,
        provision.severity,
        # An answer left open reads as its [●] (the checks read the deal as drafted).
        gap.message.replace(PLACEHOLDER_MARK, PLACEHOLDER),
        gap.path,
        section,
        location,
        clause=gap.clause,
    )


def _without_repeats(findings: list[Finding]) -> list[Finding]:
    """An answer left open says so once: not again where another finding covers its path."""
    covered = {f.path for f in findings if f.path and f.provision != LEFT_OPEN}
    return [
        finding
        for finding in findings
        if finding.provision != LEFT_OPEN
        or not any(finding.path[: len(path)] == path for path in covered)
    ]


def check_names() -> frozenset[str]:
    """Every check built into termgen, which a provision may name."""
    return frozenset(CHECKS) | frozenset(COHERENCE) | {UNEXPLAINED}


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.severity == "blocking"]


def _fix_path(provision: Provision) -> AnswerPath:
    return tuple(provision.fix.split(".")) if provision.fix else ()


def _gaps(
    env: Sandbox,
    entry: Sourced[Provision],
    deal: Deal,
    context: dict[str, Any],
    cache: Cache | None,
    reading: Reading | None,
) -> list[Gap] | None:
    """What is missing for the provision; None when the deal does not need it at all (or, for
    a coherence check, when there is no outline to read)."""
    provision = entry.record
    if provision.check in COHERENCE:
        return COHERENCE[provision.check](reading) if reading else None
    if provision.check:
        if provision.check not in CHECKS:
            raise LibraryError(
                [Problem(f"unknown check '{provision.check}'", entry.where("check"))]
            )
        return CHECKS[provision.check](deal, provision.id)
    if provision.expression and not holds(env, entry, "expression", context, "provision", cache):
        missing = provision.missing or f"{provision.label.lower()}: not settled"
        return [Gap(for_parties(missing, len(deal.parties)), _fix_path(provision))]
    return []
