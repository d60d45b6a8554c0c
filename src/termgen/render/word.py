"""Rendering a Word template from its context, in the sandbox, into stable .docx bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from termgen.errors import Location, WordTemplateError
from termgen.render.layout import fit_columns
from termgen.templating.missing import PLACEHOLDER
from termgen.templating.sandbox import Sandbox

_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Properties:
    """Core properties of the document (File > Info in Word)."""

    title: str
    subject: str
    version: str
    keywords: str
    created: dt.datetime


def open_template(path: Path) -> DocxTemplate:
    """A docxtpl template; a file that is not a Word document is refused clearly."""
    try:
        template = DocxTemplate(path)
        template.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, OSError):
        raise WordTemplateError(
            "is not a Word document (.docx) that termgen can use as a template",
            location=Location(path),
        ) from None
    return template


def render(template_path: Path, context: dict[str, Any], properties: Properties) -> DocxTemplate:
    """Fill the template in a sandbox that escapes every value for Word's XML."""
    template = open_template(template_path)
    try:
        template.render(
            context,
            jinja_env=Sandbox(autoescape=True, placeholder=PLACEHOLDER, tag_lines_vanish=False),
        )
    except TemplateError as bad:
        raise WordTemplateError(
            f"the template could not be filled: {bad.message}; check its template tags",
            location=Location(template_path),
        ) from None
    fit_columns(template.docx)
    core = template.docx.core_properties
    core.title = properties.title
    core.subject = properties.subject
    core.version = properties.version
    core.keywords = properties.keywords
    core.author = "termgen"
    core.last_modified_by = "termgen"
    core.created = core.modified = properties.created
    core.revision = 1
    return template


def to_bytes(template: DocxTemplate) -> bytes:
    """The rendered document as .docx bytes that are the same for the same input."""
    buffer = io.BytesIO()
    template.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """The same zip with fixed timestamps and permissions, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            stable = zipfile.ZipInfo(entry.filename, date_time=_EPOCH)
            stable.compress_type = zipfile.ZIP_DEFLATED
            stable.external_attr = 0o644 << 16
            target.writestr(stable, source.read(entry.filename))
    return out.getvalue()
