"""Reading and writing answer data by path, where lists and mappings are made as needed."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from termgen.model.paths import AnswerPath


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
