"""Coherence of the scope: an activity a party keeps to itself, outside the partnership, is not
decided by the partnership."""

from __future__ import annotations

from termgen.findings.checks import Gap
from termgen.findings.coherence.reading import Reading, coherence_check, quoted
from termgen.wording import same_activity


@coherence_check("activity_placement")
def _activity_placement(reading: Reading) -> list[Gap]:
    """An activity kept independent may be opened by a phase and decided by the party that
    carries it on (the scope clause then says so), but a decision-rights matrix that gives it
    to a body, to the parties jointly or to a majority makes it the partnership's: the draft
    would place it two ways, and each party will read it the way that suits it."""
    deal = reading.deal
    parties = {party.short_name for party in deal.parties}
    gaps = []
    for index, activity in enumerate(deal.goals.scope.independent):
        for right in deal.governance.decision_rights:
            alone = right.owner in parties and right.approval == "owner_decides"
            if alone or not same_activity(activity, right.decision):
                continue
            gaps.append(
                reading.gap(
                    f"keeps {quoted(activity)} independent, outside the partnership, but the "
                    f"decision-rights matrix gives {quoted(right.decision.rstrip('.'))} to "
                    f"{right.owner or 'no one yet'}; state one rule: keep it independent and "
                    "let the party that carries it on decide it alone, or move it to the joint "
                    "scope",
                    ("goals", "scope", "independent", index),
                    "goals.scope",
                )
            )
            break
    return gaps
