"""The sandbox: internals refused statically and at run time; missing values become [●]."""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError

from termgen.answers.read import load_deal
from termgen.library.conditions import clause_scope, deal_context
from termgen.templating.check import template_issues
from termgen.templating.missing import MISSING, PLACEHOLDER_MARK
from termgen.templating.sandbox import Sandbox

from ..conftest import EXAMPLES_DIR

HOSTILE = [
    "{{ ''.__class__.__mro__ }}",
    "{{ deal.__class__.__init__.__globals__ }}",
    "{{ parties | attr('__class__') }}",
    "{{ parties | map(attribute='__dict__') | list }}",
    "{{ deal['__class__'] }}",
    "{{ deal.name.format(deal) }}",
    "{{ deal.model_dump() }}",
    "{% for x in deal.__class__.__subclasses__() %}{% endfor %}",
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_text_is_refused_statically(source: str) -> None:
    issues = template_issues(Sandbox(), source, clause_scope())
    assert any(issue.unsafe for issue in issues)


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_text_reaches_nothing_at_run_time_either(source: str) -> None:
    context = deal_context(load_deal(EXAMPLES_DIR / "battery-jv.yaml").deal)
    try:
        output = Sandbox().from_string(source).render(context)
    except SecurityError:
        return
    assert "__" not in output
    assert "<class" not in output
    assert "{" not in output


@pytest.mark.parametrize("source", ["{{ 'x' * 100000000 }}", "{{ 10 ** 100000000 }}"])
def test_resource_bombs_are_stopped(source: str) -> None:
    with pytest.raises(SecurityError):
        Sandbox().from_string(source).render()


def test_no_globals_are_available() -> None:
    issues = template_issues(Sandbox(), "{{ range(10) }}{{ lipsum() }}{{ cycler }}", clause_scope())
    names = ["range", "lipsum", "cycler"]
    assert [
        issue.message.startswith(f"unknown name '{n}'")
        for issue, n in zip(issues, names, strict=True)
    ] == [
        True,
        True,
        True,
    ]


def test_a_missing_value_renders_as_an_open_point_at_any_depth() -> None:
    deal = load_deal(EXAMPLES_DIR / "incomplete-deal.yaml").deal
    text = (
        Sandbox()
        .from_string(
            "{{ exit.renewal }}|{{ exit.renewal.notice }}|{{ exit.renewal.notice.value | date }}|"
            "{% if exit.renewal.type == 'automatic' %}auto{% else %}no{% endif %}|"
            "{% for x in exit.renewal.whatever %}x{% endfor %}"
        )
        .render(deal_context(deal))
    )
    assert text == f"{PLACEHOLDER_MARK}|{PLACEHOLDER_MARK}|{PLACEHOLDER_MARK}|no|"
    assert not MISSING and list(MISSING) == []
