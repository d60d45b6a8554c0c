"""The bounds every value someone writes keeps: text a Word document can carry, names short
enough for file names and headings, dates whose arithmetic stays within the calendar."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints


def _number_as_text(value: Any) -> Any:
    """Keep what the author typed when YAML read a name or version as a number or date."""
    if type(value) is str:  # nearly always, and cheaper to ask first
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        return getattr(value, "source", None) or str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


MAX_TEXT = 20_000
"""Characters in one value: a clause or an answer is never longer (this is about 3,000 words)."""
_NOT_IN_DOCUMENTS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""Control characters, lone surrogates and non-characters: Word's XML cannot hold them."""
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""The bidirectional embeddings, overrides and isolates: text holding them is shown in another
order than it is read (a name that displays as another, a file name with a false ending)."""


def _printable(text: str) -> str:
    # Every character the pattern finds is one `str.isprintable` refuses (a control character,
    # a surrogate, a non-character), and so is a line break: a text that is printable once its
    # line breaks are taken out is not searched (searching took 4 ns a character, about a
    # twentieth of linting a clause file).
    if text.isprintable() or text.replace("\n", "").isprintable():
        return text
    found = _NOT_IN_DOCUMENTS.search(text)
    if found:
        raise ValueError(
            f"holds the invisible control character U+{ord(found.group()):04X} at position "
            f"{found.start() + 1}, which a Word document cannot carry; delete it"
        )
    found = _REORDERING.search(text)
    if found:
        raise ValueError(
            f"holds the invisible character U+{ord(found.group()):04X} "
            f"({unicodedata.name(found.group()).lower()}) at position {found.start() + 1}, "
            "which shows the text in another order than it reads; delete it"
        )
    return text


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    BeforeValidator(_number_as_text),
    AfterValidator(_printable),
]
"""Text someone wrote: not empty, not endless, and only characters a document can carry."""

Template = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_printable),
]
"""Jinja someone wrote (a shared block) as `Text`, except that a number, a date or a yes/no is
not read as text: it is no template, and 'expected text' says so."""


def short_text(longest: int, what: str) -> Any:
    """One line of at most `longest` characters, for values that become names and file names."""

    def fits(text: str) -> str:
        if any(separator in text for separator in "\n\r\t"):
            raise ValueError(f"{what} must be one line, without line breaks or tabs")
        if len(text) > longest:
            raise ValueError(
                f"{what} of {len(text):,} characters; keep it to {longest} at most, it is "
                "used in file names and headings"
            )
        return text

    return AfterValidator(fits)


FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Dates a deal may name; every date termgen computes from them stays within the calendar."""


def _within_calendar(day: dt.date) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"{day.isoformat()} is not between {FIRST_YEAR} and {LAST_YEAR}; check the year"
        )
    return day


Day = Annotated[dt.date, AfterValidator(_within_calendar)]
"""A date of the deal (YYYY-MM-DD) from 1900 to 2999."""
