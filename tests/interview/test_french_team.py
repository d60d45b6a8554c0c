"""What a French team met in its first interview, through the real prompts: help that fits
the answers given before, shares and lengths written the French way, answers and units in
French, a seat named in its own language, long answers on a narrow terminal, the suggestions
on a short one, a half entry of an older file, a term given by its end date, the draft
version, and what a null in the answer file means."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from termgen.answers.read import read_answers
from termgen.answers.write import dump_answers

from ..conftest import EXAMPLES_DIR
from .terminal import (
    CTRL_C,
    ENTER,
    ESCAPE,
    ExampleAnswers,
    ScriptedTerminal,
    retyped,
    run_interview,
)

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _example() -> dict[str, Any]:
    return copy.deepcopy(read_answers(BATTERY)[0])


def _run(
    spec,  # type: ignore[no-untyped-def]
    overrides: dict[str, list[str]],
    target: Path,
    *args: str | Path,
    data: dict[str, Any] | None = None,
    resumed: dict[str, Any] | None = None,
    screen: io.StringIO | None = None,
    **size: int,
) -> tuple[ScriptedTerminal, str]:
    """The battery example's interview, answered as `data` (the example) is, until a Ctrl-C
    in `overrides`; what it said, its spacing made single."""
    answers = ExampleAnswers(spec, data or _example(), overrides, resumed)
    terminal = ScriptedTerminal(answers, screen=screen)
    status, out, err = run_interview(terminal, *(args or ("-o", target)), **size)
    assert status in (0, 130), err
    return terminal, " ".join(out.split())


def test_help_fits_the_shares_the_place_and_the_kind_given_before(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "goals.value_sharing.equity": [retyped("NAW 51,5 %, KSC 48,5 %"), ENTER],
        "company.jurisdiction": [retyped("France")],
        "contributions#5.party": [CTRL_C],
    }
    _, said = _run(spec, overrides, target)
    # A decimal comma in shares separated by commas is read, as in amounts: 51,5 is 51.5.
    assert "does not name a party" not in said
    assert "reads as 'NAW 51.5; KSC 48.5' in percent with a decimal point" in said
    equity = read_answers(target)[0]["goals"]["value_sharing"]["equity"]
    assert equity == {"NAW": Decimal("51.5"), "KSC": Decimal("48.5")}
    # A 51.5/48.5 company is not told what a casting vote does in a 50/50 one.
    assert "In a 50/50 company" not in said
    assert "A casting vote decides a tied board vote for the side that nominates the chair." in said
    assert "Rare in a 50/50 company" not in said
    # The legal form follows the country the company is incorporated in.
    assert "Example: French société par actions simplifiée (SAS)." in said
    assert "the country's limited liability company" not in said
    # Money help for capital only; engineering capacity counts people.
    assert "Money is written with its currency code first. Example: EUR 240m." in said
    assert "A number, then what it counts. Example: 40 FTE." in said
    assert "Money is written with its currency code first. Example: 40 FTE" not in said


def test_the_form_of_a_country_not_listed_names_the_country(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {"company.jurisdiction": [retyped("Ruritania")], "company.form": [CTRL_C]}
    _, said = _run(spec, overrides, target)
    assert "Example: a limited liability company under the laws of Ruritania." in said


def test_a_term_in_words_and_units_in_french_are_offered_in_english(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "contributions#3.licence_reach": [retyped("1 usine"), ENTER],
        "contributions#4.quantity": [retyped("25 ETP"), ENTER],
        "exit.term.initial": [retyped("sept ans"), ENTER],
        "exit.term.lock_in": [retyped("trois ans"), ENTER],
        "exit.renewal.type": [CTRL_C],
    }
    _, said = _run(spec, overrides, target)
    assert (
        "✗ 'sept ans' is 7 years in French; the draft is in English. Press Enter to take "
        "7 years, or change it"
    ) in said
    assert "✗ '25 ETP' is 25 FTE in French; the draft is in English." in said
    assert "✗ '1 usine' is 1 plant in French" in said
    saved = read_answers(target)[0]
    assert saved["exit"]["term"]["initial"] == "7 years"
    assert saved["exit"]["term"]["lock_in"] == "3 years"
    contributions = saved["strengths"]["contributions"]
    assert [c["quantity"] for c in contributions[2:4]] == ["1 plant", "25 FTE"]


def test_answers_in_french_are_flagged_and_a_seat_is_offered_in_english(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    french = "Démarrer la production de série des cellules dans la nouvelle usine"
    overrides = {
        "objectives#1.statement": [retyped(french), ENTER],  # Enter keeps it as it is
        "goals.scope.joint": [
            retyped("développement des cellules; recyclage des batteries"),
            ENTER,
        ],
        "governance.disputes.seat": [retyped("Genève"), ENTER],
        "governance.disputes.rules": [CTRL_C],
    }
    _, said = _run(spec, overrides, target)
    assert (
        f"✗ '{french}' reads as French; the draft is in English and prints this answer as "
        "written. Type it in English, or press Enter to keep it as it is"
    ) in said
    assert "'Genève' is written Geneva in English, as the draft is." in said
    saved = read_answers(target)[0]
    assert saved["goals"]["objectives"][0]["statement"] == french
    assert saved["goals"]["scope"]["joint"] == [
        "développement des cellules",
        "recyclage des batteries",
    ]
    assert saved["governance"]["disputes"]["seat"] == "Geneva"
    # English answers, names and addresses are not asked about.
    assert said.count("reads as French") == 2


def test_a_long_answer_stays_on_the_screen_wrapped_at_word_boundaries(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    screen = io.StringIO()
    overrides = {"objectives#1.owner": [CTRL_C]}
    _run(spec, overrides, target, screen=screen, columns=60)
    statement = _example()["goals"]["objectives"][0]["statement"]
    lines = screen.getvalue().replace("\r\n", "\n").split("\n")
    # The line editor's own drawing is erased; what stays is the question and the answer on
    # whole lines, never broken inside a word. The echo comes after the editor's last drawing,
    # which on a slow machine may itself show the answer half typed.
    first = max(n for n, line in enumerate(lines) if line.startswith("› Start series"))
    echoed = [lines[first].removeprefix("› "), lines[first + 1]]
    assert " ".join(echoed) == statement
    assert all(len(line) < 60 for line in lines[first : first + 2])


def test_the_suggestions_on_a_short_terminal_leave_their_first_ones_in_view(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    terminal = ScriptedTerminal(ExampleAnswers(spec, _example(), {"preset": [CTRL_C]}))
    _, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml", columns=60, rows=30)
    shown = out[out.index("Suggested answers for electrification") :].splitlines()
    # With the question and its two choices below, it all fits 30 rows: nothing scrolls away.
    assert len(shown) + 4 <= 30
    assert shown[3] == "  Legal structure: equity joint venture"
    assert shown[-2].startswith("  … and ") and "listed in the review at the end" in out
    # A terminal tall enough shows them all.
    tall = ScriptedTerminal(ExampleAnswers(spec, _example(), {"preset": [CTRL_C]}))
    _, whole, _ = run_interview(tall, "-o", tmp_path / "tall.yaml", columns=60, rows=80)
    assert "… and " not in whole and "Who bears the costs of exit" in whole


def test_esc_removes_a_half_entry_an_older_file_kept(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    """An earlier version saved a contribution paused before its quantity: resumed, Esc at
    its quantity removes it, as it cancels an entry being added, instead of keeping it."""
    example = _example()
    half = copy.deepcopy(example)
    first = half["strengths"]["contributions"][0]
    half["strengths"]["contributions"][0] = {"party": first["party"], "kind": first["kind"]}
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(half), encoding="utf-8")
    overrides = {"contributions#1.quantity": [ESCAPE], "contributions": [CTRL_C]}
    _, said = _run(spec, overrides, target, "--resume", target, data=example, resumed=half)
    assert "Contributions #1 (NAW: capital) · Esc removes this unfinished contribution" in said
    assert "Cancelled: the unfinished contribution is removed." in said
    saved = read_answers(target)[0]["strengths"]["contributions"]
    assert saved == example["strengths"]["contributions"][1:]


def test_a_suggested_review_follows_a_term_given_by_its_end_date(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    """The review before renewal as suggested (30 months), and a term given by its end date,
    ten years to the day: the review moves to six months before the last day to stop a
    renewal, 18 months before that end."""
    data = _example()
    data["exit"]["term"] = {"effective_date": dt.date(2027, 6, 1)}
    suggested = {"name": "Review before renewal", "after": "30 months"}
    data["change"]["review_points"].append({**suggested, "options": ["continue", "exit"]})
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(data), encoding="utf-8")
    overrides = {
        "exit.term.initial": [retyped("")],
        "exit.term.end_date": [retyped("2037-05-31")],
        "exit.term.lock_in": [CTRL_C],
    }
    _run(spec, overrides, target, "--resume", target, data=data, resumed=data)
    points = read_answers(target)[0]["change"]["review_points"]
    assert next(p for p in points if p["name"] == "Review before renewal")["after"] == ("96 months")


def test_a_review_typed_after_the_last_day_to_stop_the_renewal_is_asked_back(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """Ten years from 1 June 2027 with 18 months' notice: the last day to give notice is
    1 December 2035, and a review on 31 March 2036 can no longer stop the renewal. Enter keeps
    it all the same."""
    data = _example()
    partial = copy.deepcopy(data)
    del partial["change"]["review_points"][2]["date"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    overrides = {"review_points#3.date": [retyped("2036-03-31"), ENTER]}
    _, said = _run(spec, overrides, target, "--resume", target, data=data, resumed=partial)
    assert (
        "✗ 31 March 2036 is after the last day to give notice of non-renewal (1 December 2035, "
        "18 months before the initial term ends): a review held then can no longer decide on "
        "the renewal. Type an earlier date, or press Enter to keep it"
    ) in said
    points = read_answers(target)[0]["change"]["review_points"]
    assert str(points[2]["date"]) == "2036-03-31"


def test_the_draft_version_is_asked_with_its_first_answers(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    screen = io.StringIO()
    overrides = {"deal.version": [ENTER], "deal.date": [CTRL_C]}
    terminal, said = _run(spec, overrides, target, screen=screen)
    assert "deal.version" in terminal.asked
    assert "Draft version 0.1" in screen.getvalue()  # suggested: Enter takes it
    assert "Printed on the cover and in the footer of each document" in said
    assert read_answers(target)[0]["deal"]["version"] == "0.1"


def test_a_null_in_the_answer_file_says_what_it_means(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    target.write_bytes(BATTERY.read_bytes())
    _run(spec, {}, target, "--resume", target)
    text = target.read_text(encoding="utf-8")
    assert "exercisable_by: null  # either party" in text
    # It reads as before: either party.
    assert read_answers(target)[0]["exit"]["triggers"][0]["exercisable_by"] is None


def test_back_in_a_new_entry_shows_the_count_its_question_had(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    screen = io.StringIO()
    overrides = {
        "contributions#1.quantity": [retyped("back")],
        "contributions": [CTRL_C],
    }
    _run(spec, overrides, target, screen=screen)
    marks = re.findall(
        r"\[(\d+) left: (\d+) for the new contribution\] Kind of contribution", screen.getvalue()
    )
    # Asked again, the kind is where it was: as many questions left, its own included.
    assert len(set(marks)) == 1 and len(marks) >= 2, marks
