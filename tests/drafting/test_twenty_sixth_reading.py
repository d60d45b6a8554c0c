"""A JV lawyer's twenty-sixth reading of the example drafts: a disagreement that no level of
the escalation path dealt with (a party refusing a contribution, a team below the path) has
a level to start at; the change-control steps open as the answers' steps do; each party's
signature block stands apart from the party's before it; a default cured by repaying a
party's loan ends on the bank's statement, as any other default does."""

from __future__ import annotations

import pytest

from ..conftest import EXAMPLES_DIR
from ..docx_reading import drafted, word
from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("battery-jv.yaml", "to the Execution Committee, for 15 days"),
        ("robotaxi-pilot.yaml", "to the Operations PMO, for 5 days"),
        ("incomplete-deal.yaml", "to the Steering Group, for 20 days"),
    ],
)
def test_a_disagreement_from_outside_the_path_starts_at_the_first_level(
    name: str, first: str
) -> None:
    texts = _texts(_answers(name))
    escalation = texts["governance.escalation"]
    assert escalation.startswith(f"A disagreement moves up the escalation path: {first}, ")
    assert (
        "It starts at the level above the body or person on the path that could not resolve "
        "it or, where it arose elsewhere, at the first level"
    ) in escalation
    off_path = "except as clause" in escalation
    assert off_path == ("governance.off-path-bodies" in texts), name
    annex = texts["governance.annex.escalation"]
    assert (
        "to the next level above that body or person, and may refer any other disagreement in "
        "the same way to the first level."
    ) in annex


@pytest.mark.parametrize(
    ("name", "pmo"),
    [
        ("battery-jv.yaml", "The Joint PMO assesses"),
        ("bridge-technology.yaml", "The parties jointly assess"),
    ],
)
def test_each_change_control_step_opens_with_a_capital(name: str, pmo: str) -> None:
    data = _answers(name)
    if "jointly" in pmo:
        data["governance"]["bodies"] = [
            body for body in data["governance"]["bodies"] if body["kind"] != "joint_pmo"
        ]
    steps = _texts(data)["change.annex.change-control"].splitlines()
    assert [step.split(":")[0] for step in steps] == [
        "Proposal",
        "Assessment",
        "Approval",
        "Record",
    ]
    assert steps[1].startswith(f"Assessment: {pmo} the impact"), steps[1]
    assert steps[2].startswith("Approval: The "), steps[2]
    for step in steps:
        assert step.split(": ", 1)[1][:1].isupper(), step


def test_each_party_signs_under_more_space_than_each_of_its_signatories() -> None:
    """Ampere: Hoshida's 'For and on behalf of' stood right under the date line of the last
    of Rheinmark's two signatories, as if it were one more line of Rheinmark's block."""
    _, rendered = drafted(EXAMPLES_DIR / "edrive-jv.yaml")
    table = word(rendered[0].data).tables[-1]
    paragraphs = [p for row in table.rows for p in row.cells[0].paragraphs if p.text]
    parties = [p for p in paragraphs if p.text.startswith("For and on behalf of ")]
    signatures = [p for p in paragraphs if p.text.startswith("Signature:")]
    assert len(parties) == 3 and len(signatures) == 4
    signatory = {p.paragraph_format.space_before for p in signatures}
    assert len(signatory) == 1
    (between_signatories,) = signatory
    assert between_signatories is not None
    for party in parties:
        before = party.paragraph_format.space_before
        assert before is not None and before > between_signatories, party.text


def test_a_default_funded_by_a_loan_ends_on_the_banks_statement_too() -> None:
    """Volta: the default on a part NAW lent ended 'when the Defaulting Party pays it', with no
    record of the day; the statement that ends every other default now shows both payments."""
    calls = _texts(_answers("battery-jv.yaml"))["goals.capital-calls"]
    ending = calls[calls.index("The default ends on the day") :].split("\n")[0]
    assert ending.endswith(
        "as shown by a statement of the JV's bank account that the bank sends directly to every "
        "party. Where the other party has lent that part to the JV, the default ends only on the "
        "day the Defaulting Party has paid that part to the JV with the interest accrued on the "
        "loan and the JV has used that payment to repay the loan with its interest, each as "
        "shown by such a statement."
    ), ending
    assert "Defaulting Party pays it" not in calls
    # A JV whose other parties fund a default only by new shares has no loan to repay.
    ampere = _texts(_answers("edrive-jv.yaml"))["goals.capital-calls"]
    assert "each as shown by such a statement" not in ampere


def test_the_path_leaves_a_body_off_it_its_own_start() -> None:
    """Tidewater: the Safety Board's disagreements go to the Steering Committee (clause 7.4),
    not to the Operations PMO, the first level, where the path sends any other."""
    data = _answers("robotaxi-pilot.yaml")
    texts, numbers = _texts(data), _numbers(data)
    assert (
        "where it arose elsewhere, at the first level, except as clause "
        f"{numbers['governance.off-path-bodies']} provides for a decision of a body outside the "
        "path. "
    ) in texts["governance.escalation"]
