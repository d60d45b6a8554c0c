"""What a senior JV lawyer's sixth reading of the example drafts asked for, as the drafted text
reads: a clean team that lets the partnership run, a change procedure that leaves the matrix's
other owners their decisions, survival lists that read as sentences and keep payments due, and
clauses binding from signature that outlive a lapse."""

from __future__ import annotations

import re

from .test_fifth_reading import _answers, _table, _texts


def test_a_clean_team_walls_off_business_outside_the_scope_not_what_the_scope_needs() -> None:
    data = _answers("incomplete-deal.yaml")
    clean = _texts(data)["governance.clean-team"]
    assert "prices, costs, volumes or supplier terms for business outside the scope." in clean
    assert "such as the volumes and prices of joint purchasing, is shared only with" in clean
    assert "verified by an independent auditor bound to confidentiality" in clean
    assert clean.endswith(
        "The clean team works under the supervision of competition counsel appointed jointly by "
        "the parties."
    )
    data["goals"]["value_sharing"]["transfer_pricing"] = "E-axles sold to SKM at a fixed price."
    data["goals"]["scope"]["functions"].remove("purchasing")
    data["goals"]["scope"]["joint"] = ["e-axle development and validation", "shared test data"]
    clean = _texts(data)["governance.clean-team"]
    assert "auditor" not in clean and "joint purchasing" not in clean
    assert "What the work within the scope needs is shared only with the people" in clean


def test_a_clean_team_with_its_own_rules_keeps_its_counsel_and_gets_the_cost_audit() -> None:
    clean = _texts(_answers("platform-sharing.yaml"))["governance.clean-team"]
    assert "only aggregated data leaves it." in clean
    assert "independent auditor" in clean
    assert clean.endswith("supervision of competition counsel of each party, jointly instructed.")
    assert "appointed jointly by the parties" not in clean


def test_a_change_to_a_matter_the_matrix_gives_elsewhere_is_decided_as_the_matrix_states() -> None:
    data = _answers("incomplete-deal.yaml")
    texts = _texts(data)
    # Without a named exception the matrix's other deciders are the one exception, in the
    # same sentence as the approval, not "any other change" after it.
    general = (
        "The change is approved by the Steering Group, except a change to a matter that the "
        "decision-rights matrix gives to a party, to the parties jointly or to another body, "
        "which is decided as the matrix states."
    )
    assert general in texts["change.procedure"]
    assert "Any other change" not in texts["change.procedure"]
    assert (
        "approves or rejects the change, except a change to a matter that the matrix gives"
        in texts["change.annex.change-control"]
    )
    approval = data["change"]["procedure"]["approval"]
    for right in data["governance"]["decision_rights"]:
        right["owner"] = approval
    texts = _texts(data)
    assert "except a change to a matter" not in texts["change.procedure"]
    assert "except a change" not in texts["change.annex.change-control"]


def test_a_change_outside_the_named_exceptions_is_any_other_change() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert (
        "which the Execution Committee decides by a simple majority as the decision-rights matrix "
        "of the Governance Annex states. Any other change to a matter that the decision-rights "
        "matrix gives to a party, to the parties jointly or to another body is decided as the "
        "matrix states."
    ) in texts["change.procedure"]
    assert (
        "; any other change to a matter that the matrix gives"
        in (texts["change.annex.change-control"])
    )


def test_survival_entries_read_as_one_sentence_whatever_the_description() -> None:
    survival = _texts(_answers("sdv-software.yaml"))["exit.survival"].splitlines()
    assert (
        "BFW's licence to LUMEN's background IP needed to use the platform, for vehicles in "
        "production or sold at exit, for 15 years after termination or expiry of the partnership."
    ) in survival
    volta = _texts(_answers("battery-jv.yaml"))["exit.survival"]
    assert ": the JV keeps supplying NAW at the prevailing transfer price" in volta
    assert "\nLicences each party needs to service cells" in volta
    for line in volta.splitlines()[1:]:
        assert line.count(".") == 1 and line.endswith("."), line


def test_payments_due_and_payments_for_longer_periods_survive_the_partnership() -> None:
    """Keystone's 15 % revenue share runs 8 years from the Effective Date; the term is 5."""
    texts = _texts(_answers("sdv-software.yaml"))
    assert "for 8 years from the Effective Date" in texts["goals.value-sharing"]
    assert texts["exit.survival"].endswith(
        "Payments that fell due before the partnership ends remain payable, and a payment or "
        "licence that this term sheet provides for a longer period, or in perpetuity, continues "
        "for that period."
    )


def test_clauses_binding_from_signature_to_protect_information_outlive_a_lapse() -> None:
    texts = _texts(_answers("platform-sharing.yaml"))
    clean_team = re.search(
        r"Clauses (\d+\.\d+) \(clean team\)", texts["general.status.partly-binding"]
    )
    assert clean_team
    survivors = re.search(r"only clauses ([\d., and]+) continue to bind", texts["general.expiry"])
    assert survivors and clean_team.group(1) in survivors.group(1).split(", ")
    data = _answers("platform-sharing.yaml")
    data["deal"]["binding_sections"].remove("clean team")
    assert "(clean team)" not in _texts(data)["general.status.partly-binding"]
    survivors = re.search(
        r"only clauses ([\d., and]+) continue to bind", _texts(data)["general.expiry"]
    )
    assert survivors and clean_team.group(1) not in re.split(r", | and ", survivors.group(1))


def test_an_option_noticed_near_the_end_completes_before_the_partnership_ends() -> None:
    option = _texts(_answers("bridge-technology.yaml"))["exit.in-sourcing-option"]
    assert "completion takes place when that notice period ends" in option
    assert (
        "An option notice given before the partnership ends keeps it in force until completion."
        in option
    )


def test_the_in_sourcing_formula_prices_the_option_and_nothing_else() -> None:
    data = _answers("bridge-technology.yaml")
    valuation = _texts(data)["exit.valuation"]
    assert valuation.startswith(
        "The price under the in-sourcing option is set by the formula and the floor price in "
        "clause "
    )
    assert "2.5 times" not in valuation
    assert "share in any other jointly owned asset, the price is its fair market value" in valuation
    data["deal"]["purpose"] = "autonomy_mobility"
    valuation = _texts(data)["exit.valuation"]
    assert "in-sourcing option" not in valuation
    assert "the price is the amount given by the formula in this clause" in valuation


def test_what_a_milestone_opens_reads_whether_it_is_a_thing_or_an_event() -> None:
    bridge = _texts(_answers("bridge-technology.yaml"))["strengths.phases"]
    assert "Once it is met: CMC's in-sourcing option becomes exercisable." in bridge
    assert "unlocks:" not in bridge
    assert "Either party may confirm that a milestone has been met by written notice" in bridge


def test_a_single_phase_has_no_previous_phase() -> None:
    single = _texts(_answers("incomplete-deal.yaml"))["strengths.phases"]
    assert single.startswith("The partnership starts with a narrow scope and widens it as its")
    assert "previous phase" not in single
    assert (
        "What the milestone opens starts on the day of that confirmation, without a vote of the "
        "Steering Group or the consent of either party."
    ) in single


def test_a_jv_annex_says_how_its_committees_decide_and_who_has_a_casting_vote() -> None:
    data = _answers("battery-jv.yaml")
    texts = _texts(data)
    charters = texts["governance.annex.charters"]
    board = re.search(
        r"The Board decides as clause (\d+\.\d+) of the term sheet provides", charters
    )
    assert board
    assert "every other body decides by a simple majority of the votes of all its members" in (
        charters
    )
    assert charters.endswith("No chair has a casting vote.")
    data["company"]["board"]["casting_vote"] = True
    texts = _texts(data)
    assert "The chair has a casting vote." in texts["company.board"]
    assert texts["governance.annex.charters"].endswith(
        "The chair of the Board has a casting vote; no other chair has one."
    )
    del data["company"]["board"]["casting_vote"]  # left open: both documents say so
    texts = _texts(data)
    assert "Whether the chair has a casting vote is [●]." in texts["company.board"]
    assert texts["governance.annex.charters"].endswith(
        "Whether the chair of the Board has a casting vote is [●]; no other chair has one."
    )


def test_the_expert_fallback_between_shareholders_does_not_speak_of_a_board_deadlock() -> None:
    for example in ("battery-jv.yaml", "edrive-jv.yaml", "platform-sharing.yaml"):
        valuation = _texts(_answers(example))["exit.valuation"]
        assert (
            "If no expert has been appointed within 20 days of the referral, for any reason, "
            in (valuation)
        )
        expert = valuation.split("If the parties have not agreed the price")[1]
        assert "deadlock" not in expert.lower()


def test_survival_descriptions_keep_their_capitals() -> None:
    survival = _texts(_answers("platform-sharing.yaml"))["exit.survival"]
    assert ": AUV keeps building XAC models at its Valladolid plant" in survival
    assert "valladolid" not in survival


def test_yearly_rates_typed_in_shorthand_read_as_prose() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert "NAW commits to take 30 GWh a year from 1 July 2030" in texts["strengths.offtake"]
    assert "/yr" not in "\n".join(texts.values())
    release = _texts(_answers("sdv-software.yaml"))["strengths.release-bandwidth"]
    assert "4 major releases a year" in release
    assert (
        "A release counts towards this commitment only when it meets the acceptance criterion: "
        "Release passes the agreed regression suite"
    ) in release


def test_the_change_record_and_the_reporting_read_as_sentences() -> None:
    texts = _texts(_answers("incomplete-deal.yaml"))
    assert (
        "Approved changes are recorded in the change log kept by SKM." in texts["change.procedure"]
    )
    assert "Change record:" not in texts["change.procedure"]
    data = _answers("incomplete-deal.yaml")
    data["change"]["procedure"]["record"] = "A change log kept by SKM."
    assert "recorded in a change log kept by SKM." in _texts(data)["change.procedure"]
    assert (
        "Reporting: Monthly development status and cost report."
        in (texts["governance.annex.reporting"])
    )


def test_an_adjourned_board_meeting_is_called_with_its_agenda_and_keeps_to_it() -> None:
    board = _texts(_answers("battery-jv.yaml"))["company.board"]
    assert (
        "the adjourned meeting, called by written notice to every director with the original "
        "agenda, is quorate with the directors present and decides only on that agenda."
    ) in board


def test_costs_of_exit_fall_on_someone_when_the_term_simply_ends() -> None:
    costs = _texts(_answers("platform-sharing.yaml"))["exit.costs"]
    assert costs.startswith("A party that ends the partnership for convenience bears its own")
    assert (
        "and when the partnership ends at the end of its term, the costs of exit are shared in "
        "proportion to the cost shares."
    ) in costs


def test_a_body_recommends_on_continuing_or_leaving_and_the_parties_decide() -> None:
    texts = _texts(_answers("robotaxi-pilot.yaml"))
    review = texts["change.pre-renewal-review"]
    assert (
        "the Steering Committee recommends to the parties whether to continue the partnership "
        "unchanged, expand the scope of the partnership or prepare an orderly exit"
    ) in review
    assert "the Steering Committee decides whether" not in review
    assert (
        "prepare an orderly exit; the outcome of the review does not by itself end the "
        "partnership or a party's part in it." in review
    )
    volta = _texts(_answers("battery-jv.yaml"))["change.pre-renewal-review"]
    assert "the Board recommends to the parties whether to continue the partnership" in volta


def test_the_review_calendar_names_the_decider_as_the_review_clause_does() -> None:
    keystone = {row[0]: row[3] for row in _table(_answers("sdv-software.yaml"), "review_calendar")}
    assert keystone["Phase 1 review"] == "Steering Committee"
    assert keystone["Series readiness review"] == "Steering Committee, recommending to the parties"
    assert keystone["Pre-expiry review"] == ("The parties review together; BFW decides on renewal")
    volta = {row[0]: row[3] for row in _table(_answers("battery-jv.yaml"), "review_calendar")}
    assert volta["Pre-expiry strategic review"] == (
        "The parties review together; each may give notice of non-renewal"
    )
    tidewater = {
        row[0]: row[3] for row in _table(_answers("robotaxi-pilot.yaml"), "review_calendar")
    }
    assert tidewater["Pre-expiry review"] == "The parties jointly"


def test_a_defaulting_shareholder_cannot_block_its_own_dilution() -> None:
    data = _answers("edrive-jv.yaml")
    calls = _texts(data)["goals.capital-calls"]
    assert (
        "matters reserved to all shareholders still need every shareholder's consent, except that "
        "the Defaulting Party votes its shares in favour of an issue of shares under this clause "
        "and waives any pre-emption right on it."
    ) in calls
    data["company"]["funding"]["on_default"] = "shareholder_loan"
    assert "waives any pre-emption right" not in _texts(data)["goals.capital-calls"]


def test_updates_after_in_sourcing_end_with_the_transition_period() -> None:
    survival = _texts(_answers("bridge-technology.yaml"))["exit.survival"]
    assert (
        "for vehicles already sold, for 7 years after termination or expiry of the partnership. "
        "After completion of the in-sourcing option under clause "
    ) in survival
    assert "this obligation ends with its transition period." in survival
    assert "in-sourcing" not in _texts(_answers("sdv-software.yaml"))["exit.survival"]
