"""What the engine needs to know about lists and conditions, apart from walking them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from annotated_types import MinLen

from termgen.interview.spec import Group
from termgen.model import Deal
from termgen.model.messages import path_in_words
from termgen.model.paths import field_at, split
from termgen.templating.check import paths_read
from termgen.templating.sandbox import Sandbox

if TYPE_CHECKING:
    from termgen.interview.state import State


@dataclass(frozen=True)
class EntryEdit:
    """A list entry being added (`before` is None) or edited (`before` is how it was)."""

    group: Group
    index: int
    before: dict[str, Any] | None
    new_list: bool = False
    """Whether adding the entry started the list (it goes again with a cancelled entry)."""
    unfinished: bool = False
    """Whether the entry was found without the answers to its essential questions, as an
    earlier version saved an entry paused while it was added: Esc removes it, as it removes an
    entry being added, rather than keep it as it was."""


def model_minimum(group: Group) -> int:
    """How many entries the deal model needs in this list (2 parties), whatever the interview
    would like (`min`): below `min` but at this number, a list may be left open."""
    found = field_at(Deal, split(group.path))
    if found is None:
        return 0
    return max((rule.min_length for rule in found.metadata if isinstance(rule, MinLen)), default=0)


def none_is_a_choice(group: Group, count: int) -> bool:
    """Whether a list with `count` entries shows its menu first, where 'none' is a choice,
    rather than start its first entry straight away: a list that keeps none (offtake,
    release bandwidth) and has none yet of the entries it expects."""
    return bool(group.none_at) and count == 0 and group.min > 0


def own_entries(engine: State, group: Group) -> list[int]:
    """The entries of a group, less those that a more specific group of the same list claims
    (contributions that are offtake commitments belong to the offtake list)."""
    claimed = {
        entry
        for other in engine.groups()
        if other is not group and other.path == group.path and other.fixed and engine.applies(other)
        for entry in engine.entries(other)
    }
    return [entry for entry in engine.entries(group) if group.fixed or entry not in claimed]


def path_as_asked(engine: State, path: Sequence[str | int]) -> str:
    """A path in words with its list entry named as the interview heads it: a contribution
    after an offtake commitment in the file is 'contributions #1', the commitment 'offtake
    commitments #1', the licence model (a list of one) 'licence model'."""
    for group in engine.groups():
        base = split(group.path)
        rest = tuple(path[len(base) :])
        if tuple(path[: len(base)]) != base or not rest or not isinstance(rest[0], int):
            continue
        own = own_entries(engine, group)
        if rest[0] not in own:
            continue
        # A list of one kind within a list (the offtake commitments) by its own title.
        title = f"{group.title[:1].lower()}{group.title[1:]}" if group.fixed else str(base[-1])
        named = title if group.single else f"{title} #{own.index(rest[0]) + 1}"
        parts = (path_in_words(base[:-1]), named.replace("_", " "), path_in_words(rest[1:]))
        return " › ".join(part for part in parts if part)
    return path_in_words(path)


_READS: dict[str | None, frozenset[str]] = {}


def reads(env: Sandbox, condition: str | None, purposes: Sequence[str] = ()) -> frozenset[str]:
    """Dotted paths a condition reads; 'deal.purpose' too when only some purposes ask it."""
    if condition not in _READS:
        _READS[condition] = frozenset(paths_read(env, condition))
    return _READS[condition] | ({"deal.purpose"} if purposes else frozenset())
