"""Amounts of money as deal teams write them: 'EUR 25m', '25m EUR', '€25m', 'US$ 1.2bn'.

ISO 4217 codes are what answer files keep. Unambiguous symbols are read as their code; common
names ('euros', 'EURO', 'dollars') and ambiguous symbols ('$', '¥') are refused with the code
to write instead, so that no draft ever says 'capital 40 EURO'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from termgen.suggest import nearest
from termgen.wording import format_number

_ISO_4217 = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL
BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP
ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR
NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWG
"""
CURRENCIES = frozenset(_ISO_4217.split())
"""ISO 4217 codes of currencies in use."""

SYMBOLS = {"€": "EUR", "£": "GBP", "US$": "USD", "U.S.$": "USD", "C$": "CAD", "A$": "AUD"}
"""Symbols that name one currency only; they are read as its code."""

_NAMES = {
    "EUR": ("euro", "euros", "eur0"),
    "USD": ("dollar", "dollars", "us dollar", "us dollars", "usd$", "$", "us$"),
    "GBP": ("pound", "pounds", "sterling", "pounds sterling", "gbp£"),
    "JPY": ("yen", "¥"),
    "CNY": ("yuan", "rmb", "renminbi"),
    "KRW": ("won", "₩"),
    "CHF": ("franc", "francs", "swiss franc", "swiss francs"),
    "SEK": ("krona", "kronor", "swedish krona"),
    "INR": ("rupee", "rupees", "₹"),
}
COMMON_NAMES = {name: code for code, names in _NAMES.items() for name in names}
"""Names people write for a currency; refused with the code to write instead."""

MULTIPLIERS = {
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "mio": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "millions": Decimal(1_000_000),
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
    # As French and German deal teams write them: a milliard is a billion.
    "md": Decimal(1_000_000_000),
    "mds": Decimal(1_000_000_000),
    "mrd": Decimal(1_000_000_000),
    "mia": Decimal(1_000_000_000),
    "milliard": Decimal(1_000_000_000),
    "milliards": Decimal(1_000_000_000),
}
_AMOUNT = r"(?P<number>\d[\d,_]*(?:\.\d+)?)\s*(?:(?P<multiplier>[a-z]+)\b\.?)?"
_BEFORE = re.compile(rf"^(?P<currency>[^\d\s][^\d]*?)\s*{_AMOUNT}$", re.IGNORECASE)
_AFTER = re.compile(rf"^{_AMOUNT}\s*(?P<currency>[^\d\s.,].*?)$", re.IGNORECASE)


_THOUSANDS_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d*)?|[^,]*")
"""Commas only between groups of three digits: '30,000' is a number, '2,5' and '1,0000' are
not (read without their comma, they would be ten times larger or smaller than meant)."""


def parse_number(text: str) -> Decimal:
    """Read '30,000' or '1_200.5' as a Decimal; a comma that does not separate thousands
    ('2,5') is refused, never dropped."""
    plain = text.replace("_", "")
    if not _THOUSANDS_GROUPED.fullmatch(plain):
        raise ValueError(
            f"'{text}' is not a number: a comma separates thousands, in groups of three digits"
        )
    try:
        return Decimal(plain.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None


_CONTINENTAL_NUMBER = re.compile(
    r"(?<![\d.,])(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d+,(?!\d{3}(?!\d))\d+)(?![\d.,])"
)
"""A number written with a decimal comma or points between thousands ('1,2', '25.000',
'1.234,5'), as much of Europe writes it; not '30,000', '1.5' nor '0.125'."""


@dataclass(frozen=True)
class ContinentalNumber:
    """A number in an answer written the continental way, and the answer it probably means."""

    before: str
    written: str
    """The number as written: '1,2'."""
    after: str
    read_as: str | None
    """How the number reads where a comma separates thousands ('12'); None when it does not
    read as a number at all ('1.234,5')."""

    @property
    def meant(self) -> str:
        """The whole answer with the number written as answers write it: 'EUR 1.2bn'."""
        number = format_number(Decimal(self.written.replace(".", "").replace(",", ".")))
        return f"{self.before}{number}{self.after}"

    @property
    def read(self) -> str | None:
        """The whole answer as it reads here: 'EUR 12bn'."""
        return None if self.read_as is None else f"{self.before}{self.read_as}{self.after}"


def continental_number(text: str, thousands_points: bool = True) -> ContinentalNumber | None:
    """The continental-style number in an amount ('EUR 1,2bn', '25.000 €'), if there is one:
    read as answers read numbers, 'EUR 1,2bn' would be EUR 12bn and '25.000 €' EUR 25.
    Without `thousands_points`, only a decimal comma counts: '1.125 FTE' may be meant."""
    match = _CONTINENTAL_NUMBER.search(text)
    if (
        match is None
        or _decimals_of_a_multiple(match[0], text[match.end() :])
        or (not thousands_points and "," not in match[0])
    ):
        return None
    try:
        read_as: str | None = format_number(parse_number(match[0]))
    except ValueError:
        read_as = None
    return ContinentalNumber(text[: match.start()], match[0], text[match.end() :], read_as)


def _decimals_of_a_multiple(number: str, after: str) -> bool:
    """'1.250bn' is 1.25 billion: nobody writes a thousand billions with a point."""
    multiplier = re.match(r"\s*([a-z]+)", after, re.IGNORECASE)
    return (
        number.count(".") == 1
        and "," not in number
        and multiplier is not None
        and multiplier[1].lower() in MULTIPLIERS
    )


def continental_problem(continental: ContinentalNumber, meant: str) -> str:
    """Why an answer file may not write an amount the continental way, and what to write:
    `meant`, the amount as answers write it ('EUR 2.5m' for '2,5 M EUR')."""
    return (
        f"'{continental.written}' is written with a decimal comma or points between thousands; "
        "in answers a comma separates thousands and a point starts the decimals, so write "
        f"'{meant}' if that is the amount you mean"
    )


@dataclass(frozen=True)
class Amount:
    """What an amount of money was written as: the number, its multiplier and the currency."""

    number: str
    multiplier: str
    currency: str

    @property
    def value(self) -> Decimal:
        return parse_number(self.number) * MULTIPLIERS.get(self.multiplier.lower(), Decimal(1))

    @property
    def figure(self) -> str:
        """The number and its multiplier as written: '40m', '40 million'."""
        gap = " " if len(self.multiplier) > 2 else ""
        return f"{self.number}{gap}{self.multiplier}"

    def written_with(self, code: str) -> str:
        """The amount as it should be written: 'EUR 40m'."""
        return f"{code} {self.figure}"


def split_amount(text: str) -> Amount | None:
    """The parts of '€25m', 'EUR 25 million' or '25m euros'; None when it is not that shape."""
    for form in (_BEFORE, _AFTER):
        match = form.match(text.strip())
        if not match:
            continue
        multiplier = match["multiplier"] or ""
        currency = match["currency"].strip()
        if multiplier and multiplier.lower() not in MULTIPLIERS:
            if form is _BEFORE:
                continue
            currency, multiplier = text.strip()[match.end("number") :].strip(), ""
        if not multiplier and currency.lower() in MULTIPLIERS:
            currency, multiplier = "", currency
        return Amount(match["number"], multiplier, currency)
    return None


def currency_code(written: str) -> str | None:
    """The ISO code a currency is written as: 'eur' and '€' give 'EUR'; names give None."""
    if written.upper() in CURRENCIES:
        return written.upper()
    return SYMBOLS.get(written)


def named_currency(written: str) -> str | None:
    """The code a common currency name stands for ('euros' -> 'EUR'), if it is one."""
    return COMMON_NAMES.get(written.casefold())


def meant_currency(written: str) -> str | None:
    """The code a currency written otherwise probably means: 'euros' 'EUR', 'EUE' 'EUR'."""
    return named_currency(written) or nearest(written.upper(), sorted(CURRENCIES))


def currency_problem(amount: Amount) -> str:
    """Why the currency of an amount is not accepted, with what to write instead."""
    written = amount.currency
    if not written:
        example = amount.written_with("EUR")
        written = amount.figure
        return f"'{written}' has no currency; write the code first, e.g. '{example}'"
    code = meant_currency(written)
    if code is not None:
        return (
            f"'{written}' is not a currency code (three letters, such as EUR, USD or JPY); did "
            f"you mean '{amount.written_with(code)}'?"
        )
    return (
        f"'{written}' is not a currency code (three letters, such as EUR, USD or JPY); write "
        "the code, then the amount, e.g. 'EUR 25m' or 'USD 1,500,000'"
    )
