"""Build the bundled Word templates (templates/*.docx) from scratch with python-docx.

The .docx files are what termgen uses and what counsel restyle in Word; this script records
how the originals were made. Re-running it overwrites restyling, so counsel's own versions
belong in a folder passed with --templates instead.

Sections and clauses are numbered by Word itself (one multi-level list in numbering.xml,
linked to Heading 1 and Heading 2), so a clause inserted in Word renumbers the rest; bullets
are a Word bullet list too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

HEADER_FILL = "D9E2F3"
INDENT = 794
"""Twips (1.4 cm) from the margin to the text of a numbered heading and of the clause text."""
BULLET_INDENT = 397
"""Twips from a bullet to its text."""
BODY_FONT = "Arial"
"""Word has Arial everywhere, and LibreOffice depends on its metric twin Liberation Sans, so
a PDF made by LibreOffice breaks its lines where Word does (with Calibri, whose twin Carlito
LibreOffice only suggests, it fell back on the wider DejaVu Sans and stretched justified lines)."""
EAST_ASIAN_FONT = "Microsoft YaHei"
"""For Chinese, Japanese and Korean characters (a party's legal name, a signatory): Word
shows them in the East Asian font, which python-docx's template leaves to a theme font it
names as empty, so they came out as empty boxes. Microsoft YaHei comes with Windows and with
Office for Mac; LibreOffice substitutes an installed CJK font such as Noto Sans CJK."""
HEADINGS_LIST, BULLETS_LIST = 90, 91
"""Our ids in numbering.xml (abstract and concrete alike), clear of python-docx's own."""


def _numbering_level(level: int, text: str, style: str | None, indent: int) -> str:
    style_link = f'<w:pStyle w:val="{style}"/>' if style else ""
    kind = "bullet" if text == "•" else "decimal"
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
        f'{style_link}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{indent}"/></w:tabs>'
        f'<w:ind w:left="{indent}" w:hanging="{indent if kind == "decimal" else BULLET_INDENT}"/>'
        "</w:pPr></w:lvl>"
    )


def _numbering(document: Document) -> None:
    """Sections '1.', clauses '1.1', sub-clauses '(a)'; and one bullet list."""
    numbering = document.part.numbering_part.element
    headings = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADINGS_LIST}">'
        '<w:multiLevelType w:val="multilevel"/><w:name w:val="Sections and clauses"/>'
        + _numbering_level(0, "%1.", "Heading1", INDENT)
        + _numbering_level(1, "%1.%2", "Heading2", INDENT)
        + _numbering_level(2, "(%3)", None, 2 * INDENT).replace("decimal", "lowerLetter")
        + "</w:abstractNum>"
    )
    bullets = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{BULLETS_LIST}">'
        '<w:multiLevelType w:val="singleLevel"/><w:name w:val="Clause bullets"/>'
        + _numbering_level(0, "•", "ClauseBullet", INDENT + BULLET_INDENT)
        + "</w:abstractNum>"
    )
    # Every abstractNum comes before the first num, as the schema orders them.
    first_num = numbering.find(qn("w:num"))
    for abstract in (headings, bullets):
        first_num.addprevious(abstract)
    for list_id in (HEADINGS_LIST, BULLETS_LIST):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{list_id}">'
                f'<w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )


def _number_with(properties: OxmlElement, list_id: int, level: int) -> None:
    """Put a paragraph or a paragraph style on a level of one of our lists (0 takes it off)."""
    number = properties.get_or_add_numPr()  # type: ignore[attr-defined]
    number.get_or_add_ilvl().val = level
    number.get_or_add_numId().val = list_id


def _shade(cell_properties: OxmlElement, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell_properties.append(shading)


def _keep_row_whole(row: object, *, repeat: bool = False) -> None:
    """A row that never splits across pages; a header row also repeats on each page."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement("w:cantSplit"))
    if repeat:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        properties.append(header)


def _field(paragraph: Paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = paragraph.add_run("1")
    field.append(run._r)
    paragraph._p.append(field)


def _text(cell: object, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.style = "Table Text"
    run = paragraph.add_run(text)
    run.bold = bold


def _data_table(document: Document, rows: str, cells: str) -> Table:
    """A table whose columns and rows both come from the context (docxtpl tc/tr loops)."""
    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header, loop_start, body, loop_end = table.rows
    _text(header.cells[0], "{%tc for heading in table.header %}")
    _text(header.cells[1], "{{ heading }}", bold=True)
    _text(header.cells[2], "{%tc endfor %}")
    _shade(header.cells[1]._tc.get_or_add_tcPr(), HEADER_FILL)
    _keep_row_whole(header, repeat=True)
    _keep_row_whole(body)
    # Every row keeps with the next, so a table that fits on a page is not split after a few
    # rows; rendering lets the last row go (render/layout.py), so the table does not drag
    # what follows it along.
    for row in (header, body):
        row.cells[1].paragraphs[0].paragraph_format.keep_with_next = True
    _text(loop_start.cells[0], f"{{%tr for row in {rows} %}}")
    _text(body.cells[0], f"{{%tc for cell in {cells} %}}")
    _text(body.cells[1], "{{r cell }}")
    _text(body.cells[2], "{%tc endfor %}")
    _text(loop_end.cells[0], "{%tr endfor %}")
    return table


def _fonts(document: Document) -> None:
    """Every font setting of the styles, and the document defaults, names its fonts itself
    instead of the theme's: Word reads a theme font before a named one, so a heading styled
    Arial still showed the theme's Cambria, and the defaults' Calibri reached every style
    that names no font (headers, footers, tables)."""
    themed = [qn(f"w:{name}Theme") for name in ("ascii", "hAnsi", "eastAsia")] + [qn("w:cstheme")]
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        if fonts.get(qn("w:asciiTheme")) is not None:
            for name in ("ascii", "hAnsi", "cs"):
                fonts.set(qn(f"w:{name}"), BODY_FONT)
        for attribute in themed:
            fonts.attrib.pop(attribute, None)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for level, (name, size) in enumerate((("Heading 1", 12), ("Heading 2", 10.5))):
        style = styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
        style.paragraph_format.keep_with_next = True
        _number_with(style.element.get_or_add_pPr(), HEADINGS_LIST, level)
    clause = styles.add_style("Clause Text", 1)
    clause.base_style = normal
    clause.paragraph_format.left_indent = Pt(INDENT / 20)
    bullet = styles.add_style("Clause Bullet", 1)
    bullet.base_style = clause
    bullet.paragraph_format.space_after = Pt(3)
    # A short line of a list (an address, an item) justified is stretched across the width.
    bullet.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _number_with(bullet.element.get_or_add_pPr(), BULLETS_LIST, 0)
    table_text = styles.add_style("Table Text", 1)
    table_text.base_style = normal
    table_text.font.size = Pt(8)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    table_text.paragraph_format.space_after = Pt(0)
    table_title = styles.add_style("Table Title", 1)
    table_title.base_style = normal
    table_title.font.bold = True
    table_title.paragraph_format.left_indent = Pt(INDENT / 20)
    table_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    table_title.paragraph_format.space_before = Pt(6)
    table_title.paragraph_format.space_after = Pt(3)
    table_title.paragraph_format.keep_with_next = True
    footer = styles["Footer"]
    footer.font.size = Pt(8)
    _fonts(document)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    header = section.header.paragraphs[0]
    header.text = "{{ notice }}"
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("{{ deal.name }} · {{ title }} · Version {{ deal.version }} · Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(8)


def _cover(document: Document, annex: bool) -> None:
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ deal.name }}", style="Subtitle")
    if annex:
        document.add_paragraph(
            "Annex to the term sheet for {{ deal.name }}, version {{ deal.version }}."
        )
    cover = document.add_table(rows=3, cols=2)
    cover.style = "Table Grid"
    _text(cover.rows[0].cells[0], "{%tr for line in cover %}")
    _text(cover.rows[1].cells[0], "{{ line.label }}", bold=True)
    _shade(cover.rows[1].cells[0]._tc.get_or_add_tcPr(), HEADER_FILL)
    _text(cover.rows[1].cells[1], "{{r line.value }}")
    _keep_row_whole(cover.rows[1])
    _text(cover.rows[2].cells[0], "{%tr endfor %}")


def _numbered(document: Document, text: str, level: int) -> None:
    """A heading numbered by Word; the number is on the paragraph as well as its style, so
    it survives counsel restyling the heading."""
    paragraph = document.add_paragraph(text, style=f"Heading {level + 1}")
    _number_with(paragraph._p.get_or_add_pPr(), HEADINGS_LIST, level)


def _sections(document: Document) -> None:
    document.add_paragraph("{%p for section in sections %}")
    _numbered(document, "{{ section.heading }}", 0)
    document.add_paragraph("{%p for clause in section.clauses %}")
    _numbered(document, "{{ clause.title }}", 1)
    document.add_paragraph("{%p for paragraph in clause.paragraphs %}")
    document.add_paragraph("{%p if paragraph.bullet %}")
    document.add_paragraph("{{r paragraph.text }}", style="Clause Bullet")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("{{r paragraph.text }}", style="Clause Text")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    _titled_tables(document, "clause.tables")
    document.add_paragraph("{%p endfor %}")
    _titled_tables(document, "section.tables")
    document.add_paragraph("{%p endfor %}")


def _titled_tables(document: Document, tables: str) -> None:
    """Each table under its title, which keeps with it: after the clause that introduces it,
    or after the heading of a section without clauses."""
    document.add_paragraph(f"{{%p for table in {tables} %}}")
    document.add_paragraph("{{ table.title }}", style="Table Title")
    _data_table(document, "table.rows", "row")
    document.add_paragraph("{%p endfor %}")


def _signatures(document: Document) -> None:
    """One borderless row per party, which never splits across pages, with a block for each
    of its signatories."""
    heading = document.add_paragraph("Signatures", style="Heading 1")
    _number_with(heading._p.get_or_add_pPr(), 0, 0)
    table = document.add_table(rows=3, cols=1)
    loop_start, block, loop_end = table.rows
    _text(loop_start.cells[0], "{%tr for party in parties %}")
    _keep_row_whole(block)
    cell = block.cells[0]
    first = cell.paragraphs[0]
    first.add_run("For and on behalf of ").bold = True
    first.add_run("{{r party.legal_name }}").bold = True
    first.paragraph_format.keep_with_next = True
    # More space above a party than above each of its signatories, so that a party's block
    # does not run on from the last date line of the party before it.
    first.paragraph_format.space_before = Pt(36)
    for text in (
        "{%p for signatory in party.signatories %}",
        "Signature: ______________________________",
        "Name: {{r signatory.name }}",
        "Title: {{r signatory.title }}",
        "Date: ______________________________",
        "{%p endfor %}",
    ):
        paragraph = cell.add_paragraph(text)
        paragraph.paragraph_format.keep_with_next = True
        if text.startswith("Signature"):
            paragraph.paragraph_format.space_before = Pt(24)
    _text(loop_end.cells[0], "{%tr endfor %}")


def _open_points(document: Document) -> None:
    document.add_paragraph("{{ title }}", style="Title")
    document.add_paragraph("{{ deal.name }}", style="Subtitle")
    document.add_paragraph(
        "These points must be settled before the term sheet for {{ deal.name }}, version "
        "{{ deal.version }}, is final. Each is also a comment in the draft where it applies, "
        "and each names the question of the interview that settles it."
    )
    document.add_paragraph("{%p if points %}")
    document.add_paragraph("{%p for table in points %}")
    _data_table(document, "table.rows", "row")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("None: every answer is given and no check finds a gap.")
    document.add_paragraph("{%p endif %}")


def _without_leftovers(document: Document) -> None:
    """No thumbnail of python-docx's own template; properties are set when a draft is made."""
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]
    properties = document.core_properties
    properties.author = properties.comments = properties.last_modified_by = ""


def build(kind: str) -> Document:
    document = Document()
    _styles(document)
    _numbering(document)
    _page(document)
    if kind == "open-points":
        _open_points(document)
    else:
        _cover(document, annex=kind == "governance-annex")
        _sections(document)
    if kind == "term-sheet":
        _signatures(document)
    _without_leftovers(document)
    return document


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for kind in ("term-sheet", "governance-annex", "open-points"):
        build(kind).save(folder / f"{kind}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "templates")
