"""What the budget would stop at run time, found by reading the text: for `library lint`.

Each check looks at the syntax tree only, with the same limits as a run (`templating.budget`):

- a variable set from itself more than once over (`{% set x = x ~ x %}`), which grows
  geometrically each time the line runs;
- an expression whose size follows from its constants alone and is over the limits: huge
  repetition (`('a' * 10000) * 10000`), power towers (`(10 ** 100) ** 100`), a printf width
  (`'%0999999999d' % 1`), padding (`center(1000000000)`, `zfill(10 ** 9)`), `slice(10 ** 9)`;
- loops nested so that their constant lengths multiply past the step limit;
- macros that call themselves, directly or through each other, and recursive loops.

What depends on the deal (the length of a list of contributions) is left to the budget.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import nodes

from termgen.templating.budget import Limits

_FORMAT_WIDTH = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\d+)?(?:\.(\d+))?")
_PADDING_FILTERS = frozenset({"center", "indent", "slice", "batch"})
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


@dataclass(frozen=True)
class Estimate:
    """What is known of a value from constants: its length (text, list) or, for a number, its
    digits (a float, so that a tower of powers is infinite rather than computed)."""

    length: float | None = None
    digits: float | None = None

    @property
    def number(self) -> float | None:
        """The number itself, as a count or a width (infinite when too large for a float)."""
        if self.digits is None:
            return None
        return math.inf if self.digits > 300 else float(10**self.digits)


@dataclass(frozen=True)
class Unbounded:
    """A construct the budget would stop, at a line (1-based) of the text."""

    line: int
    message: str


def unbounded(tree: nodes.Node, limits: Limits) -> list[Unbounded]:
    """Every construct in the tree that cannot stay within `limits`, in the order found."""
    reader = _Reader(limits)
    if isinstance(tree, nodes.Expr):  # a condition
        reader.estimate(tree)
    else:
        reader.expressions(tree)
    reader.loops(tree, 1.0)
    reader.self_growth(tree)
    reader.recursion(tree)
    return reader.found


class _Reader:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.found: list[Unbounded] = []

    def report(self, node: nodes.Node, message: str) -> None:
        self.found.append(Unbounded(node.lineno or 1, message))

    def expressions(self, tree: nodes.Node) -> None:
        """Estimate every outermost expression; each report is about its innermost culprit."""
        for node in _outermost_expressions(tree):
            self.estimate(node)

    def estimate(self, node: nodes.Node) -> Estimate:
        found = self._estimate(node)
        if found.length is not None and found.length > self.limits.size:
            self.report(
                node,
                f"this makes a text or list of about {_about(found.length)} characters or "
                f"entries; the sandbox allows {self.limits.size:,}",
            )
            return Estimate()
        digits = found.digits
        if digits is not None and digits > self.limits.digits:
            size = (
                "too large to hold" if math.isinf(digits) else f"of about {_about(digits)} digits"
            )
            self.report(
                node, f"this makes a number {size}; the sandbox allows {self.limits.digits} digits"
            )
            return Estimate()
        return found

    def _estimate(self, node: nodes.Node) -> Estimate:
        if isinstance(node, nodes.Const):
            return _constant(node.value)
        if isinstance(node, nodes.List | nodes.Tuple):
            for item in node.items:
                self.estimate(item)
            return Estimate(length=len(node.items))
        if isinstance(node, nodes.BinExpr):
            return self.binary(node, self.estimate(node.left), self.estimate(node.right))
        if isinstance(node, nodes.Concat):
            parts = [self.estimate(part) for part in node.nodes]
            return Estimate(length=sum(part.length or 0 for part in parts))
        if isinstance(node, nodes.Filter | nodes.Call):
            return self.padding(node)
        # The parts of a dict (`Pair`) and of a comparison (`Operand`) are no expressions
        # themselves: the expressions inside them are estimated all the same.
        for child in node.iter_child_nodes():
            for expression in (
                [child] if isinstance(child, nodes.Expr) else _outermost_expressions(child)
            ):
                self.estimate(expression)
        return Estimate()

    def binary(self, node: nodes.BinExpr, left: Estimate, right: Estimate) -> Estimate:
        if isinstance(node, nodes.Mul):
            if left.digits is not None and right.digits is not None:
                return Estimate(digits=left.digits + right.digits)
            for sequence, count in ((left, right), (right, left)):
                if sequence.length is not None and count.number is not None:
                    return Estimate(length=sequence.length * count.number)
        if isinstance(node, nodes.Pow) and left.digits is not None and right.number is not None:
            return Estimate(digits=left.digits * right.number)
        if isinstance(node, nodes.Add):
            if left.length is not None and right.length is not None:
                return Estimate(length=left.length + right.length)
            if left.digits is not None and right.digits is not None:
                return Estimate(digits=max(left.digits, right.digits) + math.log10(2))
        if isinstance(node, nodes.Mod) and isinstance(node.left, nodes.Const):
            text = node.left.value
            if isinstance(text, str):
                widths = [int(n[:12]) for spec in _FORMAT_WIDTH.findall(text) for n in spec if n]
                return Estimate(length=len(text) + sum(widths))
        return Estimate()

    def padding(self, node: nodes.Filter | nodes.Call) -> Estimate:
        """`x | center(n)`, `x.zfill(n)` and the like: at least `n` long."""
        # Each expression is estimated once, so that what is wrong with it is reported once:
        # for `x.zfill(n)` that is `x`, not the attribute `x.zfill` and then `x` again.
        padded: nodes.Node | None = node.node
        if isinstance(node, nodes.Filter):
            pads = node.name in _PADDING_FILTERS
        else:
            pads = isinstance(padded, nodes.Getattr) and padded.attr in _PADDING_METHODS
            if isinstance(padded, nodes.Getattr) and pads:
                padded = padded.node
        base = self.estimate(padded) if padded is not None else Estimate()
        arguments = [self.estimate(argument) for argument in node.args]
        for keyword in node.kwargs:
            self.estimate(keyword.value)
        width = arguments[0].number if pads and arguments else None
        if width is not None:
            return Estimate(length=max(width, base.length or 0))
        return Estimate()

    def loops(self, node: nodes.Node, outer: float) -> None:
        """Loops whose constant lengths, multiplied down the nesting, pass the step limit."""
        for child in node.iter_child_nodes():
            if not isinstance(child, nodes.For):
                self.loops(child, outer)
                continue
            runs = outer * (_Reader(self.limits)._estimate(child.iter).length or 1)
            if runs > self.limits.steps:
                self.report(
                    child,
                    f"these nested loops run about {_about(runs)} times; the sandbox allows "
                    f"{self.limits.steps:,}",
                )
                continue
            for inner in child.body:
                self.loops(inner, runs)
            for inner in child.else_:
                self.loops(inner, outer)

    def self_growth(self, tree: nodes.Node) -> None:
        reported: set[str] = set()
        for node in tree.find_all((nodes.Assign, nodes.AssignBlock)):
            assert isinstance(node, nodes.Assign | nodes.AssignBlock)
            if not isinstance(node.target, nodes.Name) or node.target.name in reported:
                continue
            name = node.target.name
            read = node.node if isinstance(node, nodes.Assign) else node
            uses = sum(1 for found in read.find_all(nodes.Name) if found.name == name)
            if uses >= 2:
                reported.add(name)
                self.report(
                    node,
                    f"'{name}' is set from itself {uses} times over, so it grows {uses}-fold "
                    "each time this runs; write the text out instead",
                )

    def recursion(self, tree: nodes.Node) -> None:
        macros = {macro.name: macro for macro in tree.find_all(nodes.Macro)}
        calls = {
            name: {
                call.node.name
                for call in macro.find_all(nodes.Call)
                if isinstance(call.node, nodes.Name) and call.node.name in macros
            }
            for name, macro in macros.items()
        }
        for name, macro in macros.items():
            if name in _reachable(calls, name):
                self.report(
                    macro,
                    f"macro '{name}' calls itself (directly or through another macro); "
                    "clauses cannot recurse, so write the text out instead",
                )
        for loop in tree.find_all(nodes.For):
            if loop.recursive:
                self.report(loop, "recursive loops are not used in clauses; loop over the list")


def _reachable(calls: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    pending = list(calls[start])
    while pending:
        name = pending.pop()
        if name not in seen:
            seen.add(name)
            pending.extend(calls.get(name, ()))
    return seen


def _outermost_expressions(node: nodes.Node) -> Iterator[nodes.Expr]:
    for child in node.iter_child_nodes():
        if isinstance(child, nodes.Expr):
            yield child
        else:
            yield from _outermost_expressions(child)


def _constant(value: object) -> Estimate:
    if isinstance(value, bool):
        return Estimate()
    if isinstance(value, int | float):
        return Estimate(digits=_digits(value))
    if isinstance(value, str | list | tuple):
        return Estimate(length=len(value))
    return Estimate()


def _digits(value: float) -> float:
    """log10 of a number's size: 10 ** 9 has 9, 1 has 0, a 5,000-digit number about 5,000."""
    if isinstance(value, int) and value.bit_length() > 1000:
        return value.bit_length() * math.log10(2)
    return math.log10(abs(value)) if abs(value) > 1 else 0.0


def _about(number: float) -> str:
    if math.isinf(number) or number >= 1e15:
        return "10^" + (f"{math.log10(number):,.0f}" if not math.isinf(number) else "many")
    return f"{number:,.0f}"
