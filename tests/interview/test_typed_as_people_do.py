"""Answers typed the way a deal team writes them, through the real terminal prompts: a city
for a country, a fraction for a percent, '0.6/0.4' for shares; examples that fit the deal's
place; a notice that a trigger needs; a list's menu again after a pause at it."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.answers.write import dump_answers

from ..conftest import EXAMPLES_DIR, run_cli
from .terminal import CTRL_C, ENTER, ExampleAnswers, ScriptedTerminal, retyped, run_interview

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"


def _battery(spec, overrides: dict[str, list[str]], data=None):  # type: ignore[no-untyped-def]
    return ScriptedTerminal(ExampleAnswers(spec, data or read_answers(BATTERY)[0], overrides))


def _paused(spec, overrides: dict[str, list[str]], target: Path) -> str:  # type: ignore[no-untyped-def]
    """What the battery example's interview said until a Ctrl-C in `overrides` paused it (its
    spacing made single, as the terminal's width wraps it), the answers so far saved in
    `target`."""
    status, out, err = run_interview(_battery(spec, overrides), "-o", target)
    assert status == 130, err
    return " ".join(out.split())


def _only_missing_answers(target: Path) -> None:
    """The saved file is one the interview takes back: nothing in it is refused."""
    checked = run_cli("interview", "--resume", target, "--no-input")
    assert checked.err == "", checked.err


def _qualified_matter(data: dict[str, Any]) -> str:
    matters = data["company"]["reserved_matters"]
    number = next(n for n, m in enumerate(matters, 1) if m["approval"] == "qualified_majority")
    return f"reserved_matters#{number}.majority_percent"


def test_a_german_deal_is_shown_german_examples_for_its_company(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "deal.governing_law": [retyped("Germany")],
        "company.share_capital": [CTRL_C],
    }
    company = _paused(spec, overrides, target).split("Section 3 of 8", 1)[1]
    before, after = company.split("The form decides the corporate law", 1)
    assert "Example: Keystone Mobility GmbH." in before
    assert "Example: Germany." in before
    assert "Delaware" not in before
    # The company's own jurisdiction, once given, is nearer than the governing law: its legal
    # form and capital follow it (the example answers 'the State of Delaware, USA').
    assert "Example: Delaware corporation." in after
    assert "Example: USD 200m." in after
    assert "EUR" not in company and "GmbH" not in after
    _only_missing_answers(target)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Keystone Mobility GmbH", "Germany"),
        ("Keystone Mobility Sp. z o.o.", "Poland"),
        ("Keystone Mobility Ltd", "England and Wales"),
    ],
)
def test_the_company_s_form_is_nearer_than_the_governing_law(  # type: ignore[no-untyped-def]
    tmp_path: Path, spec, name: str, place: str
) -> None:
    overrides = {
        "deal.governing_law": [retyped("England and Wales")],
        "company.name": [retyped(name)],
        "company.jurisdiction": [CTRL_C],
    }
    company = _paused(spec, overrides, tmp_path / "deal.yaml").split("Section 3 of 8", 1)[1]
    asked = company.split("Country or state it is to be incorporated in", 1)[0]
    assert f"Example: {place}." in asked


def test_a_party_s_registered_legal_form_gives_the_example_of_its_place(  # type: ignore[no-untyped-def]
    tmp_path: Path, spec
) -> None:
    overrides = {
        "parties#2.legal_name": [retyped("Beta Cells Sp. z o.o.")],
        "parties#2.jurisdiction": [CTRL_C],
    }
    second = _paused(spec, overrides, tmp_path / "deal.yaml").split("Beta Cells Sp. z o.o.")[-1]
    assert "Example: Poland." in second and "Delaware" not in second


def test_a_fraction_where_a_percent_is_asked_is_asked_back_as_the_percent(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    overrides = {
        _qualified_matter(example): [retyped("0.75"), ENTER],
        "company.funding.on_default": [CTRL_C],
    }
    terminal = _battery(spec, overrides)
    status, out, err = run_interview(terminal, "-o", target)
    assert status == 130, err
    said = " ".join(out.split())
    assert "✗ '0.75' reads as 0.75 %, less than one percent. Did you mean 75 %?" in said
    assert "Press Enter to take 75, or type 0.75 again to keep it" in said
    saved = read_answers(target)[0]["company"]["reserved_matters"]
    assert [m.get("majority_percent") for m in saved if "majority_percent" in m] == [75]
    _only_missing_answers(target)


def test_a_fraction_typed_again_is_kept_and_a_percent_sign_is_read(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    overrides = {
        _qualified_matter(example): [retyped("0.75"), retyped("0.75")],
        "company.dividends.policy": [CTRL_C],
    }
    _paused(spec, overrides, target)
    saved = read_answers(target)[0]["company"]["reserved_matters"]
    assert [str(m["majority_percent"]) for m in saved if "majority_percent" in m] == ["0.75"]
    for typed in ("75%", "75 %", "75 percent", "75"):
        again = tmp_path / f"{typed}.yaml"
        overrides = {
            _qualified_matter(example): [retyped(typed)],
            "company.dividends.policy": [CTRL_C],
        }
        assert "✗" not in _paused(spec, overrides, again)
        matters = read_answers(again)[0]["company"]["reserved_matters"]
        assert [m["majority_percent"] for m in matters if "majority_percent" in m] == [75]


def test_a_city_given_for_a_country_is_asked_back_with_its_country(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "parties#1.jurisdiction": [retyped("Munich"), ENTER],
        "company.jurisdiction": [retyped("Wilmington"), retyped("Wilmington")],
        "company.share_capital": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ Munich is a city in Germany. The draft needs the country or state whose laws apply, "
        "such as Germany. Press Enter to take Germany, or type Munich again to keep it"
    ) in said
    assert "Wilmington is a city in Delaware, USA." in said
    saved = read_answers(target)[0]
    assert saved["parties"][0]["jurisdiction"] == "Germany"
    assert saved["company"]["jurisdiction"] == "Wilmington"  # typed again: the user means it
    _only_missing_answers(target)


def test_a_country_named_in_its_own_language_is_asked_back_in_english(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "parties#1.jurisdiction": [retyped("Deutschland"), ENTER],
        "parties#2.jurisdiction": [retyped("Italia"), retyped("Italia")],
        "company.share_capital": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 'Deutschland' is Germany in German; the draft is in English. Press Enter to take "
        "Germany, or type Deutschland again to keep it"
    ) in said
    assert "'Italia' is Italy in Italian" in said
    saved = read_answers(target)[0]
    assert saved["parties"][0]["jurisdiction"] == "Germany"
    assert saved["parties"][1]["jurisdiction"] == "Italia"  # typed again: the user means it
    _only_missing_answers(target)


def test_a_day_written_with_points_is_offered_as_the_day_it_reads_as(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {"deal.date": [retyped("15.10.2026"), ENTER], "company.name": [CTRL_C]}
    said = _paused(spec, overrides, target)
    assert (
        "✗ '15.10.2026' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15; did you mean "
        "2026-10-15?"
    ) in said
    assert str(read_answers(target)[0]["deal"]["date"]) == "2026-10-15"
    _only_missing_answers(target)


def test_suggested_answers_read_as_words(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    said = _paused(spec, {"company.share_capital": [CTRL_C]}, tmp_path / "deal.yaml")
    offer = said.split("Use these suggestions?")[0]
    assert "Does the term sheet bind the parties?: non-binding" in offer
    assert "Rules of the proceedings: ICC Rules" in offer  # not "Rules: ICC Rules"


def test_an_amount_with_a_decimal_comma_is_asked_back_not_read_ten_times_larger(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "company.share_capital": [retyped("25.000 €"), ENTER],
        "company.board.seats": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ '25.000' reads as 25 here: a comma separates thousands and a point starts the "
        "decimals. Did you mean EUR 25k? Press Enter to take it, or type 25.000 € again to "
        "keep it"
    ) in said
    assert read_answers(target)[0]["company"]["share_capital"] == "EUR 25k"
    _only_missing_answers(target)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2,5 M EUR", "EUR 2.5m"),
        ("EUR 1,2bn", "EUR 1.2bn"),
        ("1,5 Mrd EUR", "EUR 1.5bn"),
        ("1,5 Md €", "EUR 1.5bn"),
        ("3,25 Mio. EUR", "EUR 3.25m"),
        ("2,5 millions EUR", "EUR 2.5m"),
    ],
)
def test_a_decimal_comma_that_reads_as_no_number_here_is_never_taken_as_one(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    typed: str,
    meant: str,
) -> None:
    """'2,5' is no number where a comma separates thousands (a group has three digits): typed
    again, it is offered again, never kept ten times larger; Enter takes the offer."""
    target = tmp_path / "deal.yaml"
    overrides = {
        "company.share_capital": [retyped(typed), retyped(typed), ENTER],
        "company.board.seats": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    number = re.search(r"\d+,\d+", typed)[0]  # type: ignore[index]
    offer = (
        f"✗ '{number}' is not a number here: a comma separates thousands and a point starts "
        f"the decimals. Did you mean {meant}? Press Enter to take it"
    )
    assert said.count(offer) == 2, said
    assert f"type {typed} again" not in said
    assert read_answers(target)[0]["company"]["share_capital"] == meant
    _only_missing_answers(target)


def test_a_law_given_for_the_governing_law_is_asked_back_with_its_place(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "deal.governing_law": [retyped("German law"), ENTER],
        "company.share_capital": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 'German law' names a law; the draft writes 'the laws of' itself and needs only the "
        "place, such as Germany. Press Enter to take Germany, or type German law again to keep it"
    ) in said
    assert read_answers(target)[0]["deal"]["governing_law"] == "Germany"
    assert "Example: Keystone Mobility GmbH." in said.split("Section 3 of 8", 1)[1]  # its place
    _only_missing_answers(target)


def test_a_country_given_as_the_seat_of_the_arbitration_is_refused_with_its_cities(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "governance.disputes.seat": [retyped("Schweiz"), retyped("Zurich")],
        "governance.disputes.rules": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 'Schweiz' is a country (Switzerland); a city is asked, such as Zurich or Geneva. "
        "Type the city"
    ) in said
    assert read_answers(target)[0]["governance"]["disputes"]["seat"] == "Zurich"


def test_shares_typed_as_fractions_are_offered_in_percent(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "goals.value_sharing.cost_share": [retyped("0.6/0.4"), ENTER],
        "goals.value_sharing.equity": [retyped("NAW 0.5; KSC 0.5"), ENTER],
        "company.name": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert "In the order the parties were given, it reads 'NAW 60; KSC 40'" in said
    assert "Did you mean 'NAW 50; KSC 50'? Press Enter to take it" in said
    shares = read_answers(target)[0]["goals"]["value_sharing"]
    assert shares["cost_share"] == {"NAW": 60, "KSC": 40}
    assert shares["equity"] == {"NAW": 50, "KSC": 50}
    _only_missing_answers(target)


def test_a_date_before_the_drafts_date_where_one_ahead_is_expected_is_asked_back(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """The Effective Date two years before the draft's (15 October 2026): asked about, and
    Enter keeps it; then it is a finding."""
    target = tmp_path / "deal.yaml"
    overrides = {
        "exit.term.effective_date": [retyped("2024-04-01"), ENTER],
        "exit.term.initial": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 1 April 2024 is before the draft's date (15 October 2026), and this date is expected "
        "ahead of it. Press Enter to keep it"
    ) in said
    assert str(read_answers(target)[0]["exit"]["term"]["effective_date"]) == "2024-04-01"
    checked = run_cli("check", target)
    assert "1 April 2024 is before the draft's date (15 October 2026)" in " ".join(
        checked.out.split()
    )


def test_a_misspelt_party_in_shares_is_corrected_and_enter_takes_the_whole_answer(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    overrides = {
        "goals.value_sharing.cost_share": [retyped("NAW 60; KSCC 40"), ENTER],
        "company.name": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert "'KSCC' is not one of the parties, did you mean 'KSC'?" in said
    assert read_answers(target)[0]["goals"]["value_sharing"]["cost_share"] == {"NAW": 60, "KSC": 40}
    _only_missing_answers(target)


def test_shares_typed_without_separators_are_read_party_by_party(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "goals.value_sharing.cost_share": [retyped("NAW 60 KSC 40")],
        "goals.value_sharing.equity": [retyped("naw 50 % and KSCC 50 %"), ENTER],
        "company.name": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert "'KSCC' is not one of the parties, did you mean 'KSC'?" in said
    assert "'NAW 60 KSC' is not" not in said
    shares = read_answers(target)[0]["goals"]["value_sharing"]
    assert shares["cost_share"] == {"NAW": 60, "KSC": 40}
    assert shares["equity"] == {"NAW": 50, "KSC": 50}
    _only_missing_answers(target)


def test_money_in_a_currency_named_in_words_is_offered_with_its_code(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "company.share_capital": [retyped("25 million euros"), ENTER],
        "company.board.seats": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 'euros' is not a currency code (three letters, such as EUR, USD or JPY); did you mean "
        "'EUR 25 million'? Press Enter to take it, or change it"
    ) in said
    assert read_answers(target)[0]["company"]["share_capital"] == "EUR 25m"
    _only_missing_answers(target)


def test_an_empty_notice_of_an_exit_trigger_is_refused(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "triggers#1.notice": [retyped(""), retyped("30 days")],
        "triggers#1.cure": [retyped(""), CTRL_C],
    }
    said = _paused(spec, overrides, target)
    refused = "an exit trigger needs this answer: type it, or press Esc to cancel the exit trigger"
    assert said.count(refused) == 2  # the notice, then the cure period of a breach
    saved = read_answers(target)[0]
    # Paused before its cure period, the breach is not saved half given.
    assert "triggers" not in saved.get("exit", {})
    assert not [path for path in saved.get("left_open", []) if "triggers" in path]
    _only_missing_answers(target)


def test_resuming_after_a_pause_at_a_list_shows_its_menu_with_its_entries(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    first = _battery(spec, {"reserved_matters": [f"Add {ENTER}", CTRL_C]})
    status, _, err = run_interview(first, "-o", target)
    assert status == 130, err
    paused = read_answers(target)[0]
    assert len(paused["company"]["reserved_matters"]) == 1
    _only_missing_answers(target)
    second = ScriptedTerminal(
        ExampleAnswers(spec, example, {"officers": [CTRL_C]}, resumed=copy.deepcopy(paused))
    )
    status, out, err = run_interview(second, "--resume", target)
    assert status == 130, err
    assert second.asked[0] == "reserved_matters"
    first_matter = example["company"]["reserved_matters"][0]["matter"]
    assert f"1. {first_matter}" in " ".join(out.split("Reserved matters:", 1)[1].split())
    saved = read_answers(target)[0]["company"]["reserved_matters"]
    assert [m["matter"] for m in saved] == [
        m["matter"] for m in example["company"]["reserved_matters"]
    ]
    _only_missing_answers(target)


def test_hints_and_suggestions_do_not_contradict_their_question(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "exit.term.initial": [retyped("")],
        "exit.term.end_date": [retyped("2031-12-31")],
        "exit.term.lock_in": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    offer = said.split("Use these suggestions?")[0]
    assert "Renewal at the end of the term: automatic, unless a party gives notice" in offer
    assert "Notice needed to stop a renewal: 12 months" in offer
    assert "Notice the option holder gives to renew" not in offer  # not for automatic renewal
    # An empty initial term means the end date comes next, not that the term is left open.
    assert "leave it empty and give the date next. Example: 5 years." in said
    assert "give the date next. Example: 5 years. Leave it empty" not in said
    assert "This removes" not in said  # the term left empty is given by its end date


def test_a_trigger_either_party_may_use_is_not_left_open(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    target.write_bytes(BATTERY.read_bytes())
    screen = io.StringIO()
    terminal = ScriptedTerminal(ExampleAnswers(spec, read_answers(BATTERY)[0]), screen=screen)
    status, _, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    assert "triggers#1.exercisable_by" in terminal.asked
    assert "Who may use it\r\n » (either party)" in screen.getvalue()
    saved = read_answers(target)[0]
    assert not [path for path in saved.get("left_open", []) if "exercisable_by" in path]
    assert saved["exit"]["triggers"][0]["exercisable_by"] is None  # either party


def test_the_details_of_an_offtake_commitment_are_asked_as_one(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    example = read_answers(BATTERY)[0]
    contributions = example["strengths"]["contributions"]
    offtake = next(n for n, c in enumerate(contributions) if c["kind"] == "plant_allocation")
    partial = copy.deepcopy(example)
    del partial["strengths"]["contributions"][offtake]["tracking"]
    target = tmp_path / "deal.yaml"
    target.write_text(dump_answers(partial), encoding="utf-8")
    terminal = ScriptedTerminal(ExampleAnswers(spec, example))
    status, out, err = run_interview(terminal, "--resume", target)
    assert (status, err) == (0, "")
    assert f"offtake#{offtake + 1}.tracking" in terminal.asked
    assert f"contributions#{offtake + 1}.tracking" not in terminal.asked
    assert "Example: Rolling 18-month forecast, binding for the next two quarters." in " ".join(
        out.split()
    )
    assert read_answers(target)[0]["strengths"]["contributions"] == contributions


def test_enter_at_the_casting_vote_leaves_it_open_as_at_other_open_questions(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "deal.yaml"
    screen = io.StringIO()
    overrides = {"company.board.casting_vote": [ENTER], "reserved_matters": [CTRL_C]}
    terminal = ScriptedTerminal(
        ExampleAnswers(spec, read_answers(BATTERY)[0], overrides), screen=screen
    )
    status, _, err = run_interview(terminal, "-o", target)
    assert status == 130, err
    asked = screen.getvalue().split("Does the chair have a casting vote?")[1]
    assert " » (leave open)\r\n   yes\r\n   no" in asked  # the pointer starts on leaving it open
    saved = read_answers(target)[0]
    assert "casting_vote" not in saved["company"]["board"]  # not 'no': nobody said no
    assert "company.board.casting_vote" in saved["left_open"]
    _only_missing_answers(target)


def test_places_written_in_french_are_offered_in_english(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {
        "deal.governing_law": [retyped("droit français"), ENTER],
        "parties#1.jurisdiction": [retyped("Angleterre"), ENTER],
        "parties#2.jurisdiction": [retyped("Corée du Sud"), ENTER],
        "company.share_capital": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert "'Corée du Sud' is the Republic of Korea in French" in said
    saved = read_answers(target)[0]
    assert saved["deal"]["governing_law"] == "France"
    assert [party["jurisdiction"] for party in saved["parties"]] == [
        "England and Wales",
        "the Republic of Korea",
    ]
    _only_missing_answers(target)


def test_a_length_of_time_in_german_is_offered_in_english(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    overrides = {"exit.term.initial": [retyped("5 Jahre"), ENTER], "exit.term.lock_in": [CTRL_C]}
    said = _paused(spec, overrides, target)
    assert (
        "✗ '5 Jahre' is 5 years in German; the draft is in English. Press Enter to take "
        "5 years, or change it"
    ) in said
    assert read_answers(target)[0]["exit"]["term"]["initial"] == "5 years"
    _only_missing_answers(target)


@pytest.mark.parametrize(
    ("typed", "meant"), [("5 yrs", "5 years"), ("18 mths", "18 months"), ("1 yr.", "1 year")]
)
def test_a_length_of_time_with_its_unit_shortened_is_offered_in_full(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    typed: str,
    meant: str,
) -> None:
    """A new user typed '5 yrs': told only "did you mean 'years'?", with nothing Enter takes."""
    target = tmp_path / "deal.yaml"
    overrides = {"exit.term.initial": [retyped(typed), ENTER], "exit.term.lock_in": [CTRL_C]}
    said = _paused(spec, overrides, target)
    assert (
        f"✗ '{typed}' is {meant} with its unit shortened; the draft writes it in full. Press "
        f"Enter to take {meant}, or change it"
    ) in said
    assert read_answers(target)[0]["exit"]["term"]["initial"] == meant
    _only_missing_answers(target)


@pytest.mark.parametrize(("again", "kept"), [(retyped("75"), "75"), (ENTER, "50")])
def test_a_qualified_majority_of_no_more_than_half_is_asked_back(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
    again: str,
    kept: str,
) -> None:
    """A new user typed 50 for a qualified majority: taken without a word, and only the
    findings at the end said that it is no more than a simple majority."""
    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    overrides = {
        _qualified_matter(example): [retyped("50"), again],
        "company.funding.on_default": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ 50 % is no more than a simple majority; a qualified majority is more than 50 %, "
        "e.g. 75 or 2/3. Type the majority meant, or press Enter to keep it"
    ) in said
    saved = read_answers(target)[0]["company"]["reserved_matters"]
    assert [str(m["majority_percent"]) for m in saved if "majority_percent" in m] == [kept]


def test_a_fraction_for_a_majority_is_offered_as_its_percent(tmp_path: Path, spec) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "deal.yaml"
    example = read_answers(BATTERY)[0]
    overrides = {
        _qualified_matter(example): [retyped("2/3"), ENTER],
        "company.funding.on_default": [CTRL_C],
    }
    said = _paused(spec, overrides, target)
    assert (
        "✗ '2/3' is a fraction, and a percent is asked. Did you mean 66.66 % (two thirds, "
        "rounded down so that exactly two thirds meets it)? Press Enter to take 66.66, or "
        "change it"
    ) in said
    saved = read_answers(target)[0]["company"]["reserved_matters"]
    assert [str(m["majority_percent"]) for m in saved if "majority_percent" in m] == ["66.66"]
    _only_missing_answers(target)


def test_a_contribution_paused_before_its_quantity_is_not_saved_half(
    tmp_path: Path,
    spec,  # type: ignore[no-untyped-def]
) -> None:
    """Its party and kind are given, its quantity not yet asked: the file keeps no such
    entry, which a resumed interview would keep as it was and `validate` call valid; going on
    adds it again from the start."""
    target = tmp_path / "deal.yaml"
    _paused(spec, {"contributions#1.quantity": [CTRL_C]}, target)
    saved = read_answers(target)[0]
    assert not saved.get("strengths", {}).get("contributions"), saved.get("strengths")
    assert saved["paused_at"] == "contributions"
    again = _battery(spec, {"contributions#1.quantity": [CTRL_C]})
    status, _, err = run_interview(again, "--resume", target)
    assert status == 130, err
    # A list that needs an entry starts it straight away.
    assert again.asked[:2] == ["contributions#1.party", "contributions#1.kind"]


def test_who_pays_for_the_staff_a_party_provides_is_asked_on_one_line(spec, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = io.StringIO()
    keys = ExampleAnswers(
        spec, read_answers(BATTERY)[0], {"company.funding.contributed_staff": [CTRL_C]}
    )
    status, out, err = run_interview(
        ScriptedTerminal(keys, screen=screen), "-o", tmp_path / "d.yaml"
    )
    assert status == 130, err
    asked = [line for line in screen.getvalue().splitlines() if "Who pays for the staff" in line]
    assert asked, screen.getvalue()[-2000:]
    assert all(line.rstrip().endswith("a party provides the company") for line in asked), asked
    assert "(engineers, test slots)" not in screen.getvalue()
    assert "Seconded engineers, test slots and the like." in " ".join(out.split())
