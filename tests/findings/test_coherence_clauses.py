"""Coherence findings on clauses (counsel's overlays, or the library as it once read) that
contradict the deal they are drafted for."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..docx_reading import write
from .test_coherence import _answers, _coherence

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
