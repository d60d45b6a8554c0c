"""What a typed answer means for each question type, and how a stored answer is shown again."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal, get_args

from pydantic import ValidationError

from termgen.model.common import Duration, Money, Quantity
from termgen.model.currency import parse_number
from termgen.model.messages import date_problem, plain_message
from termgen.suggest import with_suggestion

QuestionType = Literal[
    "text",
    "integer",
    "decimal",
    "money",
    "quantity",
    "percent",
    "date",
    "duration",
    "choice",
    "multi_choice",
    "yes_no",
    "party",
    "owner",
    "parties",
    "shares",
    "per_party",
    "text_list",
]
SELECT_TYPES = frozenset({"choice", "party", "owner"})
MULTI_TYPES = frozenset({"multi_choice", "parties"})
TEXT_TYPES = frozenset(get_args(QuestionType)) - SELECT_TYPES - MULTI_TYPES - {"yes_no"}
LIST_SEPARATOR = ";"
_NOT_A = {"party": "one of the parties", "owner": "a party, 'joint' or a governance body"}
_SHORTHAND: dict[str, type[Money] | type[Quantity] | type[Duration]] = {
    "money": Money,
    "quantity": Quantity,
    "duration": Duration,
}


class AnswerError(ValueError):
    """A typed answer that does not fit the question; the message says how to write it."""


@dataclass(frozen=True)
class NewBody:
    """An owner that is a governance body not set up yet: it is added to the bodies."""

    name: str
    kind: str


def parse(kind: str, raw: Any, *, parties: Sequence[str] = (), choices: Sequence[str] = ()) -> Any:
    """The answer to store for what was typed or picked; None when nothing was given."""
    if kind == "yes_no":
        return bool(raw)
    if kind in MULTI_TYPES:
        raw = list(raw or [])
        unknown = [value for value in raw if value not in choices]
        if unknown:
            raise AnswerError(
                with_suggestion(f"'{unknown[0]}' is not a choice", unknown[0], choices)
            )
        return list(raw) or None
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if kind in SELECT_TYPES:
        if choices and text not in choices:
            what = _NOT_A.get(kind, "one of the choices")
            raise AnswerError(with_suggestion(f"'{text}' is not {what}", text, choices))
        return text
    if kind == "integer":
        if not re.fullmatch(r"\d+", text.replace(",", "")):
            raise AnswerError(f"'{text}' is not a whole number; write digits, e.g. 30")
        return int(text.replace(",", ""))
    if kind in ("decimal", "percent"):
        return _number(text.removesuffix("%").strip())
    if kind == "date":
        return _date(text)
    if kind in _SHORTHAND:
        try:
            return _SHORTHAND[kind].model_validate(text).model_dump()
        except ValidationError as invalid:
            raise AnswerError(plain_message(invalid.errors()[0], _SHORTHAND[kind])[1]) from None
    if kind == "text_list":
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    if kind in ("shares", "per_party"):
        return _per_party(text, kind, parties)
    return text


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise AnswerError(date_problem(text)) from None


def _number(text: str) -> Decimal:
    try:
        return parse_number(text)
    except (ValueError, InvalidOperation):
        raise AnswerError(f"'{text}' is not a number; write digits, e.g. 50 or 12.5") from None


def _per_party(text: str, kind: str, parties: Sequence[str]) -> dict[str, Any]:
    """'NAW 50; KSC 50' -> {'NAW': 50, 'KSC': 50}; shares must add up to 100."""
    values: dict[str, Any] = {}
    for part in re.split(r"[;,]", text):
        if not part.strip():
            continue
        match = re.fullmatch(r"\s*(.+?)\s+(\d[\d.,]*)\s*%?\s*", part)
        if not match:
            names = list(parties[:2]) if len(parties) >= 2 else ["NAW", "KSC"]
            raise AnswerError(
                f"'{part.strip()}' does not name a party and its number; write each party's "
                f"short name, then its number, e.g. '{names[0]} 50; {names[1]} 50'"
            )
        party, number = match.group(1), match.group(2)
        # Short names are written as the deal spells them, whatever the case typed.
        party = next((name for name in parties if name.casefold() == party.casefold()), party)
        if parties and party not in parties:
            raise AnswerError(
                with_suggestion(f"'{party}' is not one of the parties", party, parties)
            )
        values[party] = int(number) if kind == "per_party" and number.isdigit() else _number(number)
    if kind == "shares" and values and sum(Decimal(v) for v in values.values()) != 100:
        total = sum(Decimal(v) for v in values.values())
        raise AnswerError(f"the shares add up to {total:f}, not 100")
    return values


def show(kind: str, value: Any) -> str:
    """A stored answer as the text a user would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return f"{LIST_SEPARATOR} ".join(f"{party} {share}" for party, share in value.items())
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
