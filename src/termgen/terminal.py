"""Plain-text tables for the terminal: aligned columns, long cells wrapped."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], widest: int = 60) -> str:
    """Columns aligned to their content; cells longer than `widest` wrap onto more lines."""
    wrapped = [
        [
            textwrap.wrap(str(cell), widest, break_long_words=False, break_on_hyphens=False) or [""]
            for cell in row
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
