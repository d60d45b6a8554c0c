"""Reading drafted .docx files back for assertions: text of every part, headings, tables."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.text.paragraph import Paragraph
from lxml import etree

from termgen.drafting.structure import Draft, plain
from termgen.library.folders import library_layers
from termgen.library.load import Library, load_library
from termgen.library.sections import DOCUMENTS
from termgen.pipeline import DealRun
from termgen.render.documents import RenderedDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def builtin_library() -> Library:
    return load_library(library_layers([], {}))


@cache
def drafted(example: Path) -> tuple[Draft, tuple[RenderedDocument, ...]]:
    """The draft of an answer file and its documents, term sheet and governance annex, as
    Word files (built once per run)."""
    run = DealRun.from_file(example, builtin_library())
    return run.draft, tuple(run.documents(kinds=DOCUMENTS))


def table_rows(draft: Draft, kind: str) -> list[list[str]]:
    """The plain text of each cell of the draft's first table of `kind`."""
    table = next(
        table
        for document in draft.documents
        for section in document.sections
        for table in section.tables
        if table.kind == kind
    )
    return [[plain(cell) for cell in row] for row in table.rows]


def word(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def part_texts(data: bytes) -> dict[str, str]:
    """The visible text of every XML part (body, headers, footers, comments...), by part name."""
    texts = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(package.read(name))
                texts[name] = "".join(node.text or "" for node in root.iter(f"{W}t"))
    return texts


def headings(document: WordDocument, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_after(document: WordDocument, header: tuple[str, ...]) -> list[list[str]]:
    """The rows (without header) of the table whose header row is `header`."""
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if tuple(rows[0]) == header:
            return rows[1:]
    raise AssertionError(f"no table with header {header}")


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def list_levels(document: WordDocument) -> dict[int, dict[int, tuple[str, str]]]:
    """Word's numbering as numbering.xml defines it: list id -> level -> (format, text)."""
    numbering = document.part.numbering_part.element
    abstract = {
        definition.get(f"{W}abstractNumId"): {
            int(level.get(f"{W}ilvl")): (
                level.find(f"{W}numFmt").get(f"{W}val"),
                level.find(f"{W}lvlText").get(f"{W}val"),
            )
            for level in definition.findall(f"{W}lvl")
        }
        for definition in numbering.findall(f"{W}abstractNum")
    }
    return {
        int(number.get(f"{W}numId")): abstract[number.find(f"{W}abstractNumId").get(f"{W}val")]
        for number in numbering.findall(f"{W}num")
    }


def list_level(paragraph: Paragraph) -> tuple[int, int] | None:
    """(list id, level) the paragraph itself is numbered with, if any."""
    properties = paragraph._p.pPr
    number = properties.numPr if properties is not None else None
    if number is None or number.numId is None:
        return None
    return number.numId.val, number.ilvl.val if number.ilvl is not None else 0
