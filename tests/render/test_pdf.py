"""LibreOffice turns every draft into a PDF, and pypdf reads every heading and clause title back."""

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
def test_every_clause_title_reads_back_from_the_pdf(tmp_path: Path, example: Path) -> None:
    result = run_cli("draft", example, "-o", tmp_path, "--pdf")
    assert result.status == 0, result.err
    draft, rendered = drafted(example)
    for document, output in zip(draft.documents, rendered, strict=True):
        pdf = tmp_path / Path(output.filename).with_suffix(".pdf")
        reader = PdfReader(pdf)
        text = _words(" ".join(page.extract_text() for page in reader.pages))
        for section in document.sections:
            assert _words(f"{section.number}. {section.heading}") in text
            for clause in section.clauses:
                assert _words(f"{clause.number} {clause.title}") in text
        assert f"Page 1 of {len(reader.pages)}" in text
