"""Plain text for the terminal: paragraphs and tables fitted to its width, never cut mid-word."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

DEFAULT_WIDTH = 100
NARROWEST = 30
_GAP = "  "
_BROKEN_WORDS_FLOOR = 8


def wrap(text: str, width: int, indent: str = "", hanging: str | None = None) -> str:
    """Each line of `text` wrapped at word boundaries to `width` columns.

    `indent` starts the first line of each paragraph, `hanging` (default: `indent`) the lines
    it wraps onto; a word longer than a line (a path, a URL) stays whole on a line of its own.
    """
    width = max(width, NARROWEST)
    follow = indent if hanging is None else hanging
    lines = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        lines.extend(
            textwrap.wrap(
                paragraph,
                width,
                initial_indent=indent,
                subsequent_indent=follow,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(lines)


def command_line(lead: str, command: str, columns: int) -> str:
    """'lead command' on one line if it fits `columns`, else the command on a line of its own:
    a command broken across lines cannot be copied whole."""
    line = f"{lead} {command}"
    return line if len(line) <= columns else f"{lead}\n  {command}"


def fit(label: str, width: int) -> str:
    """A label that fits on one line: cut at a word boundary, marked with '…'."""
    if len(label) <= width:
        return label
    cut = label[: width - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def _cell_lines(cell: str, width: int, break_words: bool) -> list[str]:
    lines = textwrap.wrap(cell, max(width, 1), break_long_words=break_words, break_on_hyphens=False)
    return lines or [""]


def _longest_word(cells: Sequence[str]) -> int:
    return max((len(word) for cell in cells for word in cell.split()), default=0)


def _column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], width: int, break_words: bool
) -> list[int]:
    """Widths that fit `width`: every column its natural width if that fits, else wide columns
    shrink, never below their longest word (with `break_words`, never below a few characters);
    an empty list when even that does not fit."""
    columns = [
        [str(header[index])] + [str(row[index]) for row in rows] for index in range(len(header))
    ]
    natural = [max(len(cell) for cell in column) for column in columns]
    floor = [max(_longest_word(column), 1) for column in columns]
    if break_words:
        floor = [min(size, _BROKEN_WORDS_FLOOR) for size in floor]
    room = width - len(_GAP) * (len(header) - 1)
    if sum(floor) > room:
        return []
    widths = list(natural)
    while sum(widths) > room:
        shrinkable = [index for index in range(len(widths)) if widths[index] > floor[index]]
        widest = max(shrinkable, key=lambda index: widths[index])
        widths[widest] -= 1
    return widths


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int | None = DEFAULT_WIDTH,
    *,
    break_words: bool = False,
) -> str:
    """Columns aligned and wrapped to fit `width`; when they cannot fit, one block per row.

    `break_words` keeps the columns at any width by breaking words too long for their column,
    for tables whose rows must stay comparable side by side; `width` None keeps every column
    at its natural width, for output read by programs line by line."""
    if width is None:
        columns = zip(header, *rows, strict=True)
        width = sum(max(len(str(cell)) for cell in column) for column in columns)
        width += len(_GAP) * (len(header) - 1)
    widths = _column_widths(header, rows, max(width, NARROWEST), break_words)
    if not widths:
        return _blocks(header, rows, max(width, NARROWEST))
    lines = []
    for index, row in enumerate([header, *rows]):
        cells = [
            _cell_lines(str(cell), size, break_words)
            for cell, size in zip(row, widths, strict=True)
        ]
        for line in range(max(len(cell) for cell in cells)):
            parts = [
                (cell[line] if line < len(cell) else "").ljust(size)
                for cell, size in zip(cells, widths, strict=True)
            ]
            lines.append(_GAP.join(parts).rstrip())
        if index == 0:
            lines.append(_GAP.join("-" * size for size in widths))
    return "\n".join(lines)


def _blocks(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """A narrow terminal: the first two cells of a row on one line, the others below, labelled;
    every line a block wraps onto is indented, so that only a block's first line starts at the
    margin."""
    blocks = []
    for row in rows:
        lead = wrap(" · ".join(str(cell) for cell in row[:2] if str(cell)), width, hanging="    ")
        rest = [
            wrap(f"{name}: {cell}", width, indent="  ", hanging="    ")
            for name, cell in zip(header[2:], row[2:], strict=True)
            if str(cell)
        ]
        blocks.append("\n".join([lead, *rest]))
    return "\n\n".join(blocks) + "\n"
