"""What a software deal between a Japanese supplier and a US start-up met in its first
interview, through the real prompts: answers written roughly (about, quarterly, a length of
time where a date is asked) are offered as the draft writes them, and nothing offered is then
refused."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termgen.answers.read import read_answers
from termgen.interview.types import AnswerError, parse

from ..conftest import EXAMPLES_DIR
from .terminal import CTRL_C, ENTER, ExampleAnswers, ScriptedTerminal, retyped, run_interview

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _example() -> dict[str, Any]:
    """The answers typed where the test does not say otherwise: the battery example's (its
    walk from an empty file is the one the tests type through)."""
    return copy.deepcopy(read_answers(BATTERY)[0])


def _run(
    spec,  # type: ignore[no-untyped-def]
    overrides: dict[str, list[str]],
    target: Path,
    columns: int = 100,
) -> tuple[ScriptedTerminal, str]:
    """The example's interview, answered as the example is, until a Ctrl-C in
    `overrides`; what it said, its spacing made single."""
    terminal = ScriptedTerminal(ExampleAnswers(spec, _example(), overrides))
    status, out, err = run_interview(terminal, "-o", target, columns=columns)
    assert status in (0, 130), err
    return terminal, " ".join(out.split())


def test_answers_written_roughly_are_offered_as_the_draft_writes_them(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "contributions#4.quantity": [retyped("about 80 engineers"), ENTER],
        "contributions#5.quantity": [retyped("quarterly releases"), ENTER],
        "exit.term.initial": [retyped("about 3 years"), ENTER],
        "review_points#1.date": [retyped("42 months"), ENTER],
        "review_points#1.options": [CTRL_C],
    }
    terminal, said = _run(spec, overrides, target)
    assert (
        "✗ 'quarterly releases' is 4 releases/yr, said as a quantity. Press Enter to take "
        "4 releases/yr, or change it"
    ) in said
    assert (
        "✗ 'about 80 engineers' is not exact, and the draft states a number exactly (the "
        "parties can settle it later). Press Enter to take 80 engineers, or change it"
    ) in said
    assert "Press Enter to take 3 years, or change it" in said
    assert (
        "✗ '42 months' is a length of time, not a day. Press Enter to take it as how long "
        "after the effective date, or type the day as YYYY-MM-DD"
    ) in said
    # Enter took each, once: the length of time is the review's time after the start.
    assert terminal.asked.count("review_points#1.date") == 2
    assert "review_points#1.after" not in terminal.asked
    saved = read_answers(target)[0]
    quantities = [c["quantity"] for c in saved["strengths"]["contributions"][3:5]]
    assert quantities == ["80 engineers", "4 releases/yr"]
    assert saved["exit"]["term"]["initial"] == "3 years"
    assert saved["change"]["review_points"][0]["after"] == "42 months"
    assert "date" not in saved["change"]["review_points"][0]


def test_shares_that_add_up_to_neither_100_nor_1_are_not_offered(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {"goals.value_sharing.cost_share": [retyped("0.7/0.4"), CTRL_C]}
    _, said = _run(spec, overrides, target)
    assert (
        "✗ '0.7/0.4' adds up to 1.1, not 100 (nor to 1, as fractions of the whole); write "
        "each party's short name, then its share in percent, e.g. 'NAW 50; KSC 50'"
    ) in said
    assert "press Enter to take it" not in said.split("'0.7/0.4' adds up")[1]


_WRITTEN = st.sampled_from(
    [
        "about",
        "approx.",
        "~",
        "some",
        "quarterly",
        "monthly",
        "42",
        "0.7",
        "0,4",
        "3",
        "1/3",
        "80",
        "years",
        "months",
        "Jahre",
        "ans",
        "sept",
        "three",
        "weeks",
        "engineers",
        "FTE",
        "releases",
        "EUR",
        "25m",
        "%",
        "/",
        "-",
        ";",
        "NAW",
        "KSC",
        "each",
        "fin",
        "2028",
        "Q3",
        "04/12/2026",
        "end",
        "of",
        "pro",
        "Jahr",
        "usine",
        "days",
        "50-50",
        "2/3",
    ]
)
_KINDS = ["integer", "decimal", "money", "quantity", "percent", "duration", "date", "shares"]


@settings(max_examples=400, deadline=None)
@given(kind=st.sampled_from(_KINDS), words=st.lists(_WRITTEN, min_size=1, max_size=4))
def test_an_answer_offered_in_place_of_one_typed_is_taken(kind: str, words: list[str]) -> None:
    """Whatever is offered (Enter takes it) is an answer the question accepts."""
    typed = " ".join(words)
    try:
        parse(kind, typed, parties=["NAW", "KSC"], unit="days" if kind == "integer" else None)
    except AnswerError as offered:
        if offered.instead is not None:
            unit = "days" if kind == "integer" else None
            parse(kind, offered.instead, parties=["NAW", "KSC"], unit=unit)


@pytest.mark.parametrize("typed", ["0.4", "0 .4", "0,4", "12 ,5 FTE"])
def test_a_number_with_no_unit_is_no_quantity(typed: str) -> None:
    """The decimals of a number are not its unit ('0.4' was taken as 0 of '.4')."""
    with pytest.raises(AnswerError) as refused:
        parse("quantity", typed)
    assert "not a quantity; write a number and its unit" in str(refused.value)
    assert refused.value.instead is None


@pytest.mark.parametrize(
    ("typed", "offered", "refused"),
    [
        ("NAW 0,4", None, "the shares add up to 0.4, not 100"),
        ("NAW 50,5; KSC 40", None, "the shares add up to 90.5, not 100"),
        ("NAW 1/2; KSC 1/4", None, "the shares add up to 75.00, not 100"),
        ("NAW 0,6; KSC 0,4", "NAW 60; KSC 40", "reads as 'NAW 60; KSC 40'"),
        ("NAW 66,7; KSC 33,3", "NAW 66.7; KSC 33.3", "reads as 'NAW 66.7; KSC 33.3'"),
    ],
)
def test_shares_with_a_decimal_comma_are_offered_only_where_they_make_100(
    typed: str, offered: str | None, refused: str
) -> None:
    """'NAW 0,4' was offered as 'NAW 0.4', which Enter then met with a second refusal."""
    with pytest.raises(AnswerError) as said:
        parse("shares", typed, parties=["NAW", "KSC"])
    assert refused in str(said.value)
    assert said.value.instead == offered
    if offered is not None:
        parse("shares", offered, parties=["NAW", "KSC"])


def test_a_party_name_corrected_is_offered_only_where_the_answer_is_then_taken() -> None:
    """The corrected name is offered with the rest as typed only where Enter then takes it,
    or offered as that answer is in turn."""
    with pytest.raises(AnswerError) as refused:
        parse("shares", "~ NAW 42", parties=["NAW", "KSC"])
    assert "did you mean 'NAW'" in str(refused.value)
    assert refused.value.instead is None
    with pytest.raises(AnswerError) as offered:
        parse("shares", "NAWW 0.5; KSC 0.5", parties=["NAW", "KSC"])
    assert offered.value.instead == "NAW 50; KSC 50"


def test_what_the_user_typed_is_offered_and_then_taken() -> None:
    for kind, typed, unit in [
        ("duration", "about 3 years", None),
        ("quantity", "about 80 engineers", None),
        ("quantity", "quarterly releases", None),
        ("integer", "about 3 weeks", "days"),
        ("shares", "0.6/0.4", None),
        ("quantity", "usine 0,4", None),
    ]:
        with pytest.raises(AnswerError) as offered:
            parse(kind, typed, parties=["NAW", "KSC"], unit=unit)
        assert offered.value.instead is not None, typed
        parse(kind, offered.value.instead, parties=["NAW", "KSC"], unit=unit)


def test_a_legal_form_of_another_countrys_law_is_asked_back(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "company.jurisdiction": [retyped("Germany")],
        "company.form": [retyped("SAS"), ENTER],
        "company.share_capital": [CTRL_C],
    }
    terminal, said = _run(spec, overrides, target)
    assert (
        "✗ 'SAS' is a French legal form, but the company is to be incorporated in Germany, "
        "whose law gives it its form. Press Enter to keep it, or type the form meant"
    ) in said
    assert terminal.asked.count("company.form") == 2
    assert read_answers(target)[0]["company"]["form"] == "SAS"  # Enter kept it
