"""Deal + clause library -> Draft: selected clauses rendered in order, with their tables."""

from __future__ import annotations

import re
from collections import defaultdict

from jinja2 import TemplateError

from termgen.drafting.structure import (
    Draft,
    DraftClause,
    DraftDocument,
    DraftSection,
    Paragraph,
    Segment,
)
from termgen.drafting.tables import BUILDERS
from termgen.errors import Problem
from termgen.files.datafile import SourceMap
from termgen.library.load import Library, LibraryError
from termgen.library.sections import DOCUMENT_TITLES, DOCUMENTS
from termgen.library.select import Choice, clause_scope, deal_context, refuse_issues, select
from termgen.model import Deal
from termgen.templating.compiled import compiled_text
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK
from termgen.templating.sandbox import Sandbox

_BLANK_LINE = re.compile(r"\n\s*\n")
_BULLET = "- "


def assemble(deal: Deal, library: Library, *, source: SourceMap | None = None) -> Draft:
    """Select, render and order the clauses of both documents for this deal."""
    env = Sandbox()
    context = deal_context(deal)
    by_section: dict[str, list[tuple[Choice, tuple[Paragraph, ...]]]] = defaultdict(list)
    for choice in select(deal, library, env, source):
        section = choice.clause.record.section
        if section not in library.sections:
            message = f"clause '{choice.clause.record.id}' names a section that does not exist"
            raise LibraryError([Problem(message, choice.clause.where("section"))])
        by_section[section].append((choice, _render(env, choice, context, library)))
    documents = []
    for kind in DOCUMENTS:
        sections: list[DraftSection] = []
        for entry in library.sections.values():
            section = entry.record
            if section.document != kind:
                continue
            rendered = sorted(
                by_section[section.id],
                key=lambda item: (item[0].clause.record.order, item[0].clause.record.id),
            )
            tables = tuple(BUILDERS[table](deal) for table in section.tables)
            if not rendered and not tables:
                continue
            number = len(sections) + 1
            clauses = tuple(
                _draft_clause(choice, paragraphs, f"{number}.{index}")
                for index, (choice, paragraphs) in enumerate(rendered, start=1)
            )
            sections.append(DraftSection(section.id, number, section.heading, clauses, tables))
        documents.append(DraftDocument(kind, DOCUMENT_TITLES[kind], tuple(sections)))
    return Draft(deal, tuple(documents))


def _draft_clause(choice: Choice, paragraphs: tuple[Paragraph, ...], number: str) -> DraftClause:
    clause = choice.clause.record
    return DraftClause(
        id=clause.id,
        number=number,
        title=clause.title,
        paragraphs=paragraphs,
        provides=tuple(clause.provides),
        position=choice.label,
        version=clause.version,
        source=choice.clause.source.file,
    )


def _render(
    env: Sandbox, choice: Choice, context: dict[str, object], library: Library
) -> tuple[Paragraph, ...]:
    entry = choice.clause
    template, issues = compiled_text(env, choice.text, clause_scope(), library.cache)
    refuse_issues(entry, choice.text_path, issues, "clause")
    assert template is not None
    try:
        text = template.render(context)
    except TemplateError as bad:
        line = getattr(bad, "lineno", None) or 1
        message = f"clause '{entry.record.id}' could not be rendered: {bad}"
        raise LibraryError(
            [Problem(message, entry.source.text_line(choice.text_path, line))]
        ) from None
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
