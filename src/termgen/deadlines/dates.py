"""Date arithmetic for terms and notices: calendar months and years, clamped at month end."""

from __future__ import annotations

import calendar
import datetime as dt

from termgen.model.common import Duration
from termgen.model.exit import Renewal, Term


def shift(day: dt.date, duration: Duration, direction: int = 1) -> dt.date:
    """`day` moved by `duration` forwards (1) or backwards (-1); 31 Jan + 1 month = 28/29 Feb."""
    if duration.unit in ("days", "weeks"):
        days = duration.value * (7 if duration.unit == "weeks" else 1)
        return day + dt.timedelta(days=direction * days)
    months = duration.value * (12 if duration.unit == "years" else 1) * direction
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def expiry(term: Term | None) -> dt.date | None:
    """The day the initial term ends, when the answers allow computing it."""
    if term is None:
        return None
    if term.end_date:
        return term.end_date
    if term.effective_date and term.initial:
        return shift(term.effective_date, term.initial)
    return None


def last_day_to_stop_renewal(term: Term | None, renewal: Renewal | None) -> dt.date | None:
    """The last day on which notice of non-renewal can still be given."""
    end = expiry(term)
    if end is None or renewal is None or renewal.type == "none" or renewal.notice is None:
        return None
    return shift(end, renewal.notice, -1)
