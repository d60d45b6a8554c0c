"""The provision registry: what termgen checks for, as data counsel can extend."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import partial
from re import _constants as _codes  # type: ignore[attr-defined]  # private, stable since 3.11
from re import _parser  # type: ignore[attr-defined]  # private, stable since 3.11
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import Field

from termgen.cache import Cache, remembered
from termgen.library.clause import condition_refusing_constants
from termgen.library.compiled_cues import cue_regex
from termgen.model.common import Record, Text

if TYPE_CHECKING:
    import regex

Severity = Literal["blocking", "warning"]


Pattern = str
"""A regular expression, matched case-insensitively against a sentence of a draft; `^` and
`$` match where a sentence starts and ends.

Compiled only by the checks that read drafts (and by the lint): drafting never needs it.
"""


def cue_patterns(provision: Provision) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each cue pattern of a provision, with its path in the provision."""
    if provision.cues is None:
        return
    for level in ("present", "weak", "refused"):
        for index, cue in enumerate(getattr(provision.cues, level)):
            for key in ("all", "none"):
                for number, pattern in enumerate(getattr(cue, key)):
                    yield ("cues", level, index, key, number), pattern


def pattern_problems(
    provision: Provision,
    cache: Cache | None = None,
    known: Mapping[Pattern, str | None] | None = None,
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Path and message of each cue pattern that is not a valid regular expression, or that
    can take hours on a long draft: something that repeats inside an unbounded or long
    repetition. (`check` also stops any cue that runs for long; this says where it is.)

    With a cache, a pattern judged before is not parsed again: `check` asks on every run.
    `known` gives what the check said of some patterns (`library.shipped`)."""
    for path, pattern in cue_patterns(provision):
        if known is not None and pattern in known:
            problem = known[pattern]
        else:
            compute = partial(pattern_problem, pattern)
            problem = remembered(cache, _CUE_PROBLEM, pattern.encode(), compute)
        if problem is not None:
            yield path, problem


_CUE_PROBLEM = "cue pattern problem"


def pattern_problem(pattern: Pattern) -> str | None:
    """What is wrong with a cue pattern, if anything."""
    import regex

    try:
        cue_regex(pattern)
    except regex.error as bad:
        return (
            f"not a valid regular expression: {_clearer(pattern, bad)}; close each bracket, "
            "and put a backslash before one meant as itself, e.g. '\\('"
        )
    if _nested_repetition(list(_parser.parse(pattern, re.IGNORECASE))):
        return (
            "a repetition inside an unbounded or long repetition (as in '(\\w+\\s?)+' or "
            "'(.*a){20}') can make a long draft take hours to check; bound the inner one, "
            "e.g. '\\w{1,30}', or the outer one, e.g. '{0,5}'"
        )
    return None


def _clearer(pattern: str, bad: regex.error) -> str:
    """Python's own `re` says what is wrong more precisely, where it finds the fault too."""
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as said:
        return str(said)
    return str(bad)


LONG_REPETITION = 5
"""An outer repetition up to this many times may hold an unbounded one ('(\\w+\\s+){0,3}')."""


def _nested_repetition(items: list[Any], inside_long: bool = False) -> bool:
    """Whether a parsed pattern repeats, without bound or many times, something that itself
    repeats without bound."""
    for op, argument in items:
        unbounded = inside_long
        if op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.POSSESSIVE_REPEAT):
            _, high, body = argument
            if inside_long and high == _codes.MAXREPEAT:
                return True
            parts = [body]
            unbounded = inside_long or (high > LONG_REPETITION and _repeats(body))
        elif op is _codes.SUBPATTERN:
            parts = [argument[-1]]
        elif op is _codes.BRANCH:
            parts = argument[1]
        elif op in (_codes.ASSERT, _codes.ASSERT_NOT):
            # A look-ahead is tried once per position, never backtracked into.
            parts, unbounded = [argument[1]], False
        else:
            parts = []
        if any(_nested_repetition(list(part), unbounded) for part in parts):
            return True
    return False


def _repeats(items: Any) -> bool:
    """Whether a parsed pattern can match texts of more than one length (it has a choice)."""
    return any(
        op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.BRANCH, _codes.SUBPATTERN)
        for op, _ in items
    )


class Cue(Record):
    """Text that reveals a provision: every `all` pattern and none of `none`, in one window."""

    all: list[Pattern] = Field(min_length=1)
    none: list[Pattern] = Field(default_factory=list)


class Cues(Record):
    """How a provision shows in a draft from the other side."""

    present: list[Cue] = Field(default_factory=list, description="Any of these: it is there.")
    weak: list[Cue] = Field(
        default_factory=list, description="Otherwise any of these: mentioned, but not settled."
    )
    refused: list[Cue] = Field(
        default_factory=list,
        description="A sentence where any of these matches withholds the provision ('neither "
        "party may terminate without cause'): it never shows that the provision is there.",
    )
    window: int = Field(1, ge=1, le=3, description="Consecutive sentences a cue may span.")
    defined: bool = Field(
        False,
        description="Whether `present` cues also read a sentence with the definitions of the "
        "defined terms of time it uses after it ('continues for the Subscription Term' with "
        "'Subscription Term: 36 months' from the order form).",
    )


Expected = Annotated[
    Text,
    condition_refusing_constants(
        'expected: "parties | length > 2"',
        "leave 'expected' out for a provision every deal is checked for",
    ),
]
Expression = Annotated[
    Text,
    condition_refusing_constants(
        'expression: "exit.survival"',
        "the provision is settled while it holds, so a constant would settle it for every deal",
    ),
]


class Provision(Record):
    """A provision a deal should settle, why it matters, and how to tell whether it does."""

    id: Text
    label: Text
    why: Text = Field(description="Why it matters, in one sentence.")
    severity: Severity
    clause: bool = Field(True, description="Whether a clause of the draft must provide it.")
    section: Text | None = Field(None, description="Section of the draft where it belongs.")
    expected: Expected | None = Field(
        None, description="Condition over the deal; the provision is checked only when it holds."
    )
    check: Text | None = Field(None, description="A check built into termgen, by name.")
    expression: Expression | None = Field(
        None, description="For counsel's own provisions: a condition true when it is settled."
    )
    missing: Text | None = Field(
        None,
        description="With an expression: what the open points say is missing while it does not "
        "hold, and how to settle it; otherwise '<label>: not settled'.",
    )
    fix: Text | None = Field(None, description="Answer-file path where it is settled.")
    cues: Cues | None = Field(None, description="How it shows in a draft from the other side.")
