"""Plain text for the terminal: paragraphs and tables fitted to its width, never cut mid-word."""

from __future__ import annotations

import re
import shlex
import textwrap
from collections.abc import Sequence
from itertools import pairwise

from termgen.errors import shown

NARROWEST = 30
_GAP = "  "
_BROKEN_WORDS_FLOOR = 8
_GLUE = "\ue000"
"""Stands for a space no line may break at while text is wrapped (a private-use character:
textwrap breaks only at ASCII white space)."""
_UNBREAKABLE = re.compile(
    r"\([^()\s][^()]{0,18}\)"  # a short aside: '(left open)', '(75 %)', '(first refusal)'
    r"|(?<![^\s(])\d+(?:[.,]\d+)* (?=%|[^\W\d_])"  # a number and its unit: '30 days', '75 %'
    r"|\b[A-Z]{3} (?=\d)"  # a currency and its amount: 'EUR 25m'
)
_MIN_HEAD = 12
"""Columns a label keeps of its beginning when its middle gives way (see `fit_apart`)."""


def _glued(text: str) -> str:
    """`text` with the spaces no line should break at glued: a unit or the end of an aside
    alone at the start of a line reads as a new thought."""
    return _UNBREAKABLE.sub(lambda match: match.group().replace(" ", _GLUE), text)


def _unglued(text: str) -> str:
    return text.replace(_GLUE, " ")


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
                _glued(paragraph),
                width,
                initial_indent=indent,
                subsequent_indent=follow,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return _unglued("\n".join(lines))


def command_line(lead: str, command: str, columns: int) -> str:
    """'lead command' on one line if it fits `columns`, else the command on a line of its own;
    a command too long for that is broken between its words with the shell's line
    continuation (' \\'), so that it still pastes whole: the terminal would break it anywhere."""
    line = f"{lead} {command}"
    if len(line) <= columns:
        return line
    if len(command) + 2 <= columns:
        return f"{lead}\n  {command}"
    words = [shlex.quote(word) for word in shlex.split(command)]
    lines = [f"  {words[0]}"]
    for word in words[1:]:
        if len(f"{lines[-1]} {word} \\") <= columns:
            lines[-1] += f" {word}"
        else:
            lines[-1] += " \\"
            lines.append(f"    {word}")
    return "\n".join([lead, *lines])


def fit(label: str, width: int) -> str:
    """A label that fits on one line: cut at a word boundary, marked with '…'."""
    if len(label) <= width:
        return label
    cut = label[: width - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


def fit_apart(labels: Sequence[str], width: int) -> list[str]:
    """Each label fitted to one line as `fit` does, unless the part cut off is what tells it
    from another label (they read alike up to the cut) or is the short aside that names it
    ('… (first refusal)'): then its middle gives way, and the end that tells it apart is kept."""
    ordered = sorted(set(labels))
    shared = dict.fromkeys(ordered, 0)
    """How long a beginning each label shares with another: sorted, its neighbours share most."""
    for before, after in pairwise(ordered):
        pairs = zip(before, after, strict=False)
        common = next((at for at, (one, other) in enumerate(pairs) if one != other), len(before))
        shared[before] = max(shared[before], common)
        shared[after] = max(shared[after], common)
    return [_fit_apart(label, width, shared[label]) for label in labels]


def _fit_apart(label: str, width: int, shared: int) -> str:
    plain = fit(label, width)
    if len(label) <= width or width < 2 * _MIN_HEAD:
        return plain
    aside = _last_aside(label)
    if len(plain) - 1 <= shared:
        start = label.rfind(" ", 0, shared + 1) + 1  # the word in which they differ
    elif aside and len(label) - aside <= width // 2:
        start = aside
    else:
        return plain
    tail = label[start:]
    if len(tail) > width - _MIN_HEAD - 2:
        tail = fit(tail, width - _MIN_HEAD - 2)
    room = width - len(tail) - 2  # the '…' and the space before the tail
    head = label[:start].rstrip()
    if len(head) > room:
        head = f"{head[:room].rsplit(' ', 1)[0]}…"
    return f"{head} {tail}"


def _last_aside(label: str) -> int:
    """Where the aside in brackets that ends `label` opens (0: none does)."""
    depth = 0
    for index in range(len(label) - 1, 0, -1):
        depth += {")": 1, "(": -1}.get(label[index], 0)
        if depth == 0:
            return index if label[index] == "(" and label[index - 1] == " " else 0
    return 0


def _cell_lines(cell: str, width: int, break_words: bool) -> list[str]:
    """A cell wrapped to `width`, each of its lines (a list in a cell) starting a line."""
    return [
        _unglued(line)
        for paragraph in cell.split("\n")
        for line in textwrap.wrap(
            _glued(paragraph), max(width, 1), break_long_words=break_words, break_on_hyphens=False
        )
        or [""]
    ]


def _longest_word(cells: Sequence[str]) -> int:
    return max((len(word) for cell in cells for word in _glued(cell).split()), default=0)


def _column_widths(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    break_words: bool,
    narrowest: int = 0,
) -> list[int]:
    """Widths that fit `width`: every column its natural width if that fits, else wide columns
    shrink, never below their longest word (with `break_words`, never below a few characters)
    nor below `narrowest`; an empty list when even that does not fit."""
    columns = [
        [str(header[index])] + [str(row[index]) for row in rows] for index in range(len(header))
    ]
    natural = [max(len(line) for cell in column for line in cell.split("\n")) for column in columns]
    floor = [max(_longest_word(column), 1) for column in columns]
    if break_words:
        floor = [min(size, _BROKEN_WORDS_FLOOR) for size in floor]
    floor = [max(size, min(narrowest, wide)) for size, wide in zip(floor, natural, strict=True)]
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
    width: int | None,
    *,
    break_words: bool = False,
    narrowest: int = 0,
    tallest: int | None = None,
) -> str:
    """Columns aligned and wrapped to fit `width`; when they cannot fit, one block per row.

    `break_words` keeps the columns at any width by breaking words too long for their column,
    for tables whose rows must stay comparable side by side; `narrowest` is the least width of
    a column of sentences, below which it reads a word or two a line and blocks read better;
    `tallest` the most lines a cell may wrap onto, above which a sentence read down a column
    is lost too and blocks read better; `width` None keeps every column at its natural width,
    for output read by programs line by line."""
    header, rows = _seen(header), [_seen(row) for row in rows]
    if width is None:
        columns = zip(header, *rows, strict=True)
        width = sum(max(len(str(cell)) for cell in column) for column in columns)
        width += len(_GAP) * (len(header) - 1)
    widths = _column_widths(header, rows, max(width, NARROWEST), break_words, narrowest)
    if not widths:
        return _blocks(header, rows, max(width, NARROWEST))
    wrapped = [
        [_cell_lines(str(cell), size, break_words) for cell, size in zip(row, widths, strict=True)]
        for row in [header, *rows]
    ]
    if tallest is not None and any(len(cell) > tallest for row in wrapped for cell in row):
        return _blocks(header, rows, max(width, NARROWEST))
    lines = []
    for index, cells in enumerate(wrapped):
        for line in range(max(len(cell) for cell in cells)):
            parts = [
                (cell[line] if line < len(cell) else "").ljust(size)
                for cell, size in zip(cells, widths, strict=True)
            ]
            lines.append(_GAP.join(parts).rstrip())
        if index == 0:
            lines.append(_GAP.join("-" * size for size in widths))
    return "\n".join(lines)


def _seen(cells: Sequence[object]) -> list[str]:
    """Cells as a terminal should show them: a file name in a data room or a sentence of the
    other side's draft may hold control characters or direction marks that would recolour or
    retitle the terminal or reorder the line; they are written out as escapes (tabs stay)."""
    return ["\t".join(map(shown, str(cell).split("\t"))) for cell in cells]


def _blocks(header: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    """A narrow terminal: the first two cells of a row on one line, the others below, labelled;
    every line a block wraps onto is indented, so that only a block's first line starts at the
    margin."""
    blocks = []
    for row in rows:
        lead = wrap(" · ".join(str(cell) for cell in row[:2] if str(cell)), width, hanging="    ")
        rest = [
            _labelled(name, str(cell), width)
            for name, cell in zip(header[2:], row[2:], strict=True)
            if str(cell)
        ]
        blocks.append("\n".join([lead, *rest]))
    return "\n\n".join(blocks) + "\n"


def _labelled(name: str, cell: str, width: int) -> str:
    """'name: cell' in a block; each further line of a cell that lists (one item a line)
    starts below the first, indented further, so that it does not read as a label."""
    first, *more = cell.split("\n")
    lines = [wrap(f"{name}: {first}", width, indent="  ", hanging="    ")]
    lines += [wrap(line, width, indent="    ", hanging="      ") for line in more]
    return "\n".join(lines)
