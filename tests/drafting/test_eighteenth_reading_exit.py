"""A JV lawyer's eighteenth reading of the example drafts: the buy-out window closes, the party
at fault never holds the call, a milestone exit names its own cases, exit costs name whose
costs are borne, and every approval has a long-stop only the burdened party can walk over."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers

EXAMPLES = (
    "battery-jv.yaml",
    "bridge-technology.yaml",
    "edrive-jv.yaml",
    "incomplete-deal.yaml",
    "platform-sharing.yaml",
    "robotaxi-pilot.yaml",
    "sdv-software.yaml",
)


def test_an_unpriced_buy_out_option_lapses_unless_the_price_is_referred() -> None:
    for name, nobody in (("battery-jv.yaml", "neither party"), ("edrive-jv.yaml", "no party")):
        data = _answers(name)
        buy_out = _texts(data)["exit.stake-buy-out"]
        assert (
            "If the price has not been agreed within 30 days after the Valuation Date, "
            f"{'either' if nobody == 'neither party' else 'any'} party may refer it to the expert "
            f"under clause {_numbers(data)['exit.valuation']}; if {nobody} has referred it within "
            "the following 10 days, every option under this clause lapses, whether exercised or "
            "not, and it is as if no option had been exercised in time."
        ) in buy_out


def test_the_party_whose_milestone_failed_never_holds_the_call() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "on any other exit trigger, the party that gives the notice of exit" not in buy_out
    assert (
        f"Where the notice of exit is given under clause {numbers['exit.trigger.milestones']} "
        f"(missed milestones) or clause {numbers['exit.trigger.regulatory']} (regulatory or "
        "tariff change), the party that gives it chooses between buying all the other party's shares "
        "(call option), the other party then being the Exiting Party, and requiring the other "
        "party to buy all its own shares (put option), being then the Exiting Party itself; the "
        "other party has no option."
    ) in buy_out
    # Among three parties the party that gives notice withdraws; one that missed it has no call.
    data = _answers("edrive-jv.yaml")
    assert (
        "after a notice on a missed milestone, a party that could not itself rely on that miss "
        f"under clause {_numbers(data)['exit.trigger.milestones']} has no call option."
    ) in _texts(data)["exit.stake-buy-out"]


def test_a_milestone_exit_case_need_not_be_a_phase_milestone_and_excludes_own_decisions() -> None:
    for name in EXAMPLES:
        data = _answers(name)
        text = _texts(data)["exit.trigger.milestones"]
        assert text.startswith("If the case stated below arises and is still not put right"), name
        concerned = (
            "a milestone of the phase plan"
            if len(data["strengths"]["phases"]) > 1
            else "the milestone"
        )
        assert (
            f"whether or not the case concerns {concerned} in clause "
            f"{_numbers(data)['strengths.phases']}:"
        ) in text, name
        assert "did not deliver its own contribution" not in text
        assert (
            "A party may not rely on a miss caused by its own failure to deliver its "
            "contribution, by its own decision or by an approval or consent it withheld."
        ) in text


def test_a_party_that_pays_for_an_exit_pays_the_others_reasonable_costs() -> None:
    for name in EXAMPLES:
        costs = _texts(_answers(name))["exit.costs"]
        assert "that party bears them" not in costs, name
        assert "reasonable costs of exit of" in costs, name
    volta = _texts(_answers("battery-jv.yaml"))["exit.costs"]
    assert volta.startswith(
        "After an exit for a party's material breach or insolvency, that party bears its own "
        "costs of exit and the reasonable costs of exit of the other party;"
    )
    # A convenience exit ends the pilot for everyone: the party that leaves pays for it.
    tidewater = _texts(_answers("robotaxi-pilot.yaml"))["exit.costs"]
    assert (
        "or that exits for convenience, bears its own costs of exit and the reasonable costs of "
        "exit of the other parties. Costs of exit include notices to riders"
    ) in tidewater
    assert "Wind-down costs" not in tidewater
    assert (
        "each party bears its own advisers"
        not in _texts(_answers("bridge-technology.yaml"))["exit.costs"]
    )
    # The expert's fees follow the costs of exit.
    meridian = _texts(_answers("platform-sharing.yaml"))["exit.valuation"]
    assert (
        "after an exit for a party's material breach, insolvency or change of control, that party "
        "bears them, and after an exit for convenience, the party that exits bears them, as it "
        "bears the costs of exit."
    ) in meridian


def test_every_approval_has_a_long_stop_only_the_burdened_party_can_walk_over() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    volta = _texts(data)
    approvals = volta["general.regulatory-approvals"]
    assert (
        "that activity starts only once the approval has been obtained, and its own long-stop "
        f"date is the date 12 months after the phase in clause {numbers['strengths.phases']} "
        "whose activity needs it opens; it never falls before that phase's target date, nor after "
        f"the end of the Initial Term in clause {numbers['exit.term']}."
    ) in approvals
    assert "the JV does not carry out that activity and neither party need contribute" in approvals
    assert (
        "Only the party a condition burdens may treat it as an Unacceptable Condition: once that "
        "party accepts it in writing, the approval counts as obtained without one."
    ) in approvals
    ampere = _texts(_answers("edrive-jv.yaml"))["general.conditions"]
    assert "made subject to conditions" not in ampere
    assert "made subject to an Unacceptable Condition or not obtained in time" in ampere
    for name in ("platform-sharing.yaml", "robotaxi-pilot.yaml"):
        data = _answers(name)
        numbers = _numbers(data)
        assert (
            f"it never falls before the target date in clause {numbers['strengths.phases']} of the "
            "phase whose activity needs the approval, nor after the end of the Initial Term in "
            f"clause {numbers['exit.term']}. A Long-stop Date that has not yet passed does not "
            "hold back a right to end the partnership for a missed milestone under clause "
            f"{numbers['exit.trigger.milestones']}."
        ) in _texts(data)["general.regulatory-approvals"], name


def test_a_withdrawn_party_whose_shares_nobody_bought_keeps_their_economic_rights() -> None:
    buy_out = _texts(_answers("edrive-jv.yaml"))["exit.stake-buy-out"]
    assert "with the rights they carry" not in buy_out
    assert (
        "the Exiting Party keeps its shares' rights to dividends and to a share of the surplus on "
        "a winding up, and it still owes its part of a capital call that fell due before then."
    ) in buy_out
    assert (
        "Unless its own material breach, insolvency or change of control gave rise to the notice "
        "of exit, it keeps its votes"
    ) in buy_out
    assert (
        "Where a call option belongs to two or more parties and only one of them wishes to buy, "
        "it may buy all the shares."
    ) in buy_out


def test_a_withdrawing_party_without_a_valuation_still_gets_new_shares_at_fair_market_value() -> (
    None
):
    """Among three parties the Exiting Party withdraws; with no valuation agreed yet, the
    buy-out named a valuation clause the draft did not have, and the draft failed."""
    data = _answers("edrive-jv.yaml")
    del data["exit"]["valuation"]
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert (
        "While it has lost its say, new shares are issued only at their fair market value, and "
        "the Exiting Party may subscribe for its proportion of them on the same terms"
    ) in buy_out
    assert "The price of the shares under an option in this clause is [●]." in buy_out
