"""The long PDFs the checking and memory benchmarks read: CUAD agreements joined page by page
when the CUAD folder is there, else an agreement of that length written here with fpdf2.

Contains contracts from CUAD v1 by The Atticus Project (https://www.atticusprojectai.org/cuad),
CC BY 4.0; joined page by page, otherwise unchanged. The written agreement's clauses are our
own text.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from harness import CACHE

WRITTEN_VERSION = 1
"""Raise when the written agreement changes, so that cached copies are written again."""


def long_agreement(cuad: Path, pages: int) -> Path:
    """A PDF agreement of exactly `pages` pages: CUAD's joined if there, else one written."""
    if (cuad / "contracts").is_dir():
        return joined_pdf(cuad, pages)
    return written_pdf(pages)


def joined_pdf(cuad: Path, pages: int) -> Path:
    """A PDF of exactly `pages` pages of a CUAD folder's agreements, in name order (cached)."""
    from pypdf import PdfReader, PdfWriter

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
    with _written(target) as stream:
        writer.write(stream)
    return target


PARTIES = ("Northwind Cells Ltd", "Brightfield Energy GmbH")
SUBJECTS = (
    "cathode coatings",
    "cell formation",
    "pilot line tooling",
    "recycling of spent cells",
    "thermal management",
    "battery management software",
)
DUTIES = (
    "The Lead Party shall prepare a plan for {subject} and submit it to the Steering "
    "Committee no later than {days} days after the start of the work package.",
    "Each Party shall assign at least {people} qualified engineers to {subject} and shall "
    "replace any of them who leaves the project within {days} days.",
    "The Parties shall meet every {weeks} weeks to review progress on {subject}, and the Lead "
    "Party shall circulate minutes within {days} days of each meeting.",
    "Costs incurred for {subject} up to EUR {amount},000 shall be borne equally; costs above "
    "that amount require the prior written approval of both Parties.",
    "Results arising from {subject} shall be owned by the Party whose employees generated "
    "them, and the other Party shall have a non-exclusive licence to use them within the "
    "scope of this Agreement.",
    "Any delay in {subject} of more than {weeks} weeks shall be reported to the Steering "
    "Committee together with a recovery plan and a revised schedule.",
    "Samples produced for {subject} shall be delivered to the other Party's site in batches "
    "of {people} units, packed and labelled as the receiving Party reasonably directs.",
)
CORE = (
    "This Collaboration Agreement is made between {a} and {b} (each a Party, together the "
    "Parties).",
    "This Agreement takes effect on the Effective Date and shall continue for an initial "
    "term of five (5) years.",
    "Thereafter it shall renew automatically for successive periods of two (2) years unless "
    "either Party gives written notice of non-renewal at least six (6) months before the end "
    "of the then current term.",
    "Either Party may terminate this Agreement for convenience by giving twelve (12) months' "
    "prior written notice to the other Party.",
    "Either Party may terminate this Agreement with immediate effect if the other Party "
    "commits a material breach and fails to remedy it within sixty (60) days of notice.",
    "If control of either Party passes to a competitor of the other Party, the other Party "
    "may terminate this Agreement by written notice within ninety (90) days.",
    "Upon termination or expiry, each Party shall return the other Party's equipment and "
    "materials, and the Parties shall complete the work packages then in progress.",
)


def written_pdf(pages: int) -> Path:
    """A collaboration agreement of exactly `pages` pages, the same bytes on every machine."""
    from fpdf import FPDF

    target = CACHE / f"written-agreement-v{WRITTEN_VERSION}-{pages}-pages.pdf"
    if target.exists():
        return target
    draws = random.Random(pages)
    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_font("Helvetica", size=10)
    article = 0
    for page in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 6, f"Collaboration Agreement - page {page} of {pages}", align="R")
        pdf.ln(10)
        if page == 1:
            for sentence in CORE:
                pdf.multi_cell(
                    0, 5, sentence.format(a=PARTIES[0], b=PARTIES[1]), new_x="LMARGIN", new_y="NEXT"
                )
                pdf.ln(2)
        while pdf.get_y() < 225:
            article += 1
            subject = draws.choice(SUBJECTS)
            pdf.multi_cell(
                0,
                6,
                f"{article}. Work Package {article}: {subject.title()}.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            duties = draws.sample(DUTIES, 3)
            text = " ".join(
                duty.format(
                    subject=subject,
                    days=draws.choice((10, 15, 30, 45, 60)),
                    weeks=draws.choice((2, 4, 6, 8)),
                    people=draws.randint(2, 12),
                    amount=draws.randint(50, 900),
                )
                for duty in duties
            )
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    if pdf.page_no() != pages:
        raise SystemExit(f"the written agreement came to {pdf.page_no()} pages, not {pages}")
    with _written(target) as stream:
        stream.write(bytes(pdf.output()))
    return target


@contextmanager
def _written(target: Path) -> Iterator[BinaryIO]:
    """A file written under a temporary name and moved into place once complete."""
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    with partial.open("wb") as stream:
        yield stream
    partial.replace(target)
