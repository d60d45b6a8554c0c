"""A JV lawyer's thirtieth reading of the example drafts: an instalment due on a start of
production that is no milestone of the phase plan says how that start is confirmed; tooling
that the supply continuity after exit still needs is not taken over or scrapped at exit; a
change request names who receives it."""

from __future__ import annotations

from .test_fifth_reading import _answers, _table, _texts


def test_each_instalment_trigger_has_a_way_to_be_confirmed() -> None:
    data = _answers("bridge-technology.yaml")
    milestones = [phase["milestone"] for phase in data["strengths"]["phases"]]
    assert not any("Harbor" in milestone for milestone in milestones)
    (row,) = [row for row in _table(data, "contributions") if row[1].startswith("Funding")]
    description, acceptance = row[1], row[-1]
    assert "USD 30m on start of production on CMC Harbor SUV" in description
    # The phase plan confirms the Ridgeline start alone; the Harbor start has its own notice.
    assert "for a start of production, its confirmation under the phase plan" not in acceptance
    assert (
        "for the start of production on CMC Ridgeline, its confirmation under the phase plan; "
        "for the start of production on CMC Harbor SUV, which is no milestone of the phase plan, "
        "either party's written notice to the other party, with the evidence, that it has "
        "started, which the other party may dispute as the phase plan provides for a dispute on "
        "a milestone"
    ) in acceptance


def test_tooling_the_supply_continuity_needs_stays_until_production_moves() -> None:
    data = _answers("platform-sharing.yaml")
    kinds = [item["kind"] for item in data["exit"]["survival"]]
    assert "supply_continuity" in kinds
    texts = _texts(data)
    assets = next(text for key, text in texts.items() if "Tooling for XAC models" in text)
    assert "AUV keeps building XAC models at its Valladolid plant" in "\n".join(texts.values())
    assert (
        "The tooling stays in use at Valladolid for as long as AUV keeps building XAC models "
        "there after the partnership ends, and XAC takes it over, or it is scrapped, only once "
        "that production has ended."
    ) in assets


def test_a_change_request_names_its_recipient() -> None:
    texts = _texts(_answers("incomplete-deal.yaml"))
    proposal = (
        "Either party submits a change request, with its cost and timing impact, to the "
        "Steering Group and the other party."
    )
    assert texts["change.procedure"].startswith(proposal)
    assert f"Proposal: {proposal}" in texts["change.annex.change-control"]


FALLBACK = (
    "where {who} not done so by then, the party that requested the change may put it forward "
    "for decision on its own assessment."
)


def test_the_change_procedure_names_the_assessor_and_what_follows_its_silence() -> None:
    data = _answers("robotaxi-pilot.yaml")
    procedure = _texts(data)["change.procedure"]
    assert "is assessed within" not in procedure
    assert (
        "The Operations PMO assesses the impact on cost, timing, quality and contributions "
        "within 10 days; " + FALLBACK.format(who="it has")
    ) in procedure
    assert " The change is approved by the Steering Committee, except changes" in procedure
    # Without a PMO the parties assess jointly, and the same fallback applies.
    data["governance"]["bodies"] = [
        body for body in data["governance"]["bodies"] if body["kind"] != "joint_pmo"
    ]
    procedure = _texts(data)["change.procedure"]
    assert "Operations PMO assesses" not in procedure
    assert (
        "The parties jointly assess the impact on cost, timing, quality and contributions "
        "within 10 days; " + FALLBACK.format(who="they have")
    ) in procedure


def test_the_annex_assessment_step_has_the_same_fallback() -> None:
    annex = _texts(_answers("platform-sharing.yaml"))["change.annex.change-control"]
    assert (
        "Assessment: The Joint PMO assesses the impact on cost, timing, quality, contributions "
        "and the decision rights within 15 days; " + FALLBACK.format(who="it has")
    ) in annex
    annex = _texts(_answers("bridge-technology.yaml"))["change.annex.change-control"]
    assert (
        "Assessment: The parties jointly assess the impact on cost, timing, quality, "
        "contributions and the decision rights within 10 days; " + FALLBACK.format(who="they have")
    ) in annex
