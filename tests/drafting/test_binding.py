"""What binds before the definitive agreements, and when the partnership starts: the status,
exclusivity, conditions, escalation and disputes clauses as drafted."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.drafting.structure import plain
from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES_DIR
from ..docx_reading import builtin_library

ALWAYS_BINDING = "confidentiality, exclusivity, costs of negotiation, governing law, disputes"


def _answers(name: str = "battery-jv.yaml") -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _texts(data: dict[str, Any]) -> dict[str, str]:
    """Clause id -> its text as drafted, paragraphs on lines of their own."""
    draft = DealRun(Deal.model_validate(data), builtin_library()).draft
    return {
        clause.id: "\n".join(plain(paragraph) for paragraph in clause.paragraphs)
        for clause in draft.clauses()
    }


@pytest.mark.parametrize(
    ("example", "status"),
    [
        ("robotaxi-pilot.yaml", "general.status.non-binding"),
        ("platform-sharing.yaml", "general.status.partly-binding"),
    ],
)
def test_a_term_sheet_that_does_not_bind_binds_on_law_forum_costs_and_its_expiry(
    example: str, status: str
) -> None:
    data = _answers(example)
    data["deal"]["binding_sections"] = ["confidentiality"]
    text = _texts(data)[status]
    assert f"provisions on {ALWAYS_BINDING} and this term sheet's expiry" in text
    assert "expires, and the negotiations end, if the definitive agreements have not been " in text


def test_extra_binding_sections_are_added_once() -> None:
    data = _answers("robotaxi-pilot.yaml")
    data["deal"]["binding_sections"] = ["confidentiality", "costs", "data protection"]
    text = _texts(data)["general.status.non-binding"]
    assert f"{ALWAYS_BINDING}, data protection and this term sheet's expiry, which bind" in text


def test_exclusivity_runs_from_signature_and_binds() -> None:
    text = _texts(_answers())["general.exclusivity"]
    assert text.startswith(
        "From signature of this term sheet until the definitive agreements are signed or this "
        "term sheet expires, no party negotiates or agrees with a third party"
    )


def test_a_non_exclusive_term_sheet_does_not_bind_on_exclusivity() -> None:
    data = _answers()
    data["positions"] = {"general.exclusivity": "non-exclusive"}
    texts = _texts(data)
    assert (
        "provisions on confidentiality, costs of negotiation, governing law"
        in (texts["general.status.non-binding"])
    )
    assert "neither are the negotiations" in texts["general.exclusivity"]


def test_a_binding_term_sheet_keeps_closing_conditional_and_has_no_expiry() -> None:
    data = _answers()
    data["deal"]["binding"] = "binding"
    texts = _texts(data)
    assert "starts only on closing" in texts["general.status.binding"]
    assert "until the definitive agreements are signed, no party" in texts["general.exclusivity"]


def test_approvals_are_conditions_to_closing_with_a_long_stop_date() -> None:
    texts = _texts(_answers())
    conditions = texts["general.conditions"]
    signing, closing = conditions.split(". ", 1)
    assert "regulatory" not in signing
    assert closing.startswith("Closing under the definitive agreements")
    assert "by the Long-stop Date" in conditions
    assert '(the "Long-stop Date")' in texts["general.regulatory-approvals"]
    assert "or, if later, on closing under the definitive agreements" in texts["exit.term"]


def test_a_business_deadlock_goes_to_the_deadlock_exit_not_to_arbitration() -> None:
    texts = _texts(_answers())
    escalation = texts["governance.escalation"]
    assert "is a deadlock, which is not referred to arbitration or the courts" in escalation
    assert "may lead to exit under the deadlock provisions" in escalation
    assert "A legal dispute still unresolved at the end of the path goes to arbitration" in (
        escalation
    )
    assert "A disagreement on a business matter is not such a dispute" in texts["general.disputes"]


def test_exit_costs_after_a_default_fall_on_the_defaulting_party() -> None:
    data = _answers()
    expected = {
        "each_own": "Each party bears its own costs of exit, except that after an exit for "
        "material breach or insolvency the defaulting party also bears the reasonable costs of "
        "exit of the other party.",
        "pro_rata": "The costs of exit are shared in proportion to the cost shares, except that "
        "after an exit for material breach or insolvency the defaulting party bears them.",
        "defaulting_party": "After an exit for material breach or insolvency, the defaulting "
        "party bears the costs of exit; after any other exit, each party bears its own.",
    }
    for bearer, text in expected.items():
        data["exit"]["costs"] = {"borne_by": bearer}
        assert _texts(data)["exit.costs"] == text
