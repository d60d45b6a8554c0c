"""Text read the quick way is the text read the plain way: PDFium's functions called directly and
asked once per page for what pypdfium2 asks it twice; patterns tried only where they can match."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from termgen.their_drafts.pdf import _read
from termgen.their_drafts.text import _HYPHENATED, _INLINE_ITEM, _unhyphenated

from ..conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def _pdf_with_text(shown: bytes, to_unicode: bytes) -> bytes:
    """A one-page PDF showing `shown` in Helvetica, whose codes map to Unicode as the
    `bfchar` lines `to_unicode` say (written by hand: no PDF writer maps codes outside the
    Basic Multilingual Plane without a font that has such glyphs)."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        + to_unicode
        + b"\nendcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 24 Tf 72 700 Td (" + shown + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    table = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        table,
    )
    return bytes(out)


OUTSIDE_THE_PLANE = _pdf_with_text(
    b"AB CD", b"3 beginbfchar <41> <D835DC00> <42> <0042> <43> <D83DDE00> endbfchar"
)
"""'A' reads as MATHEMATICAL BOLD CAPITAL A, 'C' as an emoji: two UTF-16 units each, which
pypdfium2's own way reads."""


def _pdfs() -> list[bytes]:
    files = [
        *sorted((FIXTURES / "cuad" / "contracts").glob("*.pdf")),
        FIXTURES / "drafts" / "aes-open.pdf",
    ]
    return [*(path.read_bytes() for path in files), OUTSIDE_THE_PLANE]


@pytest.mark.parametrize("data", _pdfs())
def test_each_page_reads_as_pypdfium2_reads_it(data: bytes) -> None:
    document = pdfium.PdfDocument(data)
    try:
        expected = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            expected.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
    finally:
        document.close()
    assert _read(Path("draft.pdf"), data, None, None, halves=False) == expected


_LINES = st.text(alphabet=st.sampled_from("ab-\n \tZé1_"), max_size=40)


@given(_LINES)
def test_hyphens_are_joined_where_the_pattern_joins_them(text: str) -> None:
    assert _unhyphenated(text) == _HYPHENATED.sub(r"\1\2", text)


_EVERY_POSITION = re.compile(
    r"(?:(?<=\s)|^)\((?:([a-z]{1,4}|[A-Z])\)(?:\s|(?=[a-z]))|(\d{1,2})\)\s)", re.IGNORECASE
)
"""The marks of items as found by trying every position of a sentence: a letter's mark may run
into the next word ("(a)in", as extraction drops the space), a number's may not ("(1)2")."""


@example("(B)B", 0)
@example("(1)b", 0)
@example("x(a)b", 0)
@given(st.text(alphabet=st.sampled_from("(a) bB1x\n"), max_size=30), st.integers(0, 1))
def test_marks_of_items_are_found_where_trying_every_position_finds_them(
    text: str, start: int
) -> None:
    def marks(pattern: re.Pattern[str]) -> list[tuple[int, str]]:
        return [
            (found.start(), next(group for group in found.groups() if group))
            for found in pattern.finditer(text, start)
        ]

    assert marks(_INLINE_ITEM) == marks(_EVERY_POSITION)
