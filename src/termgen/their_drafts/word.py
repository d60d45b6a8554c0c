"""Paragraphs and table rows of a Word draft, after checks that keep a hostile package small."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from termgen.files import MB
from termgen.files.read import WORD_TAGS, tags_in, xml_over_limit
from termgen.their_drafts.limits import (
    LARGEST_UNPACKED,
    MOST_PARAGRAPHS,
    MOST_PARTS,
    too_large,
    unreadable,
)

DAMAGED = "the file is damaged or not a Word document; ask for a new copy or save it again"
PROTECTED = (
    "the Word document is protected with a password; ask the sender for an unprotected copy, "
    "or open it in Word and save it without protection"
)
_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""How an Office compound file starts: what Word saves a .docx with a password as (and a .doc)."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY_LEVEL = 9
"""The outline level of body text; 0 to 8 are Heading 1 to 9."""
_STYLE_DEPTH = 20
"""How far up `basedOn` a style's outline level is looked for; a loop stops there."""
_PROLOGUE = 4096
"""A document type declaration must come before the root element, within the first bytes."""
_NUMBER_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "upperLetter": lambda value: _letters(value),
    "lowerLetter": lambda value: _letters(value).lower(),
    "upperRoman": lambda value: _roman(value),
    "lowerRoman": lambda value: _roman(value).lower(),
}
"""How Word writes the number of a list level; other formats (bullets, none) are no number."""
_LONGEST_NUMBER = 24
"""A list number longer than this is no clause number (a level text meant as a label)."""
_TYPED_NUMBER = re.compile(r"(\d{1,3}(?:\.\d{1,3})+|\d{1,3}\.)\s")
"""A clause number typed at the start of a paragraph: "10.2 Either Party ...", "11. Term"."""


class WordParagraph(NamedTuple):
    text: str
    heading: bool = False
    """In a style Word puts in the outline (Heading 1 to 9, or one based on them): a title,
    however it is worded ("Exit triggers, notice and cure")."""
    clause: str = ""
    """The number of the clause the paragraph is in, as the reader sees it ("11.14"): its own
    list number or typed number, else the last one before it; "" before the first."""


def docx_paragraphs(path: Path, data: bytes) -> list[WordParagraph]:
    """The text of every paragraph, and of every table row as 'cell: cell', in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    from lxml.etree import LxmlError

    _refuse_bombs(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        outlined = _outline_styles(document.styles.element)
        numbering = _Numbering(_numbering_of(document), document.styles.element)
        texts: list[WordParagraph] = []
        clause, clause_list = "", None
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                heading = _in_outline(item._p, outlined)
                number, in_list = numbering.number(item._p)
                settles = heading
                if not number and (typed := _TYPED_NUMBER.match(item.text.lstrip())):
                    # "9.1" names a clause wherever it stands; "1." does in a draft numbered
                    # "1.", "2.", ..., not as an item within clause 9.2.
                    number = typed[1].rstrip(".")
                    dotted = "." in number
                    in_list, settles = ("typed, dotted" if dotted else "typed"), heading or dotted
                # A number counts as the clause's when it is a title's, or in the list the
                # clauses are numbered in: "1." of a list of items within clause 9.4 is no clause.
                if any(c.isdigit() for c in number) and (settles or clause_list in (None, in_list)):
                    clause, clause_list = number, in_list
                texts.append(WordParagraph(item.text, heading, clause))
            elif isinstance(item, Table):
                texts += [WordParagraph(_row_text(row), clause=clause) for row in item.rows]
            if len(texts) > MOST_PARAGRAPHS:
                raise too_large(path, "Word document", MOST_PARAGRAPHS, "paragraphs")
    except LxmlError as broken:
        over = xml_over_limit(broken)
        if over is None:
            raise unreadable(path, DAMAGED) from None
        # Not damaged as such: more than a draft holds.
        raise unreadable(
            path,
            f"termgen does not read this Word document: its XML {over}; split the draft, or "
            "ask for a new copy saved in Word",
        ) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise unreadable(path, DAMAGED) from None
    return texts


class _Level(NamedTuple):
    start: int
    form: str
    text: str


class _Numbering:
    """The numbers Word shows before list paragraphs: each list level counted as Word counts
    it (lists that share a definition continue each other; a higher level restarts the
    lower), written by the level's text ("%1.%2") and formats."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        for definition in numbering.iterfind(f"{_W}abstractNum") if numbering is not None else ():
            levels = self._levels[definition.get(f"{_W}abstractNumId", "")] = {}
            for level in definition.iterfind(f"{_W}lvl"):
                start = _value(level.find(f"{_W}start"))
                levels[_number(level.get(f"{_W}ilvl"))] = _Level(
                    _number(start, 1),
                    _value(level.find(f"{_W}numFmt")) or "decimal",
                    _value(level.find(f"{_W}lvlText")) or "",
                )
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}
        for listed in numbering.iterfind(f"{_W}num") if numbering is not None else ():
            starts = {
                _number(override.get(f"{_W}ilvl")): _number(
                    _value(override.find(f"{_W}startOverride")), 1
                )
                for override in listed.iterfind(f"{_W}lvlOverride")
                if override.find(f"{_W}startOverride") is not None
            }
            definition = _value(listed.find(f"{_W}abstractNumId")) or ""
            self._lists[listed.get(f"{_W}numId", "")] = (definition, starts)
        self._styles = _style_numbering(styles)
        self._counts: dict[str, dict[int, int]] = {}
        self._restarted: set[str] = set()

    def number(self, paragraph: Any) -> tuple[str, str | None]:
        """The number Word shows before `paragraph` ("11.14", "(a)"; "" for none) and the list
        definition it is counted in."""
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        list_id, depth = self._styles.get(_value(style) or "", (None, None))
        own = paragraph.find(f"{_W}pPr/{_W}numPr")
        if own is not None:
            list_id = _value(own.find(f"{_W}numId")) or list_id
            depth = _value(own.find(f"{_W}ilvl")) or depth
        if list_id is None or list_id not in self._lists:
            return "", None
        definition, starts = self._lists[list_id]
        levels = self._levels.get(definition, {})
        level = _number(depth)
        if level not in levels:
            return "", None
        counts = self._counts.setdefault(definition, {})
        if list_id not in self._restarted:
            self._restarted.add(list_id)
            for restarted, start in starts.items():
                counts[restarted] = start - 1
                for deeper in [other for other in counts if other > restarted]:
                    del counts[deeper]
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [other for other in counts if other > level]:
            del counts[deeper]
        if levels[level].form not in _NUMBER_FORMATS:
            return "", None

        def written(match: re.Match[str]) -> str:
            shown = int(match[1]) - 1
            known = levels.get(shown)
            if known is None or known.form not in _NUMBER_FORMATS:
                return ""
            return _NUMBER_FORMATS[known.form](max(counts.get(shown, known.start), 0))

        text = re.sub(r"%([1-9])", written, levels[level].text).strip().rstrip(".")
        return (text, definition) if len(text) <= _LONGEST_NUMBER else ("", None)


def _value(element: Any) -> str | None:
    return element.get(f"{_W}val") if element is not None else None


def _number(text: str | None, default: int = 0) -> int:
    return int(text) if text is not None and text.isdigit() and len(text) < 6 else default


def _letters(value: int) -> str:
    """Word's letters: A to Z, then AA, BB, ..."""
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    written = []
    for size, numeral in numerals:
        count, value = divmod(value, size)
        written.append(numeral * count)
    return "".join(written)


def _numbering_of(document: Any) -> Any:
    """The numbering definitions of a document, None when it has none."""
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _style_numbering(styles: Any) -> dict[str, tuple[str, str | None]]:
    """The list and level each paragraph style numbers its paragraphs in, its own or inherited
    through `basedOn` (as far as _STYLE_DEPTH)."""
    own: dict[str, tuple[str | None, str | None]] = {}
    parents: dict[str, str] = {}
    for style in styles.iterfind(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph" or (name := style.get(f"{_W}styleId")) is None:
            continue
        numbered = style.find(f"{_W}pPr/{_W}numPr")
        if numbered is not None:
            own[name] = (_value(numbered.find(f"{_W}numId")), _value(numbered.find(f"{_W}ilvl")))
        based = style.find(f"{_W}basedOn")
        if based is not None and (parent := _value(based)) is not None:
            parents[name] = parent
    resolved = {}
    for name in {*own, *parents}:
        list_id, level, current = None, None, name
        for _ in range(_STYLE_DEPTH):
            found_list, found_level = own.get(current, (None, None))
            list_id, level = list_id or found_list, level or found_level
            if current not in parents:
                break
            current = parents[current]
        if list_id is not None:
            resolved[name] = (list_id, level)
    return resolved


def _outline_level(element: Any) -> int | None:
    """The outline level an element's paragraph properties set (0 to 8; 9 is body text)."""
    level = element.find(f"{_W}pPr/{_W}outlineLvl")
    value = level.get(f"{_W}val") if level is not None else None
    return int(value) if value is not None and value.isdigit() else None


def _outline_styles(styles: Any) -> frozenset[str]:
    """The ids of the paragraph styles whose paragraphs are in the outline, their own level
    or one inherited through `basedOn` (a chain of at most _STYLE_DEPTH, as Word's)."""
    levels: dict[str, int | None] = {}
    parents: dict[str, str] = {}
    for style in styles.iterfind(f"{_W}style"):
        if style.get(f"{_W}type") != "paragraph" or (name := style.get(f"{_W}styleId")) is None:
            continue
        levels[name] = _outline_level(style)
        based = style.find(f"{_W}basedOn")
        if based is not None and (parent := based.get(f"{_W}val")) is not None:
            parents[name] = parent
    outlined = set()
    for name in levels:
        current: str | None = name
        for _ in range(_STYLE_DEPTH):
            level = levels.get(current) if current is not None else None
            if level is not None or current not in parents:
                break
            current = parents[current]
        if level is not None and level < _BODY_LEVEL:
            outlined.add(name)
    return frozenset(outlined)


def _in_outline(paragraph: Any, outlined: frozenset[str]) -> bool:
    """Whether a paragraph is in the outline: its own level, else its style's."""
    level = _outline_level(paragraph)
    if level is not None:
        return level < _BODY_LEVEL
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style is not None and style.get(f"{_W}val") in outlined


def _row_text(row: Any) -> str:
    """A table row as one line: a two-cell row reads 'Initial term: 3 years', like a form."""
    cells = [cell.text.strip() for cell in _unique_cells(row.cells)]
    cells = [text for text in cells if text]
    return ": ".join(cells) if len(cells) == 2 else " | ".join(cells)


def _unique_cells(cells: list[Any]) -> list[Any]:
    """Merged cells repeat in python-docx; keep each once."""
    seen: list[Any] = []
    for cell in cells:
        if all(cell._tc is not other._tc for other in seen):
            seen.append(cell)
    return seen


def _refuse_bombs(path: Path, data: bytes) -> None:
    """Too many parts, too much unpacked, encrypted parts or XML entity declarations: refuse
    before parsing."""
    if data.startswith(_COMPOUND_FILE):
        raise unreadable(path, f"{PROTECTED} (or, for an old .doc file, save it as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
            if any(part.flag_bits & 0x1 for part in parts):
                raise unreadable(path, PROTECTED)
            if len(parts) > MOST_PARTS:
                raise too_large(path, "Word package", MOST_PARTS, "parts")
            if sum(part.file_size for part in parts) > LARGEST_UNPACKED:
                raise too_large(
                    path, "Word document's unpacked content", LARGEST_UNPACKED // MB, "MB"
                )
            tags = 0
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    with package.open(part) as stream:
                        prologue = stream.read(_PROLOGUE)
                        if b"<!DOCTYPE" in prologue.upper():
                            raise unreadable(
                                path,
                                f"{DAMAGED} (its XML declares a document type, which Word "
                                "never writes)",
                            )
                        tags += prologue.count(b"<") + tags_in(stream)
                    if tags > WORD_TAGS:
                        raise too_large(path, "Word document's XML", WORD_TAGS, "tags")
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,
    ):
        raise unreadable(path, DAMAGED) from None
