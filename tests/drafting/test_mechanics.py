"""The mechanics a lawyer checks first: who decides while a party is in default, which
document prevails, how a deadlock and a valuation end, what an exit means among three parties,
and that every cross-reference has something to point at."""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.drafting.structure import plain
from termgen.drafting.tables import approval_text
from termgen.model import Deal
from termgen.pipeline import DealRun
from termgen.templating.missing import PLACEHOLDER

from ..conftest import EXAMPLES, EXAMPLES_DIR
from ..docx_reading import builtin_library


def _answers(name: str) -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _texts(data: dict[str, Any]) -> dict[str, str]:
    """Clause id -> its text as drafted, paragraphs on lines of their own."""
    draft = DealRun(Deal.model_validate(data), builtin_library()).draft
    return {
        clause.id: "\n".join(plain(paragraph) for paragraph in clause.paragraphs)
        for clause in draft.clauses()
    }


def _numbers(data: dict[str, Any]) -> dict[str, str]:
    draft = DealRun(Deal.model_validate(data), builtin_library()).draft
    return {clause.id: clause.number for clause in draft.clauses()}


def test_a_defaulting_party_neither_blocks_nor_counts_towards_quorum_on_reserved_matters() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert (
        "While the default continues, a director the Defaulting Party appointed has no vote on a "
        "Funding Matter, that is a Reserved Matter on a capital call, on borrowing or on the "
        "approval of the business plan as far as it sets the JV's funding, which the directors "
        "of the other party decide alone. For as long, the quorum of a Board meeting is counted "
        "item by item: for a Funding Matter, the Defaulting Party's directors are neither needed nor "
        "counted, so that the meeting may decide it even where it is not quorate for its other "
        "business; for every other item, the ordinary quorum applies as clause 7.2 provides. "
        "The Defaulting Party keeps its vote "
        "on every other Reserved Matter, including a contract between the JV and a party or its "
        "affiliates and any decision that changes a party's rights or obligations; matters "
        "reserved to all "
        "stockholders still need every stockholder's consent, except that the Defaulting Party "
        "votes its shares in favour of an issue of shares under this clause"
    ) in texts["goals.capital-calls"]
    assert (
        "within 10 working days of a written reminder from the other party, given once the call "
        "has fallen due"
    ) in texts["goals.capital-calls"]
    assert "Where more than one" not in texts["goals.capital-calls"]  # two parties
    three = _texts(_answers("edrive-jv.yaml"))["goals.capital-calls"]
    assert (
        "Where more than one of the other parties funds it, they share the shortfall in "
        "proportion to their shareholdings unless they agree otherwise."
    ) in three
    assert "do not vote on the Reserved Matters" not in texts["goals.capital-calls"]
    assert "a Defaulting Party's directors are not needed" in texts["company.board"]


def test_the_term_sheet_prevails_over_the_governance_annex() -> None:
    data = _answers("battery-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    assert (
        "Where the Governance Annex and the clauses of this term sheet differ, including on which "
        "body takes a decision or the majority it needs, the clauses of this term sheet prevail."
    ) in texts["governance.bodies"]
    assert (
        f"the term sheet prevails (clause {numbers['governance.bodies']} of the term sheet)"
        in texts["governance.annex.matrix"]
    )


def test_board_decisions_the_matrix_reserves_are_reserved_matters_of_the_term_sheet() -> None:
    data = _answers("battery-jv.yaml")
    texts = _texts(data)
    assert (
        "The decisions that the decision-rights matrix of the Governance Annex gives to the Board "
        "unanimously or by a qualified majority are Reserved Matters too, as far as the list above "
        "does not already name them, with the approval the matrix states: cost baseline and "
        "timing baseline (SOP dates)."
    ) in texts["company.reserved-matters"]
    reserved = texts["company.reserved-matters"].lower()
    assert reserved.count("capital expenditure above usd 50m not in the approved budget") == 1
    assert (
        '"unanimous" means with the votes of all members present, who must include at least one '
        "member appointed by each party" in (texts["governance.annex.matrix"])
    )
    for right in data["governance"]["decision_rights"]:
        if right["owner"] == "Board":
            right["approval"] = "simple_majority"
    assert "Reserved Matters too" not in _texts(data)["company.reserved-matters"]


def test_changes_the_matrix_gives_to_another_body_are_excepted_from_the_change_approver() -> None:
    data = _answers("battery-jv.yaml")
    texts = _texts(data)
    assert (
        "The change is approved by the Board, except changes to the plant plan within budget, "
        "which the Execution Committee decides by a simple majority as the decision-rights "
        "matrix of the Governance Annex states."
    ) in texts["change.procedure"]
    assert (
        "Approval: The Board approves or rejects the change, except changes to the plant plan within "
        "budget, which the Execution Committee decides by a simple majority as the "
        "decision-rights matrix states; "
    ) in texts["change.annex.change-control"]
    data["change"]["procedure"]["approval"] = "Execution Committee"
    agreed = _texts(data)
    assert "plant plan" not in agreed["change.procedure"]
    assert "plant plan" not in agreed["change.annex.change-control"]


def test_changes_to_a_baseline_or_allocation_go_to_the_body_the_matrix_gives_them() -> None:
    meridian = _answers("platform-sharing.yaml")
    texts = _texts(meridian)
    assert (
        "The change is approved by the Program Board, except changes to the cost baseline of the "
        "shared platform and to the allocation of Valladolid capacity, which the Steering "
        "Committee decides unanimously as the decision-rights matrix of the Governance Annex "
        "states."
    ) in texts["change.procedure"]
    assert (
        "Approval: The Program Board approves or rejects the change, except changes to the cost baseline "
        "of the shared platform and to the allocation of Valladolid capacity, which the Steering "
        "Committee decides unanimously as the decision-rights matrix states; "
    ) in texts["change.annex.change-control"]
    assert "platform architecture baseline" not in texts["change.procedure"]  # a party's, XAC's
    keystone = _answers("sdv-software.yaml")
    assert (
        "The change is approved by the Architecture Board, except changes to the budget and cost "
        "baseline and to the release calendar, which the Steering Committee decides unanimously "
        "as the decision-rights matrix of the Governance Annex states."
    ) in _texts(keystone)["change.procedure"]
    for right in keystone["governance"]["decision_rights"]:
        if right["area"] == "cost_baseline":
            right["approval"], right["majority_percent"] = "qualified_majority", 75
    assert (
        "changes to the budget and cost baseline, which the Steering Committee decides by a "
        "qualified majority of 75 %;"
    ) in _texts(keystone)["change.procedure"]
    keystone["change"]["procedure"]["approval"] = "Steering Committee"
    assert "which the Steering Committee decides" not in _texts(keystone)["change.procedure"]


def test_only_disputes_within_the_partnership_go_through_the_escalation_path() -> None:
    data = _answers("battery-jv.yaml")
    text, numbers = _texts(data)["general.disputes"], _numbers(data)
    assert "that the escalation path has not resolved" not in text
    assert (
        "A dispute that arises within the governance of the partnership, once its bodies are in "
        f"place, is first referred up the escalation path in clause {numbers['governance.escalation']}"
    ) in text
    assert (
        "Any other dispute, including a dispute under the provisions of this term sheet that bind "
        "from signature, may be submitted to arbitration directly."
    ) in text


def _shoot_out(example: str) -> str:
    data = _answers(example)
    data["company"]["deadlock"] = {"mechanism": "texas_shoot_out", "response_period": "30 days"}
    return _texts(data)["company.deadlock"]


@pytest.mark.parametrize(
    ("example", "authority"),
    [("battery-jv.yaml", "the LCIA"), ("edrive-jv.yaml", "the ICC")],
)
def test_a_texas_shoot_out_has_an_appointing_authority_and_rules_for_ties_and_no_bids(
    example: str, authority: str
) -> None:
    text = _shoot_out(example)
    assert "valuation expert" not in text
    assert f"failing that, {authority} appoints that person" in text
    assert "If the highest bids are equal, the parties that made them may each submit a new" in text
    nobody = "neither party" if example == "battery-jv.yaml" else "no party"
    assert f"If {nobody} bids, the Deadlock Notice lapses, the Reserved Matter is" in text


def test_the_appointing_authority_falls_back_to_the_icc_without_institutional_rules() -> None:
    data = _answers("battery-jv.yaml")
    data["company"]["deadlock"] = {"mechanism": "texas_shoot_out", "response_period": "30 days"}
    data["governance"]["disputes"] = {"mechanism": "courts", "seat": "London"}
    texts = _texts(data)
    assert "the International Chamber of Commerce appoints that person" in texts["company.deadlock"]
    assert "the International Chamber of Commerce appoints the expert" in texts["exit.valuation"]


def test_among_three_parties_an_exit_is_one_partys_withdrawal() -> None:
    data = _answers("edrive-jv.yaml")
    texts, numbers = _texts(data), _numbers(data)
    triggers = texts["exit.triggers"]
    assert (
        "A notice given on one of these events terminates the participation of one party only"
        in triggers
    )
    assert (
        "That party withdraws from the partnership, which continues between the remaining "
        f"parties, and its shares are dealt with as clause {numbers['exit.stake-buy-out']} "
        "provides."
    ) in triggers
    assert "The other parties exercise a right to terminate a party's participation together:" in (
        triggers
    )
    assert "each with its own notice period" not in triggers
    assert "prolonged deadlock" not in triggers.split(".")[0]
    assert (
        "the other parties may terminate its participation in the partnership"
        in (texts["exit.trigger.breach"])
    )
    assert (
        "any party may terminate its participation in the partnership without giving a"
        in (texts["exit.trigger.convenience"])
    )
    for clause, text in texts.items():
        if clause.startswith("exit.trigger.") or clause == "exit.term":
            assert "may end the partnership" not in text, clause


def test_a_contractual_three_party_exit_applies_the_end_of_partnership_terms_to_the_leaver() -> (
    None
):
    data = _answers("robotaxi-pilot.yaml")
    for item in data["strengths"]["contributions"]:  # a pilot that can run without MFM's depot
        item["critical_path"] = item["party"] != "MFM"
    texts = _texts(data)
    assert (
        "any party may terminate its participation in the partnership by giving 60 days'"
        in (texts["exit.trigger.deadlock"])
    )
    assert (
        "the provisions on the end of the partnership apply to it as they would"
        in (texts["exit.triggers"])
    )


def test_between_two_parties_an_exit_still_ends_the_partnership() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert (
        "either party may end the partnership without giving a reason"
        in (texts["exit.trigger.convenience"])
    )
    assert "participation" not in texts["exit.triggers"]
    # said once, in the deadlock trigger's own clause
    assert "deadlock" not in texts["exit.triggers"]
    assert (
        "does not end the partnership by notice: it is resolved under the deadlock mechanism"
        in (texts["exit.trigger.deadlock"])
    )


def test_an_agreed_scope_is_a_sentence_not_a_label() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert (
        "This right applies only where a competitor of the other party acquires control of a party."
        in texts["exit.trigger.change-of-control"]
    )
    assert "This right applies only where US or EU rules make" in texts["exit.trigger.regulatory"]
    assert "For a failure to fund a capital call, the only period" in texts["exit.trigger.breach"]
    assert not any("Agreed scope" in text for text in texts.values())


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_valuation_has_a_date_an_appointing_authority_a_timetable_and_fees(
    example: Any,
) -> None:
    data = _answers(example.name)
    valuation = _texts(data)["exit.valuation"]
    assert "The Valuation Date is the date on which" in valuation
    assert re.search(
        r"\b(the [A-Z]{3,4}|the Swiss Arbitration Centre|the institution that administers the .+?)"
        " appoints",
        valuation,
    )
    assert "delivers a reasoned determination within 60 days of its appointment" in valuation
    assert "bear the expert's fees in equal shares" in valuation


def test_an_expert_chosen_by_the_board_has_a_fallback_when_the_board_is_deadlocked() -> None:
    data = _answers("edrive-jv.yaml")
    data["exit"]["valuation"]["expert"] = (
        "An independent accounting firm appointed by the Board, or by the ICC if the parties "
        "cannot agree."
    )
    valuation = _texts(data)["exit.valuation"]
    assert "The expert is an independent accounting firm appointed by the Board" in valuation
    assert (
        "within 20 days of the referral, for any reason, the ICC appoints the expert" in valuation
    )


def test_a_formula_without_its_terms_is_an_open_point() -> None:
    data = _answers("sdv-software.yaml")
    del data["exit"]["valuation"]["details"]
    assert f"The formula is: {PLACEHOLDER}." in _texts(data)["exit.valuation"]


def test_data_without_a_data_asset_class_refers_to_no_missing_treatment() -> None:
    data = _answers("incomplete-deal.yaml")
    data["exit"]["assets"] = [a for a in data["exit"]["assets"] if a["asset"] != "data"]
    text = _texts(data)["general.data"]
    assert "shared assets" not in text
    assert "may, after exit, be kept and used by each party" in text


def test_volume_commitments_refer_to_a_threshold_only_where_one_is_agreed() -> None:
    data = _answers("platform-sharing.yaml")
    numbers = _numbers(data)
    text = _texts(data)["strengths.volume-commitments"]
    assert f"the volume threshold in clause {numbers['change.recalibration']}" in text
    data["change"]["recalibration_triggers"] = [
        trigger
        for trigger in data["change"]["recalibration_triggers"]
        if trigger["kind"] != "volume"
    ]
    text = _texts(data)["strengths.volume-commitments"]
    assert "threshold" not in text
    assert (
        "a party may reduce the volumes the plan allocates to it only through the change procedure"
        in text
    )
    assert "plant capacity in the contributions schedule (AUV: 60,000 units a year)" in text
    assert "committed volumes" not in text


def test_a_shortage_serves_the_offtake_commitments_and_names_who_made_them() -> None:
    data = _answers("battery-jv.yaml")
    text = _texts(data)["strengths.offtake"]
    assert (
        "If output falls short of demand, the volume NAW commits to take above is served first"
        in text
    )
    data["strengths"]["contributions"].append(
        {**data["strengths"]["contributions"][-1], "party": "KSC", "quantity": "5 GWh/yr"}
    )
    text = _texts(data)["strengths.offtake"]
    assert (
        "If output falls short of demand, it is allocated to NAW and KSC in proportion to the "
        "volumes each commits to take above"
    ) in text


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_defined_term_of_the_mechanics_is_used_again(example: Any) -> None:
    texts = _texts(_answers(example.name))
    everything = "\n".join(texts.values())
    assert "Exclusivity Period" not in everything
    assert everything.count("Effective Date") >= 2
    assert "recalibration threshold" not in everything
    assert "as set out for shared assets" not in everything


def test_an_escrow_referred_to_is_provided_for() -> None:
    texts = _texts(_answers("sdv-software.yaml"))
    assert "are released to the licensee if the partnership ends" in texts["general.licence-back"]


def test_the_lock_up_lets_the_deadlock_and_exit_buy_outs_transfer_shares() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    assert (
        "ceases to be one. A transfer under the deadlock mechanism in clause "
        f"{numbers['company.deadlock']} or a buy-out on exit in clause "
        f"{numbers['exit.stake-buy-out']} is permitted at any time that clause applies, during "
        "the Lock-in Period or after it, and the right of first refusal and the tag-along below "
        "do not apply to it. Otherwise, after the Lock-in Period"
    ) in _texts(data)["company.transfers"]


def test_a_call_option_not_exercised_in_time_winds_the_jv_up() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    assert (
        "(put option). The price of the shares under an option in this clause is set as clause "
        f"{numbers['exit.valuation']} provides. An option under this clause is exercised by "
        "written notice given before "
        "the notice of exit takes effect or, if later, within 30 days after the price has been "
        "agreed or determined. If the price has not been agreed within 30 days after the "
        "Valuation Date, either party may refer it to the expert under clause "
        f"{numbers['exit.valuation']}; if neither party has referred it within the following 10 "
        "days, every option under this clause lapses, whether exercised or not, and it is as if "
        "no option had been exercised in time. If no option is exercised in time, after an exit "
        "for convenience the Exiting Party may first"
    ) in _texts(data)["exit.stake-buy-out"]
    assert (
        "If no such sale is made, and after any other exit, the JV is wound up as clause "
        f"{numbers['exit.winding-up']} provides, unless the parties agree otherwise, and the "
        "Exiting Party cannot block it."
    ) in _texts(data)["exit.stake-buy-out"]

    three = _answers("edrive-jv.yaml")
    texts, numbers = _texts(three), _numbers(three)
    # Among three parties the others continue: no option leaves the shares where they are.
    assert (
        "If no option is exercised in time, the partnership continues between the remaining "
        f"parties, as clause {numbers['exit.triggers']} provides"
    ) in texts["exit.stake-buy-out"]
    assert (
        "ends early only if all parties agree or fewer than two parties remain in it."
    ) in texts["exit.triggers"]
    assert (
        "When the partnership ends as a whole otherwise, the JV is wound up as clause "
        f"{numbers['exit.winding-up']} provides."
    ) in texts["exit.triggers"]

    data["positions"] = {"exit.stake-buy-out": "call option only"}
    assert (
        "If it does not exercise this option within 6 months after the notice of exit is given, "
        "the JV is wound up"
    ) in _texts(data)["exit.stake-buy-out"]


def test_a_party_cannot_walk_away_over_a_milestone_it_missed_itself() -> None:
    text = _texts(_answers("sdv-software.yaml"))["exit.trigger.milestones"]
    assert "BFW may end the partnership" in text
    assert (
        "the phase plan in clause 4.3:\nRelease 1.0 not accepted by 31 December 2028.\n"
        "A party may not rely on a miss caused by its own failure to deliver its contribution, "
        "by its own decision or by an approval or consent it withheld."
    ) in text


def test_a_qualified_majority_says_how_many_votes_it_takes() -> None:
    # The Board's directors cast their party's votes, so its majority is a share of the votes,
    # never a head count (see test_fifteenth_reading_governance); other bodies count their
    # members, whose votes each party's members present cast as one block.
    texts = _texts(_answers("edrive-jv.yaml"))
    assert (
        "Approval of the business plan and the annual budget: the Board, by at least 75 % of the "
        "votes of all directors;"
    ) in texts["company.reserved-matters"]
    # A majority typed as 66 % is the two thirds a lawyer writes.
    assert approval_text("qualified_majority", Decimal(66), 6) == (
        "qualified majority of two thirds (votes of 4 of 6 members, cast in party blocks)"
    )
    assert approval_text("qualified_majority", Decimal(75), 9) == (
        "qualified majority (75 %: votes of 7 of 9 members, cast in party blocks)"
    )
    assert approval_text("qualified_majority", Decimal(75)) == "qualified majority (75 %)"
    assert approval_text("unanimous", None, 6) == "unanimous"


def test_a_lapsed_term_sheet_keeps_its_announcements_and_notices_binding() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    expiry = _texts(data)["general.expiry"]
    for clause in ("general.confidentiality", "general.announcements", "general.notices"):
        assert numbers[clause] in expiry
    status = _texts(data)["general.status.non-binding"]
    assert f"{numbers['general.notices']} (notices)" in status


def test_a_renewal_option_says_how_often_it_can_be_used() -> None:
    data = _answers("bridge-technology.yaml")
    assert _texts(data)["exit.renewal.option"].startswith(
        "CMC may renew the partnership, each time for 2 years and at most twice in all, by"
    )
    data["exit"]["renewal"]["max_renewals"] = 1
    assert _texts(data)["exit.renewal.option"].startswith(
        "CMC may renew the partnership, each time for 2 years and at most once in all, by"
    )
    data["exit"]["renewal"]["max_renewals"] = 3
    assert "each time for 2 years and at most 3 times in all" in _texts(data)["exit.renewal.option"]
    del data["exit"]["renewal"]["max_renewals"]
    assert _texts(data)["exit.renewal.option"].startswith(
        "CMC may renew the partnership, each time for 2 years, by written notice"
    )


def test_a_two_tier_board_is_mentioned_only_where_the_jvs_law_may_require_one() -> None:
    data = _answers("edrive-jv.yaml")
    data["company"].update(form="Italian società a responsabilità limitata", jurisdiction="Italy")
    assert (
        "Where the law of Italy requires a management board as well, the key officers form it "
        "and the Board acts as the supervisory board."
    ) in _texts(data)["company.board"]
    delaware = _texts(_answers("battery-jv.yaml"))["company.board"]
    assert "management board" not in delaware


def test_a_licence_lasts_as_long_as_the_service_parts_that_survive_exit_need_it() -> None:
    data = _answers("incomplete-deal.yaml")
    texts, numbers = _texts(data), _numbers(data)
    assert (
        "for the term of the partnership and afterwards as far as, and for as long as, a party "
        "needs it to perform, or to receive the benefit of, the obligations that survive exit "
        f"under clause {numbers['exit.survival']}. Any other use"
    ) in texts["general.licence-scope"]
    data["exit"]["survival"] = [{"kind": "confidentiality", "duration": "5 years"}]
    assert (
        "in the regions in scope (Europe), for the term of the partnership. Any other use"
        in (_texts(data)["general.licence-scope"])
    )


def test_the_party_that_ends_the_partnership_for_the_others_default_does_not_pay_for_it() -> None:
    data = _answers("platform-sharing.yaml")
    assert _texts(data)["exit.costs"] == (
        "A party that ends the partnership for convenience bears its own costs of exit and the "
        "reasonable costs of exit of the other party; where a party ends it for the other "
        "party's material breach, insolvency or change of control, that other party bears its "
        "own costs of exit and the reasonable costs of exit of the party that ends the "
        "partnership. After any other exit (for a prolonged deadlock, missed "
        "milestones, or a regulatory or tariff change), and when the partnership ends at the end "
        "of its term, the costs of exit are shared in proportion to the cost shares."
    )
    data["exit"]["triggers"] = [t for t in data["exit"]["triggers"] if t["kind"] == "convenience"]
    assert _texts(data)["exit.costs"] == (
        "A party that ends the partnership for convenience bears its own costs of exit and the "
        "reasonable costs of exit of the other party. After any "
        "other exit, and when the partnership ends at the end of its term, the costs of exit are "
        "shared in proportion to the cost shares."
    )


def test_the_robotaxi_service_runs_until_riders_and_regulators_have_had_their_notice() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts, numbers = _texts(data), _numbers(data)
    assert (
        "Where the notice that ends the service takes effect before the notice owed to riders "
        f"and regulators (by law, under the permits or under clause {numbers['exit.survival']}) "
        "has run, the parties keep operating the service on the terms in force, as far as the "
        "law and the permits allow, until that notice has run."
    ) in texts["exit.wind-down"]


def test_a_change_of_control_says_what_control_is() -> None:
    texts = _texts(_answers("platform-sharing.yaml"))
    assert (
        "Control means the power to direct a party's management and policies, directly or "
        "indirectly, through voting rights, by contract or otherwise. This right applies only "
        "where control of a party passes (a) to a competitor of the other party or (b) to a "
        "state,"
    ) in texts["exit.trigger.change-of-control"]
