"""What a senior JV lawyer's eighth reading of the example drafts asked for, as the drafted text
reads: every agreement the term sheet relies on listed, the corporate bodies a Polish company
has, an option period that follows the exit and the price, a JV that is wound up by someone
and in order, and answers that restate a clause replaced by a reference to it."""

from __future__ import annotations

from termgen.model import Deal
from termgen.pipeline import DealRun

from ..docx_reading import builtin_library
from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_the_escrow_agreement_is_among_the_definitive_agreements_where_escrow_is_drafted() -> None:
    data = _answers("bridge-technology.yaml")
    agreements, numbers = _texts(data)["general.definitive-agreements"], _numbers(data)
    assert "a knowledge-transfer and engineering services agreement;" in agreements
    assert (
        "a source-code escrow agreement with the escrow agent, as clause "
        f"{numbers['general.escrow']} provides."
    ) in agreements
    data["term_sheet"]["definitive_agreements"].append("an escrow agreement with NCC Group.")
    agreements = _texts(data)["general.definitive-agreements"]
    assert agreements.count("escrow") == 1
    assert "an escrow agreement with NCC Group." in agreements
    for name in ("edrive-jv.yaml", "sdv-software.yaml"):
        assert "escrow agent" not in _texts(_answers(name))["general.definitive-agreements"]


def test_a_polish_jv_has_a_management_board_and_a_supervisory_board() -> None:
    data = _answers("edrive-jv.yaml")
    texts = _texts(data)
    assert "board of directors" not in texts["company.formation"]
    assert (
        "supervised by its supervisory board (rada nadzorcza). This term sheet calls the "
        'supervisory board the "Board" and its members directors.'
    ) in texts["company.formation"]
    board = texts["company.board"]
    assert "Where the law of Poland requires" not in board
    assert (
        "As Polish law requires, the JV also has a management board (zarząd), which manages and "
        "represents it and is formed by the key officers in clause "
        f"{_numbers(data)['company.officers']};"
    ) in board
    assert "takes a decision that this term sheet reserves to the Board only with the Board's" in (
        board
    )
    delaware = _texts(_answers("battery-jv.yaml"))
    assert "directed by its board of directors" in delaware["company.formation"]
    assert "management board" not in delaware["company.board"]


def test_the_board_clause_is_headed_by_its_defined_term_whatever_the_companys_law() -> None:
    draft = DealRun(Deal.model_validate(_answers("edrive-jv.yaml")), builtin_library()).draft
    assert {clause.id: clause.title for clause in draft.clauses()}["company.board"] == "The Board"


def test_a_buy_out_option_runs_with_the_exit_notice_and_the_price_not_a_fixed_90_days() -> None:
    data = _answers("battery-jv.yaml")
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "90 days" not in buy_out
    assert (
        "An option under this clause is exercised by written notice given before the notice of "
        "exit takes effect or, if later, within 30 days after the price has been agreed or "
        "determined."
    ) in buy_out
    del data["exit"]["valuation"]
    assert "the notice of exit takes effect. If no option" in _texts(data)["exit.stake-buy-out"]


def test_a_jv_that_ends_is_wound_up_by_resolution_liquidator_and_order_of_payment() -> None:
    data = _answers("edrive-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    winding_up = texts["exit.winding-up"]
    assert winding_up.startswith(
        "When the partnership ends as a whole (at the end of its term without renewal; by "
        "agreement of all parties or of the remaining parties after a withdrawal under clause "
        f"{numbers['exit.triggers']} in which no option under clause "
        f"{numbers['exit.stake-buy-out']} is exercised; or because fewer than two parties remain "
        f"in it, as clause {numbers['exit.triggers']} provides), the JV is wound up"
    )
    assert "any party may ask the registry court (sąd rejestrowy) to appoint them" in winding_up
    assert "pay its debts and the costs of the liquidation, and distribute the surplus" in (
        winding_up
    )
    assert (
        f"An obligation of the JV that survives the partnership under clause "
        f"{numbers['exit.survival']} is either performed by the JV in liquidation"
    ) in winding_up
    assert (
        "the JV is wound up only if the remaining parties so agree or fewer than two parties "
        "remain, as clause "
        f"{numbers['exit.winding-up']} provides."
    ) in texts["exit.stake-buy-out"]
    for name in ("bridge-technology.yaml", "platform-sharing.yaml", "robotaxi-pilot.yaml"):
        assert "exit.winding-up" not in _texts(_answers(name)), name


def test_a_texas_shoot_out_that_fails_winds_the_jv_up_under_the_winding_up_clause() -> None:
    data = _answers("battery-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    assert (
        f"require the JV to be wound up as clause {numbers['exit.winding-up']} provides, by notice"
    ) in texts["company.deadlock"]
    assert (
        "; or because a party requires it after a sale under the deadlock mechanism in clause "
        f"{numbers['company.deadlock']} lapses)"
    ) in texts["exit.winding-up"]
    assert "deadlock mechanism" not in _texts(_answers("edrive-jv.yaml"))["exit.winding-up"]


def test_an_exit_answer_that_restates_the_buy_out_becomes_a_reference_to_it() -> None:
    data = _answers("battery-jv.yaml")
    convenience = _texts(data)["exit.trigger.convenience"]
    assert "stake buy-out" not in convenience
    assert convenience.endswith(
        "The shares of the party giving that notice are then dealt with as clause "
        f"{_numbers(data)['exit.stake-buy-out']} provides."
    )


def test_the_in_sourcing_clauses_name_holder_and_provider_only_when_each_is_one_party() -> None:
    data = _answers("bridge-technology.yaml")
    texts = _texts(data)
    assert texts["strengths.knowledge-transfer"].startswith(
        "Alongside delivery, SDA trains CMC's engineers on the technology"
    )
    assert (
        "a transition period of up to 12 months during which SDA keeps supporting"
        in (texts["exit.in-sourcing-option"])
    )
    for trigger in data["exit"]["triggers"]:
        if trigger["kind"] == "convenience":
            trigger.pop("exercisable_by", None)
    texts = _texts(data)
    assert texts["strengths.knowledge-transfer"].startswith(
        "Alongside delivery, the technology provider trains the other party's engineers"
    )
    option = texts["exit.in-sourcing-option"]
    assert "The in-sourcing party also receives the documentation" in option
    assert "during which the technology provider keeps supporting" in option
    assert "The in-sourcing party exercises the option by giving the other party" in option


def test_an_expert_answer_that_repeats_the_institutions_appointment_is_not_said_twice() -> None:
    volta = _texts(_answers("battery-jv.yaml"))["exit.valuation"]
    assert "The expert is an independent investment bank appointed jointly. If no expert" in volta
    assert volta.count("LCIA") == 1
    data = _answers("edrive-jv.yaml")
    data["exit"]["valuation"]["expert"] = "A Big Four firm, or one the DIS names if we disagree."
    ampere = _texts(data)["exit.valuation"]
    assert "The expert is a Big Four firm, or one the DIS names if we disagree." in ampere


def test_the_treatment_of_the_equity_stake_points_at_the_buy_out_clause() -> None:
    data = _answers("edrive-jv.yaml")
    assert (
        "Equity stake: the other parties may buy the Exiting Party's shares under the buy-out "
        f"terms, as clause {_numbers(data)['exit.stake-buy-out']}, which defines the Exiting "
        "Party, provides."
    ) in _texts(data)["exit.assets"].splitlines()
