"""What a senior JV lawyer's thirteenth reading of the example drafts asked for, as the drafted
text reads: a body off the escalation path keeps its decisions, the review calendar follows the
review clause and the governing bodies are named."""

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


def test_the_governing_bodies_are_named_by_their_roles() -> None:
    meridian = _texts(_answers("platform-sharing.yaml"))["governance.bodies"]
    assert (
        "The Steering Committee sets direction; execution and day-to-day coordination sit with "
        "the Program Board and the Joint PMO."
    ) in meridian
    assert "senior steering body" not in meridian
    # Without a steering body the roles cannot be named.
    data = _answers("platform-sharing.yaml")
    for body in data["governance"]["bodies"]:
        if body["kind"] == "steering_group":
            body["kind"] = "other"
    assert "A senior steering body sets direction" in _texts(data)["governance.bodies"]
