"""Clause texts and conditions checked and compiled once, then kept in the cache by source.

Parsing, checking and compiling the library's templates is most of the time a draft spends in
Jinja; the code Jinja compiles them to depends only on their text, so a cached draft loads it.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from typing import Any

from jinja2 import Template, nodes
from jinja2.environment import TemplateExpression

from termgen.cache import Cache, remembered
from termgen.templating.check import Scope, TemplateIssue, checked
from termgen.templating.sandbox import Sandbox, condition_template

_KIND = "compiled template"


def compiled_text(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None
) -> tuple[Template | None, list[TemplateIssue]]:
    """The template of a clause text, or None and the issues that refuse it."""
    return _compiled(env, source, scope, cache, expression=False)


def compiled_condition(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None
) -> tuple[Callable[..., Any] | None, list[TemplateIssue]]:
    """A condition to call with the names it reads, or None and the issues that refuse it."""
    template, issues = _compiled(env, source, scope, cache, expression=True)
    if template is None:
        return None, issues
    return TemplateExpression(template, undefined_to_none=False), issues


def _compiled(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None, *, expression: bool
) -> tuple[Template | None, list[TemplateIssue]]:
    def compile_checked() -> tuple[bytes | None, list[TemplateIssue]]:
        tree, issues = checked(env, source, scope, expression=expression)
        if issues:
            return None, issues
        if isinstance(tree, nodes.Expr):
            tree = condition_template(tree)
        assert isinstance(tree, nodes.Template)
        return marshal.dumps(env.compile(tree)), issues

    # What the compiled code and the issues depend on besides the source itself.
    settings = f"{expression}|{env.autoescape}|{env.tag_lines_vanish}|{','.join(sorted(scope))}"
    code, issues = remembered(cache, _KIND, f"{settings}\0{source}".encode(), compile_checked)
    if code is None:
        return None, issues
    template = env.template_class.from_code(env, marshal.loads(code), env.make_globals(None))
    return template, issues
