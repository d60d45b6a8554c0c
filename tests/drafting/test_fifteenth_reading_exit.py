"""What a senior JV lawyer's fifteenth reading of the example drafts asked for on the way out of
a JV, as the drafted text reads: a sale the deadlock mechanism or the exit buy-out forces has a
completion date and a long-stop for its regulatory approvals, and says what follows when they
fail; a shoot-out's bids run from the appointment of the person who receives them, and not
bidding leads to no winding-up; the Exiting Party is defined for every trigger, the innocent
party may put as well as call, and among three parties a withdrawal leaves the JV running; a
no-fault exit shares its costs, and the JV's own costs fall on someone; a competitor is defined
and a drag-along sale needs no competitor consent; capital calls after the Valuation Date are
credited, an offtake ends with its buyer's withdrawal, a milestone's long-stop date says what it
counts from, and the expert's fees name only the defaults the deal has."""

from __future__ import annotations

from termgen.wording import mentions_date

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_sale_forced_by_the_deadlock_mechanism_has_a_long_stop_for_its_approvals() -> None:
    data = _answers("battery-jv.yaml")
    deadlock = _texts(data)["company.deadlock"]
    assert (
        "completion, which takes place within 60 days after the buyer is known or, if later, "
        "within 10 working days after the last regulatory approval the transfer needs (merger "
        "control or foreign-investment screening among them) is obtained."
    ) in deadlock
    assert (
        "If an approval is refused with final effect, or has not been obtained within 9 months "
        "after the buyer is known, the sale lapses, and the party that was to sell may, within "
        "30 days after it lapses, buy all the shares of the buyer at the same price per share "
        "and on the same terms; that sale completes, and lapses, as this paragraph provides, "
        "counted from the notice to buy. If it does not, or that sale lapses in turn, either party may "
        f"require the JV to be wound up as clause {_numbers(data)['exit.winding-up']} provides"
    ) in deadlock
    assert "subject only to the regulatory approvals" not in deadlock
    # A put and call that cannot complete leaves the JV as it was, as an option not exercised.
    ampere = _texts(_answers("edrive-jv.yaml"))["company.deadlock"]
    assert (
        "after the buyer is known, the sale lapses, the Reserved Matter is treated as rejected and "
        "the JV continues as before."
    ) in ampere


def test_the_exit_buy_out_completes_on_a_date_and_has_a_long_stop() -> None:
    data = _answers("battery-jv.yaml")
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert (
        "Completion takes place within 20 working days after the option has been exercised and "
        "the price agreed or determined or, if later, within 10 working days after the last "
        "regulatory approval the transfer needs"
    ) in buy_out
    assert (
        "has not been obtained within 9 months after the option was exercised, the option lapses; "
        "where it was an option of the other party after the Exiting Party's material breach or "
        "change of control, that party may exercise its other option under this clause instead, "
        "within 30 days after the lapse. If it does not, or that sale lapses too, it is as if no "
        "option had been exercised in time."
    ) in buy_out
    # The call-only fallback completes and lapses the same way.
    data["positions"] = {"exit.stake-buy-out": "call option only"}
    call_only = _texts(data)["exit.stake-buy-out"]
    assert "within 10 working days after the last regulatory approval the transfer needs" in (
        call_only
    )
    assert call_only.endswith(
        "the option lapses and the JV is wound up as if it had not been exercised."
    )


def test_shoot_out_bids_run_from_the_appointment_and_not_bidding_winds_nothing_up() -> None:
    data = _answers("battery-jv.yaml")
    deadlock = _texts(data)["company.deadlock"]
    assert (
        "Within 30 days after that person has been appointed and the parties have been told of "
        "it, each party may submit to that person a sealed bid"
    ) in deadlock
    assert "Within 30 days of the Deadlock Notice" not in deadlock
    assert (
        "if the new bids are equal again, that person chooses the buyer among those parties by lot"
        in (deadlock)
    )
    assert (
        "If neither party bids, the Deadlock Notice lapses, the Reserved Matter is treated as "
        "rejected and the JV continues as before."
    ) in deadlock
    assert "after the bids are due or opened" not in deadlock
    assert (
        "because a party requires it after a sale under the deadlock mechanism"
        in (_texts(data)["exit.winding-up"])
    )


def test_the_exiting_party_is_defined_and_the_innocent_party_may_put_as_well_as_call() -> None:
    data = _answers("battery-jv.yaml")
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert (
        "Where a party's material breach, insolvency or change of control gives rise to the "
        "notice of exit, that party is the Exiting Party, and the other party may buy all its "
        "shares (call option)."
    ) in buy_out
    assert (
        "After the Exiting Party's material breach or change of control, the other party may "
        "instead sell all its shares to the Exiting Party, which must buy them (put option)."
    ) in buy_out
    # Without fault triggers the party that gives notice exits, and the other cannot put to it.
    data["exit"]["triggers"] = [
        t for t in data["exit"]["triggers"] if t["kind"] in ("convenience", "regulatory")
    ]
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "A party that exits for convenience after the Lock-in Period, or that gives" in buy_out
    assert "the party that gives it chooses between" in buy_out
    assert "which must buy them" not in buy_out
    assert "where it was an option of the other party" not in buy_out


def test_among_three_parties_a_withdrawal_leaves_the_jv_running() -> None:
    data = _answers("edrive-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    buy_out = texts["exit.stake-buy-out"]
    assert (
        "If no option is exercised in time, the partnership continues between the remaining "
        f"parties, as clause {numbers['exit.triggers']} provides: the Exiting Party keeps its "
        f"shares until it transfers them on the terms clause "
        f"{numbers['company.transfers']} sets for a transfer to a third party"
    ) in buy_out
    assert "the JV is wound up as clause" not in buy_out
    assert "which must buy them" not in buy_out  # the others continue rather than put
    winding_up = texts["exit.winding-up"]
    assert "because no option" not in winding_up
    assert "or of the remaining parties after a withdrawal under clause" in winding_up


def test_a_no_fault_exit_shares_its_costs_and_the_jvs_own_costs_fall_on_someone() -> None:
    costs = _texts(_answers("platform-sharing.yaml"))["exit.costs"]
    assert costs.startswith(
        "A party that ends the partnership for convenience bears its own costs of exit and the "
        "reasonable costs of exit of the other party;"
    )
    assert "The party that ends the partnership bears" not in costs
    assert (
        "After any other exit (for a prolonged deadlock, missed milestones, or a regulatory or "
        "tariff change), and when the partnership ends at the end of its term, the costs of exit "
        "are shared in proportion to the cost shares."
    ) in costs
    volta = _texts(_answers("battery-jv.yaml"))["exit.costs"]
    assert volta.endswith(
        "The JV bears the costs of exit it incurs itself, except that after an exit for a party's "
        "material breach or insolvency, that party reimburses them to the JV."
    )
    # An alliance has no JV to bear costs.
    assert "The JV bears" not in _texts(_answers("sdv-software.yaml"))["exit.costs"]


def test_a_competitor_is_defined_and_only_a_dragged_party_s_own_competitor_needs_consent() -> None:
    transfers = _texts(_answers("edrive-jv.yaml"))["company.transfers"]
    assert "which needs no such consent" not in transfers
    assert (
        "A sale to a competitor of another party needs that party's prior written consent; a sale "
        "of all the shares in the JV under the drag-along needs the consent of a dragged party only "
        "where the buyer competes with a material business of that party itself, not only with "
        "the JV, so that no party can be dragged into selling to its own competitor."
    ) in transfers
    assert 'In this term sheet, a "competitor" of a party is a person' in transfers
    volta = _texts(_answers("battery-jv.yaml"))["company.transfers"]
    assert "drag-along" not in volta
    assert '"competitor"' in volta


def test_capital_calls_after_the_valuation_date_are_credited_to_the_seller() -> None:
    for example in ("battery-jv.yaml", "edrive-jv.yaml"):
        assert (
            "The value as at the Valuation Date does not include what the seller of shares pays "
            "the JV on a capital call after that date: the amount paid is added to the price."
        ) in _texts(_answers(example))["exit.valuation"]
    assert "capital call" not in _texts(_answers("platform-sharing.yaml"))["exit.valuation"]


def test_an_offtake_ends_when_its_buyer_withdraws_from_a_jv_that_continues() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    assert (
        f"or, if RMA withdraws from the partnership earlier as clause {numbers['exit.triggers']} "
        "provides, until its withdrawal takes effect, after which the JV supplies it only as the "
        f"obligations that survive exit in clause {numbers['exit.survival']} provide."
    ) in _texts(data)["strengths.offtake"]
    assert "withdraws" not in _texts(_answers("battery-jv.yaml"))["strengths.offtake"]


def test_a_milestone_long_stop_says_what_the_cure_runs_from() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    text = _texts(data)["exit.trigger.milestones"]
    assert text.startswith(
        "If the case stated below arises and is still not put right within 180 days after the "
        "date it states, NAW may end the partnership by giving 90 days' notice, whether or not "
        f"the case concerns a milestone of the phase plan in clause {numbers['strengths.phases']}"
    )
    assert (
        "The date stated there applies to this right only: it does not move the target dates of "
        f"the phase plan in clause {numbers['strengths.phases']}."
    ) in text
    # Without a date of its own, the cure runs from the milestone's target date.
    trigger = next(t for t in data["exit"]["triggers"] if t["kind"] == "milestones")
    trigger["description"] = "Nameplate capacity not demonstrated."
    text = _texts(data)["exit.trigger.milestones"]
    assert text.startswith(
        "If a milestone of the phase plan has not been met by its target date in clause "
        f"{numbers['strengths.phases']} and is still not met within 180 days after that date"
    )
    assert "The date stated there" not in text
    assert mentions_date("by 2031-06-30") and mentions_date("by 30 June 2031")
    assert mentions_date("by June 30, 2031") and not mentions_date("40 GWh by the end of Phase 2")


def test_the_expert_fees_name_only_the_defaults_the_deal_has() -> None:
    data = _answers("battery-jv.yaml")
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] != "insolvency"]
    valuation = _texts(data)["exit.valuation"]
    assert (
        "after an exit for a party's material breach, that party bears them, as it bears the "
        "costs of exit." in valuation
    )
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] != "breach"]
    valuation = _texts(data)["exit.valuation"]
    assert valuation.endswith("The buyer and the seller bear the expert's fees in equal shares.")
