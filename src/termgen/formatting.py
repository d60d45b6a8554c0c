"""How deal values read in a draft: dates, shares, durations, approvals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from termgen.model.common import format_number
from termgen.wording import capital, humanise


def date_text(value: dt.date) -> str:
    """2027-01-15 -> '15 January 2027'."""
    return f"{value.day} {value:%B %Y}"


def percent_text(value: Decimal | int) -> str:
    """50 -> '50 %'."""
    return f"{format_number(Decimal(value))} %"


def shares_text(shares: Mapping[str, Decimal]) -> str:
    """{'NAW': 50, 'KSC': 50} -> 'NAW 50 %, KSC 50 %'."""
    return ", ".join(f"{party} {percent_text(share)}" for party, share in shares.items())


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


def approval_text(approval: str, majority_percent: Decimal | None = None) -> str:
    """'qualified_majority', 75 -> 'qualified majority (75 %)'."""
    words = humanise(approval)
    if majority_percent is not None:
        return f"{words} ({percent_text(majority_percent)})"
    return words


def dispute_text(mechanism: str, rules: str | None, seat: str | None, binding: bool | None) -> str:
    """'Arbitration under the LCIA Rules, seated in London, binding'."""
    words = capital(humanise(mechanism))
    if rules:
        words += f" under the {rules}"
    if seat:
        words += f", seated in {seat}"
    if binding is not None:
        words += ", binding" if binding else ", not binding"
    return words


def period_text(start: dt.date | None, end: dt.date | None, milestone: str | None) -> str | None:
    """When something happens, from whatever of start, end and milestone is known."""
    if start and end:
        text = f"{date_text(start)} to {date_text(end)}"
    elif start:
        text = f"from {date_text(start)}"
    elif end:
        text = f"until {date_text(end)}"
    else:
        text = ""
    if milestone:
        text = f"{text}; by {milestone}" if text else f"by {milestone}"
    return text or None
