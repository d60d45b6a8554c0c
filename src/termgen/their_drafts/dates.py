"""Dates as agreements write them: "December 31, 2000", "31st day of December 2000",
"12/31/2000", "29/3/18" (day first when the first number cannot be a month), "December 2000",
"the last day of February, 2023", a date written into a blank ("_Dec. 8, 2005") or a blank
left empty ("made as of , 2013")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = (
    r"(?P<day>[0-3]?\d|_{1,20}|\[[^\]]{0,12}\]|\*{1,10})\s*(?:s\s?t|n\s?d|r\s?d|t\s?h|"
    r"(?<=[23]1)5t|(?<!\d\d)(?<=1)\.5t)?"
)
"""A day and its ordinal's letters; text recognition reads the 's' of '1st', '21st', '31st' as
a '5' ('315t December', '1.5t January'): taken so only where the digits with the 5 are no day
(315, 215, or 1.5), as '15t' may be a '15th' that lost its 'h'."""
_YEAR = r"(?P<year>(?:19|20)\d\d|\d\s?\d\s?\d\s?\d)"
_DATE_FORMS = (
    # "(?<![^\W_])": a date filled into a blank ("_Dec. 8, 2005") is still a date
    re.compile(rf"(?<![^\W_]){_MONTH}\s+{_DAY}\s*,?\s*{_YEAR}\b", re.IGNORECASE),
    # "(?<!\d)": a day run into the word before it ("as of1 August 2019") is still a day
    re.compile(rf"(?<!\d){_DAY}\s+(?:day\s+of[\s_-]+)?{_MONTH}\s*,?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<month>[0-3]?\d)[/.-](?P<day>[0-3]?\d)[/.-](?P<year>(?:19|20)\d\d|\d\d)\b"),
    re.compile(
        r"\blast\s+day\s+(?:of|in)\s+(?P<last_of>" + _MONTH[9:] + rf"\s*,?\s*{_YEAR}\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<month_only>" + _MONTH[9:] + rf"\s*,?\s*{_YEAR}\b", re.IGNORECASE),
    re.compile(
        r"(?<!\w)(?P<blank>_{1,20}|\[[^\]]{0,12}\]|\*{1,10})\s*,?\s*(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # "made as of , 2013": the blank for the month and day left empty, only the comma stays
    re.compile(
        r"\b(?:dated|made|as\s+of|effective)\s+(?:on\s+)?(?P<blank>),\s*(?P<year>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class DateMention:
    """A calendar date in a text; a blank in the form ('______, 2016') leaves month or day None."""

    year: int
    month: int | None
    day: int | None
    start: int
    end: int

    @property
    def date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


def _year(text: str) -> int:
    digits = int(re.sub(r"\s", "", text))
    if digits < 100:
        return 2000 + digits if digits < 50 else 1900 + digits
    return digits


def dates(text: str) -> list[DateMention]:
    """Every date written in `text` ('December 31, 2000', '1st day of June, 2000', '12/31/00')."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            groups = match.groupdict()
            month_text = groups.get("month") or groups.get("month_only") or groups.get("last_of")
            month: int | None = None
            if month_text:
                month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
            day_text = groups.get("day") or ""
            day = int(day_text) if day_text.isdigit() else None
            if month is not None and month > 12 and day is not None and day <= 12:  # day first
                month, day = day, month
            if month is not None and not 1 <= month <= 12:
                continue
            year = _year(match["year"])
            if not 1900 <= year <= 2100:
                continue
            if groups.get("last_of") and month is not None:
                day = calendar.monthrange(year, month)[1]
            taken.append((match.start(), match.end()))
            found.append(DateMention(year, month, day, match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)
