"""Reading and writing answer data by path, where lists and mappings are made as needed."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from termgen.model import Deal
from termgen.model.paths import AnswerPath, field_at, shape_of


class _Absent:
    """No answer at this path yet (unlike None, which is an answer left open)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


def get(data: Any, path: AnswerPath) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return ABSENT
        elif not isinstance(data, dict) or part not in data:
            return ABSENT
        data = data[part]
    return data


def put(data: dict[str, Any], path: AnswerPath, value: Any) -> None:
    """Set the value at `path`, creating the mappings and lists on the way."""
    target: Any = data
    for part, following in pairwise(path):
        if isinstance(part, int):
            while len(target) <= part:
                target.append({})
            target = target[part]
        else:
            if not isinstance(target.get(part), dict | list):
                target[part] = [] if isinstance(following, int) else {}
            target = target[part]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append({})
    target[last] = value


def remove(data: dict[str, Any], path: AnswerPath) -> None:
    """Forget the answer at `path`, if there is one."""
    parent = get(data, path[:-1])
    if isinstance(parent, dict):
        parent.pop(path[-1], None)
    elif isinstance(parent, list) and isinstance(path[-1], int) and path[-1] < len(parent):
        del parent[path[-1]]


def renamed(data: Any, old: Any, new: Any) -> Any:
    """The answers with a renamed party or body renamed wherever they refer to it."""
    if not isinstance(old, str) or old == new or old is ABSENT:
        return data
    if isinstance(data, dict):
        return {(new if key == old else key): renamed(item, old, new) for key, item in data.items()}
    if isinstance(data, list):
        return [renamed(item, old, new) for item in data]
    return new if data == old else data


def left_open(path: AnswerPath) -> Any:
    """What a skipped answer stores: None where the model allows it, else the field's default;
    ABSENT (store nothing) where the model needs a value, such as a dispute mechanism."""
    found = field_at(Deal, list(path))
    if found is None or shape_of(found.annotation).optional:
        return None
    if found.is_required():
        return ABSENT
    return found.get_default(call_default_factory=True)


def prune(data: dict[str, Any], path: AnswerPath) -> None:
    """Remove mappings left empty on the way up to `path`."""
    while path and get(data, path) == {}:
        remove(data, path)
        path = path[:-1]
