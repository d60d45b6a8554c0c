"""Rendering a Word template from its context, in the sandbox, into stable .docx bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from lxml import etree

from termgen.errors import Location, WordTemplateError
from termgen.files.read import WORD_TEMPLATE, WORD_TEMPLATE_UNPACKED, checked_zip, read_bytes
from termgen.render.layout import fit_columns
from termgen.templating.budget import WORD_TEMPLATE_LIMITS
from termgen.templating.missing import PLACEHOLDER
from termgen.templating.sandbox import RenderError, Sandbox

_EPOCH = (1980, 1, 1, 0, 0, 0)
_LONGEST_PROPERTY = 255


_APP_PROPERTIES = "/docProps/app.xml"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>termgen</Application><DocSecurity>0</DocSecurity><Company/>"
    "</Properties>"
)
"""Extended properties naming no program, company or template of whoever made the template:
page and word counts would be stale anyway until Word recounts them."""


@dataclass(frozen=True)
class Properties:
    """Core properties of the document (File > Info in Word)."""

    title: str
    subject: str
    version: str
    keywords: str
    created: dt.datetime


class _Template(DocxTemplate):  # type: ignore[misc]
    def map_tree(self, tree: Any) -> None:
        """The rendered body's blocks moved into the document's body. docxtpl puts the
        rendered body in place of the document's, and lxml's move of a whole element from
        the document it was parsed into grows with the square of its size (a draft of
        15,000 clauses: 9 s of its run); moving its children is linear."""
        body = self.docx.element.body
        body.clear()
        body.attrib.update(tree.attrib)
        body.extend(list(tree))


def open_template(path: Path) -> DocxTemplate:
    """A docxtpl template, read through the bounded reader; anything but a Word document that
    unpacks to a sensible size is refused clearly."""
    data = read_bytes(path, WORD_TEMPLATE)
    checked_zip(data, path, WORD_TEMPLATE, WORD_TEMPLATE_UNPACKED)
    try:
        template = _Template(io.BytesIO(data))
        template.init_docx()
    except etree.LxmlError as broken:
        raise WordTemplateError(
            f"its Word XML is broken ({broken}); open it in Word and save it again",
            location=Location(path),
        ) from broken
    except Exception as bad:  # python-docx fails in many ways on a hostile file; all mean this
        raise WordTemplateError(
            "is not a Word document (.docx) that termgen can use as a template; open it in "
            "Word and save it again",
            location=Location(path),
        ) from bad
    return template


def render(template_path: Path, context: dict[str, Any], properties: Properties) -> DocxTemplate:
    """Fill the template in a sandbox that escapes every value for Word's XML."""
    template = open_template(template_path)
    sandbox = Sandbox(
        autoescape=True,
        placeholder=PLACEHOLDER,
        tag_lines_vanish=False,
        limits=WORD_TEMPLATE_LIMITS,
    )
    with filling(template_path):
        template.render(context, jinja_env=sandbox)
        fit_columns(template.docx)
    core = template.docx.core_properties
    core.title = _fitting(properties.title)
    core.subject = _fitting(properties.subject)
    core.version = _fitting(properties.version)
    core.keywords = _fitting(properties.keywords)
    core.author = core.last_modified_by = core.comments = core.category = ""
    core.content_status = "Draft"
    core.created = core.modified = properties.created
    core.revision = 1
    _replace_app_properties(template.docx)
    return template


def _replace_app_properties(document: Any) -> None:
    """The template's extended properties (its program, company, template name) replaced."""
    package = document.part.package
    for part in package.iter_parts():
        if part.partname == _APP_PROPERTIES:
            part._blob = _APP_XML.encode()


@contextmanager
def filling(template_path: Path) -> Iterator[None]:
    """Any failure while a template is filled, or its result is finished, is the template's:
    docxtpl, Jinja, python-docx and lxml each fail in their own ways on a hostile one."""
    try:
        yield
    except Exception as bad:
        raise WordTemplateError(
            f"the template could not be filled: {_reason(bad)}; check its template tags "
            "({{ }} and {% %}) and its layout against the built-in templates",
            location=Location(template_path),
        ) from bad


def _reason(failed: Exception) -> str:
    if isinstance(failed, RenderError | TemplateError):
        return str(failed.message)
    if isinstance(failed, etree.LxmlError):
        return f"its Word XML is broken ({failed})"
    return f"{failed} ({type(failed).__name__})"


def _fitting(text: str) -> str:
    """A core property as Word keeps it: at most 255 characters."""
    return text if len(text) <= _LONGEST_PROPERTY else text[: _LONGEST_PROPERTY - 1] + "…"


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
