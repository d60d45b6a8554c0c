"""Finding the Word template for each document: counsel's folders first, then the built-in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from termgen.errors import Location, WordTemplateError
from termgen.files.builtin import builtin
from termgen.library.sections import Document

TEMPLATE_FILES: dict[Document, str] = {
    "term_sheet": "term-sheet.docx",
    "governance_annex": "governance-annex.docx",
}


def template_for(document: Document, overlays: Sequence[Path] = ()) -> Path:
    """The template of the last overlay folder that has one, else the built-in template."""
    name = TEMPLATE_FILES[document]
    for folder in reversed(overlays):
        if not folder.is_dir():
            raise WordTemplateError(
                "the templates folder does not exist; check the --templates path",
                location=Location(folder),
            )
        if (folder / name).exists():
            return folder / name
    return builtin("templates") / name
