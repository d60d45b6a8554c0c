"""Values read from real wording: lengths of time and their roles, dates, who holds a right,
the parties' defined names, the term and the renewal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from termgen.model.common import Duration
from termgen.model.meta import Party
from termgen.their_drafts.dates import dates
from termgen.their_drafts.exits import exclusivity
from termgen.their_drafts.extract import Block, Extracted
from termgen.their_drafts.parties import PartyNames, core_name, holder
from termgen.their_drafts.renewals import read_renewal
from termgen.their_drafts.terms import effective_date, initial_term, read_term
from termgen.their_drafts.text import Sentence, sentences
from termgen.their_drafts.values import best, durations


def _d(text: str) -> Duration:
    return Duration.model_validate(text)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("ninety (90) days", "90 days"),
        ("three months", "3 months"),
        ("one year", "1 year"),
        ("one hundred and eighty (180) days", "180 days"),
        ("twenty-four months", "24 months"),
        ("thirty(30) days", "30 days"),
        ("a twelve-month period", "12 months"),
        ("a 30-day period", "30 days"),
        ("two (2) year(s)", "2 years"),
        ("successive one (I) year terms", "1 year"),
        ("half a year", "6 months"),
        ("1.5 years", "18 months"),
        ("six (6) calendar months", "6 months"),
        ("sixty days' notice", "60 days"),
    ],
)
def test_lengths_of_time_as_agreements_write_them(written: str, value: str) -> None:
    assert [mention.value for mention in durations(written)] == [_d(value)]


def test_text_without_a_length_of_time_has_none() -> None:
    assert durations("") == []
    assert durations("The parties shall meet on Monday at 10 a.m. in room 12.") == []
    assert durations("a fee of USD 90,000 per year, payable in 12 instalments") == []


@pytest.mark.parametrize(
    ("sentence", "notice"),
    [
        (
            "This Agreement renews automatically unless either party gives notice no less than "
            "sixty (60) days prior to the end of the Initial Term.",
            "60 days",
        ),
        (
            "The term renews for successive one (1) year terms unless a party objects at least 6 "
            "months before the end of the then-current term.",
            "6 months",
        ),
        (
            "Thereafter this Agreement renews from year to year until terminated by either party "
            "upon thirty (30) days' prior written notice.",
            "30 days",
        ),
    ],
)
def test_the_notice_is_told_from_the_renewal_period(sentence: str, notice: str) -> None:
    found = best(sentence, "notice", least=2)
    assert found is not None and found.value == _d(notice)


def test_cure_and_notice_in_one_breach_sentence() -> None:
    sentence = (
        "If a party materially breaches this Agreement and fails to remedy the breach within "
        "ninety (90) days after written notice, the other party may terminate this Agreement "
        "upon sixty (60) days' written notice."
    )
    cure, notice = best(sentence, "cure", least=2), best(sentence, "notice", least=2)
    assert cure is not None and cure.value == _d("90 days")
    assert notice is not None and notice.value == _d("60 days")


def test_renewal_period_and_type() -> None:
    sentence = (
        "Upon expiry of the Initial Term, this Agreement shall automatically renew for "
        "successive periods of five (5) years unless a Party gives eighteen (18) months' notice."
    )
    read = read_renewal(sentence, 0)
    assert read is not None and (read.type, read.period) == ("automatic", _d("5 years"))
    mutual = read_renewal(
        "The Parties may extend this Agreement by mutual written agreement for further "
        "periods of three (3) years.",
        0,
    )
    assert mutual is not None and (mutual.type, mutual.period) == (
        "mutual_agreement",
        _d("3 years"),
    )
    option = read_renewal("Licensee may, at its option, renew this Agreement for two years.", 0)
    assert option is not None and option.type == "party_option"
    open_ended = read_renewal(
        "Thereafter this Agreement shall continue in effect until terminated by either party.", 0
    )
    assert open_ended is not None and open_ended.open_ended and open_ended.period is None


def test_dates_in_the_forms_agreements_use() -> None:
    text = (
        "made as of June 1st, 2000, ending December 31, 2000 or on 31 December 2001, signed "
        "the 15th day of May, 2002, effective 12/31/00, dated ______, 2016"
    )
    found = [(m.year, m.month, m.day) for m in dates(text)]
    assert found == [
        (2000, 6, 1),
        (2000, 12, 31),
        (2001, 12, 31),
        (2002, 5, 15),
        (2000, 12, 31),
        (2016, None, None),
    ]


def test_the_term_by_length_by_anniversary_by_date_and_open_ended() -> None:
    by_length = read_term(
        "This Agreement shall commence on the Effective Date and continue for an initial term "
        "of ten (10) years.",
        0,
    )
    assert by_length is not None and by_length.length == _d("10 years")
    by_anniversary = read_term(
        "The initial term shall end on the fifth (5th) anniversary of the Effective Date.", 0
    )
    assert by_anniversary is not None and by_anniversary.length == _d("5 years")
    by_date = read_term(
        "This Agreement shall commence on January 1, 1998 and will end on December 31, 1998.", 0
    )
    assert (
        by_date is not None
        and by_date.end is not None
        and by_date.end.date == dt.date(1998, 12, 31)
    )
    forever = read_term("The term of this Agreement continues in perpetuity.", 0)
    assert forever is not None and forever.open_ended


def test_the_expiry_is_the_effective_date_plus_the_term() -> None:
    sentences = [
        Sentence('This Agreement is dated as of March 31, 2000 (the "Effective Date").', 1, None),
        Sentence("This Agreement shall remain in effect for sixty (60) months.", 2, None),
    ]
    term = initial_term(sentences, [1])
    assert term is not None
    end = term.expiry(effective_date(sentences, term))
    assert end is not None and end.date == dt.date(2005, 3, 31)


PARTIES = [
    Party(short_name="NAW", legal_name="Nordhafen Automobilwerke AG"),
    Party(short_name="KSC", legal_name="Kyungsan Cell Systems Co., Ltd."),
]


def _names(preamble: str) -> PartyNames:
    return PartyNames.read(PARTIES, [Sentence(preamble, 1, None)])


def test_defined_party_names_are_tied_to_our_parties() -> None:
    names = _names(
        "This Agreement is made between NORDHAFEN AUTOMOBILWERKE AG, a German company (the "
        '"Licensee"), and Kyungsan Cell Systems Co. Ltd (hereinafter referred to as "Licensor").'
    )
    assert holder("Licensee may terminate this Agreement at any time.", names) == names.only("NAW")
    assert holder("This Agreement may be terminated by Licensor.", names) == names.only("KSC")
    assert holder("Either party may terminate this Agreement.", names) == names.everyone()
    assert holder("At Licensor's option, this Agreement may be renewed.", names) == names.only(
        "KSC"
    )
    assert holder("The Licensee or the Licensor may terminate.", names) == names.everyone()
    assert holder("This Agreement shall terminate on 31 December 2030.", names) is None


def test_the_short_name_as_a_defined_term() -> None:
    names = _names('Kyungsan Cell Systems Co., Ltd. ("KSC" or the "Supplier") and NAW.')
    assert holder("the Supplier may terminate for convenience", names) == names.only("KSC")
    assert holder("If the Supplier is in breach, NAW may terminate", names) == names.only("NAW")
    assert core_name("Kyungsan Cell Systems Co., Ltd.") == "Kyungsan Cell Systems"


def test_a_huge_and_odd_text_is_read_whole() -> None:
    text = "ninety (90) days prior to " * 20_000 + "(" * 5_000 + "one " * 20_000 + "_" * 5_000
    assert len(durations(text)) == 20_000
    assert dates(text) == []


def test_a_length_longer_than_any_deal_is_no_value() -> None:
    """A lease "for 500 years" or a "150th anniversary" is read as no length, not an error."""
    assert [mention.value for mention in durations("a lease for 500 years")] == []
    long_ago = read_term("The term shall end on the 150th anniversary of the founding.", 0)
    assert long_ago is None or long_ago.length is None


def _word_sentences(*paragraphs: str) -> list[Sentence]:
    blocks = tuple(Block(text, paragraph=number) for number, text in enumerate(paragraphs, 1))
    return sentences(Extracted(Path("x.docx"), "docx", blocks))


def test_a_duty_under_an_exclusivity_heading_is_exclusivity() -> None:
    names = _names("This Agreement is made between NAW and KSC.")
    read = exclusivity(
        _word_sentences(
            "Exclusivity",
            "No party enters into a cooperation with a third party on the joint activities.",
            "KSC shall buy its cells from NAW alone.",
            "Governing law",
            "Each party shall comply with the laws of Germany.",
        ),
        names,
    )
    assert [(found.sentence, found.bound) for found in read] == [
        (1, names.everyone()),
        (2, names.only("KSC")),
    ]


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "Exclusivity",
            "The partnership is not exclusive.",
            "A party that starts a cooperation with a third party tells the other party.",
        ),
        ("Exclusive remedy", "Each party shall accept a refund as its sole remedy."),
    ],
)
def test_no_exclusivity_under_a_heading_that_denies_it_or_is_about_remedies(
    paragraphs: tuple[str, ...],
) -> None:
    names = _names("This Agreement is made between NAW and KSC.")
    assert exclusivity(_word_sentences(*paragraphs), names) == []
