"""A JV lawyer's twenty-second reading, of the money: each contribution is paid for or credited
once, never both; money one party pays another is an advance on its cost share that a
settlement does not hand back; Keystone's funding says what is paid on which milestone and what
a slipped milestone does; a buy-back price has a base and a floor; and Bridgeway's per-vehicle
fee says what becomes of it once CMC in-sources the technology."""

from __future__ import annotations

import re
from typing import Any

from .test_fifth_reading import _answers, _table, _texts
from .test_mechanics import _numbers

ONCE = (
    "Each contribution under the contributions schedule is paid for or credited once, never both:"
)
FEE_PAID = (
    "a contribution for which the other party pays a fee or price under clause {shared} is paid "
    "for by that fee or price: neither it nor its costs are Shared Costs, and it does not count "
    "towards the contributing party's cost share;"
)
IN_KIND = (
    "every other contribution is a Shared Cost borne by the contributing party, at the value the "
    "cost baseline gives it, and what that party spends to provide it, the time of its own staff "
    "included, is neither charged again as Shared Costs nor counted again within a second "
    "contribution."
)
ON_ACCOUNT = (
    "a contribution in money paid to the other party ({funding}) is not a Shared Cost but a "
    "payment on account of the paying party's cost share: once paid, it counts as borne by the "
    "paying party and is deducted from what the party receiving it has borne;"
)


def _costs(data: dict[str, Any]) -> str:
    return _texts(data)["goals.shared-costs"].replace("\xa0", " ")


def test_a_contribution_paid_for_by_a_fee_or_price_is_not_also_credited() -> None:
    # Meridian: XAC's platform licence earns a fee and AUV's plant capacity a cost-plus price.
    data = _answers("platform-sharing.yaml")
    shared = _numbers(data)["goals.value-sharing"]
    costs = _costs(data)
    assert ONCE in costs
    assert FEE_PAID.format(shared=shared) in costs
    assert IN_KIND in costs
    # The old rule credited every contribution, the paid ones included.
    assert "A party's contributions under the contributions schedule count towards" not in costs
    assert "payment on account" not in costs  # no money passes between them as a contribution


def test_tidewater_vans_are_leased_at_cost_and_not_credited_to_sol() -> None:
    data = _answers("robotaxi-pilot.yaml")
    texts = _texts(data)
    pricing = texts["goals.value-sharing"]
    assert (
        "SOL leases the vans of the contributions schedule to MFM at a rent that recovers, "
        "without mark-up, their depreciation and SOL's cost of financing them (the sensor kits AUR "
        "contributes not included), so that MFM pays for the vans through the rent and they do not "
        "count towards SOL's cost share"
    ) in pricing
    assert "Vehicles leased to MFM at cost" not in pricing
    # Among three parties the generic rule names "another party", not "the other party".
    costs = texts["goals.shared-costs"]
    assert "a contribution for which another party pays a fee or price under clause" in costs
    assert "A party that has borne less than its cost share of the Shared Costs of the quarter" in (
        costs
    )


def test_bridgeway_engineering_payments_are_an_advance_and_its_engineers_count_once() -> None:
    data = _answers("bridge-technology.yaml")
    shared = _numbers(data)["goals.value-sharing"]
    costs = _costs(data)
    assert FEE_PAID.format(shared=shared) in costs  # SDA's stack earns the per-vehicle fee
    assert ON_ACCOUNT.format(funding="CMC's USD 120m") in costs
    assert IN_KIND in costs  # SDA's 45 FTE, not charged again as costs
    assert (
        "The parties then settle so that each has borne its cost share of the Shared Costs "
        "incurred since the Effective Date, counting the payments on account and every earlier "
        "settlement: the party that has borne less than its cost share pays the difference to the "
        "other party"
    ) in costs
    assert (
        "A settlement never repays a payment on account while the partnership lasts: a party whose "
        "payments on account take it beyond its cost share is paid only the part of its excess "
        "that is more than those payments"
    ) in costs
    assert "until the settlement for the quarter in which the partnership ends, which settles" in (
        costs
    )
    assert "if the milestone slips, the payment waits for it" in costs


def test_the_statements_count_each_amount_once() -> None:
    costs = _costs(_answers("sdv-software.yaml"))
    assert (
        "each party sends the other party a statement of the Shared Costs it bore in that quarter, "
        "its contributions at their value included, and of the payments on account it made or "
        "received in it, each counted once as this clause provides."
    ) in costs
    # The old statement listed the costs and, again, the contributions that were among them.
    assert "the Shared Costs it incurred and the contributions it made" not in costs


def test_without_fees_or_funding_the_rule_is_one_sentence() -> None:
    data = _answers("platform-sharing.yaml")
    del data["goals"]["value_sharing"]["transfer_pricing"]
    costs = _costs(data)
    assert ONCE not in costs
    assert (
        "A party's contributions under the contributions schedule are Shared Costs borne by it, at "
        "the value the cost baseline gives them, and what it spends to provide them, the time of "
        "its own staff included, is neither charged again as Shared Costs nor counted again "
        "within a second contribution."
    ) in costs


def test_funding_among_three_parties_is_settled_in_proportion_to_the_shortfalls() -> None:
    data = _answers("robotaxi-pilot.yaml")
    data["strengths"]["contributions"].append(
        {"party": "SOL", "kind": "capital", "quantity": "USD 20m", "start": "2027-04-01"}
    )
    costs = _costs(data)
    assert "a contribution in money paid to another party (SOL's USD 20m) is not a Shared Cost" in (
        costs
    )
    assert (
        "the parties that have borne less than their cost shares pay each party that has borne "
        "more than its cost share the amount of its excess, in proportion to their shortfalls"
    ) in costs


def test_keystone_funding_says_what_is_paid_on_which_milestone() -> None:
    data = _answers("sdv-software.yaml")
    funding = next(row for row in _table(data, "contributions") if row[1].startswith("Funding"))
    funding = [text.replace("\xa0", " ") for text in funding]
    assert funding[2] == "EUR 240m"
    amounts = [int(amount) for amount in re.findall(r"EUR (\d+)m", funding[1])]
    each_of_two = "EUR 50m on each of the first two major releases accepted after Release 1.0"
    assert each_of_two in funding[1]
    assert sum(amounts) + 50 == 240  # the last amount is paid twice
    assert "EUR 60m on the milestone of Phase 1" in funding[1]
    assert "EUR 80m on the milestone of Phase 2" in funding[1]
    assert "on account of BFW's cost share" in funding[1]
    # No end date that would cancel an instalment whose milestone slips past it.
    assert funding[3] == "from 1 April 2027"
    assert (
        funding[5]
        == "Instalments against their milestones, reviewed quarterly by the Steering Committee."
    )
    assert funding[6].startswith(
        "Each instalment is due within 30 days after its milestone is met, however late"
    )
    assert (
        "an instalment whose milestone is not met before the partnership ends is not owed"
        in funding[6]
    )


def test_keystone_names_no_payment_or_funding_plan_it_never_defines() -> None:
    data = _answers("sdv-software.yaml")
    texts = _texts(data)
    rows = [" ".join(row) for row in _table(data, "contributions")]
    everything = "\n".join([*texts.values(), *rows]).lower()
    assert "payment plan" not in everything
    assert "funding plan" not in everything
    assert (
        "BFW's development funding instalments and the revenue share reviewed."
        in texts["change.recalibration"]
    )


def test_keystone_buy_back_price_has_a_base_and_a_floor() -> None:
    valuation = _texts(_answers("sdv-software.yaml"))["exit.valuation"].replace("\xa0", " ")
    assert (
        "the price is 1.2 times their development cost, less the part of that cost BFW bore, but "
        "never less than 20 % of their development cost."
    ) in valuation
    assert (
        "Their development cost is the part of the Shared Costs spent on developing those features "
        "up to the Valuation Date, as the records of the Shared Costs show it when incurred, "
        "without any later write-down; the part BFW bore is its cost share of that amount, its "
        "payments on account included."
    ) in valuation
    # A capitalised cost net of amortisation, less a gross amount funded, could fall below nil;
    # and the base is the cost records, not the accounts.
    assert "capitalised" not in valuation
    assert "An amount the formula takes from accounts" not in valuation


def test_bridgeway_fee_ends_with_a_paid_up_licence_on_in_sourcing() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    sharing = _texts(data)["goals.value-sharing"]
    assert (
        f"On completion of the in-sourcing option under clause "
        f"{numbers['exit.in-sourcing-option']}, the price of the option pays for the licence CMC "
        "then receives, which is fully paid up: no fee under this clause is payable for the "
        "technology it covers on vehicles built after completion, and the fees for vehicles built "
        "before completion remain payable."
    ) in sharing
    assert (
        "If the partnership ends in any other way, the fees continue on the same terms for the "
        "vehicles built under a licence that survives it."
    ) in sharing


def test_a_deal_without_an_in_sourcing_option_says_nothing_of_one() -> None:
    for example in ("platform-sharing.yaml", "robotaxi-pilot.yaml", "sdv-software.yaml"):
        assert "in-sourcing" not in _texts(_answers(example))["goals.value-sharing"]


def test_tooling_bought_on_exit_is_priced_on_one_base_and_never_below_nil() -> None:
    # A book value net of depreciation, less a part of the gross cost, could fall below nil.
    valuation = _texts(_answers("platform-sharing.yaml"))["exit.valuation"]
    assert (
        "For tooling XAC buys, the price is its book value multiplied by the share of its "
        "acquisition cost that XAC has not paid for, directly or as Shared Costs, and so never "
        "below nil. What XAC paid through the price of contract manufacturing is not deducted, as "
        "the book value already reflects the depreciation that price paid for."
    ) in valuation
    assert "reduced by any part of its cost" not in valuation
    # The treatment on exit sends the price to that clause rather than setting plain book value,
    # which the clause would let override it.
    assets = _texts(_answers("platform-sharing.yaml"))["exit.assets"]
    assert "bought by XAC at the price for tooling in the clause on the buy-out price" in assets
    assert "at book value" not in assets


def test_what_the_parties_paid_for_together_is_not_handed_back_for_nothing() -> None:
    # AUR's sensor kits were borne by every party through the Shared Costs.
    assets = _texts(_answers("robotaxi-pilot.yaml"))["exit.assets"]
    assert (
        "sensor kits return to AUR, which pays the other parties their cost shares of the kits' "
        "book value, as they bore their cost shares of the kits through the Shared Costs"
    ) in assets
    # The rent recovered the vans' depreciation, so MFM keeps a van at what is left of it.
    assert "MFM may keep any of the vans at their book value" in assets
