"""A JV lawyer's twenty-third reading of the example drafts: a buy-back price states its base
and what comes off it; a JV says who pays for the staff and services a party contributes; what
is paid for what after exit (per-vehicle fees, updates, service parts, a plant's capacity) is
stated once and consistently; an acceptance names its acceptor and the evidence; no party's
officer alone confirms the milestones that call money; money paid on account of a cost share
says whose it is; and the annex's review calendar carries the term sheet's lock-in note."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

SERVICES_AT_COST = (
    "at cost, without mark-up or profit (for seconded staff, their salaries, social charges and "
    "travel and living costs while seconded), against a monthly statement of that cost payable "
    "within 30 days: such a contribution is neither a contribution to the JV's capital nor a "
    "change to the shareholdings"
)
LOCK_IN_NOTE = (
    "the Lock-in Period still runs: notice of an exit for convenience may be given only once it "
    "has ended"
)


def test_lodestar_prices_bought_tooling_on_its_book_value_less_what_the_buyer_paid() -> None:
    valuation = _texts(_answers("incomplete-deal.yaml"))["exit.valuation"]
    assert "the price is its book value in the seller's latest audited accounts" in valuation
    assert (
        "For tooling a party buys, the price is its book value multiplied by the share of its "
        "acquisition cost that the buyer has not paid for, directly or as Shared Costs, and so "
        "never below nil."
    ) in valuation
    assert "reduced by any part of its cost" not in valuation


@pytest.mark.parametrize(
    ("name", "services"),
    [
        ("battery-jv.yaml", "KSC's engineering capacity and NAW's validation slots"),
        ("edrive-jv.yaml", "HEC's engineering capacity"),
    ],
)
def test_a_jv_pays_for_seconded_staff_at_cost_outside_the_capital(name: str, services: str) -> None:
    contributions = _texts(_answers(name))["strengths.contributions"]
    assert f"The JV pays for {services} {SERVICES_AT_COST}" in contributions


def test_a_party_with_several_contributions_of_staff_is_named_once_with_each_kind() -> None:
    data = _answers("battery-jv.yaml")
    rows = data["strengths"]["contributions"]
    engineering = next(row for row in rows if row["kind"] == "engineering_capacity")
    validation = next(row for row in rows if row["kind"] == "validation_slots")
    rows += [{**engineering, "description": "Training for NAW plant staff."}]
    rows += [{**validation, "party": "KSC", "description": "Cell abuse testing."}]
    contributions = _texts(data)["strengths.contributions"]
    services = "KSC's engineering capacity and validation slots, and NAW's validation slots"
    assert f"The JV pays for {services} {SERVICES_AT_COST}" in contributions


def test_only_a_jv_with_contributed_staff_or_services_says_who_pays_for_them() -> None:
    # Outside a JV the shared costs count such a contribution; a JV without one has nothing
    # to pay for.
    assert (
        "The JV pays for"
        not in _texts(_answers("bridge-technology.yaml"))["strengths.contributions"]
    )
    data = _answers("edrive-jv.yaml")
    data["strengths"]["contributions"] = [
        row for row in data["strengths"]["contributions"] if row["kind"] != "engineering_capacity"
    ]
    assert "The JV pays for" not in _texts(data)["strengths.contributions"]


def test_bridgeway_says_what_is_paid_for_what_after_exit() -> None:
    data = _answers("bridge-technology.yaml")
    texts = _texts(data)
    sharing = _numbers(data)["goals.value-sharing"]
    road = texts["exit.vehicles-on-the-road"]
    licence = _numbers(data)["general.licence-scope"]
    # The fee is named by what it is and the vehicles it is paid for, not "fees for a vehicle".
    assert (
        f"A licence fee that clause {sharing} sets for each vehicle built under a licence of "
        f"clause {licence} also pays for the safety and security updates of the vehicle it is "
        "paid for, which are supplied without further charge. Updates for any other vehicle are "
        "paid for by the party whose vehicles receive them, at the cost of developing and "
        "releasing them, without mark-up or profit."
    ) in road
    assert "fees paid under" not in road
    assert "cost basis used during the partnership" not in road
    # The fee itself continues for what is built under a licence that survives exit.
    assert (
        "the fees continue on the same terms for the vehicles built under a licence"
        in texts["goals.value-sharing"]
    )


def test_updates_without_a_per_vehicle_fee_are_paid_at_cost_by_the_vehicles_owner() -> None:
    road = _texts(_answers("sdv-software.yaml"))["exit.vehicles-on-the-road"]
    assert (
        "Safety and security updates are paid for by the party whose vehicles receive them, at "
        "the cost of developing and releasing them, without mark-up or profit."
    ) in road
    assert "further charge" not in road


def test_service_parts_keep_the_partnership_pricing_basis() -> None:
    data = _answers("battery-jv.yaml")
    road = _texts(data)["exit.vehicles-on-the-road"]
    assert (
        f"Service parts are priced on the basis clause {_numbers(data)['goals.value-sharing']} "
        "sets for what the parties supply to each other or, where it sets none for them, at the "
        "cost of making and supplying them, without mark-up or profit."
    ) in road
    assert "updates" not in road


def test_bridgeways_annex_review_calendar_carries_the_lock_in_note() -> None:
    rows = {row[0]: row for row in _table(_answers("bridge-technology.yaml"), "review_calendar")}
    assert rows["In-sourcing decision review"][2] == f"continue, redirect or exit; {LOCK_IN_NOTE}"
    term_sheet = _texts(_answers("bridge-technology.yaml"))["change.pre-renewal-review"]
    assert "notice of it may be given only once that period has ended" in term_sheet


def test_a_review_after_the_lock_in_or_without_an_exit_has_no_lock_in_note() -> None:
    for row in _table(_answers("battery-jv.yaml"), "review_calendar"):
        assert "Lock-in" not in row[2]
    data = _answers("bridge-technology.yaml")
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] != "convenience"]
    rows = {row[0]: row for row in _table(data, "review_calendar")}
    assert rows["In-sourcing decision review"][2] == "continue, redirect or exit"


def test_meridians_supply_after_exit_has_a_price_and_an_allocation_rule() -> None:
    survival = _texts(_answers("platform-sharing.yaml"))["exit.survival"]
    assert "at the contract-manufacturing price of cost plus 4 % that applied during" in survival
    assert (
        "Where the plant cannot build all that both parties order, each party's models keep the "
        "share of the plant's output they had in the 12 months before the partnership ended."
    ) in survival
    assert "subject to capacity" not in survival


@pytest.mark.parametrize(
    ("name", "starts", "acceptor"),
    [
        (
            "battery-jv.yaml",
            "JV process engineers pass KSC's line qualification",
            "accepted by the JV's Head of Quality on the qualification records",
        ),
        (
            "edrive-jv.yaml",
            "JV engineers pass HEC's line qualification",
            "accepted by the Joint PMO on the qualification records",
        ),
        (
            "robotaxi-pilot.yaml",
            "Remote-assistance ratio",
            "accepted by MFM each month on the dispatch system's log",
        ),
        (
            "sdv-software.yaml",
            "Release passes the agreed regression suite",
            "accepted by BFW on the suite's results and the open-defect list",
        ),
    ],
)
def test_a_criterion_the_contributor_tests_names_who_accepts_it(
    name: str, starts: str, acceptor: str
) -> None:
    rows = [row for row in _table(_answers(name), "contributions") if row[-1].startswith(starts)]
    assert len(rows) == 1
    assert acceptor in rows[0][-1]


@pytest.mark.parametrize(
    ("name", "advance"),
    [("bridge-technology.yaml", "CMC's USD 120m"), ("sdv-software.yaml", "BFW's EUR 240m")],
)
def test_an_advance_is_named_as_paid_on_account_of_the_payers_cost_share(
    name: str, advance: str
) -> None:
    costs = _texts(_answers(name))["goals.shared-costs"].replace("\xa0", " ")
    assert (
        f"a contribution in money paid to the other party ({advance}) is not a Shared Cost but a "
        "payment on account of the paying party's cost share"
    ) in costs


def test_bridgeways_engineering_payments_are_not_a_fee_for_sdas_work() -> None:
    rows = _table(_answers("bridge-technology.yaml"), "contributions")
    funding = next(row for row in rows if "Non-recurring engineering payments" in row[1])
    assert "on account of CMC's cost share (not a fee for SDA's work)" in funding[1]
