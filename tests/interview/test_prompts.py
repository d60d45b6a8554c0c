"""The interview through its real terminal prompts (questionary over prompt_toolkit pipes)."""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from termgen.answers.read import load_deal, read_answers
from termgen.answers.write import dump_answers
from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.interview.data import ABSENT, get
from termgen.interview.overview import answer_text
from termgen.interview.runner import KEYS
from termgen.interview.spec import Question, load_spec
from termgen.model.paths import parse_path
from termgen.wording import for_parties

from ..conftest import EXAMPLES_DIR, run_cli
from .terminal import (
    CLEAR,
    CTRL_C,
    ENTER,
    ESCAPE,
    TODAY,
    ExampleAnswers,
    ScriptedTerminal,
    pasted,
    run_interview,
)

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _answers(spec, overrides=None, resumed=None):  # type: ignore[no-untyped-def]
    return ExampleAnswers(spec, read_answers(BATTERY)[0], overrides, resumed)


def test_a_full_interview_with_its_details_reproduces_the_battery_example(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    terminal = ScriptedTerminal(_answers(spec))
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, "")
    retyped = load_deal(tmp_path / "deal.yaml").deal
    example = read_answers(BATTERY)[0]
    assert retyped.model_copy(update={"left_open": []}) == load_deal(BATTERY).deal
    assert retyped.left_open
    assert all(get(example, parse_path(path)) is ABSENT for path in retyped.left_open)
    # The structure is not known yet: the JV company and the liability section may both apply.
    assert "── Section 1 of 9: Parties and purpose" in out
    assert "── Section 3 of 8: The joint-venture company" in out
    # The count falls once the structure rules a section out, and the heading says which.
    before, after = out.split("── Section 2 of 8", 1)
    ruled_out = after.split("──", 2)[1]
    assert "does not apply, given your answers." in ruled_out
    assert "not apply" not in before
    assert "── Section 7 of 8: Agreed exit path" in out
    assert "── Section 8 of 8: The term sheet itself" in out
    assert "0 blocking" in out and "Answers left open" in out
    assert terminal.asked[:4] == ["deal.name", "deal.purpose", "preset", "deal.structure"]
    assert "offtake" in terminal.asked and "release_bandwidth" not in terminal.asked
    assert "Leave it empty if not decided yet (left open)." in " ".join(out.split())
    essentials = terminal.asked[: terminal.asked.index("review")]
    assert "contributions#1.tracking" not in essentials
    assert "contributions#1.tracking" in terminal.asked
    assert f"Draft later with: termgen draft {tmp_path / 'deal.yaml'} -o out/" in " ".join(
        pasted(out).split()
    )


def test_an_empty_answer_where_empty_means_none_is_kept_as_none_not_left_open(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    terminal = ScriptedTerminal(_answers(spec))
    status, out, err = run_interview(terminal, "-o", target)
    assert (status, err) == (0, "")
    assert "parties#2.second_signatory.name" in terminal.asked
    saved, _ = read_answers(target)
    assert saved["parties"][1]["second_signatory"] is None  # no record of nothing
    assert "goals.value_sharing.revenue_share" in terminal.asked
    assert saved["goals"]["value_sharing"]["revenue_share"] is None
    assert not [path for path in saved["left_open"] if "signatory" in path or "share" in path]
    deal = load_deal(target).deal
    assert deal.parties[1].second_signatory is None
    assert deal.goals.value_sharing.revenue_share == {}
    again = ScriptedTerminal(_answers(spec, {"next": [f"Stop here{ENTER}"]}))
    status, out, err = run_interview(again, "--resume", target)
    assert (status, err) == (0, "")
    assert again.asked == ["review", "next"]
    assert "Fill in the details" not in out  # nothing is asked again
    assert "Revenue share per party (leave empty if none): none\n" in out


def test_each_party_list_entry_and_trigger_is_asked_in_words_that_fit_it(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    screen = io.StringIO()
    terminal = ScriptedTerminal(_answers(spec), screen=screen)
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, "")
    shown = " ".join(out.split())
    # The second signatory: a German AG's two board members for NAW, not for the Korean KSC.
    details = shown.split("Parties #1 (NAW", 1)[1]
    first, second = details.split("Parties #2 (KSC", 1)
    assert "A German AG or GmbH often signs through two" in first
    second = second.split("Address for notices")[0]
    assert "German" not in second
    assert "its articles or register entry say whether it needs two" in second
    # An IP licence is asked what it covers, not how much of it there is.
    contributions = read_answers(BATTERY)[0]["strengths"]["contributions"]
    kinds = [c["kind"] for c in contributions if c["kind"] != "plant_allocation"]
    licence = kinds.index("ip_licence") + 1
    assert f"contributions#{licence}.licence_reach" in terminal.asked
    assert f"contributions#{licence}.quantity" not in terminal.asked
    prompts = " ".join(screen.getvalue().split())
    assert "What the licence covers" in prompts
    assert "such as the vehicle programs or plants it may be used for" in shown
    # A convenience exit is asked for the terms of leaving, not for 'Details' of an event.
    assert "Terms of leaving without a reason" in prompts
    assert "triggers#7.convenience_terms" in terminal.asked
    assert "triggers#7.description" not in terminal.asked


def test_a_renewal_only_by_agreement_asks_by_when_it_must_be_agreed(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "exit.renewal.type": [f"only if both{ENTER}"],
        "exit.renewal.agreement_deadline": [f"{CLEAR}9 months{ENTER}"],
        "triggers": [CTRL_C],
    }
    screen = io.StringIO()
    terminal = ScriptedTerminal(_answers(spec, overrides), screen=screen)
    status, out, _ = run_interview(terminal, "-o", target)
    assert status == 130
    prompts = " ".join(screen.getvalue().split())
    assert "Notice needed to stop a renewal" not in prompts  # nothing renews to be stopped
    assert "How long before the term ends a renewal must be agreed" in prompts
    assert "without an agreed renewal by that day, the partnership ends" in " ".join(out.split())
    assert "exit.renewal.notice" not in terminal.asked
    assert read_answers(target)[0]["exit"]["renewal"] == {
        "type": "mutual_agreement",
        "period": "5 years",
        "notice": "9 months",
    }


def test_the_second_party_sees_examples_of_its_own_not_the_first_party_s(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    terminal = ScriptedTerminal(_answers(spec, {"parties#2.jurisdiction": [CTRL_C]}))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    shown = " ".join(out.split())
    first, second = shown.split("Parties #2", 1)
    assert "Example: NAW." in first and "Example: Nordhafen Automobilwerke AG." in first
    assert "Example: NAW." not in second and "Nordhafen" not in second
    assert "Example: KSC." in second and "Example: Kyungsan Cell Systems Co., Ltd." in second


def test_a_party_whose_country_is_not_known_yet_is_not_shown_the_deal_s_place(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """Under German law, the Korean partner was shown 'Germany' as the example of its own
    country of incorporation before it had given one."""
    overrides = {
        "deal.governing_law": [f"{CLEAR}Germany{ENTER}"],
        "parties#2.jurisdiction": [CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    second = " ".join(out.split()).split("Parties #2", 1)[1]
    assert "Example: Germany." not in second
    assert "Example: Delaware, USA." in second


def test_giving_the_term_takes_one_off_the_count_not_two(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    """The end date, asked only when the term is left empty, was counted beside the term
    until the term was given: the count went from 5 to 3 at one answer."""
    screen = io.StringIO()
    terminal = ScriptedTerminal(_answers(spec, {"exit.term.lock_in": [CTRL_C]}), screen=screen)
    status, _, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert terminal.asked[-2:] == ["exit.term.initial", "exit.term.lock_in"]
    out = screen.getvalue()
    counts = [int(count) for count in re.findall(r"\[(\d+) left\]", out)]
    term = re.search(r"\[(\d+) left\] Initial term", out)
    assert term is not None
    assert counts[-1] == int(term.group(1)) - 1, counts[-5:]


def test_an_invalid_answer_is_asked_again_with_the_reason(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    wrong = {
        "deal.date": [f"{CLEAR}2027-02-31{ENTER}", f"{CLEAR}2026-12-31{ENTER}"],
        "deal.governing_law": [CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, wrong))
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert "✗ '2027-02-31' is not a real date: February 2027 has 28 days" in out
    saved, _ = read_answers(tmp_path / "deal.yaml")
    assert str(saved["deal"]["date"]) == "2026-12-31"
    assert "governing_law" not in saved["deal"]
    assert "Continue with:" in err and "termgen interview " in err


def test_ctrl_c_then_resume_reaches_the_same_file(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    example = read_answers(BATTERY)[0]
    partial = copy.deepcopy(example)
    second_contribution = partial["strengths"]["contributions"][1]
    for key in ("quantity", "tracking", "acceptance"):
        del second_contribution[key]
    del partial["exit"]["renewal"]["notice"]
    prefilled = tmp_path / "prefilled.yaml"
    prefilled.write_text(dump_answers(partial), encoding="utf-8")
    target = tmp_path / "deal.yaml"
    first = ScriptedTerminal(ExampleAnswers(spec, example, {"exit.renewal.notice": [CTRL_C]}))
    status, _, err = run_interview(first, "--answers", prefilled, "-o", target)
    assert status == 130
    assert first.asked == ["contributions#2.quantity", "exit.renewal.notice"]
    assert f"Interview paused. Your answers are saved in {target}." in " ".join(err.split())
    paused, _ = read_answers(target)
    assert paused["strengths"]["contributions"][1]["quantity"] == "USD 1.6bn"
    assert "notice" not in paused["exit"]["renewal"]
    second = ScriptedTerminal(ExampleAnswers(spec, example))
    status, out, err = run_interview(second, "--resume", target)
    assert (status, err) == (0, "")
    assert " ".join(out.split()).startswith(f"Going on with the answers in {target}: the questions")
    assert (
        "Going on"
        not in run_interview(ScriptedTerminal(lambda key: CTRL_C), "-o", tmp_path / "new.yaml")[1]
    )
    assert second.asked[0] == "exit.renewal.notice"
    assert "contributions#2.tracking" in second.asked
    resumed = load_deal(target).deal.model_copy(update={"left_open": []})
    assert resumed == load_deal(BATTERY).deal


def test_changing_an_answer_in_review_asks_its_dependents_again(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    overrides = {
        "review": [f"Agreed exit{ENTER}", f"Everything is right{ENTER}"],
        "review.answer": [f"Renewal at the end{ENTER}"],
        "exit.renewal.type": [f"automatic{ENTER}", f"one party's option{ENTER}"],
        "exit.renewal.option_holder": [f"NAW{ENTER}"],
        "next": [f"Stop here{ENTER}"],
    }
    target = tmp_path / "deal.yaml"
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, _, err = run_interview(terminal, "-o", target)
    assert (status, err) == (0, "")
    after_review = terminal.asked[terminal.asked.index("review.answer") + 1 :]
    assert after_review[: after_review.index("review")] == [
        "exit.renewal.type",
        "exit.renewal.period",
        "exit.renewal.option_holder",
        "exit.renewal.option_notice",  # the notice to renew, not the notice to stop a renewal
    ]
    renewal = read_answers(target)[0]["exit"]["renewal"]
    assert (renewal["type"], renewal["option_holder"], renewal["notice"]) == (
        "party_option",
        "NAW",
        "18 months",
    )


def test_without_a_terminal_it_lists_what_is_missing_or_invalid(tmp_path: Path) -> None:
    partial = tmp_path / "partial.yaml"
    partial.write_text("deal:\n  name: Project X\n", encoding="utf-8")
    result = run_cli("interview", "--answers", partial)
    assert result.status == 2
    assert "Parties and purpose: What is the partnership for? (deal.purpose)" in result.out
    assert "Parties: at least 2 needed (parties)" in result.out
    complete = run_cli("interview", "--answers", BATTERY, "--no-input")
    assert complete.status == 0
    assert complete.out.strip() == "Nothing is missing: every required answer is given."
    bad = tmp_path / "bad.yaml"
    text = BATTERY.read_text(encoding="utf-8").replace("owner: joint", "owner: BMW", 1)
    bad.write_text(text, encoding="utf-8")
    refused = run_cli("interview", "--resume", bad, "--no-input")
    assert refused.status == 2
    assert "'BMW' is not a party, 'joint' or a governance body" in refused.err
    assert f"{bad}:" in refused.err
    assert "Nothing is missing" not in refused.out


def test_many_refused_answers_without_input_list_the_first_and_how_many_more(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "pasted.yaml"
    stray = "".join(f"stray_{n}: 1\n" for n in range(PROBLEMS_SHOWN + 7))
    bad.write_text(BATTERY.read_text(encoding="utf-8") + stray, encoding="utf-8")
    refused = run_cli("interview", "--answers", bad, "-o", tmp_path / "z.yaml", "--no-input")
    assert refused.status == 2
    lines = refused.err.splitlines()
    assert f"stray_{PROBLEMS_SHOWN - 1}'" in lines[PROBLEMS_SHOWN - 1]
    assert lines[PROBLEMS_SHOWN] == f"… and 7 more; 'termgen validate --all {bad}' prints every one"
    assert not (tmp_path / "z.yaml").exists()


def test_answers_without_input_are_written_to_the_output(tmp_path: Path) -> None:
    target = tmp_path / "z.yaml"
    result = run_cli("interview", "--answers", BATTERY, "-o", target, "--no-input")
    assert result.status == 0, result.err
    assert f"Answers written to {target}" in result.out
    assert load_deal(target).deal == load_deal(BATTERY).deal
    assert target.read_text(encoding="utf-8") == BATTERY.read_text(encoding="utf-8")
    again = run_cli("interview", "--answers", BATTERY, "-o", target, "--no-input")
    assert again.status == 2 and "already exists" in again.err


def test_an_existing_answer_file_is_never_started_over(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text("deal:\n  name: Keep me\n", encoding="utf-8")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal, "-o", target)
    assert status == 2
    assert f"{target}: already exists; continue it with 'termgen interview {target}'" in err
    assert target.read_text(encoding="utf-8") == "deal:\n  name: Keep me\n"
    assert terminal.asked == []
    assert run_cli("interview", "--resume", target, "--answers", target).status == 2


SOFTWARE = EXAMPLES_DIR / "sdv-software.yaml"


def _resume_software(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    change: Callable[[dict[str, Any]], None],
    overrides: dict[str, list[str]],
) -> tuple[ScriptedTerminal, str, Path]:
    """Resume the software example, changed as given, answering as the example does."""
    example = read_answers(SOFTWARE)[0]
    partial = copy.deepcopy(example)
    change(partial)
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    return terminal, out, target


def _resume_software_until_paused(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    overrides: dict[str, list[str]],
) -> tuple[ScriptedTerminal, str, Path]:
    """Resume the software example as it is, answering as it does, until Ctrl-C."""
    target = tmp_path / "deal.yaml"
    target.write_text(SOFTWARE.read_text(encoding="utf-8"), encoding="utf-8")
    terminal = ScriptedTerminal(ExampleAnswers(spec, read_answers(SOFTWARE)[0], overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    return terminal, out, target


def test_a_finding_is_settled_from_the_menu_after_the_findings(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def without_tracking(data: dict[str, Any]) -> None:
        del data["strengths"]["contributions"][1]["tracking"]
        data["governance"]["clean_team"] = {"required": False}

    overrides = {"next": [f"Settle{ENTER}", f"Stop{ENTER}"], "settle": [f"tracking{ENTER}"]}
    terminal, out, target = _resume_software(tmp_path, spec, without_tracking, overrides)
    assert terminal.asked[:4] == ["review", "next", "settle", "contributions#2.tracking"]
    assert terminal.asked[4:] == ["next"]
    tracking = read_answers(target)[0]["strengths"]["contributions"][1]["tracking"]
    assert tracking == read_answers(SOFTWARE)[0]["strengths"]["contributions"][1]["tracking"]
    assert out.count("contribution has no tracking") == 1


def test_settling_an_answer_left_open_asks_that_question_first(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def cure_left_open(data: dict[str, Any]) -> None:
        breach = data["exit"]["triggers"][0]
        assert breach["kind"] == "breach"
        del breach["cure"]
        del data["governance"]["disputes"]["seat"]
        data["left_open"] = ["exit.triggers.0.cure", "governance.disputes.seat"]

    overrides = {"next": [f"Settle{ENTER}", f"Stop{ENTER}"], "settle": [f"Cure{ENTER}"]}
    terminal, _, target = _resume_software(tmp_path, spec, cure_left_open, overrides)
    settle = terminal.asked.index("settle")
    assert terminal.asked[settle + 1] == "triggers#1.cure"
    saved = read_answers(target)[0]
    expected = read_answers(SOFTWARE)[0]["exit"]["triggers"][0]["cure"]
    assert saved["exit"]["triggers"][0]["cure"] == expected
    assert "exit.triggers.0.cure" not in saved["left_open"]
    assert "governance.disputes.seat" in saved["left_open"]


def test_esc_at_the_question_of_a_finding_goes_back_to_the_findings(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    """Not to a question answered in the pass before, with the count going up."""

    def seat_left_open(data: dict[str, Any]) -> None:
        del data["governance"]["disputes"]["seat"]
        data["left_open"] = ["governance.disputes.seat"]

    overrides = {
        "next": [f"Settle{ENTER}", f"Stop{ENTER}"],
        "settle": [f"seat{ENTER}"],
        "governance.disputes.seat": [ESCAPE],
    }
    terminal, out, target = _resume_software(tmp_path, spec, seat_left_open, overrides)
    settle = terminal.asked.index("settle")
    assert terminal.asked[settle + 1 :] == ["governance.disputes.seat", "next"]
    assert "The finding is not settled: its answer is as it was." in " ".join(out.split())
    assert "governance.disputes.seat" in read_answers(target)[0]["left_open"]


def test_the_review_leaves_out_a_section_the_deal_has_nothing_in(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = _resume_software(tmp_path, spec, lambda _: None, {"next": [f"Stop{ENTER}"]})
    review = out.split("── Review ──", 1)[1]
    assert "Parties and purpose" in review
    assert "The joint-venture company" not in review  # a software deal has no JV company


def test_a_change_that_removes_answers_says_which_and_asks_first(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    name_left_open = BATTERY.read_text(encoding="utf-8").replace(
        "  name: Volta Cells North America, Inc.\n", "", 1
    )
    target.write_text(f"{name_left_open}left_open:\n  - company.name\n", encoding="utf-8")
    structure = [f"Parties and purpose{ENTER}"] * 2
    overrides = {
        "review": [*structure, f"Everything is right{ENTER}"],
        "review.answer": [f"Legal structure{ENTER}"] * 2,
        "deal.structure": [f"contractual alliance{ENTER}"] * 2,
        "deal.structure:remove": [ENTER, f"Yes{ENTER}"],  # Enter: the default, No
        "next": [f"Stop here{ENTER}"],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    said = " ".join(out.split())
    removed = "This removes 31 answers that no longer apply: equity per party; country or state it"
    assert f"{removed} is to be incorporated in; legal form;" in said
    assert "board seats per party;" in said
    # No stake to buy out without a company; and what was left open goes too, said so.
    removes = "; stake buy-out (1 entry). It also removes 1 answer left open: name of the joint"
    assert removes in said
    assert said.count("This removes 31 answers") == 2
    assert "The answer is as it was." in said
    assert terminal.asked.count("deal.structure") == 2
    saved = read_answers(target)[0]
    assert saved["deal"]["structure"] == "contractual_alliance"
    assert "company" not in saved and "left_open" not in saved
    assert "equity" not in saved["goals"]["value_sharing"]
    assert "equity_stake" not in [asset["asset"] for asset in saved["exit"]["assets"]]


def test_esc_goes_back_to_the_previous_question_and_back_or_a_question_mark_is_no_answer(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {
        "deal.name": [
            f"{CLEAR}Project X{ENTER}",
            f"{CLEAR}back{ENTER}",  # the first question: nothing before it
            f"{CLEAR}?{ENTER}",
            ENTER,  # the answer given before is the default
        ],
        "deal.purpose": [ESCAPE, CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert terminal.asked == ["deal.name", "deal.purpose", *["deal.name"] * 3, "deal.purpose"]
    said = " ".join(out.split())
    assert said.count(KEYS) == 2  # at the start, and after '?'
    assert "No answer was given before this one in this session" in said
    assert "To leave it open" not in said  # the deal's name is required
    assert read_answers(tmp_path / "deal.yaml")[0]["deal"] == {"name": "Project X"}


def test_the_answer_file_may_be_given_alone_to_start_or_continue_it(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    first = ScriptedTerminal(_answers(spec, {"deal.purpose": [CTRL_C]}))
    status, _, err = run_interview(first, target)
    assert status == 130 and f"  termgen interview {target}\n" in pasted(err)
    assert read_answers(target)[0]["deal"] == {"name": "Project Volta"}
    again = ScriptedTerminal(_answers(spec, {"deal.purpose": [CTRL_C]}))
    assert run_interview(again, target)[0] == 130
    assert again.asked == ["deal.purpose"]  # continued, not started over
    twice = run_cli("interview", target, "-o", tmp_path / "other.yaml")
    assert twice.status == 2 and "Traceback" not in twice.err
    assert f"the answer file is given twice: 'termgen interview {target}' or '-o FILE'" in twice.err


def test_esc_after_removing_a_list_entry_does_not_go_back_into_it(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    removals = [f"Remove #4{ENTER}", f"Remove #4{ENTER}", f"Done{ENTER}"]
    example = _answers(
        spec,
        {
            "survival": [f"Add {ENTER}"] * 3 + removals,
            "survival:remove": [ENTER, f"Yes{ENTER}"],  # Enter: the default, No
        },
    )
    after: list[str] = []

    def keys(key: str) -> str:
        """The example's answers until the list is done; then Esc, then Ctrl-C."""
        listed = "survival" in terminal.asked and not example.overrides["survival"]
        if after or (listed and key != "survival"):
            after.append(key)
            return ESCAPE if len(after) == 1 else CTRL_C
        return example(key)

    terminal = ScriptedTerminal(keys)
    status, _, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, "internal error" in err) == (130, False), err
    assert len(read_answers(tmp_path / "deal.yaml")[0]["exit"]["survival"]) == 3
    assert terminal.asked.count("survival:remove") == 2 and terminal.asked.count("survival") == 6
    back_to = terminal.asked[-1]
    assert not back_to.startswith("survival#4"), terminal.asked[-8:]


def test_a_list_of_one_entry_is_changed_from_the_review(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def stake_left_open(data: dict[str, Any]) -> None:
        del data["exit"]["assets"][0]["treatment"]
        data["left_open"] = ["exit.assets.0.treatment"]

    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    partial = copy.deepcopy(example)
    stake_left_open(partial)
    target.write_text(dump_answers(partial), encoding="utf-8")
    treatment = "The other party may buy it at book value."
    overrides = {
        "review": [f"Agreed exit{ENTER}", f"Everything is right{ENTER}"],
        "review.answer": [f"Stake buy-out{ENTER}"],
        "stake_buy_out#1.treatment": [f"{CLEAR}{treatment}{ENTER}"],
        "next": [f"Stop here{ENTER}"],
    }
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    assert "Stake buy-out: (left open)" in out
    after_review = terminal.asked[terminal.asked.index("review.answer") + 1 :]
    assert after_review[0] == "stake_buy_out#1.treatment"
    saved = read_answers(target)[0]
    assert saved["exit"]["assets"][0] == {"asset": "equity_stake", "treatment": treatment}
    assert "left_open" not in saved


def test_esc_on_the_suggestions_or_a_list_goes_back_to_the_question_before(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {"preset": [ESCAPE], "parties": [ESCAPE], "objectives#1.statement": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, _, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert terminal.asked[:6] == [
        "deal.name",
        "deal.purpose",
        "preset",
        "deal.purpose",  # Esc on the suggestions
        "preset",  # offered again after it
        "deal.structure",
    ]
    parties = terminal.asked.index("parties")
    assert terminal.asked[parties:] == [
        "parties",
        "parties#2.jurisdiction",  # Esc on the list
        "parties",
        "objectives#1.statement",
    ]


def test_esc_after_the_review_goes_back_to_what_next_and_never_ends_the_interview(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def without_tracking(data: dict[str, Any]) -> None:
        del data["strengths"]["contributions"][1]["tracking"]

    drafts = tmp_path / "drafts"
    drafts.mkdir()
    kept = drafts / "project-keystone-term-sheet-v0.7.docx"
    kept.write_text("keep", encoding="utf-8")
    overrides = {
        "next": [f"Settle{ENTER}", *[f"Draft{ENTER}"] * 3, f"Stop{ENTER}"],
        "settle": [ESCAPE],
        "draft.folder": [ESCAPE, f"{CLEAR}{kept}{ENTER}", f"{CLEAR}{drafts}{ENTER}"],
        "draft.replace": [ESCAPE],
    }
    terminal, out, _ = _resume_software(tmp_path, spec, without_tracking, overrides)
    assert terminal.asked[terminal.asked.index("review") :] == [
        "review",
        "next",
        "settle",  # Esc: back to what next
        "next",
        "draft.folder",  # Esc: back to what next
        "next",
        "draft.folder",  # a file, not a folder: back to what next
        "next",
        "draft.folder",
        "draft.replace",  # Esc: the files are kept
        "next",
    ]
    assert kept.read_text(encoding="utf-8") == "keep"
    said = " ".join(out.split())
    assert f"drafts of this deal are already in {drafts}: replace them below, or keep" in said
    assert f"{kept} is a file: choose Draft again and give a folder" in said
    assert "--force" not in said
    assert "Draft later with: termgen draft" in said


def test_up_in_a_text_field_does_not_bring_back_another_questions_answer(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    up = "\x1b[A"
    overrides = {"deal.date": [f"{up}{ENTER}"], "deal.governing_law": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    assert "is not a date" not in out
    assert read_answers(tmp_path / "deal.yaml")[0]["deal"]["date"] == TODAY  # the default


def test_common_ways_of_writing_a_date_or_a_split_are_taken_or_explained(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {
        "deal.date": [f"{CLEAR}Q3 2028{ENTER}", f"{CLEAR}1 Jan 2027{ENTER}"],
        "goals.value_sharing.equity": [f"{CLEAR}50-50{ENTER}"],
        "company.board.seats": [f"{CLEAR}3 each{ENTER}"],
        "company.board.chair": [CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    said = " ".join(out.split())
    assert "✗ Q3 2028 is a quarter, not a day; type the day you mean as YYYY-MM-DD, e.g." in said
    saved = read_answers(tmp_path / "deal.yaml")[0]
    assert str(saved["deal"]["date"]) == "2027-01-01"
    assert saved["goals"]["value_sharing"]["equity"] == {"NAW": 50, "KSC": 50}
    assert saved["company"]["board"]["seats"] == {"NAW": 3, "KSC": 3}


def test_a_list_finished_with_none_is_not_asked_again_on_resume(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    example = read_answers(BATTERY)[0]
    contributions = example["strengths"]["contributions"]
    example["strengths"]["contributions"] = [
        c for c in contributions if c["kind"] != "plant_allocation"
    ]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(example), encoding="utf-8")
    first = ScriptedTerminal(ExampleAnswers(spec, example, {"review": [CTRL_C]}))
    assert run_interview(first, "--resume", target)[0] == 130
    assert first.asked == ["offtake", "review"]  # Done, with no offtake commitment
    assert read_answers(target)[0]["strengths"]["none_of"] == ["plant_allocation"]
    again = ScriptedTerminal(ExampleAnswers(spec, example, {"review": [CTRL_C]}))
    status, out, _ = run_interview(again, "--resume", target)
    assert status == 130
    assert again.asked == ["review"]
    assert "Offtake commitments: none" in out
    added = ScriptedTerminal(
        ExampleAnswers(
            spec,
            read_answers(BATTERY)[0],
            {
                "review": [f"Complementary{ENTER}", CTRL_C],
                "review.answer": [f"Offtake{ENTER}"],
                "offtake": [f"Add{ENTER}", f"Done{ENTER}"],
            },
        )
    )
    assert run_interview(added, "--resume", target)[0] == 130
    saved = read_answers(target)[0]["strengths"]
    assert "none_of" not in saved
    assert [c["kind"] for c in saved["contributions"]].count("plant_allocation") == 1


def test_a_switch_removes_the_lists_finished_with_none_that_no_longer_apply_and_names_them(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    partial = copy.deepcopy(read_answers(BATTERY)[0])
    strengths = partial["strengths"]
    strengths["contributions"] = [
        entry for entry in strengths["contributions"] if entry["kind"] != "plant_allocation"
    ]
    strengths["none_of"] = ["plant_allocation"]  # no offtake commitments, said on purpose
    partial["company"]["reserved_matters"] = []  # none, said on purpose
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    overrides = {
        "review": [f"Parties and purpose{ENTER}"] * 2,
        "review.answer": [f"Legal structure{ENTER}", f"What is the partnership for{ENTER}"],
        "deal.structure": [f"contractual alliance{ENTER}"],
        "deal.structure:remove": [f"Yes{ENTER}"],
        "deal.purpose": [f"software{ENTER}"],
        "deal.purpose:remove": [f"Yes{ENTER}"],
        "release_bandwidth": [CTRL_C],
    }
    terminal = ScriptedTerminal(ExampleAnswers(spec, partial, overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert "; reserved matters (none); key officers (3 entries);" in said
    assert "This removes 1 answer that no longer applies: offtake commitments (none)." in said
    saved = read_answers(target)[0]
    assert "none_of" not in saved["strengths"] and "company" not in saved


def test_suggested_answers_taken_follow_a_switch_of_the_legal_structure(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    suggested = spec.preset("electrification").defaults["exit.assets"]
    assert "JV" in suggested[0]["treatment"]
    partial = copy.deepcopy(read_answers(BATTERY)[0])
    partial["exit"]["assets"] = [partial["exit"]["assets"][0], *copy.deepcopy(suggested)]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    overrides = {
        "review": [f"Parties and purpose{ENTER}", f"Everything is right{ENTER}"],
        "review.answer": [f"Legal structure{ENTER}"],
        "deal.structure": [f"contractual alliance{ENTER}"],
        "deal.structure:remove": [f"Yes{ENTER}"],
        "next": [f"Stop here{ENTER}"],
    }
    terminal = ScriptedTerminal(ExampleAnswers(spec, partial, overrides))
    status, out, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    said = " ".join(out.split())
    followed = "The suggested answers taken for shared assets on exit now follow the new legal"
    assert followed in said
    assert (
        spec.preset("electrification", "contractual_alliance").defaults["exit.assets"]
        == (read_answers(target)[0]["exit"]["assets"])
    )
    assert "Stays with the JV" not in said.split(followed)[1]


def test_a_list_that_expects_entries_may_be_finished_with_none(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def without_release_bandwidth(data: dict[str, Any]) -> None:
        contributions = data["strengths"]["contributions"]
        kept = [c for c in contributions if c["kind"] != "software_release_bandwidth"]
        assert len(kept) < len(contributions)
        data["strengths"]["contributions"] = kept

    overrides = {"release_bandwidth": [f"None{ENTER}"], "next": [f"Stop{ENTER}"]}
    terminal, out, target = _resume_software(tmp_path, spec, without_release_bandwidth, overrides)
    assert terminal.asked[0] == "release_bandwidth"
    said = " ".join(out.split())
    assert "Release bandwidth: at least 1 expected, or none" in said
    saved = read_answers(target)[0]
    assert saved["strengths"]["none_of"] == ["software_release_bandwidth"]
    assert "Release bandwidth: none" in said.split("── Review ──")[1]


def test_esc_in_the_first_entry_of_a_list_that_needs_it_goes_back_to_the_question_before(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {"parties#1.short_name": [ESCAPE, CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    first = terminal.asked.index("parties#1.short_name")
    before = terminal.asked[first - 1]
    assert terminal.asked[first:] == ["parties#1.short_name", before, "parties#1.short_name"]
    assert "Cancelled: no party added." in out


def test_esc_later_in_a_new_entry_that_the_list_needs_goes_back_before_the_entry(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {"parties#2.legal_name": [ESCAPE, CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130, err
    assert "Cancelled: no party added." in out
    # The second party's short name went with it: the question before the entry comes back,
    # then the entry from its start.
    cancelled = terminal.asked.index("parties#2.legal_name")
    assert terminal.asked[cancelled - 2 :] == [
        "parties#1.jurisdiction",
        "parties#2.short_name",
        "parties#2.legal_name",
        "parties#1.jurisdiction",
        "parties#2.short_name",
        "parties#2.legal_name",
    ]


def test_on_a_narrow_terminal_a_long_prompt_leaves_room_to_type_or_asks_below(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    screen = io.StringIO()
    overrides = {"parties#1.jurisdiction": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides), screen=screen)
    status, _, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml", columns=60)
    assert status == 130
    # "[84 left: 1 for the new party] Country or state it is incorporated in " leaves none
    # of 60 columns.
    shown = " ".join(screen.getvalue().split())
    asked_below = r"\[\d+ left: 1 for the new party\] Country or state it is incorporated in ›"
    assert re.search(asked_below, shown)
    assert "Project name of the deal ›" not in shown  # room enough beside a short prompt


def test_on_a_narrow_terminal_a_question_after_a_long_mark_wraps_within_the_width(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    screen = io.StringIO()
    overrides = {"objectives#1.owner": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides), screen=screen)
    status, _, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml", columns=60)
    assert status == 130
    lines = [line.strip() for line in screen.getvalue().splitlines()]
    start = next(n for n, line in enumerate(lines) if "Who owns it" in line)
    # At 60 columns the mark leaves 24 for the question: it goes on below, at full width,
    # never cut by the terminal mid-word.
    assert lines[start].endswith("for the new objective] Who owns it (a party,")
    assert len(lines[start]) <= 60
    assert lines[start + 1] == "joint, or a governance body)"


def test_a_long_answer_is_laid_out_at_word_boundaries_as_it_is_typed(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    screen = io.StringIO()
    name = "Project Ampere Cells Europe for the German Korean battery venture"
    overrides = {"deal.name": [f"{CLEAR}{name}{ENTER}"], "deal.purpose": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides), screen=screen)
    status, _, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    # The line editor of these pipes is 80 columns wide: typed after the 36 columns of its
    # prompt, 'Korean' would have been cut after its first two letters; it moves down whole.
    lines = screen.getvalue().splitlines()
    typed_at = next(n for n, line in enumerate(lines) if line.endswith(" the German"))
    assert re.fullmatch(
        rf"\[\d+ left\] Project name of the deal {name[:42]}", lines[typed_at].strip()
    )
    assert lines[typed_at + 1] == "Korean battery venture"


def test_on_a_narrow_terminal_the_pause_message_never_cuts_the_file_name(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "a-rather-long-name-for-the-answer-file.yaml"
    terminal = ScriptedTerminal(_answers(spec, {"deal.purpose": [CTRL_C]}))
    status, _, err = run_interview(terminal, "-o", target, columns=60)
    assert status == 130
    lines = err.splitlines()
    assert "Interview paused. Your answers are saved in" in lines
    assert f"{target}." in lines  # the whole path, on a line of its own
    # Too long for a line, the command goes on with the shell's line continuation.
    assert ["Continue with:", "  termgen interview \\", f"    {target}"] == lines[-3:]


def test_a_term_given_by_its_end_date_is_not_left_open(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    overrides = {
        "exit.term.initial": [f"{CLEAR}{ENTER}"],
        "exit.term.end_date": [f"{CLEAR}2031-12-31{ENTER}"],
        "exit.term.lock_in": [CTRL_C],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130, err
    assert "If the partnership ends on a date instead, leave it empty" in " ".join(out.split())
    saved = read_answers(tmp_path / "deal.yaml")[0]
    assert str(saved["exit"]["term"]["end_date"]) == "2031-12-31"
    assert "exit.term.initial" not in saved.get("left_open", [])


def test_esc_on_a_question_asked_again_after_a_change_comes_back_to_it_in_order(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {
        "review": [f"Parties and purpose{ENTER}"],
        "review.answer": [f"Legal structure{ENTER}"],
        "deal.structure": [f"equity joint venture{ENTER}"],
        "deal.structure:remove": [f"Yes{ENTER}"],
        "company.name": [f"{CLEAR}Newco{ENTER}", ENTER],
        "company.jurisdiction": [ESCAPE, CTRL_C],
    }
    terminal, out, _ = _resume_software_until_paused(tmp_path, spec, overrides)
    after = terminal.asked[terminal.asked.index("company.name") :]
    assert after == [
        "company.name",
        "company.jurisdiction",
        "company.name",
        "company.jurisdiction",
    ]
    # Most of them were never asked before: not "asked again".
    said = " ".join(out.split())
    assert "questions depend on it: asked now, with any answer given before to keep" in said


def test_the_commands_to_go_on_later_are_never_broken_across_lines_by_the_terminal(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """Too long for a line of their own, they are broken between words with the shell's
    line continuation: pasted as printed, they run as they are."""
    target = tmp_path / "an-answer-file-with-a-name-long-enough-to-fill-a-line.yaml"
    target.write_text(SOFTWARE.read_text(encoding="utf-8"), encoding="utf-8")
    terminal = ScriptedTerminal(_answers(spec, {"next": [f"Stop{ENTER}"]}))
    status, out, err = run_interview(terminal, "--resume", target, columns=60)
    assert (status, err) == (0, "")
    for lead, command in [
        ("Draft later with:", f"termgen draft {target} -o out/"),
        ("Or continue with:", f"termgen interview {target}"),
    ]:
        printed = out.split(f"{lead}\n", 1)[1]
        lines = [printed.splitlines()[0]]
        while lines[-1].endswith(" \\"):
            lines.append(printed.splitlines()[len(lines)])
        assert all(len(line) <= 60 or str(target) in line for line in lines), lines
        assert " ".join(line.removesuffix(" \\").strip() for line in lines) == command


def test_at_60_columns_leaving_a_list_open_says_why_in_full(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    example = read_answers(SOFTWARE)[0]
    partial = copy.deepcopy(example)
    del partial["governance"]["escalation"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    screen = io.StringIO()
    overrides = {"escalation#1.level": [ESCAPE], "escalation": [CTRL_C]}
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, overrides), screen=screen)
    status, _, err = run_interview(terminal, "--resume", target, columns=60)
    assert status == 130, err
    assert terminal.asked == ["escalation#1.level", "escalation"]
    assert "Leave escalation path open (a finding until settled)" in screen.getvalue()


def test_an_empty_answer_an_entry_needs_says_how_to_cancel_the_entry(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {"objectives#1.statement": [f"{CLEAR}{ENTER}", ESCAPE], "objectives": [CTRL_C]}
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    said = " ".join(out.split())
    assert "✗ an objective needs this answer: type it, or press Esc to cancel the objective" in said


def test_ctrl_c_in_the_details_pass_pauses_like_anywhere_else(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    terminal = ScriptedTerminal(_answers(spec, {"contributions#1.tracking": [CTRL_C]}))
    status, _, err = run_interview(terminal, "-o", target)
    said = " ".join(pasted(err).split())
    assert status == 130
    assert "review" in terminal.asked and terminal.asked[-1] == "contributions#1.tracking"
    assert f"Interview paused. Your answers are saved in {target}." in said
    assert f"Continue with: termgen interview {target}" in said
    assert f"Or draft them as they are: termgen draft {target} -o out/" in said
    assert load_deal(target).deal.deal.name == load_deal(BATTERY).deal.deal.name
    # Going on, the details go on where they stopped: not the review of the first pass.
    again = ScriptedTerminal(_answers(spec, {"contributions#1.tracking": [CTRL_C]}))
    status, _, err = run_interview(again, target)
    assert status == 130, err
    assert again.asked[-1] == "contributions#1.tracking"
    assert "review" not in again.asked


def _without_renewal_notice() -> dict[str, Any]:
    """The battery JV's answers but one: resuming them asks for the notice to stop a renewal."""
    example = read_answers(BATTERY)[0]
    del example["exit"]["renewal"]["notice"]
    return example


def test_an_answer_file_edited_elsewhere_meanwhile_is_never_written_over(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    example = _without_renewal_notice()
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(example), encoding="utf-8")
    edited = target.read_text(encoding="utf-8") + "# a note added in the editor\n"
    answers = ExampleAnswers(spec, read_answers(BATTERY)[0])

    def edit_then_answer(key: str) -> str:
        if key == "exit.renewal.notice":
            target.write_text(edited, encoding="utf-8")
        return answers(key)

    terminal = ScriptedTerminal(edit_then_answer)
    status, _, err = run_interview(terminal, "--resume", target)
    said = " ".join(err.split())
    assert status == 2
    assert terminal.asked == ["exit.renewal.notice"]
    assert f"{target}: changed on disk while the interview ran" in said
    assert f"Continue with: termgen interview {target}" in said
    assert target.read_text(encoding="utf-8") == edited


def test_a_resumed_file_keeps_its_line_endings_and_byte_order_mark(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    example = _without_renewal_notice()
    target = tmp_path / "deal.yaml"
    target.write_bytes(b"\xef\xbb\xbf" + dump_answers(example).replace("\n", "\r\n").encode())
    terminal = ScriptedTerminal(ExampleAnswers(spec, read_answers(BATTERY)[0]))
    status, _, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    assert terminal.asked[0] == "exit.renewal.notice"
    saved = target.read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf") and b"\n" not in saved.replace(b"\r\n", b"")
    resumed = load_deal(target).deal.model_copy(update={"left_open": []})
    assert resumed == load_deal(BATTERY).deal


def test_an_unwritable_place_is_refused_before_the_first_question(tmp_path: Path) -> None:
    in_the_way = tmp_path / "notes.txt"
    in_the_way.write_text("a file, not a folder")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal, "-o", in_the_way / "deal.yaml")
    assert status == 2
    assert "cannot write here: a file is in the way where a folder is needed" in err
    assert terminal.asked == []
    assert in_the_way.read_text() == "a file, not a folder"


def test_a_folder_given_as_the_answer_file_says_to_name_a_file(tmp_path: Path) -> None:
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal, "-o", tmp_path)
    assert status == 2
    assert f"{tmp_path}: is a folder; give the name of the answer file to save" in err
    assert f"for example {tmp_path / 'deal.yaml'}" in err
    assert terminal.asked == []


def test_what_esc_does_to_an_entry_is_said_as_it_is_added_and_as_it_is_edited(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {
        "parties": [f"Edit #1{ENTER}", CTRL_C],
        "parties#1.short_name": [f"{CLEAR}NAW{ENTER}", ESCAPE],
    }
    terminal = ScriptedTerminal(_answers(spec, overrides))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert status == 130
    said = out.splitlines()
    assert "Parties #1 · Esc cancels this party" in said
    assert "Parties #1 (NAW (Nordhafen Automobilwerke AG)) · Esc keeps this party as it was" in said
    assert "  Cancelled: the party is as it was." in said


def test_a_percentage_reads_as_one_in_the_review_and_the_suggestions(spec) -> None:  # type: ignore[no-untyped-def]
    (payout,) = [
        item
        for section in spec.sections
        for item in section.items
        if isinstance(item, Question) and item.path == "company.dividends.payout_percent"
    ]
    assert answer_text(payout, Decimal("40")) == "40 %"  # a bare '40' could count anything


def test_the_schema_the_answer_file_names_is_written_beside_it(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    terminal = ScriptedTerminal(_answers(spec, {"deal.structure": [CTRL_C]}))
    status, _, _ = run_interview(terminal, "-o", target)
    assert status == 130
    first_line = target.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=termgen.schema.json"
    # What the editor reads there is the schema `termgen schema` prints.
    schema = tmp_path / "termgen.schema.json"
    assert schema.read_text(encoding="utf-8") == run_cli("schema").out
    assert sorted(path.name for path in tmp_path.iterdir()) == ["deal.yaml", "termgen.schema.json"]


LIABILITY_CAP = "goals.liability.cap"


def _deal_of(folder: Path, parties: int) -> Path:
    """The incomplete example with `parties` parties, paused in its details."""
    data = read_answers(EXAMPLES_DIR / "incomplete-deal.yaml")[0]
    data["paused_at"] = "details"  # it goes on with the details, the liability's among them
    if parties == 3:
        third = {**copy.deepcopy(data["parties"][1]), "short_name": "VLK", "legal_name": "Volk AB"}
        data["parties"].append(third)
    folder.mkdir()
    target = folder / "deal.yaml"
    target.write_text(dump_answers(data), encoding="utf-8")
    return target


def test_a_deal_of_two_parties_is_asked_about_the_other_party_not_the_others(
    tmp_path: Path,
) -> None:
    asked = {}
    for parties in (2, 3):
        screen = io.StringIO()
        terminal = ScriptedTerminal(
            lambda key: CTRL_C if key == LIABILITY_CAP else ENTER, screen=screen, most_prompts=60
        )
        status, out, _ = run_interview(
            terminal, "--resume", _deal_of(tmp_path / str(parties), parties)
        )
        assert status == 130 and terminal.asked[-1] == LIABILITY_CAP, terminal.asked
        asked[parties] = " ".join((out + screen.getvalue()).split())
    two, three = asked[2], asked[3]
    # The help of a question, and the prompt of another.
    assert "a party tells the other party before it cooperates with a third party" in two
    assert "Limit of each party's liability to the other party" in two
    assert "the others" not in two and "other parties" not in two and "or parties" not in two
    assert "a party tells the others before it cooperates with a third party" in three
    assert "Limit of each party's liability to the other parties" in three
    assert "party or parties" not in three
    # And the choices: of three parties, all agree, not both.
    assert "only if both parties agree" in two and "only if all parties agree" not in two
    assert "only if all parties agree" in three and "both parties" not in three


def _shown_texts(value: Any) -> list[str]:
    """Every text of the interview definition below `value` (prompts, help, examples,
    choices, intros)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [
            text for name in type(value).model_fields for text in _shown_texts(getattr(value, name))
        ]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _shown_texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _shown_texts(item)]
    return []


def test_no_text_of_the_interview_speaks_of_one_other_party_to_a_deal_of_three() -> None:
    spec, _ = load_spec()
    one_other = re.compile(r"\bthe other party\b|\bthe other's\b", re.IGNORECASE)
    texts = [text for section in spec.sections for text in _shown_texts(section)]
    of_three = [for_parties(text, 3) for text in texts]
    assert [text for text in of_three if one_other.search(text)] == []
    assert "Long enough for the others to re-source." in of_three
    assert "Limit of each party's liability to the other parties" in of_three
    of_two = [for_parties(text, 2) for text in texts]
    assert "Long enough for the other party to re-source." in of_two
    assert "Usually the party that depends on the other party's technology." in of_two


def test_the_findings_name_the_question_as_the_interview_asked_it(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text(
        (EXAMPLES_DIR / "incomplete-deal.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    terminal = ScriptedTerminal(lambda key: f"Stop{ENTER}" if key == "next" else ENTER)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    listed = " ".join(out.split("points are still open", 1)[1].split())
    liability = listed.split("· Liability, recalls and insurance", 1)[1]
    where = liability.split("where to settle it: ", 1)[1].split(" warning · ", 1)[0]
    assert where == "Liability and insurance › Limit of each party's liability to the other party"
    # The drafts name it as the interview asks it, for the deal's two parties.
    checked = run_cli("check", target).out
    assert "Limit of each party's liability to the other party (" in " ".join(checked.split())
    assert "other party or parties" not in checked
