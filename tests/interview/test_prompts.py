"""The interview through its real terminal prompts (questionary over prompt_toolkit pipes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.answers.read import load_deal, read_answers
from termgen.interview.engine import Engine
from termgen.interview.spec import load_spec

from ..conftest import EXAMPLES_DIR
from .terminal import CLEAR, CTRL_C, ENTER, TODAY, ExampleAnswers, ScriptedTerminal, run_interview

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


@pytest.fixture(scope="module")
def spec():  # type: ignore[no-untyped-def]
    return load_spec()[0]


def _answers(spec, overrides=None, resumed=None):  # type: ignore[no-untyped-def]
    return ExampleAnswers(spec, read_answers(BATTERY)[0], overrides, resumed)


def test_a_full_interview_reproduces_the_battery_example(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    terminal = ScriptedTerminal(_answers(spec))
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, "")
    assert load_deal(tmp_path / "deal.yaml").deal == load_deal(BATTERY).deal
    assert "── Section 1 of 6: Parties and purpose" in out
    assert "── Section 6 of 6: Agreed exit path" in out
    assert "No findings: every exit, renewal and other checked provision is settled." in out
    assert terminal.asked[:3] == ["deal.name", "deal.purpose", "deal.structure"]
    assert "offtake" in terminal.asked and "release_bandwidth" not in terminal.asked


def test_an_invalid_answer_is_asked_again_with_the_reason(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    wrong = {
        "deal.date": [f"{CLEAR}31/12/2026{ENTER}{CLEAR}2026-12-31{ENTER}"],
        "deal.governing_law": [CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, wrong))
    status, _, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert terminal.asked.count("deal.date") == 1
    saved, _ = read_answers(tmp_path / "deal.yaml")
    assert str(saved["deal"]["date"]) == "2026-12-31"
    assert "governing_law" not in saved["deal"]
    assert "Continue with: termgen interview --resume" in err
    engine = Engine(spec, saved, today=TODAY)
    engine.data["deal"].pop("date")
    step = engine.next_step()
    assert step is not None and step.key == "deal.date"
    assert (
        engine.check(step, "31/12/2026")
        == "'31/12/2026' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15"
    )


def test_the_model_rejects_a_share_over_100_while_typing(spec) -> None:  # type: ignore[no-untyped-def]
    engine = Engine(
        spec,
        {
            "deal": {"name": "X", "purpose": "electrification"},
            "parties": [{"short_name": "A"}, {"short_name": "B"}],
        },
        today=TODAY,
    )
    from termgen.interview.engine import Ask

    question = next(
        q
        for s in spec.sections
        for q in s.items
        if getattr(q, "path", "") == "goals.value_sharing.cost_share"
    )
    step = Ask(question, ("goals", "value_sharing", "cost_share"), spec.sections[1])
    assert engine.check(step, "A 60; B 50") == "the shares add up to 110, not 100"
    assert (
        engine.check(step, "A 60; C 40") == "'C' is not one of the parties; choose one of 'A', 'B'"
    )
    assert engine.check(step, "A 60; B 40") is None


def test_ctrl_c_then_resume_reaches_the_same_file(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    first = ScriptedTerminal(_answers(spec, {"bodies#2.charter": [CTRL_C]}))
    status, _, err = run_interview(first, "-o", target)
    assert status == 130
    assert f"Interview paused. Your answers are saved in {target}." in err
    assert f"Continue with: termgen interview --resume {target}" in err
    paused, _ = read_answers(target)
    assert "charter" not in paused["governance"]["bodies"][1]
    second = ScriptedTerminal(_answers(spec, resumed=paused))
    status, _, err = run_interview(second, "--resume", target)
    assert (status, err) == (0, "")
    assert second.asked[0] == "bodies#2.charter"
    assert "deal.name" not in second.asked
    assert load_deal(target).deal == load_deal(BATTERY).deal


def test_changing_an_answer_in_review_asks_its_dependents_again(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    overrides = {
        "review": [f"Renewal at the end of the term{ENTER}", f"Everything is right{ENTER}"],
        "exit.renewal.type": [f"automatic{ENTER}", f"party_option{ENTER}"],
        "exit.renewal.option_holder": [f"{CLEAR}NAW{ENTER}"],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, _, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, "")
    after_review = terminal.asked[terminal.asked.index("review") + 1 :]
    assert after_review[: after_review.index("review")] == [
        "exit.renewal.type",
        "exit.renewal.period",
        "exit.renewal.notice",
        "exit.renewal.option_holder",
        "exit.renewal.max_renewals",
    ]
    renewal = load_deal(tmp_path / "deal.yaml").deal.exit.renewal
    assert renewal is not None
    assert (renewal.type, renewal.option_holder, str(renewal.notice)) == (
        "party_option",
        "NAW",
        "18 months",
    )


def test_without_a_terminal_it_lists_what_is_missing(tmp_path: Path) -> None:
    from ..conftest import run_cli

    partial = tmp_path / "partial.yaml"
    partial.write_text("deal:\n  name: Project X\n", encoding="utf-8")
    result = run_cli("interview", "--answers", partial)
    assert result.status == 2
    assert "Parties and purpose: What is the partnership for? (deal.purpose)" in result.out
    assert "Parties: at least 2 needed (parties)" in result.out
    complete = run_cli("interview", "--answers", BATTERY, "--no-input")
    assert complete.status == 0
    assert complete.out.strip() == "Nothing is missing: every required answer is given."


def test_an_existing_answer_file_is_never_started_over(tmp_path: Path) -> None:
    from ..conftest import run_cli

    target = tmp_path / "deal.yaml"
    target.write_text("deal:\n  name: Keep me\n", encoding="utf-8")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal, "-o", target)
    assert status == 2
    assert (
        f"{target}: already exists; continue it with 'termgen interview --resume {target}'" in err
    )
    assert target.read_text(encoding="utf-8") == "deal:\n  name: Keep me\n"
    assert terminal.asked == []
    assert run_cli("interview", "--resume", target, "--answers", target).status == 2
