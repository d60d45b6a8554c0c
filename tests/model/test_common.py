"""Money, quantities, durations and shares: the shorthand forms and their limits."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from termgen.model.common import Duration, Money, Quantity


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("EUR 25m", Decimal(25_000_000), "EUR"),
        ("USD 1.6bn", Decimal(1_600_000_000), "USD"),
        ("cny 800,000", Decimal(800_000), "CNY"),
        ("KRW 12 billion", Decimal(12_000_000_000), "KRW"),
        ("JPY 750k", Decimal(750_000), "JPY"),
        ("1.5 Mrd EUR", Decimal(1_500_000_000), "EUR"),
        ("2 milliards €", Decimal(2_000_000_000), "EUR"),
        ("1.2 Mia. CHF", Decimal(1_200_000_000), "CHF"),
        ("3.25 Mio. EUR", Decimal(3_250_000), "EUR"),
        ("EUR 4 Mn", Decimal(4_000_000), "EUR"),
    ],
)
def test_money_reads_the_forms_deal_teams_write(text: str, amount: Decimal, currency: str) -> None:
    money = Money.model_validate(text)
    assert (money.amount, money.currency) == (amount, currency)


@pytest.mark.parametrize(
    ("money", "shorthand"),
    [
        (Money(amount=Decimal(25_000_000), currency="EUR"), "EUR 25m"),
        (Money(amount=Decimal(1_600_000_000), currency="USD"), "USD 1.6bn"),
        (Money(amount=Decimal(1234), currency="EUR"), "EUR 1,234"),
        (Money(amount=Decimal("99.5"), currency="GBP"), "GBP 99.5"),
    ],
)
def test_money_writes_its_shorthand(money: Money, shorthand: str) -> None:
    assert money.model_dump() == shorthand


@given(
    amount=st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False),
    currency=st.sampled_from(["EUR", "USD", "CNY", "KRW"]),
)
def test_money_round_trips_through_its_shorthand(amount: Decimal, currency: str) -> None:
    money = Money(amount=amount, currency=currency)
    assert Money.model_validate(money.model_dump()) == money


@given(value=st.integers(min_value=0, max_value=100), unit=st.sampled_from(["days", "years"]))
def test_duration_round_trips_through_its_shorthand(value: int, unit: str) -> None:
    duration = Duration(value=value, unit=unit)
    assert Duration.model_validate(duration.model_dump()) == duration


@given(
    amount=st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False),
    unit=st.sampled_from(["FTE", "validation slots", "units/yr", "GWh/yr", "EUR"]),
)
def test_quantity_round_trips_through_its_shorthand(amount: Decimal, unit: str) -> None:
    quantity = Quantity(amount=amount, unit=unit)
    assert Quantity.model_validate(quantity.model_dump()) == quantity


def test_a_singular_unit_is_written_and_read() -> None:
    assert Duration.model_validate("1 year").model_dump() == "1 year"
    assert Duration.model_validate("2 year").model_dump() == "2 years"


@pytest.mark.parametrize(
    ("text", "shorthand"),
    [
        ("25m EUR", "EUR 25m"),
        ("€25m", "EUR 25m"),
        ("€ 25 million", "EUR 25m"),
        ("US$ 1.2bn", "USD 1.2bn"),
        ("eur 40", "EUR 40"),
        ("£ 3.5m", "GBP 3.5m"),
    ],
)
def test_money_reads_symbols_and_either_order(text: str, shorthand: str) -> None:
    assert Money.model_validate(text).model_dump() == shorthand
    assert Quantity.model_validate(text).model_dump() == shorthand


def test_quantity_distinguishes_money_from_units() -> None:
    assert Quantity.model_validate("EUR 25m").is_money
    assert not Quantity.model_validate("30,000 units/yr").is_money
    assert Quantity.model_validate("30,000 units/yr").amount == 30_000


@pytest.mark.parametrize(
    ("model", "value", "message"),
    [
        (Duration, "ninety days", "'ninety days' is not a length of time"),
        (Duration, "90 dais", "'dais' is not a unit of time, did you mean 'days'?"),
        (Duration, 90, "a bare number is not enough here; add the unit, e.g. '90 days'"),
        (
            Money,
            "25m euros",
            "'euros' is not a currency code (three letters, such as EUR, USD or JPY); did you mean "
            "'EUR 25m'?",
        ),
        (
            Money,
            "EURO 40m",
            "'EURO' is not a currency code (three letters, such as EUR, USD or JPY); did you mean "
            "'EUR 40m'?",
        ),
        (Money, "40m", "'40m' has no currency; write the code first, e.g. 'EUR 40m'"),
        (
            Money,
            "25 million",
            "'25 million' has no currency; write the code first, e.g. 'EUR 25 million'",
        ),
        (
            Money,
            "100 million euros",
            "'euros' is not a currency code (three letters, such as EUR, USD or JPY); did you mean "
            "'EUR 100 million'?",
        ),
        (Money, "$40m", "did you mean 'USD 40m'?"),
        (Money, "forty million", "'forty million' is not an amount of money"),
        (
            Quantity,
            "40 EURO",
            "'EURO' is not a currency code (three letters, such as EUR, USD or JPY); did you mean "
            "'EUR 40'?",
        ),
        (Quantity, "40m", "has no unit or currency"),
        (Quantity, "many engineers", "'many engineers' is not a quantity"),
    ],
)
def test_unreadable_values_say_how_to_write_them(model: type, value: object, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(value)
    assert message in str(raised.value)


def test_schema_accepts_the_shorthand_and_the_mapping() -> None:
    schema = Duration.model_json_schema()
    assert schema["anyOf"][0]["type"] == "string"
    assert "properties" in schema["anyOf"][1] or "$ref" in schema["anyOf"][1]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("USD 1.250bn", "USD 1.25bn"),  # a point before a multiplier starts the decimals
        ("EUR 0.125m", "EUR 125k"),
        ("EUR 1,250,000", "EUR 1.25m"),
    ],
)
def test_an_amount_written_the_english_way_is_read_as_written(written: str, read: str) -> None:
    assert Money.model_validate(written).model_dump() == read


def test_a_quantity_may_have_three_decimals_but_no_decimal_comma() -> None:
    assert Quantity.model_validate("1.125 FTE").model_dump() == "1.125 FTE"
    with pytest.raises(
        ValidationError, match=re.escape("write '1.5 FTE' if that is the amount you mean")
    ):
        Quantity.model_validate("1,5 FTE")


@pytest.mark.parametrize("written", ["EUR 2,5m", "EUR 1,0000", "EUR 1,000,5", "25,00 FTE"])
def test_a_comma_that_separates_no_thousands_is_never_dropped(written: str) -> None:
    """Read without its comma, '2,5' would be 25: refused, with what to write."""
    with pytest.raises(ValidationError, match="comma"):
        Quantity.model_validate(written)
