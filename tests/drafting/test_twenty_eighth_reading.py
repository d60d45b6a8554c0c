"""A JV lawyer's twenty-eighth reading of the example drafts: a milestone is confirmed by a body
on which every party sits, never by one party's nominee, within a period the body can keep
(a meeting called for it or a written resolution), and the expert decides where it does not; a
Delaware JV's Liquidator is a defined term, used as one."""

from __future__ import annotations

import re

import pytest

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers

BOARD_DECIDES = (
    "The Board decides within 10 working days after that report whether the milestone has been "
    "met, by the ordinary vote in clause {board}, at a meeting that any director may call for it "
    "on 5 working days' notice or by a written resolution that every director signs, for which "
    "the JV's constitutional documents provide, and "
    "confirms its decision in writing to every party; that decision states a fact and approves "
    "nothing else."
)


@pytest.mark.parametrize("name", ["battery-jv.yaml", "edrive-jv.yaml"])
def test_the_board_confirms_a_milestone_never_one_partys_nominee(name: str) -> None:
    data = _answers(name)
    numbers = _numbers(data)
    texts = _texts(data)
    phases, calls = texts["strengths.phases"], texts["goals.capital-calls"]
    for text in (phases, calls):
        assert "nominated" not in text
        assert "countersign" not in text
    assert (
        "The JV's Chief Executive Officer reports in writing to the Board and every party, with "
        "the evidence, that a milestone has been met, within 5 working days after it is met; "
        "where the officer has not done so within that period, "
    ) in phases
    assert BOARD_DECIDES.format(board=numbers["company.board"]) in phases
    # Where the Board does not confirm it, the expert route of the same clause decides.
    assert (
        "where the Board has not so confirmed within that period, the next phase opens only once "
        "the expert has determined that the milestone has been met, as this clause provides."
    ) in phases
    assert "where no confirmation has been given for a milestone it says has been met" in phases
    assert (
        "the call falls due on the day the Board confirms in writing to every party that the "
        "milestone has been met, which it does in the way clause "
        f"{numbers['strengths.phases']} provides for a milestone of the phase plan"
    ) in calls


def test_whoever_nominated_the_officers_the_board_confirms() -> None:
    data = _answers("battery-jv.yaml")
    before = _texts(data)
    for officer in data["company"]["officers"]:
        officer["nominated_by"] = "KSC"
    after = _texts(data)
    for clause in ("strengths.phases", "goals.capital-calls"):
        assert after[clause] == before[clause]


def test_without_a_phase_plan_the_capital_calls_state_the_boards_confirmation() -> None:
    data = _answers("edrive-jv.yaml")
    del data["strengths"]["phases"]
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert "phase plan" not in calls
    assert (
        "the call falls due on the day the Board confirms in writing to every party that the "
        "milestone has been met. The JV's Chief Executive Officer reports in writing to the Board "
        "and every party, with the evidence, that the milestone has been met, within 5 working "
        "days after it is met; where the officer has not done so within that period, any party "
        "may report it instead. The Board confirms in writing to every party whether the "
        "milestone has been met within 10 working days after that report, by the ordinary vote "
        f"in clause {numbers['company.board']}, at a meeting that any director may call for it on "
        "5 working days' notice or by a written resolution that every director signs, for which "
        "the JV's constitutional documents provide; where the "
        "Board has not so confirmed it within that period, the call falls due on the day the "
        "expert's determination that the milestone has been met is given to the parties."
    ) in calls


@pytest.mark.parametrize(
    ("name", "others"),
    [
        ("platform-sharing.yaml", "the other party"),
        ("sdv-software.yaml", "the other party"),
        ("robotaxi-pilot.yaml", "the other parties"),
    ],
)
def test_a_steering_committee_that_meets_rarely_says_how_it_confirms_within_the_period(
    name: str, others: str
) -> None:
    data = _answers(name)
    cadence = next(b for b in data["governance"]["bodies"] if b["name"] == "Steering Committee")
    assert cadence["cadence"] in {"quarterly", "monthly"}
    phases = _texts(data)["strengths.phases"]
    assert "within 5 working days after it is met" not in phases
    assert (
        f"may report in writing to the Steering Committee and {others}, with the evidence, that "
        "a milestone has been met. The Steering Committee decides within 10 working days after "
        "that report whether the milestone has been met, at a meeting that any member may call "
        "for it on 5 working days' notice or by a written resolution that every member signs"
    ) in phases
    assert (
        "where the Steering Committee has not so confirmed within that period, the next phase "
        "opens only once the expert has determined that the milestone has been met"
    ) in phases


@pytest.mark.parametrize(
    ("form", "appointed"),
    [
        ("corporation", "appoint a trustee or receiver for the JV under section 279 of that law"),
        ("limited liability company", "appoint a liquidating trustee"),
    ],
)
def test_a_delaware_jvs_liquidator_is_defined_and_used_as_a_defined_term(
    form: str, appointed: str
) -> None:
    data = _answers("battery-jv.yaml")
    data["company"]["form"] = f"Delaware {form}"
    text = _texts(data)["exit.winding-up"]
    assert 'the parties appoint jointly (the "Liquidator")' in text
    assert f"{appointed}, who is then the Liquidator." in text
    assert "The Liquidator completes or transfers the JV's contracts" in text
    assert not re.search(r"\bliquidator\b", text)


def test_a_jv_under_another_law_keeps_its_liquidator_in_plain_words() -> None:
    data = _answers("battery-jv.yaml")
    data["company"]["form"], data["company"]["jurisdiction"] = "private limited company", "England"
    text = _texts(data)["exit.winding-up"]
    assert "The parties appoint the liquidator jointly" in text
    assert "The liquidator completes or transfers" in text
    assert "Liquidator" not in text


def test_a_working_team_off_the_path_hands_its_decisions_to_the_steering_body() -> None:
    """Meridian's Joint PMO and Clean Team are no levels of the escalation path and own no
    decision: the Joint PMO's charter goes to the Steering Committee, never to the Program
    Board at the foot of the path, and the Clean Team's to nobody but its own clause."""
    data = _answers("platform-sharing.yaml")
    numbers = _numbers(data)
    rights = _texts(data)["governance.decision-rights"]
    assert (
        "The Joint PMO takes no decisions: a decision its charter covers belongs to the owner "
        "the decision-rights matrix names for it or, where it names none, to the Steering "
        "Committee, for which the Joint PMO prepares it."
    ) in rights
    assert (
        "The Clean Team takes no decisions: it passes on information only as clause "
        f"{numbers['governance.clean-team']} provides, and no body of the partnership decides in "
        "its place what it may pass on."
    ) in rights
    assert "Program Board" not in rights


def test_a_working_team_on_the_path_is_named_once_with_the_level_above_it() -> None:
    rights = _texts(_answers("robotaxi-pilot.yaml"))["governance.decision-rights"]
    assert rights.count("The Operations PMO takes no decisions") == 1


@pytest.mark.parametrize(("name", "decider"), [("battery-jv.yaml", "the Board")])
def test_a_jvs_idle_pmo_hands_its_decisions_to_the_board(name: str, decider: str) -> None:
    rights = _texts(_answers(name))["governance.decision-rights"]
    assert f"where it names none, to {decider}, for which the Joint PMO prepares it." in rights


def test_without_a_steering_body_or_clean_team_clause_the_working_teams_still_read() -> None:
    data = _answers("platform-sharing.yaml")
    for body in data["governance"]["bodies"]:
        if body["kind"] == "steering_group":
            body["kind"] = "execution_committee"
    data["governance"].pop("clean_team", None)
    data["parties"][1]["role"] = "supplier"
    texts = _texts(data)
    assert "governance.clean-team" not in texts
    rights = texts["governance.decision-rights"]
    assert "where it names none, to the parties jointly, for which the Joint PMO prepares it." in (
        rights
    )
    assert "it passes on information only as its charter provides" in rights
