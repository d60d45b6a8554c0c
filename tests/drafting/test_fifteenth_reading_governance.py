"""What a senior JV lawyer's fifteenth reading of the example drafts asked of the company and
governance clauses, as the drafted text reads: a majority of the Board is a share of the votes,
which follow the shareholdings from time to time, and a Defaulting Party's votes drop out of it;
a capital call beyond the commitments binds only the parties that approve it, and an outvoted
party is diluted at fair market value but is in no breach; the expert of the valuation clause
sets that value; a default ends when the JV confirms the call paid; a committee's members vote
their party's seats as one block; the long-stop date of an approval for a later phase runs from
that phase; a condition a party need not accept is defined; the share capital is part of the
capital the schedule commits; and a working team that takes no decisions owns none."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_a_board_majority_is_a_share_of_the_votes_a_defaulting_party_has_none_of() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    reserved = texts["company.reserved-matters"]
    assert "of all directors (7 of the 9)" not in reserved
    assert (
        "Capital calls beyond the approved business plan and the contributions schedule, and "
        "borrowing above EUR 50m: the Board, by at least 75 % of the votes of all directors;"
    ) in reserved
    assert (
        "A majority of the Board stated as a percentage is a share of the votes that all "
        "directors are entitled to cast, which follow the parties' shareholdings from time to "
        f"time as clause {numbers['company.board']} provides, whether or not every director "
        "attends; while its default continues, a Defaulting Party's directors are entitled to no "
        "vote on a Funding Matter, and the majority is counted on the votes of the directors of "
        f"the other parties alone, as clause {numbers['goals.capital-calls']} provides."
    ) in reserved
    assert (
        "which follow its shareholding from time to time (initially RMA 45 %, HEC 35 %, VTR 20 %)"
    ) in texts["company.board"]
    assert (
        "a director the Defaulting Party appointed has no vote on a Funding Matter, that is a "
        "Reserved Matter on a capital call, on borrowing or on the approval of the business plan "
        "as far as it sets the JV's funding, which the directors of the other parties decide alone"
    ) in texts["goals.capital-calls"]
    # The matrix counts no heads on the Board either; a committee's seats it still counts.
    matrix = {row[0]: row[3] for row in _table(data, "decision_rights")}
    assert matrix["Cost baseline and annual budget"] == "Qualified majority (75 %)"
    assert "(for the Board, a share of the votes that clause" in (texts["governance.annex.matrix"])
    tidewater = {
        row[0]: row[3] for row in _table(_answers("robotaxi-pilot.yaml"), "decision_rights")
    }
    assert any("of 6 members, cast in party blocks)" in approval for approval in tidewater.values())
    # Where every Board matter needs each party, there is no percentage to explain.
    for item in data["company"]["reserved_matters"]:
        item.update(approval="unanimous", majority_percent=None)
    data["governance"]["decision_rights"] = []
    assert "stated as a percentage" not in _texts(data)["company.reserved-matters"]


def test_a_call_beyond_the_commitments_binds_only_the_parties_that_approve_it() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert (
        f"Any other capital call is a Reserved Matter under clause "
        f"{numbers['company.reserved-matters']} and, whatever majority that clause states for "
        "it, needs the approval, through the directors it appointed or in writing, of every "
        "party whose shareholding is at least 10 %, other than a Defaulting Party while its "
        "default continues; it binds the parties that have approved it."
    ) in calls
    assert (
        "A party that a call does not bind may still fund its part within that period; if it "
        "does not, the parties the call binds may fund that part by subscribing new shares at "
        "their fair market value, without a discount, which dilutes that party's shareholding, "
        "and that party is neither in default nor in breach."
    ) in calls
    assert "A party that has not funded its part of a call that binds it within" in calls
    # Whoever is diluted, an expert appointed as the valuation clause provides sets the value.
    assert (
        "if the parties concerned have not agreed it within 20 days after the period to fund "
        "that part has ended, any of them may refer it to the expert."
    ) in calls
    assert (
        "to the expert of this clause, appointed as clause "
        f"{numbers['exit.valuation']} provides for the expert on a price. A party refers such a "
        "dispute within 10 working days"
    ) in calls
    two = _texts(_answers("battery-jv.yaml"))["goals.capital-calls"]
    assert "if it does not, the other party, which the call binds, may fund that part" in two
    # Loans dilute nobody: the outvoted party's part is lent.
    data["company"]["funding"]["on_default"] = "shareholder_loan"
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "may fund that part as a shareholder loan to the JV on the terms this clause sets for it"
        in calls
    )
    assert "A shareholder loan under this clause bears interest at three-month WIBOR" in calls
    assert "fair market value" not in calls


def test_the_share_of_a_scheduled_call_follows_the_schedule() -> None:
    data = _answers("edrive-jv.yaml")
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "Each party funds its part of a call that binds it within 30 days of the call: for a "
        "contribution the schedule commits, a part in proportion to the amounts of capital the "
        "schedule commits the parties to; for any other call, a part in proportion to its "
        "shareholding when the call is made."
    ) in calls
    assert "(RMA 45 %, HEC 35 %, VTR 20 %) within" not in calls


def test_a_default_ends_when_the_banks_statement_shows_the_call_paid() -> None:
    # Not on a confirmation by the JV, whose officers one party may have nominated.
    calls = _texts(_answers("edrive-jv.yaml"))["goals.capital-calls"]
    assert (
        "The default ends on the day the Defaulting Party's part of the call has been paid to "
        "the JV in full, by that party or by new shares subscribed under this clause, as shown "
        "by a statement of the JV's bank account that the bank sends directly to every party.\n"
    ) in calls
    assert "as the JV confirms" not in calls
    volta = _texts(_answers("battery-jv.yaml"))["goals.capital-calls"]
    assert (
        "every party. Where the other party has lent that part to the JV, the default ends only "
        "on the day the Defaulting Party has paid that part to the JV with the interest accrued "
        "on the loan and the JV has used that payment to repay the loan with its interest, each "
        "as shown by such a statement.\n"
    ) in volta


def test_a_committees_members_vote_their_partys_seats_as_one_block() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    charters = _texts(data)["governance.annex.charters"]
    assert (
        "every other body decides by a simple majority of the votes of all its members, the "
        "members a party appointed who are present casting together, as one block, the votes of "
        "every member that party appoints to the body, however many of them attend."
    ) in charters
    assert "votes of its members present" not in charters
    # The Board's quorum row leaves out what clause company.board adds to it.
    assert (
        f"A meeting is quorate as stated. For the Board, clause {numbers['company.board']} of "
        "the term sheet adds that an adjourned meeting is quorate with the directors present and "
        "that, on a Funding Matter, a Defaulting Party's directors do not count towards the "
        "quorum. A meeting of any other body"
    ) in charters
    alliance = _texts(_answers("robotaxi-pilot.yaml"))["governance.annex.charters"]
    assert "for the Board" not in alliance


def test_the_share_capital_is_part_of_the_scheduled_capital() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    capital = _texts(data)["company.capital"]
    assert (
        "Each party pays its subscription when the JV is formed, as the first part of the "
        f"capital that the contributions schedule in clause {numbers['strengths.contributions']} "
        "commits it to, not in addition to it; the rest of that capital comes by capital calls "
        f"under clause {numbers['goals.capital-calls']}."
    ) in capital
    # Share capital in zloty, contributions in euro: the conversion is said.
    ampere = _texts(_answers("edrive-jv.yaml"))["company.capital"]
    assert "not in addition to it (counted at the exchange rate of the day it is paid);" in ampere
    # Without capital in the schedule there is nothing to count it towards.
    contributions = data["strengths"]["contributions"]
    contributions[:] = [row for row in contributions if row["kind"] != "capital"]
    assert "first part" not in _texts(data)["company.capital"]


def test_an_approval_for_a_later_phase_has_its_own_long_stop_date() -> None:
    data = _answers("platform-sharing.yaml")
    numbers = _numbers(data)
    approvals = _texts(data)["general.regulatory-approvals"]
    assert (
        'The long-stop date of an approval (its "Long-stop Date") is the date 12 months after '
        "the definitive agreements are signed or, for an approval that only an activity of a "
        f"phase after the first in clause {numbers['strengths.phases']} needs, the date 12 "
        "months after that phase opens; it never falls before the target date in clause "
        f"{numbers['strengths.phases']} of the phase whose activity needs the approval, nor after "
        f"the end of the Initial Term in clause {numbers['exit.term']}."
    ) in approvals
    # In a JV the Long-stop Date holds closing; an approval a later activity needs has its own.
    volta = _texts(_answers("battery-jv.yaml"))["general.regulatory-approvals"]
    assert "regulatory approvals that closing requires, to be obtained by the date" in volta
    assert (
        "An approval that only a later activity of the JV needs is not a condition of closing: "
        "that activity starts only once the approval has been obtained, and its own long-stop "
        "date is"
    ) in volta


def test_a_condition_a_party_need_not_accept_is_defined() -> None:
    for name in ("battery-jv.yaml", "platform-sharing.yaml"):
        approvals = _texts(_answers(name))["general.regulatory-approvals"]
        assert "cannot reasonably accept" not in approvals
        assert (
            "A party need not accept a condition of an approval that would require it or any of "
            "its affiliates to divest, license or hold separate a business or assets, or that "
            "would change the partnership in a way that materially reduces its value to that "
            'party (an "Unacceptable Condition").'
        ) in approvals
        assert "without such conditions" not in approvals


def test_a_working_team_on_the_path_owns_no_decision() -> None:
    texts = _texts(_answers("robotaxi-pilot.yaml"))
    assert texts["governance.decision-rights"].endswith(
        "A decision not listed in the matrix belongs to the body whose charter covers it. The "
        "Operations PMO takes no decisions: a decision its charter covers belongs to the "
        "owner the decision-rights matrix names for it or, where it names none, to the Steering "
        "Committee, for which the Operations PMO prepares it."
    )
    settled = (
        "The Operations PMO takes no decisions: at its level, the parties' members seek an "
        "agreement, which binds only once the body or person that owns the decision adopts it."
    )
    assert settled in texts["governance.escalation"]
    assert settled in texts["governance.annex.escalation"]
    # A joint PMO that is no level of the path hands what its charter covers to the Board, and
    # the escalation path does not name it.
    volta = _texts(_answers("battery-jv.yaml"))
    assert volta["governance.decision-rights"].endswith(
        "The Joint PMO takes no decisions: a decision its charter covers belongs to the owner the "
        "decision-rights matrix names for it or, where it names none, to the Board, for which the "
        "Joint PMO prepares it."
    )
    assert "takes no decisions" not in volta["governance.escalation"]


def test_a_disagreement_goes_up_from_the_level_that_could_not_resolve_it() -> None:
    """'the level of the path below that stands above ...' read as if the path lay beneath the
    disagreement; the annex names the path and the step up instead."""
    for example, who in (("battery-jv.yaml", "either party"), ("edrive-jv.yaml", "any party")):
        escalation = _texts(_answers(example))["governance.annex.escalation"]
        assert escalation.startswith(
            "Where a body or person on the escalation path below cannot resolve a "
            f"disagreement, {who} may refer it in writing, with a short statement of its "
            "position, to the next level above that body or person,"
        )
        assert "the level of the path below" not in escalation
