"""What a senior JV lawyer's fifth reading of the example drafts asked for, as the drafted text
reads: dates that hold together, a default majority for every body, one exception per body in
the change procedure, options someone holds, clean teams where competitors share data, and
defined terms used as defined."""

from __future__ import annotations

import copy
from typing import Any

from termgen.answers.read import read_answers
from termgen.drafting.structure import plain
from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES_DIR
from ..docx_reading import builtin_library, table_rows


def _answers(name: str) -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _table(data: dict[str, Any], kind: str) -> list[list[str]]:
    return table_rows(DealRun(Deal.model_validate(data), builtin_library()).draft, kind)


def _texts(data: dict[str, Any]) -> dict[str, str]:
    """Clause id -> its text as drafted, paragraphs on lines of their own."""
    draft = DealRun(Deal.model_validate(data), builtin_library()).draft
    return {
        clause.id: "\n".join(plain(paragraph) for paragraph in clause.paragraphs)
        for clause in draft.clauses()
    }


def test_the_change_procedure_names_each_deciding_body_and_majority_once() -> None:
    texts = _texts(_answers("platform-sharing.yaml"))
    grouped = (
        "except changes to the cost baseline of the shared platform and to the allocation of "
        "Valladolid capacity, which the Steering Committee decides unanimously as the "
        "decision-rights matrix"
    )
    for clause in ("change.procedure", "change.annex.change-control"):
        assert grouped in texts[clause]
        assert texts[clause].count("decides unanimously") == 1
    sdv = _texts(_answers("sdv-software.yaml"))["change.procedure"]
    assert (
        "except changes to the budget and cost baseline and to the release calendar, which the "
        "Steering Committee decides unanimously as the decision-rights matrix of the Governance "
        "Annex states."
    ) in sdv


def test_exceptions_decided_by_different_majorities_stay_apart() -> None:
    data = _answers("platform-sharing.yaml")
    rights = data["governance"]["decision_rights"]
    allocation = next(right for right in rights if right["area"] == "scope")
    allocation.update(approval="qualified_majority", majority_percent=75)
    text = _texts(data)["change.annex.change-control"]
    assert (
        "except changes to the cost baseline of the shared platform, which the Steering Committee "
        "decides unanimously; and changes to the allocation of Valladolid capacity, which the "
        "Steering Committee decides by a qualified majority of 75"
    ) in text
    assert text.count("as the decision-rights matrix states") == 1


def test_an_exit_for_convenience_does_not_restate_the_in_sourcing_option() -> None:
    texts = _texts(_answers("bridge-technology.yaml"))
    assert texts["exit.trigger.convenience"] == (
        "After the Lock-in Period, CMC may end the partnership without giving a reason by giving "
        "6 months' notice."
    )
    assert (
        "CMC exercises the option by giving SDA 6 months' notice"
        in texts["exit.in-sourcing-option"]
    )


def test_a_valuation_without_an_option_grants_no_right_to_buy() -> None:
    text = _texts(_answers("sdv-software.yaml"))["exit.valuation"]
    assert text.startswith(
        "This clause sets the price of a purchase on exit but does not itself give either party a "
        "right to buy. Where a party acquires on exit"
    )
    assert (
        "as the treatment of shared assets in clause 9.13 provides or as the parties agree" in text
    )
    assert (
        "The Valuation Date is the date on which the notice of exit is given or, where the "
        "partnership ends at the end of its term without one, the date on which it ends."
    ) in text
    assert "option" not in text


def test_a_valuation_priced_for_an_option_names_the_option() -> None:
    for example in ("bridge-technology.yaml", "battery-jv.yaml"):
        text = _texts(_answers(example))["exit.valuation"]
        assert "a right to buy" not in text
        assert "The Valuation Date is the date on which the notice of exit is given" in text, (
            example
        )
    # In a JV an option may be exercised once the price is known: the price is not set as at
    # that later date.
    volta = _texts(_answers("battery-jv.yaml"))["exit.valuation"]
    assert (
        "The Valuation Date is the date on which the notice of exit is given or, where the "
        "acquisition arises without such a notice, the date of the event that gives rise to it, "
        "not the later date on which an option to buy is exercised;"
    ) in volta
    # A put and call on a deadlock prices the shares as at the Deadlock Notice.
    ampere = _texts(_answers("edrive-jv.yaml"))["exit.valuation"]
    assert "(for a purchase under the deadlock mechanism, the Deadlock Notice)" in ampere


def test_bodies_outside_a_joint_venture_decide_unanimously_unless_the_matrix_says_otherwise() -> (
    None
):
    default = (
        "Unless the decision-rights matrix states another approval for a decision, a body decides "
        "unanimously, that is with the votes of all members present, who must include at least one "
        "member appointed by each party, at an adjourned meeting too;"
    )
    for example in ("platform-sharing.yaml", "bridge-technology.yaml", "robotaxi-pilot.yaml"):
        assert default in _texts(_answers(example))["governance.annex.charters"]
    assert (
        "decides unanimously"
        not in _texts(_answers("battery-jv.yaml"))["governance.annex.charters"]
    )


def test_competing_carmakers_that_purchase_together_get_a_clean_team() -> None:
    data = _answers("incomplete-deal.yaml")
    assert "clean_team" not in data["governance"]
    texts = _texts(data)
    assert texts["governance.clean-team"].startswith(
        "As far as the parties compete outside the partnership, competitively sensitive information"
    )
    assert (
        "neither party learns the other party's prices, costs, volumes or supplier terms"
        in texts["governance.clean-team"]
    )
    assert "except through the clean team in clause" in texts["general.competition-law"]
    data["governance"]["clean_team"] = {"required": False}
    assert "governance.clean-team" not in _texts(data)


def test_partners_that_do_not_both_make_vehicles_get_no_clean_team_unasked() -> None:
    data = _answers("incomplete-deal.yaml")
    data["parties"][1]["role"] = "E-axle manufacturer"
    texts = _texts(data)
    assert "governance.clean-team" not in texts
    assert "with each other" in texts["general.competition-law"]


def test_calendar_dates_stay_fixed_when_closing_moves_the_effective_date() -> None:
    text = _texts(_answers("sdv-software.yaml"))["exit.term"]
    assert (
        "Dates this term sheet states as calendar dates stay as stated if the Effective Date "
        "falls after 1 April 2027, with one exception: a milestone or target that would be "
        "missed only because the Effective Date fell after 1 April 2027 is not missed, and its "
        "date alone is postponed by the time between 1 April 2027 and the Effective Date. "
        "Periods stated to run from the Effective Date run from the Effective Date as it falls, "
        "and an obligation dated before the Effective Date applies from the Effective Date."
    ) in text


def test_a_term_with_an_end_date_ends_on_that_date_not_after_a_period() -> None:
    data = _answers("sdv-software.yaml")
    data["exit"]["term"]["end_date"] = "2032-03-31"
    text = _texts(data)["exit.term"]
    assert 'runs from the Effective Date until 31 March 2032 (the "Initial Term")' in text
    assert "initial term of 5 years" not in text


def test_the_long_stop_date_is_a_date() -> None:
    texts = _texts(_answers("edrive-jv.yaml"))
    assert (
        "to be obtained by the date 12 months after the definitive agreements are signed (the "
        '"Long-stop Date")'
    ) in texts["general.regulatory-approvals"]
    assert "not obtained in time" in texts["general.conditions"]
    sdv = _answers("sdv-software.yaml")
    del sdv["strengths"]["phases"]  # phases give each approval its own long-stop date
    approvals = _texts(sdv)["general.regulatory-approvals"]
    # Nothing else refers to that date: it is not defined as a term no sentence uses.
    assert (
        "or not obtained by its long-stop date, the date 12 months after the definitive "
        "agreements are signed, the parties negotiate in good faith"
    ) in approvals
    assert "Long-stop" not in approvals


def test_the_board_is_defined_where_the_joint_venture_company_is() -> None:
    data = _answers("battery-jv.yaml")
    texts = _texts(data)
    assert texts["company.formation"].endswith(
        "a Delaware corporation to be incorporated, directed by its board of directors (the "
        '"Board").'
    )
    assert texts["company.board"].startswith(
        "The parties direct the JV through the Board, which has 6 directors."
    )
    draft = DealRun(Deal.model_validate(data), builtin_library()).draft
    first_use = next(clause.id for clause in draft.clauses() if "Board" in texts.get(clause.id, ""))
    assert first_use == "company.formation"


def test_the_escalation_table_sends_only_legal_disputes_to_arbitration() -> None:
    final = _table(_answers("sdv-software.yaml"), "escalation")[-1]
    assert final[:2] == [
        "Final",
        "Legal dispute: arbitration under the DIS Arbitration Rules, seated in Frankfurt am "
        "Main, binding. Business matter: deadlock provisions, not arbitration",
    ]


def test_a_licence_states_its_purpose_with_the_grant() -> None:
    text = _texts(_answers("sdv-software.yaml"))["general.licence-scope"]
    assert (
        "licence of the background intellectual property it contributes under the contributions "
        "schedule, to carry out the activities in scope within the Field of Use in the regions in "
        "scope (worldwide), for the term of the partnership and afterwards"
    ) in text
    assert "under clause 9.11. Any other use" in text


def test_a_review_before_renewal_points_to_the_notice_it_must_meet() -> None:
    draft = DealRun(Deal.model_validate(_answers("battery-jv.yaml")), builtin_library()).draft
    numbers = {clause.id: clause.number for clause in draft.clauses()}
    texts = _texts(_answers("battery-jv.yaml"))
    review = texts["change.pre-renewal-review"]
    # Either party may stop an automatic renewal alone: the review informs, it does not decide.
    assert "the parties review together whether to continue" in review
    assert "jointly decide" not in review
    assert (
        "Each party remains free to give notice of non-renewal under clause "
        f"{numbers['exit.renewal.automatic']}; a party that decides at such a review not to "
        "renew gives that notice in time."
    ) in review
    open_renewal = _texts(_answers("incomplete-deal.yaml"))["change.pre-renewal-review"]
    assert "notice period" not in open_renewal


def test_partners_are_not_called_competitors_where_they_may_not_compete() -> None:
    clause = _texts(_answers("bridge-technology.yaml"))["general.competition-law"]
    assert "competitors" not in clause
    assert "compete" not in clause
    assert "otherwise act independently of each other." in clause
