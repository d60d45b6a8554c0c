"""A JV lawyer's twenty-second reading of the example drafts, on terms rather than money: the
plant's lines add up to its nameplate capacity; one officer reports every milestone; a dividend
waits for the shareholder loans; nobody accepts its own contribution, and a criterion says who
tests it; an escalation names every clause of its path; a pilot's joint activities include
running it, and each risk has one insurer; a binding list binds without conditions; a review
held during the lock-in says when its exit can start; and a leaver's own sale follows the other
side's option instead of running alongside it."""

from __future__ import annotations

import re

import pytest

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers
from .test_twentieth_reading import EXAMPLES

_REPORTS = re.compile(r"[Tt]he JV's ([A-Za-z ]+?) reports in writing")


def _units(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_lines_of_the_ampere_plant_add_up_to_its_nameplate_capacity() -> None:
    texts = _texts(_answers("edrive-jv.yaml"))
    phases = texts["strengths.phases"]
    first = re.search(r"one line of ([\d,]+) units a year", phases)
    later = re.search(r"Lines 2 and 3 of ([\d,]+) units a year each", phases)
    nameplate = re.search(r"nameplate capacity of ([\d,]+) units a year", phases)
    assert first and later and nameplate
    assert _units(first[1]) + 2 * _units(later[1]) == _units(nameplate[1])
    # The objective and the milestone of the ramp-up state the same capacity.
    assert f"target {nameplate[1]} drive units a year" in texts["goals.objectives"]
    assert f"Milestone: {nameplate[1]} units a year demonstrated over a quarter." in phases


@pytest.mark.parametrize("name", ["battery-jv.yaml", "edrive-jv.yaml"])
def test_one_officer_reports_every_milestone_and_the_board_confirms_it(name: str) -> None:
    data = _answers(name)
    texts = _texts(data)
    # The capital calls confirm a milestone as the phase plan does, which names the officer.
    officers = {
        clause: _REPORTS.findall(texts[clause])
        for clause in ("strengths.phases", "goals.capital-calls")
    }
    assert officers == {"strengths.phases": ["Chief Executive Officer"], "goals.capital-calls": []}
    assert (
        "the Board confirms in writing to every party that the milestone has been met"
        in (texts["goals.capital-calls"])
    )
    # The schedule's tracking names the same body as the clauses.
    for row in data["strengths"]["contributions"]:
        if row["kind"] == "capital":
            assert "once the Board confirms each milestone" in row["tracking"]


def test_without_a_chief_executive_both_clauses_still_name_the_same_officer() -> None:
    data = _answers("edrive-jv.yaml")
    data["company"]["officers"] = [
        officer for officer in data["company"]["officers"] if "Executive" not in officer["role"]
    ]
    assert _REPORTS.findall(_texts(data)["strengths.phases"]) == ["chief executive officer"]
    # Without a phase plan, the capital calls name the officer themselves.
    del data["strengths"]["phases"]
    assert _REPORTS.findall(_texts(data)["goals.capital-calls"]) == ["chief executive officer"]


@pytest.mark.parametrize(
    ("name", "holders"), [("edrive-jv.yaml", "shareholder"), ("battery-jv.yaml", "stockholder")]
)
def test_a_dividend_waits_for_the_loans_the_funding_clause_ranks_ahead_of_it(
    name: str, holders: str
) -> None:
    data = _answers(name)
    numbers = _numbers(data)
    texts = _texts(data)
    calls = numbers["goals.capital-calls"]
    assert (
        f"No dividend or other distribution is paid to the {holders}s while a {holders} loan "
        f"under clause {calls} is outstanding: the JV first repays every such loan with its "
        "interest, as that clause provides."
    ) in texts["company.dividends"]
    assert "before it pays any dividend" in texts["goals.capital-calls"]


def test_a_jv_whose_calls_make_no_loans_says_nothing_of_them_in_its_dividends() -> None:
    # A Delaware company diluting a defaulter lends nothing: no loan can stand before a dividend.
    data = _answers("battery-jv.yaml")
    data["company"]["funding"]["on_default"] = "dilution"
    texts = _texts(data)
    assert "loan" not in texts["company.dividends"]
    assert "before it pays any dividend" not in texts["goals.capital-calls"]


def test_no_party_accepts_its_own_contribution_and_its_own_test_can_be_witnessed() -> None:
    for name in EXAMPLES:
        contributions = _texts(_answers(name))["strengths.contributions"]
        assert "(or else the receiving party), never the contributing party itself," in (
            contributions
        )
        assert (
            "Where a criterion is a test, inspection or calibration that the contributing party "
            "carries out itself, it counts only where the acceptor has had at least 5 working "
            "days' notice to attend it and has received its records, and the acceptor may repeat "
            "it, at the contributing party's cost where the repeat shows the criterion not met."
        ) in contributions


def test_tidewater_names_who_accepts_the_sensor_kits_and_the_market_access() -> None:
    rows = {row[1]: row[-1] for row in _table(_answers("robotaxi-pilot.yaml"), "contributions")}
    kits = next(value for key, value in rows.items() if key.startswith("Sensor kits"))
    access = next(value for key, value in rows.items() if key.startswith("Market access"))
    assert kits.startswith("Accepted by SOL for each kit")
    assert "AUR's end-of-line calibration" not in kits
    assert access.startswith("Accepted by the Steering Committee before service launch on a test")
    assert "showing at least 300,000 active riders" in access


def test_an_escalation_names_the_clause_for_bodies_outside_the_path_too() -> None:
    data = _answers("robotaxi-pilot.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    path = f"clauses {numbers['governance.escalation']} and {numbers['governance.off-path-bodies']}"
    assert (
        f"may refer the matter up the escalation path in {path}."
        in texts["strengths.contributions"]
    )
    assert (
        f"A Deadlock first goes up the escalation path in {path}." in texts["exit.trigger.deadlock"]
    )
    assert f"is first referred up the escalation path in {path} and" in texts["general.disputes"]
    # Without a body outside the path, one clause is the whole path.
    keystone = _answers("sdv-software.yaml")
    single = f"clause {_numbers(keystone)['governance.escalation']}"
    assert "governance.off-path-bodies" not in _numbers(keystone)
    assert f"the escalation path in {single}" in _texts(keystone)["strengths.contributions"]


def test_the_pilot_operates_its_service_jointly_with_one_insurer_of_each_risk() -> None:
    texts = _texts(_answers("robotaxi-pilot.yaml"))
    assert texts["goals.scope"].startswith(
        "The parties carry out jointly: operation of the pilot robotaxi service in Austin"
    )
    insurance = texts["general.insurance"]
    assert (
        "That insurance alone covers the automobile liability for a vehicle while it is operated "
        "in the service; the automobile liability insurance another party keeps under this "
        "clause covers that party's vehicles only while they are not, so that each risk has one "
        "insurer."
    ) in insurance
    assert (
        "for the vehicles it operates or supplies while they are not operated in the service"
        in insurance
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_example_leaves_fault_or_a_binding_clause_open_in_words(name: str) -> None:
    texts = _texts(_answers(name))
    drafted = "\n".join(texts.values())
    assert "at-fault" not in drafted
    assert "if agreed" not in texts.get("general.status.non-binding", "")
    assert "if agreed" not in texts.get("general.status.partly-binding", "")


def test_a_review_during_the_lock_in_says_when_its_exit_can_start() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    review = _texts(data)["change.pre-renewal-review"]
    assert (
        f"The Lock-in Period defined in clause {numbers['exit.term']} still runs on that date: "
        "the review may prepare an exit for convenience, but notice of it may be given only once "
        f"that period has ended, as clause {numbers['exit.trigger.convenience']} provides; the "
        f"in-sourcing option in clause {numbers['exit.in-sourcing-option']}, which the Lock-in "
        "Period does not restrict, may be exercised as that clause provides."
    ) in review
    # On the day the lock-in ends (three years from 1 April 2027), it no longer runs.
    point = next(point for point in data["change"]["review_points"] if "exit" in point["options"])
    point["date"] = "2030-04-01"
    assert "Lock-in Period" not in _texts(data)["change.pre-renewal-review"]
    point["date"] = "2030-03-31"
    assert "still runs on that date" in _texts(data)["change.pre-renewal-review"]


@pytest.mark.parametrize("name", ["battery-jv.yaml", "edrive-jv.yaml"])
def test_the_buy_out_states_its_price_with_its_options(name: str) -> None:
    data = _answers(name)
    numbers = _numbers(data)
    buy_out = _texts(data)["exit.stake-buy-out"]
    price = (
        "The price of the shares under an option in this clause is set as clause "
        f"{numbers['exit.valuation']} provides. An option under this clause is exercised"
    )
    assert price in buy_out
    assert buy_out.count("is set as clause") == 1
    assert not buy_out.split("\n")[0].endswith(
        f"set as clause {numbers['exit.valuation']} provides."
    )


def test_a_leaver_sells_to_a_third_party_only_once_the_other_party_s_option_has_run() -> None:
    buy_out = _texts(_answers("battery-jv.yaml"))["exit.stake-buy-out"]
    assert "within 6 months after its notice of exit takes effect" not in buy_out
    assert (
        "within 6 months after the later of the day its notice of exit takes effect and the day "
        "the time to exercise an option under this clause ends or, where an exercised option "
        "lapses, the day it lapses"
    ) in buy_out
