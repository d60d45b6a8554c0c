"""What a new deal team (a German OEM and a US software company) met in its first interview,
through the real prompts and the real command line: the licence model, release bandwidth left
open, findings that name the question asked, answers written the team's way, examples that
fit the entry, narrow terminals, and the smaller things."""

from __future__ import annotations

import copy
import io
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.answers.write import dump_answers

from ..conftest import EXAMPLES_DIR, TEST_ENVIRON, run_cli
from .terminal import CTRL_C, ENTER, ExampleAnswers, ScriptedTerminal, retyped, run_interview

SOFTWARE = EXAMPLES_DIR / "sdv-software.yaml"
LICENCE = {
    "party": "LUMEN",
    "kind": "ip_licence",
    "quantity": "3 vehicle programs",
    "description": "The middleware and its documentation",
    "start": "2027-06-01",
    "tracking": "A yearly list of the programs using it",
    "acceptance": "Code and documentation delivered",
}


def _example() -> dict[str, Any]:
    """The software example, with the one question of the first pass it leaves unanswered."""
    data = copy.deepcopy(read_answers(SOFTWARE)[0])
    data["governance"]["clean_team"] = {"required": False}
    return data


def _written(tmp_path: Path, data: dict[str, Any], name: str = "deal.yaml") -> Path:
    target = tmp_path / name
    target.write_text(dump_answers(data), encoding="utf-8")
    return target


def _resume(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    change: Callable[[dict[str, Any]], None],
    overrides: dict[str, list[str]],
    answers: dict[str, Any] | None = None,
    screen: io.StringIO | None = None,
) -> tuple[ScriptedTerminal, str, Path]:
    """Resume the software example, changed as given, answering as `answers` (the example)
    does; the interview stops where `overrides` say."""
    partial = _example()
    change(partial)
    target = _written(tmp_path, partial)
    example = answers or _example()
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, overrides, partial), screen=screen)
    status, out, err = run_interview(terminal, "--resume", target)
    assert status in (0, 130), err
    return terminal, out, target


def _findings(target: Path) -> list[dict[str, Any]]:
    result = run_cli("check", target, "--json")
    findings: list[dict[str, Any]] = json.loads(result.out)["findings"]
    return findings


def _without_the_licences_asset(data: dict[str, Any]) -> None:
    data["exit"]["assets"] = [a for a in data["exit"]["assets"] if a["asset"] != "licences"]
    data["strengths"]["contributions"].append(copy.deepcopy(LICENCE))


def test_the_licence_models_answer_says_what_happens_to_the_licences(tmp_path: Path) -> None:
    data = _example()
    _without_the_licences_asset(data)
    messages = [f["message"] for f in _findings(_written(tmp_path, data))]
    assert not [m for m in messages if "what happens to the licences" in m]
    # A licence model that grants no licence back says nothing of the licences.
    data["exit"]["assets"][0]["treatment"] = "Owned by LUMEN."
    messages = [f["message"] for f in _findings(_written(tmp_path, data))]
    assert (
        "the deal has an IP licence contribution, but the shared assets on exit do not say "
        "what happens to the licences"
    ) in messages


def test_the_shared_assets_menu_lists_and_numbers_only_its_own_entries(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def paused_at_the_assets(data: dict[str, Any]) -> None:
        data["exit"]["assets"] = data["exit"]["assets"][:3]  # the licence model's, and two
        data["paused_at"] = "assets"

    overrides = {"next": [f"Stop{ENTER}"]}
    terminal, out, target = _resume(tmp_path, spec, paused_at_the_assets, overrides)
    assert terminal.asked[:3] == ["assets", "assets#4.asset", "assets#4.treatment"]
    menu = " ".join(out.split("Shared assets on exit #")[0].split())
    assert "1. licences: Non-exclusive licences" in menu
    assert "2. data: Stays with BFW" in menu
    assert "foreground" not in menu.casefold()  # the licence model's, shown there
    assert "Shared assets on exit #3 · Esc cancels this asset class" in out
    assert [a["asset"] for a in read_answers(target)[0]["exit"]["assets"]] == [
        "foreground_ip",
        "licences",
        "data",
        "seconded_staff",
    ]


def _without_release_bandwidth(data: dict[str, Any]) -> None:
    contributions = data["strengths"]["contributions"]
    kept = [c for c in contributions if c["kind"] != "software_release_bandwidth"]
    data["strengths"]["contributions"] = kept


def test_release_bandwidth_left_open_is_kept_and_is_a_finding_until_settled(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    overrides = {"release_bandwidth": [f"Leave{ENTER}"], "next": [f"Stop{ENTER}"]}
    terminal, out, target = _resume(tmp_path, spec, _without_release_bandwidth, overrides)
    assert terminal.asked[0] == "release_bandwidth"
    saved = read_answers(target)[0]
    assert saved["strengths"]["open_of"] == ["software_release_bandwidth"]
    said = " ".join(out.split())
    assert "Release bandwidth: (left open)" in said.split("── Review ──")[1]
    [finding] = [f for f in _findings(target) if f["path"].startswith("strengths.open_of")]
    assert finding["message"] == (
        "no software release bandwidth contribution yet: left open on purpose"
    )
    assert finding["question"] == "Complementary strengths › Release bandwidth"
    # Going on, it is not asked again; settling it shows its menu, where an entry settles it.
    overrides = {
        "next": [f"Settle{ENTER}", f"Stop{ENTER}"],
        "settle": [f"release bandwidth{ENTER}"],
        "release_bandwidth": [f"Add{ENTER}"],
    }
    again = ScriptedTerminal(ExampleAnswers(spec, _example(), overrides, saved))
    status, out, err = run_interview(again, "--resume", target)
    assert (status, err) == (0, ""), out
    assert again.asked[:4] == ["review", "next", "settle", "release_bandwidth"]
    settled = read_answers(target)[0]["strengths"]
    assert "open_of" not in settled
    assert "software_release_bandwidth" in [c["kind"] for c in settled["contributions"]]


def test_a_quantity_left_open_is_reported_as_left_open_at_the_question_asked(
    tmp_path: Path,
) -> None:
    data = _example()
    licence = {key: value for key, value in LICENCE.items() if key != "quantity"}
    data["strengths"]["contributions"].append(licence)
    index = len(data["strengths"]["contributions"]) - 1
    data["left_open"] = [f"strengths.contributions.{index}.quantity"]
    [finding] = _findings(_written(tmp_path, data))
    assert (finding["id"], finding["severity"]) == ("answers.left_open", "warning")
    assert finding["question"].endswith("› What the licence covers (a number and its unit)")


def test_shares_days_and_yearly_quantities_written_the_teams_way_are_offered_back(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def unanswered(data: dict[str, Any]) -> None:
        del data["goals"]["value_sharing"]["cost_share"]
        del data["governance"]["escalation"][0]["days"]
        del data["strengths"]["contributions"][0]["quantity"]

    overrides = {
        "goals.value_sharing.cost_share": [retyped("BFW 2/3; LUMEN 1/3"), ENTER],
        "escalation#1.days": [retyped("3 Wochen"), ENTER],
        "release_bandwidth#1.quantity": [retyped("4 Releases pro Jahr"), ENTER],
        "next": [f"Stop{ENTER}"],
    }
    _, out, target = _resume(tmp_path, spec, unanswered, overrides)
    said = " ".join(out.split())
    assert (
        "✗ 'BFW 2/3; LUMEN 1/3' reads as 'BFW 66.67; LUMEN 33.33' in percent with a decimal "
        "point, as the draft writes shares. Press Enter to take it, or change it"
    ) in said
    assert "✗ '3 Wochen' is 21 days, and this question counts days. Press Enter to take 21" in said
    assert (
        "✗ '4 Releases pro Jahr' says how often in German; the draft is in English. Press Enter "
        "to take 4 releases/yr, or change it"
    ) in said
    saved = read_answers(target)[0]
    assert saved["goals"]["value_sharing"]["cost_share"] == {
        "BFW": Decimal("66.67"),
        "LUMEN": Decimal("33.33"),
    }
    assert saved["governance"]["escalation"][0]["days"] == 21
    assert saved["strengths"]["contributions"][0]["quantity"] == "4 releases/yr"


def test_a_yearly_quantity_in_french_keeps_its_unit_and_takes_a_decimal_point(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def unanswered(data: dict[str, Any]) -> None:
        del data["strengths"]["contributions"][0]["quantity"]

    overrides = {
        "release_bandwidth#1.quantity": [retyped("6,5 GWh par an"), ENTER],
        "next": [f"Stop{ENTER}"],
    }
    _, out, target = _resume(tmp_path, spec, unanswered, overrides)
    assert (
        "✗ '6,5 GWh par an' says how often in French; the draft is in English. Press Enter to "
        "take 6.5 GWh/yr, or change it"
    ) in " ".join(out.split())
    assert read_answers(target)[0]["strengths"]["contributions"][0]["quantity"] == "6.5 GWh/yr"


def test_shares_with_a_decimal_comma_are_offered_with_a_point(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def unanswered(data: dict[str, Any]) -> None:
        del data["goals"]["value_sharing"]["cost_share"]

    overrides = {
        "goals.value_sharing.cost_share": [retyped("BFW 66,7; LUMEN 33,3"), ENTER],
        "next": [f"Stop{ENTER}"],
    }
    _, out, target = _resume(tmp_path, spec, unanswered, overrides)
    assert "reads as 'BFW 66.7; LUMEN 33.3'" in " ".join(out.split())
    assert read_answers(target)[0]["goals"]["value_sharing"]["cost_share"] == {
        "BFW": Decimal("66.7"),
        "LUMEN": Decimal("33.3"),
    }


def test_examples_fit_the_kind_of_the_entry(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    example = _example()
    example["strengths"]["contributions"].append(copy.deepcopy(LICENCE))
    example["exit"]["triggers"][0]["description"] = "the breach is material"

    def details_unanswered(data: dict[str, Any]) -> None:
        licence = {key: LICENCE[key] for key in ("party", "kind", "quantity")}
        data["strengths"]["contributions"].append(licence)

    overrides = {"next": [f"Fill in the details{ENTER}", f"Stop{ENTER}"]}
    _, out, _ = _resume(tmp_path, spec, details_unanswered, overrides, example)
    said = " ".join(out.split())
    assert "Example: The partner's software and its documentation" in said
    assert "Example: A yearly list of the programs and plants that use the licence." in said
    assert "Example: The licensed code and documentation delivered and accepted" in said
    assert "for engineering capacity" not in said
    assert "Example: the breach concerns a contribution on the critical path." in said
    assert "for a change of control" not in said


def test_at_60_columns_one_finding_is_a_block_that_never_breaks_a_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _example()
    del data["strengths"]["contributions"][0]["tracking"]
    _written(tmp_path, data)
    monkeypatch.chdir(tmp_path)  # the file named as typed, short
    result = run_cli("check", "deal.yaml", environ={**TEST_ENVIRON, "COLUMNS": "60"})
    lines = result.out.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert "warning · Executable contributions" in lines
    assert "where to settle it" not in lines[1]  # no table header squeezed into 60 columns
    words = " ".join(result.out.split())
    assert "How the release plan is tracked" in words


def test_the_settle_menu_wraps_a_long_finding_instead_of_cutting_it(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def two_open(data: dict[str, Any]) -> None:
        data["left_open"] = [f"strengths.contributions.{n}.tracking" for n in (1, 2)]
        for n in (1, 2):
            del data["strengths"]["contributions"][n]["tracking"]

    screen = io.StringIO()
    overrides = {"next": [f"Settle{ENTER}"], "settle": [CTRL_C]}
    _resume(tmp_path, spec, two_open, overrides, screen=screen)
    menu = screen.getvalue().split("Which finding?")[1]
    assert "…" not in menu
    assert all(len(line) <= 80 for line in menu.splitlines())
    shown = " ".join(menu.split())
    # Findings that read alike are told apart by where they are asked, at their end.
    assert (
        "› Contributions › the second contribution (BFW: engineering capacity 120 FTE) › How its use is"
        in shown
    )


def test_fill_in_counts_the_notice_questions_an_address_brings(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def notices_unanswered(data: dict[str, Any]) -> None:
        for party in data["parties"]:
            party.pop("notices", None)
        data["paused_at"] = "parties"

    overrides = {"parties": [f"Fill in{ENTER}", CTRL_C]}
    screen = io.StringIO()
    terminal, out, _ = _resume(tmp_path, spec, notices_unanswered, overrides, screen=screen)
    asked = terminal.asked[1 : terminal.asked.index("parties", 1)]
    # An address, and the email and attention it brings, for each of the two parties.
    assert len([key for key in asked if ".notices." in key]) == 6
    # Counted too: the title of LUMEN's second signatory, until its name is left empty.
    assert "parties#2.second_signatory.name" in asked
    assert f"Fill in {len(asked) + 1} more now" in screen.getvalue()
    # What is left goes up by them, and says so.
    assert f"{len(asked) + 1} more questions (role, motivation and signatories): counted in" in (
        " ".join(out.split())
    )


def test_back_in_a_list_entry_goes_to_its_previous_question(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def paused_at_the_triggers(data: dict[str, Any]) -> None:
        data["exit"]["triggers"] = data["exit"]["triggers"][:-1]
        data["paused_at"] = "triggers"

    overrides = {"triggers#7.notice": [retyped("back"), CTRL_C]}
    terminal, out, _ = _resume(tmp_path, spec, paused_at_the_triggers, overrides)
    assert terminal.asked == [
        "triggers",
        "triggers#7.kind",
        "triggers#7.notice",
        "triggers#7.kind",
        "triggers#7.notice",
    ]
    assert "Cancelled" not in out


def test_section_numbers_count_only_the_sections_the_deal_has(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    def unanswered(data: dict[str, Any]) -> None:
        del data["strengths"]["contributions"][1]["quantity"]

    overrides = {"contributions#2.quantity": [CTRL_C]}
    _, out, _ = _resume(tmp_path, spec, unanswered, overrides)
    assert "Section 3 of 8: Complementary strengths" in out  # no JV company before it


def test_a_term_shorter_than_a_suggested_review_shows_the_review_points_again(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    def term_unanswered(data: dict[str, Any]) -> None:
        del data["exit"]["term"]["initial"]

    overrides = {"exit.term.initial": [retyped("2 years")], "review_points": [CTRL_C]}
    terminal, out, _ = _resume(tmp_path, spec, term_unanswered, overrides)
    assert terminal.asked[-2:] == ["exit.term.initial", "review_points"]
    assert "A review point is now held when the initial term has ended" in " ".join(out.split())


def test_a_deal_switched_to_an_equity_joint_venture_is_asked_what_happens_to_a_stake(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """A codevelopment deal of any purpose changed to an equity joint venture in the review:
    the stake buy-out is among the questions that depend on it, not a blocking finding left
    for the end."""
    example = read_answers(EXAMPLES_DIR / "platform-sharing.yaml")[0]
    target = _written(tmp_path, example)
    overrides = {
        "review": [f"Parties and purpose{ENTER}", f"Everything is right{ENTER}"],
        "review.answer": [f"Legal structure{ENTER}"],
        "deal.structure": [f"equity joint venture{ENTER}"],
        "deal.structure:remove": [f"Yes{ENTER}"],
        "next": [f"Stop here{ENTER}"],
    }
    terminal = ScriptedTerminal(ExampleAnswers(spec, example, overrides, example))
    status, _, err = run_interview(terminal, "--resume", target)
    assert status == 0, err
    stake = [key for key in terminal.asked if key.startswith("stake_buy_out#")]
    assert stake and stake[0].endswith(".treatment"), terminal.asked
    assets = read_answers(target)[0]["exit"]["assets"]
    assert any(asset["asset"] == "equity_stake" for asset in assets)


def test_an_interview_started_without_a_file_says_the_command_that_names_one() -> None:
    terminal = ScriptedTerminal(lambda key: CTRL_C)
    status, _, err = run_interview(terminal)
    assert status == 2 and not terminal.asked, err
    said = " ".join(err.split())
    assert "say where to save the answers, e.g. 'termgen interview deal.yaml'" in said
    assert "the same command continues the interview later" in said


def test_the_buy_out_formula_says_what_it_is_for_where_its_method_is_not_asked(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """The valuation method answered already (in the file, or by the purpose's suggestions),
    the formula is asked alone: its own prompt says what it is for."""

    def without_details(data: dict[str, Any]) -> None:
        del data["exit"]["valuation"]["details"]

    screen = io.StringIO()
    terminal, _, _ = _resume(
        tmp_path, spec, without_details, {"exit.valuation.details": [CTRL_C]}, screen=screen
    )
    assert terminal.asked[-1] == "exit.valuation.details"
    assert "Valuation formula for a buy-out" in " ".join(screen.getvalue().split())


@pytest.mark.parametrize(
    ("paused_at", "unsaved", "parties"),
    [
        ("parties#1.jurisdiction", True, 0),
        ("parties#2.jurisdiction", True, 1),
        ("parties", False, 2),  # at the list's menu, both parties added
        ("deal.date", False, 0),
    ],
)
def test_a_pause_while_an_entry_is_added_says_the_entry_is_not_saved(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    paused_at: str,
    unsaved: bool,
    parties: int,
) -> None:
    target = tmp_path / "deal.yaml"
    keys = ExampleAnswers(spec, read_answers(SOFTWARE)[0], {paused_at: [CTRL_C]})
    terminal = ScriptedTerminal(keys)
    status, _, err = run_interview(terminal, "-o", target)
    assert status == 130 and terminal.asked[-1] == paused_at, err
    said = " ".join(err.split())
    told = "The party being added was not finished, so it is not saved: add it again when you "
    assert (told in said) is unsaved, said
    assert f"Your answers are saved in {target}." in said
    assert len(read_answers(target)[0].get("parties", [])) == parties
