"""LibreOffice turns every draft into a PDF, and pypdf reads back every heading and clause
title with the number Word's numbering gives it, and each signature block whole on one page."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import EXAMPLES, run_cli
from ..docx_reading import drafted

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None and not os.environ.get("TERMGEN_REQUIRE_LIBREOFFICE"),
        reason="LibreOffice is not installed (CI installs it and sets TERMGEN_REQUIRE_LIBREOFFICE)",
    ),
]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_clause_title_reads_back_numbered_and_signatures_stay_whole(
    tmp_path: Path, example: Path
) -> None:
    result = run_cli("draft", example, "-o", tmp_path, "--pdf")
    assert result.status == 0, result.err
    draft, rendered = drafted(example)
    for document, output in zip(draft.documents, rendered, strict=True):
        pdf = tmp_path / Path(output.filename).with_suffix(".pdf")
        reader = PdfReader(pdf)
        pages = [_words(page.extract_text()) for page in reader.pages]
        text = " ".join(pages)
        for section in document.sections:
            # the numbers are Word's: the .docx text has none (test_word_craft)
            assert _words(f"{section.number}. {section.heading}") in text
            for clause in section.clauses:
                assert _words(f"{clause.number} {clause.title}") in text
        assert f"Page 1 of {len(reader.pages)}" in text
        for section in document.sections:
            for table in section.tables:  # no header word broken over two lines
                assert _words(" ".join(table.header)) in text, table.header
        if document.kind == "term_sheet":
            blocks = [count for page in pages for count in _whole_signature_blocks(page)]
            assert blocks == [1 + bool(p.second_signatory) for p in draft.deal.parties]
    assert (
        (tmp_path / rendered[0].filename.replace("term-sheet", "open-points"))
        .with_suffix(".pdf")
        .exists()
    )


def _whole_signature_blocks(page: str) -> list[int]:
    """How many sign in each signature block that starts on this page and ends on it too
    (every 'Signature:' line with its 'Date:' line)."""
    blocks = page.split("For and on behalf of")[1:]
    return [b.count("Date:") for b in blocks if b.count("Signature:") == b.count("Date:")]
