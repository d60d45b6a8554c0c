"""Answer files: YAML in, YAML out, with file:line:column on every problem."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from termgen.errors import AnswerFileError, Location, Problem
from termgen.files import write_atomically
from termgen.model import Deal
from termgen.model.messages import path_in_words, plain_message

MAX_BYTES = 5 * 1024 * 1024
SCHEMA_HINT = "# yaml-language-server: $schema=termgen.schema.json"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL = re.compile(r"^(~|null|Null|NULL)?$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Path_ = tuple[str | int, ...]


class SourceInt(int):
    """An integer read from YAML that remembers how it was written ('007')."""

    source: str

    def __new__(cls, text: str) -> SourceInt:
        number = super().__new__(cls, int(text))
        number.source = text
        return number


class SourceDecimal(Decimal):
    """A number read from YAML that remembers how it was written ('1.10')."""

    source: str

    def __new__(cls, text: str) -> SourceDecimal:
        number = super().__new__(cls, text)
        number.source = text
        return number


@dataclass
class SourceMap:
    """Where each key and value of an answer file was written."""

    file: Path
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Sequence[str | int], *, at_key: bool = False) -> Location:
        """The closest written place for `path`: itself, or else its nearest written parent."""
        path = tuple(path)
        for length in range(len(path), -1, -1):
            prefix = path[:length]
            marks = (self.keys, self.values) if at_key or length < len(path) else (self.values,)
            for table in marks:
                if prefix in table:
                    line, column = table[prefix]
                    return Location(self.file, line + 1, column + 1)
        return Location(self.file, 1, 1)


@dataclass
class LoadedDeal:
    """A validated deal and where its answers came from."""

    deal: Deal
    source: SourceMap


def read_answers(path: Path) -> tuple[dict[str, Any], SourceMap]:
    """Read an answer file into plain data and a source map; YAML-level problems raise."""
    path = Path(path)
    text = _read_text(path)
    source = SourceMap(path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as bad:
        raise AnswerFileError([_yaml_problem(path, text, bad)]) from None
    if root is None:
        raise _whole_file(
            path,
            "the file is empty; an answer file needs at least 'deal:' and "
            "'parties:' (see examples/)",
        )
    if not isinstance(root, yaml.MappingNode):
        found = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise _whole_file(
            path,
            f"the file holds {found}, not an answer file; an answer file is a "
            "mapping with 'deal:' and 'parties:' at the top level",
        )
    data = _Builder(source).build(root, ())
    return data, source


def parse_deal(data: dict[str, Any], source: SourceMap) -> Deal:
    """Validate answer data as a deal; every problem is reported with its place in the file."""
    try:
        return Deal.model_validate(data)
    except ValidationError as invalid:
        problems = []
        for error in invalid.errors():
            path, message = plain_message(error, Deal)
            location = source.locate(path, at_key=error["type"] == "missing")
            if error["type"] == "extra_forbidden":
                location = source.locate((*path, error["loc"][-1]), at_key=True)
            problems.append(Problem(message, location, path_in_words(path)))
        problems.sort(
            key=lambda problem: (problem.location.line or 0, problem.location.column or 0)
        )
        raise AnswerFileError(problems) from None


def load_deal(path: Path | str) -> LoadedDeal:
    """Read and validate an answer file."""
    data, source = read_answers(Path(path))
    return LoadedDeal(parse_deal(data, source), source)


def answers_data(deal: Deal) -> dict[str, Any]:
    """The deal as plain answer data: only what was answered, in the model's key order."""
    return _plain(deal.model_dump(mode="python", exclude_unset=True, exclude_none=True))


def dump_answers(data: dict[str, Any]) -> str:
    """YAML text for answer data, with a header that lets editors autocomplete."""
    body = yaml.dump(
        _plain(data), Dumper=_AnswerDumper, sort_keys=False, allow_unicode=True, width=10_000
    )
    return f"{SCHEMA_HINT}\n{body}"


def save_deal(deal: Deal, path: Path | str, *, replace: bool = True) -> Path:
    """Write the deal as an answer file, atomically."""
    return write_atomically(Path(path), dump_answers(answers_data(deal)).encode(), replace=replace)


def _plain(value: Any) -> Any:
    """Answer data with only types YAML writes plainly: Decimals become int or float."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value


class _AnswerDumper(yaml.SafeDumper):
    """Indents list entries under their key and writes multi-line text as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_AnswerDumper.add_representer(str, _represent_text)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise _whole_file(path, "is a folder, not an answer file")
        if size > MAX_BYTES:
            raise _whole_file(
                path,
                f"the file is {size / 1_000_000:.1f} MB; answer files are "
                f"small text files (at most {MAX_BYTES // 1_000_000} MB), so this "
                "is probably not one",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _whole_file(path, "no such file; check the name and folder") from None
    except PermissionError:
        raise _whole_file(path, "cannot be read (permission denied)") from None
    if b"\x00" in raw:
        raise _whole_file(
            path, "this is not a text file (it holds binary data); an answer file is YAML text"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = raw[: bad.start].count(b"\n") + 1
        raise AnswerFileError(
            [
                Problem(
                    "this is not UTF-8 text; save the file as UTF-8 (or it is not an answer file)",
                    Location(path, line),
                )
            ]
        ) from None


def _whole_file(path: Path, message: str) -> AnswerFileError:
    return AnswerFileError([Problem(message, Location(path))])


_YAML_WORDS = [
    (
        "mapping values are not allowed",
        "a ':' where YAML does not expect one; if the value contains ': ', put it in quotes",
    ),
    (
        "could not find expected ':'",
        "a line that is not 'key: value'; check the indentation and that every key ends with ':'",
    ),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("expected a single document", "more than one YAML document ('---'); keep one deal per file"),
    (
        "found undefined alias",
        "'*' starts an alias, which answer files do not use; put the text in quotes",
    ),
    (
        "did not find expected key",
        "the indentation does not line up with the keys above; indent the entries of one "
        "mapping by the same number of spaces",
    ),
    (
        "did not find expected '-' indicator",
        "the indentation does not line up with the list above; start each entry of a list "
        "with '- ' at the same indentation",
    ),
    ("did not find expected ','", "a '[' or '{' is opened but never closed"),
]


def _yaml_problem(path: Path, text: str, bad: yaml.MarkedYAMLError) -> Problem:
    mark = bad.problem_mark or bad.context_mark
    found = f"{bad.context or ''} {bad.problem or ''}"
    message = next(
        (words for fragment, words in _YAML_WORDS if fragment in found),
        f"not valid YAML ({bad.problem})",
    )
    if "cannot start any token" in found and mark:
        character = text.splitlines()[mark.line][mark.column]
        message = (
            "a tab is used for indentation; YAML indents with spaces only, so replace the tab "
            "with spaces"
            if character == "\t"
            else f"a value cannot start with '{character}'; put the value in quotes"
        )
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(message, Location(path, line, column))


class _Builder:
    """Turns composed YAML nodes into plain data, recording where each key and value sits."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> AnswerFileError:
        mark = node.start_mark
        return AnswerFileError(
            [Problem(message, Location(self.source.file, mark.line + 1, mark.column + 1))]
        )

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self.seen:
            raise self.fail(
                node,
                "anchors and aliases ('&name', '*name') are not used in answer "
                "files; write the value out in full",
            )
        self.seen.add(id(node))
        self.source.values[path] = (node.start_mark.line, node.start_mark.column)
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(node, f"the YAML tag '{tag}' is not allowed in answer files; remove it")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return _scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, "a key must be a plain word, not a list or mapping")
            key = str(key_node.value)
            if key == "<<":
                raise self.fail(
                    key_node,
                    "merge keys ('<<') are not used in answer files; write the keys out in full",
                )
            if key in first_line:
                raise self.fail(
                    key_node,
                    f"duplicate key '{key}' (first at line "
                    f"{first_line[key]}); each key may appear once, so merge the two",
                )
            first_line[key] = key_node.start_mark.line + 1
            self.source.keys[(*path, key)] = (key_node.start_mark.line, key_node.start_mark.column)
            result[key] = self.build(value_node, (*path, key))
        return result


def _scalar(node: yaml.ScalarNode) -> Any:
    """YAML 1.2 core types only: 'no' and 'on' stay text, numbers keep how they were written."""
    text = node.value
    if node.style or node.tag == "tag:yaml.org,2002:str":
        return text
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return SourceInt(text)
    if _DECIMAL.match(text):
        return SourceDecimal(text)
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text
