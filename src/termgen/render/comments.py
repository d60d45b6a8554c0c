"""Findings as Word comments, anchored at the heading of the section where each belongs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx.document import Document as WordDocument

from termgen.drafting.structure import Draft
from termgen.findings.deal import Finding
from termgen.library.sections import Document
from termgen.model.messages import path_in_words

AUTHOR, INITIALS = "termgen", "TG"


def comment_text(finding: Finding) -> str:
    """What the reviewer reads in the margin."""
    return (
        f"{finding.severity.upper()}: {finding.label}. {finding.message[:1].upper()}"
        f"{finding.message[1:]}. Settle it in the answers under {path_in_words(finding.path)}."
    )


def add_comments(
    document: WordDocument,
    draft: Draft,
    kind: Document,
    findings: Sequence[Finding],
    when: dt.datetime,
) -> None:
    """Comment each finding at its section's heading in this document; the term sheet also
    takes, at its title, the findings whose section the draft does not have."""
    if not findings:
        return  # reading every paragraph's text costs more than a long draft's rendering
    here = draft.document(kind)
    headings = {section.id: f"{section.number}. {section.heading}" for section in here.sections}
    anywhere = {section.id for each in draft.documents for section in each.sections}
    paragraphs = {paragraph.text: paragraph for paragraph in document.paragraphs}
    title = next(paragraph for paragraph in document.paragraphs if paragraph.text.strip())
    for finding in findings:
        section = finding.section or ""
        if section in headings:
            anchor = paragraphs[headings[section]]
        elif kind == "term_sheet" and section not in anywhere:
            anchor = title
        else:
            continue
        comment = document.add_comment(anchor.runs, comment_text(finding), AUTHOR, INITIALS)
        comment._comment_elm.date = when
