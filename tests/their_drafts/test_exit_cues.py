"""The exit provisions that only counsel's cues decide (no fitted scorer): an exit on breach
or insolvency, a way to resolve disputes, a price for what changes hands; each reads the
provision where agreements word it so, and leaves alone the sentence that only mentions its
words."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.library.folders import library_layers
from termgen.library.load import load_provisions
from termgen.their_drafts.detect import Detection, detect
from termgen.their_drafts.extract import Block, Extracted
from termgen.their_drafts.text import sentences

TERM_AND_EXIT = (
    "10.1 This Development Agreement will begin on the Effective Date and continue for four "
    "(4) years unless earlier terminated pursuant to Section 10.2. "
    "10.2 Either Party may terminate this Development Agreement by giving written notice to the "
    "other Party, (a)in the event the other Party's bankruptcy, insolvency, or the filing of a "
    "petition therefore; and (b) the other Party materially defaults in the performance of its "
    "obligations hereunder."
)


def _read(text: str, *provision_ids: str) -> dict[str, Detection]:
    registry = {
        entry.record.id: entry.record for entry in load_provisions(library_layers([], {})).values()
    }
    found = sentences(Extracted(Path("x.txt"), "txt", (Block(text, paragraph=1),)))
    detections = detect(found, [registry[provision] for provision in provision_ids])
    return {detection.provision: detection for detection in detections}


def test_each_trigger_in_the_quoted_exit_clause_is_present_and_quotes_that_clause() -> None:
    read = _read(TERM_AND_EXIT, "exit.triggers", "exit.trigger.breach", "exit.trigger.insolvency")
    quotes = {provision: detection.evidence[0].quote for provision, detection in read.items()}
    assert {detection.status for detection in read.values()} == {"present"}
    # Not the term clause next to it, which only says "unless earlier terminated".
    assert set(quotes.values()) == {quotes["exit.triggers"]}
    assert quotes["exit.triggers"].startswith("10.2 Either Party may terminate")


@pytest.mark.parametrize(
    "text",
    [
        "Either party may terminate this Agreement if the other party fails to pay liquidated "
        "damages due under Section 9.",
        "A Party may terminate this Agreement by notice if the other Party sells any of its GPS "
        "receivers to a competitor.",
        "In the event that this Agreement is terminated or rejected by the Licensor or its "
        "trustee under applicable bankruptcy laws, the licences granted to the Licensee remain.",
    ],
)
def test_no_exit_on_insolvency_in_liquidated_damages_a_receiver_sold_or_a_rejected_licence(
    text: str,
) -> None:
    assert _read(text, "exit.trigger.insolvency")["exit.trigger.insolvency"].status == "missing"


@pytest.mark.parametrize(
    "text",
    [
        "Any dispute arising out of this Agreement shall be finally settled by arbitration under "
        "the Rules of Arbitration of the International Chamber of Commerce.",
        "The parties submit to the exclusive jurisdiction of the courts of Munich.",
        "Venue for any action brought under this Agreement shall be in the appropriate court in "
        "Mercer County, Pennsylvania.",
        "Any dispute on the price shall be referred to an independent expert, whose "
        "determination is final.",
        "A dispute that the managers cannot resolve within ten days shall be referred to the "
        "chief executive officers of the parties.",
        "In the event of a dispute, the parties shall seek mediation in a third country.",
    ],
)
def test_a_way_to_resolve_disputes_by_arbitration_courts_expert_escalation_or_mediation(
    text: str,
) -> None:
    assert _read(text, "exit.disputes")["exit.disputes"].status == "present"


@pytest.mark.parametrize(
    "text",
    [
        "All provisions contained herein are severable, and in the event any of them is held to "
        "be invalid by any competent court or arbitrator, this Agreement is to be interpreted as "
        "if such invalid provision were not contained herein.",
        "Either party may seek injunctive relief from any court of competent jurisdiction.",
        "This Agreement shall be governed by the laws of the State of Minnesota.",
    ],
)
def test_no_way_to_resolve_disputes_in_a_severability_clause_an_injunction_or_governing_law(
    text: str,
) -> None:
    assert _read(text, "exit.disputes")["exit.disputes"].status == "missing"


def test_a_promise_to_negotiate_a_dispute_in_good_faith_is_mentioned_not_settled() -> None:
    text = "The parties shall negotiate in good faith to settle any dispute amicably."
    assert _read(text, "exit.disputes")["exit.disputes"].status == "weak"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "On exit, the pilot line will be bought by Ostwind at fair market value.",
            "present",
        ),
        (
            "The purchase price of the shares shall be their book value at the date of the "
            "exit notice.",
            "present",
        ),
        (
            "This restriction applies to any biocatalyst to which Bioamber has secured a future "
            "right or right of first refusal through direct payment.",
            "missing",
        ),
        ("The purchase price of the Products is set out in Exhibit A.", "missing"),
        ("Each party has a right of first refusal over the other party's shares.", "weak"),
    ],
)
def test_a_valuation_is_a_price_for_a_stake_or_asset_that_changes_hands(
    text: str, status: str
) -> None:
    assert _read(text, "exit.valuation")["exit.valuation"].status == status


@pytest.mark.parametrize(
    ("text", "breach"),
    [
        (
            "The Licensor may terminate this Agreement by written notice if the Licensee fails to "
            "pay any royalty when due and does not pay it within forty-five (45) days.",
            True,
        ),
        # near miss: a failure to pay with no exit
        ("If the Licensee fails to pay any royalty when due, interest accrues at 5 %.", False),
    ],
)
def test_an_exit_when_a_party_fails_to_pay_is_on_breach(text: str, breach: bool) -> None:
    assert (_read(text, "exit.trigger.breach")["exit.trigger.breach"].status == "present") is breach


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The Licensor may terminate this Agreement by written notice if the Licensee does not "
            "pay any royalty within forty-five (45) days after being notified of the failure.",
            "present",
        ),
        (
            "The right of each party to terminate for good cause remains unaffected. Good cause "
            "exists in particular if the other party seriously breaches a material obligation and "
            "does not remedy the breach within thirty days after a written warning.",
            "present",
        ),
        # near miss: notice to end, but no time to put anything right
        ("Either party may terminate this Agreement with six months' notice.", "weak"),
    ],
)
def test_a_time_to_pay_or_a_cure_in_the_words_on_good_cause_is_a_cure_period(
    text: str, status: str
) -> None:
    assert _read(text, "exit.notice")["exit.notice"].status == status
