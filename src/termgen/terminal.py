"""Plain-text tables for the terminal: aligned columns, long cells wrapped."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Mapping, Sequence

GAP = 2
NARROWEST = 8
"""No column is squeezed below this many characters to fit the terminal."""


def terminal_width(environ: Mapping[str, str], default: int = 100) -> int:
    """Columns of the terminal: $COLUMNS, else the terminal's own size, else `default`."""
    given = environ.get("COLUMNS", "")
    if given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return os.get_terminal_size().columns
    except OSError:
        return default


def _limits(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Widths for each column so that the table fits `width`: the widest shrink first, and
    none below its longest word while another can still give way."""
    cells = [[str(row[column]) for row in [header, *rows]] for column in range(len(header))]
    limits = [max(len(cell) for cell in column) for column in cells]
    words = [
        max((len(word) for cell in column for word in cell.split()), default=0) for column in cells
    ]
    room = width - GAP * (len(header) - 1)
    for floors in ([max(NARROWEST, word) for word in words], [NARROWEST] * len(limits)):
        while sum(limits) > room:
            shrinkable = [
                column for column in range(len(limits)) if limits[column] > floors[column]
            ]
            if not shrinkable:
                break
            limits[max(shrinkable, key=lambda column: limits[column])] -= 1
    return limits


def text_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widest: int = 60,
    width: int | None = None,
) -> str:
    """Columns aligned to their content; cells longer than `widest` wrap onto more lines, or,
    with `width`, the longest cells wrap so that the whole table fits that many columns."""
    limits = _limits(header, rows, width) if width else [widest] * len(header)
    wrapped = [
        [
            textwrap.wrap(
                str(cell), limit, break_long_words=width is not None, break_on_hyphens=False
            )
            or [""]
            for cell, limit in zip(row, limits, strict=True)
        ]
        for row in [header, *rows]
    ]
    widths = [
        max(len(line) for row in wrapped for line in row[column]) for column in range(len(header))
    ]
    lines = []
    for index, row in enumerate(wrapped):
        for line in range(max(len(cell) for cell in row)):
            parts = [
                (cell[line] if line < len(cell) else "").ljust(width)
                for cell, width in zip(row, widths, strict=True)
            ]
            lines.append("  ".join(parts).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)
