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
from termgen.library.load import library_layers, load_library
from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES, EXAMPLES_DIR, ROOT, run_cli
from ..docx_reading import W, builtin_library, write

INCOHERENT = ROOT / "tests" / "fixtures" / "incoherent-deal.yaml"
PLANTED = {
    "coherence.lock_in": ("exit.triggers.6.description", "9.10"),
    "coherence.exit_costs": ("exit.costs.borne_by", "9.16"),
    "coherence.renewal_leftovers": ("exit.renewal.notice", None),
}


def _answers(name: str) -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _coherence(data: dict[str, Any], overlay: Path | None = None) -> list[tuple[str, str]]:
    library = load_library(library_layers([overlay], {})) if overlay else builtin_library()
    run = DealRun(Deal.model_validate(data), library)
    return [(f.provision, f.message) for f in run.findings if f.provision.startswith("coherence.")]


Clause = tuple[str, str, str, str]
"""Id, element, section and text of a clause in counsel's overlay."""


def _overlay(tmp_path: Path, clauses: list[Clause]) -> Path:
    """Counsel's overlay replacing clauses (with the words the library once had)."""
    folder = tmp_path / "counsel"
    folder.mkdir()
    for clause_id, element, section, text in clauses:
        body = "\n".join(f"    {line}" for line in text.strip().splitlines())
        write(
            folder,
            f"{clause_id}.yaml",
            f"id: {clause_id}\ntitle: {clause_id}\nelement: {element}\nsection: {section}\n"
            f"order: 10\ntext:\n  preferred: |\n{body}\n",
        )
    return folder


def test_the_incoherent_answers_show_their_findings_in_the_terminal() -> None:
    result = run_cli("check", INCOHERENT)
    for provision in PLANTED:
        assert provision in result.out
    assert "2 blocking, 1 warning" in result.out


def test_the_incoherent_answers_show_their_findings_in_json() -> None:
    findings = json.loads(run_cli("check", INCOHERENT, "--json").out)["findings"]
    found = {f["id"]: (f["path"], f["clause"]) for f in findings}
    assert found == PLANTED
    lock_in = next(f for f in findings if f["id"] == "coherence.lock_in")
    assert lock_in["severity"] == "blocking"
    assert lock_in["line"] == 319
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
    assert "Clause 9.16 (Costs of exit) puts the costs of exit on the party that ends" in costs
    assert costs.endswith(
        "Settle it in the interview at “Agreed exit path › Who bears the costs of exit” "
        "(in the answers: exit › costs › borne by)."
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_drafts_without_a_coherence_finding(example: Path) -> None:
    run = DealRun.from_file(example, builtin_library())
    assert [f for f in run.findings if f.provision.startswith("coherence.")] == []
    assert len(run.documents()) == 3


def _set(value: Any, *path: str | int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


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
            _set({"effective_date": "2027-03-01", "initial": "27 months"}, "exit", "term"),
            _set("After 2028-03-01.", "exit", "triggers", 6, "description"),
        ),
        "coherence.lock_in",
        "lets a party leave at any time, though the trigger says",
    ),
    (
        "a lock-in as long as the term",
        "battery-jv.yaml",
        _set("10 years", "exit", "term", "lock_in"),
        "coherence.lock_in",
        "can never be used in the initial term",
    ),
    (
        "leaver pays after a breach",
        "battery-jv.yaml",
        _set({"borne_by": "terminating_party"}, "exit", "costs"),
        "coherence.exit_costs",
        "after a breach or insolvency that is the innocent party",
    ),
    (
        "licences for 10 years described as lasting while the JV produces",
        "battery-jv.yaml",
        _set(
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
        _set(
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
        _set(["confidentiality", "data-protection annex"], "deal", "binding_sections"),
        "coherence.binding",
        "'data-protection annex' is named binding, but no clause of the draft is about it",
    ),
    (
        "a review after the last day to stop renewal",
        "robotaxi-pilot.yaml",
        _set("2029-04-15", "change", "review_points", 2, "date"),
        "coherence.review_timing",
        "the Pre-expiry review (15 April 2029) comes after the last day to give notice",
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


# Clauses as the library had them before: each contradicts the deal it is drafted for.
CLAUSE_CASES: list[tuple[str, list[Clause], str, str]] = [
    (
        "convenience exit at any time despite a lock-in",
        [
            (
                "exit.trigger.convenience",
                "exit",
                "term_exit",
                "At any time, any party may end the partnership without giving a reason by "
                "giving 12 months' notice.",
            )
        ],
        "coherence.lock_in",
        "lets a party leave 'at any time', though no party may leave for convenience",
    ),
    (
        "surviving licences that ignore a perpetual licence",
        [
            (
                "exit.survival",
                "exit",
                "term_exit",
                "{% for o in exit.survival %}- {{ o.kind }}, for {{ o.duration }}\n{% endfor %}",
            )
        ],
        "coherence.licence_survival",
        "lets licences survive for 15 years, while clause 9.13 grants",
    ),
    (
        "a valuation that ignores the price set for one asset",
        [
            (
                "exit.valuation",
                "exit",
                "term_exit",
                "Where a party acquires the other's stake, the price is its fair market value.",
            )
        ],
        "coherence.valuation_basis",
        "but tooling goes at book value where its treatment is settled",
    ),
    (
        "approvals as conditions to signing",
        [
            (
                "general.conditions",
                "general",
                "general",
                "Signing the definitive agreements is subject to due diligence and the "
                "regulatory approvals described above.",
            )
        ],
        "coherence.conditions",
        "makes the regulatory approvals a condition to signing",
    ),
    (
        "approvals without a long-stop date",
        [
            (
                "general.regulatory-approvals",
                "general",
                "competition",
                "The partnership does not start before the regulatory approvals it requires "
                "have been obtained.",
            ),
            (
                "general.conditions",
                "general",
                "general",
                "Closing is subject to the approvals described above.",
            ),
        ],
        "coherence.conditions",
        "with no long-stop date",
    ),
    (
        "a fixed effective date despite the approvals",
        [
            (
                "exit.term",
                "exit",
                "term_exit",
                "The partnership takes effect on {{ exit.term.effective_date | date }} and runs "
                "for {{ exit.term.initial }}. During the first {{ exit.term.lock_in }} (the "
                "Lock-in Period) no party may leave for convenience.",
            )
        ],
        "coherence.conditions",
        "starts the partnership on a fixed date",
    ),
    (
        "a binding list without law, forum and expiry",
        [
            (
                "general.status.non-binding",
                "general",
                "status",
                "This term sheet does not bind the parties, except the provisions on "
                "confidentiality, exclusivity and costs.",
            )
        ],
        "coherence.binding",
        "does not make governing law, disputes and the term sheet's expiry binding",
    ),
    (
        "exclusivity only during the partnership",
        [
            (
                "general.exclusivity",
                "general",
                "exclusivity",
                "During the partnership, no party cooperates with a third party on the joint "
                "activities.",
            )
        ],
        "coherence.binding",
        "keeps the parties exclusive only during the partnership",
    ),
    (
        "business deadlock to arbitration",
        [
            (
                "governance.escalation",
                "governance",
                "governance",
                "A disagreement moves up the escalation path. If it is still unresolved, it goes "
                "to arbitration as set out under disputes.",
            )
        ],
        "coherence.deadlock_route",
        "business deadlocks included",
    ),
    (
        "business deadlock to the dispute mechanism in the annex",
        [
            (
                "governance.annex.escalation",
                "governance",
                "annex_escalation",
                "Each level has the days shown. After the last level, the dispute mechanism "
                "applies.",
            )
        ],
        "coherence.deadlock_route",
        "governance annex clause 3.1 (governance.annex.escalation) sends every disagreement",
    ),
]


@pytest.mark.parametrize(
    ("case", "clauses", "provision", "message"), CLAUSE_CASES, ids=[c[0] for c in CLAUSE_CASES]
)
def test_a_clause_that_contradicts_the_deal_is_found(
    tmp_path: Path, case: str, clauses: list[Clause], provision: str, message: str
) -> None:
    example = (
        "sdv-software.yaml" if provision == "coherence.licence_survival" else "battery-jv.yaml"
    )
    found = _coherence(_answers(example), _overlay(tmp_path, clauses))
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
