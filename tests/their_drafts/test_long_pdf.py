"""A long PDF read by two processes, a half each: the same pages, in order, one progress line."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from termgen.their_drafts.pdf import HALVED_PAGES, pdf_pages


def test_a_long_pdf_read_in_halves_keeps_its_pages_in_order(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(1, HALVED_PAGES + 6):
        pdf.add_page()
        pdf.multi_cell(0, 7, f"This is page {number} of the agreement between the parties.")
    data = bytes(pdf.output())
    shown: list[tuple[int, int]] = []
    halved = pdf_pages(
        tmp_path / "long.pdf", data, progress=lambda *at: shown.append(at), halves=True
    )
    assert halved == pdf_pages(tmp_path / "long.pdf", data)
    assert [f"page {number} of" in text for number, text in enumerate(halved, 1)] == [True] * len(
        halved
    )
    assert shown[-1] == (len(halved), len(halved))
    assert [done for done, _ in shown] == sorted(done for done, _ in shown)
