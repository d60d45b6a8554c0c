"""An outline rendered into a draft: each clause's text in the deal's words, and the tables."""

from __future__ import annotations

import re

from termgen.drafting.outline import Outline, OutlinedClause
from termgen.drafting.structure import (
    Draft,
    DraftClause,
    DraftDocument,
    DraftSection,
    Paragraph,
    Segment,
)
from termgen.drafting.tables import BUILDERS
from termgen.errors import LibraryError, Problem
from termgen.library.conditions import STOPPED_ADVICE, clause_scope, deal_context, refuse_issues
from termgen.library.load import Library
from termgen.library.sections import DOCUMENT_TITLES
from termgen.templating.compiled import compiled_text
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK
from termgen.templating.sandbox import RenderError, Sandbox

_BLANK_LINE = re.compile(r"\n\s*\n")
_BULLET = "- "


def assemble(outline: Outline, library: Library) -> Draft:
    """Render every clause of the outline and build each section's tables."""
    env = Sandbox(style=library.style)
    context = deal_context(outline.deal)
    documents = []
    for kind, sections in outline.documents:
        drafted = tuple(
            DraftSection(
                section.section.id,
                section.number,
                section.section.heading,
                tuple(
                    _draft_clause(clause, _render(env, clause, context, library))
                    for clause in section.clauses
                ),
                tuple(
                    BUILDERS[table](outline.deal, library.style) for table in section.section.tables
                ),
            )
            for section in sections
        )
        documents.append(DraftDocument(kind, DOCUMENT_TITLES[kind], drafted))
    return Draft(outline.deal, tuple(documents), library.style)


def _draft_clause(clause: OutlinedClause, paragraphs: tuple[Paragraph, ...]) -> DraftClause:
    record = clause.choice.clause.record
    return DraftClause(
        id=record.id,
        number=clause.number,
        title=record.title,
        paragraphs=paragraphs,
        provides=tuple(record.provides),
        position=clause.choice.label,
        version=record.version,
        source=clause.choice.clause.source.file,
    )


def _render(
    env: Sandbox, clause: OutlinedClause, context: dict[str, object], library: Library
) -> tuple[Paragraph, ...]:
    choice = clause.choice
    entry = choice.clause
    template, issues = compiled_text(env, choice.text, clause_scope(), library.cache)
    refuse_issues(entry, choice.text_path, issues, "clause")
    assert template is not None
    try:
        text = template.render(context)
    except RenderError as bad:
        message = f"clause '{entry.record.id}' stopped: {bad.message}; {STOPPED_ADVICE}"
        where = entry.source.text_line(choice.text_path, bad.line or 1)
        raise LibraryError([Problem(message, where)]) from None
    return paragraphs(text)


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Rendered clause text as paragraphs: blank lines separate them, '- ' lines are bullets.

    Lines of one paragraph are joined; a line after a bullet starts a new paragraph.
    """
    result: list[Paragraph] = []
    for block in _BLANK_LINE.split(text.strip()):
        lines: list[str] = []
        for line in block.splitlines():
            stripped = line.strip()
            starts_new = stripped.startswith(_BULLET) or (lines and lines[0].startswith("• "))
            if starts_new and lines:
                result.append(_segments(" ".join(lines)))
                lines = []
            if stripped.startswith(_BULLET):
                stripped = "• " + stripped.removeprefix(_BULLET).strip()
            if stripped:
                lines.append(stripped)
        if lines:
            result.append(_segments(" ".join(lines)))
    return tuple(result)


def _segments(text: str) -> Paragraph:
    """Split at open-point marks: each becomes its own segment written [●]."""
    segments: list[Segment] = []
    for index, part in enumerate(text.split(PLACEHOLDER_MARK)):
        if index:
            segments.append(Segment(PLACEHOLDER, open_point=True))
        if part:
            segments.append(Segment(part))
    return tuple(segments)
