"""Answers left open on purpose, as the draft shows them: a [●] where their text would be."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from termgen.model import Deal
from termgen.model.paths import AnswerPath, field_at, parse_path, shape_of
from termgen.templating.missing import PLACEHOLDER_MARK


def with_open_points(deal: Deal) -> Deal:
    """The deal with each text answer left open set to the open-point mark (a list of texts
    to a list of that one mark), so that clauses which print it when given print [●] instead
    of leaving it out: the open point says so."""
    for path in deal.left_open:
        where = parse_path(path)
        found = field_at(Deal, list(where))
        shape = shape_of(found.annotation) if found is not None else None
        if shape is not None and shape.scalar is str:
            deal = _with(deal, where, PLACEHOLDER_MARK)
        elif shape is not None and shape.kind == "list" and shape_of(shape.item).scalar is str:
            deal = _with(deal, where, [PLACEHOLDER_MARK])
    return deal


def _with(value: Any, path: AnswerPath, new: Any) -> Any:
    """A copy of `value` with `new` at `path`; unchanged when the way there does not exist."""
    if not path:
        return new if value is None or value == [] else value
    key, rest = path[0], path[1:]
    if isinstance(value, BaseModel) and isinstance(key, str):
        return value.model_copy(update={key: _with(getattr(value, key, None), rest, new)})
    if isinstance(value, list) and isinstance(key, int) and key < len(value):
        return [
            _with(item, rest, new) if index == key else item for index, item in enumerate(value)
        ]
    return value
