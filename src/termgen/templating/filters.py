"""Filters clause authors use: dates, shares, lists in words, parties by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from termgen.templating.missing import MISSING, is_missing
from termgen.wording import (
    and_join,
    capital,
    date_text,
    humanise,
    percent_text,
    sentence,
    shares_text,
)

REFERENCE_MARK = "\ue001"
"""Encloses the id of a clause referred to in rendered clause text, until the draft numbers
it."""


def _clause_reference(clause_id: Any) -> str:
    """'exit.trigger.breach' -> the number that clause has in the draft, e.g. '9.4'."""
    return f"{REFERENCE_MARK}{clause_id}{REFERENCE_MARK}"


def _keeps_missing(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter given a missing value returns it, so it still renders as [●]."""

    @wraps(function)
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        return MISSING if is_missing(value) else function(value, *args, **kwargs)

    return filter_


@_keeps_missing
def _and_join(items: Iterable[Any], conjunction: str = "and") -> str:
    return and_join([str(item) for item in items], conjunction)


@_keeps_missing
def _shares(shares: Mapping[str, Any]) -> Any:
    return shares_text(shares) if shares else MISSING


def _first(items: Any) -> Any:
    return next(iter(items), MISSING) if not is_missing(items) else MISSING


def _last(items: Any) -> Any:
    items = list(items) if not is_missing(items) else []
    return items[-1] if items else MISSING


@pass_context
def _legal_name(context: Context, short_name: Any) -> Any:
    if is_missing(short_name):
        return MISSING
    for party in context.get("parties") or ():
        if party.short_name == short_name:
            return party.legal_name or party.short_name
    return short_name


TESTS: dict[str, Callable[..., bool]] = {
    "includes": lambda collection, item: not is_missing(collection) and item in collection,
    "mentions": lambda text, words: (
        not is_missing(text) and words.casefold() in str(text).casefold()
    ),
}


@_keeps_missing
def _notice(period: Any) -> str:
    """'30 days' -> "30 days' notice"; '1 month' -> "1 month's notice"."""
    text = str(period)
    return f"{text}' notice" if text.endswith("s") else f"{text}'s notice"


FILTERS: dict[str, Callable[..., Any]] = {
    "date": _keeps_missing(date_text),
    "pct": _keeps_missing(percent_text),
    "and_join": _and_join,
    "human": _keeps_missing(humanise),
    "sentence": _keeps_missing(lambda text: sentence(str(text))),
    "capital": _keeps_missing(lambda text: capital(str(text))),
    "shares": _shares,
    "legal_name": _legal_name,
    "notice": _notice,
    "first": _first,
    "last": _last,
    "clause": _clause_reference,
}
