"""The sandboxed Jinja environment: no Python internals, a budget per run, and missing values
become [●].

Two layers keep counsel's text harmless. Names that reach into Python are refused (statically
by `templating.check`, and again here at run time). Every run of a template or condition gets
a budget (`templating.budget`): the code Jinja generates charges each loop iteration, joins
text through `joined` and writes output through `concat`, and the overrides below measure
operators, calls and filters. Any failure inside a run becomes a `RenderError` with the line
of the template where it happened.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator, Mapping, Set
from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateSyntaxError, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, TemplateError, TemplateRuntimeError
from jinja2.parser import Parser
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import SandboxedEnvironment, modifies_known_mutable
from markupsafe import Markup, soft_str
from pydantic import BaseModel

from termgen.templating.budget import CLAUSE_LIMITS, CONDITION_LIMITS, Budget, Limits
from termgen.templating.filters import FILTERS, TESTS
from termgen.templating.guards import before_binop, before_call, guarded_filters
from termgen.templating.missing import MISSING, PLACEHOLDER_MARK, is_missing
from termgen.wording import DEFAULT_STYLE, HouseStyle, in_prose

BLOCKED_NAMES = frozenset(
    {
        "mro",
        "format",
        "format_map",
        "func_globals",
        "f_globals",
        "f_locals",
        "gi_frame",
        "gi_code",
        "cr_frame",
        "co_code",
        "tb_frame",
        "im_func",
        "model_construct",
        "model_validate",
        "model_copy",
        "model_dump",
    }
)
LOADING = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
"""Tags that load other templates: there are none to load, so they are refused."""

_TAG_LINE = re.compile(r"^([ \t]*\{%(?:(?!%\}).)*%\}[ \t]*)\n", re.MULTILINE)


CHANGING_METHODS = {
    "list": frozenset({"append", "clear", "extend", "insert", "pop", "remove", "reverse", "sort"}),
    "dict": frozenset({"clear", "pop", "popitem", "setdefault", "update"}),
}
"""Methods of the deal's lists and mappings (and a template's own) that change them in place.

A template reads the deal and changes nothing: a clause that emptied `parties` would take the
parties out of every text rendered after it, the annex and the findings too."""


def is_blocked(name: str) -> bool:
    """Whether a template may never reach an attribute or key of this name."""
    return name.startswith("_") or name in BLOCKED_NAMES


def changing_refused(name: str, kind: str) -> str:
    """Why a method that changes a list or mapping in place is refused."""
    return (
        f"refused: '{name}' would change the {kind} it is called on; a template reads the "
        "deal and changes nothing"
    )


def internals_refused(name: str) -> str:
    """Why an attribute of Python's own (`__class__`, `mro`) is refused."""
    return f"refused: '{name}' reaches into Python internals; only deal fields may be read"


@cache
def _model_attribute(model: type[BaseModel], attr: str) -> bool:
    """Whether a template may read this attribute of a model: a field or a property. Asked
    once per model and name: a clause that filters a deal's thousand contributions asks it
    thousands of times, and pydantic's `model_fields` is slow to get from a model class."""
    return attr in model.model_fields or isinstance(getattr(model, attr, None), property)


class RenderError(TemplateRuntimeError):
    """A template or condition that failed while it ran, at `line` of its text (if known)."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.line = line


class _BudgetedCode(CodeGenerator):
    """Jinja's code, except that loops count their items and `~` joins within the budget."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if not node.recursive:  # a recursive loop is counted where it calls itself
            node = copy.copy(node)
            counted = nodes.EnvironmentAttribute("counted", lineno=node.iter.lineno)
            node.iter = nodes.Call(counted, [node.iter], [], None, None, lineno=node.iter.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.joined((")
        for part in node.nodes:
            self.visit(part, frame)
            self.write(", ")
        escaping = frame.eval_ctx.autoescape
        self.write(
            "), context.eval_ctx.autoescape)" if frame.eval_ctx.volatile else f"), {escaping!r})"
        )


class BudgetedTemplate(Template):
    """A template whose every run starts a fresh budget and fails as a `RenderError`."""

    limits: Limits | None = None
    """For conditions: their own, tighter limits; None means the environment's."""

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> Context:
        environment = self.environment
        assert isinstance(environment, Sandbox)
        environment.budget = Budget(self.limits or environment.limits)
        return super().new_context(vars, shared, locals)

    def render(self, *args: Any, **kwargs: Any) -> str:
        context = self.new_context(dict(*args, **kwargs))
        try:
            return self.environment.concat(self.root_render_func(context))
        except Exception as failed:  # any error inside counsel's template is the template's
            raise render_error(failed) from None


class Condition:
    """A compiled condition: call it with the names it reads; it returns the value."""

    def __init__(self, template: BudgetedTemplate) -> None:
        template.limits = CONDITION_LIMITS
        self.template = template

    def __call__(self, **names: Any) -> Any:
        context = self.template.new_context(names)
        try:
            for _ in self.template.root_render_func(context):
                pass
        except Exception as failed:  # any error inside counsel's condition is the condition's
            raise render_error(failed) from None
        return context.vars["result"]


def render_error(failed: Exception) -> RenderError:
    """The error of a failed run, in words, at the template line where it happened."""
    if isinstance(failed, RenderError):
        return failed
    line = getattr(failed, "lineno", None)
    traceback = failed.__traceback__
    while traceback is not None:
        template = traceback.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            line = template.get_corresponding_lineno(traceback.tb_lineno)
        traceback = traceback.tb_next
    if isinstance(failed, TemplateError):
        message = failed.message or type(failed).__name__
    else:
        message = failure_words(failed)
    return RenderError(message, line)


def _kind(value: Any) -> str:
    if isinstance(value, Mapping):
        return "mapping"
    return "set" if isinstance(value, Set) else "list"


def failure_words(failed: Exception) -> str:
    """What went wrong in a run, where Python's own words would not say: an OverflowError
    is "(34, 'Numerical result out of range')"."""
    if isinstance(failed, RecursionError):
        return "it nests too deeply"
    if isinstance(failed, OverflowError):
        return "it makes a number too large to hold"
    return f"{failed} ({type(failed).__name__})"


class Sandbox(SandboxedEnvironment):
    """Jinja that can read deal data and nothing else, never fails on a missing value, and
    stops every run that goes over its budget."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    budget: Budget
    """The budget of the run under way; each run starts a new one."""
    code_generator_class = _BudgetedCode
    template_class = BudgetedTemplate

    def __init__(
        self,
        *,
        autoescape: bool = False,
        placeholder: str = PLACEHOLDER_MARK,
        tag_lines_vanish: bool = True,
        limits: Limits = CLAUSE_LIMITS,
        style: HouseStyle = DEFAULT_STYLE,
    ) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=autoescape,
            finalize=self._finalize,
            lstrip_blocks=tag_lines_vanish,
        )
        self.placeholder = placeholder
        self.style = style
        """How dates and lengths of time are written wherever a template prints one."""
        self.tag_lines_vanish = tag_lines_vanish
        self.limits = limits
        self.budget = Budget(limits)
        self._conditions: dict[str, Condition] = {}
        self.globals.clear()
        self.filters.update(FILTERS)
        self.filters = guarded_filters(self.filters, lambda: self.budget)
        self.tests.update(TESTS)

    def _finalize(self, value: Any) -> Any:
        if is_missing(value):
            return self.placeholder
        return in_prose(self.budget.measure(value), self.style)

    def preprocess(self, source: str, name: str | None = None, filename: str | None = None) -> str:
        """A line holding only a block tag leaves no line behind; line numbers stay as written."""
        if self.tag_lines_vanish:
            source = _TAG_LINE.sub(r"\1{#\n#}", source)
        return super().preprocess(source, name, filename)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        loading = next(tree.find_all(LOADING), None)
        if loading is not None:
            raise TemplateSyntaxError(
                "templates cannot include, import or extend other templates",
                loading.lineno,
                name,
                filename,
            )
        return tree

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if is_blocked(attr):
            return False
        if isinstance(obj, BaseModel):
            return _model_attribute(type(obj), attr)
        if modifies_known_mutable(obj, attr):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        if modifies_known_mutable(obj, attribute):
            raise SecurityError(changing_refused(attribute, _kind(obj)))
        # Reached by a name the static check cannot see (`attr('__class__')`, `x[name]`): an
        # error, never a [●] that hides the attempt.
        if is_blocked(attribute):
            raise SecurityError(internals_refused(attribute))
        return self.undefined(
            internals_refused(attribute), obj=obj, name=attribute, exc=SecurityError
        )

    def getattr(self, obj: Any, attribute: str) -> Any:
        if obj is MISSING:
            return MISSING
        value = super().getattr(obj, attribute)
        if value is None or (isinstance(value, Undefined) and isinstance(obj, Mapping)):
            return MISSING
        return value

    def getitem(self, obj: Any, argument: Any) -> Any:
        if obj is MISSING:
            return MISSING
        value = super().getitem(obj, argument)
        return MISSING if value is None else value

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.budget.step()
        before_binop(self.budget, operator, left, right)
        return self.budget.measure(super().call_binop(context, operator, left, right))

    def call(
        __self, __context: Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:  # Jinja's own names, so that no keyword argument can clash
        budget = __self.budget
        budget.step()
        args = before_call(budget, __obj, args, kwargs)
        nests = isinstance(__obj, Macro | LoopContext)
        if nests:
            budget.enter()
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            if nests:
                budget.leave()
        return budget.measure(result)

    def counted(self, items: Iterable[Any]) -> Iterator[Any]:
        """What a loop iterates, one step per item (called from the generated code)."""
        budget = self.budget
        for item in items:
            budget.step()
            yield item

    def joined(self, parts: tuple[Any, ...], escaping: bool) -> str:
        """`a ~ b ~ c` (called from the generated code): measured before the text is made."""
        budget = self.budget
        budget.step()
        texts = [
            soft_str(budget.measure(part)) if escaping else str(budget.measure(part))
            for part in parts
        ]
        budget.length(sum(map(len, texts)))
        if escaping and any(hasattr(text, "__html__") for text in texts):
            return Markup("").join(texts)
        return "".join(texts)

    def concat(self, pieces: Iterable[str]) -> str:
        """All output of a run, a macro or a block, counted as it is produced."""
        budget = self.budget
        most = budget.limits.output  # compared here, not in a call a piece: thousands of them
        kept: list[str] = []
        total = 0
        for piece in pieces:
            total += len(piece)
            if total > most:
                budget.output(total)
            kept.append(piece)
        return "".join(kept)

    def parse_expression(self, source: str) -> nodes.Expr:
        """The syntax tree of one expression, as `compile_expression` would read it."""
        parser = Parser(self, source, state="variable")
        expression = parser.parse_expression()
        if not parser.stream.eos:
            token = parser.stream.current
            parser.fail(f"unexpected '{token.value}' after the condition", token.lineno)
        return expression

    def condition(self, source: str | nodes.Expr) -> Condition:
        """A compiled condition, from its text or its parsed tree; call it with the names it reads.

        Conditions given as text are compiled once per environment: the interview asks the same
        ones at every step.
        """
        if isinstance(source, str):
            if source not in self._conditions:
                self._conditions[source] = self.condition(self.parse_expression(source))
            return self._conditions[source]
        template = self.from_string(condition_template(source))
        assert isinstance(template, BudgetedTemplate)
        return Condition(template)


def condition_template(expression: nodes.Expr) -> nodes.Template:
    """A template that stores the expression's value, as `TemplateExpression` reads it."""
    return nodes.Template(
        [nodes.Assign(nodes.Name("result", "store"), expression, lineno=1)], lineno=1
    )
