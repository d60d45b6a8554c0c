"""Rendering a Word template from its context, in the sandbox, into stable .docx bytes."""

from __future__ import annotations

import datetime as dt
import io
import marshal
import re
import zipfile
import zlib
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import IO, Any

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate, RichText
from jinja2 import Template, TemplateError, nodes
from lxml import etree

from termgen.cache import Cache, remembered
from termgen.errors import Location, WordTemplateError
from termgen.files.read import (
    WORD_TEMPLATE,
    WORD_TEMPLATE_UNPACKED,
    checked_zip,
    read_bytes,
    word_xml_fault,
)
from termgen.render.grids import fix_grids
from termgen.render.layout import fit_columns
from termgen.render.rows import DetachedRows, detach_rows
from termgen.templating.budget import WORD_TEMPLATE_LIMITS
from termgen.templating.missing import PLACEHOLDER
from termgen.templating.sandbox import RenderError, Sandbox, failure_words

_PART_KIND = "compiled Word part"
_PATCHED_KIND = "Word part as a Jinja template"
_BODY_MARK = "termgen: the rendered body"
_LISTED = "\t\a\n\f"
"""What docxtpl's listing pass rewrites in a text: tab, new paragraph, line break, page."""
_NAMESPACE_DECLARATION = re.compile(r'\s+xmlns(?::[\w.-]+)?="[^"]*"')
"""In the body's start tag, declarations the document's root makes already."""
_DECLARED = re.compile(r'\s+xmlns(?::([\w.-]+))?="([^"&<]*)"')
_BODY_START = re.compile(r'<w:body(?:\s+xmlns(?::[\w.-]+)?="[^"&<]*")*>')
_BLANK_REFERENCE = re.compile(r"&#(?:0*(?:9|10|13|32)|[xX]0*(?:9|[aAdD]|20));")
"""A tab, line end or space written as a character reference."""
_PARAGRAPH_START = re.compile(r"<w:p([ >])")
_ESCAPED_BRACES = (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}"))
"""How a template writes braces that Jinja is not to read, and what they stand for."""
_DRAWING = qn("wp:docPr")
_EPOCH = (1980, 1, 1, 0, 0, 0)
_DEFLATED_KIND = f"deflated Word part, zlib {zlib.ZLIB_RUNTIME_VERSION}"
_KEPT_DEFLATED = frozenset(
    {
        CT.WML_STYLES,
        "application/vnd.ms-word.stylesWithEffects+xml",
        CT.OFC_THEME,
        CT.WML_FONT_TABLE,
    }
)
"""Parts a template brings that a draft does not change (its language aside), deflated once
and kept in the cache by their bytes when long: its styles (350 KB, and 440 KB with effects),
the same in every draft, were most of what deflating a document cost. A draft's own parts
are not kept: each draft would add its own."""
_WORTH_KEEPING = 64 * 1024
_LONGEST_KEPT = 64 * 1024 * 1024
"""Far below the 2 GB from which zipfile writes a member's sizes otherwise (zip64)."""
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
    def __init__(self, template_file: IO[bytes], cache: Cache | None) -> None:
        super().__init__(template_file)
        self.cache = cache
        self.detached: DetachedRows | None = None
        """The middle rows of the body's tables, out of the parsed document (`rows.py`)."""

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's rewriting of a template part's XML into Jinja's: a score of regular
        expressions over the part, some slow (a sixth of rendering a term sheet), on the same
        XML in every draft; kept in the cache by that XML."""
        patch = super().patch_xml
        patched: str = remembered(
            self.cache, _PATCHED_KIND, src_xml.encode(), lambda: patch(src_xml)
        )
        return patched

    def render_xml_part(
        self, src_xml: str, part: Any, context: dict[str, Any], jinja_env: Sandbox
    ) -> str:
        """docxtpl's rendering of a part, its passes over the rendered XML made plain string
        replacements: the regular expression that takes out the line break put before each
        paragraph (for Jinja's line numbers) called Python for each of a long table's
        thousands of paragraphs, and the four replacements of escaped braces each ran over the
        whole XML, which seldom has any. (docxtpl's `docx_context`, the template's lines
        around an error, is left out: the error names the template, `filling`.)"""
        self.current_rendering_part = part
        template = jinja_env.from_string(_PARAGRAPH_START.sub(r"\n<w:p\1", src_xml))
        dst_xml: str = template.render(context)
        dst_xml = dst_xml.replace("\n<w:p>", "<w:p>").replace("\n<w:p ", "<w:p ")
        if "{_" in dst_xml or "_}" in dst_xml:
            for escaped, brace in _ESCAPED_BRACES:
                dst_xml = dst_xml.replace(escaped, brace)
        return self.resolve_listing(dst_xml)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns tabs, line and page breaks in text into Word's runs with regular
        expressions over every paragraph and run of the document: a third of rendering a
        long table. Only the paragraphs that hold one of those characters are given to it;
        the others it would leave as they are."""
        pieces: list[str] = []
        done = 0
        for found in _places(xml, _LISTED):
            if found < done:
                continue
            start = max(xml.rfind("<w:p>", done, found), xml.rfind("<w:p ", done, found))
            end = xml.find("</w:p>", found)
            if start < 0 or end < 0:  # not within a paragraph as docxtpl reads them
                whole: str = super().resolve_listing(xml)
                return whole
            end += len("</w:p>")
            pieces += [xml[done:start], super().resolve_listing(xml[start:end])]
            done = end
        pieces.append(xml[done:])
        return "".join(pieces)

    def fix_tables(self, xml: str) -> Any:
        """The rendered body with its tables' grids fixed, parsed in place in the document.
        docxtpl parses the body on its own to fix the grids, then `map_tree` wrote it out and
        parsed the whole document again (a fifth of rendering a 1,000-row table): it is
        parsed once here, and the grids fixed in it (`fix_grids`). A body that could read
        otherwise parsed on its own goes docxtpl's way: XML only its recovering parser reads,
        a namespace of its own, blank text written as character references or in CDATA
        (which the document's parser would keep), cells that span columns."""
        root = self.docx.element
        start = _BODY_START.match(xml)
        if (
            start is None
            or not xml.endswith("</w:body>")
            or _BLANK_REFERENCE.search(xml)
            or "<![CDATA[" in xml
        ):
            return super().fix_tables(xml)
        declared = {prefix or None: uri for prefix, uri in _DECLARED.findall(start.group())}
        if not declared.items() <= root.nsmap.items():
            return super().fix_tables(xml)
        body, detached = detach_rows("<w:body>" + xml[start.end() :], root)
        try:
            rebuilt: Any = parse_xml(_with_body(root, body))
        except etree.XMLSyntaxError:
            return super().fix_tables(xml)
        if not fix_grids(rebuilt.body):
            return super().fix_tables(xml)
        self.detached = detached
        return rebuilt.body

    def fix_docpr_ids(self, tree: Any) -> None:
        """docxtpl's renumbering of drawings, in the body only, wherever it was parsed. lxml's
        iteration finds them in the document's order, as docxtpl's XPath query does; it walks
        a long body several times faster, and not at all while no document read has a drawing
        (the name is then unknown to lxml)."""
        for drawing in tree.iter(_DRAWING):
            self.docx_ids_index += 1
            drawing.attrib["id"] = str(self.docx_ids_index)

    def map_tree(self, tree: Any) -> None:
        """The rendered body put in the document. docxtpl moves it in from the tree it was
        parsed into, and lxml's move between documents grows with the square of what is
        moved: 9 s of a draft of 15,000 clauses, 11 s of one with a 1,000-row table. The
        document is parsed again instead, with the rendered body written in its place:
        serialising and parsing are linear, and the XML is the same as after the move (a body
        `fix_tables` parsed in place is in its document already)."""
        if tree.getparent() is not None:
            self._use(tree.getparent())
            return
        root = self.docx.element
        if not set(tree.nsmap.items()) <= set(root.nsmap.items()):
            super().map_tree(tree)  # a namespace only the body declares: keep its own
            return
        body = etree.tostring(tree, encoding="unicode")
        start = body.index(">")
        body = _NAMESPACE_DECLARATION.sub("", body[:start]) + body[start:]
        self._use(parse_xml(_with_body(root, body)))

    def _use(self, rebuilt: Any) -> None:
        document = self.docx
        document.part._element = rebuilt
        document._element = rebuilt
        document._Document__body = None  # python-docx keeps the body it wrapped first


def _with_body(root: Any, body: str) -> str:
    """The document's XML with `body` (XML text) written in place of its body."""
    mark = etree.Comment(_BODY_MARK)
    original = root.body
    root.replace(original, mark)
    try:
        return etree.tostring(root, encoding="unicode").replace(f"<!--{_BODY_MARK}-->", body, 1)
    finally:
        root.replace(mark, original)


def _places(text: str, characters: str) -> list[int]:
    """Where any of the characters is in the text, in order: `str.find` runs through a long
    document many times faster than a regular expression's character class."""
    places = []
    for character in characters:
        place = text.find(character)
        while place >= 0:
            places.append(place)
            place = text.find(character, place + 1)
    return sorted(places)


def open_template(path: Path, cache: Cache | None = None) -> DocxTemplate:
    """A docxtpl template, read through the bounded reader; anything but a Word document that
    unpacks to a sensible size is refused clearly. The `cache` keeps its parts' XML rewritten
    for Jinja."""
    data = read_bytes(path, WORD_TEMPLATE)
    checked_zip(data, path, WORD_TEMPLATE, WORD_TEMPLATE_UNPACKED)
    try:
        template = _Template(io.BytesIO(data), cache)
        template.init_docx()
    except etree.LxmlError as broken:
        raise WordTemplateError(
            f"its Word XML {word_xml_fault(broken)}; open it in Word and save it again",
            location=Location(path),
        ) from broken
    except Exception as bad:  # python-docx fails in many ways on a hostile file; all mean this
        raise WordTemplateError(
            "is not a Word document (.docx) that termgen can use as a template; open it in "
            "Word and save it again",
            location=Location(path),
        ) from bad
    return template


class _WordSandbox(Sandbox):
    """The sandbox for Word templates: each part of a template (its body, headers, footers)
    is the same XML on every draft, so the code Jinja compiles it to is kept in the cache;
    parsing and compiling them was a fifth of rendering a document."""

    def __init__(self, cache: Cache | None) -> None:
        super().__init__(
            autoescape=True,
            placeholder=PLACEHOLDER,
            tag_lines_vanish=False,
            limits=WORD_TEMPLATE_LIMITS,
        )
        self.code_cache = cache

    def _finalize(self, value: Any) -> Any:
        """Rich text as it is, as the sandbox's own finalizing leaves it (never missing, no
        text to measure or to word), without asking: a long table prints thousands of it."""
        return value if isinstance(value, RichText) else super()._finalize(value)

    def compile_part(self, source: str) -> CodeType:
        def compiled() -> bytes:
            code: CodeType = self.compile(source)
            return marshal.dumps(code)

        key = f"{self.autoescape!r}\0{source}".encode()
        code: CodeType = marshal.loads(remembered(self.code_cache, _PART_KIND, key, compiled))
        return code

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[Template] | None = None,
    ) -> Template:
        if not isinstance(source, str) or template_class is not None:
            return super().from_string(source, globals, template_class)
        return self.template_class.from_code(
            self, self.compile_part(source), self.make_globals(globals), None
        )


def render(
    template_path: Path,
    context: dict[str, Any],
    properties: Properties,
    cache: Cache | None = None,
) -> DocxTemplate:
    """Fill the template in a sandbox that escapes every value for Word's XML."""
    template = open_template(template_path, cache)
    sandbox = _WordSandbox(cache)
    with filling(template_path):
        template.render(context, jinja_env=sandbox)
        fit_columns(template.docx, template.detached)
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
        return str(failed.message).rstrip(".")  # Jinja ends some with a full stop
    if isinstance(failed, etree.LxmlError):
        return f"its Word XML {word_xml_fault(failed)}"
    return failure_words(failed)


def _fitting(text: str) -> str:
    """A core property as Word keeps it: at most 255 characters."""
    return text if len(text) <= _LONGEST_PROPERTY else text[: _LONGEST_PROPERTY - 1] + "…"


def to_bytes(template: DocxTemplate, cache: Cache | None = None) -> bytes:
    """The rendered document as .docx bytes that are the same for the same input."""
    return stable_docx(template.docx, cache, template.detached)


def stable_docx(
    document: WordDocument, cache: Cache | None = None, detached: DetachedRows | None = None
) -> bytes:
    """A python-docx document as .docx bytes with fixed timestamps and permissions, so that
        equal content gives equal bytes. python-docx's own writer lays out the package; only the
        zip members it writes are stamped, in one pass (saving, then copying the zip with new
        stamps, compressed every part twice). The `cache` keeps a template's long style parts
    deflated; the rows `detached` from the body's tables are put back in its XML."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    steps: Any = PackageWriter  # untyped; its steps are called in the order its `write` does
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        kept = {part.partname for part in parts if part.content_type in _KEPT_DEFLATED}
        members = _StableMembers(target, cache, kept)
        if detached is not None:
            members.rows_for = (document.part.partname, detached)
        steps._write_content_types_stream(members, parts)
        steps._write_pkg_rels(members, package.rels)
        steps._write_parts(members, parts)
    return buffer.getvalue()


class _StableMembers:
    """What python-docx's package writer writes to: members of a zip, stamped alike."""

    def __init__(self, target: zipfile.ZipFile, cache: Cache | None, kept: set[str]) -> None:
        self.target = target
        self.cache = cache
        self.kept = kept
        """The parts (by name) whose deflated bytes the `cache` keeps, when long."""
        self.rows_for: tuple[str, DetachedRows] | None = None
        """The part the rows cut out of its tables go back in, and those rows."""

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        if self.rows_for is not None and pack_uri == self.rows_for[0]:
            blob = self.rows_for[1].put_back(blob)
        member = zipfile.ZipInfo(pack_uri.membername, date_time=_EPOCH)
        member.compress_type = zipfile.ZIP_DEFLATED
        member.external_attr = 0o644 << 16
        long = _WORTH_KEEPING <= len(blob) <= _LONGEST_KEPT
        if self.cache is None or pack_uri not in self.kept or not long:
            self.target.writestr(member, blob)
            return
        checksum, deflated = self.cache.remember(_DEFLATED_KIND, blob, lambda: _deflated(blob))
        _write_deflated(self.target, member, len(blob), checksum, deflated)


def _deflated(data: bytes) -> tuple[int, bytes]:
    """The checksum of `data` and `data` deflated, as zipfile's `writestr` makes them."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(data), compressor.compress(data) + compressor.flush()


def _write_deflated(
    target: zipfile.ZipFile, member: zipfile.ZipInfo, size: int, checksum: int, deflated: bytes
) -> None:
    """`target.writestr(member, data)` for the `size` bytes of data `deflated` already, as
    zipfile writes them to a file it can seek in: the member's header, sizes and checksum
    filled in, then the data. zipfile has no public way to add data deflated beforehand, so
    this does what its `open(member, "w")` and that writer's `close` do."""
    archive: Any = target
    member.file_size, member.compress_size, member.CRC = size, len(deflated), checksum
    member.flag_bits = 0
    archive.fp.seek(archive.start_dir)
    member.header_offset = archive.fp.tell()
    archive._writecheck(member)
    archive._didModify = True
    archive.fp.write(member.FileHeader(False))
    archive.fp.write(deflated)
    archive.start_dir = archive.fp.tell()
    archive.filelist.append(member)
    archive.NameToInfo[member.filename] = member
