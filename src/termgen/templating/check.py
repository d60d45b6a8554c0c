"""Static checks of clause text and conditions, before anything is rendered.

Two kinds of issue: access to Python internals (refused, so hostile text never runs) and
names or fields the deal model does not have (walked along attribute paths and loops).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, nodes

from termgen.model.paths import Shape, shape_of
from termgen.suggest import with_suggestion
from termgen.templating.budget import CLAUSE_LIMITS, CONDITION_LIMITS
from termgen.templating.sandbox import (
    CHANGING_METHODS,
    Sandbox,
    changing_refused,
    internals_refused,
    is_blocked,
)
from termgen.templating.unbounded import unbounded

Scope = dict[str, Shape | None]
"""Names a template may read, each with the shape of its value (None when any is fine)."""

_KEEPS_LIST = frozenset({"selectattr", "rejectattr", "sort", "list", "unique", "reverse"})
_PICKS_ITEM = frozenset({"first", "last", "min", "max"})
_MACRO_NAMES = ("caller", "varargs", "kwargs")


@dataclass(frozen=True)
class TemplateIssue:
    """A problem at a line (1-based) of a template or condition."""

    line: int
    message: str
    unsafe: bool = False


def template_issues(
    env: Sandbox, source: str, scope: Mapping[str, Shape | None], *, expression: bool = False
) -> list[TemplateIssue]:
    """Syntax errors, unsafe access and unknown names in a template or condition."""
    return checked(env, source, scope, expression=expression)[1]


SYNTAX_ADVICE = "close each '{{' with '}}' and each '{%' with '%}', and check the words between"


def checked(
    env: Sandbox, source: str, scope: Mapping[str, Shape | None], *, expression: bool = False
) -> tuple[nodes.Node | None, list[TemplateIssue]]:
    """The syntax tree (None when it does not parse) and the issues, from one parse."""
    try:
        tree: nodes.Node = env.parse_expression(source) if expression else env.parse(source)
        walker = _Walker(env)
        walker.visit(tree, dict(scope))
        limits = CONDITION_LIMITS if expression else CLAUSE_LIMITS
        found = [TemplateIssue(issue.line, issue.message) for issue in unbounded(tree, limits)]
    except TemplateSyntaxError as bad:
        said = (bad.message or "it does not parse").rstrip(".")
        return None, [TemplateIssue(bad.lineno or 1, f"template syntax: {said}; {SYNTAX_ADVICE}")]
    except (RecursionError, ValueError):  # brackets nested thousands deep, a 5,000-digit number
        return None, [TemplateIssue(1, "the text nests too deeply or holds a number too long")]
    return tree, walker.issues + found


SHARED_ONLY_SETS = (
    "a shared block only sets names ({% set %}) and defines macros ({% macro %}) for the "
    "clause's texts, and what it prints never reaches the draft; move words and tests into "
    "the texts, or compute a value with an inline 'if'"
)


def shared_names(
    env: Sandbox, source: str, scope: Mapping[str, Shape | None]
) -> tuple[list[str], list[TemplateIssue]]:
    """The names a clause's shared block sets or defines for its texts, and its issues: those
    of any text, anything it would print, and a name the texts already read."""
    tree, issues = checked(env, source, scope)
    if tree is None:
        return [], issues
    names: list[str] = []
    for node in tree.iter_child_nodes():
        if isinstance(node, nodes.Assign | nodes.AssignBlock):
            targets = node.target.items if isinstance(node.target, nodes.Tuple) else [node.target]
            found = [target.name for target in targets if isinstance(target, nodes.Name)]
        elif isinstance(node, nodes.Macro):
            found = [node.name]
        else:
            printed = _first_printed_line(node)
            if printed is not None:
                issues.append(TemplateIssue(printed, SHARED_ONLY_SETS))
            continue
        for name in found:
            if name in scope:
                issues.append(
                    TemplateIssue(
                        node.lineno or 1,
                        f"the shared block sets '{name}', a name the texts already read; "
                        "choose another name",
                    )
                )
        names += found
    return names, issues


def _first_printed_line(node: nodes.Node) -> int | None:
    """The line of the first thing a top-level node prints, None when it prints only blanks."""
    if not isinstance(node, nodes.Output):
        return node.lineno or 1
    for part in node.nodes:
        if not isinstance(part, nodes.TemplateData):
            return part.lineno or 1
        words = part.data.lstrip()
        if words:
            return (part.lineno or 1) + part.data[: len(part.data) - len(words)].count("\n")
    return None


def model_scope(root: Shape, extra: Mapping[str, Shape | None] | None = None) -> Scope:
    """Top-level names of a model as a scope, plus any helper names."""
    assert root.kind == "model" and root.model is not None
    scope: Scope = {
        name: shape_of(field.annotation) for name, field in root.model.model_fields.items()
    }
    scope.update(extra or {})
    return scope


def _described(model: type) -> str:
    """'ExitTrigger' -> 'an exit trigger'."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__).lower()
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


class _Walker:
    def __init__(self, env: Sandbox) -> None:
        self.env = env
        self.issues: list[TemplateIssue] = []

    def issue(self, node: nodes.Node, message: str, unsafe: bool = False) -> None:
        """Report a problem once per line: a name read twice on a line is one mistake."""
        found = TemplateIssue(node.lineno or 1, message, unsafe)
        if found not in self.issues:
            self.issues.append(found)

    def visit(self, node: nodes.Node, scope: Scope) -> None:
        handler = getattr(self, f"visit_{type(node).__name__}", None)
        if handler is not None:
            handler(node, scope)
        elif isinstance(node, nodes.Expr):
            self.infer(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def visit_For(self, node: nodes.For, scope: Scope) -> None:
        inner = dict(scope)
        inner["loop"] = None
        iterated = self.infer(node.iter, scope)
        items_of = _items_call_target(node.iter)
        if isinstance(node.target, nodes.Tuple) and items_of is not None:
            mapping = self.infer(items_of, scope)
            value = shape_of(mapping.item) if mapping and mapping.kind == "dict" else None
            shapes: list[Shape | None] = [None, value]
            for target, shape in zip(node.target.items, shapes, strict=False):
                self.bind(target, shape, inner)
        else:
            item = shape_of(iterated.item) if iterated and iterated.kind == "list" else None
            self.bind(node.target, item, inner)
        if node.test is not None:
            self.infer(node.test, inner)
        for child in node.body:
            self.visit(child, inner)
        for child in node.else_:
            self.visit(child, scope)

    def visit_Assign(self, node: nodes.Assign, scope: Scope) -> None:
        self.bind(node.target, self.infer(node.node, scope), scope)

    def visit_AssignBlock(self, node: nodes.AssignBlock, scope: Scope) -> None:
        for child in node.body:
            self.visit(child, scope)
        self.bind(node.target, None, scope)

    def visit_Macro(self, node: nodes.Macro, scope: Scope) -> None:
        scope[node.name] = None
        inner = dict(scope)
        for name in _MACRO_NAMES:
            inner[name] = None
        for argument in node.args:
            inner[argument.name] = None
        for default in node.defaults:
            self.infer(default, scope)
        for child in node.body:
            self.visit(child, inner)

    def visit_CallBlock(self, node: nodes.CallBlock, scope: Scope) -> None:
        self.infer(node.call, scope)
        inner = dict(scope)
        for argument in node.args:
            inner[argument.name] = None
        for child in node.body:
            self.visit(child, inner)

    def visit_With(self, node: nodes.With, scope: Scope) -> None:
        inner = dict(scope)
        for target, value in zip(node.targets, node.values, strict=False):
            self.bind(target, self.infer(value, scope), inner)
        for child in node.body:
            self.visit(child, inner)

    def _refuse_loading(self, node: nodes.Node, scope: Scope) -> None:
        self.issue(node, "clause text cannot include or import other templates")

    visit_Include = visit_Import = visit_FromImport = visit_Extends = _refuse_loading

    def bind(self, target: nodes.Node, shape: Shape | None, scope: Scope) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)
        else:
            self.visit(target, scope)

    def infer(self, node: nodes.Node, scope: Scope) -> Shape | None:
        """The shape of an expression's value, reporting what it cannot read on the way."""
        if isinstance(node, nodes.Name):
            if node.ctx == "load" and node.name not in scope:
                known = [name for name in scope if name != "loop"]
                self.issue(node, with_suggestion(f"unknown name '{node.name}'", node.name, known))
            return scope.get(node.name)
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, self.infer(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.infer(node.node, scope)
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            self.infer(node.arg, scope)
            if isinstance(key, str):
                return self.attribute(node, base, key)
            return shape_of(base.item) if base and base.kind in ("list", "dict") else None
        if isinstance(node, nodes.Filter | nodes.Test):
            return self.filter_or_test(node, scope)
        for child in node.iter_child_nodes():
            self.visit(child, scope)
        return None

    def attribute(self, node: nodes.Node, base: Shape | None, name: str) -> Shape | None:
        if is_blocked(name):
            self.issue(node, internals_refused(name), unsafe=True)
            return None
        if base is not None and name in CHANGING_METHODS.get(base.kind, ()):
            kind = "mapping" if base.kind == "dict" else base.kind
            self.issue(node, changing_refused(name, kind), unsafe=True)
            return None
        if base is None or base.kind != "model" or base.model is None:
            return shape_of(base.item) if base and base.kind == "dict" else None
        fields = base.model.model_fields
        if name in fields:
            return shape_of(fields[name].annotation)
        if not isinstance(getattr(base.model, name, None), property):
            problem = f"'{name}' is not a field of {_described(base.model)}"
            self.issue(node, with_suggestion(problem, name, list(fields)))
        return None

    def filter_or_test(self, node: nodes.Filter | nodes.Test, scope: Scope) -> Shape | None:
        base = self.infer(node.node, scope) if node.node is not None else None
        for child in (*node.args, *node.kwargs):
            self.visit(child, scope)
        for named in _string_arguments(node):
            if is_blocked(named):
                self.attribute(node, None, named)
        known = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
        if node.name not in known:
            kind = "filter" if isinstance(node, nodes.Filter) else "test"
            self.issue(
                node, with_suggestion(f"unknown {kind} '{node.name}'", node.name, list(known))
            )
        if isinstance(node, nodes.Filter) and base is not None and base.kind == "list":
            if node.name in _KEEPS_LIST:
                return base
            if node.name in _PICKS_ITEM:
                return shape_of(base.item)
        return None


def _string_arguments(node: nodes.Filter | nodes.Test) -> list[str]:
    """Names passed as text, as `attr('x')` and `map(attribute='x')` do."""
    values = [*node.args, *(keyword.value for keyword in node.kwargs)]
    return [v.value for v in values if isinstance(v, nodes.Const) and isinstance(v.value, str)]


def _items_call_target(node: nodes.Node) -> nodes.Node | None:
    """`x` when `node` is `x.items()`, the loop over a mapping's keys and values."""
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Getattr)
        and node.node.attr == "items"
        and not node.args
    ):
        return node.node.node
    return None


def paths_read(env: Sandbox, condition: str | None) -> set[str]:
    """Dotted paths a condition reads, e.g. {'exit.renewal.type'}."""
    if condition is None:
        return set()
    paths = set()
    expression = env.parse_expression(condition)
    inner = {id(node.node) for node in expression.find_all(nodes.Getattr)}
    for node in expression.find_all(nodes.Getattr):
        if id(node) in inner:
            continue
        chain = [node.attr]
        target = node.node
        while isinstance(target, nodes.Getattr):
            chain.insert(0, target.attr)
            target = target.node
        if isinstance(target, nodes.Name):
            paths.add(".".join([target.name, *chain]))
    return paths
