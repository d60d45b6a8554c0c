"""What each legal structure brings to a draft: an equity joint venture its corporate core and a
deadlock mechanism that says who buys whom; a contractual deal licences and no shares; every
deal the mechanics of the term sheet itself."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from termgen.answers.read import load_deal
from termgen.drafting.structure import Draft, plain
from termgen.model import Deal
from termgen.pipeline import DealRun
from termgen.templating.missing import PLACEHOLDER

from ..conftest import EXAMPLES, EXAMPLES_DIR
from ..docx_reading import builtin_library, drafted

EQUITY = [
    path for path in EXAMPLES if load_deal(path).deal.deal.structure == "equity_joint_venture"
]
CONTRACTUAL = [path for path in EXAMPLES if path not in EQUITY]
BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
EDRIVE = EXAMPLES_DIR / "edrive-jv.yaml"


def _texts(draft: Draft) -> dict[str, str]:
    """Each clause's text by clause id."""
    return {clause.id: "\n".join(plain(p) for p in clause.paragraphs) for clause in draft.clauses()}


def _all_text(draft: Draft) -> str:
    cells = [
        text
        for document in draft.documents
        for section in document.sections
        for table in section.tables
        for text in (*table.header, *(plain(cell) for row in table.rows for cell in row))
    ]
    return "\n".join([*_texts(draft).values(), *cells])


def _draft_of(deal: Deal) -> Draft:
    return DealRun(deal, builtin_library()).draft


def _with_company(example: Path, **company: Any) -> Deal:
    data = load_deal(example).deal.model_dump(mode="json", exclude_none=True)
    data["company"] = {**data.get("company", {}), **company}
    return Deal.model_validate(data)


CORE = {
    "company.formation",
    "company.capital",
    "company.board",
    "company.reserved-matters",
    "company.officers",
    "company.dividends",
    "goals.capital-calls",
    "company.transfers",
    "company.deadlock",
}
MECHANICS = {
    "general.expiry",
    "general.definitive-agreements",
    "general.announcements",
    "general.notices",
    "general.entire-agreement",
    "general.counterparts",
    "general.no-partnership",
}


def test_there_is_a_three_party_equity_joint_venture_among_the_examples() -> None:
    assert EDRIVE in EQUITY and len(load_deal(EDRIVE).deal.parties) == 3


@pytest.mark.parametrize("example", EQUITY, ids=[p.stem for p in EQUITY])
def test_an_equity_joint_venture_has_its_corporate_core(example: Path) -> None:
    deal = load_deal(example).deal
    texts = _texts(drafted(example)[0])
    assert set(texts) >= CORE
    assert deal.company.name and deal.company.name in texts["company.formation"]
    for party, seats in deal.company.board.seats.items():  # type: ignore[union-attr]
        assert f"{party} appoints {seats}" in texts["company.board"]
    for matter in deal.company.reserved_matters:
        assert matter.matter in texts["company.reserved-matters"]
    for officer in deal.company.officers:
        assert f"{officer.role}: nominated by {officer.nominated_by}" in texts["company.officers"]
    assert (
        "may transfer or encumber its shares in the JV during the Lock-"
        in (texts["company.transfers"])
    )
    assert "shares" in texts["company.deadlock"]


def test_the_officers_the_battery_jv_reports_to_are_appointed_in_the_draft() -> None:
    texts = _texts(drafted(BATTERY)[0])
    officers = texts["company.officers"]
    assert "Chief Executive Officer: nominated by KSC" in officers
    assert "Chief Financial Officer: nominated by NAW" in officers
    assert not re.search(r"\bJV (CEO|CFO)\b", _all_text(drafted(BATTERY)[0]))


@pytest.mark.parametrize("example", CONTRACTUAL, ids=[p.stem for p in CONTRACTUAL])
def test_a_contractual_deal_has_licences_and_no_stake_or_share_language(example: Path) -> None:
    draft = drafted(example)[0]
    texts = _texts(draft)
    assert not CORE & set(texts)
    stake = re.compile(r"\b(stakes?|shareholders?|shareholdings?|equity|the JV)\b", re.IGNORECASE)
    assert stake.findall(_all_text(draft)) == []
    assert "Field of Use" in texts["general.licence-scope"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_draft_has_the_mechanics_of_the_term_sheet_itself(example: Path) -> None:
    texts = _texts(drafted(example)[0])
    assert set(texts) >= MECHANICS
    assert PLACEHOLDER not in texts["general.expiry"]
    assert "partnership in law" in texts["general.no-partnership"]


def test_an_expiry_period_counts_from_signature_and_notices_go_to_the_addresses_given() -> None:
    data = load_deal(EXAMPLES_DIR / "robotaxi-pilot.yaml").deal.model_dump(
        mode="json", exclude_none=True
    )
    mfm = next(party for party in data["parties"] if party["short_name"] == "MFM")
    del mfm["notices"]
    texts = _texts(_draft_of(Deal.model_validate(data)))
    assert (
        "lapses 120 days after the date on which the last party signs it" in texts["general.expiry"]
    )
    notices = texts["general.notices"]
    assert "SOL: 500 Solano Parkway" in notices
    assert (
        "MFM: the address it notifies to the other parties for this purpose or, until it has, its "
        "registered office, for the attention of its legal department"
    ) in notices


def test_without_answers_the_mechanics_show_open_points_and_a_notified_address() -> None:
    data = load_deal(BATTERY).deal.model_dump(mode="json", exclude_none=True)
    data["term_sheet"] = {}
    for party in data["parties"]:
        party.pop("notices", None)
    texts = _texts(_draft_of(Deal.model_validate(data)))
    assert texts["general.expiry"].startswith(f"This term sheet lapses on {PLACEHOLDER}")
    assert PLACEHOLDER in texts["general.definitive-agreements"]
    # Until a party has notified an address, a notice still has somewhere to go.
    assert (
        "to the address that the recipient has notified to the other party for this purpose or, "
        "until it has notified one, to its registered office"
    ) in texts["general.notices"]
    assert "general.timetable" not in texts


DEADLOCK_WORDING = {
    "russian_roulette": ("Russian roulette", "Initiator", "buy", "sell"),
    "texas_shoot_out": ("Texas shoot-out", "sealed bid", "highest bidder buys"),
    "put_call": ("Put and call", "(call option)", "(put option)"),
}


@pytest.mark.parametrize("example", [BATTERY, EDRIVE], ids=["two parties", "three parties"])
@pytest.mark.parametrize("mechanism", list(DEADLOCK_WORDING))
def test_each_deadlock_mechanism_drafts_its_own_wording(example: Path, mechanism: str) -> None:
    deal = _with_company(
        example,
        deadlock={"mechanism": mechanism, "call_holder": "NAW" if example == BATTERY else "HEC"},
    )
    text = _texts(_draft_of(deal))["company.deadlock"]
    for words in DEADLOCK_WORDING[mechanism]:
        assert words in text
    for other, words in DEADLOCK_WORDING.items():
        if other != mechanism:
            assert words[0] not in text
    if mechanism == "put_call":
        assert ("NAW" if example == BATTERY else "HEC") + " may buy all the shares" in text
    three = len(deal.parties) == 3
    assert ("the other parties" in text) == three
    assert ("the other party " in text or "the other party." in text) == (not three)


def test_a_deadlock_left_open_is_an_open_point_not_a_mechanism() -> None:
    data = load_deal(BATTERY).deal.model_dump(mode="json", exclude_none=True)
    del data["company"]["deadlock"]
    data["left_open"] = ["company.deadlock.mechanism"]
    text = _texts(_draft_of(Deal.model_validate(data)))["company.deadlock"]
    assert f"The deadlock mechanism is {PLACEHOLDER}." in text
    assert not any(words[0] in text for words in DEADLOCK_WORDING.values())


@pytest.mark.parametrize("example", EQUITY, ids=[p.stem for p in EQUITY])
def test_a_deadlock_in_an_equity_joint_venture_goes_to_the_mechanism_not_to_a_notice(
    example: Path,
) -> None:
    texts = _texts(drafted(example)[0])
    assert "deadlock mechanism" in texts["exit.trigger.deadlock"]
    assert "may end the partnership" not in texts["exit.trigger.deadlock"]


def test_three_party_wording_in_the_corporate_core_names_no_single_other_party() -> None:
    texts = _texts(drafted(EDRIVE)[0])
    for clause in (*CORE, *MECHANICS, "exit.stake-buy-out"):
        assert not re.search(r"\b(the other party|both parties|either party)\b", texts[clause]), (
            clause
        )


def test_each_review_before_renewal_offers_its_own_options_to_whoever_decides() -> None:
    data = load_deal(BATTERY).deal.model_dump(mode="json", exclude_none=True)
    data["change"]["review_points"] = [
        {
            "name": "Gate review",
            "date": "2031-06-30",
            "options": ["expand", "narrow", "continue"],
            "decided_by": "Board",
        },
        {
            "name": "Final review",
            "date": "2035-06-30",
            "options": ["continue", "exit"],
            "decided_by": "joint",
        },
        {"name": "Option review", "date": "2033-06-30", "options": ["exit"], "decided_by": "KSC"},
    ]
    review = _texts(_draft_of(Deal.model_validate(data)))["change.pre-renewal-review"]
    assert (
        "At the Gate review on 30 June 2031, the Board recommends to the parties whether to "
        "continue the partnership unchanged or adjust the scope of the partnership." in review
    )
    # Battery renews automatically unless either party stops it: a joint review only reviews.
    assert (
        "At the Final review on 30 June 2035, the parties review together whether to continue "
        "the partnership unchanged or prepare an orderly exit." in review
    )
    data["exit"]["renewal"] = {
        "type": "mutual_agreement",
        "period": "2 years",
        "notice": "12 months",
    }
    mutual = _texts(_draft_of(Deal.model_validate(data)))["change.pre-renewal-review"]
    assert (
        "At the Final review on 30 June 2035, the parties jointly decide whether to continue the "
        "partnership unchanged or prepare an orderly exit." in mutual
    )
    # A party deciding alone prepares an exit; the review itself ends nothing.
    assert (
        "At the Option review on 30 June 2033, KSC decides whether to prepare an orderly exit; "
        "the outcome of the review does not by itself end the partnership or a party's part "
        "in it." in review
    )


def test_an_in_sourcing_option_names_who_holds_it_and_who_provides_the_technology() -> None:
    bridge = load_deal(EXAMPLES_DIR / "bridge-technology.yaml").deal
    texts = _texts(_draft_of(bridge))
    assert "Alongside delivery, SDA trains CMC's engineers" in texts["strengths.knowledge-transfer"]
    option = texts["exit.in-sourcing-option"]
    assert "CMC also receives the documentation" in option
    assert "during which SDA keeps supporting vehicles in production" in option
    # An option either party may use names no one: each may be the one that in-sources.
    data = bridge.model_dump(mode="json", exclude_none=True)
    for trigger in data["exit"]["triggers"]:
        trigger.pop("exercisable_by", None)
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert "The in-sourcing party also receives" in option
    assert "during which the technology provider keeps supporting" in option
    assert (
        "The in-sourcing party exercises the option by giving the other party 6 months'" in option
    )


def _bridge_data() -> dict[str, Any]:
    bridge = load_deal(EXAMPLES_DIR / "bridge-technology.yaml").deal
    data: dict[str, Any] = bridge.model_dump(mode="json", exclude_none=True)
    return data


def test_an_in_sourcing_option_is_exercised_by_its_own_notice_when_the_phase_plan_opens_it() -> (
    None
):
    texts = _texts(_draft_of(Deal.model_validate(_bridge_data())))
    option = texts["exit.in-sourcing-option"]
    assert (
        "CMC may exercise the option once the milestone of Phase 2 - Knowledge transfer under "
        "clause 4.3 has been met (target 30 June 2029), or earlier where clause 9.6 allows it, "
        "until the partnership ends. The Lock-in Period does not restrict the option. CMC "
        'exercises the option by giving SDA 6 months\' notice (the "option notice"); completion '
        "takes place when that notice period ends, against payment of the price. An option "
        "notice given before the partnership ends keeps it in force until completion. The "
        "partnership ends on completion, and the licence, the knowledge transfer and the transition period "
        "start then." in option
    )
    # Not through the exit for convenience, which the lock-in holds back until 2030.
    assert "notice of exit under" not in option and "9.10" not in option
    assert (
        "The End Event is completion of the in-sourcing option under clause 9.15, not its exercise."
        in texts["exit.term"]
    )


def test_an_in_sourcing_option_no_phase_or_trigger_opens_may_be_used_at_any_time() -> None:
    data = _bridge_data()
    for phase in data["strengths"]["phases"]:
        phase.pop("unlocks", None)
    for trigger in data["exit"]["triggers"]:
        trigger.pop("description", None)
    del data["exit"]["term"]["lock_in"]
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert "CMC may exercise the option at any time, until the partnership ends. CMC" in option
    assert "Lock-in" not in option


def test_an_in_sourcing_option_states_its_price_whatever_the_valuation_method() -> None:
    data = _bridge_data()
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert (
        "The price is 2.5 times the licence fees CMC paid in the 12 months before the Valuation "
        "Date, but not less than USD 90m. For the option, the Valuation Date is the date of the "
        "option notice, and the expert procedure of clause 9.14 applies if the parties do not "
        "agree on the price." in option
    )
    assert "as clause 9.14 provides" not in option
    data["exit"]["valuation"]["details"] = "Three times the licence fees of the last year."
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert (
        "The price is set by the following formula: Three times the licence fees of the last "
        "year, but not less than USD 90m." in option
    )
    data["exit"]["valuation"]["method"] = "fair_market_value"
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert (
        "The price is the fair market value of what CMC receives, as at the Valuation Date, but "
        "not less than USD 90m." in option
    )
    data["exit"]["valuation"]["method"] = "fixed_price"
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert "The price is USD 90m. CMC may exercise" in option
    del data["exit"]["valuation"]
    option = _texts(_draft_of(Deal.model_validate(data)))["exit.in-sourcing-option"]
    assert f"The price is {PLACEHOLDER}." in option


def test_an_end_event_other_than_the_in_sourcing_option_is_drafted_as_given() -> None:
    data = _bridge_data()
    data["exit"]["term"]["end_milestone"] = "the third program reaches end of production"
    term = _texts(_draft_of(Deal.model_validate(data)))["exit.term"]
    assert "The End Event occurs when the third program reaches end of production." in term


def test_one_governance_body_has_no_bodies_below_it() -> None:
    single = _texts(drafted(EXAMPLES_DIR / "incomplete-deal.yaml")[0])["governance.bodies"]
    assert single.startswith("The partnership is governed by the Steering Group. It sets direction")
    assert "below it" not in single
    several = _texts(drafted(BATTERY)[0])["governance.bodies"]
    assert (
        "The Board sets direction; the Execution Committee decides within its charter; "
        "day-to-day coordination sits with the Joint PMO."
    ) in several


def test_a_term_set_by_its_end_date_runs_until_that_date() -> None:
    data = load_deal(BATTERY).deal.model_dump(mode="json", exclude_none=True)
    del data["exit"]["term"]["initial"]
    data["exit"]["term"]["end_date"] = "2036-12-31"
    term = _texts(_draft_of(Deal.model_validate(data)))["exit.term"]
    assert 'and runs from the Effective Date until 31 December 2036 (the "Initial Term")' in term


def test_exclusivity_leaves_what_each_party_does_independently_alone() -> None:
    bridge = _texts(drafted(EXAMPLES_DIR / "bridge-technology.yaml")[0])
    assert (
        "nothing in this clause restricts the activities each party carries on independently "
        "under clause 4.1, with third parties included" in bridge["general.exclusivity"]
    )
    data = load_deal(BATTERY).deal.model_dump(mode="json", exclude_none=True)
    data["goals"]["scope"].pop("independent", None)
    alone = _texts(_draft_of(Deal.model_validate(data)))["general.exclusivity"]
    assert "independently" not in alone


def test_a_business_deadlock_goes_to_deadlock_provisions_only_where_there_are_some() -> None:
    data = load_deal(EXAMPLES_DIR / "sdv-software.yaml").deal.model_dump(
        mode="json", exclude_none=True
    )
    with_them = _texts(_draft_of(Deal.model_validate(data)))["general.disputes"]
    assert "if it remains a deadlock, the deadlock provisions." in with_them
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] != "deadlock"]
    without = _texts(_draft_of(Deal.model_validate(data)))["general.disputes"]
    assert "if it remains a deadlock, the matter stays as it was." in without


def test_a_formula_typed_as_a_phrase_is_introduced_as_the_formula() -> None:
    data = load_deal(EXAMPLES_DIR / "sdv-software.yaml").deal.model_dump(
        mode="json", exclude_none=True
    )
    sentence = _texts(_draft_of(Deal.model_validate(data)))["exit.valuation"]
    assert "another price. For LUMEN's rights in the features" in sentence
    data["exit"]["valuation"]["details"] = "1.5x capitalised development cost"
    phrase = _texts(_draft_of(Deal.model_validate(data)))["exit.valuation"]
    assert "another price. The formula is: 1.5x capitalised development cost." in phrase


def test_the_clauses_that_survive_a_lapse_are_named_and_a_form_is_not_repeated() -> None:
    battery = _texts(drafted(BATTERY)[0])
    assert re.search(
        r"only clauses (\d+\.\d+, ){6}\d+\.\d+ and \d+\.\d+ continue to bind\.$",
        battery["general.expiry"],
    ), battery["general.expiry"]
    assert battery["company.formation"].endswith(
        'a Delaware corporation to be incorporated, directed by its board of directors (the "Board").'
    )
    edrive = _texts(drafted(EXAMPLES_DIR / "edrive-jv.yaml")[0])["company.formation"]
    assert edrive.endswith(
        "odpowiedzialnością) to be incorporated, managed by its management board (zarząd) and "
        "supervised by its supervisory board (rada nadzorcza). This term sheet calls the "
        'supervisory board the "Board" and its members directors.'
    )


def test_a_review_before_an_option_to_renew_leaves_the_decision_to_its_holder() -> None:
    sdv = _texts(drafted(EXAMPLES_DIR / "sdv-software.yaml")[0])["change.pre-renewal-review"]
    assert "The review informs BFW's decision whether to exercise its option to renew" in sdv
    assert "notice period for non-renewal" not in sdv


def test_the_safety_case_names_the_body_that_may_suspend_the_service() -> None:
    robotaxi = _texts(drafted(EXAMPLES_DIR / "robotaxi-pilot.yaml")[0])["strengths.safety-case"]
    assert "The Safety Board may suspend the service at any time" in robotaxi
    assert "Where waiting for its decision would put anyone at risk, any of its members" in robotaxi


def test_a_clean_team_set_up_as_a_body_is_called_by_its_name() -> None:
    platform = _texts(drafted(EXAMPLES_DIR / "platform-sharing.yaml")[0])
    clean = platform["governance.clean-team"]
    assert "is exchanged only through the Clean Team." in clean
    assert "a clean team" not in clean and "The Clean Team works under" in clean
    integration = _texts(drafted(BATTERY)[0])["change.integration"]
    assert integration.startswith(
        "To build familiarity between their leaders and teams, the parties put the following "
        "measures in place:"
    )


def test_a_put_and_call_deadlock_ends_even_when_no_option_is_used() -> None:
    edrive = _texts(drafted(EXAMPLES_DIR / "edrive-jv.yaml")[0])["company.deadlock"]
    assert (
        "If no option is exercised in time, the Reserved Matter is treated as rejected and "
        "the JV continues as before." in edrive
    )


def test_among_three_parties_a_non_renewal_notice_is_a_withdrawal() -> None:
    edrive = _texts(drafted(EXAMPLES_DIR / "edrive-jv.yaml")[0])["exit.renewal.automatic"]
    assert "A party that does not want to renew gives the other parties written notice" in edrive
    assert "the partnership renews between the remaining parties" in edrive
    battery = _texts(drafted(BATTERY)[0])["exit.renewal.automatic"]
    assert "unless a party gives the other party written notice of non-renewal" in battery


def test_a_licence_for_the_partnership_leaves_room_for_the_licence_that_survives_exit() -> None:
    platform = _texts(drafted(EXAMPLES_DIR / "platform-sharing.yaml")[0])
    assert (
        "for the term of the partnership and afterwards as far as the treatment of licences"
        in (platform["general.licence-scope"])
    )
    assert (
        "in the regions in scope (the European Union, the United Kingdom, Norway and Switzerland)"
        in (platform["general.licence-scope"])
    )
