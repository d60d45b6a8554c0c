"""What changed between two versions of a deal, in words a lawyer reads, grouped by element.

List items are matched by what identifies them (a party by short name, a contribution by
party, kind and description, a trigger by kind), so an item moved in the list is not a
change and an edited one is reported field by field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from termgen.model import Deal
from termgen.wording import capital, date_text, format_number, humanise, percent_text

ELEMENTS = {
    "deal": "Deal",
    "parties": "Parties",
    "term_sheet": "Term sheet mechanics",
    "company": "Joint-venture company",
    "goals": "Shared goals, scope and value sharing",
    "strengths": "Contributions and phases",
    "governance": "Governance",
    "change": "Review and change",
    "exit": "Term, renewal and exit",
    "positions": "Clause positions",
    "left_open": "Answers left open",
    "paused_at": "Interview paused at",
}
"""Each top-level part of an answer file, under the heading its changes are listed."""

_IDENTITY: dict[str, tuple[str, ...]] = {
    "Party": ("short_name",),
    "Objective": ("statement",),
    "TradeOff": ("axis",),
    "Contribution": ("party", "kind", "description"),
    "Phase": ("name",),
    "Body": ("name",),
    "DecisionRight": ("decision",),
    "EscalationLevel": ("level",),
    "ReviewPoint": ("name",),
    "RecalibrationTrigger": ("kind", "threshold"),
    "ExitTrigger": ("kind", "exercisable_by"),
    "SurvivingObligation": ("kind", "description"),
    "AssetTreatment": ("asset", "description"),
    "TimetableStep": ("step",),
    "ReservedMatter": ("matter",),
    "Officer": ("role",),
}
"""The fields that say which item of a list is which."""

_LABELS = {
    "deal": "",
    "exit": "",
    "change": "",
    "strengths": "",
    "goals": "",
    "governance": "",
    "value_sharing": "",
    "initial": "initial term",
    "triggers": "exit triggers",
    "short_name": "short name",
}
"""Field names said differently (or not at all, for the element itself) in a change."""

_LONGEST_VALUE = 90
_LONGEST_NAME = 60


@dataclass(frozen=True)
class Change:
    """One difference between the versions, under the element it belongs to."""

    element: str
    text: str
    path: tuple[str | int, ...]


def compare(old: Deal, new: Deal) -> list[Change]:
    """Every difference from `old` to `new`, element by element in answer-file order."""
    changes: list[Change] = []
    for name in Deal.model_fields:
        walker = _Walker(ELEMENTS[name], changes)
        walker.value(getattr(old, name), getattr(new, name), (name,), _label([], name))
    return changes


def grouped(changes: list[Change]) -> dict[str, list[Change]]:
    """The changes under their element headings, elements in answer-file order."""
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.element, []).append(change)
    return groups


class _Walker:
    def __init__(self, element: str, changes: list[Change]) -> None:
        self.element = element
        self.changes = changes

    def say(self, path: tuple[str | int, ...], text: str) -> None:
        self.changes.append(Change(self.element, capital(text), path))

    def value(self, old: Any, new: Any, path: tuple[str | int, ...], label: list[str]) -> None:
        if old == new:
            return
        if _is_record(old) and _is_record(new):
            self.model(old, new, path, label)
        elif isinstance(old, list) and isinstance(new, list):
            self.sequence(old, new, path, label)
        elif old is None or old == [] or old == {}:
            self.say(path, f"{_words(label)} added: {_shown(new)}")
        elif new is None or new == [] or new == {}:
            self.say(path, f"{_words(label)} removed (was {_shown(old)})")
        else:
            self.say(path, f"{_words(label)}: {_shown(old)} → {_shown(new)}")

    def model(
        self, old: BaseModel, new: BaseModel, path: tuple[str | int, ...], label: list[str]
    ) -> None:
        for name in type(new).model_fields:
            self.value(getattr(old, name), getattr(new, name), (*path, name), _label(label, name))

    def sequence(
        self, old: list[Any], new: list[Any], path: tuple[str | int, ...], label: list[str]
    ) -> None:
        if not any(isinstance(item, BaseModel) for item in (*old, *new)):
            for item in new:
                if item not in old:
                    self.say(path, f"{_words(label)}: {_shown(item)} added")
            for item in old:
                if item not in new:
                    self.say(path, f"{_words(label)}: {_shown(item)} removed")
            return
        kind = _singular(label)
        old_by_key = {_identity(item): item for item in old}
        new_keys = {_identity(item) for item in new}
        for index, item in enumerate(new):
            key = _identity(item)
            name = f"{kind} {_item_name(item)}"
            if key not in old_by_key:
                self.say((*path, index), f"{name} added{_details(item)}")
            else:
                self.model(old_by_key[key], item, (*path, index), [f"{name},"])
        for item in old:
            if _identity(item) not in new_keys:
                self.say(path, f"{kind} {_item_name(item)} removed")


def _label(parent: list[str], name: str) -> list[str]:
    word = _LABELS.get(name, humanise(name))
    return [*parent, word] if word else parent


def _words(label: list[str]) -> str:
    return " ".join(label) if label else "value"


def _singular(label: list[str]) -> str:
    last = label[-1] if label else "item"
    for plural, single in (("ies", "y"), ("es", "e"), ("s", "")):
        if last.endswith(plural) and not last.endswith("ss"):
            return capital(last[: -len(plural)] + single)
    return capital(last)


def _identity(item: Any) -> tuple[Any, ...]:
    fields = _IDENTITY.get(type(item).__name__)
    if fields is None:
        return (item.model_dump_json(),)
    return tuple(getattr(item, name) for name in fields)


def _is_record(value: Any) -> bool:
    """A model walked field by field; money, quantities and durations read as one value."""
    return isinstance(value, BaseModel) and type(value).__str__ is BaseModel.__str__


def _item_name(item: BaseModel) -> str:
    fields = _IDENTITY.get(type(item).__name__, ())
    parts = [_shown(getattr(item, name)) for name in fields if getattr(item, name) is not None]
    return f"'{_shortened(', '.join(parts), _LONGEST_NAME)}'" if parts else "(unnamed)"


def _shortened(text: str, longest: int) -> str:
    return text if len(text) <= longest else text[: longest - 1].rstrip() + "…"


def _details(item: BaseModel) -> str:
    identity = set(_IDENTITY.get(type(item).__name__, ()))
    parts = [
        f"{humanise(name)} {_shown(value)}"
        for name, value in item
        if name not in identity and value not in (None, [], {})
    ]
    return f" ({'; '.join(parts)})" if parts else ""


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return date_text(value)
    if isinstance(value, Decimal):
        return format_number(value)
    if _is_record(value):
        return "; ".join(f"{humanise(k)} {_shown(v)}" for k, v in value if v not in (None, []))
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key} {_share(item)}" for key, item in value.items())
    text = str(value)
    if "_" in text and " " not in text:
        return humanise(text)
    return _shortened(text, _LONGEST_VALUE)


def _share(value: Any) -> str:
    """Shares are percentages; seats on a body are counts."""
    return percent_text(value) if isinstance(value, Decimal) else _shown(value)
