"""Work in a forked child: its result, its error, or its death, in the parent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fpdf import FPDF

from termgen.errors import UnreadableDraftError
from termgen.their_drafts.forked import FORKS, in_child
from termgen.their_drafts.limits import unreadable
from termgen.their_drafts.pdf import HALVED_PAGES, pdf_pages


def _died(status: int) -> RuntimeError:
    return RuntimeError(f"status {status}")


def test_the_result_and_a_located_error_come_back() -> None:
    assert (in_child(os.getpid, _died).result() != os.getpid()) == FORKS

    def refuse() -> None:
        raise unreadable(Path("their.pdf"), "the PDF is encrypted")

    with pytest.raises(UnreadableDraftError) as raised:
        in_child(refuse, _died).result()
    assert str(raised.value) == "their.pdf: the PDF is encrypted"


@pytest.mark.skipif(not FORKS, reason="a thread cannot die without its process")
def test_a_child_that_dies_is_an_error_not_a_hang() -> None:
    with pytest.raises(RuntimeError, match="status"):
        in_child(lambda: os._exit(3), _died).result(timeout=30)


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
