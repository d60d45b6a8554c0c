"""What a senior JV lawyer's eleventh reading of the example drafts asked for, as the drafted
text reads: a deadlock that may end a partnership is defined, and only a decision the
decision-rights matrix reserves for unanimous or joint approval can become one."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_only_a_decision_reserved_for_joint_approval_can_deadlock_into_an_exit() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    trigger = texts["exit.trigger.deadlock"]
    assert (
        'A deadlock (a "Deadlock") exists only on a decision that the decision-rights matrix in '
        'the Governance Annex reserves for unanimous or joint approval (the rows "Changes to '
        'feature content" and "Deviations from release acceptance criteria"), once that decision '
        "has been put to the body that owns it at two meetings held at least 10 working days "
        "apart without a decision."
    ) in trigger
    # The default unanimity of the annex opens no exit.
    assert "including a decision that a body takes unanimously only because the matrix" in trigger
    assert (
        "A Deadlock first goes up the escalation path in clause "
        f"{numbers['governance.escalation']}. If it is still unresolved after the full path, "
        "either party may end the partnership by giving 60 days' notice"
    ) in trigger
    assert (
        f"only a Deadlock as defined in clause {numbers['exit.trigger.deadlock']} may lead to exit"
    ) in texts["governance.escalation"]
    assert (
        "It may lead to exit only where it is a Deadlock as clause"
        in (texts["governance.annex.escalation"])
    )


def test_a_decision_the_parties_take_jointly_is_put_to_the_parties() -> None:
    data = _answers("bridge-technology.yaml")
    for right in data["governance"]["decision_rights"]:
        if right["approval"] == "unanimous":
            right.update(owner="joint", approval="owner_decides")
    trigger = _texts(data)["exit.trigger.deadlock"]
    assert "has been put to the parties at two meetings" in trigger
    # A matrix that reserves nothing for joint approval leaves the rows open.
    for right in data["governance"]["decision_rights"]:
        right.update(owner="CMC", approval="owner_decides")
    assert "(the rows [●])" in _texts(data)["exit.trigger.deadlock"]


def test_a_jv_deadlock_stays_with_its_mechanism() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert "exists only on a decision" not in texts["exit.trigger.deadlock"]
    assert "It may lead to exit only where" not in texts["governance.annex.escalation"]


def test_ending_the_negotiations_ends_the_exclusive_negotiations() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    status = numbers["general.status.non-binding"]
    assert (
        "From signature of this term sheet until the definitive agreements are signed, this term "
        f"sheet expires or a party ends the negotiations by notice under clause {status}, "
        "whichever comes first,"
    ) in texts["general.exclusivity"]
    expiry = texts["general.expiry"]
    assert f"When it lapses, or a party ends the negotiations by notice under clause {status}," in (
        expiry
    )
    # The entire-agreement clause that binds from signature still binds after the lapse.
    assert numbers["general.entire-agreement"] in expiry.split("only clauses")[1]
    # A partly binding term sheet gives no right to end the negotiations early.
    meridian = _texts(_answers("platform-sharing.yaml"))
    assert (
        "until the definitive agreements are signed or this term sheet expires,"
        in (meridian["general.exclusivity"])
    )
    assert "When it lapses, negotiations end" in meridian["general.expiry"]


def test_a_jv_prices_a_buy_out_as_at_the_exit_notice_not_the_option() -> None:
    text = _texts(_answers("battery-jv.yaml"))["exit.valuation"]
    assert "the notice or option that gives rise to the acquisition" not in text
    assert "not the later date on which an option to buy is exercised" in text


def test_an_offtake_that_ends_with_the_initial_term_runs_through_its_renewals() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    offtake = _texts(data)["strengths.offtake"]
    assert (
        "NAW commits to take 30 GWh a year from 1 July 2030 until the end of the Initial Term "
        f"and, where the partnership is renewed under clause {numbers['exit.renewal.automatic']}, "
        "of each renewal period."
    ) in offtake
    # An offtake that ends before the term keeps its date.
    data["strengths"]["contributions"][-1]["end"] = "2034-12-31"
    assert "from 1 July 2030 until 31 December 2034." in _texts(data)["strengths.offtake"]
    # So does one where the partnership does not renew.
    data = _answers("battery-jv.yaml")
    data["exit"]["renewal"] = {"type": "none"}
    assert "until 31 May 2037." in _texts(data)["strengths.offtake"]


def test_the_pricing_between_the_parties_is_introduced_by_a_sentence() -> None:
    text = _texts(_answers("bridge-technology.yaml"))["goals.value-sharing"]
    assert "Transfer pricing:" not in text
    assert (
        "The parties price what they supply to each other on the following basis:\nCMC pays "
        "SDA a licence fee of USD 185 for each vehicle"
    ) in text


def test_a_deal_without_a_jv_has_no_closing_and_says_its_conditions_once() -> None:
    texts = _texts(_answers("sdv-software.yaml"))
    approvals = texts["general.regulatory-approvals"]
    assert "merger-control" not in approvals
    assert "Closing" not in approvals
    assert "the activity that needs it starts only once the approval has been obtained" in (
        approvals
    )
    conditions = texts["general.conditions"]
    assert "Long-stop Date" not in conditions
    assert "Once signed, they need no closing" in conditions
    assert (
        'on the date the definitive agreements are signed (the "Effective Date")'
        in (texts["exit.term"])
    )
    # A JV keeps its merger control and closing.
    volta = _texts(_answers("battery-jv.yaml"))
    assert "merger-control" in volta["general.regulatory-approvals"]
    assert (
        "That clause also says when either party may end the definitive agreements"
        in (volta["general.conditions"])
    )


def test_an_adjourned_board_meeting_is_quorate_with_whoever_attends_on_purpose() -> None:
    numbers = _numbers(_answers("battery-jv.yaml"))
    board = _texts(_answers("battery-jv.yaml"))["company.board"]
    assert (
        "is quorate with the directors present and decides only on that agenda. The parties "
        "choose this so that neither party can stop the Board by staying away; a Reserved Matter "
        f"still needs the approval clause {numbers['company.reserved-matters']} states for it, whoever "
        "attends."
    ) in board


def test_shares_are_locked_up_for_the_lock_in_period_when_the_two_are_one() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    transfers = _texts(data)["company.transfers"]
    assert "Lock-up Period" not in transfers
    assert (
        f"during the Lock-in Period that clause {numbers['exit.term']} defines (the first 5 years "
        "after the Effective Date)"
    ) in transfers
    assert "Otherwise, after the Lock-in Period a party may transfer its shares" in transfers
    # Periods that differ keep their own names, and the transfer clause says so.
    data["company"]["transfers"]["lock_up"] = "3 years"
    transfers = _texts(data)["company.transfers"]
    assert (
        '(the "Lock-up Period", which runs apart from the Lock-in Period in clause '
        f"{numbers['exit.term']})"
    ) in transfers


def test_a_matrix_decision_the_reserved_matters_already_name_is_not_reserved_twice() -> None:
    text = _texts(_answers("battery-jv.yaml"))["company.reserved-matters"]
    assert "as far as the list above does not already name them" in text
    assert (
        "with the approval the matrix states: cost baseline and timing baseline (SOP dates)."
        in (text)
    )


def test_a_valuation_that_grants_no_right_to_buy_says_it_only_prices_one() -> None:
    text = _texts(_answers("sdv-software.yaml"))["exit.valuation"]
    assert text.startswith(
        "This clause sets the price of a purchase on exit but does not itself give either party a "
        "right to buy."
    )


def test_a_working_team_that_decides_nothing_says_it_has_no_quorum() -> None:
    data = _answers("platform-sharing.yaml")
    rows = {row[0]: row for row in _table(data, "bodies")}
    assert rows["Clean Team"][4] == "No quorum: it takes no decisions"
    # One that owns a decision in the matrix needs a quorum like any other body.
    data["governance"]["decision_rights"][0]["owner"] = "Clean Team"
    rows = {row[0]: row for row in _table(data, "bodies")}
    assert rows["Clean Team"][4] == "[●]"


def test_a_two_thirds_majority_is_written_as_one() -> None:
    rows = _table(_answers("robotaxi-pilot.yaml"), "decision_rights")
    timing = next(row for row in rows if row[0].startswith("Phase timing"))
    assert (
        timing[3]
        == "Qualified majority of two thirds (votes of 4 of 6 members, cast in party blocks)"
    )
