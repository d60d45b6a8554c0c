"""Text for the terminal: wrapped at word boundaries and tables that fit its width."""

from __future__ import annotations

from termgen.terminal import text_table, wrap

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
