"""Build the bundled Word templates (templates/*.docx) from scratch with python-docx.

The .docx files are what termgen uses and what counsel restyle in Word; this script records
how the originals were made. Re-running it overwrites restyling, so counsel's own versions
belong in a folder passed with --templates instead.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

HEADER_FILL = "D9E2F3"
DRAFT_NOTICE = "Draft – subject to contract – confidential"


def _shade(cell_properties: OxmlElement, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell_properties.append(shading)


def _repeat_as_header(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)


def _field(paragraph: object, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]


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
    _repeat_as_header(header)
    _text(loop_start.cells[0], f"{{%tr for row in {rows} %}}")
    _text(body.cells[0], f"{{%tc for cell in {cells} %}}")
    _text(body.cells[1], "{{r cell }}")
    _text(body.cells[2], "{%tc endfor %}")
    _text(loop_end.cells[0], "{%tr endfor %}")
    return table


def _styles(document: Document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, size in (("Heading 1", 13), ("Heading 2", 11)):
        style = styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
        style.paragraph_format.keep_with_next = True
    table_text = styles.add_style("Table Text", 1)
    table_text.base_style = normal
    table_text.font.size = Pt(8.5)
    table_text.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    table_text.paragraph_format.space_after = Pt(0)


def _page(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    header = section.header.paragraphs[0]
    header.text = DRAFT_NOTICE
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    footer = section.footer.paragraphs[0]
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
    _text(cover.rows[2].cells[0], "{%tr endfor %}")


def _sections(document: Document) -> None:
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{{ section.number }}. {{ section.heading }}", style="Heading 1")
    document.add_paragraph("{%p for clause in section.clauses %}")
    document.add_paragraph("{{ clause.number }} {{ clause.title }}", style="Heading 2")
    document.add_paragraph("{{r clause.text }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for table in section.tables %}")
    _data_table(document, "table.rows", "row")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")


def _open_points(document: Document) -> None:
    document.add_paragraph("{%p if open_points %}")
    document.add_paragraph("{{ open_points.number }}. Open points", style="Heading 1")
    document.add_paragraph(
        "These points must be settled before the term sheet is final. Each is also marked with "
        "a comment at the section concerned."
    )
    document.add_paragraph("{%p for table in open_points.tables %}")
    _data_table(document, "table.rows", "row")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")


def _signatures(document: Document) -> None:
    document.add_paragraph("Signatures", style="Heading 1")
    document.add_paragraph("{%p for party in parties %}")
    paragraph = document.add_paragraph()
    paragraph.add_run("For and on behalf of ").bold = True
    paragraph.add_run("{{r party.legal_name }}").bold = True
    document.add_paragraph("Signature: ______________________________")
    document.add_paragraph("Name: {{r party.signatory_name }}")
    document.add_paragraph("Title: {{r party.signatory_title }}")
    document.add_paragraph("Date: ______________________________")
    document.add_paragraph("{%p endfor %}")


def build(annex: bool) -> Document:
    document = Document()
    _styles(document)
    _page(document)
    _cover(document, annex)
    _sections(document)
    if not annex:
        _open_points(document)
        _signatures(document)
    properties = document.core_properties
    properties.author = "termgen"
    properties.comments = "Template for termgen: restyle freely, keep the template tags."
    return document


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    build(annex=False).save(folder / "term-sheet.docx")
    build(annex=True).save(folder / "governance-annex.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "templates")
