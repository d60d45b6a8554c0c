"""What a senior JV lawyer's thirteenth reading of the example drafts asked for, as the drafted
text reads: a deadlock that arises in the lock-in has a rule, forced transfers sit outside the
transfer list, the Board votes by shareholding and reserves the capital calls beyond the
commitments, a negotiation on a missing approval runs from the first failure, a put and call says whose price and who goes to
the expert, and the change procedure names the consent a change needs as the annex does."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

_IN_THE_LOCK_IN = "never during the Lock-in Period"
_LAST_BUDGET = (
    "While a Deadlock is unresolved, whether or not a Deadlock Notice has been given, the JV "
    "continues in the ordinary course under its last approved business plan and budget."
)


def test_no_deadlock_notice_is_given_in_the_lock_in_period() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "A Deadlock Notice may be given only within 30 days after that period ends, and never "
        f"during the Lock-in Period defined in clause {numbers['exit.term']}; "
    ) in texts["company.deadlock"]
    assert _LAST_BUDGET in texts["company.deadlock"]
    assert (
        f"resolved under the deadlock mechanism in clause {numbers['company.deadlock']}, which no "
        "party may start during the Lock-in Period"
    ) in texts["governance.escalation"]
    assert (
        "as that clause provides, which also says when a Deadlock that arises during the "
        "Lock-in Period lapses."
    ) in texts["exit.trigger.deadlock"]
    # Without a lock-in the JV still runs on its last plan, and nothing waits for one.
    del data["exit"]["term"]["lock_in"]
    texts = _texts(data)
    assert _LAST_BUDGET in texts["company.deadlock"]
    assert _IN_THE_LOCK_IN not in texts["company.deadlock"]
    for clause in ("governance.escalation", "exit.trigger.deadlock"):
        assert "Lock-in Period" not in texts[clause]


def test_an_alliance_deadlock_exit_waits_for_the_lock_in_period_too() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "either party may end the partnership by giving 60 days' notice. Such a notice may be "
        "given only within 30 days after the path ends, and never during the Lock-in Period "
        f"defined in clause {numbers['exit.term']};"
    ) in texts["exit.trigger.deadlock"]
    assert (
        "may lead to exit under that clause, and never by a notice given during the Lock-in "
        "Period" in (texts["governance.escalation"])
    )
    assert (
        "and never by a notice given during the Lock-in Period"
        in texts["governance.annex.escalation"]
    )
    del data["exit"]["term"]["lock_in"]
    texts = _texts(data)
    assert texts["exit.trigger.deadlock"].endswith(
        "by giving 60 days' notice. Such a notice may be given only within 30 days after the "
        "path ends; where no such notice is given in time, the decision in deadlock is treated "
        f"as rejected (clause {numbers['governance.unreached']} says what applies in its place)."
    )
    assert "Lock-in Period" not in texts["governance.escalation"]


def test_a_forced_transfer_is_allowed_whenever_its_clause_applies() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    transfers = _texts(data)["company.transfers"]
    assert "before it ceases to be one, and except" not in transfers
    assert (
        "before it ceases to be one. A transfer under the deadlock mechanism in clause "
        f"{numbers['company.deadlock']} or a buy-out on exit in clause "
        f"{numbers['exit.stake-buy-out']} is permitted at any time that clause applies, during "
        "the Lock-in Period or after it, and the right of first offer and the tag-along below do "
        "not apply to it. Otherwise, after the Lock-in Period"
    ) in transfers
    # With no pre-emption or tag-along there is nothing to set aside.
    data["company"]["transfers"].update(pre_emption="none", tag_along=False)
    transfers = _texts(data)["company.transfers"]
    assert "during the Lock-in Period or after it. Otherwise, after" in transfers
    assert "do not apply to it" not in transfers


def test_the_board_votes_by_shareholding_and_reserves_calls_beyond_the_commitments() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "The Board decides by a majority of the votes cast by the directors present, except on the "
        f"Reserved Matters in clause {numbers['company.reserved-matters']}. The directors a party "
        "appointed who are present cast that party's votes, which follow its shareholding from time "
        "to time (initially RMA 45 %, HEC 35 %, VTR 20 %), in equal parts among them, however many of them attend."
    ) in texts["company.board"]
    assert "simple majority of the directors present" not in texts["company.board"]
    assert (
        f"Any other capital call is a Reserved Matter under clause "
        f"{numbers['company.reserved-matters']} and, whatever majority that clause states for "
        "it, needs the approval"
    ) in texts["goals.capital-calls"]
    reserved = texts["company.reserved-matters"]
    assert (
        "Capital calls beyond the approved business plan and the contributions schedule, and "
        "borrowing above EUR 50m: the Board"
    ) in reserved
    assert reserved.count("Capital calls") == 1
    assert (
        f"where the matrix names none, by the Board, as clause {numbers['company.board']} "
        "provides, or"
    ) in reserved
    # A list that names no capital call gets one.
    matters = data["company"]["reserved_matters"]
    matters[:] = [item for item in matters if "Capital calls" not in item["matter"]]
    reserved = _texts(data)["company.reserved-matters"]
    assert (
        "\nCapital calls beyond the approved business plan and the contributions schedule: the "
        "Board, with the votes of all directors present, who must include at least one director "
        "appointed by each party.\n"
    ) in reserved
    assert "all shareholders;\nCapital calls beyond" in reserved


def test_a_negotiation_on_an_approval_runs_from_the_first_failure_until_it_arrives() -> None:
    for name, what in (
        ("battery-jv.yaml", "an alternative structure"),
        ("bridge-technology.yaml", "another way to carry out the activity concerned"),
    ):
        texts = _texts(_answers(name))
        approvals = texts["general.regulatory-approvals"]
        assert "refused, made subject to an Unacceptable Condition or not " in approvals
        assert (
            f"the parties negotiate in good faith on {what} during the 60 days that follow the "
            "earliest of those events. If the approval is obtained without an Unacceptable "
            "Condition within that period, the negotiation ends"
        ) in approvals
        assert "until the Long-stop Date" not in approvals
        assert "after the Long-stop Date" not in approvals
    conditions = _texts(_answers("battery-jv.yaml"))["general.conditions"]
    assert "If closing has not taken place by the Long-stop Date" not in conditions


def test_a_put_and_call_names_its_price_and_who_refers_it_to_the_expert() -> None:
    deadlock = _texts(_answers("edrive-jv.yaml"))["company.deadlock"]
    assert (
        "if a price has not been agreed within 30 days after the Deadlock Notice, any party may "
        "refer it to the expert under that clause, and the party that gave the Deadlock Notice "
        "must do so within the following 10 days if no other party has; if no party has referred "
        "it by the end of those 10 days, the Deadlock Notice lapses and the Reserved Matter is "
        "treated as rejected. Within 60 days after the last of those prices has been agreed or "
        "determined, RMA may buy"
    ) in deadlock
    data = _answers("battery-jv.yaml")
    data["company"]["deadlock"] = {
        "mechanism": "put_call",
        "call_holder": "NAW",
        "response_period": "60 days",
    }
    deadlock = _texts(data)["company.deadlock"]
    assert "Put and call: the price of the shares of the other party is set under clause" in (
        deadlock
    )
    assert "if it has not been agreed within 30 days after the Deadlock Notice, either party" in (
        deadlock
    )
    assert "Within 60 days after that price has been agreed or determined, NAW may buy" in (
        deadlock
    )
    # A fixed price needs no expert: the window runs from the notice.
    data["exit"]["valuation"] = {"method": "fixed_price", "price": "USD 1bn"}
    deadlock = _texts(data)["company.deadlock"]
    assert "expert" not in deadlock
    assert "Within 60 days of the Deadlock Notice, NAW may buy" in deadlock


def test_the_change_procedure_and_the_annex_name_the_same_consent() -> None:
    texts = _texts(_answers("edrive-jv.yaml"))
    consent = "a change that alters a party's contribution or share also needs that party's"
    assert f"{consent[0].upper()}{consent[1:]} written consent." in texts["change.procedure"]
    assert f"; {consent} written consent." in texts["change.annex.change-control"]


def test_a_take_or_pay_says_what_a_unit_of_shortfall_costs_and_how_a_part_year_counts() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    offtake = _texts(data)["strengths.offtake"]
    assert (
        "The take-or-pay payment for each unit of shortfall is the price the unit would have had "
        f"under the transfer-pricing basis in clause {numbers['goals.value-sharing']}, less the "
        "variable costs the JV saves by not making it. In a year the commitment covers only in "
        "part, the commitment counts in proportion to the days it covers"
    ) in offtake
    assert "whether or not NAW called it off." in offtake
    # An offtake without a take-or-pay gets none of it.
    offtaker = next(
        item for item in data["strengths"]["contributions"] if item["kind"] == "plant_allocation"
    )
    offtaker["acceptance"] = "NAW takes the output the annual production plan allocates to it."
    assert "unit of shortfall" not in _texts(data)["strengths.offtake"]


def test_the_schedule_names_an_offtake_or_a_plant_capacity_not_both() -> None:
    rows = _table(_answers("edrive-jv.yaml"), "contributions")
    offtake = next(row for row in rows if row[0] == "RMA" and "Offtake" in row[1])
    assert (
        offtake[1] == "Offtake commitment for drive units for RMA's compact and mid-size platforms."
    )
    capacity = next(
        row for row in _table(_answers("platform-sharing.yaml"), "contributions") if row[0] == "AUV"
    )
    assert capacity[1].startswith("Plant capacity: Body shop, paint and assembly capacity")
    assert not any("and offtake" in row[1] for row in rows)
