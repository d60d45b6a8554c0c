"""What a user reads once the interview's questions are answered: that points are still open,
how many, and where they are listed."""

from __future__ import annotations

import copy
from pathlib import Path

from termgen.answers.read import read_answers
from termgen.answers.write import dump_answers
from termgen.interview.spec import load_spec

from ..conftest import EXAMPLES_DIR
from ..interview.terminal import ENTER, ExampleAnswers, ScriptedTerminal, run_interview


def test_the_open_points_are_counted_before_their_list_not_after_the_answers_look_done(
    tmp_path: Path,
) -> None:
    example = copy.deepcopy(read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0])
    example["governance"]["clean_team"] = {"required": False}
    partial = copy.deepcopy(example)
    del partial["strengths"]["contributions"][0]["tracking"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    spec = load_spec()[0]
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, {"next": [f"Stop{ENTER}"]}, partial))
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    said = " ".join(out.split())
    assert "The answers are complete" not in said
    saved = said.index(f"The first pass is done, and the answers are saved in {target}.")
    counted = said.index(
        "1 point is still open (0 blocking, 1 warning), listed below with the question that "
        "settles each; the drafts list them too, in the open points file."
    )
    assert saved < counted < said.index("where to settle it")


def test_a_line_left_out_of_left_open_is_said_as_such_not_as_asked_again(
    tmp_path: Path,
) -> None:
    example = copy.deepcopy(read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0])
    example["governance"]["clean_team"] = {"required": False}
    partial = {**copy.deepcopy(example), "left_open": ["deal.name"]}
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    terminal = ScriptedTerminal(
        ExampleAnswers(load_spec()[0], example, {"next": [f"Stop{ENTER}"]}, partial)
    )
    status, out, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    said = " ".join(out.split())
    assert "'deal.name' is answered in the file and listed as left open" in said
    assert "asked again" not in said
    assert (
        "This line is left out of left_open: the answers stay as they are, and the next save "
        f"removes it from {target}."
    ) in said


def test_answers_left_open_are_listed_once_each_time_the_findings_are_shown(
    tmp_path: Path,
) -> None:
    example = copy.deepcopy(read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0])
    example["governance"]["clean_team"] = {"required": False}
    partial = copy.deepcopy(example)
    del partial["exit"]["costs"]["details"]
    del partial["exit"]["valuation"]["details"]
    del partial["change"]["integration_measures"]
    partial["left_open"] = [
        "exit.costs.details",
        "exit.valuation.details",
        "change.integration_measures",
    ]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    overrides = {
        "next": [f"Settle{ENTER}", f"Stop{ENTER}"],
        "settle": [f"Integration measures{ENTER}"],
    }
    terminal = ScriptedTerminal(ExampleAnswers(load_spec()[0], example, overrides, partial))
    status, out, err = run_interview(terminal, "--resume", target, columns=60)
    assert status == 0, err
    _, first, settled = " ".join(out.split()).split(" still open (")
    # One finding for the three, counted as one, listing where each is answered.
    assert first.count("Answers left open") == 1
    assert first.startswith("0 blocking, 1 warning)")
    assert "3 answers are left open on purpose" in first
    for question in ("Details on exit costs", "Integration measures"):
        assert f"› {question}" in first
    # Settled one, the list shown again has the finding once, for the two left.
    assert settled.count("Answers left open") == 1
    assert "2 answers are left open on purpose" in settled
    assert "Integration measures" not in settled.split("Answers left open", 1)[1]
