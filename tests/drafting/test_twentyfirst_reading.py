"""A JV lawyer's twenty-first reading of the drafts of the deals without a JV company, on their
commercial terms: a revenue share says on what it is paid, how it is reported and audited, and
what becomes of it after a party's breach; shared costs are pooled and settled; a fee says who
pays whom; one audit clause serves every statement; exclusivity stays within the deal's programs,
regions and a period; transition support and milestone payments say what they are; notices read
as paragraphs; an open point names a list entry in words."""

from __future__ import annotations

from ..conftest import EXAMPLES_DIR
from ..docx_reading import drafted, word
from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers


def _paragraphs(example: str) -> list[str]:
    """The paragraphs of the example's term sheet as Word has them."""
    _, rendered = drafted(EXAMPLES_DIR / example)
    return [paragraph.text.replace("\xa0", " ") for paragraph in word(rendered[0].data).paragraphs]


def test_a_revenue_share_is_paid_on_net_revenue_received_within_its_period() -> None:
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    share = _texts(data)["goals.revenue-share"]
    assert (
        "Net Revenue is what a party or any of its affiliates actually receives from third "
        "parties for the results of the partnership or from the joint activities, less value "
        "added tax and other taxes on sales"
    ) in share
    assert (
        "Net Revenue is shared when it is received within 8 years after the Effective Date, "
        "whatever the date of the contract under which it is paid, and whether or not the "
        "partnership has ended by then; an amount received after that period is not shared, "
        "even under a contract signed within it."
    ) in share
    assert (
        "Within 30 days after the end of each calendar quarter, it sends the other party a "
        "statement of the Net Revenue it received in that quarter, showing for each customer and "
        "contract the amounts received and each deduction"
    ) in share
    assert f"the statements may be audited as clause {numbers['goals.audit']} provides." in share
    # BFW's own breach ends BFW's share: the share no longer survives whatever happens.
    assert (
        f"Where a party ends the partnership under clause {numbers['exit.trigger.breach']} for "
        "the other party's material breach, the party in breach has no revenue share of Net "
        "Revenue received after the partnership ends, and its share goes to the other party for "
        f"the rest of the period, whatever clause {numbers['exit.survival']} provides"
    ) in share
    # In the Word file the lawyer reads, under its own heading.
    paragraphs = _paragraphs("sdv-software.yaml")
    assert "Revenue share" in paragraphs
    assert any(p.startswith("Where a party ends the partnership under clause") for p in paragraphs)


def test_a_revenue_share_without_a_period_runs_with_the_partnership() -> None:
    share = _texts(_answers("robotaxi-pilot.yaml"))["goals.revenue-share"]
    assert "Net Revenue is shared when it is received while the partnership lasts" in share
    # The service's fares are the pilot's revenue, whichever party runs the rides.
    assert (
        "from the joint activities, every fare and fee paid for rides in the service included, "
        "whichever party collects it, less value added tax"
    ) in share
    assert "Each party that receives Net Revenue pays each other party that party's revenue" in (
        share
    )
    assert "the party in breach" not in share  # nothing outlasts the partnership


def test_one_audit_clause_with_an_independent_accountant_and_cost_shifting() -> None:
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    audit = texts["goals.audit"]
    assert (
        "Each party keeps complete and accurate records of what its statements and invoices "
        f"under clauses {numbers['goals.value-sharing']}, {numbers['goals.shared-costs']} and "
        f"{numbers['goals.revenue-share']} are based on, for 3 years"
    ) in audit
    assert "by an independent firm of accountants that it appoints" in audit
    assert (
        "The party that asked for the audit bears the accountant's fees, unless the audit shows a "
        "discrepancy in its disfavour of more than 5 % of the amounts due for the period audited, "
        "in which case the audited party bears them."
    ) in audit.replace("\xa0", " ")
    # One mechanism, cited by the clauses that need it, never copied into them.
    assert [key for key, text in texts.items() if "firm of accountants" in text] == ["goals.audit"]


def test_shared_costs_are_pooled_counted_and_settled_each_quarter() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    costs = _texts(data)["goals.shared-costs"]
    assert (
        f"The costs of the joint activities in clause {numbers['goals.scope']} that the approved "
        'cost baseline provides for, or that CMC approves beyond it (the "Shared Costs"), are '
        f"borne in the cost shares in clause {numbers['goals.value-sharing']}."
    ) in costs
    assert "every other contribution is a Shared Cost borne by the contributing party" in costs
    assert "Costs that a party recovers from the other party through a fee or price" in costs
    assert (
        "The parties then settle so that each has borne its cost share of the Shared Costs "
        "incurred since the Effective Date"
    ) in costs
    assert "the party that has borne less than its cost share pays the difference to the other" in (
        costs
    )
    # Among three parties the balance goes to those that bore more, in proportion.
    three = _texts(_answers("robotaxi-pilot.yaml"))["goals.shared-costs"]
    assert "pays the difference to the parties that have borne more than theirs" in three


def test_a_jv_company_keeps_its_own_accounts_and_gets_none_of_these_clauses() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert not {"goals.shared-costs", "goals.revenue-share", "goals.audit"} & set(texts)


def test_a_fee_says_who_pays_whom_and_is_invoiced_on_a_statement() -> None:
    bridgeway = _texts(_answers("bridge-technology.yaml"))
    assert "CMC pays SDA a licence fee of USD 185 for each vehicle with the feature" in (
        bridgeway["goals.value-sharing"].replace("\xa0", " ")
    )
    assert (
        "invoices it each calendar quarter in arrears, with a statement of the volumes, costs or "
        "revenue it is calculated on"
    ) in bridgeway["goals.audit"]
    meridian = _texts(_answers("platform-sharing.yaml"))
    assert (
        "AUV pays XAC a platform licence fee of EUR 410 for each AUV vehicle built on the SEA-3 "
        "platform"
    ) in meridian["goals.value-sharing"].replace("\xa0", " ")


def test_the_meridian_licence_names_the_programs_it_covers() -> None:
    rows = _table(_answers("platform-sharing.yaml"), "contributions")
    licence = next(row for row in rows if row[1].startswith("IP licence"))
    assert "Licence of the SEA-3 platform for AUV Cèdre and AUV Tilleul" in licence[1]


def test_milestone_payments_name_their_milestones() -> None:
    rows = _table(_answers("bridge-technology.yaml"), "contributions")
    funding = next(row for row in rows if row[0] == "CMC" and row[1].startswith("Funding"))
    assert (
        "USD 50m when the first drop passes CMC's feature acceptance tests, USD 40m on the "
        "milestone of Phase 1 (start of production on CMC Ridgeline with the feature active) and "
        "USD 30m on start of production on CMC Harbor SUV"
    ) in funding[1].replace("\xa0", " ")
    # Owed when its milestone is met, however late: a start of production is confirmed, not
    # accepted, and a slipped one does not end the obligation with the schedule's dates.
    assert funding[-1] == (
        "Each instalment is due within 45 days after its milestone is met, whenever that is (for "
        "the first drop, its acceptance; for the start of production on CMC Ridgeline, its "
        "confirmation under the phase plan; for the start of production on CMC Harbor SUV, which "
        "is no milestone of the phase plan, either party's written notice to the other party, "
        "with the evidence, that it has started, which the other party may dispute as the phase "
        "plan provides for a dispute on a milestone); an instalment whose milestone is not met "
        "before the partnership ends is not "
        "owed, and the settlement of the Shared Costs squares the cost shares instead. SDA "
        "confirms in writing the receipt of each instalment."
    )
    assert "December 2028" not in funding[3]


def test_transition_support_has_a_scope_a_duration_and_a_charge() -> None:
    texts = _texts(_answers("sdv-software.yaml"))
    assert (
        "Transition support: LUMEN hands over the platform's build environment, toolchain and "
        "documentation to BFW or a supplier it names and answers questions, up to 2,000 "
        "engineer-days BFW calls off, for 12 months after termination or expiry of the "
        "partnership."
    ) in texts["exit.survival"]
    assert (
        "Source-code escrow release and transition support are charged at cost, at the staff "
        "rates of the cost baseline without mark-up, and invoiced monthly; after an exit for "
        "LUMEN's material breach, LUMEN provides transition support free of charge."
    ) in texts["exit.costs"]


def test_exclusivity_stays_within_the_programs_the_regions_and_a_period() -> None:
    data = _answers("sdv-software.yaml")
    numbers = _numbers(data)
    exclusivity = _texts(data)["general.exclusivity"]
    assert (
        "During the partnership, but for no longer than 5 years after the Effective Date, "
        "neither party carries on the joint activities for the vehicle programs in scope (BFW "
        "Zonal Platform 2029) within the regions in scope (worldwide), alone or with a third "
        "party, other than through the partnership, without the other party's prior written "
        "consent. Beyond those programs and regions, and after that period, each party remains "
        "free to act, and nothing in this clause restricts the activities each party carries on "
        f"independently under clause {numbers['goals.scope']}"
    ) in exclusivity
    assert "enters into a cooperation with a third party" not in exclusivity


def test_a_mobility_service_has_a_non_compete_in_its_regions() -> None:
    exclusivity = _texts(_answers("robotaxi-pilot.yaml"))["general.exclusivity"]
    assert (
        "no party carries on the joint activities within the regions in scope (Austin, Texas), "
        "alone or with a third party, other than through the partnership, and no party operates "
        "there a driverless ride service for paying passengers, which competes with the "
        "partnership's service (a service with human drivers does not), or supplies vehicles, "
        "software or operating services to such a service, in each case, without the other "
        "parties' prior written consent."
    ) in exclusivity
    # The exception to what each party does on its own stays within the regions and the period.
    assert (
        "with third parties included, except that none of them may be such a competing service or "
        "such a supply in those regions during that period."
    ) in exclusivity


def test_a_jv_keeps_its_exclusivity_as_it_was() -> None:
    exclusivity = _texts(_answers("battery-jv.yaml"))["general.exclusivity"]
    assert (
        "During the partnership, neither party enters into a cooperation with a third party on "
        "the joint activities within the regions in scope"
    ) in exclusivity


def test_notices_without_addresses_keep_the_receipt_rules_a_paragraph_of_their_own() -> None:
    paragraphs = _paragraphs("incomplete-deal.yaml")
    assert (
        "A notice under this term sheet must be in writing and delivered by hand, by courier or "
        "by email to the address that the recipient has notified to the other party for this "
        "purpose or, until it has notified one, to its registered office, for the attention of "
        "its legal department."
    ) in paragraphs
    assert any(
        p.startswith("A notice delivered by hand or courier is received") for p in paragraphs
    )


def test_cost_plus_costs_stay_behind_the_clean_team() -> None:
    # Meridian's statements would have shown AUV's plant costs to XAC, which 7.4 keeps from it.
    data = _answers("platform-sharing.yaml")
    audit = _texts(data)["goals.audit"]
    assert (
        "The costs behind a price set at cost plus a margin are not shown to the paying party: "
        f"they are verified only as clause {_numbers(data)['governance.clean-team']} provides, "
        "and the audit below does not reach them."
    ) in audit
    assert "cost plus a margin" not in _texts(_answers("bridge-technology.yaml"))["goals.audit"]
