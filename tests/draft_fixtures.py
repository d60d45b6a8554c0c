"""Self-made drafts for the foreign-draft checker, built from readable sources at test time.

A source line starting with '# ' is a heading; '| a | b' is a table row (in Word) or a
'a: b' line (in PDF). PDFs get a running header and 'Page X of Y' footers, as real drafts do.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

SOURCES = Path(__file__).resolve().parent / "fixtures" / "drafts"
RUNNING_HEADER = "Confidential - Execution Draft"


class _Draft(FPDF):  # type: ignore[misc]
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, RUNNING_HEADER, align="R")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", size=8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def source_lines(name: str) -> list[str]:
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()


def pdf_bytes(lines: list[str]) -> bytes:
    """A real PDF of the given lines, via fpdf2."""
    pdf = _Draft()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in lines:
        heading = line.startswith("# ")
        pdf.set_font("Helvetica", style="B" if heading else "", size=12)
        text = line.removeprefix("# ")
        if line.startswith("| "):
            label, _, value = line[2:].partition(" | ")
            text = f"{label}: {value}"
        pdf.multi_cell(0, 7, text.encode("latin-1", "replace").decode("latin-1"))
        pdf.ln(3)
    return bytes(pdf.output())


def build_pdf(name: str, folder: Path) -> Path:
    target = folder / f"{name}.pdf"
    target.write_bytes(pdf_bytes(source_lines(name)))
    return target


def build_docx(name: str, folder: Path) -> Path:
    return write_docx(source_lines(name), folder / f"{name}.docx")


def write_docx(lines: list[str], target: Path) -> Path:
    """A real Word document of the given lines, via python-docx."""
    document = docx.Document()
    table = None
    for line in lines:
        if line.startswith("| "):
            cells = line[2:].split(" | ")
            if table is None:
                table = document.add_table(rows=0, cols=len(cells))
            for cell, text in zip(table.add_row().cells, cells, strict=True):
                cell.text = text
            continue
        table = None
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        else:
            document.add_paragraph(line)
    document.save(str(target))
    return target


def encrypted_copy(pdf: Path, target: Path, password: str = "secret") -> Path:
    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def scanned_pdf(target: Path) -> Path:
    """A PDF whose pages carry only drawings, as a scan without OCR carries only images."""
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        for row in range(20):
            pdf.rect(20, 20 + row * 12, 170, 6, style="F")
    target.write_bytes(bytes(pdf.output()))
    return target
