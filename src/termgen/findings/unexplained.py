"""Open points no finding names: a [●] in a clause that the open points would not list.

Every other check looks for what it knows to be missing. This one reads the draft instead:
a clause that shows [●] where no finding points at it, nor an answer left open on purpose,
is reported once, by number, so that no open point reaches the other side unlisted.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, Protocol, TypeVar

from jinja2 import Environment, nodes

from termgen.drafting.outline import OutlinedClause
from termgen.findings.checks import PROMISES_AN_OPEN_POINT, Gap
from termgen.findings.coherence.reading import Reading
from termgen.model import Deal
from termgen.model.paths import AnswerPath, shape_at
from termgen.templating.missing import PLACEHOLDER, PLACEHOLDER_MARK

UNEXPLAINED = "unexplained_open_points"
LEFT_OPEN = "answers.left_open"
"""The provision of an answer left open on purpose: its mark prints wherever it is read."""
"""The check's name in provisions.yaml: run after every other, as it reads their findings."""
_REFERENCE = re.compile(r"(?<![\w.])[a-z_]+(?:\.[a-z_]+)+")
"""A dotted name in a template: 'company.funding.call_period'."""
_ALIAS = re.compile(r"\{%-?\s*set\s+(\w+)\s*=\s*([a-z_]+(?:\.[a-z_]+)+)\s*-?%\}")
"""`{% set funding = company.funding %}`: a short name for a part of the answers."""
_IF_TAG = re.compile(r"\{%-?\s*(?:el)?if\b(.*?)%\}", re.DOTALL)
_OUTPUT = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_JINJA = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
SHARED_PREFIX = 2
"""Path steps a clause id must share with a finding's answer path to be about it
('exit.assets' and exit › assets #2 › treatment)."""


class ClauseLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def provides(self) -> tuple[str, ...]: ...


C = TypeVar("C", bound=ClauseLike)


def clause_about(provision: str, path: AnswerPath, clauses: Iterable[C]) -> C | None:
    """The clause that provides the provision, else the one whose id shares the most of the
    answer path (at least `SHARED_PREFIX` steps)."""
    candidates = list(clauses)
    providing = next((clause for clause in candidates if provision in clause.provides), None)
    if providing is not None:
        return providing
    steps = [step for step in path if isinstance(step, str)]
    best, shared = None, SHARED_PREFIX - 1
    for clause in candidates:
        common = 0
        for ours, theirs in zip(clause.id.replace("-", "_").split("."), steps, strict=False):
            if ours != theirs:
                break
            common += 1
        if common > shared:
            best, shared = clause, common
    return best


class Explaining(Protocol):
    """A finding, as far as it explains an open point."""

    @property
    def provision(self) -> str: ...

    @property
    def path(self) -> AnswerPath: ...

    @property
    def section(self) -> str | None: ...

    @property
    def clause(self) -> str | None: ...

    @property
    def message(self) -> str: ...


def unexplained_open_points(
    reading: Reading, findings: Sequence[Explaining]
) -> list[tuple[str, Gap]]:
    """Each clause showing [●] that none of the findings explains, with its section.

    A finding explains the open points of the clause it is about (by number, by the provision
    the clause provides, or by the clause id its answer path shares), and of every clause
    whose template reads the answer it names: a notice left out of a trigger is the [●] of the
    trigger's clause, an answer left open on purpose the [●] of each clause that prints it.
    """
    reading.read_all()
    about: set[str] = set()
    for _, sections in reading.outline.documents:
        for section in sections:
            for finding in findings:
                # One that promises a [●] explains that one (by reading), not the clause's all.
                if (
                    finding.section != section.section.id
                    or PROMISES_AN_OPEN_POINT in finding.message
                ):
                    continue
                numbered = [c.id for c in section.clauses if c.number == finding.clause]
                found = clause_about(finding.provision, finding.path, section.clauses)
                about.update(numbered or ([found.id] if found else []))
    named = {steps[-1] for f in findings if (steps := [s for s in f.path if isinstance(s, str)])}
    left_open = {f.path[-1] for f in findings if f.provision == LEFT_OPEN and f.path}
    reads = re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(named)))})\b") if named else None
    gaps = []
    for _, sections in reading.outline.documents:
        for section in sections:
            for clause in section.clauses:
                count = reading.text(clause.id).count(PLACEHOLDER)
                if not count or clause.id in about:
                    continue
                # Each named answer explains one [●]: a clause that shows more has others.
                if (
                    reads is not None
                    and len(_named_where_missing(clause.choice.text, reads, left_open)) >= count
                ):
                    continue
                points = "an open point" if count == 1 else f"{count} open points"
                where = _answers_for(clause, reading.deal, count)
                message = f"shows {points} ([●]) that no other point explains; {_settle(count)}"
                gaps.append((section.section.id, reading.gap(message, where, clause.id)))
    return gaps


def clause_showing(
    reading: Reading, path: AnswerPath, section: str | None, left_open: bool
) -> tuple[str, str] | None:
    """The section and number of the clause (of `section`, if given) that shows a [●] where
    it prints the answer at `path` (`left_open` on purpose): where a finding that promises a
    [●] in the draft is to point."""
    steps = [step for step in path if isinstance(step, str)]
    if not steps:
        return None
    reads = re.compile(rf"\b{re.escape(steps[-1])}\b")
    for _, sections in reading.outline.documents:
        for outlined in sections:
            if section is not None and outlined.section.id != section:
                continue
            for clause in outlined.clauses:
                if PLACEHOLDER in reading.text(clause.id) and _named_where_missing(
                    clause.choice.text, reads, {steps[-1]} if left_open else set()
                ):
                    return outlined.section.id, clause.number
    return None


def _named_where_missing(text: str, reads: re.Pattern[str], left_open: set[Any]) -> set[str]:
    """The answers findings name that the template reads where their absence prints [●]:
    not one it reads only under its own `{% if %}` (a missing answer prints nothing there),
    unless it was left open on purpose (its mark is printed wherever it is read)."""
    found = {name for part in _jinja(text) for name in reads.findall(part)}
    guarded = _only_guarded(text) if found else set()
    return {name for name in found if name in left_open or name not in guarded}


def _only_guarded(text: str) -> set[str]:
    """The last steps of the answers a template reads only where its own truth is tested
    (`{% if goals.scope.regions %}` and in that block), and nowhere else."""
    aliases = dict(_ALIAS.findall(text))
    guarded: set[str] = set()
    unguarded: set[str] = set()

    def dotted_name(node: nodes.Node) -> str | None:
        if isinstance(node, nodes.Name):
            return _unaliased(aliases.get(node.name, node.name), aliases)
        if isinstance(node, nodes.Getattr):
            head = dotted_name(node.node)
            return None if head is None else f"{head}.{node.attr}"
        return None

    def tested(test: nodes.Node) -> set[str]:
        """The answers a condition holds true only when they are given."""
        if isinstance(test, nodes.And):
            return tested(test.left) | tested(test.right)
        name = dotted_name(test)
        return {name} if name else set()

    def visit(node: nodes.Node, holding: frozenset[str]) -> None:
        if isinstance(node, nodes.If):
            for branch in (node, *node.elif_):
                inside = holding | tested(branch.test)
                visit(branch.test, inside)
                for child in branch.body:
                    visit(child, inside)
            for child in node.else_:
                visit(child, holding)
            return
        name = dotted_name(node)
        if name is not None:
            (guarded if name in holding else unguarded).add(name.rpartition(".")[2])
            return
        for child in node.iter_child_nodes():
            visit(child, holding)

    visit(_PARSER.parse(text), frozenset())
    return guarded - unguarded


def _settle(count: int) -> str:
    """How to settle `count` open points of a clause, in the interview's terms: the finding
    names the question (and, for those who edit the answer file, its line)."""
    if count == 1:
        return "give the answer it needs, or choose '(leave open)' at its question to keep it open"
    return (
        "give the answers they need, or choose '(leave open)' at their questions to keep them open"
    )


def _jinja(text: str) -> list[str]:
    """What a template computes, without its prose: a finding about `contributions › start`
    explains a clause that reads `.start`, not one that says "start" in a sentence."""
    return ["".join(parts) for parts in _JINJA.findall(text)]


def _answered(deal: Deal, path: AnswerPath) -> bool:
    """Whether the answers give a value at `path`."""
    value: Any = deal
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and step < len(value) else None
        else:
            value = getattr(value, step, None)
        if value is None:
            return False
    return value not in ("", [], PLACEHOLDER_MARK)


def _answers_for(clause: OutlinedClause, deal: Deal, count: int) -> AnswerPath:
    """Where in the answers to settle the clause: the one unanswered answer its template prints
    unguarded ('company.funding.call_period', where `dilution_discount` is printed only
    `{% if %}` given), or for `count` one [●] the one it prints in a branch the answers take;
    else the place its id names, if that is deeper than a part of the
    answers ('company.board' is company › board); else the deepest place common to what its
    template reads most ('company.funding.call_period', 'company.funding.on_default' ->
    company › funding)."""
    text = clause.choice.text
    aliases = dict(_ALIAS.findall(text))
    guarded = {
        _unaliased(name, aliases)
        for tag in _IF_TAG.findall(text)
        for name in _REFERENCE.findall(tag)
    }
    printed = {
        unaliased
        for expression in _OUTPUT.findall(text)
        for name in _REFERENCE.findall(expression)
        if (unaliased := _unaliased(name, aliases)) not in guarded
        and shape_at(Deal, unaliased.split(".")) is not None
    }
    unanswered = [name for name in sorted(printed) if not _answered(deal, tuple(name.split(".")))]
    if len(unanswered) > 1 and count == 1:
        # One [●] is one answer: of those, the one printed in a branch the answers take (a
        # Russian roulette prints the response period, not a put and call's call holder).
        reachable = _printed_where_reached(text, deal, aliases)
        unanswered = [name for name in unanswered if name in reachable] or unanswered
    if len(unanswered) == 1:
        return tuple(unanswered[0].split("."))
    steps = clause.id.replace("-", "_").split(".")
    named = [tuple(part) for part in (steps[:2], steps[:1]) if shape_at(Deal, part) is not None]
    if named and len(named[0]) == 2:
        return named[0]
    read = [
        parts
        for reference in _REFERENCE.findall(text)
        if shape_at(Deal, parts := reference.split(".")) is not None
    ]
    if read:
        most = Counter(parts[0] for parts in read).most_common(1)[0][0]
        common: list[str] = []
        for names in zip(*(parts for parts in read if parts[0] == most), strict=False):
            if len(set(names)) > 1:
                break
            common.append(names[0])
        return tuple(common)
    return named[0] if named else ()


_PARSER = Environment()
"""Parses a clause's template into its branches; it renders nothing."""


def _printed_where_reached(text: str, deal: Deal, aliases: dict[str, str]) -> set[str]:
    """The answers a template prints outside every branch that the deal's answers rule out
    (`{% if deadlock.mechanism == 'put_call' %}` where the mechanism is another); a condition
    it cannot tell from the answers alone counts as met."""
    reached: set[str] = set()

    def dotted_name(node: nodes.Node) -> str | None:
        if isinstance(node, nodes.Name):
            return aliases.get(node.name, node.name)
        if isinstance(node, nodes.Getattr):
            head = dotted_name(node.node)
            return None if head is None else f"{head}.{node.attr}"
        return None

    def value(node: nodes.Node) -> tuple[bool, Any]:
        """(known, value) of an answer a condition reads."""
        name = dotted_name(node)
        steps = name.split(".") if name else []
        if not steps or steps[0] not in Deal.model_fields:
            return False, None
        found: Any = deal
        for step in steps:
            found = getattr(found, step, None)
            if found is None:
                break
        return True, getattr(found, "value", found)

    def truth(test: nodes.Node) -> bool | None:
        if isinstance(test, nodes.Not):
            inner = truth(test.node)
            return None if inner is None else not inner
        if isinstance(test, nodes.And | nodes.Or):
            sides = (truth(test.left), truth(test.right))
            decisive = isinstance(test, nodes.Or)
            if decisive in sides:
                return decisive
            return None if None in sides else not decisive
        if isinstance(test, nodes.Compare) and len(test.ops) == 1:
            known, left = value(test.expr)
            right = test.ops[0].expr
            if known and isinstance(right, nodes.Const) and test.ops[0].op in ("eq", "ne"):
                return bool(left == right.value) == (test.ops[0].op == "eq")
            return None
        known, found = value(test)
        return bool(found) if known else None

    def visit(node: nodes.Node, open_: bool) -> None:
        if isinstance(node, nodes.If):
            taken = False  # a branch before this one is certainly taken
            for branch in (node, *node.elif_):
                met = truth(branch.test)
                for child in branch.body:
                    visit(child, open_ and not taken and met is not False)
                taken = taken or met is True
            for child in node.else_:
                visit(child, open_ and not taken)
            return
        if open_ and isinstance(node, nodes.Name | nodes.Getattr):
            name = dotted_name(node)
            if name is not None:
                reached.add(name)
        for child in node.iter_child_nodes():
            visit(child, open_)

    visit(_PARSER.parse(text), True)
    return reached


def _unaliased(name: str, aliases: dict[str, str]) -> str:
    """'funding.call_period' after `{% set funding = company.funding %}`:
    'company.funding.call_period'."""
    head, _, rest = name.partition(".")
    return f"{aliases[head]}.{rest}" if head in aliases else name
