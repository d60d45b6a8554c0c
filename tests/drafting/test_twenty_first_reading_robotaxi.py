"""A JV lawyer's twenty-first reading of the example drafts, led by the robotaxi pilot: no party
restarts a suspended driverless service alone, and an adjourned meeting's reduced quorum never
takes a decision that needs more than a simple majority; silence accepts nothing that opens or
closes a right or approves a release on safety grounds; operations carry liability as products
do, the permit holder carries the cover its permits need, and the vehicle maker decides a
recall; losing a permit is no change in law; a phase is confirmed by a body that decides."""

from __future__ import annotations

import pytest

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers
from .test_twentieth_reading import EXAMPLES


def test_a_restart_needs_two_parties_with_the_permit_holder_and_never_the_party_at_fault() -> None:
    safety = _texts(_answers("robotaxi-pilot.yaml"))["strengths.safety-case"]
    # Before, the restart was decided "by a simple majority", which one party could reach alone.
    assert "approved the restart, deciding by a simple majority" not in safety
    assert (
        "The approval of a release or of its safety case, a change to the operational design "
        'domain and the restart of the service after a suspension (each a "Safety Decision") '
        "need, besides any approval the decision-rights matrix states for them, the votes of the "
        "members of at least two parties, AUR, which holds the permits to operate the service, "
        "among them."
    ) in safety
    assert (
        "A Safety Decision is taken only at a meeting of the Safety Board quorate as the "
        "Governance Annex states (the members of a party that does not vote on it are not "
        "needed for that quorum), never at an adjourned meeting with a reduced quorum."
    ) in safety
    assert (
        "on a restart those appointed by each party whose software, vehicles or operations caused "
        "the incident as the report on its cause finds, take part in the discussion but do not "
        "vote on it, and the majority or unanimity it needs is counted on the votes of the other "
        "parties' members; a party that does not vote does not count among the two, and where "
        "that leaves fewer than two parties to vote, or a party that does not vote is AUR, the "
        "Safety Decision needs instead the votes of every party that may vote and the written "
        "consent of AUR and of each party that does not vote."
    ) in safety
    # The report a restart rests on is written by someone none of the parties controls.
    assert (
        "on a written report on the cause of the incident and the corrective actions taken, "
        "prepared by an investigator independent of the parties whom AUR appoints after "
        "consulting the other parties"
    ) in safety


@pytest.mark.parametrize("name", EXAMPLES)
def test_an_adjourned_meeting_takes_no_decision_that_needs_more_than_a_simple_majority(
    name: str,
) -> None:
    charters = _texts(_answers(name))["governance.annex.charters"]
    assert "counts a majority on the votes of the parties whose members attend" not in charters
    assert (
        "counts a simple majority on the votes of the parties whose members attend. That reduced "
        "quorum never carries a decision that needs more than a simple majority, such as "
        "unanimity or a qualified majority, which needs at the adjourned meeting the votes it "
        "would need at a meeting quorate as stated"
    ) in charters


def test_the_safety_board_never_decides_with_a_reduced_quorum() -> None:
    # AUR holds two of the Safety Board's four seats: at an adjourned meeting it alone could
    # carry a simple-majority row such as the safety standard where practices diverge.
    charters = _texts(_answers("robotaxi-pilot.yaml"))["governance.annex.charters"]
    assert (
        ". The Safety Board, whose decisions a driverless service's safety rests on, has no "
        "reduced quorum: its adjourned meeting is quorate only as the table states."
    ) in charters
    assert (
        "has no reduced quorum"
        not in (_texts(_answers("sdv-software.yaml"))["governance.annex.charters"])
    )


def test_silence_accepts_no_release_that_opens_a_right_or_is_approved_for_safety() -> None:
    for name in ("sdv-software.yaml", "robotaxi-pilot.yaml"):
        data = _answers(name)
        numbers = _numbers(data)
        contributions = _texts(data)["strengths.contributions"]
        assert "is treated as accepted, and where a body accepts it" not in contributions
        assert (
            "No contribution is accepted by silence where its acceptance opens or closes a right "
            "under this term sheet (such as meeting a milestone of the phase plan in clause "
            f"{numbers['strengths.phases']} or deciding whether a right of exit "
            f"under clause {numbers['exit.trigger.milestones']} arises) or approves, on safety "
            "grounds, a software release or anything else: such a contribution is accepted only by "
            "an express decision, and where none is taken within that period, the contributing "
            "party may refer the matter up the escalation path in "
            + (
                f"clauses {numbers['governance.escalation']} and "
                f"{numbers['governance.off-path-bodies']}."
                if "governance.off-path-bodies" in numbers
                else f"clause {numbers['governance.escalation']}."
            )
        ) in contributions
    # Keystone's Release 1.0 is that milestone, and the case of BFW's exit for a missed one.
    keystone = _texts(_answers("sdv-software.yaml"))
    assert "Milestone: Release 1.0 accepted" in keystone["strengths.phases"]
    assert "Release 1.0 not accepted by" in keystone["exit.trigger.milestones"]


def test_operations_carry_liability_and_the_permit_holder_carries_the_motor_cover() -> None:
    data = _answers("robotaxi-pilot.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    operations = texts["general.operations-liability"]
    assert (
        "each party is also responsible for the operations of the service that it runs, such as "
        "remote assistance, depot work, charging and cleaning, the deployment of vehicles and "
        "the operation of the fleet"
    ) in operations
    assert (
        "the costs of third-party claims arising out of an operation of the service are borne by "
        "the party that runs that operation"
    ) in operations
    assert (
        "to a party's part of the costs of claims arising out of the operation of the service "
        f"under clause {numbers['general.operations-liability']}"
    ) in texts["general.liability"]
    assert (
        "AUR, which holds the permits to operate the service, also keeps the automobile "
        "liability and operator insurance that those permits and the law require for the "
        "service, covering every vehicle operated under them, whoever supplies or operates it. "
        "That insurance alone covers"
    ) in texts["general.insurance"]
    # A deal that puts no service on the road has no operations clause and no permit holder.
    keystone = _texts(_answers("sdv-software.yaml"))
    assert "general.operations-liability" not in keystone
    assert "permits" not in keystone["general.insurance"]


@pytest.mark.parametrize("name", ["robotaxi-pilot.yaml", "sdv-software.yaml"])
def test_the_vehicle_maker_decides_a_recall_and_the_expert_has_a_deadline_and_a_fee_rule(
    name: str,
) -> None:
    recall = _texts(_answers(name))["general.product-liability"]
    other = "another party" if name == "robotaxi-pilot.yaml" else "the other party"
    assert "the party responsible for the vehicle or component concerned decides" not in recall
    assert (
        "The maker decides on a recall or field action for its vehicles after consulting, as far "
        "as time allows, the party whose component or software is concerned; that party "
        "cooperates in it and bears its part of the costs as this clause provides, but decides "
        f"no recall of vehicles {other} makes."
    ) in recall
    assert (
        "delivers a reasoned determination within 30 days of its appointment, which binds the "
        "parties; the parties bear the expert's fees in the proportions in which the "
        "determination allocates the costs in dispute."
    ) in recall


def test_an_urgent_software_campaign_needs_no_safety_decision_first() -> None:
    data = _answers("robotaxi-pilot.yaml")
    recall = _texts(data)["general.product-liability"]
    # A recall "goes ahead at once", but 5.3 wanted a Safety Decision before any release; and
    # only the vehicles' maker could start one, not the permit holder or the software's author.
    assert (
        "In the driverless service, AUR, as holder of the permits, and the party that developed "
        "the software concerned may each also start an over-the-air campaign that the law "
        "requires or that safety makes urgent. Such a campaign, like a recall under this clause, "
        "goes ahead without waiting for a Safety Decision under clause "
        f"{_numbers(data)['strengths.safety-case']}, and the Safety Board reviews it at its next "
        "meeting; a further release or a restart of the service still needs a Safety Decision."
    ) in recall
    assert (
        "Safety Decision" not in _texts(_answers("sdv-software.yaml"))["general.product-liability"]
    )


def test_losing_a_permit_is_no_change_in_law_and_no_exit_for_the_party_at_fault() -> None:
    data = _answers("robotaxi-pilot.yaml")
    numbers = _numbers(data)
    regulatory = _texts(data)["exit.trigger.regulatory"]
    assert "This right applies only where authorities withdraw" not in regulatory
    assert (
        "A withdrawal or suspension of a permit is no change in law: any party may end the "
        "partnership by giving 30 days' notice where authorities withdraw or suspend the permit "
        "for driverless operation for more than 60 days. Where the withdrawal or suspension "
        "results from a party's breach of the law, of the permit's conditions or of this term "
        "sheet, this right does not arise for that party: the breach is a material breach of that "
        f"party under clause {numbers['exit.trigger.breach']}, and the other parties may end the "
        "partnership either on that breach or by the notice this paragraph provides, without "
        "waiting for a period to cure it. Notice under this paragraph is given within 90 days "
        "after the withdrawal or suspension has lasted the period stated above, and not once the "
        "permit is restored."
    ) in regulatory
    # The list of the events that allow an exit names it, as it is no change in law.
    assert (
        "change of control, regulatory or tariff change or the loss of a permit, missed"
        in (_texts(data)["exit.triggers"])
    )


def test_a_phase_is_confirmed_by_the_body_that_decides_and_stays_within_the_pilot() -> None:
    data = _answers("robotaxi-pilot.yaml")
    phases = _texts(data)["strengths.phases"]
    # The Operations PMO takes no decisions, so it confirms nothing either.
    assert "The Operations PMO confirms" not in phases
    assert (
        "Any party may report in writing to the Steering Committee and the other parties, with "
        "the evidence, that a milestone has been met. The Steering Committee decides within 10 "
        "working days after that report whether the milestone has been met, at a meeting that "
        "any member may call for it on 5 working days' notice or by a written resolution that "
        "every member signs, and confirms its decision in writing to every party; that decision "
        "states a fact and approves nothing else. The next phase opens on the day the Steering "
        "Committee confirms that the milestone has been met, without any further decision or the "
        "consent of any party;"
    ) in phases
    # A second city is excluded from the pilot: the last phase prepares it, and no more.
    assert "Expansion decision for a second city" not in phases
    assert "to be carried out under an expansion agreement that replaces this pilot" in phases
    # The first review falls within the Lock-in Period, where no party may exit for convenience.
    calendar = _table(data, "review_calendar")
    first = next(row for row in calendar if row[0] == "Driverless readiness review")
    assert "exit" not in first[2]
