"""A long PDF read by two processes, from both ends until they meet: the same pages, in
order, one progress line; and a draft read by a process begun before checking imports
anything: the same text, the same errors."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from fpdf import FPDF

from termgen.errors import UnreadableDraftError
from termgen.their_drafts import pdf as pdf_module
from termgen.their_drafts.extract import extract
from termgen.their_drafts.pdf import HALVED_PAGES, _from_both_ends, pdf_pages
from termgen.their_drafts.reading import extract_soon

from ..draft_fixtures import SOURCES, build_docx


def _long_pdf(pages: int = HALVED_PAGES + 6, blank: Iterable[int] = ()) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        if number not in blank:
            lines = 1 + number % 7  # pages of unequal length, as in agreements
            text = f"This is page {number} of the agreement between the parties. " * lines
            pdf.multi_cell(0, 7, text)
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


@pytest.mark.parametrize(
    ("pages", "blank"),
    [
        (1, ()),
        (HALVED_PAGES - 1, ()),
        (HALVED_PAGES, ()),
        (HALVED_PAGES + 1, ()),
        (HALVED_PAGES + 1, (1, 20, 21, HALVED_PAGES + 1)),
    ],
)
def test_pages_read_from_both_ends_are_the_pages_one_reader_reads(
    pages: int, blank: tuple[int, ...], tmp_path: Path
) -> None:
    data = _long_pdf(pages, blank)
    one_reader = pdf_pages(tmp_path / "long.pdf", data)
    assert pdf_pages(tmp_path / "long.pdf", data, halves=True) == one_reader
    assert len(one_reader) == pages
    assert [text.strip() == "" for text in one_reader] == [n in blank for n in range(1, pages + 1)]


def _reading(died: Callable[[int], bool]) -> Callable[..., list[str]]:
    """Pages read as their numbers, slowly from the front (so that the copy reading from the
    back has pages left to take); that copy ends at once at a page where `died(page)`."""
    parent = os.getpid()

    def read(numbers: Iterable[int], slot: int, show: object) -> list[str]:
        texts = []
        for number in numbers:
            if slot == 1 and os.getpid() != parent and died(number):
                os._exit(1)
            if slot == 0:
                time.sleep(0.002)
            texts.append(str(number))
        return texts

    return read


@pytest.mark.parametrize("pages", [1, 2, HALVED_PAGES, 301])
def test_every_page_is_read_once_from_both_ends(pages: int) -> None:
    assert _from_both_ends(_reading(lambda _: False), pages, None) == list(map(str, range(pages)))


@pytest.mark.parametrize("dies_at", [0, 10, 44])
def test_the_pages_of_a_reader_that_died_are_read_after_it(dies_at: int) -> None:
    """Those it had taken and read, and those it had not taken yet."""
    pages = HALVED_PAGES + 5
    read = _reading(lambda number: number == pages - 1 - dies_at)
    assert _from_both_ends(read, pages, None) == list(map(str, range(pages)))


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
        ("empty.pdf", "the file is empty"),
        ("header-only.pdf", "damaged or not a PDF"),
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
    elif name == "header-only.pdf":
        draft.write_bytes(b"%PDF-1.7\n")
    elif source.exists():
        draft.write_bytes(source.read_bytes())
    with pytest.raises(UnreadableDraftError, match=error):
        extract(draft)
    running = extract_soon(draft)
    with pytest.raises(UnreadableDraftError, match=error):
        running.result(timeout=60)


def test_a_pdf_too_slow_to_read_is_refused_without_being_read_again_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reading processes (a half each) stop at the time limit, and their error is this
    process's: read again here, a draft at the limit took three to four times the limit."""
    monkeypatch.setattr("termgen.their_drafts.limits.READING_SECONDS", 0.0)
    parent, read_here = os.getpid(), []
    reading = pdf_module._texts

    def texts(*args: object, **kwargs: object) -> list[str]:
        if os.getpid() == parent:
            read_here.append(True)
        return reading(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_module, "_texts", texts)
    draft = tmp_path / "long.pdf"
    draft.write_bytes(_long_pdf())
    with pytest.raises(UnreadableDraftError, match="s of processor time to read"):
        extract_soon(draft).result(timeout=60)
    assert read_here == []


def test_a_reading_process_the_system_stops_makes_the_draft_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of memory, or PDFium crashed by the file: tried again here, it would stop termgen."""
    parent = os.getpid()
    reading = pdf_module.unpacked_pages

    def killed(*args: object, **kwargs: object) -> list[str]:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return reading(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_module, "unpacked_pages", killed)
    draft = tmp_path / "long.pdf"
    draft.write_bytes(_long_pdf())
    with pytest.raises(UnreadableDraftError) as refused:
        extract_soon(draft).result(timeout=60)
    assert str(refused.value).startswith(
        f"{draft}: reading it stopped the reading process (SIGKILL), most likely for lack of memory"
    )
