"""What a lawyer expects of a Word draft: Word's own numbering and bullets, tables that keep
their rows and header together, signature blocks that do not split, properties of the deal.
(How LibreOffice lays them out, column widths included, is in test_pdf.py.)"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from termgen.answers.read import load_deal
from termgen.pipeline import DealRun
from termgen.render.placed import _paragraph_styles
from termgen.templating.missing import PLACEHOLDER

from ..conftest import EXAMPLES, EXAMPLES_DIR
from ..docx_reading import builtin_library, drafted, list_level, list_levels, word

TYPED_NUMBER = re.compile(r"^\s*(\d+(\.\d+)*\.?|\(?[a-z]\))\s")
TYPED_BULLET = re.compile(r"^\s*[•\-–·*]\s")
LEFTOVERS = ("python-docx", "Microsoft", "Template for termgen", "Normal.dotm", "2013-")


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_sections_and_clauses_are_numbered_by_word_not_typed(example: Path) -> None:
    draft, rendered = drafted(example)
    for document, output in zip(draft.documents, rendered, strict=True):
        opened = word(output.data)
        levels = list_levels(opened)
        numbered = [
            (paragraph.style.name, list_level(paragraph))
            for paragraph in opened.paragraphs
            if paragraph.style.name in ("Heading 1", "Heading 2") and paragraph.text != "Signatures"
        ]
        expected = len(document.sections) + sum(len(s.clauses) for s in document.sections)
        assert len(numbered) == expected
        lists = set()
        for style, level in numbered:
            assert level is not None, style
            number, depth = level
            assert depth == int(style[-1]) - 1
            assert levels[number][depth] == ("decimal", ("%1.", "%1.%2")[depth])
            lists.add(number)
        assert len(lists) == 1, "sections and clauses count on one list, so Word renumbers"
        for paragraph in opened.paragraphs:
            assert not TYPED_NUMBER.match(paragraph.text), paragraph.text
            assert not TYPED_BULLET.match(paragraph.text), paragraph.text


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_bullets_are_items_of_a_word_bullet_list(example: Path) -> None:
    draft, rendered = drafted(example)
    bullets = [
        paragraph
        for clause in draft.clauses()
        for paragraph in clause.paragraphs
        if paragraph.bullet
    ]
    items = []
    for output in rendered:
        opened = word(output.data)
        levels = list_levels(opened)
        style = opened.styles["Clause Bullet"]
        number = style.element.pPr.numPr
        assert levels[number.numId.val][number.ilvl.val][0] == "bullet"
        items += [p for p in opened.paragraphs if p.style.name == "Clause Bullet"]
    assert bullets and len(items) == len(bullets)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_table_rows_do_not_split_and_headers_repeat(example: Path) -> None:
    _, rendered = drafted(example)
    for output in rendered:
        opened = word(output.data)
        for table in opened.tables:
            rows = [row._tr for row in table.rows]
            for row in rows:
                assert row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None
            if len(table.columns) > 2:  # the data tables; the cover and signatures have none
                assert rows[0].trPr.find(qn("w:tblHeader")) is not None
                assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_a_table_keeps_its_rows_together_and_follows_its_title(example: Path) -> None:
    _, rendered = drafted(example)
    for output in rendered:
        opened = word(output.data)
        body = list(opened.element.body.iterchildren())
        for table in opened.tables:
            if len(table.columns) <= 2:  # the cover and the signatures
                continue
            keeps = [
                all(p.paragraph_format.keep_with_next for p in row.cells[0].paragraphs)
                for row in table.rows
            ]
            # Kept whole, or, longer than a page, its header kept with its first row only.
            assert keeps in (
                [True] * (len(keeps) - 1) + [False],
                [True] + [False] * (len(keeps) - 1),
            )
            if output.kind != "open_points":
                title = body[body.index(table._tbl) - 1]
                assert title.style is not None and "TableTitle" in title.style


def test_the_contributions_schedule_has_a_title_and_follows_the_clause_that_introduces_it() -> None:
    _, rendered = drafted(EXAMPLES_DIR / "incomplete-deal.yaml")
    texts = [p.text for p in word(rendered[0].data).paragraphs]
    at = texts.index("Contributions schedule")
    assert texts[at - 1].startswith("The contributing party tracks the use of each contribution")
    assert texts[at - 4] == "Contributions in executable terms"
    assert texts[at + 1] == "Contributions on the critical path"


def test_a_german_stock_corporation_signs_through_two_even_if_one_is_named() -> None:
    deal = load_deal(EXAMPLES_DIR / "edrive-jv.yaml").deal
    alone = deal.parties[0].model_copy(update={"second_signatory": None})
    assert alone.signs_through_two() and not deal.parties[1].signs_through_two()
    deal = deal.model_copy(update={"parties": [alone, *deal.parties[1:]]})
    term_sheet = DealRun(deal, builtin_library()).documents(kinds=("term_sheet",))[0]
    block = word(term_sheet.data).tables[-1].rows[0].cells[0]
    lines = [p.text for p in block.paragraphs]
    assert lines.count("Signature: ______________________________") == 2
    assert lines[-3:] == [f"Name: {PLACEHOLDER}", f"Title: {PLACEHOLDER}", lines[-1]]


def test_each_party_signs_in_a_block_that_does_not_split() -> None:
    draft, rendered = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    signatures = word(rendered[0].data).tables[-1]
    blocks = [row.cells[0] for row in signatures.rows]
    assert [block.paragraphs[0].text for block in blocks] == [
        f"For and on behalf of {party.legal_name}" for party in draft.deal.parties
    ]
    for row in signatures.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    lines = [[p.text for p in block.paragraphs] for block in blocks]
    assert [sum(line.startswith("Signature:") for line in block) for block in lines] == [2, 1]
    assert (
        "Name: Matthias Brenner" in lines[0] and "Title: Member of the Board, Finance" in lines[0]
    )
    assert "Name: Park Ji-ho" in lines[1]


def test_a_party_without_signatory_gets_one_blank_block() -> None:
    deal = load_deal(EXAMPLES_DIR / "incomplete-deal.yaml").deal
    unnamed = deal.parties[1].model_copy(update={"signatory": None})
    deal = deal.model_copy(update={"parties": [deal.parties[0], unnamed]})
    term_sheet = DealRun(deal, builtin_library()).documents(kinds=("term_sheet",))[0]
    block = word(term_sheet.data).tables[-1].rows[1].cells[0]
    assert [p.text for p in block.paragraphs] == [
        f"For and on behalf of {unnamed.legal_name}",
        "Signature: ______________________________",
        f"Name: {PLACEHOLDER}",
        f"Title: {PLACEHOLDER}",
        "Date: ______________________________",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_properties_are_the_deals_with_no_template_leftovers(example: Path) -> None:
    draft, rendered = drafted(example)
    meta = draft.deal.deal
    for document, output in zip(draft.documents, rendered, strict=True):
        properties = word(output.data).core_properties
        assert properties.title == f"{document.title} – {meta.name}"
        assert properties.version == meta.version
        assert properties.created.date() == meta.date
        assert properties.modified == properties.created
        assert (properties.author, properties.comments, properties.last_modified_by) == ("",) * 3
        with zipfile.ZipFile(io.BytesIO(output.data)) as package:
            names = package.namelist()
            metadata = [package.read(name).decode() for name in names if "docProps" in name]
        assert "docProps/thumbnail.jpeg" not in names
        assert any("<Application>termgen</Application>" in text for text in metadata)
        for leftover in LEFTOVERS:
            assert all(leftover not in text for text in metadata), leftover


def test_paragraph_styles_are_named_as_python_docx_names_them() -> None:
    _, documents = drafted(EXAMPLES_DIR / "battery-jv.yaml")
    document = word(documents[0].data)
    styles = document.styles
    styles.add_style("Unnamed Yet", WD_STYLE_TYPE.PARAGRAPH)
    styles.add_style("Char Only", WD_STYLE_TYPE.CHARACTER)
    odd = document.add_paragraph("styled by a character style")
    odd._p.style = styles["Char Only"].style_id
    document.add_paragraph("styled by a style that is not there")._p.style = "Missing"
    named = _paragraph_styles(document)
    paragraphs = document.paragraphs
    assert {"Heading 1", "Heading 2", "Normal"} <= {named(p._p) for p in paragraphs}
    assert [named(p._p) for p in paragraphs] == [p.style.name or "" for p in paragraphs]
