"""Text for the terminal: wrapped at word boundaries and tables that fit its width."""

from __future__ import annotations

import shlex

import pytest

from termgen.terminal import command_line, fit_apart, text_table, wrap

HEADER = ("severity", "provision", "what is missing", "where to settle it")
ROWS = [
    (
        "blocking",
        "renewal.mechanism",
        "renewal is not settled; say 'none' if the partnership does not renew",
        "examples/incomplete-deal.yaml:156:1 (exit › renewal › type)",
    ),
    ("warning", "answers.left_open", "left open on purpose", "governance › disputes › seat"),
]


def _words(text: str) -> list[str]:
    return text.replace("·", " ").replace(":", " ").split()


def test_a_table_fits_the_width_and_keeps_every_word_whole() -> None:
    for width in (100, 80, 60, 40):
        table = text_table(HEADER, ROWS, width)
        assert all(len(line) <= width for line in table.splitlines()), (width, table)
        for row in ROWS:
            for cell in row:
                for word in cell.split():
                    assert word in table, (width, word)


def test_a_table_too_narrow_for_its_columns_becomes_one_block_per_row() -> None:
    table = text_table(HEADER, ROWS, 60)
    assert table.startswith("blocking · renewal.mechanism\n  what is missing: renewal is")
    assert "\n\nwarning · answers.left_open\n" in table
    assert text_table(HEADER, ROWS, 160).splitlines()[1].startswith("--------  ")


def test_a_block_whose_first_line_wraps_indents_what_it_wraps_onto() -> None:
    header = ("file", "deal", "purpose")
    rows = [("examples/battery-jv.yaml", "Project Volta v0.4", "electrification")]
    block = text_table(header, rows, 36).splitlines()
    assert block == [
        "examples/battery-jv.yaml · Project",
        "    Volta v0.4",
        "  purpose: electrification",
    ]


def test_wrapping_breaks_at_words_and_keeps_long_words_whole() -> None:
    text = "✗ 'six months' is not a length of time; write a whole number and a unit, e.g. '90 days'"
    wrapped = wrap(text, 40, "  ", "    ")
    assert all(len(line) <= 40 for line in wrapped.splitlines())
    assert wrapped.split() == text.split()
    long = wrap("see /a/very/long/path/that/cannot/be/broken/anywhere/deal.yaml:12:3 now", 30)
    assert "/a/very/long/path/that/cannot/be/broken/anywhere/deal.yaml:12:3" in long.splitlines()


def test_a_number_keeps_its_unit_and_a_short_aside_stays_on_one_line() -> None:
    hint = "  Example: 50. Leave it empty if not decided yet (left open)."
    assert wrap(hint, 52).splitlines()[-1] == "(left open)."
    money = "Money is written with its currency code first. Example: 40 FTE, 12 slots or EUR 25m."
    for width in range(30, 70):
        lines = wrap(money, width).splitlines()
        assert not any(line.endswith(("40", "EUR")) for line in lines), (width, lines)
        entry = wrap("1. Capex above EUR 10m: qualified majority (75 %) by the board", width)
        assert "(75 %)" in entry and "EUR 10m" in entry, (width, entry)
    table = text_table(("matter", "majority"), [("Capex", "a qualified majority (75 %)")], 30)
    assert "(75 %)" in table


SETTLE_CHOICES = [
    "warning: left open on purpose ([●] in the draft) (Parties and purpose › Parties #1 (Volta) "
    "› Registered name)",
    "warning: left open on purpose ([●] in the draft) (Clear roles and governance › Decision "
    "rights #1 (Cell chemistry choice) › Approval it needs)",
    "warning: left open on purpose ([●] in the draft) (Clear roles and governance › Seat (city))",
    "warning: left open on purpose ([●] in the draft) (Agreed exit path › Effective date "
    "(YYYY-MM-DD))",
    "warning: left open on purpose ([●] in the draft) (Agreed exit path › Or the date it ends "
    "(YYYY-MM-DD))",
    "warning: no exit trigger for change of control",
    "warning: no exit trigger for insolvency",
    "warning: no review point decides on continuing or exiting",
]
"""What 'Settle a finding' offered for a new battery deal: findings alike name their question."""


@pytest.mark.parametrize("width", [96, 56, 40, 30])
def test_choices_cut_to_fit_stay_told_apart(width: int) -> None:
    assert all(len(choice) <= 12 for choice in fit_apart(SETTLE_CHOICES, 12))  # tiny: cut only
    fitted = fit_apart(SETTLE_CHOICES, width)
    assert len(set(fitted)) == len(SETTLE_CHOICES), fitted
    assert all(len(choice) <= width for choice in fitted), fitted
    assert all(not choice.endswith(" …") and "  " not in choice for choice in fitted), fitted
    assert fitted[2].endswith("Seat (city))")


def test_a_choice_keeps_the_short_aside_that_names_it_and_fits_untouched_when_it_can() -> None:
    choices = [
        "let the others match the third party's terms (first refusal)",
        "offer its shares to the others first (first offer)",
        "nothing; it may sell freely after the lock-up",
    ]
    assert fit_apart(choices, 56) == [
        "let the others match the third party's… (first refusal)",
        *choices[1:],
    ]
    assert fit_apart(choices, 100) == choices
    assert fit_apart(["Russian roulette (one names a price; the other buys)"], 40) == [
        "Russian roulette (one names a price;…"  # a long aside is not what names it
    ]


def test_a_command_too_long_for_a_line_is_continued_the_shells_way() -> None:
    command = f"termgen draft {shlex.quote('/srv/deals/Project Keystone/answers.yaml')} -o out/"
    printed = command_line("Draft later with:", command, 40)
    assert printed.splitlines() == [
        "Draft later with:",
        "  termgen draft \\",
        "    '/srv/deals/Project Keystone/answers.yaml' \\",
        "    -o out/",
    ]
    assert shlex.split(printed.split("\n", 1)[1].replace(" \\\n", " ")) == shlex.split(command)


@pytest.mark.parametrize("width", [160, 50])
def test_a_cell_that_lists_puts_each_item_on_a_line_of_its_own(width: int) -> None:
    rows = [
        (
            "warning",
            "Answers left open",
            "2 answers",
            "Parties › Name (a:3:1)\nExit › Costs (a:9:1)",
        )
    ]
    lines = text_table(HEADER, rows, width, narrowest=20).splitlines()
    first = next(line for line in lines if "Parties › Name (a:3:1)" in line)
    second = lines[lines.index(first) + 1]
    if width == 160:  # in the table, under the first item in its column
        assert second.strip() == "Exit › Costs (a:9:1)"
        assert second.index("Exit") == first.index("Parties")
    else:  # in a block, below the label and indented past it
        assert first == "  where to settle it: Parties › Name (a:3:1)"
        assert second == "    Exit › Costs (a:9:1)"
