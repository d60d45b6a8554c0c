"""The sandboxed Jinja environment: no Python internals, and missing values become [●]."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import StrictUndefined, Undefined, nodes
from jinja2.environment import TemplateExpression
from jinja2.exceptions import SecurityError
from jinja2.parser import Parser
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from termgen.templating.filters import FILTERS, TESTS
from termgen.templating.missing import MISSING, PLACEHOLDER_MARK, is_missing

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
_TAG_LINE = re.compile(r"^([ \t]*\{%(?:(?!%\}).)*%\}[ \t]*)\n", re.MULTILINE)
_MAX_REPEAT = 10_000
_MAX_EXPONENT = 100


def is_blocked(name: str) -> bool:
    """Whether a template may never reach an attribute or key of this name."""
    return name.startswith("_") or name in BLOCKED_NAMES


class Sandbox(SandboxedEnvironment):
    """Jinja that can read deal data and nothing else, and never fails on a missing value."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(
        self,
        *,
        autoescape: bool = False,
        placeholder: str = PLACEHOLDER_MARK,
        tag_lines_vanish: bool = True,
    ) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=autoescape,
            finalize=lambda value: placeholder if is_missing(value) else value,
            lstrip_blocks=tag_lines_vanish,
        )
        self.tag_lines_vanish = tag_lines_vanish
        self._conditions: dict[str, Callable[..., Any]] = {}
        self.globals.clear()
        self.filters.update(FILTERS)
        self.tests.update(TESTS)

    def preprocess(self, source: str, name: str | None = None, filename: str | None = None) -> str:
        """A line holding only a block tag leaves no line behind; line numbers stay as written."""
        if self.tag_lines_vanish:
            source = _TAG_LINE.sub(r"\1{#\n#}", source)
        return super().preprocess(source, name, filename)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if is_blocked(attr):
            return False
        if isinstance(obj, BaseModel):
            return attr in type(obj).model_fields or isinstance(
                getattr(type(obj), attr, None), property
            )
        return bool(super().is_safe_attribute(obj, attr, value))

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
        if operator == "**" and isinstance(right, int) and right > _MAX_EXPONENT:
            raise SecurityError("exponent too large for a clause")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                repeats = isinstance(sequence, str | list | tuple) and isinstance(count, int)
                if repeats and count > _MAX_REPEAT:
                    raise SecurityError("repetition too large for a clause")
        return super().call_binop(context, operator, left, right)

    def parse_expression(self, source: str) -> nodes.Expr:
        """The syntax tree of one expression, as `compile_expression` would read it."""
        parser = Parser(self, source, state="variable")
        expression = parser.parse_expression()
        if not parser.stream.eos:
            token = parser.stream.current
            parser.fail(f"unexpected '{token.value}' after the condition", token.lineno)
        return expression

    def condition(self, source: str | nodes.Expr) -> Callable[..., Any]:
        """A compiled condition, from its text or its parsed tree; call it with the names it reads.

        Conditions given as text are compiled once per environment: the interview asks the same
        ones at every step.
        """
        if isinstance(source, str):
            if source not in self._conditions:
                self._conditions[source] = self.condition(self.parse_expression(source))
            return self._conditions[source]
        template = self.from_string(condition_template(source))
        return TemplateExpression(template, undefined_to_none=False)


def condition_template(expression: nodes.Expr) -> nodes.Template:
    """A template that stores the expression's value, as `TemplateExpression` reads it."""
    return nodes.Template(
        [nodes.Assign(nodes.Name("result", "store"), expression, lineno=1)], lineno=1
    )
