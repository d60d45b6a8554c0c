"""LibreOffice turns every draft into a PDF, and PDFium reads back every heading and clause
title with the number Word's numbering gives it, and each signature block whole on one page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from termgen.render.pdf import convert
from termgen.their_drafts.pdf import pdf_pages

from ..conftest import EXAMPLES, EXAMPLES_DIR, run_cli
from ..docx_reading import drafted

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.xdist_group("libreoffice"),
    pytest.mark.skipif(
        shutil.which("soffice") is None and not os.environ.get("TERMGEN_REQUIRE_LIBREOFFICE"),
        reason="LibreOffice is not installed (CI installs it and sets TERMGEN_REQUIRE_LIBREOFFICE)",
    ),
]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Path, str], Path]:
    """Every example's term sheet and governance annex as PDF, by (example, .docx name).

    One LibreOffice run converts them all: its start-up costs more than a conversion.
    """
    folder = tmp_path_factory.mktemp("pdfs")
    documents = {}
    for example in EXAMPLES:
        for document in drafted(example)[1]:
            path = folder / example.stem / document.filename
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(document.data)
            documents[example, document.filename] = path
    converted = folder / "converted"
    converted.mkdir()
    pdf_files = convert(list(documents.values()), converted, replace=False)
    return dict(zip(documents, pdf_files, strict=True))


def test_draft_with_pdf_writes_a_pdf_beside_each_docx(tmp_path: Path) -> None:
    result = run_cli("draft", EXAMPLES_DIR / "battery-jv.yaml", "-o", tmp_path, "--pdf")
    assert result.status == 0, result.err
    docx_files = sorted(p.stem for p in tmp_path.glob("*.docx"))
    assert len(docx_files) == 3 and any("open-points" in name for name in docx_files)
    assert sorted(p.stem for p in tmp_path.glob("*.pdf")) == docx_files
    for pdf in tmp_path.glob("*.pdf"):
        assert "Project Volta" in pdf_pages(pdf, pdf.read_bytes())[0]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_clause_title_reads_back_numbered_and_signatures_stay_whole(
    pdfs: dict[tuple[Path, str], Path], example: Path
) -> None:
    draft, rendered = drafted(example)
    for document, output in zip(draft.documents, rendered, strict=True):
        pdf = pdfs[example, output.filename]
        pages = [_words(page) for page in pdf_pages(pdf, pdf.read_bytes())]
        text = " ".join(pages)
        for section in document.sections:
            # the numbers are Word's: the .docx text has none (test_word_craft)
            assert _words(f"{section.number}. {section.heading}") in text
            for clause in section.clauses:
                assert _words(f"{clause.number} {clause.title}") in text
        assert f"Page 1 of {len(pages)}" in text
        for section in document.sections:
            for table in section.tables:  # no header word broken over two lines
                assert _words(" ".join(table.header)) in text, table.header
        if document.kind == "term_sheet":
            blocks = [count for page in pages for count in _whole_signature_blocks(page)]
            assert blocks == [1 + bool(p.second_signatory) for p in draft.deal.parties]


def _whole_signature_blocks(page: str) -> list[int]:
    """How many sign in each signature block that starts on this page and ends on it too
    (every 'Signature:' line with its 'Date:' line)."""
    blocks = page.split("For and on behalf of")[1:]
    return [b.count("Date:") for b in blocks if b.count("Signature:") == b.count("Date:")]
