"""The initial term of their draft when it is written in the kinds of wording real agreements
use: a defined end date or period, a length in contract years, the reader's own evidence
against a sentence that only looks like a term. Every sentence is our own."""

from __future__ import annotations

import datetime as dt

from termgen.model.common import Duration
from termgen.their_drafts.dates import dates
from termgen.their_drafts.terms import effective_date, initial_term, read_term
from termgen.their_drafts.text import Sentence
from termgen.their_drafts.values import durations


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(text, 1, index) for index, text in enumerate(texts)]


def _expiry(sentences: list[Sentence], hits: list[int]) -> dt.date | None:
    term = initial_term(sentences, hits)
    assert term is not None
    end = term.expiry(effective_date(sentences, term))
    return end.date if end else None


def test_lengths_with_two_words_before_the_unit() -> None:
    found = durations("for twelve (12) full calendar months, then for ten (10) Contract Years")
    assert [mention.value for mention in found] == [
        Duration(value=12, unit="months"),
        Duration(value=10, unit="years"),
    ]


def test_the_term_ends_on_an_expiration_date_defined_elsewhere() -> None:
    sentences = _sentences(
        '"Expiration Date" means June 30, 2031.',
        "This Agreement starts on the Effective Date and, unless ended earlier, shall expire on "
        "the Expiration Date.",
    )
    assert _expiry(sentences, [1]) == dt.date(2031, 6, 30)


def test_the_term_runs_for_a_period_defined_elsewhere() -> None:
    sentences = _sentences(
        "The Agreement shall begin on the Effective Date and continue for the Supply Period.",
        '"Supply Period" means 1 February 2025 through to 31 January 2028.',
    )
    assert _expiry(sentences, [0]) == dt.date(2028, 1, 31)


def test_the_readers_term_sentence_wins_over_one_that_only_looks_like_a_term() -> None:
    sentences = _sentences(
        "The services run until September 30, 2030, unless ended earlier under Section 9.",
        "Where an event of force majeure continues for a period of four (4) months after it "
        "began, the Buyer may end this Agreement.",
    )
    assert _expiry(sentences, [0]) == dt.date(2030, 9, 30)


def test_a_date_filled_into_a_blank() -> None:
    found = dates("This Agreement takes effect on __Mar. 3, 2026 (the Effective Date).")
    assert [(m.year, m.month, m.day) for m in found] == [(2026, 3, 3)]


def test_effective_on_the_later_signature_runs_from_the_last_date_signed() -> None:
    sentences = _sentences(
        'This Agreement takes effect on the later of the dates it is signed (the "Effective '
        'Date") and runs for two (2) years from the Effective Date.',
        "For the Maker: Chief Executive Date: 5/2/2023",
        "For the Seller: Managing Director Date: 5/9/2023",
    )
    assert _expiry(sentences, [0]) == dt.date(2025, 5, 9)


def test_a_term_that_runs_until_an_event_or_until_terminated_has_no_end() -> None:
    on_payment = read_term(
        "This Agreement shall end upon the Borrower's payment of the last instalment.", 0
    )
    until_terminated = read_term(
        "This Agreement takes effect on the date above and governs the parties thereafter, "
        "unless earlier terminated under Section 12.",
        0,
    )
    assert on_payment is not None and on_payment.open_ended
    assert until_terminated is not None and until_terminated.open_ended
