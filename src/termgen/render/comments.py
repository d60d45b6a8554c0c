"""Findings as Word comments, anchored on the [●] or the clause text each is about."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from termgen.drafting.structure import Draft, DraftSection
from termgen.findings.deal import Finding
from termgen.findings.unexplained import clause_about
from termgen.library.sections import Document
from termgen.model.messages import path_in_words
from termgen.render.context import Question
from termgen.render.placed import Placed
from termgen.templating.missing import PLACEHOLDER

AUTHOR, INITIALS = "termgen", "TG"


def comment_text(finding: Finding, question: str | None = None) -> str:
    """What the reviewer reads in the margin: the finding, and the interview question that
    settles it, if one does, or else the place in the answers. Not both: the interview counts
    a party's own entries of a list where the answers count all of them."""
    settle = (
        f"in the interview at “{question}”"
        if question
        else f"in the answers under {path_in_words(finding.path)}"
    )
    return (
        f"{finding.severity.upper()}: {finding.label}. {finding.message[:1].upper()}"
        f"{finding.message[1:]}. Settle it {settle}."
    )


def add_comments(
    document: WordDocument,
    draft: Draft,
    kind: Document,
    findings: Sequence[Finding],
    when: dt.datetime,
    question: Question,
    placed: Mapping[str, Placed],
) -> None:
    """Comment each finding of a section in this document on the [●] it is about, else on the
    text of the clause it concerns, else on the section's heading; the term sheet also takes,
    at its title, the findings whose section the draft does not have."""
    if not findings:
        return
    here = draft.document(kind)
    anywhere = {section.id for each in draft.documents for section in each.sections}
    title = next(paragraph for paragraph in document.paragraphs if paragraph.text.strip())
    sections = {section.id: section for section in here.sections}
    for finding in findings:
        section = finding.section or ""
        if section in placed:
            anchor = _anchor(finding, sections[section], placed[section])
        elif kind == "term_sheet" and section not in anywhere:
            anchor = title.runs
        else:
            continue
        text = comment_text(finding, question(finding.path))
        comment = document.add_comment(anchor, text, AUTHOR, INITIALS)
        comment._comment_elm.date = when


def _anchor(finding: Finding, section: DraftSection, placed: Placed) -> list[Run]:
    numbered = (c for c in section.clauses if finding.clause and c.number == finding.clause)
    clause = next(numbered, None) or clause_about(finding.provision, finding.path, section.clauses)
    paragraphs = placed.clauses.get(clause.id, []) if clause else []
    for paragraph in paragraphs:
        if open_point := _open_point(paragraph):
            return open_point
    row = next((step for step in finding.path if isinstance(step, int)), None)
    for table in placed.tables:
        rows = table.rows[1:]
        candidates = [rows[row]] if row is not None and row < len(rows) else rows
        for table_row in candidates:
            for cell in table_row.cells:
                for paragraph in cell.paragraphs:
                    if open_point := _open_point(paragraph):
                        return open_point
    if paragraphs:
        return paragraphs[0].runs
    return placed.heading.runs


def _open_point(paragraph: Paragraph) -> list[Run]:
    return [run for run in paragraph.runs if run.text == PLACEHOLDER][:1]
