"""Rewriting an answer file without losing what its author wrote around the answers.

The file is read once into a layout: for every key and list entry, its lines, the comment
and blank lines before it, and a comment at the end of its line. Each save writes the new
answers through that layout: what did not change is copied as written (comments, quoting,
folded text, flow lists), what changed is written afresh with the comments around it kept,
new keys go where the deal model orders them, and removed keys take their own lines along.
Nothing is parsed again on a save, so a save costs string work on the changed part only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from termgen.files.yaml_reading import reads_as_number, scalar_value
from termgen.model import Deal
from termgen.model.paths import field_names, shape_at

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_STEP = 2

Path = tuple[str | int, ...]


@dataclass
class Entry:
    """One key of a mapping or one item of a list, as the file has it."""

    value: Any
    """The answer as read, to tell whether it changed."""
    lead: list[str]
    """Comment and blank lines just before it."""
    first: str
    """Its first line from the key (or, for an item, from the value) on."""
    rest: list[str]
    """The lines after the first, as written."""
    child: Block | None = None
    """Its value's own layout when that is a block mapping or list."""
    tail: str = ""
    """A comment after a one-line value, with the spaces before it."""
    separator: str = ": "
    flow: bool = False
    """Whether its value is a list or mapping written in brackets."""


@dataclass
class Block:
    """A block mapping or list: where its keys or dashes start, and its entries."""

    column: int
    entries: dict[Any, Entry] = field(default_factory=dict)
    dash: str = "- "


@dataclass
class Layout:
    """A whole answer file: its top-level block and the lines after the last answer."""

    root: Block | None
    trailing: list[str]


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""The line breaks the file is written back with. YAML also breaks lines at U+0085, U+2028
and U+2029, but a text that holds one keeps it where it is: a save must not turn it into
a line break, so lines are counted here, from each mark's index, not by the parser."""


def read_layout(text: str) -> Layout:
    """The layout of an answer file's text (already known to be a valid answer file)."""
    starts = [0, *(found.end() for found in _LINE_BREAK.finditer(text))]
    lines = _LINE_BREAK.split(text)
    if not lines[-1]:
        lines.pop()  # the text after the last line break
    node = yaml.compose(text, Loader=_Loader)
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return Layout(None, lines)
    reader = _Reader(lines, starts)
    root = reader.block(node)
    return Layout(root, lines[reader.done :])


class _Reader:
    def __init__(self, lines: list[str], starts: list[int]) -> None:
        self.lines = lines
        self.starts = starts
        """Where each line starts in the text."""
        self.done = 0
        """Lines up to here belong to an entry read already."""

    def at(self, mark: yaml.Mark) -> tuple[int, int]:
        """The line and column of a mark, as this layout counts lines."""
        line = bisect.bisect_right(self.starts, mark.index) - 1
        return line, mark.index - self.starts[line]

    def block(self, node: yaml.Node) -> Block:
        if isinstance(node, yaml.MappingNode):
            block = Block(self.at(node.value[0][0].start_mark)[1] if node.value else 0)
            for key, value in node.value:
                block.entries[scalar_value(key)] = self.entry(key, value, key.start_mark)
            return block
        assert isinstance(node, yaml.SequenceNode)
        first_line, first_column = self.at(
            node.value[0].start_mark if node.value else node.start_mark
        )
        line = self.lines[first_line]
        column = line.rfind("-", 0, first_column)
        block = Block(column, dash=line[column:first_column])
        for index, item in enumerate(node.value):
            block.entries[index] = self.entry(None, item, item.start_mark)
        return block

    def entry(self, key: yaml.Node | None, value: yaml.Node, mark: yaml.Mark) -> Entry:
        start, start_column = self.at(mark)
        lead = self.lines[self.done : start]
        self.done = start + 1
        nested = isinstance(value, yaml.MappingNode | yaml.SequenceNode) and not value.flow_style
        child = self.block(value) if nested and value.value else None
        last = max(self._last_line(value), start)
        first = self.lines[start][start_column:]
        tail, separator = "", ": "
        value_line, value_column = self.at(value.start_mark)
        end_line, end_column = self.at(value.end_mark)
        if key is not None:
            key_line, key_column = self.at(key.end_mark)
            if value_line == key_line:
                separator = self.lines[key_line][key_column:value_column]
        if not nested and end_line == start:
            rest_of_line = self.lines[start][end_column:]
            if rest_of_line.strip().startswith("#"):
                tail = rest_of_line
        self.done = max(self.done, last + 1)
        rest = self.lines[start + 1 : last + 1]
        flow = isinstance(value, yaml.MappingNode | yaml.SequenceNode) and bool(value.flow_style)
        return Entry(_value(value), lead, first, rest, child, tail, separator, flow)

    def _last_line(self, node: yaml.Node) -> int:
        """The last line with content of a node (a block's end mark may lie past comments)."""
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style:
            children = (
                [v for pair in node.value for v in pair]
                if isinstance(node, yaml.MappingNode)
                else node.value
            )
            return max(
                (self._last_line(child) for child in children),
                default=self.at(node.start_mark)[0],
            )
        line, column = self.at(node.end_mark)
        return line if column > 0 else line - 1


def _value(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return {scalar_value(key): _value(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [_value(item) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    return scalar_value(node)


class Writer:
    """Writes answer data through a layout; scalars are rendered once and remembered."""

    def __init__(self, layout: Layout | None, header: str) -> None:
        self.layout = layout
        self.header = header
        self._scalars: dict[tuple[type, Any], str] = {}
        self._meanings: Mapping[Path, str] = {}

    def text(self, data: dict[str, Any], meanings: Mapping[Path, str] | None = None) -> str:
        """The file's text for these answers; a null written afresh where `meanings` names
        what it means ('either party', 'none') says so in a comment after it."""
        self._meanings = meanings or {}
        root = self.layout.root if self.layout else None
        lines = [] if self.layout else [self.header]
        lines += self._mapping(data, root, 0, ())
        if self.layout:
            lines += self.layout.trailing
        return "\n".join(lines) + "\n"

    def _mapping(
        self, data: dict[Any, Any], block: Block | None, column: int, path: Path
    ) -> list[str]:
        known = block.entries if block else {}
        lines: list[str] = []
        for key in _ordered(data, known, path):
            value = data[key]
            entry = known.get(key)
            if entry is not None and _same(entry.value, value):
                lines += [*entry.lead, " " * column + entry.first, *entry.rest]
                continue
            lines += entry.lead if entry else []
            separator = entry.separator if entry else ": "
            head = " " * column + self._scalar(key)
            lines += self._value(head, separator, value, entry, column, (*path, key))
        return lines

    def _sequence(self, data: list[Any], block: Block | None, column: int, path: Path) -> list[str]:
        known = block.entries if block else {}
        dash = block.dash if block else "- "
        inner = column + len(dash)
        lines: list[str] = []
        for index, value in enumerate(data):
            entry = known.get(index)
            if entry is not None and _same(entry.value, value):
                lines += [*entry.lead, " " * column + dash + entry.first, *entry.rest]
                continue
            lines += entry.lead if entry else []
            if isinstance(value, dict) and value:
                child = entry.child if entry else None
                body = self._mapping(value, child, inner, (*path, index))
                lines += [" " * column + dash + body[0][inner:], *body[1:]]
            else:
                lines += self._value(
                    " " * column + dash.rstrip(), " ", value, entry, column, (*path, index)
                )
        return lines

    def _value(
        self, head: str, separator: str, value: Any, entry: Entry | None, column: int, path: Path
    ) -> list[str]:
        """`head` (a key, or a dash) followed by the value: on the line, or in a block below."""
        child = entry.child if entry else None
        flow = entry is not None and entry.flow
        if isinstance(value, dict) and value and not flow:
            inner = child.column if child else column + _STEP
            return [f"{head}:", *self._mapping(value, child, inner, path)]
        if isinstance(value, list) and value and not flow:
            inner = child.column if child else column + _STEP
            return [f"{head}:", *self._sequence(value, child, inner, path)]
        text = self._scalar(value) if not flow else _render(value)
        if "\n" in text:
            lines = text.split("\n")
            return [
                f"{head}{separator}{lines[0]}",
                *(" " * (column + _STEP) + line for line in lines[1:]),
            ]
        tail = entry.tail if entry else ""
        if value is None and not tail and path in self._meanings:
            tail = f"  # {self._meanings[path]}"
        return [f"{head}{separator}{text}{tail}"]

    def _scalar(self, value: Any) -> str:
        key = (type(value), value)
        try:
            return self._scalars[key]
        except KeyError:
            pass
        except TypeError:
            return _render(value)
        text = self._scalars[key] = _render(value)
        return text


def _render(value: Any) -> str:
    """A scalar (or an empty list or mapping) as YAML text; multi-line text as a '|' block."""
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and "\n" in value.rstrip("\n") and _block_safe(value):
        indicator = "|" if value.endswith("\n") else "|-"
        return "\n".join([indicator, *value.rstrip("\n").split("\n")])
    if isinstance(value, str) and reads_as_number(value):
        return f"'{value}'"  # PyYAML writes '1E100' bare, which the reader takes for a number
    text = yaml.dump(
        _plain(value), Dumper=_Dumper, allow_unicode=True, width=1_000_000, default_flow_style=True
    )
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _plain(value: Any) -> Any:
    """Values YAML writes as they read: Decimals as numbers, inside lists and mappings too."""
    if isinstance(value, dict):
        return {_plain(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value


def _block_safe(text: str) -> bool:
    return not text[:1].isspace() and all(line == line.rstrip() for line in text.split("\n"))


def _same(old: Any, new: Any) -> bool:
    """Equal answers of the same kind (True is not 1 in an answer file)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return isinstance(old, bool) == isinstance(new, bool) and old == new


def _ordered(data: dict[Any, Any], known: dict[Any, Entry], path: Path) -> list[Any]:
    """Keys as the file has them; a new key goes before the first key the model puts after it."""
    shape = shape_at(Deal, path)
    fields = field_names(shape.model) if shape and shape.kind == "model" and shape.model else []
    rank = {name: index for index, name in enumerate(fields)}
    order = [key for key in data if key in known]
    for key in data:
        if key in known:
            continue
        later = [
            i for i, other in enumerate(order) if rank.get(other, -1) > rank.get(key, len(rank))
        ]
        order.insert(later[0] if later else len(order), key)
    return order
