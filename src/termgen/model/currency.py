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
    "bn": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
}
_AMOUNT = r"(?P<number>\d[\d,_]*(?:\.\d+)?)\s*(?P<multiplier>[a-z]+\b)?"
_BEFORE = re.compile(rf"^(?P<currency>[^\d\s][^\d]*?)\s*{_AMOUNT}$", re.IGNORECASE)
_AFTER = re.compile(rf"^{_AMOUNT}\s*(?P<currency>[^\d\s].*?)$", re.IGNORECASE)


def parse_number(text: str) -> Decimal:
    """Read '30,000' or '1_200.5' as a Decimal."""
    try:
        return Decimal(text.replace(",", "").replace("_", ""))
    except InvalidOperation:
        raise ValueError(f"'{text}' is not a number") from None


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
    def amount(self) -> str:
        """The number with its multiplier: '40m', '50 million' (a word stands apart)."""
        apart = " " if len(self.multiplier) > 3 else ""
        return f"{self.number}{apart}{self.multiplier}"

    def written_with(self, code: str) -> str:
        """The amount as it should be written: 'EUR 40m', 'EUR 50 million'."""
        return f"{code} {self.amount}"


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


def currency_problem(amount: Amount) -> str:
    """Why the currency of an amount is not accepted, with what to write instead."""
    written = amount.currency
    if not written:
        example = amount.written_with("EUR")
        written = amount.amount
        return f"'{written}' has no currency; write the code first, e.g. '{example}'"
    code = named_currency(written) or nearest(written.upper(), sorted(CURRENCIES))
    if code is not None:
        return (
            f"'{written}' is not a currency code (three letters, such as EUR, USD or JPY); did "
            f"you mean '{amount.written_with(code)}'?"
        )
    return (
        f"'{written}' is not a currency code (three letters, such as EUR, USD or JPY); write "
        "the code, then the amount, e.g. 'EUR 25m' or 'USD 1,500,000'"
    )
