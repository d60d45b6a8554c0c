"""An outline rendered into a draft: each clause's text in the deal's words, and the tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from termgen.drafting.outline import Outline, OutlinedClause
from termgen.drafting.structure import (
    Draft,
    DraftClause,
    DraftDocument,
    DraftSection,
    Paragraph,
    Segment,
    plain,
)
from termgen.drafting.tables import BUILDERS
from termgen.errors import LibraryError, Problem
from termgen.library.clause import SHARED, Clause
from termgen.library.conditions import (
    STOPPED_ADVICE,
    refuse_issues,
    text_context,
    text_scope,
    with_shared,
)
from termgen.library.load import Library, Sourced
from termgen.library.sections import DOCUMENT_TITLES
from termgen.suggest import with_suggestion
from termgen.templating.check import Scope, shared_names
from termgen.templating.compiled import compiled_text, prefetch_texts
from termgen.templating.filters import REFERENCE_MARK
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK
from termgen.templating.sandbox import RenderError, Sandbox, render_error

_BLANK_LINE = re.compile(r"\n\s*\n")
_BULLET = "- "
_MARKS = re.compile(f"({PLACEHOLDER_MARK})|{REFERENCE_MARK}([^{REFERENCE_MARK}]*){REFERENCE_MARK}")


class UnknownClauseError(ValueError):
    """Clause text refers to a clause the draft does not have."""


def assemble(outline: Outline, library: Library) -> Draft:
    """Render every clause of the outline and build each section's tables."""
    env = Sandbox(style=library.style)
    numbers = _numbers(outline)
    context = text_context(outline.deal, numbers, library.always_binding)
    texts = (clause.choice.text for clause in outline.clauses())
    prefetch_texts(env, texts, text_scope(), library.cache)
    documents = []
    for kind, sections in outline.documents:
        drafted = tuple(
            DraftSection(
                section.section.id,
                section.number,
                section.section.heading,
                tuple(
                    _draft_clause(clause, _render(env, clause, context, library, numbers))
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


def clause_texts(
    clauses: Iterable[OutlinedClause], outline: Outline, library: Library
) -> dict[str, str]:
    """These clauses of the outline rendered, each as plain text with a line per paragraph:
    for the findings that read what clauses say without paying for the whole draft and its
    tables."""
    chosen = list(clauses)
    env = Sandbox(style=library.style)
    numbers = _numbers(outline)
    context = text_context(outline.deal, numbers, library.always_binding)
    prefetch_texts(env, (clause.choice.text for clause in chosen), text_scope(), library.cache)
    return {
        clause.id: "\n".join(
            plain(paragraph) for paragraph in _render(env, clause, context, library, numbers)
        )
        for clause in chosen
    }


def _numbers(outline: Outline) -> dict[str, str]:
    return {clause.id: clause.number for clause in outline.clauses()}


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
    env: Sandbox,
    clause: OutlinedClause,
    context: dict[str, object],
    library: Library,
    numbers: Mapping[str, str],
) -> tuple[Paragraph, ...]:
    """The clause's paragraphs; a clause it refers to reads as its number in `numbers`."""
    choice = clause.choice
    entry = choice.clause
    scope = text_scope()
    for block in _shared_blocks(entry, library):
        scope, context = _with_shared(env, block, scope, context, library)
    template, issues = compiled_text(env, choice.text, scope, library.cache)
    refuse_issues(entry, choice.text_path, issues, "clause")
    assert template is not None
    try:
        text = template.render(context)
    except RenderError as bad:
        raise _stopped(entry, choice.text_path, bad) from None
    try:
        return paragraphs(text, numbers)
    except UnknownClauseError as unknown:
        message = (
            f"clause '{entry.record.id}' refers to clause '{unknown}', which this draft does "
            "not have; refer only to a clause whose condition holds whenever this one's does"
        )
        raise LibraryError([Problem(message, entry.where(*choice.text_path))]) from None


_Block = tuple[Sourced[Any], tuple[str | int, ...], str, str]
"""A shared block: where it is written, the path of its text there, the text, what it is."""


def _shared_blocks(entry: Sourced[Clause], library: Library) -> list[_Block]:
    """What a clause's texts start from, in order: the library's shared blocks it uses, then
    its own."""
    blocks: list[_Block] = []
    for index, name in enumerate(entry.record.uses):
        if name not in library.shared:
            message = with_suggestion(
                f"clause '{entry.record.id}' uses the shared block '{name}', which the library "
                "does not have (library.yaml, 'shared:')",
                name,
                list(library.shared),
            )
            raise LibraryError([Problem(message, entry.where("uses", index))])
        block = library.shared[name]
        blocks.append((block, ("text",), block.record.text, "shared block"))
    if entry.record.shared is not None:
        blocks.append((entry, SHARED, entry.record.shared, "clause"))
    return blocks


def _with_shared(
    env: Sandbox,
    block: _Block,
    scope: Scope,
    context: dict[str, object],
    library: Library,
) -> tuple[Scope, dict[str, object]]:
    """The scope and the context of a clause's texts with what a shared block sets: the
    clause's own or one of the library's."""
    entry, path, shared, kind = block
    names, issues = shared_names(env, shared, scope)
    refuse_issues(entry, path, issues, kind)
    template, issues = compiled_text(env, shared, scope, library.cache)
    refuse_issues(entry, path, issues, kind)
    assert template is not None
    try:
        module = template.make_module(context)
    except Exception as failed:  # any error inside counsel's template is the template's
        raise _stopped(entry, path, render_error(failed), kind) from None
    return with_shared(scope, names), {**context, **{name: getattr(module, name) for name in names}}


def _stopped(
    entry: Sourced[Any], path: tuple[str | int, ...], bad: RenderError, kind: str = "clause"
) -> LibraryError:
    message = f"{kind} '{entry.record.id}' stopped: {bad.message}; {STOPPED_ADVICE}"
    return LibraryError(
        [Problem(message, entry.source.text_line((*entry.path, *path), bad.line or 1))]
    )


def paragraphs(text: str, numbers: Mapping[str, str] | None = None) -> tuple[Paragraph, ...]:
    """Rendered clause text as paragraphs: blank lines separate them, '- ' lines are bullets.

    Lines of one paragraph are joined; a line after a bullet starts a new paragraph. A clause
    referred to takes its number from `numbers` (without them, its id stands for it).
    """
    result: list[Paragraph] = []
    for block in _BLANK_LINE.split(text.strip()):
        lines: list[str] = []
        bullet = False
        for line in block.splitlines():
            stripped = line.strip()
            starts_bullet = stripped.startswith(_BULLET)
            if (starts_bullet or bullet) and lines:
                result.append(Paragraph(segments(" ".join(lines), numbers), bullet))
                lines = []
            if lines == []:
                bullet = starts_bullet
            if starts_bullet:
                stripped = stripped.removeprefix(_BULLET).strip()
            if stripped:
                lines.append(stripped)
        if lines:
            result.append(Paragraph(segments(" ".join(lines), numbers), bullet))
    return tuple(result)


def segments(text: str, numbers: Mapping[str, str] | None = None) -> tuple[Segment, ...]:
    """Split at open-point marks, each its own segment written [●], and at references to
    clauses, each its own segment written as the clause's number."""
    segments: list[Segment] = []
    start = 0
    for mark in _MARKS.finditer(text):
        if mark.start() > start:
            segments.append(Segment(text[start : mark.start()]))
        if mark.group(1):
            segments.append(Segment(PLACEHOLDER, open_point=True))
        elif numbers is None:
            segments.append(Segment(mark.group(2), reference=mark.group(2)))
        elif mark.group(2) in numbers:
            segments.append(Segment(numbers[mark.group(2)], reference=mark.group(2)))
        else:
            raise UnknownClauseError(mark.group(2))
        start = mark.end()
    if start < len(text):
        segments.append(Segment(text[start:]))
    return tuple(segments)
