"""Clause texts and conditions checked and compiled once, then kept in the cache by source.

Parsing, checking and compiling the library's templates is most of the time a draft spends in
Jinja; the code Jinja compiles them to depends only on their text, so a cached draft loads it.
The checks depend only on the text's skeleton (`templating.skeleton`), so a text whose
skeleton passed them before in this process is parsed and compiled without checking again:
an overlay's variants of one clause are checked once.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable

from jinja2 import Template, nodes

from termgen.cache import Cache, remembered
from termgen.templating.check import Scope, TemplateIssue, checked
from termgen.templating.sandbox import BudgetedTemplate, Condition, Sandbox, condition_template
from termgen.templating.skeleton import skeleton

_KIND = "compiled template"
_PASSED: set[str] = set()
"""Settings and skeletons whose texts the checks found nothing in."""


def compiled_text(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None
) -> tuple[Template | None, list[TemplateIssue]]:
    """The template of a clause text, or None and the issues that refuse it."""
    return _compiled(env, source, scope, cache, expression=False)


def compiled_condition(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None
) -> tuple[Condition | None, list[TemplateIssue]]:
    """A condition to call with the names it reads, or None and the issues that refuse it."""
    template, issues = _compiled(env, source, scope, cache, expression=True)
    if template is None:
        return None, issues
    return Condition(template), issues


def prefetch_texts(env: Sandbox, sources: Iterable[str], scope: Scope, cache: Cache | None) -> None:
    """Read the cached code of many clause texts in a few queries, before they are compiled."""
    if cache is not None:
        cache.prefetch(_KIND, (_key(env, source, scope, expression=False) for source in sources))


def _key(env: Sandbox, source: str, scope: Scope, *, expression: bool) -> bytes:
    return f"{_settings(env, scope, expression=expression)}\0{source}".encode()


def _settings(env: Sandbox, scope: Scope, *, expression: bool) -> str:
    # What the compiled code and the issues depend on besides the source itself.
    return f"{expression}|{env.autoescape}|{env.tag_lines_vanish}|{','.join(sorted(scope))}"


def _checked_once(
    env: Sandbox, source: str, scope: Scope, *, expression: bool
) -> tuple[nodes.Node | None, list[TemplateIssue]]:
    """`checked`, skipping the checks for a text whose skeleton passed them before. A
    condition is all expression, with no words to leave out: it is its own key."""
    shape = source if expression else skeleton(source)
    passed = f"{_settings(env, scope, expression=expression)}\0{shape}"
    if passed in _PASSED:
        return env.parse_expression(source) if expression else env.parse(source), []
    tree, issues = checked(env, source, scope, expression=expression)
    if not issues:
        _PASSED.add(passed)
    return tree, issues


def _compiled(
    env: Sandbox, source: str, scope: Scope, cache: Cache | None, *, expression: bool
) -> tuple[BudgetedTemplate | None, list[TemplateIssue]]:
    def compile_checked() -> tuple[bytes | None, list[TemplateIssue]]:
        tree, issues = _checked_once(env, source, scope, expression=expression)
        if issues:
            return None, issues
        if isinstance(tree, nodes.Expr):
            tree = condition_template(tree)
        assert isinstance(tree, nodes.Template)
        try:
            code = env.compile(tree)
        except (RecursionError, MemoryError, SyntaxError):  # Python's own compiler gave up
            return None, [TemplateIssue(1, "the text nests too deeply to compile; simplify it")]
        return marshal.dumps(code), issues

    key = _key(env, source, scope, expression=expression)
    code, issues = remembered(cache, _KIND, key, compile_checked)
    if code is None:
        return None, issues
    template = env.template_class.from_code(env, marshal.loads(code), env.make_globals(None))
    assert isinstance(template, BudgetedTemplate)
    return template, issues
