"""The interview engine without a terminal: presets, conditions, groups, skips, review."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.interview.engine import Ask, Engine, Manage
from termgen.interview.overview import asked_at, missing
from termgen.interview.spec import Question, load_spec

from ..conftest import EXAMPLES_DIR
from .terminal import TODAY

SPEC = load_spec()[0]
START = {"deal": {"name": "Project X"}, "parties": [{"short_name": "A"}, {"short_name": "B"}]}


def _engine(data: dict[str, Any] | None = None) -> Engine:
    engine = Engine(SPEC, copy.deepcopy(data if data is not None else START), today=TODAY)
    engine._closed.add("parties")
    return engine


def _default_answer(engine: Engine, step: Ask) -> Any:
    """What a user accepting every suggestion would answer; something for required questions."""
    raw = True if step.question.type == "yes_no" else engine.display(step) or None
    if step.question.required and raw is None:
        raw = step.choices[0] if step.choices else f"{step.question.path} answer"
    return raw


def _walk(
    engine: Engine, stop: str | None = None, limit: int = 600
) -> tuple[list[str], Ask | None]:
    """Answer with defaults (adding one entry where a group needs it) until `stop` or the end."""
    asked: list[str] = []
    for _ in range(limit):
        step = engine.next_step()
        if step is None:
            return asked, None
        if isinstance(step, Manage):
            engine.finish(step) if step.can_finish else engine.add_entry(step)
            continue
        if step.key == stop:
            return asked, step
        asked.append(step.key)
        assert engine.answer(step, _default_answer(engine, step)) is None, step.key
    raise AssertionError(f"the interview did not end within {limit} steps")


def _step(engine: Engine, key: str) -> Ask:
    step = _walk(engine, key)[1]
    assert step is not None, f"{key} was never asked"
    return step


def _keys_until_done(engine: Engine) -> list[str]:
    return _walk(engine)[0]


def test_the_purpose_sets_defaults_and_its_own_questions() -> None:
    battery = _engine()
    assert battery.answer(_step(battery, "deal.purpose"), "electrification") is None
    assert _step(battery, "deal.structure").default == "equity_joint_venture"
    software = _engine()
    software.answer(_step(software, "deal.purpose"), "software_codevelopment")
    assert _step(software, "deal.structure").default == "codevelopment"
    battery_groups = _walk_groups(
        _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    )
    software_groups = _walk_groups(
        _engine({**START, "deal": {"name": "X", "purpose": "software_codevelopment"}})
    )
    assert {"offtake", "stake_buy_out"} <= battery_groups
    assert not {"offtake", "stake_buy_out"} & software_groups
    assert {"release_bandwidth", "licence_model"} <= software_groups


def _walk_groups(engine: Engine) -> set[str]:
    """Ids of the groups an interview reaches, with defaults as answers."""
    seen: set[str] = set()
    for _ in range(600):
        step = engine.next_step()
        if step is None:
            return seen
        if step.group is not None:
            seen.add(step.group.id)
        if isinstance(step, Manage):
            engine.finish(step) if step.can_finish else engine.add_entry(step)
        else:
            engine.answer(step, _default_answer(engine, step))
    raise AssertionError("the interview did not end")


def test_conditions_follow_earlier_answers() -> None:
    none = _engine(
        {
            **START,
            "deal": {"name": "X", "purpose": "electrification"},
            "exit": {"renewal": {"type": "none"}},
        }
    )
    asked = _keys_until_done(none)
    assert "exit.renewal.notice" not in asked and "exit.renewal.option_holder" not in asked
    option = _engine(
        {
            **START,
            "deal": {"name": "X", "purpose": "electrification"},
            "exit": {"renewal": {"type": "party_option"}},
        }
    )
    asked = _keys_until_done(option)
    assert {"exit.renewal.notice", "exit.renewal.option_holder"} <= set(asked)


def test_an_item_condition_reads_its_own_entry() -> None:
    engine = _engine()
    step = _step(engine, "decision_rights#1.approval")
    assert engine.answer(step, "qualified_majority") is None
    assert engine.next_step().key == "decision_rights#1.majority_percent"  # type: ignore[union-attr]
    other = _engine()
    other.answer(_step(other, "decision_rights#1.approval"), "unanimous")
    assert other.next_step().key == "decision_rights#1.consulted"  # type: ignore[union-attr]


def test_a_skipped_question_is_not_asked_again_and_a_required_one_cannot_be_skipped() -> None:
    engine = _engine()
    law = _step(engine, "deal.governing_law")
    assert engine.answer(law, "") is None
    assert engine.data["deal"]["governing_law"] is None
    assert engine.next_step().key != "deal.governing_law"  # type: ignore[union-attr]
    sections = _step(
        _engine({**START, "deal": {"name": "X", "binding": "non_binding"}}), "deal.purpose"
    )
    assert _engine().check(sections, "") == "this answer is needed to go on"


def test_a_group_cannot_finish_below_its_minimum() -> None:
    engine = Engine(SPEC, {"deal": {"name": "X", "purpose": "electrification"}}, today=TODAY)
    for _ in range(20):
        step = engine.next_step()
        if isinstance(step, Manage):
            break
        assert step is not None
        engine.answer(step, _default_answer(engine, step))
    assert isinstance(step, Manage) and step.group.id == "parties"
    assert (step.can_add, step.can_finish) == (True, False)
    engine.add_entry(step)
    first = engine.next_step()
    assert isinstance(first, Ask) and first.key == "parties#1.short_name"
    assert engine.answer(first, "NAW") is None


def test_renaming_a_party_renames_every_reference() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    group = next(
        item for item in SPEC.sections[0].items if getattr(item, "group", None) == "parties"
    )
    question = group.questions[0]
    step = Ask(question, ("parties", 0, "short_name"), SPEC.sections[0], group, 0)
    assert engine.answer(step, "NORD") is None
    assert engine.data["strengths"]["contributions"][0]["party"] == "NORD"
    assert list(engine.data["goals"]["value_sharing"]["equity"]) == ["NORD", "KSC"]
    assert engine.data["governance"]["bodies"][0]["chair"] == "NORD"


def test_prefilled_answers_are_not_asked_again() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    asked = _keys_until_done(engine)
    assert "exit.term.end_milestone" in asked
    answered = {
        "deal.name",
        "deal.purpose",
        "exit.renewal.type",
        "exit.renewal.notice",
        "contributions#1.tracking",
    }
    assert not answered & set(asked)
    assert not any(key.startswith("parties#") for key in asked)


def test_a_change_in_review_drops_answers_that_no_longer_apply() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    _keys_until_done(engine)
    renewal = next(
        q
        for q in SPEC.sections[5].items
        if isinstance(q, Question) and q.path == "exit.renewal.type"
    )
    engine.change(renewal, SPEC.sections[5])
    step = engine.next_step()
    assert isinstance(step, Ask) and step.key == "exit.renewal.type"
    engine.answer(step, "none")
    assert engine.next_step() is None
    assert engine.data["exit"]["renewal"] == {"type": "none"}


@pytest.mark.parametrize("missing_key", ["deal.purpose"])
def test_missing_lists_required_answers_and_short_groups(missing_key: str) -> None:
    engine = Engine(SPEC, {"deal": {"name": "X"}}, today=TODAY)
    paths = [item.path for item in missing(engine)]
    assert paths[:2] == [missing_key, "parties"]
    assert "exit.triggers" in paths


def test_each_finding_on_the_incomplete_deal_names_the_question_that_settles_it() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "incomplete-deal.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    assert asked_at(engine, ("exit", "renewal", "type")) == (
        "Agreed exit path › Renewal at the end of the term"
    )
    assert asked_at(engine, ("exit", "renewal")) == asked_at(engine, ("exit", "renewal", "type"))
    assert asked_at(engine, ("exit", "assets", 1, "treatment")) == (
        "Agreed exit path › Shared assets on exit #2 (tooling) › "
        "Who keeps, buys or licenses it on exit"
    )
    assert asked_at(engine, ("strengths", "contributions", 1, "tracking")) == (
        "Complementary strengths › Contributions #2 (SKM: engineering_capacity 35 FTE) › "
        "How its use is tracked and reported"
    )
    assert asked_at(engine, ("exit", "triggers")).endswith("› Exit triggers")
    assert asked_at(engine, ("no", "such", "path")) is None
