"""Column widths that follow the content, since the template's columns are generated."""

from __future__ import annotations

from functools import partial
from typing import cast

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.oxml.table import CT_Tc
from docx.shared import Emu
from docx.table import Table
from lxml import etree

from termgen.render.rows import DetachedRows, DetachedTable

_EMU_PER_TWIP = 635
_TWIPS_PER_CHARACTER = 100
"""About one character of the 8 pt table text, with room for wide letters and for the wider
DejaVu Sans, which LibreOffice shows where a counsel's template names a font it lacks: what a
line of a cell holds."""
_LINE = 195
"""About the height of one line of the 8 pt table text, in twips."""
_EM = 160
"""The em of the 8 pt table text, in twips."""
_REGULAR = """
318 401 460 838 637 951 780 275 391 391 500 838 318 361 318 337 637 637 637 637 637 637 637
637 637 637 337 337 838 838 838 557 1016 685 687 723 771 667 611 778 752 295 500 667 558 863
749 788 667 788 723 667 611 732 685 989 686 667 686 391 337 391 838 557 500 613 635 550 635
616 353 635 634 278 278 580 278 975 634 612 635 635 412 521 393 634 592 818 592 592 525 637
337 637 838
"""
_BOLD = """
349 457 521 838 696 1002 873 307 458 458 523 838 380 416 380 366 696 696 696 696 696 696 696
696 696 696 400 400 838 838 838 611 1000 774 763 734 831 684 684 821 837 373 557 775 638 996
837 851 733 851 771 721 683 813 774 1104 771 725 726 458 366 458 838 557 500 675 716 593 716
679 436 716 712 343 343 666 343 1042 712 688 716 716 494 596 479 712 652 924 646 652 583 712
366 712 838
"""
"""The advance of each printable ASCII character, space to tilde, in thousandths of an em: the
wider of Liberation Sans (Arial's metrics, which LibreOffice shows for Arial) and DejaVu Sans,
regular for the table text and bold for its header row."""


def _advances(widths: str) -> dict[str, int]:
    """Each character's advance, a no-break space's as a space's."""
    advances = dict(zip(map(chr, range(32, 127)), map(int, widths.split()), strict=True))
    return {**advances, "\u00a0": advances[" "]}


_ADVANCES = {False: _advances(_REGULAR), True: _advances(_BOLD)}
"""The advances of the table text and of its bold header row; any other character counts as an
em, wider than any letter here."""
_CELL_MARGINS = 216
"""Word's default cell margins, 108 twips a side."""
_CELL_PADDING = _CELL_MARGINS + 44
"""The margins and a little to spare, which is the first to go where the columns are tight."""
_TEXT = qn("w:t")
_P, _TR, _TC, _TC_WIDTH = qn("w:p"), qn("w:tr"), qn("w:tc"), qn("w:tcW")
_TC_PROPERTIES = qn("w:tcPr")
_P_PROPERTIES, _KEEP_NEXT = qn("w:pPr"), qn("w:keepNext")
_TYPE, _WIDTH = qn("w:type"), qn("w:w")
_MERGED = etree.XPath(
    "boolean(w:tr/w:tc/w:tcPr[w:vMerge or w:gridSpan[@w:val != '1']])", namespaces=nsmap
)
"""Whether a table has merged cells, which keep the widths the template gave them."""
_MERGING = (qn("w:vMerge"), qn("w:gridSpan"))
"""What a merged cell holds: a table without either has none, which lxml tells at once where
no document read has any, while `_MERGED` reads every cell's properties."""
_FIRST_ROW_CELLS = etree.XPath("count(w:tr[1]/w:tc)", namespaces=nsmap)
_UNEVEN = etree.XPath("boolean(w:tr[count(w:tc) != $cells])", namespaces=nsmap)
_ROWS = etree.XPath("count(w:tr)", namespaces=nsmap)
_CELL_WIDTHS = etree.XPath("w:tr/w:tc/w:tcPr[1]/w:tcW[1]", namespaces=nsmap)
"""The widths written in a table's cells (each cell's first, as `_set_width` finds it)."""
_CELL_PARAGRAPHS = etree.XPath("w:tr/w:tc/w:p", namespaces=nsmap)
_CELLS_WITH_PARAGRAPH = etree.XPath("count(w:tr/w:tc[w:p])", namespaces=nsmap)


def fit_columns(document: WordDocument, detached: DetachedRows | None = None) -> None:
    """Give every table the full text width, shared out by how much each column holds; a
    table's rows `detached` from the document count with the rest."""
    section = document.sections[0]
    assert (
        section.page_width and section.left_margin is not None and section.right_margin is not None
    )
    assert section.page_height and section.top_margin is not None
    assert section.bottom_margin is not None
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    total, page = int(text_width / _EMU_PER_TWIP), int(text_height / _EMU_PER_TWIP)
    for table in document.tables:
        middle = detached.of(table._tbl) if detached else None
        fitted = _fit(table, total, middle)
        _end_keeping_together(table, fitted is not None and _taller_than(page, *fitted), middle)


def _end_keeping_together(
    table: Table, longer_than_a_page: bool, middle: DetachedTable | None
) -> None:
    """The template keeps each row of a table with the next, so that one that fits on a page
    is not split after a few rows; its last row need not keep with what follows the table.
    A table longer than a page cannot be kept together: kept so, it starts on a page of its
    own and leaves most of the page before it blank. It keeps only its header row with its
    first row, and breaks between any rows after them (its `middle` rows detached too)."""
    rows = table._tbl.tr_lst
    cells = [
        cell
        for row in (rows[1:] if longer_than_a_page else rows[-1:])
        for cell in row.iterchildren(_TC)
    ]
    if longer_than_a_page and middle is not None:
        cells.extend(cell for cell, _ in middle.cells_by_column())
    for cell in cells:
        for properties in cell.findall(f"{_P}/{_P_PROPERTIES}"):
            for keep in properties.findall(_KEEP_NEXT):
                properties.remove(keep)


def _taller_than(page: int, texts: list[list[str]], widths: list[int]) -> bool:
    """Whether rows of these texts in columns of these widths (twips) are taller than a page
    of `page` twips: each row as tall as its cell of most lines, a line of a cell's paragraph
    holding as many characters as the column has room for. Counted only until the page is
    full, so a table of a thousand rows costs no more than one of a page."""
    room = [
        max(width - _CELL_MARGINS, _TWIPS_PER_CHARACTER) // _TWIPS_PER_CHARACTER for width in widths
    ]
    height = 0
    for row in texts:
        height += _LINE * max(
            sum(-(-len(line) // characters) or 1 for line in text.split("\n"))
            for text, characters in zip(row, room, strict=True)
        )
        if height > page:
            return True
    return False


def selected(query: etree.XPath, where: etree._Element) -> list[etree._Element]:
    """The elements an XPath query selects (lxml types a query's result as any it can be)."""
    return cast(list[etree._Element], query(where))


def _counted(query: etree.XPath, where: etree._Element) -> int:
    """What an XPath query that counts gives (a float)."""
    return int(cast(float, query(where)))


def _width(text: str, bold: bool = False) -> int:
    """How wide the text is set on one line, in twips."""
    advances = _ADVANCES[bold]
    return sum(advances.get(character, 1000) for character in text) * _EM // 1000


def _widest_word(texts: list[str], bold: bool = False) -> int:
    """The width of the widest piece of the texts that a line cannot break, in twips: a column
    narrower than it splits the word mid-way ('Septembe|r'). A line may break after a hyphen,
    not at a no-break space ('50 %'), which `str.split` would split at. The texts are joined and
    split once, and each word is measured once however often it occurs."""
    joined = " ".join(texts).replace("-", "- ").replace("\n", " ").replace("\t", " ")
    return max((_width(word, bold) for word in set(joined.split(" "))), default=0)


def _widest_line(texts: list[str], bold: bool, room: int) -> int | None:
    """The width of the widest line of the texts, in twips, or None where one is wider than
    `room`: a text of many characters is not measured, being that wide whatever its letters."""
    lines = [line for text in texts for line in text.split("\n")]
    if max(map(len, lines), default=0) * min(_ADVANCES[bold].values()) * _EM > room * 1000:
        return None
    widest = max(map(partial(_width, bold=bold), lines), default=0)
    return widest if widest <= room else None


def _widths(columns: list[list[str]], total: int, header: bool) -> list[int]:
    """Room for each column's widest word first (a bold header's too). A column of short
    values (a party, 'yes' or 'no', a number of days) gets room for each value on one line,
    and for its header too where that fits in an equal share of the table, so long as every
    other column's words still fit; the rest goes to the columns of longer text, shared by how
    much text each holds, none wider than its longest line. Only where even the widest words
    do not fit side by side is a word split."""
    words = [
        max(_widest_word(texts[header:]), _widest_word(texts[:header], bold=True)) + _CELL_PADDING
        for texts in columns
    ]
    share = total // len(columns) - _CELL_PADDING
    lines = [_widest_line(texts[header:], False, share) for texts in columns]
    floors = [
        max(
            word,
            line + _CELL_PADDING,
            (_widest_line(texts[:header], True, share) or 0) + _CELL_PADDING,
        )
        if line is not None
        else word
        for word, line, texts in zip(words, lines, columns, strict=True)
    ]
    if sum(floors) > total:
        floors = words
    if sum(floors) > total:
        floors = [floor - _CELL_PADDING + _CELL_MARGINS for floor in floors]
    if sum(floors) >= total:
        return [int(floor * total / sum(floors)) for floor in floors]
    # The mean as a sum over a count: of whole numbers, as exact as statistics.mean and far
    # cheaper on a table of thousands of rows.
    amounts = [sum(map(len, texts)) / len(texts) + 1 for texts in columns]
    longest = [
        max(floor, line + _CELL_PADDING)
        if line is not None
        else max(map(len, texts[header:]), default=0) * _TWIPS_PER_CHARACTER + _CELL_PADDING
        for floor, line, texts in zip(floors, lines, columns, strict=True)
    ]
    return _shared(floors, longest, amounts, total - sum(floors))


def _shared(floors: list[int], longest: list[int], amounts: list[float], spare: int) -> list[int]:
    """The floors with the spare shared by the amounts, none past its longest unless every
    column has reached it: a column that needs no more leaves its part to the others."""
    widths: list[float] = list(floors)
    growing = [number for number, width in enumerate(widths) if width < longest[number]]
    left = float(spare)
    while left > 0 and growing:
        weight = sum(amounts[number] for number in growing)
        full = [
            number
            for number in growing
            if widths[number] + left * amounts[number] / weight >= longest[number]
        ]
        if not full:
            for number in growing:
                widths[number] += left * amounts[number] / weight
            left = 0
        for number in full:
            left -= longest[number] - widths[number]
            widths[number] = longest[number]
        growing = [number for number in growing if number not in full]
    if left > 0:
        weight = sum(amounts)
        widths = [
            width + left * amount / weight for width, amount in zip(widths, amounts, strict=True)
        ]
    return [int(width) for width in widths]


def _text(cell: CT_Tc) -> str:
    """A cell's text, its paragraphs on lines of their own."""
    return "\n".join([_paragraph_text(p) for p in cell.iterchildren(_P)])


def _paragraph_text(paragraph: etree._Element) -> str:
    return "".join([t.text or "" for t in paragraph.iter(_TEXT)])


def _rows(tbl: etree._Element) -> list[list[CT_Tc]]:
    """The cells of each row of the table."""
    return [cast(list[CT_Tc], list(row.iterchildren(_TC))) for row in tbl.iterchildren(_TR)]


def _texts(tbl: etree._Element, rows: int, width: int) -> list[list[str]]:
    """The text of each cell of the rows, row by row: a table's paragraphs found at once where
    each cell has one, as a generated table's cells do, else cell by cell."""
    cells = width * rows
    paragraphs = selected(_CELL_PARAGRAPHS, tbl)
    if len(paragraphs) != cells or _CELLS_WITH_PARAGRAPH(tbl) != cells:
        return [[_text(cell) for cell in row] for row in _rows(tbl)]
    texts = [_paragraph_text(paragraph) for paragraph in paragraphs]
    return [texts[start : start + width] for start in range(0, cells, width)]


def _merged(tbl: etree._Element) -> bool:
    return next(tbl.iter(*_MERGING), None) is not None and bool(_MERGED(tbl))


def _fit(
    table: Table, total: int, detached: DetachedTable | None
) -> tuple[list[list[str]], list[int]] | None:
    """Gives the table's columns their widths; the texts of its rows and those widths, or
    None for a table that keeps the widths the template gave it."""
    # lxml directly: python-docx's rows, cells and their properties (each a search of the
    # XML) cost more than the rest of a long table's drafting (a thousand contributions). The
    # rows are counted and compared by XPath, without an element for each cell.
    tbl = table._tbl
    width = _counted(_FIRST_ROW_CELLS, tbl)
    if width == 0 or _UNEVEN(tbl, cells=width) or _merged(tbl):
        return None
    rows = _counted(_ROWS, tbl)
    texts = _texts(tbl, rows, width)
    if detached is not None:  # the rows between the first and the last
        texts[1:1] = detached.texts(_text)
    first_row = tbl.tr_lst[0].trPr
    header = first_row is not None and first_row.find(qn("w:tblHeader")) is not None
    widths = _widths([[row[j] for row in texts] for j in range(width)], total, header)
    properties = tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(total))
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    for column, column_width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = Emu(column_width * _EMU_PER_TWIP)
    if detached is not None:
        for cell, number in detached.cells_by_column():
            _set_width(cell, widths[number])
    written = selected(_CELL_WIDTHS, tbl)
    if len(written) == width * rows:  # every cell has its width written: the usual case
        texts_of_widths = [str(twips) for twips in widths] * rows
        for cell_width, twips in zip(written, texts_of_widths, strict=True):
            cell_width.set(_TYPE, "dxa")
            cell_width.set(_WIDTH, twips)
        return texts, widths
    for cells in _rows(tbl):
        for cell, column_width in zip(cells, widths, strict=True):
            _set_width(cell, column_width)
    return texts, widths


def _set_width(cell: CT_Tc, twips: int) -> None:
    """`cell.width = Emu(...)`, writing the attributes of a width the cell has already."""
    properties = cell.find(_TC_PROPERTIES)
    written = properties.find(_TC_WIDTH) if properties is not None else None
    if written is None:  # python-docx knows where a new one goes among the properties
        cell.width = Emu(twips * _EMU_PER_TWIP)
        return
    written.set(_TYPE, "dxa")
    written.set(_WIDTH, str(twips))
