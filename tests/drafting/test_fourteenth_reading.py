"""What a senior JV lawyer's fourteenth reading of the example drafts asked for, as the drafted
text reads: the Board makes the capital calls the parties have committed to by its ordinary
vote, so no party can vote down the call for its own contribution; a deadlock, in a JV or an
alliance, can be noticed only within 30 days after the escalation path or the Lock-in Period
ends, whichever is later, and is otherwise treated as rejected; a put and call whose price
nobody refers to the expert lapses; shares the agreement itself moves are no Reserved Matter;
and the party that bears exit costs after a default is named by its default, never as a
"defaulting party" beside the Defaulting Party of the capital calls; the right to end the
agreements for a missing approval lapses once the approval arrives; every transferee of JV
shares adheres to the agreement, which a Delaware corporation calls the stockholders'; and money
an alliance partner pays is funding in the schedule, not capital."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_a_committed_capital_call_is_the_boards_ordinary_business() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "A capital call within the approved business plan, or for a capital contribution the "
        f"contributions schedule in clause {numbers['strengths.contributions']} commits the "
        "parties to, is not a Reserved Matter. It falls due on the date that plan or schedule "
        "states for it. Where either states a "
        "milestone instead, the call falls due on the day the Board confirms in writing to every "
        "party that the milestone has been met, which it does in the way clause "
        f"{numbers['strengths.phases']} provides for a milestone of the phase plan; where the "
        "Board has not so confirmed it within the period that clause sets, the call falls due "
        "on the day the expert's determination that the milestone has been met is given to the "
        "parties.\nThe Board "
        f"makes the call by the ordinary vote in clause {numbers['company.board']} or, where the "
        "Board has not made it within 10 working days after it fell due, either party makes it "
        "by written notice to the JV and the other party. It binds each party for the amount the approved business "
        "plan or that schedule commits it to. Any other capital call is a Reserved Matter under "
        f"clause {numbers['company.reserved-matters']}"
    ) in calls
    assert "of any amount" not in calls
    # Without capital in the schedule, only the business plan commits the parties.
    contributions = data["strengths"]["contributions"]
    contributions[:] = [row for row in contributions if row["kind"] != "capital"]
    matters = data["company"]["reserved_matters"]
    matters[:] = [item for item in matters if "Capital calls" not in item["matter"]]
    texts = _texts(data)
    calls = texts["goals.capital-calls"]
    assert (
        "A capital call within the approved business plan is not a Reserved Matter. It falls"
        in (calls)
    )
    assert "Where it states a milestone instead" in calls
    assert "binds each party for the amount the approved business plan commits it to." in calls
    assert "It falls due on the date that plan states for it" in calls
    assert "after it fell due, either party makes it by written notice" in calls
    reserved = texts["company.reserved-matters"]
    assert "\nCapital calls beyond the approved business plan: the Board" in reserved
    assert "contributions schedule" not in reserved


def test_a_deadlock_notice_has_one_window_after_the_lock_in_period_too() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    assert (
        "A Deadlock Notice may be given only within 30 days after that period ends, and never "
        f"during the Lock-in Period defined in clause {numbers['exit.term']}; where the Lock-in "
        "Period ends within those 30 days, they run instead until 30 days after the Lock-in "
        "Period ends. If none is given in time, the Reserved Matter is treated as rejected and "
        "the matter stays as it was, also where those 30 days end during the Lock-in Period"
    ) in _texts(data)["company.deadlock"]
    # Without a lock-in or a negotiation period, the window runs from the escalation path.
    del data["exit"]["term"]["lock_in"]
    del data["company"]["deadlock"]["cooling_off"]
    deadlock = _texts(data)["company.deadlock"]
    assert (
        '(a "Deadlock Notice"). A Deadlock Notice may be given only within 30 days after the '
        "escalation path ends; if none is given in time, the Reserved Matter is treated as "
        "rejected"
    ) in deadlock
    assert "Lock-in Period" not in deadlock


def test_an_alliance_deadlock_exit_has_the_same_window() -> None:
    data = _answers("platform-sharing.yaml")
    numbers = _numbers(data)
    window = (
        "Such a notice may be given only within 30 days after the path ends, and never during "
        f"the Lock-in Period defined in clause {numbers['exit.term']}; where the Lock-in Period "
        "ends within those 30 days, they run instead until 30 days after the Lock-in Period ends."
    )
    assert window in _texts(data)["exit.trigger.deadlock"]
    unlocked = _texts(_answers("incomplete-deal.yaml"))["exit.trigger.deadlock"]
    assert (
        "by giving 90 days' notice. Such a notice may be given only within 30 days after the path "
        "ends; where no such notice"
    ) in unlocked
    assert "Lock-in Period" not in unlocked


def test_a_put_and_call_lapses_when_no_party_refers_the_price() -> None:
    lapses = (
        "if no party has referred it by the end of those 10 days, the Deadlock Notice lapses and "
        "the Reserved Matter is treated as rejected."
    )
    assert lapses in _texts(_answers("edrive-jv.yaml"))["company.deadlock"]
    # A shoot-out and a put and call at a fixed price have no expert, and no notice lapses
    # for want of one.
    assert "referred it" not in _texts(_answers("battery-jv.yaml"))["company.deadlock"]
    data = _answers("edrive-jv.yaml")
    data["exit"]["valuation"] = {"method": "fixed_price", "price": "EUR 1bn"}
    assert "referred it" not in _texts(data)["company.deadlock"]


def test_a_transfer_the_agreement_provides_for_needs_no_reserved_matter() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    reserved = _texts(data)["company.reserved-matters"]
    assert (
        "A transfer or issue of shares made in compliance with the transfer rules in clause "
        f"{numbers['company.transfers']}, the deadlock mechanism in clause "
        f"{numbers['company.deadlock']}, the buy-out on exit in clause "
        f"{numbers['exit.stake-buy-out']} or the funding of a capital call under clause "
        f"{numbers['goals.capital-calls']} is not a Reserved Matter and needs no other approval"
    ) in reserved
    # A default funded by loans dilutes nobody.
    data["company"]["funding"]["on_default"] = "shareholder_loan"
    reserved = _texts(data)["company.reserved-matters"]
    assert "or the funding of" not in reserved
    assert f"or the buy-out on exit in clause {numbers['exit.stake-buy-out']} is not a" in reserved


def test_costs_after_a_default_fall_on_the_party_in_default() -> None:
    for name in ("battery-jv.yaml", "sdv-software.yaml"):
        texts = _texts(_answers(name))
        for clause in ("exit.costs", "exit.valuation"):
            assert "defaulting party" not in texts[clause]
            assert "after an exit for a party's material breach or insolvency, that party" in (
                texts[clause].replace("After", "after")
            )


def test_the_right_to_end_for_a_missing_approval_lapses_once_it_arrives() -> None:
    for name, then in (
        ("battery-jv.yaml", "closing takes place"),
        ("bridge-technology.yaml", "the activity starts"),
    ):
        approvals = _texts(_answers(name))["general.regulatory-approvals"]
        assert (
            "unless the parties agree in writing to extend that period. That right lapses, and "
            f"{then}, if the approval is obtained without an Unacceptable Condition before the "
            "notice is given."
        ) in approvals


def test_every_transferee_adheres_to_the_holders_agreement() -> None:
    data = _answers("battery-jv.yaml")
    texts = _texts(data)
    transfers = texts["company.transfers"]
    assert "a party may transfer its shares only as follows.\n" in transfers
    assert transfers.endswith(
        "or with the JV. Every transferee under this clause, an "
        "affiliate during the Lock-in Period included, must first adhere to the stockholders' "
        "agreement."
    )
    # The answer file's own words are put in the corporation's terms too.
    data["term_sheet"]["definitive_agreements"][0] = "a shareholders' agreement"
    assert "a stockholders' agreement;" in _texts(data)["general.definitive-agreements"]
    # A GmbH has shareholders.
    transfers = _texts(_answers("edrive-jv.yaml"))["company.transfers"]
    assert transfers.endswith("must first adhere to the shareholders' agreement.")


def test_money_outside_a_jv_is_funding_not_capital() -> None:
    rows = _table(_answers("bridge-technology.yaml"), "contributions")
    assert any(
        row[0] == "CMC" and row[1].startswith("Funding: Non-recurring engineering payments")
        for row in rows
    )
    assert not any(row[1].startswith("Capital") for row in rows)
    jv = _table(_answers("battery-jv.yaml"), "contributions")
    assert any(row[1].startswith("Capital: Equity contribution to the JV") for row in jv)
