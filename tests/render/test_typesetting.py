"""What keeps a Word draft readable on the page: no line breaks between a number and its unit,
columns no narrower than their longest word, a font for Chinese, Japanese and Korean names,
and list items that are not stretched across the line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docxtpl import RichText
from lxml import etree

from termgen.drafting.structure import Segment
from termgen.render.layout import (
    _CELL_MARGINS,
    _widest_word,
    _width,
    _widths,
    fit_columns,
)
from termgen.render.richtext import DraftText, rich_value, unbroken
from termgen.render.word import _WordSandbox
from termgen.templating.sandbox import Sandbox

from ..conftest import EXAMPLES, EXAMPLES_DIR, ROOT
from ..docx_reading import W, drafted, word

NBSP = "\u00a0"
TEMPLATES = sorted((ROOT / "templates").glob("*.docx"))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("NAW 50 %, KSC 50 %", f"NAW 50{NBSP}%, KSC 50{NBSP}%"),
        ("cost plus 6 %.", f"cost plus 6{NBSP}%."),
        ("capital of USD 200m", f"capital of USD{NBSP}200m"),
        ("EUR 1,150 and PLN 400m", f"EUR{NBSP}1,150 and PLN{NBSP}400m"),
        # Not a currency code, or not an amount: as typed.
        ("SAE 3, FTE 45, NAW 3", "SAE 3, FTE 45, NAW 3"),
        ("USD amounts", "USD amounts"),
        ("100% and 5  %", "100% and 5  %"),
        ("% of 5", "% of 5"),
        ("", ""),
    ],
)
def test_a_number_keeps_its_percent_sign_and_an_amount_its_currency(text: str, kept: str) -> None:
    assert unbroken(text) == kept


@pytest.mark.parametrize("text", ['NAW ("Nordhafen") & KSC <50 %>', "it's", "", " \t "])
def test_a_segment_of_plain_text_is_written_as_docxtpl_writes_text(text: str) -> None:
    written = DraftText()
    written.add_segment(Segment(text))
    docxtpls = RichText()
    docxtpls.add(unbroken(text))
    assert written.xml == docxtpls.xml


def test_rich_text_is_printed_as_the_sandbox_would_print_it() -> None:
    sandbox = _WordSandbox(None)
    for text in (rich_value("due 2027-06-30, in 30 days"), rich_value(None), RichText("x")):
        assert sandbox._finalize(text) is Sandbox._finalize(sandbox, text) is text


def test_the_drafts_write_no_break_spaces_before_percent_signs() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    body = "".join(p.text for p in word(rendered[0].data).paragraphs)
    assert f"NAW 50{NBSP}%, KSC 50{NBSP}%" in body
    assert f"USD{NBSP}200m" in body
    assert " %" not in body


def _floor(texts: list[str], bold: bool = False) -> int:
    """Room for the widest word of the texts and the cell's margins."""
    return _widest_word(texts, bold) + _CELL_MARGINS


@pytest.mark.parametrize(
    "columns",
    [
        # Seven columns as a contributions schedule has them: long hyphenated words in some.
        [
            ["Party", "AUR", "MFM"],
            ["Contribution", "Engineering capacity: Remote-assistance and safety staff."],
            ["Quantity", "300,000 active riders", "4 major releases/yr"],
            ["Timing", "from 1 September 2027", "1 January 2027 to 31 December 2030"],
            ["Critical path", "yes", "no"],
            ["Tracking", "Daily operations dashboard and monthly availability report."],
            ["Acceptance", "Remote-assistance ratio of at least one operator per 12 vehicles."],
        ],
        [["Share", "Cost share"], ["NAW", f"50{NBSP}%"], ["KSC", "Hardware-in-the-loop"]],
        [["x", ""], ["y", "z"]],
    ],
)
def test_no_column_is_narrower_than_its_longest_word(columns: list[list[str]]) -> None:
    widths = _widths(columns, 9412, header=True)
    assert sum(widths) <= 9412
    for texts, width in zip(columns, widths, strict=True):
        assert width >= max(_floor(texts[1:]), _floor(texts[:1], bold=True)), texts


def test_a_line_breaks_after_a_hyphen_but_not_at_a_no_break_space() -> None:
    assert _widest_word(["Remote-assistance-operator"]) == _width("assistance-")
    assert _widest_word([f"up to 50{NBSP}%{NBSP}of output"]) == _width(f"50{NBSP}%{NBSP}of")
    # A word is as wide as its letters: an 'i' takes less room than an 'm', bold more.
    assert _width("iiii") < _width("mmmm") < _width("mmmm", bold=True)
    assert _width("Wrocław") > _width("Wroclaw")


SCHEDULE = [
    ["Party", "LUMEN", "BFW", "BFW"],
    ["Contribution", "Software release bandwidth: Platform releases committed. " * 3] * 2,
    ["Quantity", "4 major releases a year", "180 FTE", "EUR 240m"],
    ["Timing", "1 April 2027 to 31 December 2030", "from 1 May 2027", "1 June 2027"],
    ["Critical path", "yes", "no", "yes"],
    ["Tracking", "Release train calendar and burn-up reported in the sprint review. " * 2] * 2,
    ["Acceptance", "Release passes the agreed regression suite with no open defects. " * 6] * 2,
]
SCHEDULE[1] = [SCHEDULE[1][0], *[SCHEDULE[1][1]] * 3]
SCHEDULE[5] = [SCHEDULE[5][0], *[SCHEDULE[5][1]] * 3]
SCHEDULE[6] = [SCHEDULE[6][0], *[SCHEDULE[6][1]] * 3]


def test_a_column_of_short_values_stays_narrow_and_long_text_shares_the_rest() -> None:
    """Seven columns: 'yes' or 'no' under a header too long for an equal share takes room for
    the header's widest word, the header wrapping at its space, while Acceptance, the longest
    text, takes the most room."""
    headers = [column[0] for column in SCHEDULE]
    widths = dict(zip(headers, _widths(SCHEDULE, 9412, True), strict=True))
    assert sum(widths.values()) <= 9412
    critical = widths["Critical path"]
    assert _floor(["Critical"], bold=True) <= critical
    assert critical < _width("Critical path", bold=True) + _CELL_MARGINS
    assert widths["Party"] < _floor(["Contribution"], bold=True)
    assert widths["Acceptance"] == max(widths.values())
    assert widths["Acceptance"] > widths["Contribution"] > widths["Tracking"]
    assert widths["Acceptance"] > 2 * critical


def test_a_short_columns_header_stays_on_one_line_where_an_equal_share_holds_it() -> None:
    who = "The CEOs of the parties, meeting in person within the period. " * 3
    columns = [["Step", "1", "2", "3"], ["Who", who, who, who], ["Days at this step", "10"] * 2]
    step, days_at_this_step = (_widths(columns, 9412, True)[number] for number in (0, 2))
    assert days_at_this_step >= _width("Days at this step", bold=True) + _CELL_MARGINS
    assert step < days_at_this_step < 9412 // 3


def test_columns_of_short_values_share_the_room_when_no_column_holds_long_text() -> None:
    columns = [
        ["Share", "Cost share", "Profit share"],
        ["NAW", "50 %", "60 %"],
        ["KSC", "50 %"] * 2,
    ]
    widths = _widths(columns, 9412, True)
    assert sum(widths) > 9400
    assert widths[0] > widths[1]


def test_short_values_give_way_where_the_long_columns_words_need_the_room() -> None:
    """Room for each short value on one line would leave a long column narrower than its
    widest word: the short values wrap instead, and no word is split."""
    word = "Hardwareintheloopvalidationrig" * 2
    columns = [
        ["When", "1 April 2027 to 30 June", "from 1 May 2027"],
        ["Where", "Wolfsburg and Valladolid", "Hangzhou"],
        ["What", f"{word} and more", f"{word} again"],
    ]
    widths = _widths(columns, 9412, True)
    assert sum(widths) <= 9412
    for texts, width in zip(columns, widths, strict=True):
        assert width >= _floor(texts[1:]), texts[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_column_of_a_draft_splits_a_word(example: Path) -> None:
    """The contributions schedule's Timing column held 'Septembe|r 2027' before; its 'yes' or
    'no' column was as wide as the Acceptance column, and the escalation path's 'Days at this
    step' wrapped while the Who column had room to spare."""
    _, rendered = drafted(example)
    for output in rendered:
        for table in word(output.data).tables:
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            widths = [column.w.twips for column in table._tbl.tblGrid.gridCol_lst]
            if len(widths) < 3:  # the cover and the signatures: label and value
                continue
            for number, width in enumerate(widths):
                body = _floor([row[number] for row in rows[1:]])
                title = _floor([rows[0][number]], bold=True)
                assert width >= max(body, title), (output.filename, rows[0][number])
            named = dict(zip(rows[0], widths, strict=True))
            if "Days at this step" in named:
                header = _width("Days at this step", bold=True) + _CELL_MARGINS
                assert named["Days at this step"] >= header, output.filename
            if "Critical path" in named:
                others = [width for header, width in named.items() if header != "Party"]
                assert named["Critical path"] == min(others), output.filename
                assert named["Critical path"] < 0.6 * named["Acceptance"], output.filename


def _fitted_table(texts: list[list[str]]) -> tuple[WordDocument, Table]:
    """A document with one table of these texts (a cell's lines as paragraphs of their own),
    each cell's width written, as python-docx writes it."""
    document = docx.Document()
    table = document.add_table(rows=len(texts), cols=len(texts[0]))
    for row, row_texts in zip(table.rows, texts, strict=True):
        for cell, text in zip(row.cells, row_texts, strict=True):
            first, *others = text.split("\n")
            cell.paragraphs[0].text = first
            for other in others:
                cell.add_paragraph(other)
    return document, table


def _cell_widths(table: Table) -> list[list[tuple[str | None, str | None]]]:
    return [
        [(width.get(qn("w:type")), width.get(qn("w:w"))) for width in row.iter(qn("w:tcW"))]
        for row in table._tbl.iterchildren(qn("w:tr"))
    ]


@pytest.mark.parametrize("where", ["every cell", "one cell of two paragraphs", "unwritten"])
def test_every_cell_of_a_column_is_given_the_columns_width(where: str) -> None:
    """A table drafted from a template has a paragraph and a width in each cell, read and
    written at once; a cell of several paragraphs, or one whose width is not written yet,
    is read (or written) cell by cell, to the same effect."""
    long_word = "Hardwareintheloop" * 2
    texts = [["Party", "Contribution", "When"], ["NAW", "Cells", "2027"], ["KSC", "Rig", "2028"]]
    if where == "one cell of two paragraphs":
        texts[2][1] = f"Rig\n{long_word}"
    document, table = _fitted_table(texts)
    if where == "unwritten":
        table._tbl.tr_lst[1].tc_lst[0].tcPr.remove(table._tbl.tr_lst[1].tc_lst[0].tcPr[0])
    fit_columns(document)
    grid = [str(column.w.twips) for column in table._tbl.tblGrid.gridCol_lst]
    assert _cell_widths(table) == [[("dxa", twips) for twips in grid]] * 3
    if where == "one cell of two paragraphs":
        assert int(grid[1]) >= _floor([long_word])


@pytest.mark.parametrize("shape", ["cells merged down a column", "a row short of a cell"])
def test_a_table_of_merged_cells_or_uneven_rows_keeps_its_widths(shape: str) -> None:
    document, table = _fitted_table([["Party", "Contribution"], ["NAW", "Cells"], ["KSC", "Rig"]])
    if shape == "cells merged down a column":
        table.cell(1, 0).merge(table.cell(2, 0))
    else:
        table._tbl.tr_lst[2].remove(table._tbl.tr_lst[2].tc_lst[1])
    before = etree.tostring(table._tbl)
    fit_columns(document)
    assert etree.tostring(table._tbl) == before


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_every_style_names_an_east_asian_font(template: Path) -> None:
    with zipfile.ZipFile(template) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    fonts = list(styles.iter(f"{W}rFonts"))
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults is not None and defaults.get(f"{W}eastAsia")
    for each in fonts:  # a theme's East Asian font would win over it, and the theme has none
        assert each.get(f"{W}eastAsiaTheme") is None
        assert each.get(f"{W}eastAsia") == defaults.get(f"{W}eastAsia")


def test_a_chinese_name_is_shown_in_the_east_asian_font() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "platform-sharing.yaml")
    document = word(rendered[0].data)
    styles = document.styles.element
    normal = styles.find(f"{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts")
    assert normal is not None and normal.get(qn("w:eastAsia")) == "Microsoft YaHei"
    assert any("杭州" in p.text for p in document.paragraphs)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_list_items_are_aligned_left_not_justified(template: Path) -> None:
    document = word(template.read_bytes())
    assert document.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert document.styles["Clause Bullet"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT


def _keeps(table: Table) -> list[bool]:
    return [
        all(p.paragraph_format.keep_with_next for p in row.cells[0].paragraphs)
        for row in table.rows
    ]


@pytest.mark.parametrize(("rows", "whole"), [(3, True), (20, True), (60, False), (400, False)])
def test_a_table_is_kept_together_only_where_it_fits_on_a_page(rows: int, whole: bool) -> None:
    """Each row keeps with the next, as the template has it, unless the rows are taller than
    a page: kept so, the table would start on a page of its own after a mostly blank one.
    Then only the header keeps with the first row. 60 rows of three lines are taller than
    the page; 20 are not."""
    header = ["Party", "Contribution", "Acceptance"]
    row = ["NAW", "Seconded engineers", "Named engineers on site within 30 days " * 3]
    document, table = _fitted_table([header] + [row] * rows)
    for row_cells in table.rows:
        for cell in row_cells.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    fit_columns(document)
    keeps = _keeps(table)
    if whole:
        assert keeps == [True] * rows + [False]
    else:
        assert keeps == [True] + [False] * rows


def test_the_long_contributions_schedule_follows_its_clause_on_the_same_page() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    opened = word(rendered[0].data)
    schedule, shares = (
        next(t for t in opened.tables if t.rows[0].cells[0].text == first)
        for first in ("Party", "Share")
    )
    assert _keeps(schedule) == [True] + [False] * (len(schedule.rows) - 1)
    assert _keeps(shares) == [True] * (len(shares.rows) - 1) + [False]
