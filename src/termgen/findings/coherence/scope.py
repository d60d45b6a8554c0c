"""Coherence of the scope: an activity a party keeps to itself, outside the partnership, is not
decided by the partnership; the contributions the program depends on run for as long as the
partnership does."""

from __future__ import annotations

import datetime as dt

from termgen.findings.checks import Gap
from termgen.findings.coherence.reading import Reading, coherence_check, quoted
from termgen.model.exit import expiry
from termgen.wording import date_text, same_activity

UNCOVERED_YEAR = dt.timedelta(days=365)
"""How long the Initial Term may run on after the last contribution on the critical path ends
before the partnership has nothing to run on: a few months of wind-down are usual."""


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


@coherence_check("contributions_to_term")
def _contributions_to_term(reading: Reading) -> list[Gap]:
    """Every contribution on the critical path ends more than a year before the Initial Term
    does: the partnership runs on with nothing the program depends on, and the contributions
    clause leaves what happens then to the change procedure. Either the schedule says what each
    party provides in those years, or the term ends with the contributions."""
    deal = reading.deal
    critical = [item for item in deal.strengths.contributions if item.critical_path]
    last_day = expiry(deal.exit.term)
    if not critical or last_day is None or any(item.end is None for item in critical):
        return []
    last_end = max(item.end for item in critical if item.end is not None)
    if last_day - last_end <= UNCOVERED_YEAR:
        return []
    return [
        reading.gap(
            f"lets every contribution on the critical path end by {date_text(last_end)}, but "
            f"the Initial Term runs about {(last_day - last_end).days // 30} months longer; say "
            "what each party contributes in that time (extend the schedule or add the "
            "contributions of those years), or end the term with the contributions",
            ("strengths", "contributions"),
            "strengths.contributions",
        )
    ]
