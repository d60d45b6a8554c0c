"""What a senior JV lawyer's fourteenth reading of the example drafts asked for, as the drafted
text reads: the Board makes the capital calls the parties have committed to by its ordinary
vote, so no party can vote down the call for its own contribution."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_committed_capital_call_is_the_boards_ordinary_business() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "A capital call within the approved business plan, or for a capital contribution the "
        f"contributions schedule in clause {numbers['strengths.contributions']} commits the "
        f"parties to, is made by the Board by the ordinary vote in clause {numbers['company.board']}"
        ", not as a Reserved Matter, and binds each party for the amount the approved business "
        "plan or that schedule commits it to; any other capital call is a Reserved Matter under "
        f"clause {numbers['company.reserved-matters']}."
    ) in calls
    assert "of any amount" not in calls
    # Without capital in the schedule, only the business plan commits the parties.
    contributions = data["strengths"]["contributions"]
    contributions[:] = [row for row in contributions if row["kind"] != "capital"]
    matters = data["company"]["reserved_matters"]
    matters[:] = [item for item in matters if "Capital calls" not in item["matter"]]
    texts = _texts(data)
    calls = texts["goals.capital-calls"]
    assert "A capital call within the approved business plan is made by the Board by" in calls
    assert "binds each party for the amount the approved business plan commits it to;" in calls
    reserved = texts["company.reserved-matters"]
    assert "\nCapital calls beyond the approved business plan: the Board" in reserved
    assert "contributions schedule" not in reserved
