"""The two Word drafts of a deal: file names, properties, bytes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from termgen.drafting.structure import Draft, DraftDocument
from termgen.findings.deal import Finding
from termgen.library.sections import DOCUMENTS, Document
from termgen.model import Deal
from termgen.render.comments import add_comments
from termgen.render.context import document_context
from termgen.render.language import mark_language
from termgen.render.templates import template_for
from termgen.render.word import Properties, filling, render, to_bytes
from termgen.wording import and_join, capital, humanise

_FILE_KINDS: dict[Document, str] = {
    "term_sheet": "term-sheet",
    "governance_annex": "governance-annex",
}


_NAME_BYTES = 80
_VERSION_BYTES = 30


@dataclass(frozen=True)
class RenderedDocument:
    kind: Document
    filename: str
    data: bytes


def file_name(deal: Deal, kind: Document, suffix: str = ".docx") -> str:
    """'<deal>-term-sheet-v<version>.docx', safe on every file system: only letters, digits,
    dots and dashes, and well under the 255 bytes a name may have."""
    slug = _slug(deal.deal.name.casefold(), _NAME_BYTES) or "deal"
    version = _slug(deal.deal.version, _VERSION_BYTES) or "0"
    return f"{slug}-{_FILE_KINDS[kind]}-v{version}{suffix}"


def _slug(text: str, longest: int) -> str:
    """Runs of anything but letters, digits and dots as one dash, cut to `longest` bytes of
    UTF-8 at a character boundary."""
    slug = re.sub(r"[^\w.]+", "-", text).strip("-.")
    return slug.encode()[:longest].decode(errors="ignore").strip("-.")


def _properties(deal: Deal, document: DraftDocument) -> Properties:
    meta = deal.deal
    day = meta.date or dt.date(2000, 1, 1)
    parties = and_join(deal.party_names)
    return Properties(
        title=f"{document.title} – {meta.name}",
        subject=f"{capital(humanise(meta.purpose))} partnership between {parties}",
        version=meta.version,
        keywords="draft; subject to contract; confidential",
        created=dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC),
    )


def render_draft(
    draft: Draft,
    template_overlays: Sequence[Path] = (),
    findings: Sequence[Finding] = (),
    kinds: Sequence[Document] = DOCUMENTS,
) -> list[RenderedDocument]:
    """The documents of these kinds as .docx bytes, in order, with the findings as comments."""
    rendered = []
    for document in (draft.document(kind) for kind in kinds):
        properties = _properties(draft.deal, document)
        path = template_for(document.kind, template_overlays)
        template = render(path, document_context(draft, document, findings), properties)
        with filling(path):
            mark_language(template.docx, draft.style.language)
            add_comments(template.docx, draft, document.kind, findings, properties.created)
            data = to_bytes(template)
        rendered.append(RenderedDocument(document.kind, file_name(draft.deal, document.kind), data))
    return rendered
