"""Coherence findings: where the answers and the clauses of the draft contradict each other,
in the terminal, in JSON and as Word comments; and the bundled examples have none."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from termgen.answers.read import read_answers
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES, EXAMPLES_DIR, ROOT, TEST_ENVIRON, run_cli
from ..docx_reading import W, builtin_library, write
from .answers import set_answer

INCOHERENT = ROOT / "tests" / "fixtures" / "incoherent-deal.yaml"
PLANTED = {
    "coherence.lock_in": ("exit.triggers.6.description", "11.10"),
    "coherence.exit_costs": ("exit.costs.borne_by", "11.17"),
    "coherence.renewal_leftovers": ("exit.renewal.notice", None),
}


def _left_open(*path: str, then: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    """A change to answers: the answer at `path` left open, and the one at `then` taken out."""

    def change(data: dict[str, Any]) -> None:
        for *into, key in (path, then):
            target = data
            for step in into:
                target = target[step]
            target.pop(key, None)
        data["left_open"] = [*data.get("left_open", []), ".".join(path)]

    return change


def _answers(name: str) -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _coherence(data: dict[str, Any], overlay: Path | None = None) -> list[tuple[str, str]]:
    library = load_library(library_layers([overlay], {})) if overlay else builtin_library()
    run = DealRun(Deal.model_validate(data), library)
    return [(f.provision, f.message) for f in run.findings if f.provision.startswith("coherence.")]


def test_the_incoherent_answers_show_their_findings_in_the_terminal() -> None:
    result = run_cli("check", INCOHERENT, environ={**TEST_ENVIRON, "COLUMNS": "60"})
    said = " ".join(result.out.split())  # a block per finding, its label leading
    for label in (
        "Lock-in and convenience exit",
        "Exit costs by trigger",
        "Renewal values the renewal type cannot use",
    ):
        assert label in said
    assert not any(provision in result.out for provision in PLANTED)  # words, not ids
    assert "2 blocking, 1 warning" in result.out


def test_the_incoherent_answers_show_their_findings_in_json() -> None:
    findings = json.loads(run_cli("check", INCOHERENT, "--json").out)["findings"]
    found = {f["id"]: (f["path"], f["clause"]) for f in findings}
    assert found == PLANTED
    lock_in = next(f for f in findings if f["id"] == "coherence.lock_in")
    assert lock_in["severity"] == "blocking"
    assert lock_in["line"] == 327
    assert "lock-in (5 years)" in lock_in["message"]


def test_the_incoherent_answers_show_their_findings_as_word_comments(tmp_path: Path) -> None:
    assert run_cli("draft", INCOHERENT, "-o", tmp_path).status == 0
    data = (tmp_path / "project-volta-term-sheet-v0.4.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        comments = etree.fromstring(package.read("word/comments.xml"))
    texts = ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in comments.iter(f"{W}comment")]
    assert sorted(text.split(". ")[0] for text in texts) == [
        "BLOCKING: Exit costs by trigger",
        "BLOCKING: Lock-in and convenience exit",
        "WARNING: Renewal values the renewal type cannot use",
    ]
    costs = next(text for text in texts if "Exit costs" in text)
    assert "Clause 11.17 (Costs of exit) puts the costs of exit on the party that ends" in costs
    assert costs.endswith(
        "Settle it in the interview at “Agreed exit path › Who bears the costs of exit”."
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_drafts_without_a_coherence_finding(example: Path) -> None:
    run = DealRun.from_file(example, builtin_library())
    assert [f for f in run.findings if f.provision.startswith("coherence.")] == []
    drafted = {document.kind for document in run.documents()}
    assert {"term_sheet", "governance_annex"} <= drafted


def _both(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for each in changes:
            each(data)

    return change


# Each case is a contradiction the examples had before the library read coherently.
DATA_CASES: list[tuple[str, str, Callable[[dict[str, Any]], None], str, str]] = [
    (
        "convenience exit limited by a date, without a lock-in",
        "robotaxi-pilot.yaml",
        _both(
            set_answer({"effective_date": "2027-03-01", "initial": "27 months"}, "exit", "term"),
            set_answer("After 2028-03-01.", "exit", "triggers", 6, "description"),
        ),
        "coherence.lock_in",
        "lets a party leave at any time, though the trigger says",
    ),
    (
        "a lock-in as long as the term",
        "battery-jv.yaml",
        set_answer("10 years", "exit", "term", "lock_in"),
        "coherence.lock_in",
        "can never be used in the initial term",
    ),
    (
        "leaver pays after a breach",
        "battery-jv.yaml",
        set_answer(
            {
                "borne_by": "other",
                "details": "The party that ends the partnership bears the costs of exit.",
            },
            "exit",
            "costs",
        ),
        "coherence.exit_costs",
        "after a breach or insolvency that is the innocent party",
    ),
    (
        "licences for 10 years described as lasting while the JV produces",
        "battery-jv.yaml",
        set_answer(
            {
                "kind": "licences",
                "description": "KSC's process licence to the JV continues for as long as the JV "
                "produces cells.",
                "duration": "10 years",
            },
            "exit",
            "survival",
            3,
        ),
        "coherence.licence_survival",
        "lets licences survive for 10 years, but describes them as",
    ),
    (
        "the plant of a wound-up JV goes to a buyer",
        "battery-jv.yaml",
        set_answer(
            "Stay with the JV; if the JV is wound up, the plant goes to the party that buys "
            "the other out.",
            "exit",
            "assets",
            1,
            "treatment",
        ),
        "coherence.asset_route",
        "gives plants on a wind-up to a buyer",
    ),
    (
        "a binding section the draft does not have",
        "robotaxi-pilot.yaml",
        set_answer(["confidentiality", "data-protection annex"], "deal", "binding_sections"),
        "coherence.binding",
        "'data-protection annex' is named binding, but no clause of the draft is about it",
    ),
    (
        "negotiations not exclusive while exclusivity is named binding",
        "bridge-technology.yaml",
        set_answer(False, "deal", "exclusive"),
        "coherence.binding",
        "clause 13.1 (Exclusivity and non-solicitation) says that the parties do not negotiate "
        "exclusively, but 'exclusivity' is named among the sections that bind",
    ),
    (
        "a review after the last day to stop renewal",
        "robotaxi-pilot.yaml",
        set_answer("2029-04-15", "change", "review_points", 2, "date"),
        "coherence.review_timing",
        "the Pre-expiry review (15 April 2029) comes after the last day to give notice",
    ),
    (
        "one party's option to renew without a limit",
        "bridge-technology.yaml",
        set_answer(None, "exit", "renewal", "max_renewals"),
        "coherence.renewal_limit",
        "clause 9.2 (Option to renew) lets CMC renew as often as it chooses, so the other party "
        "cannot leave at the end of any term; set how many times it may renew",
    ),
    (
        "an option to renew without a limit, its holder left open",
        "bridge-technology.yaml",
        _left_open("exit", "renewal", "option_holder", then=("exit", "renewal", "max_renewals")),
        "coherence.renewal_limit",
        "clause 9.2 (Option to renew) lets [●] renew as often as it chooses, so the other party",
    ),
]


@pytest.mark.parametrize(
    ("case", "example", "change", "provision", "message"),
    DATA_CASES,
    ids=[c[0] for c in DATA_CASES],
)
def test_contradictory_answers_are_found(
    case: str,
    example: str,
    change: Callable[[dict[str, Any]], None],
    provision: str,
    message: str,
) -> None:
    data = _answers(example)
    change(data)
    found = _coherence(data)
    assert [p for p, _ in found] == [provision], found
    assert message in found[0][1]


def test_renewal_none_keeps_no_renewal_values_and_no_notice_of_non_renewal() -> None:
    data = _answers("battery-jv.yaml")
    data["exit"]["renewal"] = {"type": "none", "period": "5 years", "option_holder": "NAW"}
    assert sorted(_coherence(data)) == [
        (
            "coherence.renewal_leftovers",
            "renewal is 'none', yet its option holder is given (NAW), which the draft cannot "
            "use; remove it, or choose the renewal type it belongs to",
        ),
        (
            "coherence.renewal_leftovers",
            "renewal is 'none', yet its period is given (5 years), which the draft cannot use; "
            "remove it, or choose the renewal type it belongs to",
        ),
    ]


def test_counsel_can_overlay_a_coherence_check(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(
        overlay,
        "provisions.yaml",
        "- id: coherence.exit_costs\n  label: Leaver pays\n  why: House rule.\n"
        "  severity: warning\n  clause: false\n  section: term_exit\n  check: exit_costs\n"
        "- id: coherence.renewal_leftovers\n  label: Renewal leftovers\n  why: Not for us.\n"
        "  severity: warning\n  clause: false\n  expected: 'false'\n  check: renewal_leftovers\n",
    )
    library = load_library(library_layers([overlay], {}))
    run = DealRun.from_file(INCOHERENT, library)
    found = {f.provision: (f.label, f.severity) for f in run.findings}
    assert found == {
        "coherence.lock_in": ("Lock-in and convenience exit", "blocking"),
        "coherence.exit_costs": ("Leaver pays", "warning"),
    }


def test_an_independent_activity_the_partnership_decides_is_found() -> None:
    data = _answers("sdv-software.yaml")
    assert [p for p, _ in _coherence(data)] == []
    right = next(
        r for r in data["governance"]["decision_rights"] if r["decision"].startswith("Licensing")
    )
    right.update(owner="Steering Committee", approval="unanimous")
    found = _coherence(data)
    assert [p for p, _ in found] == ["coherence.activity_placement"]
    assert (
        "keeps 'licensing the platform to other OEMs (LUMEN)' independent, outside the "
        "partnership, but the decision-rights matrix gives 'Licensing the platform to another "
        "OEM' to Steering Committee"
    ) in found[0][1]


def test_negotiations_not_exclusive_and_not_named_binding_are_coherent() -> None:
    data = _answers("bridge-technology.yaml")
    data["deal"]["exclusive"] = False
    data["deal"]["binding_sections"] = ["confidentiality"]
    assert _coherence(data) == []
