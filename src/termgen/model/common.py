"""Value types shared by every element of a deal: text, money, quantities, durations, shares."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationError,
    WithJsonSchema,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from termgen.model.bounded import Text as Text
from termgen.model.currency import (
    CURRENCIES,
    MULTIPLIERS,
    Amount,
    continental_number,
    continental_problem,
    currency_code,
    currency_problem,
    named_currency,
    split_amount,
)
from termgen.suggest import with_suggestion
from termgen.wording import HouseStyle, format_number, per_year_worded, period_text


def blank(value: Any) -> bool:
    """Nothing given: null or a blank text."""
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


class Record(BaseModel):
    """Base of every model in an answer file: unknown keys are errors, blanks mean 'not given'."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _blanks_are_unanswered(cls, data: Any) -> Any:
        """A blank answer is no answer: the field's default where it has one (an interview
        keeps 'none' as null: `profit_share: null`), else None, which the field refuses if it
        needs an answer."""
        if not isinstance(data, dict) or not any(map(blank, data.values())):
            return data  # as most are: every value given
        fields = cls.model_fields
        return {
            key: None if blank(value) else value
            for key, value in data.items()
            if not blank(value) or key not in fields or fields[key].is_required()
        }


def _percent(value: Any) -> Any:
    if isinstance(value, str) and value.strip().endswith("%"):
        return value.strip()[:-1].strip()
    return value


Percent = Annotated[
    Decimal,
    Field(ge=0, le=100),
    BeforeValidator(_percent),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 100},
                {"type": "string", "pattern": r"^\d{1,3}(\.\d+)?\s*%?$"},
            ]
        }
    ),
]
"""A share from 0 to 100; '50%' and 50 mean the same."""

DurationUnit = Literal["days", "weeks", "months", "years"]
_UNIT_WORDS: dict[str, DurationUnit] = {
    **{unit: unit for unit in get_args(DurationUnit)},
    **{unit[:-1]: unit for unit in get_args(DurationUnit)},
}
_SHORT_MULTIPLIERS = ("bn", "m", "k")
MAX_AMOUNT = Decimal(10**15)
"""The largest amount or quantity (a thousand trillion): more is a typo."""


def _compact_amount(amount: Decimal) -> str:
    """25000000 -> '25m', 1200000000 -> '1.2bn', 750000 -> '750k', 1234 -> '1,234'."""
    for suffix in _SHORT_MULTIPLIERS:
        scaled = amount / MULTIPLIERS[suffix]
        if scaled >= 1 and scaled == round(scaled, 2):
            return format_number(scaled, grouping=False) + suffix
    return format_number(amount)


class _ShorthandModel(Record):
    """A small value written in YAML as one short string ('90 days') or as a mapping."""

    shorthand_example: ClassVar[str]
    shorthand_pattern: ClassVar[str]

    @model_validator(mode="before")
    @classmethod
    def _from_shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return cls.parse_shorthand(data.strip())
        if isinstance(data, int | float | Decimal) and not isinstance(data, bool):
            raise ValueError(
                f"a bare number is not enough here; add the unit, e.g. '{cls.shorthand_example}'"
            )
        return data

    @classmethod
    def parse_shorthand(cls, text: str) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        as_mapping = handler(schema)
        as_text = {
            "type": "string",
            "pattern": cls.shorthand_pattern,
            "examples": [cls.shorthand_example],
        }
        return {"anyOf": [as_text, as_mapping]}


def _currency_code(code: str) -> str:
    known = currency_code(code)
    if known is None:
        raise ValueError(currency_problem(Amount("", "", code)).replace(" ''", ""))
    return known


def _refuse_continental(
    model: type[_ShorthandModel], text: str, thousands_points: bool = True
) -> None:
    """An amount is never misread silently: 'EUR 1,2bn' is not EUR 12bn, 'EUR 25.000' not
    EUR 25. A quantity may have three decimals ('1.125 FTE'), so only its comma counts."""
    continental = continental_number(text, thousands_points)
    if continental is not None:
        raise ValueError(continental_problem(continental, written_as(model, continental.meant)))


def written_as(model: type[_ShorthandModel], text: str) -> str:
    """A value as answers write it ('2.5 M EUR' -> 'EUR 2.5m'); as it is when it is not one,
    so that a suggestion is never worse than what it replaces."""
    try:
        return str(model.model_validate(text))
    except ValidationError:
        return text


class Money(_ShorthandModel):
    """An amount with its ISO currency: 'EUR 25m', 'USD 1.2bn', 'CNY 800,000'."""

    amount: Decimal = Field(
        ge=0, le=MAX_AMOUNT, description="The amount, in whole units of the currency."
    )
    currency: Annotated[str, AfterValidator(_currency_code)] = Field(
        description="ISO 4217 code such as EUR, USD, CNY, JPY, KRW."
    )

    shorthand_example: ClassVar[str] = "EUR 25m"
    shorthand_pattern: ClassVar[str] = r"^\D*\d[\d,_]*(\.\d+)?\s*\D*$"

    @classmethod
    def parse_shorthand(cls, text: str) -> dict[str, Any]:
        _refuse_continental(cls, text)
        amount = split_amount(text)
        if amount is None:
            raise ValueError(
                f"'{text}' is not an amount of money; write the currency code, then the amount, "
                f"e.g. 'EUR 25m' or 'USD 1,500,000'"
            )
        code = currency_code(amount.currency)
        if code is None:
            raise ValueError(currency_problem(amount))
        return {"amount": amount.value, "currency": code}

    @model_serializer
    def _as_shorthand(self) -> str:
        return f"{self.currency} {_compact_amount(self.amount)}"

    def __str__(self) -> str:
        return self._as_shorthand()


class Quantity(_ShorthandModel):
    """A number with its unit: '40 FTE', '12 validation slots', '30,000 units/yr', 'EUR 25m'."""

    amount: Decimal = Field(ge=0, le=MAX_AMOUNT, description="How many.")
    unit: Text = Field(
        description="Of what: FTE, validation slots, units/yr, GWh/yr, or a currency."
    )

    shorthand_example: ClassVar[str] = "40 FTE"
    shorthand_pattern: ClassVar[str] = r"^\D*\d[\d,_]*(\.\d+)?\s*\S.*$"

    @classmethod
    def parse_shorthand(cls, text: str) -> dict[str, Any]:
        _refuse_continental(cls, text, thousands_points=False)
        amount = split_amount(text)
        if amount is None:
            raise ValueError(
                f"'{text}' is not a quantity; write a number and its unit, "
                f"e.g. '40 FTE', '12 validation slots' or 'EUR 25m'"
            )
        code = currency_code(amount.currency)
        if not amount.currency:
            raise ValueError(
                f"'{text}' has no unit or currency; write e.g. '{text} FTE' or 'EUR {text}'"
            )
        if code is None and named_currency(amount.currency):
            raise ValueError(currency_problem(amount))
        return {"amount": amount.value, "unit": code or amount.currency}

    @property
    def is_money(self) -> bool:
        return self.unit in CURRENCIES

    @model_serializer
    def _as_shorthand(self) -> str:
        if self.is_money:
            return f"{self.unit} {_compact_amount(self.amount)}"
        return f"{format_number(self.amount)} {self.unit}"

    def worded(self, _: HouseStyle) -> str:
        """As a draft writes it: '30 GWh a year' for '30 GWh/yr'."""
        return per_year_worded(self._as_shorthand())

    def __str__(self) -> str:
        return self._as_shorthand()


MAX_YEARS = 100
"""The longest duration a deal may state: no term, notice or period runs longer."""
_LONGEST: dict[DurationUnit, int] = {
    "days": MAX_YEARS * 366,
    "weeks": MAX_YEARS * 53,
    "months": MAX_YEARS * 12,
    "years": MAX_YEARS,
}


_MOST_DIGITS = 12
"""Digits read as a duration's number; more is refused before Python converts them."""


class Duration(_ShorthandModel):
    """A length of time: '90 days', '18 months', '1 year'; at most 100 years."""

    value: int = Field(ge=0, description="How many units.")
    unit: DurationUnit = Field(description="days, weeks, months or years.")

    shorthand_example: ClassVar[str] = "90 days"
    shorthand_pattern: ClassVar[str] = r"^\d+\s+(day|week|month|year)s?$"

    @model_validator(mode="after")
    def _not_beyond_a_century(self) -> Duration:
        if self.value > _LONGEST[self.unit]:
            raise ValueError(
                f"{self.value:,} {self.unit} is more than {MAX_YEARS} years; no term, notice "
                "or period of a deal is that long, so check the number and the unit"
            )
        return self

    @classmethod
    def parse_shorthand(cls, text: str) -> dict[str, Any]:
        parts = text.split()
        if len(parts) == 2 and re.fullmatch(r"[0-9]+", parts[0]):
            if len(parts[0]) > _MOST_DIGITS:
                raise ValueError(
                    f"a number of {len(parts[0])} digits is more than {MAX_YEARS} years in any "
                    "unit; check the number"
                )
            unit = _UNIT_WORDS.get(parts[1].lower())
            if unit:
                return {"value": int(parts[0]), "unit": unit}
            raise ValueError(
                with_suggestion(
                    f"'{parts[1]}' is not a unit of time", parts[1], get_args(DurationUnit)
                )
            )
        raise ValueError(
            f"'{text}' is not a length of time; write a whole number and a unit, e.g. '90 days', "
            f"'18 months' or '5 years'"
        )

    @property
    def approximate_days(self) -> int:
        """Length in days, for comparing durations written in different units."""
        per_unit = {"days": 1, "weeks": 7, "months": 30, "years": 365}
        return self.value * per_unit[self.unit]

    @model_serializer
    def _as_shorthand(self) -> str:
        unit = self.unit[:-1] if self.value == 1 else self.unit
        return f"{self.value} {unit}"

    def worded(self, style: HouseStyle) -> str:
        """As a draft writes it: '90 days', or 'ninety (90) days' in that house style."""
        return period_text(self._as_shorthand(), style)

    def __str__(self) -> str:
        return self._as_shorthand()


def shift(day: dt.date, duration: Duration, direction: int = 1) -> dt.date:
    """`day` moved by `duration` forwards (1) or backwards (-1); 31 Jan + 1 month = 28/29 Feb."""
    if duration.unit in ("days", "weeks"):
        days = duration.value * (7 if duration.unit == "weeks" else 1)
        return day + dt.timedelta(days=direction * days)
    months = duration.value * (12 if duration.unit == "years" else 1) * direction
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


JOINT = "joint"


@dataclass(frozen=True)
class KnownNames:
    """Names that references in a deal may point to, known while the deal is validated."""

    parties: tuple[str, ...]
    bodies: tuple[str, ...] = ()


known_names: ContextVar[KnownNames | None] = ContextVar("known_names", default=None)


def resolve_party(value: str) -> str:
    # With no party readable (`parties: 5`), the parties' own error says what to fix: a
    # reference to each of them would only repeat it, once per reference.
    names = known_names.get()
    if names is not None and names.parties and value not in names.parties:
        raise ValueError(
            with_suggestion(f"'{value}' is not one of the parties", value, names.parties)
        )
    return value


def resolve_owner(value: str) -> str:
    names = known_names.get()
    if names is None or not names.parties or value in (JOINT, *names.parties, *names.bodies):
        return value
    choices = [*names.parties, JOINT, *names.bodies]
    raise ValueError(
        with_suggestion(f"'{value}' is not a party, 'joint' or a governance body", value, choices)
    )


PartyRef = Annotated[Text, AfterValidator(resolve_party)]
"""A party's short name, as written under `parties`."""

Owner = Annotated[Text, AfterValidator(resolve_owner)]
"""Who owns something: a party's short name, 'joint', or the name of a governance body."""
