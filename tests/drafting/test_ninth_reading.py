"""What a senior JV lawyer's ninth reading of the example drafts asked for, as the drafted text
reads: one valuation rule for foreground IP, the arbitral institution named with its rules, a
JV formed without saying its law twice, exit wording that matches what an exit does, one cure
period for a funding default, formula figures taken from named accounts, and a JV wound up
under the law it is incorporated under."""

from __future__ import annotations

from typing import Any

import pytest

from termgen.wording import arbitral_institution, corporate_law

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def _valuation(data: dict[str, Any]) -> str:
    return _texts(data)["exit.valuation"]


def test_foreground_ip_is_priced_by_one_rule_the_answers_decide() -> None:
    data = _answers("incomplete-deal.yaml")
    data["exit"]["valuation"]["details"] = (
        "This price applies when a party buys the other's share of jointly owned IP."
    )
    valuation = _valuation(data)
    # The valuation's details price jointly owned IP at book value: no rule says otherwise.
    assert "This price applies when a party buys the other's share of jointly owned IP." in (
        valuation
    )
    assert "fair market value" not in valuation.split("If the parties have not agreed")[0]
    assert "even where this clause states otherwise" not in valuation
    # Details silent on IP: book value with fair market value for foreground IP, in one sentence.
    del data["exit"]["valuation"]["details"]
    valuation = _valuation(data)
    assert (
        "the price is its book value in the seller's latest audited accounts drawn up before the "
        "Valuation Date, or, for foreground intellectual property, which the parties' books carry "
        "at little or no value, its fair market value as at the Valuation Date, unless the "
        "treatment of that asset on exit sets another price."
    ) in valuation
    assert valuation.count("foreground intellectual property") == 1
    # 'equipment' is not 'IP': Tidewater's details keep the rule for foreground IP.
    assert "or, for foreground intellectual property" in _valuation(_answers("robotaxi-pilot.yaml"))


def test_the_book_value_is_the_sellers_not_whoever_carries_the_asset() -> None:
    for name in ("incomplete-deal.yaml", "platform-sharing.yaml", "robotaxi-pilot.yaml"):
        valuation = _valuation(_answers(name))
        assert "carries the asset in its books" not in valuation, name
        assert "book value in the seller's latest audited accounts" in valuation, name


def test_a_formula_says_whose_accounts_its_figures_come_from() -> None:
    data = _answers("sdv-software.yaml")
    data["exit"]["valuation"]["details"] = (
        "For LUMEN's rights in the features built only for BFW's vehicles, the price is 1.2 "
        "times their capitalised development cost."
    )
    valuation = _valuation(data)
    assert "the price is set by the formula" not in valuation
    assert "the price is the amount given by the formula in this clause or, where no formula" in (
        valuation
    )
    assert (
        "the price is 1.2 times their capitalised development cost. An amount the formula takes "
        "from accounts is the one in the seller's latest audited accounts drawn up before the "
        "Valuation Date."
    ) in valuation
    # A formula on licence fees paid, or on the cost records of the Shared Costs, takes nothing
    # from accounts.
    assert "from accounts" not in _valuation(_answers("bridge-technology.yaml"))
    assert "from accounts" not in _valuation(_answers("sdv-software.yaml"))


@pytest.mark.parametrize(
    ("rules", "institution"),
    [
        ("Swiss Rules of International Arbitration", ("Swiss Arbitration Centre", False)),
        ("SCC Arbitration Rules", ("SCC", True)),
        ("ICC Rules of Arbitration", ("ICC", True)),
        ("UNCITRAL Arbitration Rules", ("", False)),
        ("rules agreed later", ("", False)),
    ],
)
def test_the_institution_of_arbitration_rules(rules: str, institution: tuple[str, bool]) -> None:
    assert arbitral_institution(rules) == institution


def test_swiss_rules_arbitration_names_the_swiss_arbitration_centre_with_seat_and_rules() -> None:
    data = _answers("platform-sharing.yaml")
    texts = _texts(data)
    assert (
        "is finally settled by arbitration administered by the Swiss Arbitration Centre under the "
        "Swiss Rules of International Arbitration, seated in Geneva, in English."
    ) in texts["general.disputes"]
    assert "the Swiss Arbitration Centre appoints the expert" in texts["exit.valuation"]
    assert _table(data, "escalation")[-1][1].startswith(
        "Legal dispute: arbitration administered by the Swiss Arbitration Centre under the Swiss "
        "Rules of International Arbitration, seated in Geneva, binding."
    )
    assert "the institution that administers" not in texts["exit.valuation"]
    # Rules that carry their institution's name are not named twice.
    assert (
        "arbitration under the ICC Rules, seated in Zurich"
        in (_texts(_answers("edrive-jv.yaml"))["general.disputes"])
    )


def test_a_polish_jv_is_formed_without_its_law_or_board_said_twice() -> None:
    formation = _texts(_answers("edrive-jv.yaml"))["company.formation"]
    assert "under the laws of Poland" not in formation
    assert "through which the parties direct it" not in formation
    assert formation.endswith(
        "a Polish limited liability company (spółka z ograniczoną odpowiedzialnością) to be "
        "incorporated, managed by its management board (zarząd) and supervised by its supervisory "
        'board (rada nadzorcza). This term sheet calls the supervisory board the "Board" and its '
        "members directors."
    )
    data = _answers("edrive-jv.yaml")
    data["company"]["form"] = "limited liability company"
    assert (
        "to be incorporated under the laws of Poland, managed by"
        in (_texts(data)["company.formation"])
    )


def test_where_one_exit_ends_the_partnership_for_all_every_trigger_says_so() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts = _texts(data)
    exit_clauses = [text for key, text in texts.items() if key.startswith("exit.")]
    assert not [text for text in exit_clauses if "participation" in text]
    assert "withdrawing" not in texts["exit.triggers"]
    assert texts["exit.triggers"].startswith("A party may end the partnership before the end")
    assert (
        "the other parties may end the partnership by giving 30 days' notice."
        in (texts["exit.trigger.breach"])
    )
    assert "no party may end the partnership for convenience" in texts["exit.term"]
    # Where the partnership runs on without one party, a party withdraws.
    data["strengths"]["contributions"] = [
        item for item in data["strengths"]["contributions"] if item["party"] != "MFM"
    ]
    texts = _texts(data)
    assert (
        "terminate its participation in the partnership by giving 30 days' notice"
        in (texts["exit.trigger.breach"])
    )
    assert "or withdrawing from it" in texts["exit.triggers"]


def test_a_funding_default_has_one_cure_period_stated_in_the_funding_clause() -> None:
    data = _answers("battery-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    breach = texts["exit.trigger.breach"]
    assert (
        "For a failure to fund a capital call, the only period to remedy it is the one after a "
        f"written reminder in clause {numbers['goals.capital-calls']}: once "
        "that period has passed without payment, the other party may end the partnership by "
        "giving 60 days' notice."
    ) in breach
    assert "a material breach includes failure to fund" not in breach
    assert breach.count("fund") == 1
    assert "10 working days" in texts["goals.capital-calls"]
    assert "10 working days" not in breach
    # Without a JV there are no capital calls, and the description stays as written.
    data = _answers("platform-sharing.yaml")
    data["exit"]["triggers"][0]["description"] = "Material breach, including failure to fund."
    breach = _texts(data)["exit.trigger.breach"]
    assert "capital call" not in breach
    assert "For this clause, a material breach includes failure to fund." in breach


@pytest.mark.parametrize(
    ("form", "jurisdiction", "law"),
    [
        ("Delaware corporation", "the State of Delaware, USA", "delaware_corporation"),
        ("Delaware limited liability company", "Delaware, USA", "delaware_llc"),
        ("GmbH", "Germany", "germany_gmbh"),
        ("limited liability company (sp. z o.o.)", "Poland", "poland"),
        ("private limited company", "England and Wales", ""),
    ],
)
def test_the_company_law_of_a_jv(form: str, jurisdiction: str, law: str) -> None:
    assert corporate_law(form, jurisdiction) == law


def _winding_up(form: str, jurisdiction: str) -> str:
    data = _answers("battery-jv.yaml")
    data["company"]["form"], data["company"]["jurisdiction"] = form, jurisdiction
    return _texts(data)["exit.winding-up"]


def test_a_delaware_jv_is_dissolved_and_wound_up_under_delaware_law() -> None:
    corporation = _texts(_answers("battery-jv.yaml"))["exit.winding-up"]
    assert (
        "the Board adopts a resolution to dissolve the JV and the stockholders approve it, as "
        "section 275 of the Delaware General Corporation Law provides, and the JV files a "
        "certificate of dissolution with the Secretary of State of the State of Delaware"
    ) in corporation
    assert "Court of Chancery of the State of Delaware" in corporation
    assert "competent court where the JV is incorporated" not in corporation
    llc = _winding_up("Delaware limited liability company", "Delaware, USA")
    assert "section 18-801 of the Delaware Limited Liability Company Act" in llc
    assert "distributes the surplus to the members in proportion to their interests" in llc
    assert llc.endswith(
        "the Liquidator files a certificate of cancellation with the Secretary of State of the "
        "State of Delaware under section 18-203 of that Act."
    )


def test_a_german_or_polish_jv_goes_into_liquidation_with_its_liquidators() -> None:
    gmbh = _winding_up("GmbH", "Germany")
    assert "dissolve the JV (Auflösung) under section 60 of the German Limited Liability" in gmbh
    assert "appoint the liquidators (Liquidatoren) jointly" in gmbh
    assert "(Sperrjahr)" in gmbh
    assert gmbh.endswith("struck off the commercial register (Handelsregister).")
    polish = _texts(_answers("edrive-jv.yaml"))["exit.winding-up"]
    assert "in a resolution recorded by a notary, to dissolve the JV and open its liquidation" in (
        polish
    )
    assert "ask the registry court (sąd rejestrowy) to appoint them" in polish
    assert polish.endswith("National Court Register (Krajowy Rejestr Sądowy).")
    generic = _winding_up("private limited company", "England and Wales")
    assert "the competent court where the JV is incorporated" in generic
    assert "Delaware" not in generic


def test_the_end_of_a_three_party_jv_cites_the_winding_up_clause() -> None:
    data = _answers("edrive-jv.yaml")
    assert (
        "When the partnership ends as a whole otherwise, the JV is wound up as clause "
        f"{_numbers(data)['exit.winding-up']} provides."
    ) in _texts(data)["exit.triggers"]


def test_a_capital_call_on_the_critical_path_defaults_as_the_funding_clause_provides() -> None:
    data = _answers("battery-jv.yaml")
    critical = _texts(data)["strengths.critical-path"]
    assert critical.endswith(
        "is a material breach; a capital call not funded is one as clause "
        f"{_numbers(data)['goals.capital-calls']} provides."
    )
    for item in data["strengths"]["contributions"]:
        if item["kind"] == "capital":
            item["critical_path"] = False
    assert _texts(data)["strengths.critical-path"].endswith("is a material breach.")
    assert "capital call" not in _texts(_answers("sdv-software.yaml"))["strengths.critical-path"]


def test_a_jv_says_once_that_a_deadlock_is_no_ground_for_notice() -> None:
    texts = _texts(_answers("edrive-jv.yaml"))
    said = "it is resolved under the deadlock mechanism in clause"
    assert [key for key, text in texts.items() if key.startswith("exit.") and said in text] == [
        "exit.trigger.deadlock"
    ]


def test_the_in_sourcing_formula_is_stated_once_in_the_option_clause() -> None:
    data = _answers("bridge-technology.yaml")
    texts, numbers = _texts(data), _numbers(data)
    formula = "2.5 times the licence fees CMC paid in the 12 months before the Valuation Date"
    assert [key for key, text in texts.items() if formula in text] == ["exit.in-sourcing-option"]
    assert texts["exit.valuation"].startswith(
        "The price under the in-sourcing option is set by the formula and the floor price in "
        f"clause {numbers['exit.in-sourcing-option']}. Where a party acquires"
    )
    del data["exit"]["valuation"]["price"]
    assert "set by the formula in clause" in _texts(data)["exit.valuation"]
