"""The long PDF the checking and memory benchmarks read: agreements from cuad-dev, joined.

Contains contracts from CUAD v1 by The Atticus Project (https://www.atticusprojectai.org/cuad),
CC BY 4.0; joined page by page, otherwise unchanged.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

from harness import CACHE, SHARED

CONTRACTS = SHARED / "cuad-dev" / "contracts"


def joined_pdf(pages: int) -> Path:
    """A PDF of exactly `pages` pages from the cuad-dev agreements in name order (cached)."""
    target = CACHE / f"cuad-dev-{pages}-pages.pdf"
    if target.exists():
        return target
    if not CONTRACTS.is_dir():
        raise SystemExit(f"the CUAD agreements are not at {CONTRACTS}; see the README")
    writer = PdfWriter()
    for source in sorted(CONTRACTS.glob("*.pdf")):
        for page in PdfReader(source).pages:
            if len(writer.pages) == pages:
                break
            writer.add_page(page)
        if len(writer.pages) == pages:
            break
    if len(writer.pages) < pages:
        raise SystemExit(f"cuad-dev has fewer than {pages} pages of agreements")
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as stream:
        writer.write(stream)
    partial.replace(target)
    return target
