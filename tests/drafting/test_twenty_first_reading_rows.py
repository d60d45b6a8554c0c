"""A senior JV lawyer's twenty-first reading of the rows of the decision-rights matrix that no
party decides alone: each row gets a default that fits its kind. A single expenditure is not
made rather than rolled forward like a plan; a baseline is set on a business plan only where the
deal has one (a JV); an architecture is chosen among the parties' proposals; and a launch date
never overrides the safety case, the permits or the phase milestones."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_each_row_not_decided_gets_a_default_that_fits_its_kind() -> None:
    # A single capital expenditure is not made; it does not roll forward like a plan.
    volta = _texts(_answers("battery-jv.yaml"))["governance.unreached"]
    assert (
        'The row "Capital expenditure above USD 50m not in the approved budget": the expenditure '
        "or commitment is not made, and the approved budget continues unchanged."
    ) in volta
    assert "rolls forward" not in volta
    # A JV's baselines are set on its business plan.
    assert "on the basis of the business plan annexed to the definitive agreements" in volta
    # A deal without a JV has no business plan: an architecture is chosen among the proposals.
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    keystone = _texts(data)["governance.unreached"]
    assert "business plan" not in keystone
    assert (
        'The row "Platform architecture and public APIs": the architecture in force continues. '
        "Where none has been agreed yet, the architecture annexed to the definitive agreements "
        "applies or, where they annex none, either party may refer the decision to an independent "
        "expert, who chooses the proposal, among those the parties have made to the body or the "
        "parties that own the decision, that best meets the objectives in clause "
        f"{numbers['goals.objectives']} within the scope in clause {numbers['goals.scope']} and "
        "the contributions schedule."
    ) in keystone
    assert (
        'The rows "Budget and cost baseline" and "Release calendar": the baseline in force '
        "continues."
    ) in keystone
    assert (
        f"on the basis of the objectives in clause {numbers['goals.objectives']}, the "
        f"contributions schedule and the phase plan in clause {numbers['strengths.phases']}."
    ) in keystone
    # A launch date, in force or set by the expert, never overrides the safety case or permits.
    data = _answers("robotaxi-pilot.yaml")
    numbers = _numbers(data)
    tidewater = _texts(data)["governance.unreached"]
    assert "business plan" not in tidewater
    assert (
        "A date in a timing baseline, whether in force or set by the expert, is a target only: no "
        f"phase opens before its milestone is met under clause {numbers['strengths.phases']}, and "
        "no service starts before its safety case has been approved under clause "
        f"{numbers['strengths.safety-case']} and the permits it needs are held."
    ) in tidewater
