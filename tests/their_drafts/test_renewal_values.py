"""Which sentence of their draft gives the renewal and the notice that stops it, when several
speak of renewal: each case is a kind of wording real agreements use, in our own words."""

from __future__ import annotations

from termgen.model.common import Duration
from termgen.their_drafts.renewals import renewal, renewal_notice
from termgen.their_drafts.text import Sentence
from termgen.their_drafts.values import best, durations


def _d(text: str) -> Duration:
    return Duration.model_validate(text)


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(text, 1, index) for index, text in enumerate(texts)]


def test_the_notice_that_stops_the_renewal_wins_over_a_notice_of_a_price_change() -> None:
    sentences = _sentences(
        "During any renewal term the Distributor may change its prices upon forty-five (45) "
        "days' prior written notice.",
        "This Agreement renews for further two-year periods unless either party serves notice "
        "of non-renewal no less than four (4) months prior to the expiration of the then-current "
        "term.",
    )
    found = renewal_notice(sentences, [0], [1])
    assert found is not None and (found.sentence, found.value) == (1, _d("4 months"))


def test_a_notice_asking_to_renew_is_not_the_notice_that_stops_the_renewal() -> None:
    sentences = _sentences(
        "The Licensee may renew if it gives notice of its desire to renew at least nine (9) "
        "months before the end of the term.",
        "The Licensor shall give notice of its election not to renew at least two (2) months "
        "before the expiry of the first renewal term.",
    )
    found = renewal_notice(sentences, [0, 1])
    assert found is not None and found.value == _d("2 months")


def test_the_first_notice_stands_when_none_is_tied_to_stopping_the_renewal() -> None:
    sentences = _sentences(
        "Either party may end this Agreement at the expiry of any term by giving ninety (90) "
        "days' written notice.",
        "Either party may end this Agreement at the expiry of any term by giving thirty (30) "
        "days' written notice.",
    )
    found = renewal_notice(sentences, [0, 1])
    assert found is not None and found.value == _d("90 days")


def test_a_period_after_the_end_of_the_agreement_is_no_notice() -> None:
    sentence = (
        "Each party shall keep its records for at least three (3) years after the expiration "
        "of this Agreement."
    )
    assert best(sentence, "notice", least=2) is None
    assert renewal_notice(_sentences(sentence), [0]) is None


def test_the_renewal_period_is_not_the_cap_on_renewals() -> None:
    sentences = _sentences(
        "The Agreement shall be renewable on an annual basis for one (1) year terms for up to "
        "another eight (8) years, on the same conditions."
    )
    found = renewal(sentences, [0])
    assert found is not None and found.period == _d("1 year")


def test_a_stray_mark_between_number_and_unit() -> None:
    assert [mention.value for mention in durations("successive 2~year periods")] == [_d("2 years")]


def test_the_readers_renewal_sentence_wins_over_another_thing_that_is_extended() -> None:
    sentences = _sentences(
        "At the end of the initial term the Reseller may obtain a successor licence for a single "
        "term of four (4) years.",
        "If the buyer does not close, the option to purchase shall be extended for fifteen (15) "
        "days after the expiration of the offer.",
    )
    found = renewal(sentences, [0])
    assert found is not None and found.period == _d("4 years")


def test_a_definition_of_another_period_is_no_renewal() -> None:
    sentences = _sentences(
        '2.4 "Reporting Month" means each one (1) month period, except that the first Reporting '
        "Month shall extend from the Effective Date to the end of the next full month."
    )
    assert renewal(sentences) is None


def test_a_term_that_continues_until_terminated_has_no_renewal_period() -> None:
    sentences = _sentences(
        "This Agreement runs until the end of the twelfth (12th) Contract Year and continues "
        "thereafter until terminated by either party on ninety (90) days' notice (such twelve "
        "(12) year period, the Initial Term)."
    )
    found = renewal(sentences, [0])
    assert found is not None and found.period is None and found.open_ended


def test_a_notice_not_to_renew_wins_over_the_suppliers_reminder_before_the_term_ends() -> None:
    sentences = _sentences(
        "The Provider shall send the Client a written reminder of the coming renewal at least "
        "nine (9) months before the expiry of the Initial Term.",
        "Unless the Client tells the Provider of its decision not to renew this Agreement in "
        "writing within two (2) months after that reminder, this Agreement renews for one (1) "
        "further year.",
    )
    found = renewal_notice(sentences, [0, 1])
    assert found is not None and (found.sentence, found.value) == (1, _d("2 months"))


def test_not_renewing_an_insurance_policy_is_not_the_agreements_renewal() -> None:
    sentences = _sentences(
        "Either party may stop the automatic renewal by notice given no less than ninety (90) "
        "days prior to the end of the then-current term.",
        "The Contractor shall give fifteen (15) days' notice of the cancellation or non-renewal "
        "of any insurance policy required below.",
    )
    found = renewal_notice(sentences, [0], [])
    assert found is not None and found.value == _d("90 days")
