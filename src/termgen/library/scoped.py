"""The effective clauses of a library by id, indexed by where each may go (its purposes and
governing laws), so that a deal reads only the clauses that could be in it.

A counsel's overlay of 20,000 clauses spans many governing laws and purposes; a deal under
one law and for one purpose can use a few hundred of them. The scope of every clause of a
folder is kept in the cache as one entry (see `load.py`); a clause itself is read from its
own entry only when selection, a position in the answers or a listing asks for it.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from functools import cached_property

from termgen.library.clause import Clause

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.library.load import Sourced


@dataclass(frozen=True)
class Scope:
    """Where a clause may go, known without reading its file: the deal purposes it serves and
    the governing laws it suits (casefolded; none means any)."""

    purposes: frozenset[str]
    jurisdictions: frozenset[str]

    @classmethod
    def of(cls, clause: Clause) -> Scope:
        return cls(
            frozenset(clause.purposes),
            frozenset(jurisdiction.casefold() for jurisdiction in clause.jurisdictions),
        )

    def admits(self, purpose: str, law: str | None) -> bool:
        """Whether a deal for this purpose under this law may get the clause (before its
        condition)."""
        if purpose not in self.purposes:
            return False
        return not self.jurisdictions or (law or "").casefold() in self.jurisdictions


@dataclass
class Slot:
    """One clause of the effective library: its scope, and the clause once it is read."""

    scope: Scope
    read: Callable[[], Sourced[Clause]]
    cache_content: Callable[[], bytes]
    """What its clause file's cache entry is keyed on, to fetch many entries at once."""
    entry: Sourced[Clause] | None = None

    def clause(self) -> Sourced[Clause]:
        if self.entry is None:
            self.entry = self.read()
        return self.entry


Position = tuple[int, str]
"""A clause's place in the library's order, and its id."""


class Clauses(Mapping[str, "Sourced[Clause]"]):
    """The clauses by id, in the library's order; each read when it is first asked for."""

    def __init__(self, slots: dict[str, Slot], prefetch: Callable[[Iterable[bytes]], None]) -> None:
        self._slots = slots
        self._prefetch = prefetch

    def __getitem__(self, clause_id: str) -> Sourced[Clause]:
        return self._slots[clause_id].clause()

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self._slots

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    def values(self) -> ValuesView[Sourced[Clause]]:
        self.every()
        return super().values()

    def items(self) -> ItemsView[str, Sourced[Clause]]:
        self.every()
        return super().items()

    def read(self, clause_ids: Iterable[str]) -> list[Sourced[Clause]]:
        """These clauses, the ones not read yet fetched from the cache together."""
        slots = [self._slots[clause_id] for clause_id in clause_ids]
        self._prefetch([slot.cache_content() for slot in slots if slot.entry is None])
        return [slot.clause() for slot in slots]

    def every(self) -> list[Sourced[Clause]]:
        """Every clause, in the library's order (reads them all)."""
        return self.read(self._slots)

    def applying(self, purpose: str, law: str | None) -> list[Sourced[Clause]]:
        """The clauses a deal for this purpose under this law may get, in the library's order;
        only these are read."""
        any_law, by_law = self._index.get(purpose, ([], {}))
        chosen = heapq.merge(any_law, by_law.get((law or "").casefold(), []))
        return self.read(clause_id for _, clause_id in chosen)

    @cached_property
    def _index(self) -> dict[str, tuple[list[Position], dict[str, list[Position]]]]:
        """By purpose: the clauses for any governing law, and those for each law."""
        any_law: dict[str, list[Position]] = defaultdict(list)
        by_law: dict[str, dict[str, list[Position]]] = defaultdict(lambda: defaultdict(list))
        for number, (clause_id, slot) in enumerate(self._slots.items()):
            for purpose in slot.scope.purposes:
                if not slot.scope.jurisdictions:
                    any_law[purpose].append((number, clause_id))
                for law in slot.scope.jurisdictions:
                    by_law[purpose][law].append((number, clause_id))
        purposes = any_law.keys() | by_law.keys()
        return {purpose: (any_law[purpose], dict(by_law[purpose])) for purpose in purposes}
