"""Drafting end to end: a deal to its findings and its Word (and PDF) files in a folder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from termgen.drafting.assemble import assemble
from termgen.errors import Location, OutputExistsError
from termgen.files.datafile import SourceMap
from termgen.files.write import write_atomically
from termgen.findings.deal import Finding, deal_findings
from termgen.library.load import Library
from termgen.model import Deal
from termgen.render import pdf
from termgen.render.documents import render_draft


@dataclass(frozen=True)
class Drafted:
    written: list[Path]
    findings: list[Finding]


def write_drafts(
    deal: Deal,
    library: Library,
    folder: Path,
    *,
    source: SourceMap | None = None,
    templates: Sequence[Path] = (),
    replace: bool = False,
    with_pdf: bool = False,
) -> Drafted:
    """Render both documents and write them; nothing is written if any file is in the way."""
    draft = assemble(deal, library, source=source)
    findings = deal_findings(deal, library, draft, source)
    documents = render_draft(draft, templates, findings)
    if folder.exists() and not folder.is_dir():
        raise OutputExistsError("is a file; -o needs a folder", location=Location(folder))
    targets = [folder / document.filename for document in documents]
    planned = targets + ([target.with_suffix(".pdf") for target in targets] if with_pdf else [])
    existing = [path for path in planned if path.exists()]
    if existing and not replace:
        raise OutputExistsError(
            f"{', '.join(path.name for path in existing)} already in {folder}; nothing was "
            "written. Pass --force to replace, or choose another folder with -o"
        )
    written = [
        write_atomically(target, document.data, replace=replace)
        for target, document in zip(targets, documents, strict=True)
    ]
    if with_pdf:
        written += pdf.convert(written, folder, replace=replace)
    return Drafted(written, findings)
