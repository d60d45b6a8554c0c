"""English for drafts: lists of lists, phrases inside a sentence, the start of a term."""

from __future__ import annotations

import pytest

from termgen.wording import (
    HouseStyle,
    after_colon,
    and_join,
    definite,
    for_more_parties,
    for_two_parties,
    mid_sentence,
    names_again,
    opening_period,
    ordinal_words,
    phrase,
    seat_of_form,
)


@pytest.mark.parametrize(
    ("items", "conjunction", "joined"),
    [
        ([], "and", ""),
        (["brand"], "and", "brand"),
        (["brand", "design"], "and", "brand and design"),
        (["brand", "design", "marketing"], "and", "brand, design and marketing"),
        (["Orlando", "Austin"], "or", "Orlando or Austin"),
        # An item joined with 'and' or 'or': a comma before the list's own conjunction.
        (
            ["SDA's perception research and other customers", "CMC's own ADAS stack"],
            "and",
            "SDA's perception research and other customers, and CMC's own ADAS stack",
        ),
        (["expand or narrow", "exit"], "or", "expand or narrow, or exit"),
        # An item with a comma: semicolons between the items.
        (
            [
                "brand, design and marketing",
                "retail pricing and dealer networks",
                "infotainment and user-facing software",
            ],
            "and",
            "brand, design and marketing; retail pricing and dealer networks; and infotainment "
            "and user-facing software",
        ),
        (["A, B", "C"], "and", "A, B; and C"),
        # 'and' inside a word is not a conjunction.
        (["Andover", "brand", "Portland"], "and", "Andover, brand and Portland"),
    ],
)
def test_and_join_keeps_a_list_of_lists_readable(
    items: list[str], conjunction: str, joined: str
) -> None:
    assert and_join(items, conjunction) == joined


@pytest.mark.parametrize(
    ("typed", "in_a_sentence"),
    [
        ("Chief executives of NAW and KSC", "chief executives of NAW and KSC"),
        ("Chief executives", "chief executives"),
        ("Managing directors of the parties", "managing directors of the parties"),
        ("Steering Committee", "Steering Committee"),
        ("Head of Legal", "Head of Legal"),
        ("Allocation of Valladolid capacity", "allocation of Valladolid capacity"),
        ("Board", "Board"),
        ("CEOs", "CEOs"),
        ("CEO of LUMEN and CTO of BFW", "CEO of LUMEN and CTO of BFW"),
        ("NAW board", "NAW board"),
        ("", ""),
        ("Of", "Of"),
        ("Chief-executives meeting", "Chief-executives meeting"),
    ],
)
def test_mid_sentence_lowers_a_typed_capital_but_not_a_name(typed: str, in_a_sentence: str) -> None:
    assert mid_sentence(typed) == in_a_sentence


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("Steering Committee", "the Steering Committee"),
        ("CEOs", "the CEOs"),
        ("chief executives of NAW and KSC", "the chief executives of NAW and KSC"),
        ("CEO of LUMEN and CTO of BFW", "the CEO of LUMEN and CTO of BFW"),
        ("the CEOs", "the CEOs"),
        ("The chief executives", "The chief executives"),
        ("each party's CEO", "each party's CEO"),
        ("Both CEOs", "Both CEOs"),
        ("NAW's management board", "NAW's management board"),
        ("the parties' CEOs", "the parties' CEOs"),
        ("parties' CEOs", "parties' CEOs"),
        ("Theory board", "the Theory board"),
        ("", ""),
    ],
)
def test_definite_names_a_body_or_level_once_with_its_article(name: str, named: str) -> None:
    assert definite(name) == named


@pytest.mark.parametrize(
    ("period", "style", "opening"),
    [
        ("1 year", HouseStyle(), "the first year"),
        ("1 month", HouseStyle(), "the first month"),
        ("3 years", HouseStyle(), "the first 3 years"),
        ("1 year", HouseStyle(numbers="words_and_digits"), "the first year"),
        ("18 months", HouseStyle(numbers="words_and_digits"), "the first eighteen (18) months"),
    ],
)
def test_opening_period_names_the_start_of_a_term(
    period: str, style: HouseStyle, opening: str
) -> None:
    assert opening_period(period, style) == opening


@pytest.mark.parametrize(
    ("typed", "as_phrase"),
    [
        ("orderly wind-down of the service.", "Orderly wind-down of the service"),
        ("Wind-down", "Wind-down"),
        ("Wind-down. ", "Wind-down"),
        ("", ""),
    ],
)
def test_phrase_is_a_typed_sentence_a_clause_goes_on_after(typed: str, as_phrase: str) -> None:
    assert phrase(typed) == as_phrase


@pytest.mark.parametrize(
    ("typed", "continued"),
    [
        ("Stays with the JV", "stays with the JV."),
        ("The JV keeps supplying NAW.", "the JV keeps supplying NAW."),
        ("Non-exclusive licences continue", "non-exclusive licences continue."),
        ("SDA keeps delivering updates", "SDA keeps delivering updates."),
        ("BFW's licence to the platform", "BFW's licence to the platform."),
        ("European homologation adaptations", "European homologation adaptations."),
        ("CMC-specific integration code", "CMC-specific integration code."),
    ],
)
def test_after_colon_lowers_an_ordinary_first_word_only(typed: str, continued: str) -> None:
    assert after_colon(typed) == continued


@pytest.mark.parametrize(
    ("text", "label", "again"),
    [
        ("Licences each party needs to service cells", "licences", True),
        ("Lorain cell plant and its lines", "plants", True),
        ("Seconded engineers return to their employer", "seconded staff", True),
        ("The JV keeps supplying NAW while NAW re-sources", "supply continuity", False),
        ("Process improvements made by the JV", "foreground IP", False),
    ],
)
def test_names_again_finds_the_label_said_twice(text: str, label: str, again: bool) -> None:
    assert names_again(text, label) is again


@pytest.mark.parametrize(
    ("value", "words"),
    [(1, "first"), (2, "second"), (12, "twelfth"), (13, "13th"), (21, "21st"), (102, "102nd")],
)
def test_an_entry_of_a_list_is_named_by_its_place_in_words(value: int, words: str) -> None:
    assert ordinal_words(value) == words


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("a party tells the others before it", "a party tells the other party before it"),
        ("the other parties may audit", "the other party may audit"),
        ("liability to the other party or parties", "liability to the other party"),
        ("with the consent of every other party", "with the consent of the other party"),
        ("The others may sell", "The other party may sell"),
        ("Every other party agrees", "The other party agrees"),
        ("the others' consent", "the other party's consent"),
        ("the other parties' features", "the other party's features"),
        ("the other party's features", "the other party's features"),
        ("otherwise, among others, the othersides", "otherwise, among others, the othersides"),
    ],
)
def test_a_text_for_any_number_of_parties_names_the_other_of_two(written: str, said: str) -> None:
    assert for_two_parties(written) == said


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("only if both parties agree", "only if all parties agree"),
        ("(either party)", "(any party)"),
        ("Either party's volumes", "Any party's volumes"),
        ("Both parties sign", "All parties sign"),
        ("neither party, whether party", "neither party, whether party"),
        ("liability to the other party or parties", "liability to the other parties"),
        ("The other party or parties' consent", "The other parties' consent"),
    ],
)
def test_a_text_for_two_parties_names_all_or_any_of_more(written: str, said: str) -> None:
    assert for_more_parties(written) == said


@pytest.mark.parametrize(
    ("form", "seat"),
    [
        ("German GmbH", "Germany"),
        ("Keystone Mobility GmbH", "Germany"),
        ("Delaware corporation", "Delaware"),
        ("Delaware LLC", "Delaware"),
        ("Polish limited liability company (sp. z o.o.)", "Poland"),
        ("Keystone Mobility, Inc.", None),
        ("English private company limited by shares", None),
        ("", None),
    ],
)
def test_a_legal_form_of_one_law_names_where_the_company_is_seated(
    form: str, seat: str | None
) -> None:
    assert seat_of_form(form) == seat
