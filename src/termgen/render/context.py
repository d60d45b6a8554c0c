"""What a Word template sees: the cover, sections, clause paragraphs, tables and signatories;
and, for the open points, the findings with the question that settles each."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from termgen.drafting.assemble import segments
from termgen.drafting.structure import Draft, DraftDocument, DraftSection
from termgen.findings.deal import Finding
from termgen.model.messages import path_in_words
from termgen.model.meta import Party, Signatory
from termgen.model.paths import AnswerPath
from termgen.render.richtext import WrittenCells, rich, rich_value
from termgen.wording import capital, date_text, humanise, purpose_text, sentence

BINDING_WORDS = {
    "non_binding": "Non-binding, except the provisions named as binding",
    "partly_binding": "Partly binding, as stated in the status section",
    "binding": "Binding on signature",
}


DRAFT_NOTICE = "Draft – subject to contract – confidential"
INTERNAL_NOTICE = "Internal – not for circulation"
"""The open points, and a draft whose margins carry findings, are for the deal team only."""


def header_notice(findings: Sequence[Finding]) -> str:
    """The header of a term sheet or annex: while findings sit in its margins, the draft is
    the deal team's working copy, not one to send."""
    if not findings:
        return DRAFT_NOTICE
    points = "1 open point" if len(findings) == 1 else f"{len(findings)} open points"
    return f"{INTERNAL_NOTICE} – working draft with {points}"


OPEN_POINTS_TITLE = "Open Points"
OPEN_POINTS_HEADER = ("#", "Severity", "Provision", "What is missing", "Question that settles it")

Question = Callable[[AnswerPath], str | None]
"""The interview question that asks for the answer at a path, in words, if there is one."""


def document_context(draft: Draft, document: DraftDocument) -> dict[str, Any]:
    """The context for one document's template."""
    deal = draft.deal
    meta = deal.deal
    here = {clause.id for section in document.sections for clause in section.clauses}
    return {
        "title": document.title,
        "deal": {"name": meta.name, "version": meta.version},
        "cover": _cover(draft),
        "parties": [
            {
                "short_name": party.short_name,
                "legal_name": rich_value(party.legal_name or party.short_name),
                "signatories": [_signatory(each) for each in _signatories(party)],
            }
            for party in deal.parties
        ],
        "sections": [
            {
                "id": section.id,
                "number": section.number,
                "heading": section.heading,
                "clauses": [
                    {
                        "number": clause.number,
                        "title": clause.title,
                        "paragraphs": [
                            {"bullet": paragraph.bullet, "text": rich([paragraph.segments], here)}
                            for paragraph in clause.paragraphs
                        ],
                        "tables": _tables(section) if number == 0 else [],
                    }
                    for number, clause in enumerate(section.clauses)
                ],
                "tables": [] if section.clauses else _tables(section),
            }
            for section in document.sections
        ],
    }


def _tables(section: DraftSection) -> list[dict[str, Any]]:
    """A section's tables, which follow its first clause: the clause that introduces them
    ("set out in the schedule below"), not whatever clause happens to come last."""
    written = WrittenCells()
    return [
        {
            "title": table.title,
            "header": list(table.header),
            "rows": [[written.text(c) for c in row] for row in table.rows],
        }
        for table in section.tables
    ]


def _signatories(party: Party) -> list[Signatory | None]:
    """Who signs for a party: a blank block when nobody is named yet, and a second block,
    blank if need be, where the party signs through two people."""
    second = party.second_signatory is not None or party.signs_through_two()
    return [party.signatory, *([party.second_signatory] if second else [])]


def _signatory(signatory: Signatory | None) -> dict[str, Any]:
    return {
        "name": rich_value(signatory.name if signatory else None),
        "title": rich_value(signatory.title if signatory else None),
    }


def open_points_context(
    draft: Draft, findings: Sequence[Finding], question: Question
) -> dict[str, Any]:
    """The findings as a table, each naming the question that settles it (or, for a deal
    written by hand where no question asks for it, the answer's place in words)."""
    meta = draft.deal.deal
    rows = [
        [
            rich_value(str(number)),
            rich_value(finding.severity),
            rich_value(finding.label),
            rich_value(sentence(finding.message)),
            rich_value(question(finding.path) or path_in_words(finding.path)),
        ]
        for number, finding in enumerate(findings, start=1)
    ]
    return {
        "title": OPEN_POINTS_TITLE,
        "notice": INTERNAL_NOTICE,
        "deal": {"name": meta.name, "version": meta.version},
        "points": [{"header": list(OPEN_POINTS_HEADER), "rows": rows}] if rows else [],
    }


def _party_line(party: Party) -> str:
    line = f'{party.legal_name or party.short_name} ("{party.short_name}")'
    return f"{line}, {party.jurisdiction}" if party.jurisdiction else line


def _cover(draft: Draft) -> list[dict[str, Any]]:
    deal = draft.deal
    meta = deal.deal
    structure = capital(humanise(meta.structure)) if meta.structure else None
    return [
        {"label": "Parties", "value": rich(segments(_party_line(p)) for p in deal.parties)},
        {"label": "Purpose", "value": rich_value(capital(purpose_text(meta.purpose)))},
        {"label": "Structure", "value": rich_value(structure)},
        {
            "label": "Date",
            "value": rich_value(date_text(meta.date, draft.style) if meta.date else None),
        },
        {"label": "Version", "value": rich_value(meta.version)},
        {"label": "Status", "value": rich_value(BINDING_WORDS[meta.binding])},
        {"label": "Governing law", "value": rich_value(meta.governing_law)},
    ]
