"""The sandbox: internals refused statically and at run time; missing values become [●]."""

from __future__ import annotations

import time

import pytest

from termgen.answers.read import load_deal
from termgen.library.conditions import clause_scope, deal_context
from termgen.templating.budget import Budget, BudgetExceeded, Limits
from termgen.templating.check import template_issues
from termgen.templating.missing import MISSING, PLACEHOLDER_MARK
from termgen.templating.sandbox import RenderError, Sandbox

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
    except RenderError:
        return
    assert "__" not in output
    assert "<class" not in output
    assert "{" not in output


BOMBS = [
    ("{{ 'x' * 100000000 }}", "it makes a text or list of 100,000,000 characters"),
    ("{{ 10 ** 100000000 }}", "it makes a number of more than 100 digits"),
    ("{% set x = 'ab' %}" + "{% set x = x ~ x %}" * 30, "it makes a text or list of 1,048,576"),
    ("{% set x = 10 %}" + "{% set x = x * x %}" * 30, "it makes a number of more than 100"),
    ("{{ '%0999999999d' % 1 }}", "999,999,999 characters"),
    ("{{ '%*d' % (10, 1) }}", "a width taken from the arguments"),
    ("{{ 'x' | center(1000000000) }}", "1,000,000,000 characters"),
    ("{{ 'x' | indent(1000000000) }}", "1,000,000,001 characters"),
    ("{{ 'x' * 10000 | slice(1000000000) | list }}", "1,000,000,000 characters"),
    ("{{ 'abc'.zfill(10 ** 9) }}", "1,000,000,000 characters"),
    ("{{ '\t'.expandtabs(tabsize=10 ** 9) }}", "1,000,000,001 characters"),
    ("{{ ('a' * 10) | replace('', 'b' * 1000000) }}", "11,000,010 characters"),
    ("{{ 'x'.join(('y' * 1000000) | list) }}", "1,000,001 characters"),
    (
        "{% for a in 'x' * 10000 %}{% for b in 'x' * 10000 %}{% endfor %}{% endfor %}",
        "its loops and calls run more than 1,000,000 times",
    ),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "call each other more than 30 deep"),
    ("{{ 1 / 0 }}", "division by zero (ZeroDivisionError)"),
    ("{{ ('x' * 1000000) | wordwrap(1) }}", "it wraps a word of 1,000,000 characters at a width"),
]


@pytest.mark.parametrize(("source", "message"), BOMBS, ids=range(len(BOMBS)))
def test_resource_bombs_are_stopped_at_their_line(source: str, message: str) -> None:
    with pytest.raises(RenderError) as stopped:
        Sandbox().from_string("First line.\n" + source).render()
    assert message in stopped.value.message


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        # growing a list in place would double it forty times over
        (
            "{% set l = [1] %}{% for i in 'x' * 40 %}{{ l.extend(l) }}{% endfor %}",
            "'extend' would change the list",
        ),
        ("{{ parties.clear() }}", "'clear' would change the list"),
        ("{{ parties['pop']() }}", "'pop' would change the list"),
        ("{{ terms.update(a=1) }}", "'update' would change the mapping"),
        ("{{ terms | attr('setdefault') }}", "'setdefault' would change the mapping"),
        ("{{ tags.add('x') }}", "'add' would change the set"),
    ],
)
def test_a_method_that_changes_a_value_in_place_is_refused_at_its_line(
    source: str, refused: str
) -> None:
    parties, terms = ["NAW", "KSC"], {"a": 0}
    with pytest.raises(RenderError) as stopped:
        Sandbox().from_string("First line.\n" + source).render(
            parties=parties, terms=terms, tags={"y"}
        )
    assert stopped.value.message.startswith(f"refused: {refused} it is called on")
    assert stopped.value.line == 2
    assert (parties, terms) == (["NAW", "KSC"], {"a": 0})
    assert stopped.value.line == 2


def test_the_time_bound_counts_processor_time_not_waiting() -> None:
    budget = Budget(Limits(seconds=0.05, steps=10**9, depth=30, size=1000, output=1000))
    time.sleep(0.1)
    budget.check_clock()
    with pytest.raises(BudgetExceeded, match=r"longer than 0\.05 s"):
        while True:
            budget.step(256)


def test_a_condition_has_a_tighter_budget_than_a_clause() -> None:
    condition = Sandbox().condition("(deal.name * 200000) | length > 0")
    with pytest.raises(RenderError, match="more than 100,000"):
        condition(deal={"name": "x"})
    assert Sandbox().from_string("{{ ('x' * 200000) | length }}").render() == "200000"


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


def test_a_name_read_twice_on_a_line_is_reported_once_and_again_on_another_line() -> None:
    """A hostile overlay looped over `range` twice on one line: the same message came twice."""
    source = "{% for i in range(9) %}{% for j in range(9) %}{% endfor %}{% endfor %}\n{{ range }}"
    issues = template_issues(Sandbox(), source, clause_scope())
    assert [(issue.line, issue.message.split(",")[0]) for issue in issues] == [
        (1, "unknown name 'range'"),
        (2, "unknown name 'range'"),
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


def test_wrapping_words_the_width_can_take_quickly_is_left_to_run() -> None:
    text = "{{ ('x ' * 10000) | wordwrap(1) | length }}|{{ ('x' * 1000000) | wordwrap(1, false) }}"
    assert Sandbox().from_string(text).render().startswith("19999|x")
