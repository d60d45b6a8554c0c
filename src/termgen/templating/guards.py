"""Operations that can make a huge value from small ones, each measured before it runs.

Repeating (`'a' * n`), raising to a power, padding (`center`, `zfill`, `indent`, JSON's
indent), formatting with a width (`'%09999d' % 1`), replacing and joining can each ask for
gigabytes in a single step the clock cannot interrupt; their result size is known from their
arguments, so the budget refuses them before Python starts. Everything else is measured after
it ran.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from termgen.templating.budget import Budget, BudgetExceeded

_TEXT = (str, bytes)
_SEQUENCE = (str, bytes, list, tuple)
_PADDING = frozenset({"center", "ljust", "rjust", "zfill"})
_FORMAT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def before_binop(budget: Budget, operator: str, left: Any, right: Any) -> None:
    """Refuse `left <operator> right` when its result would be over budget."""
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            if isinstance(sequence, _SEQUENCE) and isinstance(count, int) and count > 0:
                budget.length(_size(budget, sequence) * count)
        if _both_int(left, right):
            budget.bits(left.bit_length() + right.bit_length())
    elif operator == "**" and _both_int(left, right) and right > 0 and abs(left) > 1:
        budget.bits(left.bit_length() * right)
    elif operator == "+" and isinstance(left, _SEQUENCE) and isinstance(right, _SEQUENCE):
        budget.length(_size(budget, left) + _size(budget, right))
    elif operator == "%" and isinstance(left, _TEXT):
        format_widths(budget, left if isinstance(left, str) else left.decode(errors="replace"))


def format_widths(budget: Budget, pattern: str) -> None:
    """Refuse a printf-style pattern whose widths or precisions are over budget."""
    for width, precision in _FORMAT_SPEC.findall(pattern):
        for number in (width, precision):
            if number == "*":
                raise BudgetExceeded("a width taken from the arguments ('%*d') is not allowed")
            if number:
                budget.length(int(number[:12]))


def before_call(
    budget: Budget, function: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Refuse a text method call whose result would be over budget; returns the arguments."""
    owner = getattr(function, "__self__", None)
    if not isinstance(owner, _TEXT):
        return args
    name = getattr(function, "__name__", "")
    if name in _PADDING and args and isinstance(args[0], int):
        budget.length(args[0])
    elif name == "expandtabs":
        tab = args[0] if args else kwargs.get("tabsize", 8)
        tab = tab if isinstance(tab, int) else 8
        tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
        budget.length(len(owner) + tabs * tab)
    elif name == "replace" and len(args) >= 2:
        budget.length(_replaced_length(owner, args[0], args[1]))
    elif name == "join" and args:
        items = list(args[0])
        budget.length(budget.footprint(items) + len(owner) * len(items))
        return (items, *args[1:])
    return args


def guarded_filters(
    filters: Mapping[str, Callable[..., Any]], budget: Callable[[], Budget]
) -> dict[str, Callable[..., Any]]:
    """Every filter counted as a step, checked before it runs when it can amplify, and its
    result measured."""
    return {name: _guarded(name, function, budget) for name, function in filters.items()}


def _guarded(
    name: str, function: Callable[..., Any], current: Callable[[], Budget]
) -> Callable[..., Any]:
    check = _FILTER_CHECKS.get(name)

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        budget = current()
        budget.step()
        if check is not None:
            check(budget, _value_and_arguments(function, args), kwargs)
        return budget.measure(function(*args, **kwargs))

    return guarded


def _value_and_arguments(function: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The filtered value and its arguments, without the context or environment Jinja passes
    first to some filters."""
    passes = getattr(function, "jinja_pass_arg", None)
    return args[1:] if passes is not None else args


_Check = Callable[[Budget, tuple[Any, ...], dict[str, Any]], None]
"""A check before a filter runs: the budget, the value and arguments, the keyword arguments."""


def _width(position: int, keyword: str) -> _Check:
    def check(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        width = args[position] if len(args) > position else kwargs.get(keyword)
        if isinstance(width, int):
            budget.length(width)

    return check


def _indent(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    text, width = (args[0] if args else ""), (args[1] if len(args) > 1 else kwargs.get("width"))
    lines = str(text).count("\n") + 1
    if isinstance(width, int):
        budget.length(width * lines + len(str(text)))
    elif isinstance(width, str):
        budget.length(len(width) * lines + len(str(text)))


_WRAP_COPIES_PER_CHARACTER = 1000
"""How many characters wrapping may copy for each one a value may hold: Python's textwrap cuts
a word longer than the width one line at a time, copying the rest of it each time, so a word
of n characters at width w copies about n * n / 2w of them, out of the clock's reach (a word
of 1,000,000 characters at width 1 takes seconds; 20,000,000, in a Word template, an hour)."""


def _wordwrap(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if not args:
        return
    text = str(args[0])
    wrapstring = args[3] if len(args) > 3 else kwargs.get("wrapstring")
    if isinstance(wrapstring, str):
        budget.length(len(text) * (1 + len(wrapstring)))
    width = args[1] if len(args) > 1 else kwargs.get("width", 79)
    breaks = args[2] if len(args) > 2 else kwargs.get("break_long_words", True)
    if not breaks or not isinstance(width, int) or width < 1:
        return
    longest = max(map(len, text.split()), default=0)
    if longest * longest // (2 * width) > budget.limits.size * _WRAP_COPIES_PER_CHARACTER:
        raise BudgetExceeded(
            f"it wraps a word of {longest:,} characters at a width of {width:,}, which takes "
            "time that grows with the square of the word; wrap at a wider width, or with "
            "break_long_words=false"
        )


def _replace(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if len(args) >= 3 and isinstance(args[0], str):
        budget.length(_replaced_length(args[0], args[1], args[2]))


def _join(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if args and isinstance(args[0], list | tuple | set | dict):
        separator = args[1] if len(args) > 1 else kwargs.get("d", "")
        budget.length(budget.footprint(args[0]) + len(str(separator)) * len(args[0]))


def _whole(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Filters that turn a whole value into text: it must fit first."""
    if args:
        budget.measure(args[0])


def _tojson(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """JSON indents every line by its depth: `tojson(indent=10 ** 9)` of a one-entry list asks
    for a gigabyte."""
    _whole(budget, args, kwargs)
    indent = args[1] if len(args) > 1 else kwargs.get("indent")
    width = len(indent) if isinstance(indent, str) else 0
    if isinstance(indent, int) and not isinstance(indent, bool):
        width = indent
    if args and width > 0:
        size = budget.footprint(args[0])
        budget.length(size + size * _depth(args[0]) * width)


def _depth(value: Any) -> int:
    """How deeply lists and mappings nest in a value whose footprint fits the budget."""
    depth, level = 0, [value]
    while level:
        level = [
            inner
            for item in level
            if isinstance(item, list | tuple | set | frozenset | dict)
            for inner in (item.values() if isinstance(item, dict) else item)
        ]
        depth += 1
    return depth


def _printf(budget: Budget, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    if args and isinstance(args[0], str):
        format_widths(budget, args[0])


_FILTER_CHECKS: dict[str, _Check] = {
    "center": _width(1, "width"),
    "wordwrap": _wordwrap,
    "slice": _width(1, "slices"),
    "batch": _width(1, "linecount"),
    "indent": _indent,
    "replace": _replace,
    "join": _join,
    "format": _printf,
    "string": _whole,
    "tojson": _tojson,
    "pprint": _whole,
    "list": _whole,
}


def _replaced_length(text: str | bytes, old: Any, new: Any) -> int:
    """At most what `text.replace(old, new)` can make: `old` found as often as it fits."""
    if not isinstance(old, str | bytes) or not isinstance(new, str | bytes):
        return len(text)
    occurrences = len(text) // max(len(old), 1) + 1
    return len(text) + occurrences * max(len(new) - len(old), 0)


def _size(budget: Budget, value: Any) -> int:
    return len(value) if isinstance(value, _TEXT) else budget.footprint(value)


def _both_int(left: Any, right: Any) -> bool:
    return (
        isinstance(left, int)
        and isinstance(right, int)
        and not isinstance(left, bool)
        and not isinstance(right, bool)
    )
