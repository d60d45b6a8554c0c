"""The house-style wording checks of a clause text: what each line says, at its line number,
however the lines are broken and whatever the tags hold."""

from __future__ import annotations

import pytest

from termgen.library.clause_lint import wording_issues
from termgen.templating.skeleton import skeleton


def _lines(text: str) -> list[int]:
    return [line for line, _ in wording_issues(text)]


def test_an_empty_text_and_a_text_of_only_tags_have_no_issues() -> None:
    assert wording_issues("") == []
    assert (
        wording_issues("{{ '30 days' | period }} {% if x %}{{ 'each' | party }}{% endif %}") == []
    )


def test_issues_come_by_line_a_lines_party_words_first() -> None:
    text = "Within 30 days.\nThe steering body and {{ 'partner' | party }} meet.\nNo annex here."
    found = wording_issues(text)
    assert [line for line, _ in found] == [1, 2, 2]
    assert found[1][1].startswith("'partner' is not a word for parties")
    assert found[2][1].startswith("'The steering body' is not a body of the deal")


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\u2028", "\x85", "\x0c"])
def test_every_kind_of_line_break_counts_a_line_and_ends_a_tag(brk: str) -> None:
    text = f"One.{brk}{brk}Within 30 days.{brk}{{{{ x {brk}}}}} 12 months"
    assert _lines(text) == [3, 5]  # '{{ x' on line 4 is not a tag: '12 months' is read
    assert _lines(f"'partner'{brk}| party{brk}'partner' | party") == [3]


def test_a_tag_left_open_on_its_line_leaves_the_words_after_it_to_be_read() -> None:
    assert _lines("{{ x ~ '30 days'\n}} and 5 years") == [1, 2]
    assert _lines("{% if x %}{{ y }} 3 weeks {# 4 weeks #}") == [1]
    assert _lines("{{ a }}} 2 hours {%% %%} {# # #}} 6 days") == [1, 1]


def test_a_huge_text_is_read_in_full() -> None:
    text = "{{ x | party }} plain words\n" * 20_000 + "Within 30 days."
    assert _lines(text) == [20_001]


def test_hostile_templates_are_read_as_text() -> None:
    for text in ("{{" * 5_000, "\0{{ x }}\0", "'\"" * 5_000):
        assert wording_issues(text) == []
    assert [message[:3] for _, message in wording_issues("'" * 5_001 + " | party")] == ["'' "]
    assert _lines("{%" + "%" * 5_000 + " 3 days") == [1]  # never closed: words, not a tag


def test_a_text_holding_the_character_that_joins_its_words_is_its_own_skeleton() -> None:
    assert skeleton("a\0b {{ x }}") != skeleton("c\0d {{ x }}")
    assert skeleton("a b {{ x }}") == skeleton("c d {{ x }}")


def test_a_line_seen_before_gets_its_issues_at_its_own_line_in_each_text() -> None:
    line = "Within 30 days {{ 'partner' | party }}."
    first = wording_issues(f"{line}\nWithin 2 weeks.")
    again = wording_issues(f"Intro.\n\n{line}")
    assert [number for number, _ in first] == [1, 1, 2]
    assert [number for number, _ in again] == [3, 3]
    assert [message for _, message in again] == [message for _, message in first[:2]]


def test_texts_sharing_their_runs_of_words_keep_their_own_skeletons() -> None:
    shared = "The parties meet {{ x }} each year"
    assert skeleton(f"{shared}\nVariant 1.") == skeleton(f"{shared}\nVariant 2.")
    assert skeleton(f"{shared}\nVariant 1.") != skeleton(f"{shared}\nVariant one more.")
    assert skeleton(shared) == "tags\0w w w {{ x }} w w"
