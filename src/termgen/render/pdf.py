"""Converting the drafts to PDF with LibreOffice, when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from termgen.errors import OfficeMissingError, PdfConversionError
from termgen.files.write import write_together

TIMEOUT_SECONDS = 300
_FALLBACK_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?DejaVuSans\b")
"""A font LibreOffice embedded as DejaVu Sans, its last resort for a font it does not have."""


def office() -> str | None:
    """The LibreOffice command, if there is one."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(documents: Sequence[Path], folder: Path, *, replace: bool) -> list[Path]:
    """PDFs of the documents in `folder`, written together like the .docx files."""
    command = office()
    if command is None:
        raise OfficeMissingError(
            "--pdf needs LibreOffice, which is not installed; the .docx drafts were written. "
            "Install it (e.g. 'apt install libreoffice-writer-nogui') or convert them in Word"
        )
    with tempfile.TemporaryDirectory(prefix="termgen-pdf-") as scratch:
        profile = Path(scratch) / "profile"
        try:
            subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    scratch,
                    *map(str, documents),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failed:
            raise PdfConversionError(
                f"LibreOffice could not convert the drafts to PDF ({failed})"
            ) from None
        converted = []
        for document in documents:
            pdf = Path(scratch) / document.with_suffix(".pdf").name
            if not pdf.exists():
                raise PdfConversionError(f"LibreOffice did not produce a PDF for {document.name}")
            converted.append((folder / pdf.name, pdf.read_bytes()))
        return write_together(converted, replace=replace)


def in_fallback_font(pdfs: Sequence[Path]) -> bool:
    """Whether LibreOffice set any of these PDFs in DejaVu Sans for want of a font a
    counsel's template names (ours name Arial, whose twin LibreOffice depends on): wider, so
    lines break elsewhere than in Word and a justified line before a long word stretches its
    spaces."""
    return any(_FALLBACK_FONT.search(path.read_bytes()) for path in pdfs)
