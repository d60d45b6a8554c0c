"""What one run of a clause text, a condition or a Word template may spend.

Counsel's clauses run on every draft, so whatever they say they must end soon and stay small.
Each run gets a fresh `Budget` from its `Limits`. The sandbox charges it at every place where
time or memory can go: each loop iteration and each call is a step, a call may only nest so
deep, and every value made from others (joined, repeated, padded, formatted, a list built or
grown) is measured, before it is made when its size can be known in advance, else right after.
Output is counted as it is produced. The clock is read every few hundred steps, and started at
the first reading, not when the run starts: reading a thread's processor time can cost 100 µs
(it did on the machine the benchmarks ran on), most runs never take that many steps, and what
those first steps can make is bounded by the sizes.

A budget that runs out raises `BudgetExceeded`, a Jinja `SecurityError` whose message says
which bound was reached; the caller adds the clause file and line.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

from jinja2.exceptions import SecurityError


@dataclass(frozen=True)
class Limits:
    """Bounds for one run; see the README ("What the sandbox refuses")."""

    seconds: float
    """Processor time of the thread running it, for the whole run: a machine busy with other
    work slows a clause down but does not make it fail."""
    steps: int
    """Loop iterations and calls, together."""
    depth: int
    """Macros calling macros (or themselves), and recursive loops, nested at once."""
    size: int
    """Characters in one text, or characters and entries in one list or mapping."""
    output: int
    """Characters the run produces."""
    digits: int = 100
    """Digits in one whole number."""


CLAUSE_LIMITS = Limits(seconds=2.0, steps=1_000_000, depth=30, size=1_000_000, output=2_000_000)
CONDITION_LIMITS = Limits(seconds=0.5, steps=100_000, depth=30, size=100_000, output=100_000)
WORD_TEMPLATE_LIMITS = Limits(
    seconds=30.0, steps=1_000_000, depth=30, size=20_000_000, output=100_000_000
)
"""A Word template renders a whole document (its XML) in one run: far more output than a
clause. Its loops are few: a draft with 1,000 contributions takes about 9,000 steps."""

_CLOCK_EVERY = 256
_BITS_PER_DIGIT = 3.33


class BudgetExceeded(SecurityError):
    """A run reached one of its limits."""


class Budget:
    """What one run has spent so far against its limits."""

    __slots__ = ("_deadline", "_steps", "depth", "limits")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._steps = 0
        self.depth = 0
        self._deadline: float | None = None

    def step(self, count: int = 1) -> None:
        """Charge loop iterations or calls; read the clock now and then."""
        before = self._steps
        self._steps += count
        if self._steps > self.limits.steps:
            raise BudgetExceeded(f"its loops and calls run more than {self.limits.steps:,} times")
        if before // _CLOCK_EVERY != self._steps // _CLOCK_EVERY:
            self.check_clock()

    def check_clock(self) -> None:
        """Start the clock on the first call; on later ones, stop a run past its time."""
        now = time.thread_time()
        if self._deadline is None:
            self._deadline = now + self.limits.seconds
        elif now > self._deadline:
            raise BudgetExceeded(f"it takes longer than {self.limits.seconds:g} s to run")

    def enter(self) -> None:
        """A macro or recursive loop starts; `leave` when it returns."""
        self.depth += 1
        if self.depth > self.limits.depth:
            raise BudgetExceeded(
                f"macros or recursive loops call each other more than {self.limits.depth} deep"
            )

    def leave(self) -> None:
        self.depth -= 1

    def length(self, count: int) -> None:
        """Refuse a text or list of `count` characters or entries before it is made."""
        if count > self.limits.size:
            raise BudgetExceeded(
                f"it makes a text or list of {count:,} characters or entries, more than "
                f"{self.limits.size:,}"
            )

    def bits(self, count: int) -> None:
        """Refuse a whole number of `count` bits before it is made."""
        if count > self.limits.digits * _BITS_PER_DIGIT:
            raise BudgetExceeded(f"it makes a number of more than {self.limits.digits} digits")

    def output(self, count: int) -> None:
        if count > self.limits.output:
            raise BudgetExceeded(f"it writes more than {self.limits.output:,} characters")

    def measure(self, value: Any) -> Any:
        """Refuse a value too large to keep, charging the walk over it; returns the value."""
        if isinstance(value, str | bytes):
            self.length(len(value))
        elif isinstance(value, int):
            self.bits(value.bit_length())
        elif isinstance(value, float) and not math.isfinite(value):
            # No draft can state it, and 'inf' printed as an amount reads as a typo; refused
            # here, `'inf' | float` is not folded into the compiled code either, where it
            # failed as an unknown name 'inf'.
            raise BudgetExceeded(
                f"it makes the number {value}, infinite or not a number, which no draft can state"
            )
        elif isinstance(value, list | tuple | dict | set | frozenset):
            self.length(self.footprint(value))
        return value

    def footprint(self, value: Any) -> int:
        """Characters and entries in a value and everything in it, each time it appears.

        The walk stops as soon as the total is over the limit, and every item it visits is a
        step: a list that holds itself, or the same large list many times over, costs no more
        than the limit allows.
        """
        total, visited, pending = 0, 0, [value]
        while pending and total <= self.limits.size:
            item = pending.pop()
            visited += 1
            if isinstance(item, str | bytes):
                total += len(item)
            elif isinstance(item, int):
                total += item.bit_length() // 3
            elif isinstance(item, list | tuple | set | frozenset):
                total += len(item)
                if total <= self.limits.size:
                    pending.extend(item)
            elif isinstance(item, dict):
                total += len(item)
                if total <= self.limits.size:
                    pending.extend(item.keys())
                    pending.extend(item.values())
            else:
                total += 1
        self.step(visited)
        return total
