"""The Word files of a deal: the term sheet, the governance annex and the open points beside
them; file names, properties, bytes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termgen.cache import Cache
from termgen.drafting.structure import Draft
from termgen.findings.deal import Finding
from termgen.forked import in_parallel
from termgen.model import Deal
from termgen.render.comments import add_comments
from termgen.render.context import (
    OPEN_POINTS_TITLE,
    Question,
    document_context,
    header_notice,
    open_points_context,
)
from termgen.render.language import mark_language
from termgen.render.placed import placed_sections
from termgen.render.references import add_bookmarks
from termgen.render.templates import KINDS, Kind, template_for
from termgen.render.word import Properties, filling, render, to_bytes
from termgen.wording import and_join, capital, purpose_text

_FILE_KINDS: dict[Kind, str] = {
    "term_sheet": "term-sheet",
    "governance_annex": "governance-annex",
    "open_points": "open-points",
}


_NAME_BYTES = 80
_VERSION_BYTES = 30


@dataclass(frozen=True)
class RenderedDocument:
    kind: Kind
    filename: str
    data: bytes


def file_name(deal: Deal, kind: Kind, suffix: str = ".docx") -> str:
    """'<deal>-term-sheet-v<version>.docx', portable: only ASCII letters, digits, dots and
    dashes (a mail gateway, a zip archive or a file share may garble any other letter), and
    well under the 255 bytes a name may have. The documents keep the names as written."""
    slug = _slug(deal.deal.name.casefold(), _NAME_BYTES) or "deal"
    version = _slug(deal.deal.version, _VERSION_BYTES) or "0"
    return f"{slug}-{_FILE_KINDS[kind]}-v{version}{suffix}"


_CYRILLIC_SPELT = (
    ("абвгдезийклмнопрстуфы", "abvgdeziiklmnoprstufy"),
    (
        "ёжхцчшщэюяєїґі",
        ("e", "zh", "kh", "ts", "ch", "sh", "shch", "e", "yu", "ya", "ye", "yi", "g", "i"),
    ),
    ("ъь", ("", "")),
)
_CYRILLIC = {
    letter: spelt
    for letters, spellings in _CYRILLIC_SPELT
    for letter, spelt in zip(letters, spellings, strict=True)
}
_UNACCENTED = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        **_CYRILLIC,
    }
)
"""Letters that are no base letter with a mark, in an ASCII spelling: Latin ones, and the
Cyrillic alphabet (lower case: a name is casefolded first)."""


def _ascii(text: str) -> str:
    """Latin letters without their marks ('Kopřivnice' as 'koprivnice' casefolded, 'Straße'
    as 'strasse'), Cyrillic ones spelt in Latin; letters of other scripts are left out."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNACCENTED))
    return decomposed.encode("ascii", errors="ignore").decode("ascii")


def _slug(text: str, longest: int) -> str:
    """Runs of anything but ASCII letters, digits and dots as one dash, cut to `longest`
    characters."""
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", _ascii(text)).strip("-.")
    return slug[:longest].strip("-.")


def _properties(deal: Deal, title: str) -> Properties:
    meta = deal.deal
    day = meta.date or dt.date(2000, 1, 1)
    parties = and_join(deal.party_names)
    return Properties(
        title=f"{title} – {meta.name}",
        subject=f"{capital(purpose_text(meta.purpose))} partnership between {parties}",
        version=meta.version,
        keywords="draft; subject to contract; confidential",
        created=dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC),
    )


def _no_question(_: object) -> None:
    return None


def context_for(
    draft: Draft, kind: Kind, findings: Sequence[Finding], question: Question = _no_question
) -> tuple[str, dict[str, Any]]:
    """The title of a file of this kind and what its template sees."""
    if kind == "open_points":
        return OPEN_POINTS_TITLE, open_points_context(draft, findings, question)
    document = draft.document(kind)
    return document.title, {**document_context(draft, document), "notice": header_notice(findings)}


def render_draft(
    draft: Draft,
    template_overlays: Sequence[Path] = (),
    findings: Sequence[Finding] = (),
    kinds: Sequence[Kind] = KINDS,
    question: Question = _no_question,
    cache: Cache | None = None,
) -> list[RenderedDocument]:
    """The files of these kinds as .docx bytes, in order: the documents with the findings as
    comments, and the open points naming the `question` that settles each. The `cache` keeps
    the templates' compiled code."""

    def rendered(kind: Kind) -> RenderedDocument:
        title, context = context_for(draft, kind, findings, question)
        properties = _properties(draft.deal, title)
        path = template_for(kind, template_overlays)
        template = render(path, context, properties, cache)
        with filling(path):
            mark_language(template.docx, draft.style.language)
            if kind != "open_points":
                placed = placed_sections(template.docx, draft.document(kind).sections)
                add_bookmarks(placed)
                add_comments(
                    template.docx, draft, kind, findings, properties.created, question, placed
                )
            data = to_bytes(template, cache)
        return RenderedDocument(kind, file_name(draft.deal, kind), data)

    # The term sheet, the longest, is rendered by a second process while this one renders
    # the others.
    return in_parallel(rendered, kinds, cache)
