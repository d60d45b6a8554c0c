"""What a Word template sees: the cover, numbered sections, clause text and tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from termgen.drafting.structure import Draft, DraftDocument, Segment
from termgen.findings.deal import Finding
from termgen.model.messages import path_in_words
from termgen.model.meta import Party
from termgen.render.richtext import rich, rich_value
from termgen.wording import capital, date_text, humanise, sentence

BINDING_WORDS = {
    "non_binding": "Non-binding, except the provisions named as binding",
    "partly_binding": "Partly binding, as stated in the status section",
    "binding": "Binding on signature",
}


OPEN_POINTS_HEADER = ("#", "Severity", "Provision", "What is missing", "Where to settle it")


def document_context(
    draft: Draft, document: DraftDocument, findings: Sequence[Finding] = ()
) -> dict[str, Any]:
    """The context for one document's template; the term sheet lists the findings at its end."""
    deal = draft.deal
    meta = deal.deal
    return {
        "title": document.title,
        "deal": {"name": meta.name, "version": meta.version},
        "cover": _cover(draft),
        "parties": [
            {
                "short_name": party.short_name,
                "legal_name": rich_value(party.legal_name or party.short_name),
                "signatory_name": rich_value(party.signatory.name if party.signatory else None),
                "signatory_title": rich_value(party.signatory.title if party.signatory else None),
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
                        "text": rich(clause.paragraphs),
                    }
                    for clause in section.clauses
                ],
                "tables": [
                    {
                        "header": list(table.header),
                        "rows": [[rich([c]) for c in row] for row in table.rows],
                    }
                    for table in section.tables
                ],
            }
            for section in document.sections
        ],
        "open_points": _open_points(document, findings) if document.kind == "term_sheet" else None,
    }


def _open_points(document: DraftDocument, findings: Sequence[Finding]) -> dict[str, Any] | None:
    if not findings:
        return None
    rows = [
        [
            rich_value(str(number)),
            rich_value(finding.severity),
            rich_value(finding.label),
            rich_value(sentence(finding.message)),
            rich_value(path_in_words(finding.path)),
        ]
        for number, finding in enumerate(findings, start=1)
    ]
    return {
        "number": len(document.sections) + 1,
        "tables": [{"header": list(OPEN_POINTS_HEADER), "rows": rows}],
    }


def _party_line(party: Party) -> str:
    line = f'{party.legal_name or party.short_name} ("{party.short_name}")'
    return f"{line}, {party.jurisdiction}" if party.jurisdiction else line


def _cover(draft: Draft) -> list[dict[str, Any]]:
    deal = draft.deal
    meta = deal.deal
    structure = capital(humanise(meta.structure)) if meta.structure else None
    return [
        {"label": "Parties", "value": rich((Segment(_party_line(p)),) for p in deal.parties)},
        {"label": "Purpose", "value": rich_value(capital(humanise(meta.purpose)))},
        {"label": "Structure", "value": rich_value(structure)},
        {
            "label": "Date",
            "value": rich_value(date_text(meta.date, draft.style) if meta.date else None),
        },
        {"label": "Version", "value": rich_value(meta.version)},
        {"label": "Status", "value": rich_value(BINDING_WORDS[meta.binding])},
        {"label": "Governing law", "value": rich_value(meta.governing_law)},
    ]
