"""Small pieces of English used in messages and drafts: lists, identifiers, dates, shares."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal


def and_join(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_ACRONYMS = {"ip": "IP", "pmo": "PMO", "ota": "OTA", "kpi": "KPI", "ev": "EV"}


def humanise(identifier: str) -> str:
    """'change_of_control' -> 'change of control'; 'ip_licence' -> 'IP licence'."""
    return " ".join(_ACRONYMS.get(word, word) for word in identifier.split("_"))


def capital(text: str) -> str:
    """First letter upper case, the rest as written ('IP licence' stays 'IP licence')."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Capitalised, ending in a full stop unless it already ends a sentence."""
    text = capital(text)
    return text if not text or text[-1] in ".!?" else f"{text}."


def date_text(value: dt.date) -> str:
    """2027-01-15 -> '15 January 2027'."""
    return f"{value.day} {value:%B %Y}"


def format_number(value: Decimal, grouping: bool = True) -> str:
    """A Decimal without exponent or trailing zeros: 30000 -> '30,000'."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return f"{normal:,f}" if grouping else f"{normal:f}"


def percent_text(value: Decimal | int) -> str:
    """50 -> '50 %'."""
    return f"{format_number(Decimal(value))} %"


def shares_text(shares: Mapping[str, Decimal]) -> str:
    """{'NAW': 50, 'KSC': 50} -> 'NAW 50 %, KSC 50 %'."""
    return ", ".join(f"{party} {percent_text(share)}" for party, share in shares.items())


def yes_no(value: bool) -> str:
    return "yes" if value else "no"
