"""Finding the Word template for each document: counsel's folders first, then the built-in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from termgen.errors import Location, WordTemplateError
from termgen.files.builtin import builtin
from termgen.library.sections import Document

Kind = Document | Literal["open_points"]
"""A Word file of a draft: a document of sections, or the open points beside them."""
KINDS: tuple[Kind, ...] = ("term_sheet", "governance_annex", "open_points")

TEMPLATE_FILES: dict[Kind, str] = {
    "term_sheet": "term-sheet.docx",
    "governance_annex": "governance-annex.docx",
    "open_points": "open-points.docx",
}


def template_for(document: Kind, overlays: Sequence[Path] = ()) -> Path:
    """The template of the last overlay folder that has one, else the built-in template."""
    name = TEMPLATE_FILES[document]
    for folder in reversed(overlays):
        if not folder.is_dir():
            why = "is a file, not a folder" if folder.exists() else "does not exist"
            raise WordTemplateError(
                f"the templates folder {why}; check the --templates path",
                location=Location(folder),
            )
        if not any((folder / each).is_file() for each in TEMPLATE_FILES.values()):
            raise WordTemplateError(
                f"the templates folder has none of {', '.join(TEMPLATE_FILES.values())}; "
                "check the --templates path",
                location=Location(folder),
            )
        if (folder / name).exists():
            return folder / name
    return builtin("templates") / name
