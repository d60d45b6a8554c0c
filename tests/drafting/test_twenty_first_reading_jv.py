"""A senior JV lawyer's twenty-first reading of the Volta and Ampere drafts: among three
parties, the partnership ends for want of a second party only once no option on the leaver's
shares was exercised, and a buyer of all the shares keeps the JV; a party at fault loses its say
from the notice of exit; a leaver without a say is diluted only at fair market value and no
later call binds it; the long-stop call is exercised by its own notice; loans that fund a Polish
call have terms; the sales a phase opens are no Reserved Matter; a licence a leaver's buyer pays
for is a drafted mechanism; and the partnership runs while a leaver for convenience looks for a
buyer."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_fewer_than_two_parties_remain_only_once_no_option_was_exercised_in_time() -> None:
    data = _answers("edrive-jv.yaml")
    numbers, texts = _numbers(data), _texts(data)
    triggers = texts["exit.triggers"]
    # The end of the partnership no longer depends on the winding up that depends on it.
    assert "or the JV is wound up as clause" not in triggers
    assert (
        "The partnership as a whole ends early only if all parties agree or fewer than two "
        "parties remain in it. A withdrawal that leaves only one party in the partnership ends it "
        "on that ground only once the time to exercise an option under clause "
        f"{numbers['exit.stake-buy-out']} for the withdrawing party's shares has passed without "
        "one being exercised, or a sale under such an option has lapsed. Where such an option is "
        "exercised in time, the partnership ends on completion of that sale, and the JV is not "
        "wound up for that reason: the buyer may continue it, as its sole shareholder where it "
        "then holds all the shares. When the partnership ends as a whole otherwise, the JV is "
        f"wound up as clause {numbers['exit.winding-up']} provides."
    ) in triggers
    assert (
        f"or because fewer than two parties remain in it, as clause {numbers['exit.triggers']} "
        "provides), the JV is wound up"
    ) in texts["exit.winding-up"]
    assert (
        "the JV is wound up only if the remaining parties so agree or fewer than two parties "
        f"remain, as clause {numbers['exit.winding-up']} provides."
    ) in texts["exit.stake-buy-out"]
    # Between two parties, an exit ends the partnership: nothing of this applies.
    assert "fewer than two parties" not in _texts(_answers("battery-jv.yaml"))["exit.triggers"]


def test_a_leaver_without_a_say_is_not_diluted_below_value_nor_bound_by_later_calls() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "loses its say at once" not in buy_out
    assert "An Exiting Party at fault loses its say from the day the notice of exit is given" in (
        buy_out
    )
    assert (
        "and it still owes its part of a capital call that fell due before then. A capital call "
        "that falls due later binds it only while a sale of its shares under an option exercised "
        "under this clause awaits completion, as provided below; for every other call that falls "
        "due later, a call for capital the contributions schedule commits included, it is a party "
        f"that the call does not bind under clause {numbers['goals.capital-calls']}: it may fund "
        "its part and, if it does not, is diluted only by new shares subscribed at their fair "
        "market value, without a discount, and is neither in default nor in breach."
    ) in buy_out
    assert (
        "While it has lost its say, new shares are issued only at their fair market value, set "
        f"as clause {numbers['exit.valuation']} provides, and the Exiting Party may subscribe for "
        "its proportion of them on the same terms, except shares that fund its own unpaid part of "
        f"a call that bound it, which clause {numbers['goals.capital-calls']} governs."
    ) in buy_out
    # The long-stop call fixes its own Valuation Date and is not exercised after the price.
    assert (
        "(call option), by written notice to it: that notice exercises the option, the time set "
        "above for exercising an option does not apply to it, and its Valuation Date is the day "
        "the notice is given. The parties that gave it may withdraw it by written notice within "
        "30 days after the price has been agreed or determined."
    ) in buy_out


def test_loans_that_fund_a_call_binding_only_some_parties_have_terms() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "by loans to the JV from the parties it binds, on terms the same for each of them. Such a "
        "loan bears interest at three-month WIBOR (or the benchmark that replaces it) plus 4 % a "
        "year, accruing daily and paid with "
        "the principal. It is unsecured and ranks behind the JV's borrowings from banks and other "
        "third parties but ahead of the shareholders: the JV repays it with its interest, to the "
        "lenders in proportion to what each has lent, as soon as its cash needs under the "
        "approved business plan and its financing agreements allow, and in any case before it "
        "pays any dividend or makes any other distribution to them. When the lender's shares are "
        f"sold under the deadlock mechanism in clause {numbers['company.deadlock']} or a buy-out "
        f"on exit in clause {numbers['exit.stake-buy-out']}, the loan is repaid on completion"
    ) in calls
    # A Polish JV whose defaults are funded by loans states the terms once, for both kinds.
    data["company"]["funding"]["on_default"] = "loan_or_dilution"
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "on terms the same for each of them, which this clause sets below for a shareholder loan."
    ) in calls
    assert calls.count("bears interest at") == 1


def test_the_sales_phase_2_opens_are_no_reserved_matter_up_to_their_cap() -> None:
    data = _answers("edrive-jv.yaml")
    texts = _texts(data)
    assert (
        "A new product line, a second plant, or a sale to a competitor of a party (except, once "
        "Phase 2 has opened, sales to other carmakers up to 30 % of the JV's actual output in the "
        "financial year): the Board, with the votes of all directors present"
    ) in texts["company.reserved-matters"]
    assert (
        "Once it is met: Sales to other carmakers of up to 30 % of the JV's actual output in a "
        "financial year, which need no approval as a Reserved Matter; beyond that share, a sale to a "
        "competitor of a party remains one."
    ) in texts["strengths.phases"]


def test_a_licence_a_buyer_of_the_licensors_stake_pays_for_is_drafted_as_a_mechanism() -> None:
    assets = _texts(_answers("battery-jv.yaml"))["exit.assets"]
    assert "a buyer of KSC's stake" not in assets
    assert (
        "KSC's process licence to the JV: continues for the JV on its terms, whoever holds the "
        "JV's shares, for as long as the JV produces cells. From the day no company of the KSC "
        "group holds shares in the JV, the JV pays KSC a royalty of 1.5 % of its net sales of "
        "cells made with the process, and the value of the shares on exit is set with that "
        "royalty taken into account."
    ) in assets


def test_the_partnership_runs_while_a_leaver_for_convenience_looks_for_a_buyer() -> None:
    buy_out = _texts(_answers("battery-jv.yaml"))["exit.stake-buy-out"]
    assert (
        "and the JV then continues with the buyer in its place. Until that sale is completed or "
        "those 6 months have passed, the partnership continues on its terms although the notice "
        "of exit has taken effect, and the Exiting Party keeps its rights and obligations as a "
        "party and as a stockholder."
    ) in buy_out


def test_tooling_a_party_funded_is_not_paid_for_twice() -> None:
    assets = _texts(_answers("battery-jv.yaml"))["exit.assets"]
    assert (
        "NAW-funded tooling transfers to NAW on NAW's request, at its book value multiplied by "
        "the share of its acquisition cost that NAW did not fund, so that NAW does not pay again "
        "for what it funded and the price is never below nil."
    ) in assets
