"""What a senior JV lawyer's thirteenth reading of the example drafts asked for, as the drafted
text reads: a body off the escalation path keeps its decisions, the Deadlock rows and the
deadlock exit agree, a price for jointly owned IP nobody may buy says so, the review calendar
follows the review clause, dilution is among the ways shares change, cure periods run before
notice, the governing bodies are named, contributions that end early say what follows,
periods are stated once, a Delaware corporation has stockholders, non-solicitation and entire
agreement have their usual carve-outs."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def test_a_body_off_the_escalation_path_keeps_its_decisions() -> None:
    data = _answers("robotaxi-pilot.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert numbers["governance.off-path-bodies"] == "7.4"
    assert texts["governance.off-path-bodies"] == (
        "A disagreement on a decision that the decision-rights matrix gives to the Safety Board "
        "starts with the Safety Board, not at a lower level of the escalation path in clause "
        f"{numbers['governance.escalation']}; if the Safety Board cannot resolve it, it goes to "
        "the Steering Committee and on up the path. No level above the Safety Board takes such "
        "a decision in its place: what a higher level agrees takes effect only once the Safety "
        "Board adopts it, and until then the matter stays as it was."
    )
    assert (
        "gives to the Safety Board, which is not a level of the path, starts with the Safety "
        "Board and, if it cannot resolve it, is referred to the Steering Committee;"
    ) in texts["governance.annex.escalation"]
    # Without a more senior body on the path, the disagreement goes to the executives.
    data["governance"]["escalation"] = [
        level
        for level in data["governance"]["escalation"]
        if level["level"] != "Steering Committee"
    ]
    assert (
        "it goes to the chief executives of the three parties and on up the path"
        in _texts(data)["governance.off-path-bodies"]
    )
    # A body that is itself a level of the path needs no such clause.
    data = _answers("robotaxi-pilot.yaml")
    data["governance"]["escalation"].insert(1, {"level": "Safety Board", "days": 10})
    texts = _texts(data)
    assert "governance.off-path-bodies" not in texts
    assert "which is not a level of the path" not in texts["governance.annex.escalation"]
    assert "governance.off-path-bodies" not in _texts(_answers("battery-jv.yaml"))


def test_a_trigger_naming_rows_limits_the_deadlock_to_them_with_one_clock() -> None:
    data = _answers("platform-sharing.yaml")
    deadlock = _texts(data)["exit.trigger.deadlock"]
    assert (
        'reserves for unanimous or joint approval and that this clause names (the rows "Cost '
        'baseline of the shared platform" and "Allocation of Valladolid capacity")'
    ) in deadlock
    assert (
        'A disagreement on any other matter, including a decision in the row "Timing baseline '
        'of program gates", which the matrix also reserves, and a decision that a body takes'
    ) in deadlock
    assert "after escalation" not in deadlock
    assert deadlock.endswith(
        "either party may end the partnership by giving 90 days' notice. Such a notice may be "
        "given only within 30 days after the path ends, and never during the Lock-in Period "
        "defined in clause 9.1; where the Lock-in Period ends within those 30 days, they run "
        "instead until 30 days after the Lock-in Period ends. Where no such notice is given in "
        "time, also where those 30 days end during the Lock-in Period, the decision in deadlock "
        "is treated as rejected (clause 7.5 says what applies in its place), and a Deadlock "
        "that arises during "
        "the Lock-in Period can lead to exit only if its 30 days are still running when the "
        "Lock-in Period ends."
    )
    # A description that names no row is kept as a condition; every reserved row is a Deadlock.
    trigger = next(item for item in data["exit"]["triggers"] if item["kind"] == "deadlock")
    trigger["description"] = "Two meetings of the Steering Committee have failed to decide it."
    deadlock = _texts(data)["exit.trigger.deadlock"]
    assert "this clause names" not in deadlock
    assert '"Timing baseline of program gates" and' in deadlock
    assert "This right applies only where two meetings of the Steering Committee" in deadlock


def test_a_price_for_jointly_owned_ip_nobody_may_buy_applies_only_by_agreement() -> None:
    data = _answers("incomplete-deal.yaml")
    data["exit"]["valuation"]["details"] = (
        "This price applies when a party buys the other's share of jointly owned IP."
    )
    numbers = _numbers(data)
    sentence = (
        f"The treatment of the E-axle design in clause {numbers['exit.assets']} keeps it jointly "
        "owned and gives neither party a right to buy the other party's share: this price applies "
        "to such a purchase only where the parties agree it."
    )
    assert sentence in _texts(data)["exit.valuation"]
    # A treatment that lets a party buy it needs no such sentence.
    ip = next(asset for asset in data["exit"]["assets"] if asset["asset"] == "foreground_ip")
    ip["treatment"] = "Jointly owned; SKM may buy TAT's share at the price below."
    assert "gives neither party a right to buy" not in _texts(data)["exit.valuation"]
    # Nor does a valuation whose details do not speak of IP.
    meridian = _texts(_answers("platform-sharing.yaml"))["exit.valuation"]
    assert "gives neither party a right to buy" not in meridian


def test_the_review_calendar_leaves_a_party_only_a_proposal_as_the_review_clause_does() -> None:
    rows = {row[0]: row[3] for row in _table(_answers("bridge-technology.yaml"), "review_calendar")}
    assert rows["In-sourcing decision review"] == (
        "CMC; a change of scope or course it proposes is decided under the change procedure"
    )
    assert rows["Launch review"] == "Steering Committee"
    data = _answers("bridge-technology.yaml")
    review = next(
        point for point in data["change"]["review_points"] if point["decided_by"] == "CMC"
    )
    review["options"] = ["continue", "exit"]
    rows = {row[0]: row[3] for row in _table(data, "review_calendar")}
    assert rows["In-sourcing decision review"] == "CMC"


def test_shares_change_by_dilution_where_a_capital_call_can_dilute() -> None:
    data = _answers("edrive-jv.yaml")
    numbers = _numbers(data)
    sharing = _texts(data)["goals.value-sharing"]
    assert (
        "Shares change only by written agreement of the parties, through the recalibration of "
        "the economics or, for shareholdings, by the issue of new shares to fund a party's unpaid "
        f"part of a capital call under clause {numbers['goals.capital-calls']}."
    ) in sharing
    assert "transfer pricing" not in sharing
    data["company"]["funding"]["on_default"] = "shareholder_loan"
    assert (
        "Shares change only by written agreement of the parties or through the recalibration of "
        "the economics."
    ) in _texts(data)["goals.value-sharing"]
    for name in ("sdv-software.yaml", "robotaxi-pilot.yaml"):
        sharing = _texts(_answers(name))["goals.value-sharing"]
        assert "capital call" not in sharing
        assert "transfer pricing" not in sharing


def test_a_cure_period_runs_before_the_notice() -> None:
    data = _answers("edrive-jv.yaml")
    triggers = _texts(data)["exit.triggers"]
    assert (
        "Where the clause on an event gives a period to cure it, that period runs first: notice "
        "on that event may be given only once the period has passed without the cause being put "
        "right."
    ) in triggers
    assert "lapses" not in triggers
    data["exit"]["triggers"] = [
        trigger
        for trigger in data["exit"]["triggers"]
        if trigger["kind"] in ("insolvency", "convenience")
    ]
    assert "period to cure" not in _texts(data)["exit.triggers"]


def test_the_governing_bodies_are_named_by_their_roles() -> None:
    meridian = _texts(_answers("platform-sharing.yaml"))["governance.bodies"]
    assert (
        "The Steering Committee sets direction; the Program Board decides within its charter; "
        "day-to-day coordination sits with the Joint PMO."
    ) in meridian
    # A body that decides is not said to coordinate, nor a PMO that decides nothing to execute.
    tidewater = _texts(_answers("robotaxi-pilot.yaml"))["governance.bodies"]
    assert (
        "The Steering Committee sets direction; the Safety Board decides within its charter; "
        "day-to-day coordination sits with the Operations PMO."
    ) in tidewater
    bridgeway = _texts(_answers("bridge-technology.yaml"))["governance.bodies"]
    assert (
        "The Steering Committee sets direction; the Integration Board decides within its charter."
    ) in bridgeway
    assert "senior steering body" not in meridian
    two = _answers("platform-sharing.yaml")
    for body in two["governance"]["bodies"]:
        if body["kind"] == "joint_pmo":
            body["kind"] = "execution_committee"
    assert (
        "The Steering Committee sets direction; the Program Board and the Joint PMO decide "
        "within their charters. Their members"
    ) in _texts(two)["governance.bodies"]
    # Without a steering body the roles cannot be named.
    data = _answers("platform-sharing.yaml")
    for body in data["governance"]["bodies"]:
        if body["kind"] == "steering_group":
            body["kind"] = "other"
    assert "A senior steering body sets direction" in _texts(data)["governance.bodies"]


def test_a_contribution_that_ends_before_the_term_says_what_follows() -> None:
    follows = (
        "Where the schedule ends a contribution before the end of the Initial Term, the "
        "contributing party owes none of it after that date; whether it continues for the rest "
        "of the term, and on what terms, is agreed under the change procedure."
    )
    data = _answers("sdv-software.yaml")
    assert follows in _texts(data)["strengths.contributions"]
    # Contributions that run for the whole term, or a term whose end is unknown, need none.
    for item in data["strengths"]["contributions"]:
        if item.get("end"):
            item["end"] = "2032-03-31"
    assert follows not in _texts(data)["strengths.contributions"]
    data = _answers("sdv-software.yaml")
    del data["exit"]["term"]["initial"]
    assert follows not in _texts(data)["strengths.contributions"]


def test_periods_for_vehicles_on_the_road_are_stated_once() -> None:
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    assert (
        "The party responsible for the software in vehicles produced under the partnership keeps "
        "developing and releasing safety and security updates for them, including over-the-air "
        "updates, for the period clause "
        f"{numbers['exit.survival']} states."
    ) in texts["exit.vehicles-on-the-road"]
    assert "10 years" not in texts["exit.vehicles-on-the-road"]
    assert (
        "OTA updates for BFW vehicles already on the road, for 10 years after termination or expiry"
        in texts["exit.survival"]
    )


def test_a_delaware_corporation_has_stockholders() -> None:
    volta = _texts(_answers("battery-jv.yaml"))
    assert "either as a stockholder loan to the JV" in volta["goals.capital-calls"]
    assert "the parties cooperate as stockholders of the JV" in volta["general.no-partnership"]
    assert "distributes the surplus to the stockholders" in volta["exit.winding-up"]
    assert "all stockholders" in volta["company.reserved-matters"]
    for clause in ("goals.capital-calls", "general.no-partnership", "exit.winding-up"):
        assert "shareholder" not in volta[clause], clause
    ampere = _texts(_answers("edrive-jv.yaml"))
    assert "the parties cooperate as shareholders of the JV" in ampere["general.no-partnership"]
    assert "stockholder" not in "".join(ampere.values())


def test_non_solicitation_spares_general_solicitations_and_agreed_waivers() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    assert _texts(data)["general.exclusivity"].endswith(
        "neither party actively solicits employees of the other party who worked in the "
        "partnership; a general solicitation not aimed at them, such as a public job "
        "advertisement, is not solicitation, and the waiver of non-solicitation in the "
        f"treatment of shared assets in clause {numbers['exit.assets']} prevails."
    )
    volta = _texts(_answers("battery-jv.yaml"))["general.exclusivity"]
    assert volta.endswith("such as a public job advertisement, is not solicitation.")


def test_the_entire_agreement_keeps_an_earlier_confidentiality_agreement() -> None:
    lodestar = _texts(_answers("incomplete-deal.yaml"))["general.entire-agreement"]
    assert (
        "except any confidentiality or non-disclosure agreement the parties signed before it "
        "about Project Lodestar, which remains in force."
    ) in lodestar
    volta = _texts(_answers("battery-jv.yaml"))["general.entire-agreement"]
    assert "except the mutual non-disclosure agreement between NAW and KSC" in volta
    assert "any confidentiality or non-disclosure agreement" not in volta


def test_an_exit_for_all_does_not_call_every_contribution_critical() -> None:
    data = _answers("robotaxi-pilot.yaml")
    assert any(item.get("critical_path") is False for item in data["strengths"]["contributions"])
    triggers = _texts(data)["exit.triggers"]
    assert "each makes at least one contribution on its critical path" in triggers
    assert "each of which is on its critical path" not in triggers


def test_continuing_supplies_name_who_owes_them_and_one_price_basis() -> None:
    road = _texts(_answers("platform-sharing.yaml"))["exit.vehicles-on-the-road"]
    assert road.startswith(
        "Customers must not suffer from the end of the partnership. The party that supplies "
        "service parts for vehicles produced under the partnership keeps them available for "
    )
    # With the parts named first, the updates are for "those vehicles"; the price basis is one.
    assert "The party responsible for the software in those vehicles keeps developing" in road
    assert "terms in force at exit" not in road
    assert road.endswith("at the cost of developing and releasing them, without mark-up or profit.")
    assert road.count("Service parts are priced on the basis") == 1
