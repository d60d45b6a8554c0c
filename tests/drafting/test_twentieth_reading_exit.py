"""A senior JV lawyer's twentieth reading of the Volta and Ampere drafts: a phase the milestone
opens permits its activity but approves no Reserved Matter within it, and a phase a referral
suspends keeps what it committed; a party that left keeps its votes for a year, not for ever;
two notices of non-renewal do not give each party a call; the JV is wound up when fewer than
two parties remain, and what survives exit runs for a party that withdraws; a review does not
open a phase; one expert per kind of question; a drag-along pays cash and ends; the deadlock
call holder loses its call while in default; dopłaty only for a call binding every party pro
rata; the other parties decide a joint termination by a rule; and a price is not fixed at a
notice given long before the shares change hands."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_phase_permits_its_activity_but_each_reserved_matter_keeps_its_approval() -> None:
    for name, anyone in (("battery-jv.yaml", "neither party"), ("edrive-jv.yaml", "no party")):
        data = _answers(name)
        phases = _texts(data)["strengths.phases"]
        reserved = _numbers(data)["company.reserved-matters"]
        assert (
            "Opening a phase permits the activity it unlocks and approves no decision within it: "
            "each spend, contract or other decision taken within that phase needs the approval it "
            "would need at any other time, and a Reserved Matter among them the approval clause "
            f"{reserved} states for it."
        ) in phases, name
        assert (
            "Where the dispute is referred after the next phase has opened, that phase is "
            "suspended until the expert decides: meanwhile no new commitment is made in it, "
            "except one needed to keep assets safe or to perform a commitment already made, and "
            "each commitment made in it before the referral stays valid and is performed. If the "
            "expert determines that the milestone has not been met, the phase closes until the "
            "milestone is met, and each commitment made in it before the referral is performed "
            "or, where it can be ended, ended at the lowest cost, as the Board decides. The JV "
            f"bears that cost, and {anyone} is liable to"
        ) in phases, name
    # Without a JV, the decision-rights matrix keeps its approvals, and the parties share the cost.
    data = _answers("bridge-technology.yaml")
    alliance = _texts(data)["strengths.phases"]
    rights = _numbers(data)["governance.decision-rights"]
    assert (
        f"needs the approval it would need at any other time, as clause {rights} and the "
        "decision-rights matrix of the Governance Annex provide."
    ) in alliance
    assert "That cost is shared as the other costs of the partnership are" in alliance


def test_a_party_that_left_by_its_own_notice_keeps_its_say_for_a_year_only() -> None:
    data = _answers("edrive-jv.yaml")
    buy_out = _texts(data)["exit.stake-buy-out"]
    assert "a party that withdrew by its own notice keeps its say. An" not in buy_out
    assert (
        "Unless its own material breach, insolvency or change of control gave rise to the notice "
        "of exit, it keeps its votes, through its directors and as a shareholder, for 12 months "
        "after its withdrawal takes effect: a party that withdrew by its own notice keeps its say "
        "for that long, but a party that has left cannot block the JV for ever. An Exiting Party "
        "at fault loses its say from the day the notice of exit is given, and any other Exiting "
        "Party loses it once those 12 months have passed while it still holds shares: the "
        "directors it appointed are not "
        "counted in a quorum and have no vote"
    ) in buy_out
    assert (
        "Once those 12 months have passed, the other parties may also, at any time while the "
        "Exiting Party still holds shares, buy all of them, in proportion to their shareholdings "
        "or as they agree between them (call option), by written notice to it: that notice "
        "exercises the option, the time set above for exercising an option does not apply to it, "
        "and its Valuation Date is the day the notice is given."
    ) in buy_out
    # The Board's quorum and the annex say so where they list who is not needed.
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "on any matter, the directors of an Exiting Party that has lost its say are not needed, "
        f"as clause {numbers['exit.stake-buy-out']} provides)"
    ) in texts["company.board"]
    assert (
        "nor, on any matter, the directors of an Exiting Party that has lost its say under "
        f"clause {numbers['exit.stake-buy-out']} of the term sheet"
    ) in texts["governance.annex.charters"]


def test_two_notices_of_non_renewal_give_a_call_only_against_the_first() -> None:
    data = _answers("battery-jv.yaml")
    renewal = _texts(data)["exit.renewal.automatic"]
    numbers = _numbers(data)
    assert (
        "Where both parties give notice of non-renewal, only the notice received first counts as "
        "a notice of exit: the party that gave it is the party whose shares may be bought, and "
        "the later notice only confirms that the partnership does not renew. Where both notices "
        "are received on the same day, neither party may buy the other's shares under clause "
        f"{numbers['exit.stake-buy-out']}, and the JV is wound up at the end of the term as clause "
        f"{numbers['exit.winding-up']} provides, unless the parties agree otherwise."
    ) in renewal


def test_the_jv_is_wound_up_when_fewer_than_two_parties_remain() -> None:
    data = _answers("edrive-jv.yaml")
    triggers = _numbers(data)["exit.triggers"]
    winding_up = _texts(data)["exit.winding-up"]
    assert (
        f"; or because fewer than two parties remain in it, as clause {triggers} provides), the "
        "JV is wound up"
    ) in winding_up


def test_what_survives_exit_runs_for_a_party_that_withdraws() -> None:
    data = _answers("edrive-jv.yaml")
    triggers = _numbers(data)["exit.triggers"]
    survival = _texts(data)["exit.survival"]
    assert (
        "Where a party withdraws and the partnership continues between the remaining parties, as "
        f"clause {triggers} provides, these obligations apply between that party and the others, "
        "the JV included, as if the partnership had ended for it on the day its withdrawal takes "
        "effect: each runs for its period from that day"
    ) in survival
    # Between two parties an exit ends the partnership: nothing to add.
    assert "withdraws" not in _texts(_answers("battery-jv.yaml"))["exit.survival"]


def test_a_review_neither_opens_nor_closes_a_phase() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        texts = _texts(data)
        numbers = _numbers(data)
        calendar = texts["change.annex.review-calendar"]
        assert "A decision to expand scope opens the next phase" not in calendar, name
        assert (
            "A review neither opens nor closes a phase: a phase opens when the milestone before "
            f"it is confirmed, as clause {numbers['strengths.phases']} of the term sheet "
            "provides, without a decision at the review."
        ) in calendar, name
        assert (
            "changes the phase plan only as a change under the change-control procedure of this "
            f"annex and clause {numbers['change.procedure']} of the term sheet"
        ) in calendar, name
        assert (
            f"A review does not open a phase of the phase plan in clause {numbers['strengths.phases']}"
        ) in texts["change.review-points"], name


def test_a_milestone_goes_to_the_field_expert_and_an_amount_to_the_valuation_expert() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        numbers = _numbers(data)
        calls = _texts(data)["goals.capital-calls"]
        assert "an independent accountant or valuer" not in calls, name
        assert "The JV bears the expert's fees." not in calls, name
        assert (
            "may refer a dispute on whether a milestone has been met to the expert of clause "
            f"{numbers['strengths.phases']}, who is appointed, decides and is paid as that clause "
            "provides. "
        ) in calls, name
        assert (
            "may refer a dispute on whether a call is due, or on its amount, to the expert of "
            f"this clause, appointed as clause {numbers['exit.valuation']} provides for the expert "
            "on a price. A party refers such a dispute within 10 working days"
        ) in calls, name
        assert (
            "The expert allocates its fees among the parties to the dispute in proportion to how "
            "far it rejects each one's position, so that a party whose position it rejects "
            f"entirely bears them alone, as under clause {numbers['strengths.phases']}; on the "
            "fair market value of new shares, the parties concerned bear them in equal shares, "
            "except that a Defaulting Party bears them alone."
        ) in calls, name


def test_a_drag_along_pays_cash_releases_guarantees_and_has_a_long_stop() -> None:
    data = _answers("edrive-jv.yaml")
    transfers = _texts(data)["company.transfers"]
    valuation = _numbers(data)["exit.valuation"]
    assert "in the same form of consideration" not in transfers
    assert (
        "A dragged party is paid in cash or, where the offer pays in anything else (the buyer's "
        "own shares among them), may choose cash of equal value instead, valued, where the "
        f"parties do not agree it, by the expert under clause {valuation}."
    ) in transfers
    assert (
        "On completion the buyer procures the release of every guarantee or security a dragged "
        "party has given for the JV, and every loan a dragged party has made to the JV is repaid "
        "to it with its accrued interest. If the sale has not been completed within 9 months "
        "after a party was required to sell, that requirement lapses"
    ) in transfers
    assert (
        "The drag-along is available only once the right of first offer above has run for the "
        "shares of the parties that wish to sell"
    ) in transfers


def test_the_deadlock_call_holder_has_no_call_while_in_breach_or_default() -> None:
    data = _answers("edrive-jv.yaml")
    calls = _numbers(data)["goals.capital-calls"]
    assert (
        "RMA has no call option while it is in uncured material breach or a Defaulting Party "
        f"under clause {calls}: a put option under this clause may then be exercised at once"
    ) in _texts(data)["company.deadlock"]


def test_doplaty_only_for_a_call_that_binds_every_party_in_proportion() -> None:
    calls = _texts(_answers("edrive-jv.yaml"))["goals.capital-calls"]
    assert "where the articles of association provide for them and the call so states, by" not in (
        calls
    )
    assert (
        "where the articles of association provide for them, the call so states and it binds "
        "every party in proportion to its shareholding, by additional payments (dopłaty)"
    ) in calls
    assert (
        "so a call that binds only some parties, or binds them in other proportions, is paid by "
        "new shares or, where the call so states, by loans to the JV from the parties it binds"
    ) in calls


def test_the_other_parties_terminate_together_by_a_majority_of_their_shares() -> None:
    triggers = _texts(_answers("edrive-jv.yaml"))["exit.triggers"]
    assert "terminate a party's participation jointly." not in triggers
    assert (
        "The other parties exercise a right to terminate a party's participation together: the "
        "notice is given when those of them that hold more than half of the shares the other "
        "parties hold between them so decide or, where they are evenly divided, when any of them "
        "gives it, and it then binds them all."
    ) in triggers


def test_the_price_is_not_fixed_long_before_the_transfer_and_distributions_come_off() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        valuation = _texts(_answers(name))["exit.valuation"]
        assert (
            "but where a notice of exit takes effect more than 6 months after it is given (a "
            "notice of non-renewal among them), the Valuation Date is the date 6 months before "
            "it takes effect"
        ) in valuation, name
        assert (
            "Likewise, a dividend or other distribution the JV makes to the seller after the "
            "Valuation Date is deducted from the price."
        ) in valuation, name


def test_calendar_dates_stay_and_the_exiting_party_is_defined_where_first_named() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        texts = _texts(data)
        assert "are fixed and do not move" not in texts["exit.term"], name
        assert "with one exception: a milestone or target" in texts["exit.term"], name
        buy_out = _numbers(data)["exit.stake-buy-out"]
        assert (
            f"under the buy-out terms, as clause {buy_out}, which defines the Exiting Party, "
            "provides."
        ) in texts["exit.assets"], name
