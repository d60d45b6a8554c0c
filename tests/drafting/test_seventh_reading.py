"""What a senior JV lawyer's seventh reading of the example drafts asked for, as the drafted
text reads: licences that outlive one party's withdrawal, a pilot that ends for all when one
party leaves and goes on when it succeeds, binding status that covers only what is named, source code released when its licensor fails,
one rule for an activity placed three ways, a binding clean team set up where it binds, IP
priced at what it is worth and a breach clause written rather than pasted."""

from __future__ import annotations

from termgen.wording import event_predicate, same_activity

from .test_fifth_reading import _answers, _texts


def test_licences_to_the_jv_continue_when_one_of_three_parties_withdraws() -> None:
    data = _answers("edrive-jv.yaml")
    texts = _texts(data)
    assert "which continues between the remaining parties" in texts["exit.triggers"]
    assets = texts["exit.assets"]
    assert (
        "every licence granted to the JV or to a remaining party, including a licence granted by "
        "the withdrawing party, continues on its terms for as long as the partnership continues."
    ) in assets
    assert "even where the treatment above ties the licence to that party." in assets
    data["strengths"]["contributions"] = [
        item for item in data["strengths"]["contributions"] if item["kind"] != "ip_licence"
    ]
    data["exit"]["assets"] = [
        item for item in data["exit"]["assets"] if item["asset"] != "licences"
    ]
    assert "withdrawing party" not in _texts(data)["exit.assets"]


def test_a_pilot_that_needs_every_party_ends_for_all_when_one_leaves() -> None:
    data = _answers("robotaxi-pilot.yaml")
    triggers = _texts(data)["exit.triggers"]
    assert "continues between the remaining parties" not in triggers
    assert (
        "therefore ends the partnership for all parties when it takes effect, and the provisions "
        "on the end of the partnership apply to every party, including the orderly wind-down in "
        "clause "
    ) in triggers
    for item in data["strengths"]["contributions"]:
        if item["party"] == "MFM":
            item["critical_path"] = False
    triggers = _texts(data)["exit.triggers"]
    assert "which continues between the remaining parties" in triggers
    assert "ends the partnership for all parties" not in triggers


def test_an_end_event_reads_as_a_sentence_and_success_is_not_wound_down() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts = _texts(data)
    assert (
        "The End Event occurs when an expansion agreement for a second city replaces this pilot."
        in texts["exit.term"]
    )
    assert "the following event" not in texts["exit.term"]
    assert texts["exit.wind-down"].endswith(
        "Where the partnership ends on the End Event and the service continues under the "
        "agreement that follows this partnership, the service has not ended: it is not wound "
        "down, and its vehicles, data, staff and permits pass to that agreement as it provides."
    )
    data["exit"]["term"]["end_milestone"] = "the start of series production of the successor"
    assert (
        "The End Event is the start of series production of the successor."
        in (_texts(data)["exit.term"])
    )
    del data["exit"]["term"]["end_milestone"]
    assert "End Event" not in _texts(data)["exit.wind-down"]


def test_binding_data_protection_binds_the_data_protection_sentence_only() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts = _texts(data)
    assert "(data protection, last sentence only)" in texts["general.status.non-binding"]
    assert "(last sentence only)" in texts["general.expiry"]
    assert texts["general.data"].split(". ")[-1].startswith("Each party complies with the data")
    data["deal"]["binding_sections"].append("data")
    texts = _texts(data)
    assert "(data)" in texts["general.status.non-binding"]
    assert "last sentence" not in texts["general.status.non-binding"]
    assert "last sentence" not in texts["general.expiry"]


def test_software_a_deal_depends_on_is_in_escrow_released_when_its_licensor_fails() -> None:
    data = _answers("bridge-technology.yaml")
    escrow = _texts(data)["general.escrow"]
    assert escrow.startswith("SDA deposits the source code of the licensed software")
    assert "The escrow agent releases the Escrow Materials to CMC if SDA becomes insolvent" in (
        escrow
    )
    assert "does not remedy it within 45 days of written notice" in escrow
    assert "Release does not depend on the partnership being ended." in escrow
    assert "release is not an exercise of the in-sourcing option in clause " in escrow
    for item in data["strengths"]["contributions"]:
        item["critical_path"] = False
    assert "general.escrow" not in _texts(data)
    for name in ("edrive-jv.yaml", "platform-sharing.yaml", "battery-jv.yaml"):
        assert "general.escrow" not in _texts(_answers(name)), name


def test_an_independent_activity_a_phase_opens_and_its_party_decides_is_one_rule() -> None:
    data = _answers("sdv-software.yaml")
    scope = _texts(data)["goals.scope"]
    assert (
        "and licensing the platform to other OEMs (LUMEN). Licensing the platform to other OEMs "
        "starts only once the milestone of Phase 2 - Series readiness in clause "
    ) in scope
    assert (
        "has been met, and LUMEN decides on it alone after consulting BFW, as the decision-rights "
        "matrix of the Governance Annex states."
    ) in scope
    assert same_activity(
        "licensing the platform to other OEMs (LUMEN)", "Licensing to third-party OEMs"
    )
    assert not same_activity("user-facing apps and HMI (BFW)", "Licensing to third-party OEMs")
    assert not same_activity("", "")


def test_an_end_event_is_worded_for_either_way_it_is_typed() -> None:
    assert event_predicate("the start of series production") == (
        "is the start of series production"
    )
    assert event_predicate("signing of the follow-on agreement") == (
        "is signing of the follow-on agreement"
    )
    assert event_predicate("the plant closes") == "occurs when the plant closes"


def test_a_binding_clean_team_is_set_up_in_the_clause_that_binds() -> None:
    data = _answers("platform-sharing.yaml")
    clean = _texts(data)["governance.clean-team"]
    assert (
        "The Clean Team is set up on signature of this term sheet and consists of 2 members "
        "appointed by AUV and 2 members appointed by XAC; its charter in the table of governance "
        "bodies of the Governance Annex forms part of this clause and binds with it."
    ) in clean
    data["deal"]["binding_sections"].remove("clean team")
    assert "set up on signature" not in _texts(data)["governance.clean-team"]


def test_foreground_ip_bought_out_is_priced_at_fair_market_value_not_book_value() -> None:
    data = _answers("platform-sharing.yaml")
    valuation = _texts(data)["exit.valuation"]
    assert "its book value in the seller's latest audited accounts" in valuation
    assert (
        "or, for foreground intellectual property, which the parties' books carry at little or no "
        "value, its fair market value as at the Valuation Date"
    ) in valuation
    data["exit"]["valuation"]["method"] = "fair_market_value"
    assert "foreground intellectual property" not in _texts(data)["exit.valuation"]


def test_a_breach_described_as_material_breach_reads_as_what_it_includes() -> None:
    data = _answers("battery-jv.yaml")
    data["exit"]["triggers"][0]["description"] = (
        "Material breach, including failure to meet the cell quality targets."
    )
    breach = _texts(data)["exit.trigger.breach"]
    assert breach.endswith(
        "For this clause, a material breach includes failure to meet the cell quality targets."
    )
    assert "This right covers" not in breach
    data["exit"]["triggers"][0]["description"] = "Material breach."
    assert _texts(data)["exit.trigger.breach"].endswith("by giving 60 days' notice.")
