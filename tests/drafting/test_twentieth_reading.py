"""A JV lawyer's twentieth reading of the example drafts: a decision that is never reached has a
default even the first time it is due, so no row of the decision-rights matrix is left without a
route; a deal that puts vehicles on the road allocates liability, recalls and insurance;
exclusive negotiations are chosen, not assumed; acceptance cannot be withheld at will."""

from __future__ import annotations

import datetime as dt

import pytest

from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES_DIR
from ..docx_reading import builtin_library
from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

EXAMPLES = sorted(path.name for path in EXAMPLES_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_row_of_the_matrix_has_a_route(name: str) -> None:
    data = _answers(name)
    deal = Deal.model_validate(data)
    parties = {party.short_name for party in deal.parties}
    texts = _texts(data)
    unreached = texts.get("governance.unreached", "")
    for right in deal.governance.decision_rights:
        if right.owner in parties:
            continue  # that party decides alone, so the decision is always reached
        row = f'"{right.decision.strip(" .;")}"'
        assert row in unreached, (name, right.decision)


def test_a_first_baseline_or_plan_has_a_default_when_no_decision_is_reached() -> None:
    data = _answers("platform-sharing.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    unreached = texts["governance.unreached"]
    assert (
        'The rows "Cost baseline of the shared platform" and "Timing baseline of program gates": '
        "the baseline in force continues. Where none has been agreed yet, the baseline annexed to "
        "the definitive agreements applies or, where they annex none, either party may refer the "
        "decision to an independent expert"
    ) in unreached
    assert (
        'The row "Allocation of Valladolid capacity": the plan, budget or allocation last agreed '
        "rolls forward to the next period"
    ) in unreached
    assert "by the Swiss Arbitration Centre at the request of either party" in unreached
    # The deadlock exit and the escalation path no longer freeze the matter: they refer here.
    reference = f"clause {numbers['governance.unreached']} says what applies in its place"
    trigger = texts["exit.trigger.deadlock"]
    assert "the matter stays as it was" not in trigger
    assert trigger.count(reference) == 2
    assert "the matter stays as it was" not in texts["governance.escalation"]
    assert reference in texts["governance.escalation"]


def test_a_safety_standard_in_dispute_defaults_to_the_stricter_one() -> None:
    unreached = _texts(_answers("robotaxi-pilot.yaml"))["governance.unreached"]
    assert (
        'The row "Safety standard where party practices diverge": the stricter of the standards '
        "in question applies."
    ) in unreached


def test_a_jv_reserved_matter_treated_as_rejected_falls_back_the_same_way() -> None:
    data = _answers("battery-jv.yaml")
    numbers = _numbers(data)
    unreached = _texts(data)["governance.unreached"]
    assert (
        "or a Reserved Matter that covers it is treated as rejected under clause "
        f"{numbers['company.deadlock']}."
    ) in unreached
    # A JV's deadlock exit clause refers to the mechanism and treats nothing as rejected itself.
    assert f"under clause {numbers['exit.trigger.deadlock']}" not in unreached


def _provisions(data: dict[str, object]) -> set[str]:
    run = DealRun(Deal.model_validate(data), builtin_library())
    return {finding.provision for finding in run.findings}


def test_a_robotaxi_pilot_allocates_liability_recalls_and_insurance() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts = _texts(data)
    liability = texts["general.liability"]
    assert "is limited to USD 50m in aggregate." in liability
    assert "for any indirect or consequential loss" in liability
    # What a party agreed to pay is no liability to cap, and a revenue share is no lost revenue.
    assert (
        "Neither the limit nor that exclusion applies to a party's obligation to pay or "
        "contribute what this term sheet provides for (its contributions, cost shares, fees, "
        "prices and any share of revenue), to liability for wilful misconduct or fraud"
    ) in liability
    assert (
        "for wilful misconduct or fraud, for a breach of confidentiality, under the indemnity"
        in (liability)
    )
    recall = texts["general.product-liability"]
    assert "and AUR holds the permits to operate the service" in recall
    assert "by the party responsible for the component or software that caused the defect" in recall
    assert (
        "from AUR, which holds the permits to operate the service."
        in (texts["general.safety-data"])
    )
    assert (
        "\nCommercial general and product liability insurance of at least USD 100m per occurrence."
    ) in texts["general.insurance"]
    assert not {"liability.risks", "liability.permit_holder"} & _provisions(data)
    # Unanswered, the draft keeps a default where one is usual and asks for the rest.
    del data["goals"]["liability"]
    texts = _texts(data)
    assert "is limited to [●]." in texts["general.liability"]
    assert "and [●] holds the permits to operate the service" in texts["general.product-liability"]
    assert (
        "by the party responsible for the component or software"
        in (texts["general.product-liability"])
    )
    assert (
        "product liability, product recall and general third-party liability insurance"
        in (texts["general.insurance"])
    )
    assert {"liability.risks", "liability.permit_holder"} <= _provisions(data)


def test_a_jv_leaves_liability_to_its_company() -> None:
    assert "general.liability" not in _texts(_answers("battery-jv.yaml"))


def test_exclusive_negotiations_are_an_open_point_until_chosen() -> None:
    data = _answers("sdv-software.yaml")
    del data["positions"]["general.exclusivity"]
    texts = _texts(data)
    # The binding list cites the clause as it is drafted; the open point sits in that clause.
    status = texts["general.status.non-binding"]
    assert "(exclusive negotiations, first paragraph only)" in status
    assert "if agreed" not in status
    assert texts["general.exclusivity"].startswith(
        "Exclusive negotiations, if the parties agree them ([●]): from signature"
    )
    assert "exclusivity.negotiations" in _provisions(data)
    data["deal"]["binding_sections"].append("exclusivity")
    texts = _texts(data)
    assert texts["general.exclusivity"].startswith("From signature of this term sheet")
    assert "if agreed" not in texts["general.status.non-binding"]
    assert "exclusivity.negotiations" not in _provisions(data)


def test_acceptance_has_a_review_period_deemed_acceptance_after_a_reminder_and_the_expert() -> None:
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    contributions = _texts(data)["strengths.contributions"]
    assert (
        "Acceptance is judged only against the objective criteria stated in the contributions "
        "schedule."
    ) in contributions
    assert (
        "within 15 working days after that notice; where a body accepts it, the members the "
        "contributing party appointed do not vote on it"
    ) in contributions
    assert (
        "Any other contribution neither accepted nor so refused within that period is treated "
        "as accepted once the contributing party has reminded the acceptor in writing and 5 "
        "working days more have passed"
    ) in contributions
    assert (
        "to an independent expert, appointed and deciding as clause "
        f"{numbers['strengths.phases']} provides for a dispute on a milestone."
    ) in contributions


def test_a_safety_suspension_follows_the_matrix_and_has_a_restart() -> None:
    texts = _texts(_answers("robotaxi-pilot.yaml"))
    safety = texts["strengths.safety-case"]
    assert (
        "The members appointed by the party that developed a release, and on a restart those "
        "appointed by each party whose software, vehicles or operations caused the incident as "
        "the report on its cause finds, take part in the discussion but do not vote on it"
    ) in safety
    assert "may suspend the service at any time, deciding by a simple majority as the" in safety
    assert "that suspension stands until the Safety Board lifts it" in safety
    assert "The service restarts only once the Safety Board has approved the restart" in safety
    assert (
        "a suspension in force stands, and the service restarts only as clause"
        in (texts["governance.unreached"])
    )


def test_a_revenue_share_limited_in_time_says_so_in_the_table() -> None:
    rows = _table(_answers("sdv-software.yaml"), "value_sharing")
    assert ["Revenue share (for 8 years from the Effective Date)", "15 %", "85 %"] in [
        [cell.replace("\xa0", " ") for cell in row] for row in rows
    ]


def test_the_in_sourcing_licence_stays_in_the_field_and_its_price_is_no_exit_cost() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    option = _texts(data)["exit.in-sourcing-option"]
    assert (
        f"is limited to the Field of Use defined in clause {numbers['general.licence-scope']}."
    ) in option
    assert f"they are not costs of exit under clause {numbers['exit.costs']}." in option


def test_a_party_without_a_notice_address_is_a_finding() -> None:
    assert "notices.addresses" in _provisions(_answers("incomplete-deal.yaml"))
    assert "notices.addresses" not in _provisions(_answers("robotaxi-pilot.yaml"))


def test_contributions_that_end_years_before_the_term_are_a_coherence_warning() -> None:
    data = _answers("sdv-software.yaml")
    # Without the sustaining team of 2031-2032, nothing on the critical path runs after 2030.
    data["strengths"]["contributions"] = [
        item
        for item in data["strengths"]["contributions"]
        if item.get("start") != dt.date(2031, 1, 1)
    ]
    run = DealRun(Deal.model_validate(data), builtin_library())
    found = [f for f in run.findings if f.provision == "coherence.contributions_to_term"]
    assert len(found) == 1
    assert (
        "lets every contribution on the critical path end by 31 December 2030, but the Initial "
        "Term runs about 15 months longer"
    ) in found[0].message
    # A term that ends with the contributions raises nothing, nor does the example as drafted.
    assert "coherence.contributions_to_term" not in _provisions(_answers("sdv-software.yaml"))
    data["exit"]["term"]["initial"] = "45 months"
    assert "coherence.contributions_to_term" not in _provisions(data)


def test_the_other_parties_of_an_alliance_give_a_notice_against_a_party_by_a_rule() -> None:
    """Tidewater's partnership ends for all when the other two give notice against a party
    "jointly": without a rule, one of them could stall it."""
    triggers = _texts(_answers("robotaxi-pilot.yaml"))["exit.triggers"]
    assert (
        "The other parties give a notice against a party together: the notice is given when "
        "a majority of them in number so decide or, where they are evenly divided, when any of "
        "them gives it, and it then binds them all."
    ) in triggers
