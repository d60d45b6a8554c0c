"""Findings on a deal: exactly what is missing, where to settle it, and how they leave termgen."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx.table import Table
from lxml import etree

from termgen.answers.read import read_answers
from termgen.errors import TermgenError
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.model import Deal
from termgen.pipeline import DealRun
from termgen.render.richtext import unbroken

from ..conftest import COMPLETE_EXAMPLES, EXAMPLES_DIR, TEST_ENVIRON, run_cli
from ..docx_reading import W, builtin_library, part_texts, table_after, word, write
from .answers import set_answer

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
INCOMPLETE = EXAMPLES_DIR / "incomplete-deal.yaml"


def _findings(data: dict[str, Any], layers: list[Path] | None = None) -> list[tuple[str, str]]:
    deal = Deal.model_validate(data)
    library = load_library(layers) if layers else builtin_library()
    return [(f.provision, f.message) for f in DealRun(deal, library).findings]


def _battery() -> dict[str, Any]:
    return copy.deepcopy(read_answers(BATTERY)[0])


def test_the_incomplete_example_yields_exactly_its_planted_findings() -> None:
    result = run_cli("check", INCOMPLETE, "--json")
    found = [
        (f["id"], f["message"], f["path"], f["line"]) for f in json.loads(result.out)["findings"]
    ]
    assert found == [
        (
            "renewal.mechanism",
            "renewal is not settled: state how the partnership renews, or that it does not",
            "exit.renewal.type",
            171,
        ),
        (
            "exit.assets",
            "tooling (E-axle series tooling at Kopřivnice) has no treatment on exit",
            "exit.assets.1.treatment",
            199,
        ),
        (
            "contributions.executable",
            "SKM's engineering capacity contribution has no tracking",
            "strengths.contributions.1.tracking",
            97,
        ),
        (
            "liability.risks",
            "the cap on each party's liability to the other party, who pays for a recall or the insurance each party keeps is not answered; the draft shows [●] for a cap left open, the usual terms for a recall or insurance left open",
            "goals.liability.cap",
            45,
        ),
        (
            "exclusivity.negotiations",
            "whether the parties negotiate exclusively is not answered; answer yes to bind the exclusive negotiations from signature, or no for a term sheet that says they are not exclusive",
            "deal.exclusive",
            7,
        ),
        (
            "notices.addresses",
            "a party has no notice address in the term sheet; give each party's address and the function (legal department, general counsel) to mark notices for",
            "parties",
            19,
        ),
    ]


def test_a_finding_of_a_deal_of_three_parties_names_the_other_parties() -> None:
    data = copy.deepcopy(read_answers(INCOMPLETE)[0])
    data["parties"].append({**data["parties"][1], "short_name": "VLK", "legal_name": "Volk AB"})
    [liability] = [
        message for provision, message in _findings(data) if provision == "liability.risks"
    ]
    assert liability.startswith("the cap on each party's liability to the other parties, who pays")


def test_a_majority_one_of_three_parties_reaches_alone_leaves_the_others_no_say() -> None:
    data = copy.deepcopy(read_answers(EXAMPLES_DIR / "edrive-jv.yaml")[0])
    data["goals"]["value_sharing"]["equity"] = {"RMA": 80, "HEC": 15, "VTR": 5}
    data["company"]["reserved_matters"][0]["level"] = "shareholders"
    assert (
        "company.reserved_majority",
        "RMA alone holds 80 % of the equity, enough for the 75 % that 'Approval of the business "
        "plan and the annual budget' needs, so the others have no say on it; raise the majority "
        "or make it unanimous",
    ) in _findings(data)


@pytest.mark.parametrize("example", COMPLETE_EXAMPLES, ids=[p.stem for p in COMPLETE_EXAMPLES])
def test_a_complete_example_has_no_finding_at_all(example: Path) -> None:
    result = run_cli("check", example, "--json", "--strict")
    assert result.status == 0
    assert json.loads(result.out)["findings"] == []


def _drop(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _together(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for each in changes:
            each(data)

    return change


def _one_more_review(
    review: dict[str, Any], renewal: str = "automatic"
) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["change"]["review_points"].append(review)
        if renewal == "none":
            data["exit"]["renewal"] = {"type": "none"}

    return change


def _relative_review(after: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data["exit"]["term"]["effective_date"]
        data["change"]["review_points"] = [
            {"name": "Late review", "after": after, "options": ["continue", "exit"]}
        ]

    return change


_NO_EFFECTIVE_DATE = (
    "draft.open_points",
    "clause 11.1 (Effective date and initial term) shows an open point ([●]) that no other "
    "point explains; give the answer it needs, or choose '(leave open)' at its question to keep "
    "it open",
)
"""What every case without an effective date also finds."""

CASES = [
    (
        "no term",
        _drop("exit", "term", "initial"),
        [("term.initial", "no initial term, end date or end milestone")],
    ),
    (
        "renewal without notice",
        _drop("exit", "renewal", "notice"),
        [("renewal.notice", "renewal is automatic, but no notice period to stop it")],
    ),
    ("no renewal expressly", set_answer({"type": "none"}, "exit", "renewal"), []),
    (
        "review after the notice deadline",
        set_answer(
            [{"name": "Late review", "date": "2036-06-30", "options": ["continue", "exit"]}],
            "change",
            "review_points",
        ),
        [
            (
                "coherence.review_timing",
                "the Late review (30 June 2036) comes after the last day to give notice of non-renewal (1 December 2035), so it can no longer stop the renewal; hold it earlier",
            )
        ],
    ),
    (
        "review after the last day to exercise a renewal option",
        _together(
            set_answer(
                {"type": "party_option", "period": "5 years", "notice": "18 months"},
                "exit",
                "renewal",
            ),
            set_answer("NAW", "exit", "renewal", "option_holder"),
            set_answer(1, "exit", "renewal", "max_renewals"),
            set_answer(
                [{"name": "Late review", "date": "2036-06-30", "options": ["continue", "exit"]}],
                "change",
                "review_points",
            ),
        ),
        [
            (
                "coherence.review_timing",
                "the Late review (30 June 2036) comes after the last day to exercise the renewal "
                "option (1 December 2035), so it can no longer decide the renewal; hold it "
                "earlier",
            )
        ],
    ),
    (
        "review after a notice deadline too close to hold one in time",
        _together(
            set_answer("2026-11-02", "exit", "term", "effective_date"),
            set_answer("10 years", "exit", "renewal", "notice"),
            set_answer(
                [{"name": "Late review", "date": "2027-01-15", "options": ["continue", "exit"]}],
                "change",
                "review_points",
            ),
        ),
        [
            (
                "term.notice_fit",
                "each renewal period (5 years) is shorter than the notice to stop it (10 years)",
            ),
            (
                "term_sheet.lapse",
                "the partnership takes effect on 2 November 2026, before the target for signing "
                "the definitive agreements (26 February 2027); set the Effective Date on or "
                "after signing",
            ),
            (
                "coherence.review_timing",
                "the Late review (15 January 2027) comes after the last day to give notice of "
                "non-renewal (2 November 2026), so it can no longer stop the renewal; it would "
                "have to be held by 3 October 2026, before the draft's date (15 October 2026); "
                "lengthen the initial term or shorten the notice period so that there is time "
                "for it",
            ),
        ],
    ),
    (
        "review too close to the notice deadline",
        set_answer(
            [{"name": "Late review", "date": "2035-11-15", "options": ["continue", "exit"]}],
            "change",
            "review_points",
        ),
        [
            (
                "coherence.review_timing",
                "the Late review (15 November 2035) is only 16 days before the last day to give "
                "notice of non-renewal (1 December 2035): too little time to decide, get "
                "approvals and serve the notice; hold it at least 30 days before that day",
            )
        ],
    ),
    (
        "review on the notice deadline",
        set_answer(
            [{"name": "Late review", "date": "2035-12-01", "options": ["exit"]}],
            "change",
            "review_points",
        ),
        [
            (
                "coherence.review_timing",
                "the Late review (1 December 2035) falls on the last day to give notice of "
                "non-renewal (1 December 2035): too little time to decide, get approvals and serve "
                "the notice; hold it at least 30 days before that day",
            )
        ],
    ),
    (
        "a second review after the initial term, on a date",
        _one_more_review({"name": "Late review", "date": "2037-09-30", "options": ["exit"]}),
        [
            (
                "coherence.review_timing",
                "the Late review (30 September 2037) comes after the initial term ends (1 June "
                "2037), when the renewal it should decide is settled; hold it before the last "
                "day to give notice of non-renewal",
            )
        ],
    ),
    (
        "a second review after the end of a partnership that does not renew, counted from the "
        "effective date",
        _one_more_review(
            {"name": "Late review", "after": "11 years", "options": ["continue"]}, renewal="none"
        ),
        [
            (
                "coherence.review_timing",
                "the Late review (1 June 2038) comes after the partnership ends (1 June 2037), "
                "so it decides nothing; hold it before then",
            )
        ],
    ),
    (
        "review a month before the notice deadline",
        set_answer(
            [{"name": "Late review", "date": "2035-11-01", "options": ["continue"]}],
            "change",
            "review_points",
        ),
        [],
    ),
    (
        "review within a month of the notice deadline, counted from an effective date not yet "
        "known",
        _relative_review("103 months"),
        [
            (
                "coherence.review_timing",
                "the Late review (103 months after the Effective Date) falls within 30 days of "
                "the last day to give notice of non-renewal (18 months before the initial term "
                "of 10 years ends): too little time to decide, get approvals and serve the "
                "notice; hold it at least 30 days before that day",
            ),
            _NO_EFFECTIVE_DATE,
        ],
    ),
    (
        "review after the notice deadline, counted from an effective date not yet known",
        _relative_review("9 years"),
        [
            (
                "coherence.review_timing",
                "the Late review (9 years after the Effective Date) comes after the last day to "
                "give notice of non-renewal (18 months before the initial term of 10 years ends), "
                "so it can no longer stop the renewal; hold it earlier",
            ),
            _NO_EFFECTIVE_DATE,
        ],
    ),
    (
        "review after the initial term, counted from an effective date not yet known",
        _relative_review("11 years"),
        [
            (
                "coherence.review_timing",
                "the Late review (11 years after the Effective Date) comes after the initial term "
                "(10 years) has ended; hold it before the last day to give notice of non-renewal",
            ),
            _NO_EFFECTIVE_DATE,
        ],
    ),
    (
        "review in time, counted from an effective date not yet known",
        _relative_review("7 years"),
        [
            _NO_EFFECTIVE_DATE,
        ],
    ),
    (
        "no deciding review",
        set_answer([], "change", "review_points"),
        [
            (
                "renewal.review",
                "no review point decides on continuing or exiting before the term ends on 1 June 2037",
            )
        ],
    ),
    (
        "trigger without notice",
        _drop("exit", "triggers", 2, "notice"),
        [("exit.notice", "the change of control trigger has no notice period")],
    ),
    (
        "breach without cure",
        _drop("exit", "triggers", 0, "cure"),
        [("exit.notice", "the breach trigger has no cure period")],
    ),
    (
        "no triggers",
        set_answer([], "exit", "triggers"),
        [
            ("exit.triggers", "no exit trigger at all"),
            ("exit.trigger.breach", "no exit trigger for breach"),
            ("exit.trigger.insolvency", "no exit trigger for insolvency"),
            ("exit.trigger.change_of_control", "no exit trigger for change of control"),
            ("exit.trigger.deadlock", "no exit trigger for deadlock"),
            ("exit.trigger.milestones", "no exit trigger for milestones"),
            ("exit.trigger.regulatory", "no exit trigger for regulatory or tariff change"),
            ("exit.trigger.convenience", "no exit trigger for convenience"),
        ],
    ),
    (
        "survival without duration",
        _drop("exit", "survival", 2, "duration"),
        [("exit.survival", "the surviving confidentiality obligation has no duration")],
    ),
    (
        "equity without a stake treatment",
        _drop("exit", "assets", 0),
        [
            (
                "exit.assets",
                "the deal has equity shares, but the shared assets on exit do not say what happens to the equity stake",
            )
        ],
    ),
    (
        "equity without valuation",
        _drop("exit", "valuation"),
        [
            (
                "exit.valuation",
                "no buy-out or valuation mechanism, though there is equity",
            )
        ],
    ),
    (
        "mediation only",
        set_answer({"mechanism": "mediation", "seat": "London"}, "governance", "disputes"),
        [
            (
                "exit.disputes",
                "the escalation path ends in mediation, which does not bind; end it in arbitration, the courts or binding expert determination",
            )
        ],
    ),
    (
        "decision without owner",
        _drop("governance", "decision_rights", 1, "owner"),
        [("decisions.owner", "nobody owns the decision 'Cost baseline and annual budget'")],
    ),
    (
        "a reserved matter's qualified majority that one director-appointing party reaches alone",
        _together(
            set_answer({"NAW": 4, "KSC": 1}, "company", "board", "seats"),
            set_answer({"NAW": 4, "KSC": 1}, "governance", "bodies", 0, "members"),
        ),
        [
            (
                "company.reserved_majority",
                "NAW alone holds 4 of the 5 seats on the Board (80 %), enough for the 75 % that "
                "'Appointment and removal of the auditors' needs, so the other party has no "
                "say on it; raise the majority or make it unanimous",
            )
        ],
    ),
    (
        "a shareholders' qualified majority that the larger shareholder reaches alone",
        _together(
            set_answer(
                {
                    "matter": "A merger",
                    "approval": "qualified_majority",
                    "majority_percent": 60,
                    "level": "shareholders",
                },
                "company",
                "reserved_matters",
                6,
            ),
            set_answer({"NAW": 65, "KSC": 35}, "goals", "value_sharing", "equity"),
        ),
        [
            (
                "company.reserved_majority",
                "NAW alone holds 65 % of the equity, enough for the 60 % that 'A merger' needs, "
                "so the other party has no say on it; raise the majority or make it unanimous",
            )
        ],
    ),
    (
        "a qualified majority no larger than a simple one",
        set_answer(50, "company", "reserved_matters", 5, "majority_percent"),
        [
            (
                "company.reserved_majority",
                "'Appointment and removal of the auditors' needs 50 %, no more than a simple "
                "majority; a qualified majority is more than 50 %",
            )
        ],
    ),
    (
        "a body's qualified majority that one party's seats reach alone",
        _together(
            set_answer({"NAW": 3, "KSC": 1}, "governance", "bodies", 1, "members"),
            set_answer("qualified_majority", "governance", "decision_rights", 3, "approval"),
            set_answer(75, "governance", "decision_rights", 3, "majority_percent"),
        ),
        [
            (
                "decisions.qualified_majority",
                "NAW alone holds 3 of the 4 seats on the Execution Committee (75 %), enough for "
                "the 75 % that 'Changes to the plant plan within budget' needs, so the other "
                "party has no say on it; raise the majority or make it unanimous",
            )
        ],
    ),
    (
        "a company board seated and chaired differently in the governance bodies",
        _together(
            set_answer({"NAW": 4, "KSC": 2}, "company", "board", "seats"),
            set_answer("KSC", "company", "board", "chair"),
        ),
        [
            (
                "company.board",
                "the company's board has 4 seats for NAW and 2 for KSC, but the governance body "
                "'Board' has 3 seats for NAW and 3 for KSC, so the term sheet and the annex seat "
                "it differently; give both the same seats",
            ),
            (
                "company.board",
                "KSC nominates the chair of the company's board, but NAW chairs the governance "
                "body 'Board'; name one party",
            ),
        ],
    ),
    (
        "shares short of 100",
        set_answer({"NAW": 50, "KSC": 40}, "goals", "value_sharing", "cost_share"),
        [("value.shares_total", "the cost share adds up to 90 %, not 100 %")],
    ),
    (
        "term shorter than a notice",
        set_answer("6 months", "exit", "term", "initial"),
        [
            (
                "term.notice_fit",
                "the initial term (6 months) is shorter than the convenience notice (12 months)",
            ),
            (
                "term.notice_fit",
                "the initial term (6 months) is shorter than the notice to stop renewal (18 months)",
            ),
            (
                "coherence.lock_in",
                "clause 11.10 (Exit for convenience) can never be used in the initial term: the "
                "lock-in (5 years) lasts at least as long as the term (6 months); shorten the "
                "lock-in or drop the trigger",
            ),
            (
                "renewal.review",
                "no review point decides on continuing or exiting before the term ends on 1 December 2027",
            ),
        ],
    ),
    (
        "a term sheet that never lapses and a timetable with no signing target",
        lambda data: [data["term_sheet"].pop(key) for key in ("expires_on", "signing_by")],
        [
            (
                "term_sheet.lapse",
                "no date or period after which the term sheet lapses ([●] in the draft); give "
                "one a little after the target for signing",
            ),
            ("term_sheet.lapse", "the timetable has no target date for signing ([●] in the draft)"),
        ],
    ),
    (
        "a term sheet that lapses a period after signature",
        lambda data: data["term_sheet"].update(expires_on=None, expires_after="4 months"),
        [],
    ),
    (
        "a term sheet that lapses before its signing target and its own date",
        set_answer("2026-10-01", "term_sheet", "expires_on"),
        [
            (
                "term_sheet.lapse",
                "the target for signing (26 February 2027) falls after the term sheet lapses "
                "(1 October 2026)",
            ),
            (
                "term_sheet.lapse",
                "the term sheet lapses (1 October 2026) no later than the date it bears (15 "
                "October 2026)",
            ),
        ],
    ),
    (
        "no regions or functions in scope",
        lambda data: [data["goals"]["scope"].pop(key) for key in ("regions", "functions")],
        [
            ("scope.extent", "no regions in scope ([●] in the draft)"),
            ("scope.extent", "no functions in scope ([●] in the draft)"),
        ],
    ),
    (
        "partnership in effect before signing",
        set_answer("2027-02-15", "exit", "term", "effective_date"),
        [
            (
                "term_sheet.lapse",
                "the partnership takes effect on 15 February 2027, before the target for signing "
                "the definitive agreements (26 February 2027); set the Effective Date on or after "
                "signing",
            )
        ],
    ),
    (
        "contribution before the partnership",
        set_answer("2027-03-01", "strengths", "contributions", 0, "start"),
        [
            (
                "contributions.executable",
                "NAW's capital contribution starts on 1 March 2027, before the partnership takes "
                "effect on 1 June 2027: a contribution made before then has none of the "
                "agreement's protection; start it on or after the Effective Date",
            )
        ],
    ),
    (
        "a joint venture with no reserved matters and no key officers",
        lambda data: data["company"].update(reserved_matters=[], officers=[]),
        [
            (
                "company.reserved_matters",
                "no Reserved Matter is listed, so every Board decision passes by simple majority; list the matters and the majority each needs",
            ),
            (
                "company.officers",
                "no key officer is named, nor the party that nominates each; name the chief executive and finance head at least",
            ),
        ],
    ),
    (
        "contribution without quantity and timing",
        set_answer(
            {"party": "KSC", "kind": "supplier_leverage", "tracking": "quarterly"},
            "strengths",
            "contributions",
            0,
        ),
        [
            (
                "contributions.executable",
                "KSC's supplier leverage contribution has no quantity and timing",
            )
        ],
    ),
]


@pytest.mark.parametrize(("case", "change", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_check_finds_exactly_its_gap(
    case: str, change: Callable[[dict[str, Any]], None], expected: list[tuple[str, str]]
) -> None:
    data = _battery()
    change(data)
    assert _findings(data) == expected


def test_a_provision_needs_a_clause_as_well_as_data(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(overlay, "no-renewal-clause.yaml", "id: exit.renewal.automatic\ndisabled: true\n")
    found = _findings(_battery(), library_layers([overlay], {}))
    message = "the answers settle it, but no clause of the draft provides it (is the clause disabled in an overlay?)"
    assert found == [("renewal.mechanism", message), ("renewal.notice", message)]


def test_counsel_can_add_a_provision_with_an_expression(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(
        overlay,
        "provisions.yaml",
        "- id: counsel.escrow\n  label: Source-code escrow\n  why: The licensee must be able to maintain the code.\n"
        "  severity: warning\n  clause: false\n  section: ip_data\n  fix: exit.assets\n"
        "  expected: strengths.contributions | selectattr('kind', 'eq', 'software_release_bandwidth') | list\n"
        "  expression: exit.assets | selectattr('treatment', 'mentions', 'escrow') | list\n",
    )
    layers = library_layers([overlay], {})
    sdv = read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0]
    assert _findings(sdv, layers) == [("counsel.escrow", "source-code escrow: not settled")]
    assert _findings(_battery(), layers) == []
    # Counsel may say in words what is missing and how to settle it.
    write(
        overlay,
        "provisions.yaml",
        (overlay / "provisions.yaml").read_text(encoding="utf-8")
        + "  missing: no source-code escrow; give the code an escrow agent on exit\n",
    )
    assert _findings(sdv, library_layers([overlay], {})) == [
        ("counsel.escrow", "no source-code escrow; give the code an escrow agent on exit")
    ]


def test_a_hostile_provision_expression_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    path = write(
        overlay,
        "provisions.yaml",
        "- id: counsel.bad\n  label: Bad\n  why: Bad.\n  severity: warning\n  clause: false\n"
        "  expression: deal.__class__.__mro__\n",
    )
    with pytest.raises(TermgenError) as raised:
        _findings(_battery(), library_layers([overlay], {}))
    assert str(raised.value).startswith(f"{path}:6: provision 'counsel.bad': refused: '__class__'")


def test_strict_makes_blocking_findings_fail_and_warnings_pass(tmp_path: Path) -> None:
    assert run_cli("check", INCOMPLETE).status == 0
    assert run_cli("check", INCOMPLETE, "--strict").status == 1
    data = _battery()
    data["goals"]["value_sharing"]["cost_share"] = {"NAW": 50, "KSC": 40}
    from termgen.answers.write import dump_answers

    warning_only = write(tmp_path, "deal.yaml", dump_answers(data))
    result = run_cli("check", warning_only, "--strict")
    assert result.status == 0
    assert "0 blocking, 1 warning" in result.out.splitlines()


@pytest.mark.parametrize("columns", [200, 100, 60])
def test_the_table_leads_with_the_question_answered_then_the_line(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES_DIR)
    environ = {**TEST_ENVIRON, "COLUMNS": str(columns)}
    lines = run_cli("check", INCOMPLETE.name, environ=environ).out.splitlines()
    assert lines[0] == "Findings for Project Lodestar v0.1 (incomplete-deal.yaml)"
    assert all(len(line) <= columns for line in lines)
    if columns == 200:  # a table: the column that says where, read down
        where = " ".join(line[lines[1].index("where to settle it") :].strip() for line in lines)
    else:  # a block per finding: in a table, a cell would run to five lines
        assert lines[1] == "blocking · Renewal"
        where = " ".join(" ".join(lines).split())
    # What the interview called it, in words, then the answer file's line; no internal ids.
    assert "Agreed exit path › Renewal at the end of the term (incomplete-deal.yaml:171:1)" in where
    assert (
        "Complementary strengths › Contributions › the first contribution (SKM: engineering capacity 35 FTE) › "
        "How its use is tracked and reported (incomplete-deal.yaml:97:7)"
    ) in where
    said = " ".join(lines)
    assert "Executable contributions" in said and "contributions.executable" not in said
    assert "(exit › renewal › type)" not in said
    # The count, then how to settle them: the interview, back at the questions named.
    summary = lines.index("2 blocking, 4 warnings")
    assert " ".join(line.strip() for line in lines[summary + 1 :]) == (
        "Settle them in the interview ('Settle a finding first'): "
        "termgen interview incomplete-deal.yaml"
    )
    found = json.loads(run_cli("check", INCOMPLETE, "--json").out)["findings"]
    assert found[0]["question"] == "Agreed exit path › Renewal at the end of the term"


def test_an_offtake_commitment_is_named_as_the_interview_asked_for_it(tmp_path: Path) -> None:
    data = _battery()
    contributions = data["strengths"]["contributions"]
    offtake = next(c for c in contributions if c["kind"] == "plant_allocation")
    del offtake["tracking"]
    from termgen.answers.write import dump_answers

    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    [found] = json.loads(run_cli("check", answers, "--json").out)["findings"]
    assert found["message"] == "NAW's offtake commitment has no tracking"
    assert found["question"] == (
        "Complementary strengths › Offtake commitments › the first offtake commitment (NAW takes 30 GWh a year) › "
        "How it is forecast and tracked"
    )
    data["deal"]["purpose"] = "production_efficiency"  # there it is the plant's allocation
    assert ("contributions.executable", "NAW's plant allocation contribution has no tracking") in (
        _findings(data)
    )


def test_an_unknown_kind_of_file_is_refused(tmp_path: Path) -> None:
    result = run_cli("check", write(tmp_path, "notes.md", "hello"))
    assert result.status == 2
    assert "termgen checks answer files (.yaml) and drafts (.pdf, .docx, .txt)" in result.err


def _comment_anchors(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment text -> (the text the comment spans, the paragraph it is in)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        comments = etree.fromstring(package.read("word/comments.xml"))
    texts = {
        c.get(f"{W}id"): "".join(t.text or "" for t in c.iter(f"{W}t"))
        for c in comments.iter(f"{W}comment")
    }
    anchors = {}
    for paragraph in body.iter(f"{W}p"):
        for start in paragraph.iter(f"{W}commentRangeStart"):
            spanned, inside = "", False
            for node in paragraph.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
                if node.tag == f"{W}t" and inside:
                    spanned += node.text or ""
                elif node.get(f"{W}id") == start.get(f"{W}id"):
                    inside = node.tag == f"{W}commentRangeStart"
            whole = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
            anchors[texts[start.get(f"{W}id")]] = (spanned, whole)
    return anchors


def _table(data: bytes, first_heading: str) -> Table:
    return next(t for t in word(data).tables if t.rows[0].cells[0].text == first_heading)


NOTICES = (
    "A notice under this term sheet must be in writing and delivered by hand, by courier or by "
    "email to the address that the recipient has notified to the other party for this purpose "
    "or, until it has notified one, to its registered office, for the attention of its legal "
    "department."
)
"""The paragraph of Lodestar's notices clause that would give the addresses: the finding about
them is commented there (the rules on receipt follow in a paragraph of their own)."""


def test_findings_become_comments_on_the_open_points_they_are_about(tmp_path: Path) -> None:
    assert run_cli("draft", INCOMPLETE, "-o", tmp_path).status == 0
    term_sheet = (tmp_path / "project-lodestar-term-sheet-v0.1.docx").read_bytes()
    anchors = _comment_anchors(term_sheet)
    assert anchors == {
        "BLOCKING: Renewal. Renewal is not settled: state how the partnership renews, or that it does not. Settle it in the interview at “Agreed exit path › Renewal at the end of the term”.": (
            "[●]",
            "Renewal at the end of the Initial Term: [●] (to be agreed: no renewal, automatic "
            "renewal, renewal by mutual agreement or at a party's option, with the notice needed "
            "to stop a renewal).",
        ),
        "BLOCKING: Treatment of shared assets. Tooling (E-axle series tooling at Kopřivnice) has no treatment on exit. Settle it in the interview at “Agreed exit path › Shared assets on exit › the second asset class (tooling) › Who keeps, buys or licenses it on exit”.": (
            "[●]",
            "E-axle series tooling at Kopřivnice: [●] (to be agreed: whether a party takes it "
            "over and at what price, or whether its owner keeps it or it is scrapped).",
        ),
        "WARNING: Executable contributions. SKM's engineering capacity contribution has no tracking. Settle it in the interview at “Complementary strengths › Contributions › the first contribution (SKM: engineering capacity 35 FTE) › How its use is tracked and reported”.": (
            "[●]",
            "[●]",
        ),
        "WARNING: Liability, recalls and insurance. The cap on each party's liability to the other party, who pays for a recall or the insurance each party keeps is not answered; the draft shows [●] for a cap left open, the usual terms for a recall or insurance left open. Settle it in the interview at “Liability and insurance › Limit of each party's liability to the other party”.": (
            "[●]",
            "The total liability of each party to the other party arising out of the "
            "partnership, in contract, in tort or otherwise, is limited to [●]. Neither party "
            "is liable to the other party for loss of profit, revenue, business or goodwill, or "
            "for any indirect or consequential loss. Neither the limit nor that exclusion "
            "applies to a party's obligation to pay or contribute what this term sheet provides "
            "for (its contributions, cost shares, fees, prices and any share of revenue), to "
            "liability for wilful misconduct or fraud, for a breach of "
            "confidentiality, under the indemnity for infringement of intellectual property in "
            "this clause, for death or personal injury caused by negligence, to a party's part "
            "of the costs of product liability claims and recalls under clause 11.2, or to any "
            "other liability the governing law does not allow to be limited or excluded.",
        ),
        "WARNING: Exclusive negotiations. Whether the parties negotiate exclusively is not answered; answer yes to bind the exclusive negotiations from signature, or no for a term sheet that says they are not exclusive. Settle it in the interview at “Parties and purpose › Do the parties negotiate exclusively?”.": (
            "[●]",
            "Exclusive negotiations, if the parties agree them ([●]): from signature of this "
            "term sheet until the definitive agreements are signed, this term sheet expires or "
            "a party ends the negotiations by notice under clause 1.1, whichever comes first, "
            "neither party negotiates or agrees with a third party, or invites an offer from "
            "one, on a cooperation or transaction that would replace or compete with Project "
            "Lodestar.",
        ),
        "WARNING: Notice addresses. A party has no notice address in the term sheet; give each party's address and the function (legal department, general counsel) to mark notices for. Settle it in the interview at “Parties and purpose › Parties”.": (
            NOTICES,
            NOTICES,
        ),
    }
    contributions = _table(term_sheet, "Party")
    assert contributions.rows[0].cells[5].text == "Tracking"
    assert contributions.rows[2].cells[5]._tc.find(f".//{W}commentRangeStart") is not None


def test_a_finding_without_an_open_point_is_commented_on_its_clause_text(tmp_path: Path) -> None:
    from termgen.answers.write import dump_answers

    data = _battery()
    data["goals"]["value_sharing"]["cost_share"] = {"NAW": 50, "KSC": 40}
    run = DealRun.from_file(write(tmp_path, "deal.yaml", dump_answers(data)), builtin_library())
    clause = next(c for c in run.draft.clauses() if c.id == "goals.value-sharing")
    # As the document writes it: '6 %' with a no-break space.
    text = unbroken("".join(segment.text for segment in clause.paragraphs[0].segments))
    term_sheet = run.documents(kinds=("term_sheet",))[0].data
    assert list(_comment_anchors(term_sheet).values()) == [(text, text)]


def test_a_governance_finding_is_commented_in_the_annex(tmp_path: Path) -> None:
    data = _battery()
    del data["governance"]["decision_rights"][1]["owner"]
    from termgen.answers.write import dump_answers

    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    assert run_cli("draft", answers, "-o", tmp_path / "out").status == 0
    annex = (tmp_path / "out" / "project-volta-governance-annex-v0.4.docx").read_bytes()
    term_sheet = (tmp_path / "out" / "project-volta-term-sheet-v0.4.docx").read_bytes()
    assert list(_comment_anchors(annex).values()) == [("[●]", "[●]")]
    matrix = _table(annex, "Decision")
    assert matrix.rows[0].cells[2].text == "Owner"
    assert matrix.rows[2].cells[2]._tc.find(f".//{W}commentRangeStart") is not None
    assert "word/comments.xml" not in zipfile.ZipFile(io.BytesIO(term_sheet)).namelist()


def test_the_open_points_are_a_document_beside_the_term_sheet(tmp_path: Path) -> None:
    assert run_cli("draft", INCOMPLETE, "-o", tmp_path).status == 0
    points = word((tmp_path / "project-lodestar-open-points-v0.1.docx").read_bytes())
    rows = table_after(
        points, ("#", "Severity", "Provision", "What is missing", "Question that settles it")
    )
    assert rows == [
        [
            "1",
            "blocking",
            "Renewal",
            "Renewal is not settled: state how the partnership renews, or that it does not.",
            "Agreed exit path › Renewal at the end of the term",
        ],
        [
            "2",
            "blocking",
            "Treatment of shared assets",
            "Tooling (E-axle series tooling at Kopřivnice) has no treatment on exit.",
            "Agreed exit path › Shared assets on exit › the second asset class (tooling) › Who keeps, buys or "
            "licenses it on exit",
        ],
        [
            "3",
            "warning",
            "Executable contributions",
            "SKM's engineering capacity contribution has no tracking.",
            "Complementary strengths › Contributions › the first contribution (SKM: engineering capacity 35 FTE) › "
            "How its use is tracked and reported",
        ],
        [
            "4",
            "warning",
            "Liability, recalls and insurance",
            "The cap on each party's liability to the other party, who pays for a recall or the insurance each party keeps is not answered; the draft shows [●] for a cap left open, the usual terms for a recall or insurance left open.",
            "Liability and insurance › Limit of each party's liability to the other party",
        ],
        [
            "5",
            "warning",
            "Exclusive negotiations",
            "Whether the parties negotiate exclusively is not answered; answer yes to bind the exclusive negotiations from signature, or no for a term sheet that says they are not exclusive.",
            "Parties and purpose › Do the parties negotiate exclusively?",
        ],
        [
            "6",
            "warning",
            "Notice addresses",
            "A party has no notice address in the term sheet; give each party's address and the function (legal department, general counsel) to mark notices for.",
            "Parties and purpose › Parties",
        ],
    ]
    assert points.core_properties.title == "Open Points – Project Lodestar"
    data = (tmp_path / "project-lodestar-term-sheet-v0.1.docx").read_bytes()
    term_sheet = word(data)
    body = part_texts(data)["word/document.xml"]
    assert "Open points" not in body and "Question that settles it" not in body
    assert "›" not in body
    assert [p.text for p in term_sheet.paragraphs if p.style.name == "Heading 1"][-1] == (
        "Signatures"
    )


def test_a_deal_with_nothing_open_says_so_in_its_open_points(tmp_path: Path) -> None:
    assert run_cli("draft", EXAMPLES_DIR / "battery-jv.yaml", "-o", tmp_path).status == 0
    points = word((tmp_path / "project-volta-open-points-v0.4.docx").read_bytes())
    assert points.tables == []
    assert "None: every answer is given and no check finds a gap." in [
        p.text for p in points.paragraphs
    ]


def test_comments_keep_drafts_byte_identical(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        assert run_cli("draft", INCOMPLETE, "-o", tmp_path / folder).status == 0
    for name in (
        "project-lodestar-term-sheet-v0.1.docx",
        "project-lodestar-governance-annex-v0.1.docx",
        "project-lodestar-open-points-v0.1.docx",
    ):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_draft_json_lists_files_and_findings(tmp_path: Path) -> None:
    result = run_cli("draft", INCOMPLETE, "-o", tmp_path, "--json", "--strict")
    assert result.status == 1
    output = json.loads(result.out)
    assert [Path(name).name for name in output["files"]] == [
        "project-lodestar-term-sheet-v0.1.docx",
        "project-lodestar-governance-annex-v0.1.docx",
        "project-lodestar-open-points-v0.1.docx",
    ]
    assert (output["blocking"], output["warnings"]) == (2, 4)


OPEN_ON_PURPOSE = {
    "term_sheet.prior_agreements": "The term sheet itself › Earlier agreements that stay in force",
    "change.integration_measures": "Readiness for change › Integration measures",
    "exit.costs.details": "Agreed exit path › Details on exit costs",
    "exit.valuation.expert": "Agreed exit path › Who values it when the parties disagree",
}


@pytest.mark.parametrize("columns", [300, 100, 60])
def test_answers_left_open_are_one_finding_that_lists_where_to_answer_each(
    columns: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from termgen.answers.write import dump_answers

    data = read_answers(INCOMPLETE)[0]
    data["left_open"] = list(OPEN_ON_PURPOSE)
    write(tmp_path, "deal.yaml", dump_answers(data))
    monkeypatch.chdir(tmp_path)
    answers = "deal.yaml"
    out = run_cli("check", answers, environ={**TEST_ENVIRON, "COLUMNS": str(columns)}).out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    said = " ".join(out.split())
    assert said.count("Answers left open") == 1
    assert said.count("left open on purpose") == 1
    assert "4 answers are left open on purpose, each a [●] in the draft" in said
    # Each question on a line of its own (in a block, or in the table's column), with the
    # answer file's line, in the order they were left open.
    listed = out.split("Answers left open", 1)[1].split("\n\n", 1)[0]
    starts = [
        next(at for at, line in enumerate(listed.splitlines()) if question[:20] in line)
        for question in OPEN_ON_PURPOSE.values()
    ]
    assert starts == sorted(starts) and len(set(starts)) == 4
    assert all(f"{question} (deal.yaml:" in said for question in OPEN_ON_PURPOSE.values())
    # Counted as the table shows it: one finding, not one per answer.
    assert "2 blocking, 5 warnings" in lines
    # Programs (and the draft's comments, one on each [●]) still get one finding per answer.
    found = json.loads(run_cli("check", answers, "--json").out)
    left = [f for f in found["findings"] if f["id"] == "answers.left_open"]
    assert {f["path"] for f in left} == set(OPEN_ON_PURPOSE) and found["warnings"] == 8


def test_one_answer_left_open_reads_as_it_always_did(tmp_path: Path) -> None:
    from termgen.answers.write import dump_answers

    data = read_answers(INCOMPLETE)[0]
    data["left_open"] = ["exit.costs.details"]
    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    said = " ".join(run_cli("check", answers).out.split())
    assert "Answers left open what is missing: left open on purpose ([●] in the draft)" in said
    assert "2 blocking, 5 warnings" in said


def test_a_finding_on_a_section_the_file_leaves_out_says_it_is_not_in_the_file_yet(
    tmp_path: Path,
) -> None:
    lines = INCOMPLETE.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("change:\n")
    end = next(n for n in range(start + 1, len(lines)) if lines[n][:1] not in (" ", "\n", "#"))
    assert lines[end] == "exit:\n"
    answers = write(tmp_path, "deal.yaml", "".join(lines[:start] + lines[end:]))
    found = {f["id"]: f for f in json.loads(run_cli("check", answers, "--json").out)["findings"]}
    review = found["renewal.review"]
    assert review["path"].startswith("change.") and review["line"] is None
    table = run_cli("check", answers, environ={**TEST_ENVIRON, "COLUMNS": "100"}).out
    said = " ".join(table.split())
    assert f"Readiness for change › Review points ({answers}: not in the file yet)" in said
    assert f"{answers}:1:1" not in said
    # Where a parent is written, the finding points to it: where the answer would go.
    renewal = found["renewal.mechanism"]
    assert renewal["path"] == "exit.renewal.type" and renewal["line"] == start + 1
