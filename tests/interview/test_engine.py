"""The interview engine without a terminal: presets, conditions, lists, open answers, progress."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.interview.data import OPEN, with_open_marks
from termgen.interview.engine import Engine
from termgen.interview.overview import asked_at, missing, remaining, review
from termgen.interview.spec import Question, load_spec
from termgen.interview.state import State
from termgen.interview.steps import Ask, Manage, Offer
from termgen.interview.types import AnswerError, NewBody, parse
from termgen.model import Deal

from ..conftest import EXAMPLES_DIR
from .terminal import TODAY

SPEC = load_spec()[0]
START = {"deal": {"name": "Project X"}, "parties": [{"short_name": "A"}, {"short_name": "B"}]}


def _engine(data: dict[str, Any] | None = None, details: bool = False) -> Engine:
    engine = Engine(SPEC, copy.deepcopy(data if data is not None else START), today=TODAY)
    engine._closed.add("parties")
    engine.details = details
    return engine


def _default_answer(engine: Engine, step: Ask) -> Any:
    """What a user accepting every suggestion would answer; something for required questions."""
    if step.question.type == "yes_no":
        return step.default if isinstance(step.default, bool) else True
    raw = engine.display(step) or None
    if step.question.required and raw is None:
        typed = "90 days" if step.question.type == "duration" else f"{step.question.path} answer"
        raw = step.choices[0] if step.choices else typed
    return raw


def _walk(
    engine: Engine, stop: str | None = None, limit: int = 600, accept: bool = False
) -> tuple[list[str], Ask | None]:
    """Answer with defaults (adding one entry where a list needs it) until `stop` or the end;
    presets are accepted or declined as `accept` says."""
    asked: list[str] = []
    for _ in range(limit):
        step = engine.next_step()
        if step is None:
            return asked, None
        if isinstance(step, Offer):
            if accept:
                engine.accept_preset(step)
            continue
        if step.key == stop:
            return asked, step  # type: ignore[return-value]
        if isinstance(step, Manage):
            asked.append(step.key)
            engine.finish(step) if step.complete else engine.add_entry(step)
            continue
        asked.append(step.key)
        assert engine.answer(step, _default_answer(engine, step)) is None, step.key
    raise AssertionError(f"the interview did not end within {limit} steps")


def _step(engine: Engine, key: str) -> Ask:
    step = _walk(engine, key)[1]
    assert step is not None, f"{key} was never asked"
    return step


def test_the_purpose_offers_its_suggestions_and_brings_its_own_questions() -> None:
    battery = _engine()
    assert battery.answer(_step(battery, "deal.purpose"), "electrification") is None
    offer = battery.next_step()
    assert isinstance(offer, Offer) and offer.preset.defaults["deal.structure"] == (
        "equity_joint_venture"
    )
    assert _step(battery, "deal.structure").default == "equity_joint_venture"
    accepted = _engine({**START, "deal": {"name": "X", "purpose": "software_codevelopment"}})
    offer = accepted.next_step()
    assert isinstance(offer, Offer)
    accepted.accept_preset(offer)
    assert [b["name"] for b in accepted.data["governance"]["bodies"]] == [
        "Steering Group",
        "Joint PMO",
    ]
    assert accepted.data["exit"]["survival"][1]["kind"] == "software_updates"
    asked = _walk(accepted)[0]
    assert "exit.renewal.type" not in asked and "triggers" not in asked
    assert {"release_bandwidth", "licence_model#3.treatment"} <= set(asked)
    assert not any(key.startswith("offtake") for key in asked)


def test_conditions_follow_earlier_answers_and_a_change_drops_what_no_longer_applies() -> None:
    base = {**START, "deal": {"name": "X", "purpose": "electrification"}}
    asked = _walk(_engine({**base, "exit": {"renewal": {"type": "none"}}}))[0]
    assert "exit.renewal.notice" not in asked and "exit.renewal.option_holder" not in asked
    engine = _engine({**base, "exit": {"renewal": {"type": "party_option"}}})
    asked = _walk(engine)[0]
    # The notice is the option holder's notice to renew, asked once it is known who holds it.
    assert asked.index("exit.renewal.option_holder") < asked.index("exit.renewal.option_notice")
    assert "exit.renewal.notice" not in asked
    step = _step(
        _engine({**base, "exit": {"renewal": {"type": "party_option"}}}),
        "exit.renewal.option_notice",
    )
    assert step.question.prompt == "Notice the option holder gives to renew, before the term ends"
    assert step.path == ("exit", "renewal", "notice")
    automatic = _walk(_engine({**base, "exit": {"renewal": {"type": "automatic"}}}))[0]
    assert "exit.renewal.notice" in automatic and "exit.renewal.option_notice" not in automatic
    renewal = next(q for _, q in engine.items() if getattr(q, "path", "") == "exit.renewal.type")
    assert isinstance(renewal, Question)
    engine.change(renewal, SPEC.sections[-1])
    step = engine.next_step()
    assert isinstance(step, Ask) and step.key == "exit.renewal.type"
    assert engine.answer(step, "none") is None
    assert engine.next_step() is None
    assert engine.data["exit"]["renewal"] == {"type": "none"}


def test_an_item_condition_reads_its_own_entry() -> None:
    engine = _engine()
    step = _step(engine, "decision_rights#1.approval")
    assert engine.answer(step, "qualified_majority") is None
    assert engine.next_step().key == "decision_rights#1.majority_percent"  # type: ignore[union-attr]


def test_a_question_left_open_is_remembered_across_a_resume_and_shown_in_review() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    seat = _step(engine, "governance.disputes.mechanism")
    assert engine.answer(seat, "arbitration") is None
    seat = _step(engine, "governance.disputes.seat")
    assert engine.answer(seat, "") is None
    valuation = _step(engine, "exit.valuation.method")
    assert engine.answer(valuation, None) is None
    saved = engine.answers()
    assert {"governance.disputes.seat", "exit.valuation.method"} <= set(saved["left_open"])
    assert "valuation" not in saved["exit"] and "seat" not in saved["governance"]["disputes"]
    Deal.model_validate(saved)
    resumed = _engine(with_open_marks(copy.deepcopy(saved)))
    asked = _walk(resumed)[0]
    assert "governance.disputes.seat" not in asked and "exit.valuation.method" not in asked
    shown = {item.id: text for _, lines in review(resumed) for item, text in lines}
    assert shown["governance.disputes.seat"] == shown["exit.valuation.method"] == "(left open)"
    law = _step(_engine(), "deal.purpose")
    assert _engine().check(law, "") == "this answer is needed to go on"


def test_a_list_finished_empty_stays_finished_after_a_resume() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    step = _walk(engine, "phases")[1]
    assert isinstance(step, Manage) and step.complete
    engine.finish(step)
    saved = engine.answers()
    assert saved["strengths"]["phases"] == []
    assert "phases" not in _walk(_engine(with_open_marks(saved)))[0]


def test_owners_must_be_a_party_joint_or_a_body_and_a_new_body_is_set_up() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    owner = _step(engine, "objectives#1.owner")
    assert engine.check(owner, "C") == (
        "'C' is not a party, 'joint' or a governance body; choose one of 'A', 'B', 'joint'"
    )
    assert engine.check(owner, "a") == (
        "'a' is not a party, 'joint' or a governance body, did you mean 'A'?"
    )
    assert engine.answer(owner, NewBody("Battery Board", "steering_group")) is None
    assert engine.data["governance"]["bodies"] == [
        {"name": "Battery Board", "kind": "steering_group"}
    ]
    assert engine.data["goals"]["objectives"][0]["owner"] == "Battery Board"
    assert engine.check(owner, NewBody("A", "steering_group")) == (
        "'A' already names a party or body; choose it from the list"
    )
    Deal.model_validate(engine.answers())


def test_an_entry_is_a_transaction_that_escape_cancels() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    menu = _walk(engine, "phases")[1]
    assert isinstance(menu, Manage)
    engine.add_entry(menu)
    name = engine.next_step()
    assert isinstance(name, Ask) and name.key == "phases#1.name"
    assert "phases" not in engine.answers().get("strengths", {})
    edit = engine.cancel()
    assert edit is not None and edit.before is None
    assert engine.data["strengths"].get("phases") in (None, [])
    again = engine.next_step()
    assert isinstance(again, Manage) and again.entries == ()
    engine.add_entry(again)
    assert engine.answer(engine.next_step(), "Pilot") is None  # type: ignore[arg-type]
    milestone = engine.next_step()
    assert isinstance(milestone, Ask) and milestone.key == "phases#1.milestone"
    # Saved once each of its questions has been asked, not half.
    assert "phases" not in engine.answers()["strengths"]
    engine.answer(milestone, "prototype runs")
    engine.answer(engine.next_step(), "")  # type: ignore[arg-type]
    assert engine.answers()["strengths"]["phases"][0]["name"] == "Pilot"
    menu = engine.next_step()
    assert isinstance(menu, Manage) and menu.entries == ("Pilot",)
    engine.edit_entry(menu, 0)
    renamed = engine.next_step()
    assert isinstance(renamed, Ask) and renamed.key == "phases#1.name"
    engine.answer(renamed, "Renamed")
    assert engine.cancel() is not None
    assert engine.data["strengths"]["phases"][0]["name"] == "Pilot"


def test_renaming_a_party_renames_every_reference() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    group = next(item for item in engine.groups() if item.group == "parties")
    step = Ask(group.questions[0], ("parties", 0, "short_name"), SPEC.sections[0], group, 0)
    assert engine.answer(step, "NORD") is None
    assert engine.data["strengths"]["contributions"][0]["party"] == "NORD"
    assert list(engine.data["goals"]["value_sharing"]["equity"]) == ["NORD", "KSC"]
    assert engine.data["governance"]["bodies"][0]["chair"] == "NORD"


def test_prefilled_answers_are_not_asked_again_and_details_wait_for_their_pass() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    first_pass = _walk(Engine(SPEC, copy.deepcopy(data), today=TODAY))[0]
    assert first_pass == []
    details = _walk(Engine(SPEC, copy.deepcopy(data), today=TODAY, details=True))[0]
    assert "exit.term.end_milestone" in details
    answered = {"deal.name", "exit.renewal.notice", "contributions#1.tracking"}
    assert not answered & set(details)
    # NAW's second signatory is given; KSC signs through one, which only the details ask
    assert [key for key in details if key.startswith("parties")] == [
        "parties#2.second_signatory.name"
    ]


def test_progress_counts_list_entries_and_drops_with_every_answer() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "software_codevelopment"}})
    offer = engine.next_step()
    assert isinstance(offer, Offer)
    engine.accept_preset(offer)
    typed = {"exit.term.initial": "5 years", "exit.renewal.option_holder": "A"}
    # What is left before each step, and whether the step asks the second way to give an
    # answer (a period for the lapse once its date is left empty), counted with the first.
    counts: list[tuple[int, bool]] = []
    for _ in range(200):
        left = remaining(engine)
        step = engine.next_step()
        if step is None:
            break
        if isinstance(step, Manage):
            if not step.entries and not step.complete:
                engine.add_entry(step)
                continue
            counts.append((left, False))
            engine.finish(step)
        else:
            counts.append((left, step.question.instead_of is not None))
            engine.answer(step, typed.get(step.key, _default_answer(engine, step)))
    assert remaining(engine) == 0
    # A question that may follow from an answer is counted until that answer says it does not.
    assert all(
        later < earlier or (later == earlier and second_way)
        for (earlier, _), (later, second_way) in itertools.pairwise(counts)
    )
    assert any(second_way for _, second_way in counts)
    assert counts[-1][0] == 1 and len(counts) >= counts[0][0] - 2


@pytest.mark.parametrize("purpose", ["electrification", "software_codevelopment"])
def test_without_the_suggestions_the_count_goes_up_only_when_an_entry_is_added(
    purpose: str,
) -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": purpose}})
    shown: int | None = None
    added: dict[str, int] = {}
    for _ in range(600):
        step = engine.next_step()
        if step is None:
            break
        left = remaining(engine)
        assert shown is None or left <= shown, step.key
        shown = left
        if isinstance(step, Offer):
            continue  # declined: every answer is asked
        if isinstance(step, Manage):
            added[step.key] = added.get(step.key, 0) + 1
            if not step.complete or (added[step.key] == 1 and step.key in ("triggers", "bodies")):
                engine.add_entry(step)
                shown = None  # the new entry's questions are added to what is left
            else:
                engine.finish(step)
            continue
        assert engine.answer(step, _default_answer(engine, step)) is None
    assert shown == 1 and remaining(engine) == 0


@pytest.mark.parametrize("missing_key", ["deal.purpose"])
def test_missing_lists_required_answers_and_short_lists(missing_key: str) -> None:
    engine = Engine(SPEC, {"deal": {"name": "X"}}, today=TODAY)
    paths = [item.path for item in missing(engine)]
    assert paths[:2] == [missing_key, "parties"]
    assert "exit.triggers" in paths
    left_open = Engine(SPEC, with_open_marks({**START, "left_open": ["exit.triggers"]}))
    assert "exit.triggers" not in [item.path for item in missing(left_open)]
    assert left_open.data["exit"]["triggers"] is OPEN


def test_each_finding_on_the_incomplete_deal_names_the_question_that_settles_it() -> None:
    data, _ = read_answers(EXAMPLES_DIR / "incomplete-deal.yaml")
    engine = Engine(SPEC, copy.deepcopy(data), today=TODAY)
    assert asked_at(engine, ("exit", "renewal", "type")) == (
        "Agreed exit path › Renewal at the end of the term"
    )
    assert asked_at(engine, ("exit", "renewal")) == asked_at(engine, ("exit", "renewal", "type"))
    assert asked_at(engine, ("exit", "assets", 1, "treatment")) == (
        "Agreed exit path › Shared assets on exit › the second asset class (tooling) › "
        "Who keeps, buys or licenses it on exit"
    )
    assert asked_at(engine, ("strengths", "contributions", 1, "tracking")) == (
        "Complementary strengths › Contributions › the first contribution (SKM: engineering capacity 35 FTE) › "
        "How its use is tracked and reported"
    )
    assert asked_at(engine, ("exit", "triggers")).endswith("› Exit triggers")
    assert asked_at(engine, ("no", "such", "path")) is None


def test_the_company_is_asked_about_only_for_an_equity_joint_venture() -> None:
    battery = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}}, details=True)
    asked = _walk(battery, accept=True)[0]
    assert battery.data["deal"]["structure"] == "equity_joint_venture"
    assert {
        "company.name",
        "company.board.seats",
        "reserved_matters",
        "officers",
        "company.dividends.policy",
        "company.transfers.pre_emption",
        "company.deadlock.mechanism",
    } <= set(asked)
    assert not any(key.startswith("goals.licensing") for key in asked)
    alliance = _engine({**START, "deal": {"name": "X", "purpose": "strategic_flexibility"}}, True)
    asked = _walk(alliance, accept=True)[0]
    assert not any(key.startswith(("company.", "reserved_matters", "officers")) for key in asked)
    assert "goals.licensing.field_of_use" in asked
    assert {"term_sheet.expires_on", "term_sheet.definitive_agreements"} <= set(asked)


def test_a_put_and_call_asks_who_buys_and_the_mechanism_may_be_left_open() -> None:
    base = {**START, "deal": {"name": "X", "purpose": "electrification"}}
    engine = _engine(base)
    step = _step(engine, "company.deadlock.mechanism")
    assert set(step.choices) >= {"russian_roulette", "texas_shoot_out", "put_call"}
    assert engine.answer(step, "put_call") is None
    assert engine.next_step().key == "company.deadlock.call_holder"  # type: ignore[union-attr]
    undecided = _engine(base)
    assert undecided.answer(_step(undecided, "company.deadlock.mechanism"), None) is None
    saved = undecided.answers()
    assert "company.deadlock.mechanism" in saved["left_open"]
    assert "company.deadlock.call_holder" not in _walk(undecided)[0]
    Deal.model_validate(saved)


def test_a_term_that_ends_before_it_starts_is_asked_again_with_the_reason() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    assert engine.answer(_step(engine, "exit.term.effective_date"), "2027-03-01") is None
    end = _step(engine, "exit.term.end_date")
    assert engine.answer(end, "2026-12-31") == (
        "the term ends (2026-12-31) no later than it starts (2027-03-01); check the two dates"
    )
    assert engine.answer(end, "2031-02-28") is None


def test_a_count_of_days_may_name_its_unit_and_no_other() -> None:
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}}, True)
    step = _step(engine, "change.procedure.assessment_days")
    assert step.question.unit == "days"
    assert engine.answer(step, "weeks") == "'weeks' is not a whole number; write digits, e.g. 30"
    assert (
        engine.answer(step, "3 months")
        == "'3 months' is not a number of days; write digits, e.g. 30"
    )
    # Weeks are an exact number of days, in English or in the deal team's language.
    for weeks in ("3 weeks", "3 Wochen"):
        refused = engine.refusal(step, weeks)
        assert refused is not None and refused.instead == "21"
        assert str(refused) == (
            f"'{weeks}' is 21 days, and this question counts days. Press Enter to take 21, or "
            "change it"
        )
    assert engine.answer(step, "20 days") is None
    assert engine.answers()["change"]["procedure"]["assessment_days"] == 20
    assert parse("integer", "1 Day", unit="days") == 1
    assert parse("integer", "1,000") == 1000
    with pytest.raises(AnswerError, match="not a whole number"):
        parse("integer", "20 days")


def test_shares_take_party_names_in_any_case_and_say_how_to_write_them() -> None:
    parties = ("NORDWERK", "HANSOL")
    assert parse("shares", "nordwerk 60; Hansol 40", parties=parties) == {
        "NORDWERK": 60,
        "HANSOL": 40,
    }
    assert parse("shares", "50/50", parties=parties) == {"NORDWERK": 50, "HANSOL": 50}
    assert parse("shares", "50-50", parties=parties) == {"NORDWERK": 50, "HANSOL": 50}
    assert parse("per_party", "3 each", parties=parties) == {"NORDWERK": 3, "HANSOL": 3}
    with pytest.raises(AnswerError) as wrong:
        parse("shares", "60-40", parties=parties)
    assert str(wrong.value) == (
        "'60-40' does not say which party has which share. In the order the parties were "
        "given, it reads 'NORDWERK 60; HANSOL 40': press Enter to take it, or change it"
    )
    assert wrong.value.instead == "NORDWERK 60; HANSOL 40"
    with pytest.raises(AnswerError) as wrong:
        parse("per_party", "3", parties=parties)
    assert str(wrong.value) == (
        "'3' does not name a party and its number; write each party's short name, then its "
        "number, e.g. 'NORDWERK 3; HANSOL 2', or '3 each'"
    )


@pytest.mark.parametrize(
    ("kind", "typed", "said"),
    [
        (
            "shares",
            "NORDWERK 140; HANSOL 40",
            "the shares add up to 180, not 100; change them so that together they make 100, "
            "each party's share in percent",
        ),
        (
            "shares",
            "NORDWERK 140; HANSOL -40",
            "'HANSOL -40' is negative; write each party's number as 0 or more, e.g. "
            "'NORDWERK 50; HANSOL 50', or '50-50'",
        ),
        (
            "per_party",
            "NORDWERK 2; HANSOL − 1",
            "'HANSOL − 1' is negative; write each party's number as 0 or more, e.g. "
            "'NORDWERK 3; HANSOL 2', or '3 each'",
        ),
        (
            "per_party",
            "NORDWERK 2.5; HANSOL 1",
            "'NORDWERK 2.5': 2.5 is not a whole number, and each party's number counts seats "
            "or members; write whole numbers, e.g. 'NORDWERK 3; HANSOL 2', or '3 each'",
        ),
        (
            "per_party",
            "NORDWERK 2; HANSOL one",
            "'HANSOL one' does not name a party and its number; write each party's short "
            "name, then its number, e.g. 'NORDWERK 3; HANSOL 2', or '3 each'",
        ),
    ],
)
def test_shares_that_are_negative_or_do_not_make_100_say_what_to_write(
    kind: str, typed: str, said: str
) -> None:
    """A new user typed a share of 140 and then one of -40 to balance it: the first message
    said only what the total was, the second that 'HANSOL -40' named no party; 2.5 board
    seats were "expected a whole number ... write digits only", naming no party."""
    with pytest.raises(AnswerError) as wrong:
        parse(kind, typed, parties=("NORDWERK", "HANSOL"))
    assert str(wrong.value) == said
    assert wrong.value.instead is None


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("1 Jan 2027", "2027-01-01"),
        ("January 1, 2027", "2027-01-01"),
        ("3rd Sept 2028", "2028-09-03"),
    ],
)
def test_a_date_with_the_months_name_is_taken(typed: str, day: str) -> None:
    assert parse("date", typed).isoformat() == day


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        (
            "Q3 2028",
            "Q3 2028 is a quarter, not a day; type the day you mean as YYYY-MM-DD, e.g. "
            "2028-07-01 for its first day or 2028-09-30 for its last",
        ),
        (
            "March 2027",
            "March 2027 is a month, not a day; type the day you mean as YYYY-MM-DD, "
            "e.g. 2027-03-01 for its first day or 2027-03-31 for its last",
        ),
        ("31 Feb 2027", "'31 Feb 2027' is not a real date: February 2027 has 28 days"),
        (
            "2028-13-45",
            "'2028-13-45' is not a real date: there is no month 13; write it as YYYY-MM-DD, "
            "the month from 01 to 12",
        ),
    ],
)
def test_a_quarter_or_a_month_is_refused_with_the_days_it_may_mean(
    typed: str, problem: str
) -> None:
    with pytest.raises(AnswerError) as wrong:
        parse("date", typed)
    assert str(wrong.value) == problem


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("31.12.2027", "; did you mean 2027-12-31? Press Enter to take it, or change it"),
        # points: the day comes first
        ("01.07.2027", "; did you mean 2027-07-01? Press Enter to take it, or change it"),
        ("12/31/2027", "; did you mean 2027-12-31? Press Enter to take it, or change it"),
        ("31/02/2027", ""),  # no such day either way
    ],
)
def test_a_date_written_another_way_is_refused_with_the_date_it_can_only_be(
    typed: str, hint: str
) -> None:
    with pytest.raises(AnswerError) as wrong:
        parse("date", typed)
    assert str(wrong.value) == (
        f"'{typed}' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15{hint}"
    )


def _battery_engine() -> Engine:
    data = read_answers(EXAMPLES_DIR / "battery-jv.yaml")[0]
    return Engine(SPEC, with_open_marks(data), today=TODAY)


def _change_answer(engine: Engine, path: str = "deal.structure") -> Ask:
    question = next(q for _, q in engine.items() if getattr(q, "path", "") == path)
    assert isinstance(question, Question)
    engine.change(question, SPEC.sections[0])
    step = engine.next_step()
    assert isinstance(step, Ask) and step.key == path
    return step


def test_a_list_finished_with_none_goes_with_its_list_and_comes_back_with_it() -> None:
    engine = _battery_engine()
    strengths = engine.data["strengths"]
    strengths["contributions"] = [
        entry for entry in strengths["contributions"] if entry["kind"] != "plant_allocation"
    ]
    strengths["none_of"] = ["plant_allocation"]
    engine.data["company"]["reserved_matters"] = []
    engine.data["exit"]["triggers"] = OPEN  # a list left open
    software = _change_answer(engine, "deal.purpose")
    removed = [path for path, _ in engine.removed_by(software, "software_codevelopment")]
    assert ("strengths", "none_of", "plant_allocation") in removed
    assert ("exit", "assets", 2, "asset") not in removed  # the licence model takes the IP in
    assert engine.answer(software, "software_codevelopment") is None
    assert "none_of" not in engine.data["strengths"]
    assert any(entry["asset"] == "foreground_ip" for entry in engine.data["exit"]["assets"])
    back = Ask(software.question, software.path, software.section, choices=software.choices)
    assert engine.answer(back, "electrification") is None
    assert engine.data["strengths"]["none_of"] == ["plant_allocation"]
    alliance = Ask(SPEC.sections[0].items[2], ("deal", "structure"), software.section)  # type: ignore[arg-type]
    removed = [path for path, _ in engine.removed_by(alliance, "contractual_alliance")]
    assert ("company", "reserved_matters") in removed
    assert ("exit", "triggers") not in removed  # it still applies
    assert engine.answer(alliance, "contractual_alliance") is None
    assert "company" not in engine.data and engine.data["exit"]["triggers"] is OPEN


def test_an_answer_says_what_it_would_remove_and_changing_it_back_suggests_them_again() -> None:
    engine = _battery_engine()
    company = copy.deepcopy(engine.data["company"])
    stake = copy.deepcopy(engine.data["exit"]["assets"][0])
    step = _change_answer(engine)
    assert remaining(engine) == 1  # what depends on it is not counted before it changes
    removed = [path for path, _ in engine.removed_by(step, "contractual_alliance")]
    assert ("company", "name") in removed and ("goals", "value_sharing", "equity") in removed
    assert ("company", "reserved_matters", 0) in removed  # a list of the company, entry by entry
    assert ("company", "deadlock", "cooling_off") in removed  # asked only for the mechanism removed
    assert ("exit", "assets", 0) in removed  # the stake buy-out: no stake without a company
    assert len(removed) == 32  # with the company's staff recharges
    assert engine.removed_by(step, "equity_joint_venture") == []  # unchanged: removes nothing
    assert "company" in engine.data  # only said, not done
    assert engine.answer(step, "contractual_alliance") is None
    assert "name" not in engine.data.get("company", {})
    assert engine.next_step() is None and remaining(engine) == 0  # nothing new to ask
    back = _change_answer(engine)
    assert engine.answer(back, "equity_joint_venture") is None
    assert engine.data["company"]["reserved_matters"] == company["reserved_matters"]
    assert [a for a in engine.data["exit"]["assets"] if a["asset"] == "equity_stake"] == [stake]
    suggested = {}
    while (step := engine.next_step()) is not None:
        if isinstance(step, Manage):  # the lists brought back, to keep
            engine.finish(step)
            continue
        assert isinstance(step, Ask)
        suggested[step.path] = step.default
        assert engine.answer(step, engine.display(step) or step.default) is None
    assert suggested[("company", "name")] == company["name"]
    assert suggested[("company", "board", "seats")] == company["board"]["seats"]
    assert engine.data["company"]["share_capital"] == company["share_capital"]


def test_after_a_change_the_count_is_the_answers_asked_again() -> None:
    engine = _battery_engine()
    renewal = next(q for _, q in engine.items() if getattr(q, "path", "") == "exit.renewal.type")
    assert isinstance(renewal, Question)
    engine.change(renewal, SPEC.sections[-1])
    step = engine.next_step()
    assert isinstance(step, Ask) and remaining(engine) == 1
    assert engine.answer(step, step.default) is None  # kept: nothing is asked again
    assert engine.next_step() is None
    engine.change(renewal, SPEC.sections[-1])
    step = engine.next_step()
    assert isinstance(step, Ask) and engine.answer(step, "party_option") is None
    step, asked = engine.next_step(), 0
    left = remaining(engine)
    while step is not None:
        assert isinstance(step, Ask) and remaining(engine) == left - asked
        assert engine.answer(step, engine.display(step) or step.choices[0]) is None
        asked += 1
        step = engine.next_step()
    assert asked == left > 0


def test_the_review_shows_the_stake_buy_out_once_not_again_among_the_shared_assets() -> None:
    battery = _engine(read_answers(EXAMPLES_DIR / "battery-jv.yaml")[0])
    shown = {item.id: text for _, lines in review(battery) for item, text in lines}
    assert shown["stake_buy_out"].startswith("The other party may buy the Exiting Party's shares")
    assert "equity stake" not in shown["assets"]
    assert shown["assets"].startswith("plants: Stays with the JV")


_PARTIES = ("NAW", "KSC")
OFFERED = [
    ("money", "2,5 M EUR"),
    ("money", "1,5 Mrd EUR"),
    ("money", "25.000 €"),
    ("money", "EUR 1,2bn"),
    ("money", "3,5 Mio. €"),
    ("quantity", "6,5 GWh par an"),
    ("quantity", "6,5 GWh pro Jahr"),
    ("quantity", "4 Releases pro Jahr"),
    ("quantity", "1,5 FTE"),
    ("quantity", "2,5 M EUR"),
    ("percent", "0.75"),
    ("percent", "2/3"),
    ("duration", "5 Jahre"),
    ("duration", "18 mois"),
    ("integer", "3 Wochen"),
    ("place", "German law"),
    ("place", "Deutschland"),
    ("place", "Munich"),
    ("place", "Corée du Sud"),
    ("place", "Angleterre"),
    ("place", "Séoul"),
    ("place", "droit français"),
    ("shares", "NAW 2/3; KSC 1/3"),
    ("shares", "NAW 66,7; KSC 33,3"),
    ("shares", "60-40"),
    ("shares", "NAW 0.6; KSC 0.4"),
    ("date", "Q3 2027"),
    ("date", "fin 2028"),
    ("date", "13/12/2026"),
]


@pytest.mark.parametrize(("kind", "typed"), OFFERED)
def test_an_answer_offered_in_place_of_another_is_taken_as_it_is_offered(
    kind: str, typed: str
) -> None:
    """Enter takes what an answer was offered as: the offer itself is never refused."""
    with pytest.raises(AnswerError) as refused:
        parse(kind, typed, parties=_PARTIES, unit="days")
    offer = refused.value.instead
    if offer is None:  # nothing offered: nothing to take
        return
    parse(kind, offer, parties=_PARTIES, unit="days")


def test_a_suggested_review_before_renewal_follows_the_term_and_the_notice() -> None:
    """Suggested six months before the last day to stop a renewal (12 months' notice), the
    review before renewal moves with the term given, and again when it or the notice changes;
    one the user moved stays."""
    engine = _engine({**START, "deal": {"name": "X", "purpose": "electrification"}})
    offer = engine.next_step()
    assert isinstance(offer, Offer)
    engine.accept_preset(offer)

    def held() -> str:
        points = engine.data["change"]["review_points"]
        return next(p for p in points if p["name"] == "Review before renewal")["after"]

    term = _step(engine, "exit.term.initial")
    assert engine.answer(term, "12 years") is None
    assert held() == "126 months"
    assert engine.answer(term, "7 years") is None
    assert held() == "66 months"
    section, question = next(
        (section, item) for section, item in engine.items() if item.id == "exit.renewal.notice"
    )
    assert isinstance(question, Question)
    notice = Ask(question, ("exit", "renewal", "notice"), section)  # suggested: not asked
    assert engine.answer(notice, "18 months") is None
    assert held() == "60 months"
    assert engine.answer(notice, "90 days") is None
    assert held() == "75 months"
    next(p for p in engine.data["change"]["review_points"] if p["after"] == "75 months")[
        "after"
    ] = "5 years"
    assert engine.answer(term, "10 years") is None
    assert held() == "5 years"


def test_a_day_that_reads_two_ways_is_asked_which_and_a_year_end_is_offered_its_last_day() -> None:
    with pytest.raises(AnswerError) as refused:
        parse("date", "04/12/2026")
    assert refused.value.instead is None  # no guess between the two
    assert "2026-12-04 or 2026-04-12" in str(refused.value)
    with pytest.raises(AnswerError) as year_end:
        parse("date", "fin 2028")
    assert year_end.value.instead == "2028-12-31"


@pytest.mark.parametrize(
    ("answers", "binds_on"),
    [
        ({}, "confidentiality, exclusive negotiations (once agreed) and disputes"),
        ({"deal": {"exclusive": True}}, "confidentiality, exclusive negotiations and disputes"),
        ({"deal": {"exclusive": False}}, "confidentiality and disputes"),
        (
            {"deal": {"exclusive": True}, "positions": {"general.exclusivity": "Non-Exclusive"}},
            "confidentiality and disputes",
        ),
        (
            {"deal": {"exclusive": False}, "positions": {"general.exclusivity": "preferred"}},
            "confidentiality, exclusive negotiations and disputes",
        ),
    ],
)
def test_what_always_binds_is_said_as_the_answer_on_exclusivity_leaves_it(
    answers: dict[str, Any], binds_on: str
) -> None:
    """A position of the exclusivity clause named in the answers wins, as in the drafts."""
    data = copy.deepcopy(START)
    data["deal"].update(answers.get("deal", {}))
    data.update({key: value for key, value in answers.items() if key != "deal"})
    state = State(SPEC, data, always_binding=("confidentiality", "exclusivity", "disputes"))
    question = next(
        item
        for section in SPEC.sections
        for item in section.items
        if isinstance(item, Question) and item.path == "deal.binding_sections"
    )
    assert (state.help(question) or "").startswith(f"The draft always binds on {binds_on}.")


def test_the_exclusivity_question_is_not_asked_where_a_position_chose() -> None:
    question = next(
        item
        for section in SPEC.sections
        for item in section.items
        if isinstance(item, Question) and item.path == "deal.exclusive"
    )
    assert State(SPEC, copy.deepcopy(START)).applies(question)
    chosen = {**copy.deepcopy(START), "positions": {"general.exclusivity": "non-exclusive"}}
    assert not State(SPEC, chosen).applies(question)


@pytest.mark.parametrize(
    ("binding_sections", "consistent"),
    [(["confidentiality", " Exclusivity "], True), (["confidentiality"], False), ([], False)],
)
def test_the_exclusivity_question_says_what_the_binding_sections_already_chose(
    binding_sections: list[str], consistent: bool
) -> None:
    """Binding sections that name exclusivity make yes the consistent answer, and no asks for
    exclusivity to come off them; without it the question keeps its own help."""
    question = next(
        item
        for section in SPEC.sections
        for item in section.items
        if isinstance(item, Question) and item.path == "deal.exclusive"
    )
    data = copy.deepcopy(START)
    data["deal"]["binding_sections"] = binding_sections
    said = State(SPEC, data).help(question) or ""
    assert said.startswith("The sections that bind already name exclusivity") is consistent
    assert ("remove exclusivity from the sections that bind" in said) is consistent
