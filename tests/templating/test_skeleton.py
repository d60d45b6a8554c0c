"""Skeletons: equal only when Jinja reads the tags of two texts alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termgen.library.conditions import clause_scope
from termgen.templating.compiled import compiled_condition
from termgen.templating.sandbox import Sandbox
from termgen.templating.skeleton import _whole_skeleton, skeleton


def test_texts_differing_only_in_words_share_a_skeleton() -> None:
    one = "The parties meet.\n  {% if x %}Each {{ y | party }} votes.{% endif %}\n"
    two = "Our members gather.\n  {% if x %}Every {{ y | party }} speaks.{% endif %}\n"
    assert skeleton(one) == skeleton(two)
    assert skeleton("{{ 'a}}' }} one {# c #}") == skeleton("{{ 'a}}' }} two {# c #}")
    events = "{% set events = {'breach': 'material breach', 'x': '}}%}'} %}"
    assert skeleton(events + "A party {{ events[x] }}.") == skeleton(
        events + "One side {{ events[x] }}."
    )


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("a {{ x }}", "a {{ z }}"),  # another name
        ("a\n{{ x }}", "a {{ x }}"),  # another line
        ("one two {{ x }}", "one {{ x }}"),  # another count of words
        ("a  {% if x %}{% endif %}", "  {% if x %}{% endif %}"),  # a line of only a tag
        ("{{ 'a}}' ~ x ~ '{{b' }}", "{{ 'a}}' ~ y ~ '{{b' }}"),  # strings holding delimiters
        ("{# a #} b {{ x }}", "{# a #} b {{ y }}"),
        ("{{ {'a': x} }} w", "{{ {'a': y} }} w"),  # a brace inside a tag
        ("{% set e = {'a': 1 %} one %} w", "{% set e = {'a': 1 %} two %} w"),  # '%}' in braces
        ("{{ {'a': {'b': 1}} }} one", "{{ {'a': {'b': 1}} }} two"),  # braces within braces
        ("{ a } {{ x }}", "{ b } {{ x }}"),  # a brace between tags
    ],
)
def test_texts_jinja_could_read_differently_do_not(one: str, two: str) -> None:
    assert skeleton(one) != skeleton(two)


def test_a_hostile_condition_is_refused_after_a_harmless_one_of_the_same_shape() -> None:
    env = Sandbox()
    scope = clause_scope()
    assert compiled_condition(env, "deal.purpose", scope, None)[1] == []
    condition, issues = compiled_condition(env, "deal.__class__", scope, None)
    assert condition is None
    assert issues[0].message.startswith("refused: '__class__'")


@pytest.mark.parametrize(
    "text",
    [
        "{{ 'a\nb' }} w",  # a string across a line break
        "{% if x\n%}w{% endif %}",  # a tag across a line break
        "{# a\nb #} w",  # a comment across a line break
        "{{ {'a':\n1} }} w",  # braces across a line break
        "{{ x }\n} w",  # a closing delimiter split by a line break
        "w {\n{ x }} w",  # an opening delimiter split by a line break
        "w\0 {{ x }}\nw",  # a NUL
        "one\n{{ x }}\n\n{% if y %}two{% endif %}\n",  # every line clean
    ],
)
def test_a_text_read_line_by_line_reads_as_the_whole_text(text: str) -> None:
    assert skeleton(text) == _whole_skeleton(text)
    assert skeleton(text + "\nmore") == _whole_skeleton(text + "\nmore")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "{",
                "}",
                "{{",
                "}}",
                "{%",
                "%}",
                "{#",
                "#}",
                "'",
                '"',
                "\\",
                "\n",
                " ",
                "w",
                "x |",
                "\0",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_any_text_read_line_by_line_reads_as_the_whole_text(text: str) -> None:
    assert skeleton(text) == _whole_skeleton(text)
