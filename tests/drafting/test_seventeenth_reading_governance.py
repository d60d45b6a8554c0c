"""What a senior JV lawyer's seventeenth reading of the example drafts asked of the company and
funding clauses, as the drafted text reads: a Defaulting Party loses its vote on funding only,
never on a contract between the JV and a party; a call under the schedule falls due on a date
or a milestone the chief executive officer confirms, and a dispute on it goes to the expert
before anyone is in default; a call beyond the commitments needs every party above a floor,
whatever majority the list states, and a small dilution moves no votes; the profit share
follows the shareholdings after dilution; a party receives shares (or, in a Polish company,
may make additional payments) for a call; and the expert of the funding clause has its own
fee rule."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_a_defaulting_party_keeps_its_vote_on_related_party_contracts() -> None:
    for example in ("battery-jv.yaml", "edrive-jv.yaml"):
        texts = _texts(_answers(example))
        calls = texts["goals.capital-calls"]
        assert "has no vote on a Reserved Matter decided by the Board" not in calls
        assert (
            "has no vote on a Funding Matter, that is a Reserved Matter on a capital call, on "
            "borrowing or on the approval of the business plan as far as it sets the JV's funding"
        ) in calls
        assert (
            "The Defaulting Party keeps its vote on every other Reserved Matter, including a "
            "contract between the JV and a party or its affiliates and any decision that changes "
            "a party's rights or obligations"
        ) in calls
        assert "no vote on a Funding Matter" in texts["company.reserved-matters"]
        assert (
            "on a Funding Matter, a Defaulting Party's directors are not needed"
            in (texts["company.board"])
        )
        assert (
            "on a Funding Matter, a Defaulting Party's directors do not count"
            in (texts["governance.annex.charters"])
        )


def test_a_scheduled_call_falls_due_on_a_date_or_a_confirmed_milestone() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert "after the date that plan or schedule sets for it" not in calls
    assert (
        "It falls due on the date that plan or schedule states for it. Where either states a "
        "milestone instead, the call falls due on the day the Board confirms in writing to every "
        "party that the milestone has been met, which it does in the way clause "
        f"{numbers['strengths.phases']} provides for a milestone of the phase plan; where the "
        "Board has not so confirmed it within the period that clause sets, the call falls due "
        "on the day the expert's determination that the milestone has been met is given to the "
        "parties."
    ) in calls
    assert "where the Board has not made it within 10 working days after it fell due" in calls
    assert (
        "A call does not fall due for a party that has referred such a dispute while the expert "
        "decides"
    ) in calls
    # The schedule names the milestones and no longer waits for the Board to approve a call.
    for row in data["strengths"]["contributions"]:
        if row["kind"] == "capital":
            assert "approved by the Board" not in row["tracking"]
    assert (
        "three tranches of USD 500m, due when the main construction contract is signed"
        in (data["strengths"]["contributions"][0]["description"])
    )


def test_a_call_beyond_the_commitments_needs_every_party_above_the_floor() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    calls = texts["goals.capital-calls"]
    assert "binds only a party that has approved it" not in calls
    assert (
        "whatever majority that clause states for it, needs the approval, through the directors "
        "it appointed or in writing, of every party whose shareholding is at least 10 %, other "
        "than a Defaulting Party while its default continues; it binds the parties that have "
        "approved it."
    ) in calls
    assert (
        "Whatever majority the list states, a capital call beyond the approved business plan "
        "also needs the approval of every party whose shareholding is at least 10 %, other than "
        "a Defaulting Party while its default continues, as clause "
        f"{numbers['goals.capital-calls']} provides."
    ) in texts["company.reserved-matters"]
    # Where every call beyond the plan needs each party's director anyway, 7.3 adds nothing.
    assert (
        "Whatever majority the list states"
        not in (_texts(_answers("battery-jv.yaml"))["company.reserved-matters"])
    )
    assert (
        "An issue of shares under clause "
        f"{numbers['goals.capital-calls']} moves the votes only once a party's shareholding has "
        "changed by at least 5 percentage points"
    ) in texts["company.board"]


def test_profit_share_follows_the_shareholdings_and_calls_are_paid_for_shares() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        f"after an issue of shares under clause {numbers['goals.capital-calls']}, each party's "
        "cost share and profit share are its shareholding from time to time, as its dividends "
        f"are under clause {numbers['company.dividends']}."
    ) in texts["goals.value-sharing"]
    calls = texts["goals.capital-calls"]
    assert "by additional payments (dopłaty), for which no shares are issued" in calls
    assert "acting as clause" not in calls
    assert (
        "The expert allocates its fees among the parties to the dispute in proportion to how far "
        "it rejects each one's position"
    ) in calls
    volta = _texts(_answers("battery-jv.yaml"))["goals.capital-calls"]
    assert "A party pays its part by subscribing new shares, issued to every party at the same" in (
        volta
    )
    assert "dopłaty" not in volta
    # A profit share that differs from the equity is not tied to the shareholdings.
    data["goals"]["value_sharing"]["profit_share"] = {"RMA": 50, "HEC": 30, "VTR": 20}
    assert "each party's cost share is its shareholding" in _texts(data)["goals.value-sharing"]


def test_a_committee_block_votes_by_its_members_present_and_an_absent_party_stalls_nothing() -> (
    None
):
    charters = _texts(_answers("battery-jv.yaml"))["governance.annex.charters"]
    assert (
        "A meeting of any other body that is not quorate is adjourned by 5 working days, and the "
        "adjourned meeting, called by written notice to every member with the original agenda, "
        "is quorate with the members present, decides only on that agenda and counts a simple "
        "majority on the votes of the parties whose members attend"
    ) in charters
    assert (
        "A party's block votes as the majority of its members present decide or, where they are "
        "evenly divided, as the member that party names as its lead on the body votes; where the "
        "two parties appoint equal numbers of members to a body, a simple majority of its votes "
        "therefore needs the votes of both parties, except at an adjourned meeting."
    ) in charters
    # An alliance's bodies vote in party blocks too, wherever the matrix states a majority.
    alliance = _texts(_answers("robotaxi-pilot.yaml"))["governance.annex.charters"]
    assert (
        "where the matrix states a majority, it is a majority of the votes of all the body's "
        "members, the members a party appointed who are present casting together, as one block"
    ) in alliance
    assert "where the two parties appoint equal numbers" not in alliance  # three parties
    assert "A meeting of a body that is not quorate is adjourned" in alliance


def test_a_recovery_plan_is_approved_unless_rejected_with_reasons_in_time() -> None:
    for example, approver in (
        ("battery-jv.yaml", "the Board, on which the directors"),
        ("robotaxi-pilot.yaml", "the Steering Committee, on which the members"),
    ):
        critical = _texts(_answers(example))["strengths.critical-path"]
        assert "without an approved recovery plan" in critical
        assert (
            f"The recovery plan needs the approval of {approver} the delayed party appointed do "
            "not vote; it is treated as approved unless it is rejected, with written reasons, "
            "within 10 working days after it is presented."
        ) in critical


def test_an_operator_owns_the_fleet_plan_the_pmo_prepares() -> None:
    data = _answers("robotaxi-pilot.yaml")
    rights = _texts(data)["governance.decision-rights"]
    assert (
        "The Operations PMO takes no decisions: a decision its charter covers belongs to the "
        "owner the decision-rights matrix names for it or, where it names none, to the Steering "
        "Committee, for which the Operations PMO prepares it."
    ) in rights
    matrix = {row[0]: (row[2], row[3]) for row in _table(data, "decision_rights")}
    assert matrix["Weekly fleet plan and vehicle deployment within the approved pilot budget"] == (
        "MFM",
        "Owner decides",
    )
