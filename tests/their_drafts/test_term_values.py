"""The initial term of their draft when it is written in the kinds of wording real agreements
use: a defined end date or period, a length in contract years, the reader's own evidence
against a sentence that only looks like a term. Every sentence is our own."""

from __future__ import annotations

import datetime as dt

import pytest

from termgen.model.common import Duration
from termgen.their_drafts.dates import dates
from termgen.their_drafts.terms import TermRead, effective_date, initial_term, read_term
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


def test_dates_written_day_first_run_into_a_word_or_around_an_empty_blank() -> None:
    def read(text: str) -> list[tuple[int, int | None, int | None]]:
        return [(m.year, m.month, m.day) for m in dates(text)]

    assert read("Signed in Perth. Dated 14/7/21.") == [(2021, 7, 14)]
    assert read("This Agreement is made and effective as of3 March 2024.") == [(2024, 3, 3)]
    assert read("made this 2nd day of -- June, 2022 between") == [(2022, 6, 2)]
    assert read("the later of the first harvest and the last day of February, 2028") == [
        (2028, 2, 29)
    ]
    assert read("This Lease Agreement is made as of , 2019, between") == [(2019, None, None)]


def test_ordinals_whose_s_text_recognition_read_as_a_5() -> None:
    def read(text: str) -> list[tuple[int, int | None, int | None]]:
        return [(m.year, m.month, m.day) for m in dates(text)]

    assert read('"Term" means: 1.5t January 2013 to 315t December 2013.') == [
        (2013, 1, 1),
        (2013, 12, 31),
    ]
    assert read("until 215t March 2030") == [(2030, 3, 21)]
    # a 15th that lost its 'h' is no 1st, and 5t after a day that needs no 'st' is no ordinal
    assert read("until 15t March 2030") == [(2030, 3, None)]
    assert read("until 25t March 2030") == [(2030, 3, None)]
    sentences = _sentences(
        '"Term" means: 1.5t January 2013 to 315t December 2013 or until terminated under the '
        "provisions of this Agreement."
    )
    assert _expiry(sentences, [0]) == dt.date(2013, 12, 31)


def test_the_date_the_agreement_is_made_on_wins_over_a_heading_date() -> None:
    sentences = _sentences(
        "Form revised March 2020. MASTER SUPPLY AGREEMENT",
        "This Agreement is made on the 9th day of June 2021 between the Maker and the Seller.",
        "This Agreement shall continue for two (2) years unless ended earlier.",
    )
    assert _expiry(sentences, [2]) == dt.date(2023, 6, 9)


def test_a_start_the_agreement_calls_its_effective_date_in_words() -> None:
    sentences = _sentences(
        "April 30, 2024. Services Agreement. This Agreement is entered into as of the 12th day of "
        "May, 2024 (hereinafter referred to as the effective date of the Agreement).",
        "This Agreement shall remain in force for three (3) years unless ended earlier.",
    )
    assert _expiry(sentences, [1]) == dt.date(2027, 5, 12)


def test_a_term_until_the_end_of_the_current_calendar_year() -> None:
    sentences = _sentences(
        "This Agreement is dated 3 March 2025.",
        "This Agreement begins on the date it is signed and remains in force until the end of "
        "the current calendar year, and then renews for one (1) year at a time.",
    )
    assert _expiry(sentences, [1]) == dt.date(2025, 12, 31)


def test_a_term_measured_from_an_event_has_no_end_date() -> None:
    sentences = _sentences(
        'This Agreement is dated 1 July 2026 (the "Effective Date").',
        "The term of this Agreement is three (3) years from the First Product Approval, unless "
        "ended earlier.",
    )
    term = initial_term(sentences, [1])
    assert term is not None
    assert term.length == Duration(value=3, unit="years")
    assert term.from_event == "the First Product Approval"
    assert term.expiry(effective_date(sentences, term)) is None
    from_start = read_term("The term is three (3) years from the Effective Date.", 0)
    assert from_start is not None and from_start.from_event is None
    on_which = read_term("The term is four (4) years from the date on which the site goes live.", 0)
    assert on_which is not None and on_which.from_event == "the date on which the site goes live"


@pytest.mark.parametrize(
    ("anchor", "event"),
    [
        ("the Start of Production", "the Start of Production"),
        ("the start of series production", "the start of series production"),
        ("the Start Date", None),
        ("the start of this Agreement", None),
        ("the start of the Term", None),
    ],
)
def test_a_start_is_the_agreements_own_only_as_its_start_date_or_start(
    anchor: str, event: str | None
) -> None:
    term = read_term(f"The supply term is ten (10) years from {anchor}.", 0)
    assert term is not None and term.length == Duration(value=10, unit="years")
    assert term.from_event == event


def test_a_term_from_the_date_hereof_runs_from_the_date_the_agreement_is_dated() -> None:
    sentences = _sentences(
        "This Agreement is dated 20 September 2022.",
        '"Effective Date" means 1 October 2022, when the first shipment is due.',
        "The term of this Agreement ends on the fifth anniversary of the date hereof.",
    )
    assert _expiry(sentences, [2]) == dt.date(2027, 9, 20)


def test_a_length_given_as_a_period_commencing_on_the_effective_date() -> None:
    sentences = _sentences(
        'This Agreement is effective as of 5 May 2025 (the "Effective Date").',
        "The term of this Agreement starts on the Effective Date and ends at the end of the "
        "Exclusivity Period (that is, a two (2) year period commencing on the Effective Date).",
    )
    assert _expiry(sentences, [1]) == dt.date(2027, 5, 5)


def test_a_defined_period_read_past_a_full_stop_after_its_month() -> None:
    sentences = _sentences(
        "The Agreement begins on the Effective Date and continues for the Service Period.",
        '"Service Period" means Sept.',
        "1st 2023 through to August 31, 2024.",
    )
    assert _expiry(sentences, [0]) == dt.date(2024, 8, 31)


def test_an_effective_date_set_by_the_signatures_shown_below() -> None:
    sentences = _sentences(
        "This Agreement shall continue for two (2) years from the Effective Date.",
        "The Effective Date of this Agreement shall be the later of the dates shown by the "
        "signatures below.",
        "For the Host: Date: 4-2-24 For the Client: Date: 4-11-24",
    )
    assert _expiry(sentences, [0]) == dt.date(2026, 4, 11)


def test_a_commencement_date_stated_for_the_contract() -> None:
    sentences = _sentences(
        "Signed in Leeds on 2 May 2024.",
        "The commencement date for this contract will be 1st July 2024.",
        "The initial term of the contract is 4 years from the commencement date.",
    )
    assert _expiry(sentences, [2]) == dt.date(2028, 7, 1)


def test_the_initial_period_not_the_renewal_period_is_the_term() -> None:
    term = read_term(
        "After the initial period of three years, the licence shall be automatically renewed "
        "for a period of one year at a time, unless either party ends it.",
        0,
    )
    assert term is not None and term.length == Duration(value=3, unit="years")


@pytest.mark.parametrize(
    ("defined", "signatures"),
    [
        (
            '"Commencement Date" means the date of last signature on this Agreement.',
            "Signed for the Maker Date: Date: 6-3-2025 6-10-2025 Signed for the Dealer",
        ),
        (
            'This Agreement takes effect on the date of signed acceptance ("Effective Date") '
            "by the Dealer.",
            "Maker Date: 3 June 2025 Dealer Date: 6/10/25",
        ),
        (
            "This Agreement becomes effective upon the completion of the execution by both "
            'Parties (the "Effective Date").',
            "[signed electronically by the Maker on 3 June 2025] [signed electronically by "
            "the Dealer on 10 June 2025]",
        ),
        (
            'Starting on the first anniversary of the signing of this Agreement ("Effective '
            'Date"), prices rise by two per cent a year.',
            "Managing Director Sales Director 06/03/2025 06/10/2025 Date Date",
        ),
    ],
)
def test_an_effective_date_set_by_the_last_signature_in_a_signature_table(
    defined: str, signatures: str
) -> None:
    sentences = _sentences(
        "The Agreement shall run for a period of one (1) year from the Effective Date.",
        defined,
        signatures,
    )
    assert _expiry(sentences, [0]) == dt.date(2026, 6, 10)


def test_a_filing_stamp_on_the_page_is_not_the_agreements_date() -> None:
    sentences = _sentences(
        "Source: MAKER HOLDINGS INC, 10-Q, 11/14/2024 "
        '"Effective Date" means the date of last signature on this Agreement.',
        "This Agreement shall continue for a period of two (2) years from the Effective Date.",
        "For the Maker Date: 9/2/2024 For the Dealer Date: 9/5/2024",
        "Source: MAKER HOLDINGS INC, 10-Q, 11/14/2024",
    )
    assert _expiry(sentences, [1]) == dt.date(2026, 9, 5)
    assert effective_date(_sentences("Source: MAKER HOLDINGS INC, 10-Q, 11/14/2024")) is None


def test_a_table_of_terms_gives_the_end_in_its_termination_date_row() -> None:
    sentences = _sentences(
        "The terms of the supply to which this confirmation relates are as follows:\n"
        "Trade Date: 12 March 2025\nEffective Date 1 April 2025\n"
        "Termination Date: 1 April 2028\nCalculation Agent: the Seller",
        "Payments fall due from and including 15 May 2025 up to and including 15 March 2028.",
    )
    assert _expiry(sentences, [1]) == dt.date(2028, 4, 1)


def test_a_length_from_the_effective_date_that_a_table_calls_the_contract_start() -> None:
    sentences = _sentences(
        "Licence agreement signed in Cologne on 3/20/25.",
        "The term of this Agreement shall continue for twenty-four (24) months with the "
        'effective date ("Initial Term").',
        "2 TERMS\n2.1 Contract start: 04-01-25\n2.2 Contract end: 04-01-27",
    )
    assert _expiry(sentences, [1]) == dt.date(2027, 4, 1)


def test_a_start_the_agreement_says_it_takes_effect_on_over_the_date_at_its_head() -> None:
    sentences = _sentences(
        "Service contract for the test benches dated 12 March 2025",
        "It shall be effective on 1 April 2025 and shall have a duration of two years.",
        "After the initial period of two years, this service contract shall be renewed "
        "for one year at a time unless either party ends it by registered letter.",
    )
    assert _expiry(sentences, [1, 2]) == dt.date(2027, 4, 1)


def test_a_length_runs_from_the_start_given_with_it_not_an_earlier_periods() -> None:
    term = read_term(
        "The set-up period shall be for two (2) months to commence on 3 March 2025, and the "
        "rest of the term shall be for twenty-four (24) months to commence on the planned "
        "launch date of May 5, 2025.",
        0,
    )
    assert term is not None and term.length == Duration(value=24, unit="months")
    assert term.start is not None and term.start.date == dt.date(2025, 5, 5)
    ending = read_term(
        "This Agreement runs for two (2) years starting on 1 June 2025 and ending on 31 May 2027.",
        0,
    )
    assert ending is not None and ending.start is not None and ending.end is not None
    assert (ending.start.date, ending.end.date) == (dt.date(2025, 6, 1), dt.date(2027, 5, 31))


def test_a_deadline_the_agreement_names_its_start_is_not_the_end_of_the_term() -> None:
    term = read_term(
        "The term of this Agreement becomes effective upon approval of the vehicle type no later "
        'than 2 September 2025 (such date, the "Effective Date") and shall end upon the '
        "termination of the Agreement under Section 11.",
        0,
    )
    assert term is not None and term.end is None and term.open_ended


def _open_ended(sentences: list[Sentence], hits: list[int]) -> bool:
    term = initial_term(sentences, hits)
    return term is not None and term.open_ended


def test_a_term_set_only_by_the_events_or_notice_that_end_it_is_open_ended() -> None:
    assert _open_ended(
        _sentences(
            "The Supplier shall keep the tooling insured.",
            "This Agreement shall terminate (a) at the option of either party, upon 90 days' "
            "written notice; or (b) on a material breach not cured within ten days of notice.",
        ),
        [],
    )
    assert _open_ended(
        _sentences(
            "This rebate will stay in effect until the Dealer sells 500 vehicles or for at most "
            "5 years.",
            "This Agreement shall terminate, subject to any extension required by law, upon "
            "either party giving at least 120 days' written notice.",
        ),
        [],
    )


def test_a_length_given_only_in_a_proviso_leaves_the_term_open_ended() -> None:
    term = read_term(
        "This Agreement shall begin on the Effective Date and continue until the termination "
        "of the Framework Agreement; provided, however, that if the Buyer makes an exit "
        "election under the Framework Agreement, this Agreement shall terminate 36 months "
        "after such election.",
        0,
    )
    assert term is not None and term.open_ended and term.length is None


def test_an_agreement_that_cannot_be_ended_over_a_period_for_one_obligation() -> None:
    assert _open_ended(
        _sentences(
            "For a period of six (6) months after the Effective Time, the Seller shall on "
            "request continue to provide copies of the drawings.",
            "The provisions of this Agreement, including the licences, shall not be terminable "
            "for any reason.",
        ),
        [],
    )


def test_the_maturity_and_settlement_dates_of_securities_are_not_the_term() -> None:
    assert _open_ended(
        _sentences(
            "Upon a successful remarketing, the Stated Maturity of the Notes will, effective "
            "May 1, 2031, be adjusted to December 15, 2034.",
            "This Remarketing Agreement shall terminate (i) if the remarketing fails or (ii) on "
            "the resignation of the Remarketing Agent.",
        ),
        [],
    )
    assert _open_ended(
        _sentences(
            "Term Sheet Maturity Date: June 5, 2031 Pricing Date: March 1, 2031 Distribution "
            "Dates: March 15, 2031 for the period from the settlement date to and including "
            "March 14, 2031.",
            "This Agreement shall terminate (i) the Business Day after the Remarketing "
            "Settlement Date or (ii) on the resignation of the Remarketing Agent.",
        ),
        [0],
    )


def test_a_term_that_will_not_end_until_an_event_over_its_shortest_length() -> None:
    assert _open_ended(
        _sentences(
            "The term of this Agreement will begin on the Launch Date and will not end until "
            "the Supplier has delivered 10,000 units of the Parts.",
            "Regardless of deliveries, the term of this Agreement will not be shorter than two "
            "(2) years after the first delivery.",
        ),
        [0, 1],
    )


def test_the_length_of_the_engagement_an_agreement_makes_is_its_term() -> None:
    sentences = _sentences(
        "This Consulting Agreement is made this 2nd day of March, 2024 by and between Vale "
        "Motors Inc. and Ann Reyes.",
        "ENGAGEMENT The Company agrees to a one year engagement of the Consultant to advise on "
        "its dealer network.",
        "The Company will grant options to the Consultant which will be restricted for two "
        "years from issuance.",
    )
    assert _expiry(sentences, [1, 2]) == dt.date(2025, 3, 2)
    lasts = read_term("The Consultant's engagement shall be for a period of six (6) months.", 0)
    assert lasts is not None and lasts.length == Duration(value=6, unit="months")
    # engagements counted in a year are no length of the agreement
    assert read_term("The Speaker will be limited to six speaking engagements a year.", 0) is None


def test_a_date_later_in_the_list_a_term_ends_with_the_later_of_is_its_end() -> None:
    sentences = _sentences(
        'The term of this Agreement shall commence as of April 1, 2026 (the "Effective Date") '
        "and shall expire upon the later of: (a) the conclusion of the 2030 racing season and "
        "(b) the last day in February, 2031, unless sooner terminated.",
    )
    assert _expiry(sentences, [0]) == dt.date(2031, 2, 28)
    earlier = read_term(
        "This Agreement shall terminate on the earlier of (i) the termination of the Supply "
        "Agreement or (ii) December 31, 2029.",
        0,
    )
    assert earlier is not None and earlier.end is not None
    assert earlier.end.date == dt.date(2029, 12, 31)
    # a payment due on the later of two days says nothing of the term's end
    due = read_term(
        "The fee of this Agreement is due on the later of (a) delivery and (b) March 1, 2027.", 0
    )
    assert due is None or due.end is None


def test_an_extension_this_agreement_makes_from_its_own_date_is_its_term() -> None:
    sentences = _sentences(
        "This Maintenance Agreement is entered into as of June 2, 2025, between Orbis Ltd and "
        "Kel Motors Inc.",
        "WHEREAS, the previous maintenance agreement expired on March 31, 2025.",
        "EXTENSION. As of the date of this Agreement, Orbis shall maintain the software for an "
        "additional three years.",
    )
    assert _expiry(sentences, [2]) == dt.date(2028, 6, 2)
    # an additional period after the initial term is a renewal, not the term
    renewal = read_term(
        "After the Initial Term, this Agreement renews for an additional three years unless "
        "either party objects.",
        0,
    )
    assert renewal is None or renewal.length is None
    from_date = read_term(
        "From the date of this Agreement, the Term renews automatically for additional one year "
        "periods unless either party objects.",
        0,
    )
    assert from_date is None or from_date.length is None


def test_a_term_from_an_event_runs_from_the_day_the_agreement_expects_it() -> None:
    def expiry(expectation: str) -> dt.date | None:
        return _expiry(
            _sentences(
                'This Agreement is dated 1 July 2026 (the "Effective Date").',
                "The term of the cooperation will be four years from the date on which the "
                "portal is launched.",
                expectation,
            ),
            [1],
        )

    assert expiry("The portal is expected to be launched on September 1, 2026.") == dt.date(
        2030, 9, 1
    )
    assert expiry("The launch of the portal is scheduled for 1 October 2026.") == dt.date(
        2030, 10, 1
    )
    # a day expected for something else, or a deadline, is not the event's
    assert expiry("The first invoice is expected on September 1, 2026.") is None
    assert expiry("The portal must be launched no later than September 1, 2026.") is None


def test_contract_years_counted_from_a_commencement_date_set_by_an_event() -> None:
    def term_with(commencement: str, counted_from: str = "the Commencement Date") -> TermRead:
        sentences = _sentences(
            'This Transportation Agreement is entered into on March 2, 2026 (the "Effective '
            'Date") by and between Delta Pipeline LLC and Kel Gas Inc.',
            commencement,
            f'"Contract Year" shall mean a period commencing at 9:00 a.m., Central Clock Time, '
            f"on {counted_from} and ending at 9:00 a.m. on the same day of the following "
            "calendar year.",
            "This Agreement shall commence on the Effective Date and continue in full force and "
            "effect until the end of the tenth (10th) Contract Year.",
        )
        term = initial_term(sentences, [3])
        assert term is not None and term.length == Duration(value=10, unit="years")
        return term

    by_event = term_with(
        '"Commencement Date" shall be the first day of the Month following the date the '
        "Carrier notifies the Shipper that the System is operational."
    )
    assert by_event.from_event == "the Commencement Date" and by_event.start is None
    by_date = term_with('"Commencement Date" means June 1, 2026.')
    assert by_date.start is not None and by_date.start.date == dt.date(2026, 6, 1)
    # contract years counted from the Effective Date run from the agreement's own start
    from_start = term_with("The parties shall meet monthly.", "the Effective Date")
    assert from_start.from_event is None and from_start.start is None
