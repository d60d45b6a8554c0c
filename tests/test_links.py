"""Names that code and library must agree on: answer paths in findings and deadlines, clause
and provision ids that deadlines cite, checks that provisions name."""

from __future__ import annotations

from typing import Any

import pytest

from termgen.deadlines.collect import CREATED_BY
from termgen.findings.checks import CHECKS
from termgen.findings.coherence import COHERENCE
from termgen.model import Deal
from termgen.model.paths import shape_at
from termgen.pipeline import DealRun

from .conftest import EXAMPLES
from .docx_reading import builtin_library

SPARSE: dict[str, Any] = {
    "deal": {"name": "Sparse", "purpose": "electrification", "structure": "equity_joint_venture"},
    "parties": [{"short_name": "A"}, {"short_name": "B"}],
    "goals": {"value_sharing": {"equity": {"A": 40, "B": 40}}},
    "strengths": {
        "contributions": [{"party": "A", "kind": "ip_licence"}],
        "phases": [{"name": "Pilot"}],
    },
    "governance": {
        "decision_rights": [{"decision": "Budget", "approval": "unanimous"}],
        "disputes": {"mechanism": "mediation"},
    },
    "change": {"review_points": [{"name": "Mid-term review", "after": "2 years"}]},
    "exit": {
        "term": {"initial": "30 days", "lock_in": "1 year"},
        "renewal": {"type": "automatic", "period": "10 days"},
        "triggers": [{"kind": "breach"}],
        "survival": [{"kind": "licences"}],
        "assets": [{"asset": "tooling", "treatment": "held jointly"}],
    },
}


def _runs() -> list[DealRun]:
    library = builtin_library()
    sparse = DealRun(Deal.model_validate(SPARSE), library)
    return [sparse, *(DealRun.from_file(path, library) for path in EXAMPLES)]


def test_every_finding_points_at_a_place_in_the_answer_file() -> None:
    findings = [finding for run in _runs() for finding in run.findings]
    assert len({finding.provision for finding in findings}) >= 12
    for finding in findings:
        assert finding.path, finding
        assert shape_at(Deal, finding.path) is not None, finding


def test_every_deadline_points_at_a_place_in_the_answer_file() -> None:
    for run in _runs():
        for deadline in run.deadlines:
            assert shape_at(Deal, deadline.path) is not None, deadline


@pytest.mark.parametrize("kind", sorted(CREATED_BY))
def test_every_deadline_names_a_clause_or_provision_of_the_library(kind: str) -> None:
    library = builtin_library()
    assert CREATED_BY[kind] in library.clauses or CREATED_BY[kind] in library.provisions


def test_every_check_is_named_by_a_built_in_provision() -> None:
    named = {entry.record.check for entry in builtin_library().provisions.values()}
    assert set(CHECKS) | set(COHERENCE) <= named
