"""Answer files the interview goes on from (`--resume`, `--answers`) that are damaged: each is
one located message with exit 2 or an interview that goes on, never a traceback, and the file
is left as it was."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pytest

from termgen.answers.read import load_deal, read_answers
from termgen.answers.write import dump_answers
from termgen.interview.data import LEFT_OPEN, OPEN, put, with_open_marks
from termgen.interview.spec import load_spec

from ..conftest import EXAMPLES_DIR, run_cli
from ..interview.terminal import CTRL_C, ENTER, ExampleAnswers, ScriptedTerminal, run_interview
from .bounded import termgen

BATTERY_FILE = EXAMPLES_DIR / "battery-jv.yaml"
BATTERY = BATTERY_FILE.read_text(encoding="utf-8")

MISSHAPEN = [
    # (what the file has instead, what it replaces, the message)
    ("exit: [7]\nformer_exit:", "exit:", "372:7: exit: expected a mapping of 'key: value' lines"),
    ("exit: 7\nformer_exit:", "exit:", "372:7: exit: expected a mapping of 'key: value' lines"),
    (
        "  disputes: [arbitration, London]\n  former_disputes:",
        "  disputes:",
        "322:13: governance › disputes: expected a mapping of 'key: value' lines, got a list",
    ),
    (
        "    notices: [Hafenstrasse 1]\n    former_notices:",
        "    notices:",
        "33:14: parties #1 › notices: expected a mapping of 'key: value' lines, got a list",
    ),
    (
        "  objectives: none\n  former_objectives:",
        "  objectives:",
        "goals › objectives: expected a list of entries, each on a line starting with '- '",
    ),
]


def _deal(folder: Path, old: str, new: str) -> Path:
    assert new in BATTERY
    path = folder / "deal.yaml"
    path.write_text(BATTERY.replace(new, old, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("written", "replaces", "message"), MISSHAPEN, ids=range(len(MISSHAPEN)))
def test_a_value_where_a_mapping_or_list_belongs_is_asked_afresh_and_the_file_kept(
    tmp_path: Path, written: str, replaces: str, message: str
) -> None:
    target = _deal(tmp_path, written, replaces)
    before = target.read_bytes()
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert f"{target}:" in said and message in said, out
    assert "These answers are asked again first." in said
    assert terminal.asked, "the interview goes on"
    assert "internal error" not in err
    # Paused before anything is answered there, the file still says what the user wrote (and,
    # paused in a list, which list it was).
    assert re.sub(rb"paused_at: \w+\n", b"", target.read_bytes()) == before
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2, listed.err
    assert listed.err.startswith(f"{target}:") and message in listed.err
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("left_open: 5\n", "left open: expected a list of entries"),
        ("paused_at: [x]\n", "paused at: expected text, got a list"),
    ],
)
def test_a_refused_answer_no_question_asks_is_not_said_to_be_asked_again(
    tmp_path: Path, written: str, message: str
) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text(BATTERY + written, encoding="utf-8")
    status, out, err = run_interview(ScriptedTerminal(lambda key: CTRL_C), "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert message in said, out
    assert "asked again" not in said
    assert (
        f"No question asks for this answer: the interview goes on without it; correct it in {target}."
        in said
    )


def test_a_refused_answer_names_its_list_entry_as_the_interview_heads_it(tmp_path: Path) -> None:
    lines = BATTERY.splitlines(keepends=True)
    offtake = lines.index("      kind: plant_allocation\n") - 1
    block = lines[offtake : offtake + 9]
    del lines[offtake : offtake + 9]
    first = lines.index("  contributions:\n") + 1
    lines[first:first] = block  # the offtake commitment first, in the contributions' list
    target = tmp_path / "deal.yaml"
    text = "".join(lines).replace("critical_path: true", "critical_path: maybe", 1)
    target.write_text(text, encoding="utf-8")
    screen = io.StringIO()
    presses = iter([ENTER])
    terminal = ScriptedTerminal(lambda key: next(presses, CTRL_C), screen=screen)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join((out + screen.getvalue()).split())
    assert "strengths › contributions #1 › critical path: expected true or false" in said, out
    assert "Contributions #1 (NAW: capital USD 1.6bn)" in said
    assert "contributions #2" not in said.lower()
    target.write_text(text, encoding="utf-8")  # the interview saved the answer given
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert "strengths › contributions #1 › critical path" in listed.err, listed.err
    # The offtake commitment, first in the file, is the first of its own list.
    text = text.replace("      critical_path: maybe", "      critical_path: true", 1)
    target.write_text(text.replace("critical_path: false", "critical_path: perhaps", 1), "utf-8")
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert "strengths › offtake commitments #1 › critical path" in listed.err, listed.err


def test_a_section_left_empty_is_asked_like_one_not_written(tmp_path: Path) -> None:
    target = _deal(tmp_path, "exit:\nformer_exit:", "exit:")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal, "--resume", target)
    assert (status, terminal.asked) == (130, ["exit.term.effective_date"]), err
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2 and "internal error" not in listed.err, listed.err
    assert "Exit triggers: at least 1 needed (exit.triggers)" in " ".join(listed.out.split())


def test_a_mark_left_open_past_the_end_of_a_list_adds_no_entries(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text(
        BATTERY + f"{LEFT_OPEN}: [parties.20000000.signatory.name]\n", encoding="utf-8"
    )
    run = termgen("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    run.assert_bounded()
    assert run.status == 2, run.err
    assert (
        "left open #1: 'parties.20000000.signatory.name' names entry '20000000', but entries "
        "of 'parties' are numbered 0 to 1; correct it, or delete this line"
    ) in run.err
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize(
    ("mark", "refused"),
    [
        (
            "exit.triggers.9.notice",
            "names entry '9', but entries of 'exit.triggers' are numbered 0 to 7",
        ),
        ("exit.triggers.1.notice", "is answered in the file and listed as left open"),
    ],
)
def test_a_mark_left_open_beside_an_entry_set_aside_reads_as_the_file_has_it(
    tmp_path: Path, mark: str, refused: str
) -> None:
    target = tmp_path / "deal.yaml"
    text = BATTERY.replace("  triggers:\n", "  triggers:\n    - a breach\n", 1)  # set aside
    target.write_text(text + f"{LEFT_OPEN}: [{mark}]\n", encoding="utf-8")
    run = termgen("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert run.status == 2, run.err
    assert f"left open #1: '{mark}' {refused}" in " ".join(run.err.split())


def test_a_mark_left_open_below_an_answer_leaves_the_answer() -> None:
    data = {"deal": {"name": "Project Volta"}, "parties": [{"short_name": "NAW"}]}
    marked = with_open_marks(
        {**data, LEFT_OPEN: ["deal.name.x", "parties.3.role", "parties.0.short_name.y"]}
    )
    assert marked == data


def test_a_mark_left_open_on_a_blank_answer_stays_open() -> None:
    marked = with_open_marks(
        {"governance": {"disputes": {"seat": " "}}, LEFT_OPEN: ["governance.disputes.seat"]}
    )
    assert marked == {"governance": {"disputes": {"seat": OPEN}}}


def _grown_condition(folder: Path, condition: str, grown: str) -> tuple[Path, int]:
    """The built-in interview with one condition made to grow past the sandbox's budget."""
    built_in = (Path(__file__).parents[2] / "interviews" / "partnership.yaml").read_text()
    assert condition in built_in
    spec = folder / "interview.yaml"
    spec.write_text(built_in.replace(condition, f"when: {grown}", 1), encoding="utf-8")
    return spec, built_in[: built_in.index(condition)].count("\n") + 1


STOPPED = "condition stopped on these answers: it makes a text or list of "


def test_a_condition_the_sandbox_stops_is_located_in_the_definition(tmp_path: Path) -> None:
    spec, line = _grown_condition(
        tmp_path, "when: deal.binding != 'binding'", "(deal.name * 100000000) | length > 1"
    )
    run = termgen("interview", "--spec", spec, "--answers", EXAMPLES_DIR / "battery-jv.yaml")
    run.assert_bounded()
    assert run.status == 2
    assert run.err.startswith(f"{spec}:{line}: {STOPPED}"), run.err
    assert "make the condition in the interview definition smaller" in run.err


def test_a_condition_in_a_list_the_sandbox_stops_is_located_and_the_file_kept(
    tmp_path: Path,
) -> None:
    spec, line = _grown_condition(
        tmp_path, "when: item.kind != 'ip_licence'", "(item.kind * 100000000) | length > 1"
    )
    target = _deal(tmp_path, "", "      quantity: 120 FTE\n")
    before = target.read_bytes()
    status, _, err = run_interview(
        ScriptedTerminal(lambda key: CTRL_C), "--spec", spec, "--resume", target
    )
    assert status == 2, err
    assert err.startswith(f"{spec}:{line}: {STOPPED}"), err
    assert target.read_bytes() == before


SET_ASIDE = [
    # (where the file has a value of the wrong shape, the value, the message)
    (("exit",), 7, "exit: expected a mapping of 'key: value' lines"),
    (("parties", 0, "notices"), ["Hafenstrasse 1"], "parties #1 › notices: expected a mapping"),
    (("goals", "objectives"), "none", "goals › objectives: expected a list of entries"),
]


@pytest.mark.parametrize(("place", "value", "message"), SET_ASIDE, ids=range(len(SET_ASIDE)))
def test_a_value_set_aside_is_asked_and_its_answer_replaces_it_keeping_every_other(
    tmp_path: Path, place: tuple[str | int, ...], value: object, message: str
) -> None:
    example = read_answers(EXAMPLES_DIR / "battery-jv.yaml")[0]
    damaged = copy.deepcopy(example)
    put(damaged, place, value)
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    keys = ExampleAnswers(load_spec()[0], example, resumed=damaged)
    status, out, err = run_interview(ScriptedTerminal(keys), "--resume", target)
    assert status == 0, err
    assert f"{target}:" in out and message in " ".join(out.split())
    retyped = load_deal(target).deal
    assert retyped.model_copy(update={"left_open": []}) == load_deal(BATTERY_FILE).deal


def test_a_list_entry_set_aside_shows_its_list_again_and_keeps_the_other_entries(
    tmp_path: Path,
) -> None:
    example = read_answers(BATTERY_FILE)[0]
    damaged = copy.deepcopy(example)
    damaged["exit"]["assets"][1] = "plants"
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    resumed = copy.deepcopy(example)
    del resumed["exit"]["assets"][1]
    keys = ExampleAnswers(
        load_spec()[0], example, {"assets": [f"Done{ENTER}"], "next": [f"Stop{ENTER}"]}, resumed
    )
    terminal = ScriptedTerminal(keys)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    said = " ".join(out.split())
    assert f"{target}:" in said
    assert "exit › assets #2: expected a mapping of 'key: value' lines, got 'plants'" in said
    assert "assets" in terminal.asked
    assert read_answers(target)[0]["exit"]["assets"] == resumed["exit"]["assets"]


def test_an_unknown_key_is_kept_in_the_file_and_the_interview_reaches_its_end(
    tmp_path: Path,
) -> None:
    target = tmp_path / "deal.yaml"
    incomplete = (EXAMPLES_DIR / "incomplete-deal.yaml").read_text(encoding="utf-8")
    target.write_text(
        incomplete.replace("  name: Project Lodestar\n", "  name: Project Lodestar\n  nmae: x\n"),
        encoding="utf-8",
    )
    keys = {"deal.exclusive": f"no{ENTER}", "next": f"Stop{ENTER}"}
    terminal = ScriptedTerminal(lambda key: keys.get(key, ENTER), most_prompts=40)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    said = " ".join(out.split())
    assert f"{target}:9:3: deal: unknown key 'nmae', did you mean 'name'?" in said
    assert f"the interview goes on without it, and {target} keeps it as written" in said
    assert "asked again" not in said
    # The review went on to the findings, once: the key did not hold it back.
    assert terminal.asked.count("review") == 1 and "next" in terminal.asked
    saved = target.read_text(encoding="utf-8")
    assert "  nmae: x\n" in saved and "  exclusive: false\n" in saved


def test_a_list_entry_whose_kind_is_a_number_is_named_in_its_list_and_asked_again(
    tmp_path: Path,
) -> None:
    example = read_answers(BATTERY_FILE)[0]
    damaged = copy.deepcopy(example)
    damaged["exit"]["triggers"][0]["kind"] = 2.5
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert "exit › triggers #1 › kind: '2.5' is not one of the choices" in said
    assert "Exit triggers #1 (2.5" in said
    assert terminal.asked == ["triggers#1.kind"]


def test_an_item_of_a_list_of_texts_the_model_refuses_asks_its_question_first(
    tmp_path: Path,
) -> None:
    example = read_answers(EXAMPLES_DIR / "incomplete-deal.yaml")[0]
    example["goals"]["scope"]["programs"][1] = "\ufffe"
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(example), encoding="utf-8")
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert "goals › scope › programs #2: holds the invisible control character U+FFFE" in said
    assert terminal.asked == ["goals.scope.programs"]


def test_an_entry_after_a_list_entry_set_aside_is_numbered_and_located_as_the_interview_heads_it(
    tmp_path: Path,
) -> None:
    lines = BATTERY.splitlines(keepends=True)
    first = lines.index("  contributions:\n") + 1
    second = next(n for n in range(first + 1, len(lines)) if lines[n].startswith("    - "))
    lines[first:second] = ["    - plants\n"]  # the first contribution in a shape refused
    licence = lines.index("      kind: ip_licence\n")
    at = next(n for n in range(licence, len(lines)) if "critical_path:" in lines[n])
    lines[at] = "      critical_path: maybe\n"  # the third in the file, the second asked
    target = tmp_path / "deal.yaml"
    target.write_text("".join(lines), encoding="utf-8")
    screen = io.StringIO()
    terminal = ScriptedTerminal(lambda key: CTRL_C, screen=screen)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 130, err
    said = " ".join((out + screen.getvalue()).split())
    assert f"{target}:{first + 1}:7: strengths › contributions #1: expected a mapping" in said
    wrong = f"{target}:{at + 1}:22: strengths › contributions #2 › critical path: expected true"
    assert wrong in said, out
    assert "Contributions #2 (KSC: IP licence" in said
    target.write_text("".join(lines), encoding="utf-8")  # as before the pause marked it
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2 and wrong in listed.err, listed.err


def test_entries_after_two_list_entries_set_aside_are_located_at_their_own_lines(
    tmp_path: Path,
) -> None:
    damaged = read_answers(BATTERY_FILE)[0]
    contributions = damaged["strengths"]["contributions"]
    contributions[3]["critical_path"] = "maybe"
    contributions[0], contributions[2] = "plants", ["cells"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    line = target.read_text(encoding="utf-8").splitlines().index("      critical_path: maybe") + 1
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2, listed.err
    assert f"{target}:{line}:22: strengths › contributions #2 › critical path" in listed.err
    assert "contributions #1: expected a mapping" in listed.err
    assert "contributions #3: expected a mapping" in listed.err


def test_a_line_left_open_follows_its_entry_when_one_before_it_is_set_aside(
    tmp_path: Path,
) -> None:
    damaged = read_answers(BATTERY_FILE)[0]
    contributions = damaged["strengths"]["contributions"]
    del contributions[2]["tracking"]
    damaged[LEFT_OPEN] = [
        "strengths.contributions.0.tracking",
        "strengths.contributions.2.tracking",
    ]
    contributions[0] = "plants"
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2, listed.err
    # Only the entry set aside: the line of the third entry leaves its own answer open, and the
    # line in the entry set aside goes with it.
    assert listed.err.count(f"{target}:") == 1, listed.err
    assert "contributions #1: expected a mapping" in listed.err


def test_a_line_left_open_after_one_dropped_with_its_entry_is_named_at_its_own_line(
    tmp_path: Path,
) -> None:
    damaged = read_answers(BATTERY_FILE)[0]
    damaged[LEFT_OPEN] = ["strengths.contributions.0.tracking", "strengths.contributions.40.end"]
    damaged["strengths"]["contributions"][0] = "plants"
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    line = (
        target.read_text(encoding="utf-8").splitlines().index("  - strengths.contributions.40.end")
    )
    listed = run_cli("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    assert listed.status == 2, listed.err
    assert f"{target}:{line + 1}:5: left open #2: 'strengths.contributions.40.end'" in listed.err
    assert "left open #1" not in listed.err


def test_each_kind_of_refused_answer_is_listed_then_said_what_is_done_with_it(
    tmp_path: Path,
) -> None:
    damaged = read_answers(BATTERY_FILE)[0]
    damaged["exit"] = 7
    damaged["goals"]["objectives"] = "none"
    damaged["deal"]["nmae"] = "x"
    damaged["deal"]["stauts"] = "y"
    damaged[LEFT_OPEN] = ["deal.name"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(damaged), encoding="utf-8")
    status, out, err = run_interview(ScriptedTerminal(lambda key: CTRL_C), "--resume", target)
    assert status == 130, err
    said = " ".join(out.split())
    order = [
        "goals › objectives: expected a list",
        "exit: expected a mapping",
        "These answers are asked again first.",
        "left open #1: 'deal.name' is answered in the file",
        "This line is left out of left_open: the answers stay as they are, and the next save "
        f"removes it from {target}.",
        "deal: unknown key 'nmae'",
        "deal: unknown key 'stauts'",
        f"No question asks for these keys: the interview goes on without them, and {target} "
        "keeps them as written; correct or delete them there.",
    ]
    places = [said.find(part) for part in order]
    assert -1 not in places and places == sorted(places), (places, out)
