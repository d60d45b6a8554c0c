"""Validation errors from the deal model, in words a deal team understands."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from termgen.errors import Problem
from termgen.model.paths import Shape, field_names, shape_at
from termgen.suggest import nearest, quoted, with_suggestion

if TYPE_CHECKING:
    from termgen.files.datafile import SourceMap

_KIND_OF_INPUT = {
    dict: "a mapping (key: value lines)",
    list: "a list",
    bool: "true/false",
    type(None): "nothing",
}


def clean_loc(loc: Sequence[Any]) -> list[str | int]:
    """Drop pydantic's internal markers ('[key]', 'function-after[...]') from an error location."""
    return [part for part in loc if not (isinstance(part, str) and part.endswith("]"))]


def path_in_words(path: Sequence[str | int]) -> str:
    """['exit', 'triggers', 1, 'notice'] -> 'exit › triggers #2 › notice'."""
    words: list[str] = []
    for part in path:
        if isinstance(part, int) and words:
            words[-1] += f" #{part + 1}"
        else:
            words.append(str(part).replace("_", " "))
    return " › ".join(words)


def _described(value: Any) -> str:
    for kind, words in _KIND_OF_INPUT.items():
        if isinstance(value, kind):
            return words
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _choices(root: type[BaseModel], path: Sequence[str | int]) -> tuple[str, ...]:
    shape = shape_at(root, path)
    return shape.choices if shape and shape.kind == "choice" else ()


def _parent_keys(root: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    shape: Shape | None = shape_at(root, path)
    return field_names(shape.model) if shape and shape.kind == "model" and shape.model else []


def plain_message(error: ErrorDetails, root: type[BaseModel]) -> tuple[list[str | int], str]:
    """The path an error is about and what to say about it, including what to do."""
    path = clean_loc(error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    is_key = "[key]" in error["loc"]
    if kind == "extra_forbidden":
        parent, key = path[:-1], str(path[-1])
        return parent, with_suggestion(f"unknown key '{key}'", key, _parent_keys(root, parent))
    if kind == "missing":
        parent, key = path[:-1], str(path[-1])
        choices = _choices(root, path)
        needs = f"choose one of {quoted(choices)}" if choices else f"add '{key}:' with its value"
        return parent, f"required key '{key}' is missing; {needs}"
    if kind in ("literal_error", "enum"):
        choices = _choices(root, path) or tuple(re.findall(r"'([^']*)'", str(ctx.get("expected"))))
        given = str(value)
        return path, with_suggestion(f"'{given}' is not one of the choices", given, choices)
    if kind in ("value_error", "assertion_error"):
        message = str(ctx.get("error", error["msg"]))
        return path, message
    words = _GENERIC.get(kind)
    return path, words(value, ctx) if words and not is_key else str(error["msg"])


def _number(value: Any, ctx: dict[str, Any]) -> str:
    return f"expected a number, got {_described(value)}; write digits only, e.g. 40 or 12.5"


def _whole_number(value: Any, ctx: dict[str, Any]) -> str:
    return f"expected a whole number, got {_described(value)}; write digits only, e.g. 3"


def date_problem(text: str) -> str:
    """Why `text` is not a date: not written YYYY-MM-DD, or a day the calendar does not have."""
    shape = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if shape is None:
        return f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-01-15{_meant(text)}"
    year, month, _ = map(int, shape.groups())
    if not 1 <= month <= 12:
        return (
            f"'{text}' is not a real date: there is no month {month}; write it as YYYY-MM-DD, "
            "the month from 01 to 12"
        )
    days = calendar.monthrange(year, month)[1]
    return f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {days} days"


def _meant(text: str) -> str:
    meant = meant_date(text)
    return f"; did you mean {meant}?" if meant else ""


def meant_date(text: str) -> str | None:
    """For a day written the European or American way, the date (YYYY-MM-DD) it can only be:
    with points, day first, as no one writes the month first between points; with slashes or
    hyphens, the one of day-first and month-first that is a real day, if only one is."""
    parts = re.fullmatch(r"\s*(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\s*", text)
    if parts is None:
        return None
    first, mark, second, year = parts.groups()
    orders = ((first, second),) if mark == "." else ((first, second), (second, first))
    readings = {
        (int(year), int(month), int(day))
        for day, month in orders
        if 1 <= int(month) <= 12 and 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]
    }
    if len(readings) != 1:
        return None
    ((y, m, d),) = readings
    return f"{y:04d}-{m:02d}-{d:02d}"


def _date(value: Any, ctx: dict[str, Any]) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return date_problem(value)
    return f"expected a date written YYYY-MM-DD, e.g. 2027-03-31; got {_described(value)}"


def _yes_no(value: Any, ctx: dict[str, Any]) -> str:
    return f"expected true or false, got {_described(value)}"


def _text(value: Any, ctx: dict[str, Any]) -> str:
    if value is None:
        return "must not be empty; write a value or delete the line"
    if isinstance(value, int | float | Decimal | dt.date) and not isinstance(value, bool):
        kind = "a date" if isinstance(value, dt.date) else "a number"  # as YAML read it
        return f"expected text, got {kind} ({value})"
    return f"expected text, got {_described(value)}"


def _list(value: Any, ctx: dict[str, Any]) -> str:
    return f"expected a list of entries, each on a line starting with '- ', got {_described(value)}"


def _mapping(value: Any, ctx: dict[str, Any]) -> str:
    if value is None:
        return "is empty; fill in its keys or delete it"
    return f"expected a mapping of 'key: value' lines, got {_described(value)}"


def _at_least(value: Any, ctx: dict[str, Any]) -> str:
    bound = ctx.get("ge", ctx.get("gt"))
    strict = "more than" if "gt" in ctx else "at least"
    return f"{_described(value)} is too small: it must be {strict} {bound}"


def _at_most(value: Any, ctx: dict[str, Any]) -> str:
    bound = ctx.get("le", ctx.get("lt"))
    strict = "less than" if "lt" in ctx else "at most"
    return f"{_described(value)} is too large: it must be {strict} {bound}"


def _too_long(value: Any, ctx: dict[str, Any]) -> str:
    return (
        f"is {len(value):,} characters long, more than the {ctx['max_length']:,} a value may "
        "have; shorten it"
    )


def _too_short(value: Any, ctx: dict[str, Any]) -> str:
    if "min_length" in ctx and isinstance(value, list):
        return f"needs at least {ctx['min_length']} entries, has {len(value)}"
    return "must not be empty; write a value or delete the line"


_GENERIC = {
    "int_parsing": _whole_number,
    "int_type": _whole_number,
    "int_from_float": _whole_number,
    "decimal_parsing": _number,
    "decimal_type": _number,
    "float_parsing": _number,
    "finite_number": _number,
    "date_parsing": _date,
    "date_type": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "bool_parsing": _yes_no,
    "bool_type": _yes_no,
    "string_type": _text,
    "list_type": _list,
    "dict_type": _mapping,
    "model_type": _mapping,
    "model_attributes_type": _mapping,
    "greater_than_equal": _at_least,
    "greater_than": _at_least,
    "less_than_equal": _at_most,
    "less_than": _at_most,
    "too_short": _too_short,
    "string_too_short": _too_short,
    "string_too_long": _too_long,
    "too_long": _too_long,
}


def _without_misspelt_missing(errors: list[Any], root: type[BaseModel]) -> list[Any]:
    """Drop 'required key X is missing' when an unknown key beside it is X misspelt."""
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            parent = tuple(clean_loc(error["loc"])[:-1])
            match = nearest(str(error["loc"][-1]), _parent_keys(root, parent))
            misspelt.add((*parent, match))
    return [
        error
        for error in errors
        if not (error["type"] == "missing" and tuple(clean_loc(error["loc"])) in misspelt)
    ]


def located_problems(
    invalid: ValidationError,
    root: type[BaseModel],
    source: SourceMap,
    prefix: tuple[str | int, ...] = (),
    skip: frozenset[str] = frozenset(),
    only: frozenset[str] | None = None,
    words: Callable[[Sequence[str | int]], str] = path_in_words,
    in_file: Callable[[tuple[str | int, ...]], tuple[str | int, ...]] = tuple,
) -> list[Problem]:
    """Each validation error in plain words, at its place in the file, in file order; errors of
    the types in `skip` are left out, and so are those not in `only` when it is given; `words`
    says the path (the interview: as it numbers list entries), and `in_file` where the data's
    path is in the file (the interview: before it took out list entries)."""
    problems = []
    for error in _without_misspelt_missing(invalid.errors(), root):
        if error["type"] in skip or (only is not None and error["type"] not in only):
            continue
        path, message = plain_message(error, root)
        full = (*prefix, *in_file(tuple(path)))
        location = source.locate(full, at_key=error["type"] == "missing")
        if error["type"] == "extra_forbidden":
            location = source.locate((*full, error["loc"][-1]), at_key=True)
        problems.append(Problem(message, location, words(path)))
    return sorted(problems, key=lambda problem: problem.place)
