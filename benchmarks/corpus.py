"""The long PDF the checking and memory benchmarks read: CUAD agreements, joined.

Contains contracts from CUAD v1 by The Atticus Project (https://www.atticusprojectai.org/cuad),
CC BY 4.0; joined page by page, otherwise unchanged.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

from harness import CACHE


def joined_pdf(cuad: Path, pages: int) -> Path:
    """A PDF of exactly `pages` pages of a CUAD folder's agreements, in name order (cached)."""
    target = CACHE / f"{cuad.name}-{pages}-pages.pdf"
    if target.exists():
        return target
    contracts = cuad / "contracts"
    if not contracts.is_dir():
        raise SystemExit(f"the CUAD agreements are not at {contracts}; see the README or --data")
    writer = PdfWriter()
    for source in sorted(contracts.glob("*.pdf")):
        for page in PdfReader(source).pages:
            if len(writer.pages) == pages:
                break
            writer.add_page(page)
        if len(writer.pages) == pages:
            break
    if len(writer.pages) < pages:
        raise SystemExit(f"{cuad} has fewer than {pages} pages of agreements")
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as stream:
        writer.write(stream)
    partial.replace(target)
    return target
