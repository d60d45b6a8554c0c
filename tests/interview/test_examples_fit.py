"""Examples and messages that fit the question and the deal: a licence is not told to write
'40 FTE', and seats follow the shares the parties hold."""

from __future__ import annotations

from pathlib import Path

from termgen.answers.read import read_answers
from termgen.interview.types import seats_following

from ..conftest import EXAMPLES_DIR
from .terminal import CLEAR, CTRL_C, ENTER, ExampleAnswers, ScriptedTerminal, run_interview

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_licence_that_is_no_quantity_is_told_how_a_licence_is_counted(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    wrong = {"contributions#3.licence_reach": [f"{CLEAR}3{ENTER}", CTRL_C]}
    terminal = ScriptedTerminal(ExampleAnswers(spec, read_answers(BATTERY)[0], wrong))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    refusal = next(line for line in _flat(out).split("✗")[1:] if line.startswith(" '3'"))
    assert "e.g. 3 vehicle programs, or 1 plant" in refusal, refusal
    assert "FTE" not in refusal and "EUR" not in refusal


def test_the_example_of_board_seats_follows_the_shares_given(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    answers = read_answers(BATTERY)[0]
    answers["goals"]["value_sharing"]["equity"] = {"NAW": 51, "KSC": 49}
    terminal = ScriptedTerminal(ExampleAnswers(spec, answers, {"company.board.seats": [CTRL_C]}))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert "Seats usually follow the shareholdings. Example: NAW 2; KSC 1." in _flat(out)


def test_seats_follow_shares_a_majority_holder_holding_a_majority_of_them() -> None:
    assert seats_following({"A": 51, "B": 49}) == {"A": 2, "B": 1}
    assert seats_following({"A": 50, "B": 50}) == {"A": 2, "B": 2}
    assert seats_following({"A": 45, "B": 35, "C": 20}) == {"A": 3, "B": 2, "C": 1}
    assert seats_following({"A": 40, "B": 40, "C": 20}) == {"A": 2, "B": 2, "C": 1}
    assert seats_following({"A": "33.33", "B": "33.33", "C": "33.34"}) == {"A": 1, "B": 1, "C": 1}
    assert seats_following({"A": 99, "B": 1}) == {"A": 2, "B": 1}
