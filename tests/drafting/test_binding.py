"""What binds before the definitive agreements, and when the partnership starts: the status,
exclusivity, conditions, escalation and disputes clauses as drafted."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from termgen.answers.read import read_answers
from termgen.drafting.structure import Draft, plain
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.model import Deal
from termgen.pipeline import DealRun

from ..conftest import EXAMPLES_DIR
from ..docx_reading import builtin_library

ALWAYS_BINDING = {
    "general.confidentiality": "confidentiality",
    "general.exclusivity": "exclusive negotiations, first paragraph only",
    "general.expiry": "expiry of this term sheet",
    "general.announcements": "announcements",
    "general.notices": "notices",
    "general.entire-agreement": "entire agreement",
    "general.counterparts": "counterparts",
    "general.no-partnership": "no partnership",
    "general.costs": "costs of negotiation",
    "general.governing-law": "governing law",
    "general.disputes": "disputes",
}


def _answers(name: str = "battery-jv.yaml") -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / name)[0])


def _draft(data: dict[str, Any]) -> Draft:
    return DealRun(Deal.model_validate(data), builtin_library()).draft


def _texts(data: dict[str, Any]) -> dict[str, str]:
    """Clause id -> its text as drafted, paragraphs on lines of their own."""
    return {
        clause.id: "\n".join(plain(paragraph) for paragraph in clause.paragraphs)
        for clause in _draft(data).clauses()
    }


def _cited(data: dict[str, Any], clauses: dict[str, str]) -> str:
    """The clauses as the status clause cites them: '13.1 (confidentiality), 14.1 (...)', each
    one the draft has."""
    numbers = {clause.id: clause.number for clause in _draft(data).clauses()}
    cited = [
        f"{numbers[clause]} ({words})" for clause, words in clauses.items() if clause in numbers
    ]
    return ", ".join(cited[:-1]) + " and " + cited[-1]


@pytest.mark.parametrize(
    ("example", "status", "opening"),
    [
        ("robotaxi-pilot.yaml", "general.status.non-binding", "except clauses "),
        ("platform-sharing.yaml", "general.status.partly-binding", "Clauses "),
    ],
)
def test_a_term_sheet_that_does_not_bind_binds_on_law_forum_costs_and_its_expiry(
    example: str, status: str, opening: str
) -> None:
    data = _answers(example)
    data["deal"]["binding_sections"] = ["confidentiality"]
    text = _texts(data)[status]
    assert opening + _cited(data, ALWAYS_BINDING) + " bind" in text.replace(", which bind", " bind")
    assert "expires, and the negotiations end, as clause " in text


def test_what_always_binds_is_the_clause_library_s_list_which_an_overlay_may_replace(
    tmp_path: Path,
) -> None:
    assert builtin_library().always_binding == (
        "confidentiality",
        "exclusivity",
        "expiry",
        "announcements",
        "notices",
        "entire agreement",
        "no partnership",
        "counterparts",
        "costs of negotiation",
        "governing law",
        "disputes",
    )
    (tmp_path / "library.yaml").write_text(
        "always_binding: [confidentiality, governing law, disputes]\n", encoding="utf-8"
    )
    data = _answers("robotaxi-pilot.yaml")
    library = load_library(library_layers([tmp_path], {}))
    draft = DealRun(Deal.model_validate(data), library).draft
    [status] = [clause for clause in draft.clauses() if clause.id == "general.status.non-binding"]
    text = "\n".join(plain(paragraph) for paragraph in status.paragraphs)
    numbers = {clause.id: clause.number for clause in draft.clauses()}
    assert (
        f"{numbers['general.confidentiality']} (confidentiality), "
        f"{numbers['general.governing-law']} (governing law) and "
        f"{numbers['general.disputes']} (disputes), which bind the parties from signature"
    ) in text
    assert "(announcements)" not in text and "(expiry of this term sheet)" not in text


@pytest.mark.parametrize(
    ("data_section", "heading"),
    [
        (["Data protection"], "data protection, last sentence only"),
        (["data", "data protection"], "data"),
    ],
)
def test_extra_binding_sections_are_cited_by_number_and_heading_once(
    data_section: list[str], heading: str
) -> None:
    data = _answers("robotaxi-pilot.yaml")
    data["deal"]["binding_sections"] = ["confidentiality", "costs", *data_section, "pricing"]
    text = _texts(data)["general.status.non-binding"]
    cited = _cited(data, {"general.data": heading, **ALWAYS_BINDING})
    assert f"except clauses {cited}, and the provisions on pricing, which bind" in text
    assert text.count("(confidentiality)") == 1
    assert text.count("protection") == heading.count("protection")


def test_a_clean_team_binds_by_its_clause_number() -> None:
    data = _answers("platform-sharing.yaml")
    text = _texts(data)["general.status.partly-binding"]
    cited = _cited(data, {"governance.clean-team": "clean team", **ALWAYS_BINDING})
    assert f"Clauses {cited} bind the parties from signature." in text


def test_exclusivity_runs_from_signature_and_binds() -> None:
    text = _texts(_answers())["general.exclusivity"]
    assert text.startswith(
        "From signature of this term sheet until the definitive agreements are signed, this term "
        "sheet expires or a party ends the negotiations by notice under clause 1.1, whichever "
        "comes first, neither party negotiates or agrees with a third party"
    )


def test_a_non_exclusive_term_sheet_does_not_bind_on_exclusivity() -> None:
    data = _answers()
    data["positions"] = {"general.exclusivity": "non-exclusive"}
    texts = _texts(data)
    without_exclusivity = {k: v for k, v in ALWAYS_BINDING.items() if k != "general.exclusivity"}
    assert (
        f"except clauses {_cited(data, without_exclusivity)}, which bind"
        in (texts["general.status.non-binding"])
    )
    assert "neither are the negotiations" in texts["general.exclusivity"]


def _findings(data: dict[str, Any]) -> set[str]:
    return {
        finding.provision
        for finding in DealRun(Deal.model_validate(data), builtin_library()).findings
    }


def test_the_answer_on_exclusivity_chooses_the_wording_and_what_binds() -> None:
    data = _answers("sdv-software.yaml")
    del data["positions"]
    data["deal"]["exclusive"] = False
    texts = _texts(data)
    without_exclusivity = {k: v for k, v in ALWAYS_BINDING.items() if k != "general.exclusivity"}
    assert (
        f"except clauses {_cited(data, without_exclusivity)}, which bind"
        in (texts["general.status.non-binding"])
    )
    non_exclusive = _texts({**data, "positions": {"general.exclusivity": "non-exclusive"}})
    assert texts["general.exclusivity"] == non_exclusive["general.exclusivity"]
    assert texts["general.exclusivity"].startswith("The partnership is not exclusive")
    assert "exclusivity.negotiations" not in _findings(data)
    # A draft from the other side is read against ours as the draft reads: not exclusive.
    assert DealRun(Deal.model_validate(data), builtin_library()).positions().exclusive is False
    data["deal"]["exclusive"] = True
    texts = _texts(data)
    assert texts["general.exclusivity"].startswith("From signature of this term sheet")
    assert (
        f"except clauses {_cited(data, ALWAYS_BINDING)}, which bind"
        in (texts["general.status.non-binding"])
    )
    assert "exclusivity.negotiations" not in _findings(data)


def test_a_position_named_wins_over_the_answer_on_exclusivity() -> None:
    data = _answers("sdv-software.yaml")
    data["deal"]["exclusive"] = False
    texts = _texts(data)  # the example names the preferred position: exclusive
    assert texts["general.exclusivity"].startswith("From signature of this term sheet")
    assert "(exclusive negotiations, first paragraph only)" in texts["general.status.non-binding"]
    data["deal"]["exclusive"] = True
    data["positions"] = {"general.exclusivity": "non-exclusive"}
    texts = _texts(data)
    assert texts["general.exclusivity"].startswith("The partnership is not exclusive")
    assert "exclusive negotiations" not in texts["general.status.non-binding"]
    assert DealRun(Deal.model_validate(data), builtin_library()).positions().exclusive is False


def test_a_partly_binding_term_sheet_answered_not_exclusive_binds_on_no_exclusivity() -> None:
    data = _answers("platform-sharing.yaml")
    del data["positions"]
    data["deal"]["exclusive"] = False
    texts = _texts(data)
    assert "exclusiv" not in texts["general.status.partly-binding"]
    assert texts["general.exclusivity"].startswith("The partnership is not exclusive")


def test_a_binding_term_sheet_keeps_closing_conditional_and_has_no_expiry() -> None:
    data = _answers()
    data["deal"]["binding"] = "binding"
    texts = _texts(data)
    assert "starts only on closing" in texts["general.status.binding"]
    assert (
        "until the definitive agreements are signed, neither party" in texts["general.exclusivity"]
    )


def test_approvals_are_conditions_to_closing_with_a_long_stop_date() -> None:
    texts = _texts(_answers())
    conditions = texts["general.conditions"]
    signing, closing = conditions.split(". ", 1)
    assert "regulatory" not in signing
    assert closing.startswith("Closing under the definitive agreements")
    assert "not obtained in time" in conditions
    assert '(the "Long-stop Date")' in texts["general.regulatory-approvals"]
    assert "or, if later, on closing under the definitive agreements" in texts["exit.term"]


def test_a_business_deadlock_goes_to_the_deadlock_exit_not_to_arbitration() -> None:
    texts = _texts(_answers())
    escalation = texts["governance.escalation"]
    assert "is a deadlock, which is not referred to arbitration or the courts" in escalation
    assert (
        "a Deadlock on a Reserved Matter is resolved under the deadlock mechanism in clause 8.2"
        in (escalation)
    )
    assert (
        "only a Deadlock as defined in clause 9.7 may lead to exit under that clause"
        in (_texts(_answers("platform-sharing.yaml"))["governance.escalation"])
    )
    assert "A legal dispute still unresolved at the end of the path goes to arbitration" in (
        escalation
    )
    assert (
        "A disagreement on a business matter is not a dispute under this clause"
        in (texts["general.disputes"])
    )


def test_exit_costs_after_a_default_fall_on_the_party_in_default() -> None:
    data = _answers()
    jv = (
        " The JV bears the costs of exit it incurs itself, except that after an exit for a "
        "party's material breach or insolvency, that party reimburses them to the JV."
    )
    expected = {
        "each_own": "Each party bears its own costs of exit, except that after an exit for a "
        "party's material breach or insolvency, that party also bears the reasonable costs of "
        "exit of the other party." + jv,
        "pro_rata": "The costs of exit are shared in proportion to the cost shares, except that "
        "a party whose material breach or insolvency gives rise to an exit, or that exits for "
        "convenience, bears its own costs of exit and the reasonable costs of exit of the other "
        "party.",
        "defaulting_party": "After an exit for a party's material breach or insolvency, that "
        "party bears its own costs of exit and the reasonable costs of exit of the other party; "
        "after any other exit, each party bears its own." + jv,
    }
    for bearer, text in expected.items():
        data["exit"]["costs"] = {"borne_by": bearer}
        assert _texts(data)["exit.costs"] == text


def test_a_non_binding_term_sheet_binds_only_the_exclusive_negotiations_of_its_exclusivity() -> (
    None
):
    data = _answers("edrive-jv.yaml")
    assert "exclusivity" not in data["deal"].get("binding_sections", [])
    status = _texts(data)["general.status.non-binding"]
    assert "(exclusive negotiations, first paragraph only)" in status
    data["deal"]["binding_sections"] = [*data["deal"].get("binding_sections", []), "exclusivity"]
    status = _texts(data)["general.status.non-binding"]
    assert "(exclusive negotiations, first paragraph only)" in status
    assert "(exclusivity)" not in status
