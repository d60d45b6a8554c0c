"""What a senior JV lawyer's eighteenth reading of the example drafts asked of the phase plan,
the governance clauses and the answers a clause quotes, as the drafted text reads: a milestone
is met when its result is achieved, confirmed within days by a body or a party's notice, with
a dispute to an expert, so that no vote can hold a phase shut; and a typed answer
reads as drafted English where a clause quotes it (no raw asset class in brackets, no capital
after a colon, no noun said twice); a JV decision the lists leave out has one rule; an approval
for a later phase never lapses before that phase's target date; the funding expert is defined
where first named; a Defaulting Party drops out of the quorum for funding items only; and the
recovery plan's approver reads for every shape of deal."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_phase_opens_on_a_confirmed_milestone_without_a_vote() -> None:
    jv = _texts(_answers("battery-jv.yaml"))["strengths.phases"]
    assert "A phase opens only once the Board has confirmed" not in jv
    assert (
        "A milestone is met when the result it states has been achieved. The JV's Chief "
        "Executive Officer reports in writing to the Board and every party, with the evidence, "
        "that a milestone has been met, within 5 working days after it is met;"
    ) in jv
    assert (
        "The next phase opens on the day the Board confirms that the milestone has been met, "
        "without any further decision or the consent of either party; where the Board has not "
        "so confirmed within that period, the next phase opens only once the expert has "
        "determined that the milestone has been met, as this clause provides."
    ) in jv
    assert (
        "Either party may refer to an independent expert a dispute on whether a milestone has "
        "been met, within 10 working days after the confirmation or, where no confirmation has "
        "been given for a milestone it says has been met, at any time; where a party refers such "
        "a dispute, the next phase opens, or goes on, only once the expert has determined that "
        "the milestone has been met."
    ) in jv
    assert (
        "if they have not appointed one within 10 working days of the referral, by the LCIA" in jv
    )
    assert (
        "The expert allocates its fees among the parties to the dispute in proportion to how far "
        "it rejects each one's position, so that a party whose position it rejects entirely "
        "bears them alone."
    ) in jv
    pmo = _texts(_answers("platform-sharing.yaml"))["strengths.phases"]
    # Its Joint PMO takes no decisions (the annex says so): the Steering Committee confirms.
    assert "The Joint PMO confirms" not in pmo
    assert "The Steering Committee decides within 10 working days after that report" in pmo
    assert "by the Swiss Arbitration Centre at the request of either party" in pmo


def test_without_officers_or_a_pmo_a_party_confirms_a_milestone_by_notice() -> None:
    data = _answers("bridge-technology.yaml")
    text = _texts(data)["strengths.phases"]
    assert (
        "Either party may confirm that a milestone has been met by written notice to the other "
        "party, with the evidence. The next phase opens on the day of that confirmation, without "
        "a vote of the Steering Committee or the consent of either party."
    ) in text
    data["strengths"]["phases"] = data["strengths"]["phases"][:1]
    data["governance"]["disputes"] = {"mechanism": "courts"}
    single = _texts(data)["strengths.phases"]
    assert "The milestone is met when the result it states has been achieved." in single
    assert "What the milestone opens starts on the day of that confirmation" in single
    assert "by the International Chamber of Commerce at the request of either party" in single


def test_surviving_obligations_read_as_drafted_english() -> None:
    volta = _texts(_answers("battery-jv.yaml"))["exit.survival"]
    assert ": The JV keeps supplying" not in volta
    assert (
        "Supply continuity, for 24 months after termination or expiry of the partnership: the JV "
        "keeps supplying NAW at the prevailing transfer price while NAW re-sources."
    ) in volta
    assert "Licences, for 15 years" not in volta
    assert (
        "Licences each party needs to service cells and vehicles already sold, for 15 years after "
        "termination or expiry of the partnership."
    ) in volta
    keystone = _texts(_answers("sdv-software.yaml"))["exit.survival"]
    assert (
        "BFW's licence to LUMEN's background IP needed to use the platform, for vehicles in "
        "production or sold at exit, for 15 years after termination or expiry of the partnership."
    ) in keystone


def test_shared_assets_name_their_class_as_a_heading_not_a_tag() -> None:
    texts = {
        example: _texts(_answers(example))["exit.assets"]
        for example in ("battery-jv.yaml", "edrive-jv.yaml", "robotaxi-pilot.yaml")
    }
    for text in texts.values():
        for tag in ("(plants)", "(foreground IP)", "(licences)", "(tooling)", "(data)"):
            assert tag not in text
        assert "Seconded staff: Seconded" not in text
    assert "Lorain cell plant and its lines: stays with the JV" in texts["battery-jv.yaml"]
    assert (
        "Foreground IP (process improvements made by the JV): owned by the JV; each party keeps"
    ) in texts["battery-jv.yaml"]
    assert "Tooling: stays with the JV; NAW-funded tooling" in texts["battery-jv.yaml"]
    assert (
        "Seconded staff return to their employer within 90 days, with a handover plan."
        in texts["edrive-jv.yaml"]
    )
    assert (
        "Tooling (sensor kits and depot equipment): sensor kits return to AUR, which pays"
        in texts["robotaxi-pilot.yaml"]
    )
    meridian = _texts(_answers("platform-sharing.yaml"))["exit.assets"]
    assert "Foreground IP (European homologation adaptations): jointly owned;" in meridian


def test_a_jv_decision_the_lists_leave_out_has_one_rule() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    rights = texts["governance.decision-rights"]
    assert "belongs to the body whose charter covers it" not in rights
    assert (
        f"A decision the matrix does not list is taken as clause "
        f"{numbers['company.reserved-matters']} provides."
    ) in rights
    assert (
        "Every other decision is taken by the owner the decision-rights matrix of the Governance "
        "Annex names for it or, where the matrix names none, by the Board, as clause "
        f"{numbers['company.board']} provides, or, within the limits the Board sets, by the "
        "officers or by the body of the Governance Annex whose charter covers it."
    ) in texts["company.reserved-matters"]


def test_an_approval_for_a_later_jv_phase_never_lapses_before_its_target_date() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    approvals = _texts(data)["general.regulatory-approvals"]
    assert (
        f"12 months after the phase in clause {numbers['strengths.phases']} whose activity needs "
        "it opens; it never falls before that phase's target date, nor after the end of the "
        f"Initial Term in clause {numbers['exit.term']}."
    ) in approvals


def test_the_funding_expert_is_defined_where_it_is_first_named() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    first = calls.index("the expert of this clause")
    assert calls[first:].startswith(
        "the expert of this clause, appointed as clause "
        f"{numbers['exit.valuation']} provides for the expert on a price."
    )
    assert "The expert who decides a question under this clause" not in calls
    assert calls.endswith(
        "The expert of this clause decides every question this clause refers to it; it acts as an "
        "expert and not as an arbitrator and delivers a reasoned determination within 30 days of "
        "its appointment, which binds the parties. The expert allocates its fees among the "
        "parties to the dispute in proportion to how far it rejects each one's position, so that "
        "a party whose position it rejects entirely bears them alone, as under clause "
        f"{numbers['strengths.phases']}; on the fair market value of new shares, the parties "
        "concerned bear them in equal shares, except that a Defaulting Party bears them alone."
    )


def test_a_defaulting_party_is_left_out_of_the_quorum_for_funding_items_only() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert "a Board meeting that decides only Funding Matters" not in calls
    assert (
        "the quorum of a Board meeting is counted item by item: for a Funding Matter, the "
        "Defaulting Party's directors are neither needed nor counted, so that the meeting may "
        "decide it even where it is not quorate for its other business; for every other item, "
        f"the ordinary quorum applies as clause {numbers['company.board']} provides."
    ) in calls


def test_the_recovery_plan_approver_reads_for_every_shape_of_deal() -> None:
    ampere = _texts(_answers("edrive-jv.yaml"))["strengths.critical-path"]
    assert (
        "The recovery plan needs the approval of the Board, on which the directors the delayed "
        "party appointed do not vote;"
    ) in ampere
    for name, approver in (
        ("bridge-technology.yaml", "the other party"),
        ("robotaxi-pilot.yaml", "the other parties"),
    ):
        data = _answers(name)
        for body in data["governance"]["bodies"]:
            if body["kind"] == "steering_group":
                body["kind"] = "execution_committee"
        text = _texts(data)["strengths.critical-path"]
        assert "the parties jointly" not in text
        assert "do not vote" not in text
        assert (
            f"The recovery plan needs the approval of {approver}; it is treated as approved unless "
            "it is rejected, with written reasons,"
        ) in text
