"""What a senior JV lawyer's twelfth reading of the example drafts asked for, as the drafted
text reads: a negotiation after the long-stop date has time to run, a deadlock cannot get round
the lock-in, deadlock options run once their price is known, an offtake's schedule row follows
its clause, a change outside the approver's hands is an exception to it, and a party deciding a
review alone only proposes a change of course."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_a_negotiation_after_a_missed_approval_runs_past_the_long_stop_date() -> None:
    approvals = _texts(_answers("bridge-technology.yaml"))["general.regulatory-approvals"]
    assert (
        "the parties negotiate in good faith on another way to carry out the activity concerned "
        "during the 60 days that follow the earliest of those events"
    ) in approvals
    assert "agreed one by the Long-stop Date" not in approvals


def test_no_deadlock_notice_during_the_lock_in_period() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    notice = (
        f"and never during the Lock-in Period defined in clause {numbers['exit.term']}; where the "
        "Lock-in Period ends within those 30 days"
    )
    assert notice in _texts(data)["company.deadlock"]
    assert (
        "and never during the Lock-in Period defined in clause"
        in (_texts(_answers("battery-jv.yaml"))["company.deadlock"])
    )
    del data["exit"]["term"]["lock_in"]
    assert "Lock-in Period" not in _texts(data)["company.deadlock"]


def test_deadlock_put_and_call_windows_run_from_the_price() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    deadlock = _texts(data)["company.deadlock"]
    assert (
        f"is set under clause {numbers['exit.valuation']}; if a price has not been agreed"
    ) in deadlock
    assert (
        "Within 60 days after the last of those prices has been agreed or determined, RMA may buy "
        "all the shares of the parties on the other side of the Deadlock from it"
    ) in deadlock
    assert "within 60 days of the Deadlock Notice" not in deadlock


def test_an_offtake_row_runs_as_long_as_its_clause() -> None:
    for name, party in (("battery-jv.yaml", "NAW"), ("edrive-jv.yaml", "RMA")):
        data = _answers(name)
        offtake = next(
            row for row in _table(data, "contributions") if row[0] == party and "Offtake" in row[1]
        )
        assert (
            offtake[3]
            == "from 1 July 2030 until the end of the Initial Term and of each renewal period"
        )
        assert "until the end of the Initial Term and" in _texts(data)["strengths.offtake"]
        # A partnership that does not renew keeps the fixed end date in both.
        data["exit"]["renewal"] = {"type": "none"}
        offtake = next(
            row for row in _table(data, "contributions") if row[0] == party and "Offtake" in row[1]
        )
        assert offtake[3].startswith("1 July 2030 to ")


def test_a_take_or_pay_shortfall_counts_only_the_volume_made_available() -> None:
    offtake = _texts(_answers("battery-jv.yaml"))["strengths.offtake"]
    assert (
        "any shortfall below 85 % of the lesser of the commitment and the volume the JV made "
        "available (take-or-pay)"
    ) in offtake


def test_a_party_deciding_a_review_alone_only_proposes_a_redirection() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    review = _texts(data)["change.pre-renewal-review"]
    assert (
        "At the In-sourcing decision review on 30 September 2029, CMC decides whether to propose "
        f"a redirection of the partnership under clause {numbers['change.procedure']} or prepare "
        "an orderly exit; the outcome of the review does not by itself end the partnership or "
        "a party's part in it."
    ) in review
    assert "continue the partnership unchanged, redirect it" not in review
