"""A JV lawyer's twenty-fourth reading of the example drafts: the capital calls say when a call
falls due and who refers what to which expert in sentences a reader can follow; a JV that
pays for seconded staff at cost lets the other parties audit that cost, and the interview
asks whether it pays at all; every acceptance in the contributions schedules names who
accepts."""

from __future__ import annotations

import re

import pytest

from termgen.interview.spec import Question, load_spec

from ..conftest import EXAMPLES_DIR
from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

EXAMPLES = sorted(path.name for path in EXAMPLES_DIR.glob("*.yaml"))
LONGEST_SENTENCE = 90
"""Words: the capital-calls clause had sentences of 111 and 130."""


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if part]


@pytest.mark.parametrize("name", ["battery-jv.yaml", "edrive-jv.yaml"])
def test_each_sentence_of_the_capital_calls_can_be_read_in_one_go(name: str) -> None:
    calls = _texts(_answers(name))["goals.capital-calls"]
    longest = max(_sentences(calls), key=lambda sentence: len(sentence.split()))
    assert len(longest.split()) <= LONGEST_SENTENCE, longest


def test_a_milestone_call_falls_due_once_the_board_confirms_in_sentences_of_their_own() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "It falls due on the date that plan or schedule states for it. Where either states a "
        "milestone instead, the call falls due on the day the Board confirms in writing to every "
        "party that the milestone has been met, which it does in the way clause "
        f"{numbers['strengths.phases']} provides for a milestone of the phase plan; where the "
        "Board has not so confirmed it within the period that clause sets, the call falls due "
        "on the day the expert's determination that the milestone has been met is given to the "
        "parties."
    ) in calls
    # The definition follows the words it defines, not a clause about the reminder.
    assert 'is in material breach (the "Defaulting Party")' in calls
    assert 'has fallen due (the "Defaulting Party")' not in calls


def test_each_expert_of_the_capital_calls_is_named_in_its_own_sentence() -> None:
    calls = _texts(_answers("battery-jv.yaml"))["goals.capital-calls"]
    assert (
        "Either party may refer a dispute on whether a call is due, or on its amount, to the "
        "expert of this clause, appointed as clause"
    ) in calls
    assert (
        "A party refers such a dispute within 10 working days after the confirmation or the "
        "call it disputes"
    ) in calls
    assert "in either case within" not in calls


AUDIT = (
    "may have those records audited, on written notice of at least 30 days and during normal "
    "business hours, by an independent firm of accountants that it appoints, that is bound to "
    "confidentiality"
)


@pytest.mark.parametrize(
    ("name", "who"), [("battery-jv.yaml", "the other party"), ("edrive-jv.yaml", "any other party")]
)
def test_a_jv_that_pays_for_seconded_staff_at_cost_lets_the_others_audit_it(
    name: str, who: str
) -> None:
    contributions = _texts(_answers(name))["strengths.contributions"]
    assert f"Once in each calendar year, {who} {AUDIT}" in contributions
    assert (
        "the contributing party repays to the JV what it overcharged, and the JV pays the "
        "contributing party what it undercharged"
    ) in contributions


def test_a_jv_that_does_not_pay_for_contributed_staff_says_so_and_has_nothing_to_audit() -> None:
    data = _answers("battery-jv.yaml")
    data["company"]["funding"]["contributed_staff"] = "contributing_party"
    contributions = _texts(data)["strengths.contributions"]
    assert (
        "The JV does not pay for KSC's engineering capacity and NAW's validation slots: the "
        "contributing party bears their cost, and such a contribution is neither a contribution "
        "to the JV's capital nor a change to the shareholdings."
    ) in contributions
    assert "at cost" not in contributions
    assert AUDIT not in contributions


def test_left_unanswered_the_jv_pays_for_contributed_staff_at_cost() -> None:
    data = _answers("battery-jv.yaml")
    del data["company"]["funding"]["contributed_staff"]
    contributions = _texts(data)["strengths.contributions"]
    assert "The JV pays for KSC's engineering capacity" in contributions
    assert AUDIT in contributions


def test_the_interview_asks_a_jv_who_pays_for_contributed_staff() -> None:
    spec = load_spec()[0]
    [question] = [
        item
        for section in spec.sections
        for item in section.items
        if isinstance(item, Question) and item.path == "company.funding.contributed_staff"
    ]
    assert question.when == "deal.structure == 'equity_joint_venture'"
    assert set(question.labels) == {"jv_at_cost", "contributing_party"}
    assert "audited" in question.labels["jv_at_cost"]
    assert isinstance(question.help, str)
    assert "beyond its shareholding" in question.help


ACCEPTOR = re.compile(
    r"\b(accepted by|Accepted by|confirms|signed off by|approved by|confirmed by)\b"
)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_acceptance_in_the_contributions_schedule_names_who_accepts(name: str) -> None:
    rows = _table(_answers(name), "contributions")
    assert rows
    for row in rows:
        assert ACCEPTOR.search(row[-1]), row
