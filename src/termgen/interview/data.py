"""Reading and writing answer data by path, where lists and mappings are made as needed."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from termgen.model.paths import AnswerPath, dotted, parse_path


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


class _Open:
    """An answer left open on purpose: kept in the answer file's `left_open` list."""

    def __repr__(self) -> str:
        return "OPEN"

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __deepcopy__(self, memo: dict[int, Any]) -> _Open:
        return self


OPEN: Any = _Open()
LEFT_OPEN = "left_open"
PAUSED_AT = "paused_at"
"""Where a file saved when the interview paused names the list it paused at."""
DETAILS_PASS = "details"
"""What `paused_at` says of a pause in the details pass: going on fills in the details."""


def renamed(data: Any, old: Any, new: Any) -> Any:
    """The answers with a renamed party or body renamed wherever they refer to it."""
    if not isinstance(old, str) or old == new:
        return data
    if isinstance(data, dict):
        return {(new if key == old else key): renamed(item, old, new) for key, item in data.items()}
    if isinstance(data, list):
        return [renamed(item, old, new) for item in data]
    return new if data == old else data


def with_open_marks(data: dict[str, Any]) -> dict[str, Any]:
    """Answer data as read from a file, with each path under `left_open` marked OPEN (where it
    is blank too: the mark says why). A mark the deal model refuses (`Deal`, left open: an
    answer given, a list entry that is not there) is dropped, and the interview says so."""
    listed = data.pop(LEFT_OPEN, None)
    if isinstance(listed, list):
        for path in listed:
            where = parse_path(str(path))
            found = get(data, where)
            unanswered = (
                found is ABSENT or found is None or (isinstance(found, str) and not found.strip())
            )
            if unanswered and _has_place(data, where):
                put(data, where, OPEN)
    return data


def _has_place(data: Any, path: AnswerPath) -> bool:
    """Whether an answer at `path` fits the data as it is: every list entry on the way exists
    and no answer is in the way. A mark that does not fit is dropped: marking it would add
    list entries up to its index (millions, from one edited line) or replace an answer."""
    target = data
    for part in path[:-1]:
        if isinstance(part, int):
            if not isinstance(target, list) or part >= len(target):
                return False
            target = target[part]
        elif isinstance(target, dict):
            target = {} if target.get(part) is None else target[part]
        else:
            return False
    return isinstance(target, dict) and isinstance(path[-1], str)


def for_file(data: dict[str, Any]) -> dict[str, Any]:
    """Answer data as the file keeps it: OPEN marks become paths under `left_open`, and
    mappings left empty by them disappear."""
    found: list[str] = []

    def plain(value: Any, path: AnswerPath) -> Any:
        if isinstance(value, dict):
            kept = {}
            for key, item in value.items():
                if item is OPEN:
                    found.append(dotted((*path, key)))
                    continue
                cleaned = plain(item, (*path, key))
                if cleaned != {} or not isinstance(item, dict):
                    kept[key] = cleaned
            return kept
        if isinstance(value, list):
            return [plain(item, (*path, index)) for index, item in enumerate(value)]
        return value

    result: dict[str, Any] = plain(data, ())
    if found:
        result[LEFT_OPEN] = found
    return result
