"""A JV lawyer's nineteenth reading of the example drafts (exit and deadlock): a deadlock of the
lock-in years cannot be banked for later, a party that blocked a Reserved Matter cannot turn
the Deadlock into a put, the deadlock route buys and sells only between the two sides, an
Exiting Party loses its votes only for its own fault, a party that leaves or does not renew
gets no put at going-concern value, a drag-along never sells to a dragged party's competitor,
and a shareholder loan states its interest and its ranking."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_deadlock_of_the_lock_in_years_lapses_with_its_own_window() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        lock_in = _numbers(data)["exit.term"]
        deadlock = _texts(data)["company.deadlock"]
        assert "the later of" not in deadlock, name
        assert (
            "A Deadlock Notice may be given only within 30 days after that period ends, and never "
            f"during the Lock-in Period defined in clause {lock_in}; where the Lock-in Period ends "
            "within those 30 days, they run instead until 30 days after the Lock-in Period ends. "
            "If none is given in time, the Reserved Matter is treated as rejected and the matter "
            "stays as it was, also where those 30 days end during the Lock-in Period: a Deadlock "
            "that arises during the Lock-in Period can lead to a Deadlock Notice only if its 30 "
            "days are still running when the Lock-in Period ends."
        ) in deadlock, name
    # An alliance's deadlock exit has the same window.
    for name in ("bridge-technology.yaml", "platform-sharing.yaml"):
        trigger = _texts(_answers(name))["exit.trigger.deadlock"]
        assert "the later of" not in trigger, name
        assert (
            "a Deadlock that arises during the Lock-in Period can lead to exit only if its 30 "
            "days are still running when the Lock-in Period ends."
        ) in trigger, name


def test_a_put_and_call_among_three_parties_stays_between_the_two_sides_of_the_deadlock() -> None:
    data = _answers("edrive-jv.yaml")
    deadlock = _texts(data)["company.deadlock"]
    assert (
        "Put and call: the parties whose votes at the second meeting were all cast for the "
        "Reserved Matter, through their directors or, on a matter for the shareholders, with their "
        "shares, are one side of the Deadlock, and the parties whose votes were cast against it, "
        "withheld or not cast are the other."
    ) in deadlock
    # RMA's call takes only the other side's shares; a party on its side may tag along.
    assert "RMA may buy all the shares of the other parties" not in deadlock
    assert (
        "RMA may buy all the shares of the parties on the other side of the Deadlock from it, and "
        "only theirs (call option). A party on RMA's side is not bound to sell, but may, within 30 "
        "days after the call option is exercised, require RMA to buy all its shares too, at the "
        "same price per share and on the same terms (tag-along)."
    ) in deadlock
    # HEC's 35 % can block a 75 % matter, but blocking it gives HEC no put.
    assert (
        "If RMA does not exercise the call option, each party on the other side whose votes were "
        "cast for the Reserved Matter may, within a further 60 days, require RMA to buy all its "
        "shares (put option). A party whose votes were cast against the Reserved Matter, withheld "
        "or not cast has no put option: no party can block a Reserved Matter and then use the "
        "Deadlock to sell its shares."
    ) in deadlock
    assert "each other party may, within a further" not in deadlock


def test_a_sale_under_the_deadlock_mechanism_does_not_adopt_the_reserved_matter() -> None:
    adopted = (
        "A sale under the deadlock mechanism does not decide the Reserved Matter: it is not "
        "adopted, and after completion it can be adopted only if it is put again and approved as "
        "clause {} provides, by the parties that then hold the shares."
    )
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        reserved = _numbers(data)["company.reserved-matters"]
        assert adopted.format(reserved) in _texts(data)["company.deadlock"], name


def test_between_two_parties_only_a_party_that_voted_for_the_matter_has_the_put() -> None:
    data = _answers("battery-jv.yaml")
    data["company"]["deadlock"] = {
        "mechanism": "put_call",
        "call_holder": "NAW",
        "response_period": "30 days",
    }
    deadlock = _texts(data)["company.deadlock"]
    assert (
        "NAW may buy all the shares of the other party (call option). If it does not, the other "
        "party may, within a further 30 days, require NAW to buy all its shares (put option), but "
        "only if its votes at the second meeting were cast for the Reserved Matter: a party that "
        "blocked the Reserved Matter cannot use the Deadlock to sell its shares. NAW has no call "
        "option while it is in uncured material breach or a Defaulting Party under clause "
        f"{_numbers(data)['goals.capital-calls']}: a put option under this clause may then be "
        "exercised at once, within the period the call option would have had. In both cases the "
        "price is their value under the valuation mechanism in clause "
    ) in deadlock
    assert "side of the Deadlock" not in deadlock


def test_a_withdrawn_party_loses_its_votes_only_for_its_own_fault() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert (
        "Unless its own material breach, insolvency or change of control gave rise to the notice "
        "of exit, it keeps its votes, through its directors and as a shareholder, for 12 months "
        "after its withdrawal takes effect: a party that withdrew by its own notice keeps its say "
        "for that long, but a party that has left cannot block the JV for ever. An Exiting Party "
        "at fault loses its say from the day the notice of exit is given, and any other Exiting "
        "Party loses it once those 12 months have passed while it still holds shares: the "
        "directors it appointed are not "
        "counted in a quorum and have no vote, and its consent is "
        f"not needed on a Reserved Matter, a matter that clause {numbers['company.reserved-matters']} "
        "reserves to all shareholders included, which then needs the consent of every other "
        "shareholder."
    ) in buy_out
    # A resolution the law reserves to the shareholders keeps the statutory vote, cast as the
    # others decide, and the rule for a withdrawn party overrides the funding default's.
    assert (
        "On a resolution that the law reserves to the shareholders, it keeps the vote the law "
        "gives its shares but casts it as the other parties decide, except on a resolution that "
        "increases its obligations or reduces its rights as a shareholder, which needs its consent "
        f"as the law provides. These rules apply in place of clause {numbers['goals.capital-calls']} "
        "where that clause also applies to it."
    ) in buy_out


def test_only_a_missed_milestone_bars_a_party_that_could_not_rely_on_it_from_the_call() -> None:
    data = _answers("edrive-jv.yaml")
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "(call option), except a party" not in buy_out
    assert (
        "(call option); after a notice on a missed milestone, a party that could not itself rely "
        f"on that miss under clause {_numbers(data)['exit.trigger.milestones']} has no call option."
    ) in buy_out
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] != "milestones"]
    assert "could not itself rely" not in _texts(data)["exit.stake-buy-out"]


def test_a_party_that_leaves_for_convenience_gets_no_put() -> None:
    for name, others in (
        ("battery-jv.yaml", "the other party"),
        ("edrive-jv.yaml", "the other parties"),
    ):
        buy_out = _texts(_answers(name))["exit.stake-buy-out"]
        assert "or the Exiting Party may instead require" not in buy_out, name
        assert (
            f"(call option). It has no put option: a party that chooses to leave cannot make {others} "
            "buy it out."
        ) in buy_out, name
    # Between two parties, nobody buying leads to a third-party sale before any winding up.
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "If no option is exercised in time, after an exit for convenience the Exiting Party may "
        "first sell all its shares to a third party on the terms clause "
        f"{numbers['company.transfers']} sets for a transfer to a third party, within 6 months "
        "after the later of the day its notice of exit takes effect and the day the time to "
        "exercise an option under this clause ends or, where an exercised option lapses, the day "
        "it lapses, and the JV then continues with the buyer in its place. Until that sale is "
        "completed or those 6 months have passed, the partnership continues on its terms although "
        "the notice of exit has taken effect, and the Exiting Party keeps its rights and "
        "obligations as a party and as a stockholder. If no such sale is made, and after any "
        "other exit, the JV is wound up as clause "
        f"{numbers['exit.winding-up']} provides"
    ) in texts["exit.stake-buy-out"]
    assert (
        f"because no option under clause {numbers['exit.stake-buy-out']} is exercised in time and, "
        "after an exit for convenience, no sale to a third party is made under that clause"
    ) in texts["exit.winding-up"]


def test_one_party_s_non_renewal_gives_the_other_a_call_before_the_jv_is_wound_up() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "before the end of the current term. The other party may then buy the shares of the party "
        f"that gave that notice, as clause {numbers['exit.stake-buy-out']} provides; the JV is "
        "wound up at the end of the term only if it does not."
    ) in texts["exit.renewal.automatic"]
    assert (
        "A party that exits for convenience after the Lock-in Period, or that gives notice of "
        f"non-renewal under clause {numbers['exit.renewal.automatic']}, which counts as its notice "
        "of exit and takes effect at the end of the current term, is the Exiting Party: the other "
        "party may buy all its shares (call option)."
    ) in texts["exit.stake-buy-out"]
    assert (
        "(at the end of its term without renewal, where no option under clause "
        f"{numbers['exit.stake-buy-out']} is exercised after a notice of non-renewal;"
    ) in texts["exit.winding-up"]
    # Among three parties a non-renewal is already a withdrawal, as on an exit for convenience.
    ampere = _texts(_answers("edrive-jv.yaml"))
    assert "notice of non-renewal under clause" not in ampere["exit.stake-buy-out"]
    assert "as on an exit for convenience" in ampere["exit.renewal.automatic"]


def test_a_drag_along_is_an_arm_s_length_sale_of_everything_on_equal_terms() -> None:
    transfers = _texts(_answers("edrive-jv.yaml"))["company.transfers"]
    assert (
        "Drag-along: if parties holding at least 75 % of the shares accept a bona fide offer, made "
        "at arm's length by a third party that is not an affiliate of any of them, for all the "
        "shares in the JV, they may require the other parties to sell their shares to that third "
        "party at the same price per share and on the same terms."
    ) in transfers
    assert (
        "A dragged party gives warranties only on its title to its shares and its capacity "
        "to sell them, and its liability is several and no more than the price it receives."
    ) in transfers
    assert "so that no party can be dragged into selling to its own competitor." in transfers


def test_a_shareholder_loan_states_its_interest_and_its_ranking() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert "which is repaid before any dividend" not in calls
    assert (
        "A stockholder loan under this clause bears interest at three-month Term SOFR plus 4 % a "
        "year, and a loan that funds a Defaulting Party's part at a further 2 % a year, accruing daily and "
        "paid with the principal. It is unsecured and ranks behind the JV's borrowings from banks "
        "and other third parties but ahead of the stockholders: the JV repays it with its interest "
        "before it pays any dividend or makes any other distribution to them. When the lender's "
        f"shares are sold under the deadlock mechanism in clause {numbers['company.deadlock']} or "
        f"a buy-out on exit in clause {numbers['exit.stake-buy-out']}, the loan is repaid on "
        "completion or, at the buyer's choice, assigned to the buyer at its principal and accrued "
        "interest; on a winding up it is repaid as a debt of the JV before any surplus is "
        "distributed."
    ) in calls
    assert (
        "the default ends only on the day the Defaulting Party has paid that part to the JV with "
        "the interest accrued on the loan and the JV has used that payment to repay the loan "
        "with its interest, each as shown by such a statement."
    ) in calls
    # A JV in a currency without a rate the clause knows names the rate by the currency lent.
    data["company"]["share_capital"] = "GBP 150m"
    assert (
        "bears interest at the three-month reference rate for the currency lent (for US dollars, "
        "Term SOFR; for euros, EURIBOR) plus 4 % a year"
    ) in _texts(data)["goals.capital-calls"]
