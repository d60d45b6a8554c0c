"""`termgen deadlines` and `termgen calendar`: the right dates, reminders, and plain gaps."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from icalendar import Calendar

from ..conftest import EXAMPLES, EXAMPLES_DIR, TEST_ENVIRON, run_cli

BATTERY_JV = EXAMPLES_DIR / "battery-jv.yaml"


def _variant(tmp_path: Path, change: Any, name: str = "variant.yaml") -> Path:
    deal = yaml.safe_load(BATTERY_JV.read_text(encoding="utf-8"))
    change(deal)
    target = tmp_path / name
    target.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _events(ics: Path) -> dict[str, dict[str, Any]]:
    """Summary (without the deal name) -> start date, description, reminder, uid."""
    calendar = Calendar.from_ical(ics.read_bytes())
    events = {}
    for event in calendar.walk("VEVENT"):
        alarms = event.walk("VALARM")
        summary = str(event["SUMMARY"]).split(": ", 1)[1]
        events[summary] = {
            "date": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "description": str(event["DESCRIPTION"]),
            "reminder": alarms[0].decoded("TRIGGER") if alarms else None,
            "uid": str(event["UID"]),
        }
    return events


def _calendar(answers: Path, target: Path, *extra: str) -> dict[str, dict[str, Any]]:
    result = run_cli("calendar", answers, "-o", target, *extra)
    assert result.status == 0, result.err
    return _events(target)


def test_the_battery_jv_calendar_holds_its_dates(tmp_path: Path) -> None:
    events = _calendar(BATTERY_JV, tmp_path / "volta.ics")
    expected = {
        "Initial term expires": dt.date(2037, 6, 1),
        "Last day to give notice of non-renewal": dt.date(2035, 12, 1),
        "Lock-in of 5 years ends: a party may leave freely": dt.date(2032, 6, 1),
        "Review point: Phase 1 gate review": dt.date(2028, 4, 30),
        "Review point: Capacity and chemistry review": dt.date(2031, 6, 30),
        "Review point: Pre-expiry strategic review": dt.date(2035, 6, 30),
        "Target date for signing the definitive agreements": dt.date(2027, 2, 26),
        "The term sheet lapses unless the definitive agreements are signed": dt.date(2027, 3, 31),
        "Timetable: Merger-control and CFIUS filings made": dt.date(2027, 2, 12),
    }
    for summary, day in expected.items():
        assert events[summary]["date"] == day, summary
        assert events[summary]["end"] == day + dt.timedelta(days=1)
    notice = events["Last day to give notice of non-renewal"]
    assert notice["reminder"] == -dt.timedelta(days=90)
    assert "clause 11.2 Automatic renewal of the term sheet" in notice["description"]
    assert "answers: exit.renewal.notice" in notice["description"]
    lapse = events["The term sheet lapses unless the definitive agreements are signed"]
    assert "clause 16.1 Expiry of this term sheet" in lapse["description"]
    filings = events["Timetable: Merger-control and CFIUS filings made"]
    assert filings["reminder"] == -dt.timedelta(days=14)
    assert "answers: term_sheet.timetable.2.by" in filings["description"]
    gates = [summary for summary in events if summary.startswith("Phase gate:")]
    assert len(gates) == 2
    assert events[gates[0]]["date"] == dt.date(2028, 3, 31)
    assert any(summary.startswith("Contribution due: NAW Offtake") for summary in events)
    assert all(event["reminder"] < dt.timedelta(0) for event in events.values())
    assert len({event["uid"] for event in events.values()}) == len(events)


EXPIRIES = {
    "battery-jv": dt.date(2037, 6, 1),
    "bridge-technology": dt.date(2031, 4, 1),
    "edrive-jv": dt.date(2039, 10, 1),
    "incomplete-deal": dt.date(2035, 2, 1),
    "platform-sharing": dt.date(2034, 4, 1),
    "robotaxi-pilot": dt.date(2029, 6, 1),
    "sdv-software": dt.date(2032, 4, 1),
}
"""Effective date plus initial term, worked out by hand from each example."""


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_gives_a_calendar_with_its_dates(tmp_path: Path, example: Path) -> None:
    events = _calendar(example, tmp_path / "deal.ics")
    by_date = {(summary, event["date"]) for summary, event in events.items()}
    assert events["Initial term expires"]["date"] == EXPIRIES[example.stem]
    deal = yaml.safe_load(example.read_text(encoding="utf-8"))
    for point in deal.get("change", {}).get("review_points", []):
        if "date" in point:
            assert (f"Review point: {point['name']}", point["date"]) in by_date
    for phase in deal.get("strengths", {}).get("phases", []):
        if "target_date" in phase:
            assert any(
                summary.startswith(f"Phase gate: {phase['name']}") and day == phase["target_date"]
                for summary, day in by_date
            )
    for contribution in deal.get("strengths", {}).get("contributions", []):
        for key, title in (("start", "Contribution starts"), ("end", "Contribution due")):
            if key in contribution:
                assert any(
                    summary.startswith(f"{title}: {contribution['party']} ")
                    and day == contribution[key]
                    for summary, day in by_date
                ), (key, contribution)


def test_a_notice_90_days_before_a_29_february_expiry(tmp_path: Path) -> None:
    def leap(deal: dict[str, Any]) -> None:
        deal["exit"]["term"] = {"effective_date": "2020-02-29", "initial": "8 years"}
        deal["exit"]["renewal"]["notice"] = "90 days"

    events = _calendar(_variant(tmp_path, leap), tmp_path / "leap.ics")
    assert events["Initial term expires"]["date"] == dt.date(2028, 2, 29)
    assert events["Last day to give notice of non-renewal"]["date"] == dt.date(2027, 12, 1)


def test_month_ends_are_clamped_not_rolled_over(tmp_path: Path) -> None:
    def month_end(deal: dict[str, Any]) -> None:
        deal["exit"]["term"] = {"effective_date": "2027-01-31", "initial": "13 months"}
        deal["exit"]["renewal"]["notice"] = "3 months"
        deal["change"]["review_points"] = [{"name": "First month", "after": "1 month"}]

    events = _calendar(_variant(tmp_path, month_end), tmp_path / "month-end.ics")
    assert events["Initial term expires"]["date"] == dt.date(2028, 2, 29)
    assert events["Last day to give notice of non-renewal"]["date"] == dt.date(2027, 11, 29)
    assert events["Review point: First month"]["date"] == dt.date(2027, 2, 28)


def test_deadlines_that_cannot_be_computed_are_said_plainly(tmp_path: Path) -> None:
    def undated(deal: dict[str, Any]) -> None:
        del deal["exit"]["term"]["effective_date"]
        deal["exit"]["renewal"].pop("notice")
        deal["change"]["review_points"] = [{"name": "Year-two review", "after": "2 years"}]

    answers = _variant(tmp_path, undated)
    result = run_cli("calendar", answers, "-o", tmp_path / "undated.ics")
    assert result.status == 0, result.err
    assert "cannot be computed and are not in the calendar" in result.out
    for line in [
        "- Initial term expires: the answers give no effective date (settle it at “Agreed exit "
        "path › Effective date (YYYY-MM-DD)”)",
        "- Last day to give notice of non-renewal: the answers give no notice period for "
        "renewal (settle it at “Agreed exit path › Notice needed to stop a renewal”)",
        "- Review point: Year-two review: the answers give no effective date to count it from "
        "(settle it at “Readiness for change › Review points › the first review point",
        "- Lock-in of 5 years ends: a party may leave freely: the answers give no effective date",
    ]:
        assert line in " ".join(result.out.split()), result.out
    events = _events(tmp_path / "undated.ics")
    assert "Initial term expires" not in events
    assert (
        "Phase gate: Phase 1 - Construction and pilot line (Pilot cells pass NAW B-sample "
        "validation.)" in events
    )


def test_the_table_puts_the_next_deadline_first(tmp_path: Path) -> None:
    result = run_cli("deadlines", BATTERY_JV, today=dt.date(2031, 7, 1))
    assert result.status == 0, result.err
    rows = [line for line in result.out.splitlines() if line[:4].isdigit()]
    dates = [dt.date.fromisoformat(row[:10]) for row in rows]
    upcoming = [day for day in dates if day >= dt.date(2031, 7, 1)]
    assert dates[0] == dt.date(2032, 6, 1)
    assert dates[: len(upcoming)] == sorted(upcoming)
    assert "in 336 days" in rows[0]
    assert "days ago" in rows[-1]


def test_deadlines_as_json(tmp_path: Path) -> None:
    result = run_cli("deadlines", EXAMPLES_DIR / "incomplete-deal.yaml", "--json")
    assert result.status == 0, result.err
    rows = json.loads(result.out)["deadlines"]
    unknown = [row for row in rows if row["date"] is None]
    assert unknown == [
        {
            "date": None,
            "kind": "renewal_notice",
            "title": "Last day to give notice of non-renewal",
            "remind_days_before": 90,
            "clause": None,
            "answers": "exit.renewal.notice",
            "unknown_because": "the answers give no renewal terms",
        }
    ]
    assert {row["kind"] for row in rows} >= {"expiry", "review", "phase_gate"}


def test_the_same_answers_give_the_same_calendar_and_nothing_is_replaced(
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    _calendar(BATTERY_JV, first)
    _calendar(BATTERY_JV, second)
    assert first.read_bytes() == second.read_bytes()
    before = first.read_bytes()
    refused = run_cli("calendar", EXAMPLES_DIR / "sdv-software.yaml", "-o", first)
    assert refused.status == 2
    assert "--force" in refused.err
    assert first.read_bytes() == before
    assert (
        run_cli("calendar", EXAMPLES_DIR / "sdv-software.yaml", "-o", first, "--force").status == 0
    )
    assert first.read_bytes() != before


def test_a_bad_answer_file_writes_no_calendar(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deal: [unclosed\n", encoding="utf-8")
    result = run_cli("calendar", bad, "-o", tmp_path / "bad.ics")
    assert result.status == 2
    assert "bad.yaml:" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "bad.ics").exists()


def test_a_timetable_step_without_a_date_is_listed_with_the_reason(tmp_path: Path) -> None:
    data = yaml.safe_load(BATTERY_JV.read_text(encoding="utf-8"))
    del data["term_sheet"]["timetable"][1]["by"]
    answers = tmp_path / "deal.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run_cli("deadlines", answers, "--json")
    assert result.status == 0, result.err
    steps = [row for row in json.loads(result.out)["deadlines"] if row["kind"] == "timetable_step"]
    assert [(row["date"], row["answers"]) for row in steps] == [
        ("2026-12-18", "term_sheet.timetable.0.by"),
        ("2027-02-12", "term_sheet.timetable.2.by"),
        (None, "term_sheet.timetable.1.by"),
    ]
    assert steps[2]["unknown_because"] == "the step has no target date"
    assert steps[2]["title"] == "Timetable: Business plan and first-year budget of the JV agreed"


def test_deadlines_without_a_date_fit_a_narrow_terminal_without_an_empty_table(
    tmp_path: Path,
) -> None:
    def undated(deal: dict[str, Any]) -> None:
        del deal["exit"]["term"]["effective_date"]
        deal["term_sheet"] = {}
        deal["strengths"]["phases"] = []
        deal["change"]["review_points"] = []
        for contribution in deal["strengths"]["contributions"]:
            for key in ("start", "end", "milestone"):
                contribution.pop(key, None)

    answers = _variant(tmp_path, undated)
    result = run_cli("deadlines", answers, environ={**TEST_ENVIRON, "COLUMNS": "60"})
    assert result.status == 0, result.err
    lines = result.out.splitlines()
    assert "No deadline has a date yet." in lines, result.out
    assert lines[0] == "Deadlines for Project Volta v0.4", result.out
    assert all(len(line) <= 60 or str(answers) in line for line in lines), result.out
    assert "- Initial term expires: the answers give no effective date" in result.out
    assert "  (settle it at “Agreed exit path › Effective date" in lines
    assert "answers:" not in result.out


def test_a_deadline_whose_question_is_not_asked_yet_names_the_one_it_comes_under() -> None:
    result = run_cli("deadlines", EXAMPLES_DIR / "incomplete-deal.yaml")
    assert result.status == 0, result.err
    assert (
        "- Last day to give notice of non-renewal: the answers give no renewal terms (settle it "
        "at “Agreed exit path › Renewal at the end of the term”)"
    ) in " ".join(result.out.split())
