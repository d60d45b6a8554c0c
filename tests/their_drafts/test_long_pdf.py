"""A long PDF read by two processes, a half each: the same pages, in order, one progress line;
and a draft read by a process begun before checking imports anything: the same text, the same
errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from termgen.errors import UnreadableDraftError
from termgen.their_drafts.extract import extract
from termgen.their_drafts.pdf import HALVED_PAGES, pdf_pages
from termgen.their_drafts.reading import extract_soon

from ..draft_fixtures import SOURCES, build_docx


def _long_pdf(pages: int = HALVED_PAGES + 6) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 7, f"This is page {number} of the agreement between the parties.")
    return bytes(pdf.output())


def test_a_long_pdf_read_in_halves_keeps_its_pages_in_order(tmp_path: Path) -> None:
    data = _long_pdf()
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


def test_a_draft_read_from_the_start_is_the_draft_extract_reads(tmp_path: Path) -> None:
    long = tmp_path / "long.pdf"
    long.write_bytes(_long_pdf())
    drafts = [long, SOURCES / "aes-open.pdf", build_docx("mou", tmp_path)]
    for draft in drafts:
        assert extract_soon(draft).result(timeout=60) == extract(draft), draft.name


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("missing.pdf", "no such file"),
        ("aes-password.pdf", "encrypted with a password"),
        ("bomb.pdf", "larger than termgen reads"),
        ("empty.pdf", "damaged or not a PDF"),
    ],
)
def test_a_draft_read_from_the_start_fails_as_extract_fails(
    name: str, error: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The error comes with the result (after the provisions are loaded, as before)."""
    monkeypatch.setattr("termgen.their_drafts.pdf.LARGEST_UNPACKED", 10)
    source = SOURCES / name
    draft = tmp_path / name
    if name == "bomb.pdf":
        draft.write_bytes(_long_pdf(1))  # more than 10 bytes of page content, unpacked
    elif name == "empty.pdf":
        draft.write_bytes(b"")
    elif source.exists():
        draft.write_bytes(source.read_bytes())
    with pytest.raises(UnreadableDraftError, match=error):
        extract(draft)
    running = extract_soon(draft)
    with pytest.raises(UnreadableDraftError, match=error):
        running.result(timeout=60)
