"""Parsing the YAML of a data file into plain data and a source map: YAML 1.2 core types
only, bounded in depth, size and digits, every refusal at its line and column."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any, cast

import yaml

from termgen.errors import DataFileError, Location, Problem
from termgen.files.datafile import (
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_ENTRIES,
    SourceDecimal,
    SourceInt,
    SourceMap,
    YamlPath,
)
from termgen.files.read import FilePath, Kind

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_STR = "tag:yaml.org,2002:str"
_NULL = re.compile(r"^(~|null|Null|NULL)?$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_DECIMAL = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


_BREAKS_EDITORS_DO_NOT_COUNT = ("\x85", "\u2028", "\u2029")
"""NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to PyYAML (YAML 1.1), which
counts lines by them; ordinary characters to YAML 1.2 and to the editors users count lines
in. One pasted into a value would move every line number after it."""


def parsed(text: str, path: FilePath, kind: Kind) -> tuple[Any, SourceMap]:
    """The data of a YAML text read from `path`, and where each key and value sits."""
    for character in _BREAKS_EDITORS_DO_NOT_COUNT:
        if character in text:
            # A space of the same length: lines and columns stay the editor's, and a quoted
            # value reads as PyYAML folds a break in it anyway.
            text = text.replace(character, " ")
    try:
        return _read_plainly(text, path)
    except (_Unusual, yaml.YAMLError):
        return built(text, path, kind)  # the same data, or a clear refusal


def built(text: str, path: FilePath, kind: Kind) -> tuple[Any, SourceMap]:
    """`parsed` by composing YAML nodes and building from them: what reads, or refuses, a
    file `_read_plainly` finds unusual."""
    source = SourceMap(path)
    error = cast(type[DataFileError], kind.error)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as bad:
        raise error([_yaml_problem(path, text, bad)]) from None
    except yaml.reader.ReaderError as bad:
        raise error([_character_problem(path, text, bad)]) from None
    if root is None:
        return None, source
    return _Builder(source, error).build(root, ()), source


def _character_problem(path: FilePath, text: str, bad: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (a control character, U+FFFE), at its line and column."""
    before = text[: bad.position]
    line = before.count("\n") + 1
    column = bad.position - (before.rfind("\n") + 1) + 1
    code = bad.character if isinstance(bad.character, int) else ord(bad.character)
    message = (
        f"the invisible control character U+{code:04X}, which text cannot hold; delete it "
        "(an editor that shows control characters helps find it)"
    )
    return Problem(message, Location(path, line, column))


_NEVER_CLOSED = "opened but never closed"
_IN_QUOTES = "put the value in quotes"
_TOO_DEEP = (
    f"nested more than {MAX_DEPTH} levels deep; these files are never so deep, so remove the "
    "extra brackets or indentation"
)
_YAML_WORDS = [
    # Brackets thousands deep stop the parser before the builder counts the levels.
    ("exceeded maximum nesting depth", _TOO_DEEP),
    (
        "mapping values are not allowed",
        "a ':' where YAML does not expect one; if the value contains ': ', put it in quotes",
    ),
    (
        "could not find expected ':'",
        "a line that is not 'key: value'; check the indentation and that every key ends with ':'",
    ),
    (
        "found unexpected end of stream",
        f"a quote is {_NEVER_CLOSED}; close it with the same quote mark, or remove it",
    ),
    ("expected a single document", "more than one YAML document ('---'); keep one per file"),
    (
        "found undefined alias",
        "'*' starts an alias, which these files do not use; put the text in quotes",
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
    (
        "did not find expected ','",
        f"a '[' or '{{' is {_NEVER_CLOSED}; close it with ']' or '}}', or {_IN_QUOTES}",
    ),
    *(
        (
            escape,
            "a backslash in double quotes starts an escape YAML cannot read; put the text in "
            "single quotes instead",
        )
        for escape in (
            "unknown escape character",
            "expected hexdecimal number",
            "invalid Unicode character escape code",
        )
    ),
    *(
        (
            marker,
            "a line starting with '%' or '...' marks YAML documents, which these files do not "
            "use; delete it",
        )
        for marker in (
            "incompatible YAML document",
            "unknown directive name",
            "expected <document start>",
        )
    ),
    ("mapping keys are not allowed", f"a '?' where YAML expects a value; {_IN_QUOTES}"),
    (
        "expected comment or line break",
        f"more on this line than YAML expects after the value; {_IN_QUOTES}",
    ),
    ("expected node content", f"a value YAML cannot read; {_IN_QUOTES}"),
]


_LONGEST_KEY = 1024
"""The longest key YAML reads as one (the parser's limit for a key without '?'): past it, the
':' after a key looks misplaced."""


def _too_long_key(text: str, mark: yaml.Mark | None) -> int | None:
    """The length of the key before the ':' at `mark`, where it is longer than YAML reads."""
    if mark is None:
        return None
    key = text.splitlines()[mark.line][: mark.column].strip().removeprefix("- ").strip()
    return len(key) if len(key) > _LONGEST_KEY and ": " not in key else None


def _yaml_problem(path: FilePath, text: str, bad: yaml.MarkedYAMLError) -> Problem:
    mark = bad.problem_mark or bad.context_mark
    found = f"{bad.context or ''} {bad.problem or ''}"
    message = next(
        (words for fragment, words in _YAML_WORDS if fragment in found),
        f"not valid YAML ({bad.problem}); check the quotes, colons and indentation here, and "
        f"{_IN_QUOTES} if it holds unusual characters",
    )
    after_key = "mapping values are not allowed" in found or "expected ':'" in found
    long_key = _too_long_key(text, bad.problem_mark) if after_key else None
    if long_key:
        message = (
            f"a key of {long_key:,} characters, longer than the {_LONGEST_KEY:,} YAML reads as "
            "one; keys here are short names, so shorten it (a long text goes after the ':')"
        )
    if "cannot start any token" in found and mark:
        character = text.splitlines()[mark.line][mark.column]
        message = (
            "a tab is used for indentation; YAML indents with spaces only, so replace the tab "
            "with spaces"
            if character == "\t"
            else f"a value cannot start with '{character}'; {_IN_QUOTES}"
        )
    if _NEVER_CLOSED in message and bad.context_mark:
        mark = bad.context_mark  # where the quote or bracket opens, not where the text ends
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return Problem(message, Location(path, line, column))


class _Builder:
    """Turns composed YAML nodes into plain data, recording where each key and value sits."""

    def __init__(self, source: SourceMap, error: type[DataFileError]) -> None:
        self.source = source
        self.error = error
        self.seen: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> DataFileError:
        mark = node.start_mark
        location = Location(self.source.file, mark.line + 1, mark.column + 1)
        return self.error([Problem(message, location)])

    def build(self, node: yaml.Node, path: YamlPath) -> Any:
        if id(node) in self.seen:
            raise self.fail(
                node,
                "anchors and aliases ('&name', '*name') are not used in these files; write the "
                "value out in full",
            )
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise self.fail(node, _TOO_DEEP)
        self.source.values[path] = (node.start_mark.line, node.start_mark.column)
        if node.tag not in _STANDARD_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(node, f"the YAML tag '{tag}' is not allowed here; remove it")
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and len(node.value) > MAX_ENTRIES:
            raise self.fail(
                node,
                f"{len(node.value):,} entries in one list or mapping, more than the "
                f"{MAX_ENTRIES:,} these files may have; split the file or remove entries",
            )
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.style in ("|", ">"):
            self.source.blocks.add(path)
        if not node.style and _DECIMAL.match(node.value) and _too_large(node.value):
            raise self.fail(
                node,
                f"a number of more than {MAX_DIGITS} digits, which no answer needs; "
                "put it in quotes if it is meant as text",
            )
        return scalar_value(node)

    def mapping(self, node: yaml.MappingNode, path: YamlPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(
                    key_node,
                    "a key must be a plain word, not a list or mapping; write it as 'word:'",
                )
            key = str(key_node.value)
            if key == "<<":
                raise self.fail(
                    key_node, "merge keys ('<<') are not used in these files; write the keys out"
                )
            if key in first_line:
                raise self.fail(
                    key_node,
                    f"duplicate key '{key}' (first at line {first_line[key]}); each key may "
                    "appear once, so merge the two",
                )
            first_line[key] = key_node.start_mark.line + 1
            self.source.keys[(*path, key)] = (key_node.start_mark.line, key_node.start_mark.column)
            result[key] = self.build(value_node, (*path, key))
        return result


def reads_as_number(text: str) -> bool:
    """Whether this text, written without quotes, is read as a number (a Decimal)."""
    return _DECIMAL.match(text) is not None


def _too_large(number: str) -> bool:
    """Whether a number has more than MAX_DIGITS digits, written out or by its exponent."""
    mantissa, _, exponent = number.lower().partition("e")
    digits = sum(character.isdigit() for character in mantissa.lstrip("+-0."))
    if digits == 0:  # a zero, however it is written
        return False
    return digits > MAX_DIGITS or len(exponent.lstrip("+-0")) > len(str(MAX_DIGITS)) - 1


def scalar_value(node: yaml.ScalarNode) -> Any:
    """YAML 1.2 core types only: 'no' and 'on' stay text, numbers keep how they were written."""
    return _typed(node.value, node.style, node.tag)


def _typed(text: str, style: str | None, tag: str) -> Any:
    if style or tag == _STR:
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


class _Unusual(Exception):
    """What only `_Builder` reads or refuses: an anchor, an alias, a tag, a key that is not
    plain text, a merge or duplicate key, more than the bounds allow, a second document."""


def _read_plainly(text: str, path: FilePath) -> tuple[Any, SourceMap]:
    """`parsed` of a file written as these files are, from libyaml's events: the same data
    and source map as `_Builder`'s, in about two thirds of the time (composing builds a
    Python node for each value and resolves its tag in Python, and the builder walks them
    again). Anything unusual raises `_Unusual`, as does a YAML error: the builder reads such
    a file again, so it is refused with the same message, at the same line."""
    source = SourceMap(path)
    loader = _Loader(text)
    try:
        next_event = loader.get_event
        next_event()  # the stream starts
        event = next_event()
        if type(event) is yaml.StreamEndEvent:
            return None, source
        data = _plain_value(next_event, next_event(), (), source)
        if type(next_event()) is not yaml.DocumentEndEvent:
            raise _Unusual
        if type(next_event()) is not yaml.StreamEndEvent:
            raise _Unusual
    finally:
        loader.dispose()
    return data, source


def _plain_value(
    next_event: Callable[[], Any], event: Any, path: YamlPath, source: SourceMap
) -> Any:
    """The value that starts with `event`, as `_Builder.build` reads it (libyaml marks every
    event: its `start_mark` is never None)."""
    kind = event.__class__
    if kind not in _VALUE_STARTS or event.anchor is not None or event.tag is not None:
        raise _Unusual  # an alias, an anchor or a tag
    if len(path) > MAX_DEPTH:
        raise _Unusual
    mark = event.start_mark
    source.values[path] = (mark.line, mark.column)
    if kind is yaml.ScalarEvent:
        style = event.style
        if style:
            if style in ("|", ">"):
                source.blocks.add(path)
            return event.value
        return _plain_scalar(event.value)
    if kind is yaml.MappingStartEvent:
        mapping: dict[str, Any] = {}
        key = next_event()
        kind = key.__class__
        while kind is yaml.ScalarEvent:
            name = key.value
            if key.anchor is not None or key.tag is not None or name == "<<" or name in mapping:
                raise _Unusual
            key_path = (*path, name)
            mark = key.start_mark
            source.keys[key_path] = (mark.line, mark.column)
            mapping[name] = _plain_value(next_event, next_event(), key_path, source)
            key = next_event()
            kind = key.__class__
        if kind is not yaml.MappingEndEvent or len(mapping) > MAX_ENTRIES:
            raise _Unusual
        return mapping
    items: list[Any] = []
    item = next_event()
    while item.__class__ is not yaml.SequenceEndEvent:
        items.append(_plain_value(next_event, item, (*path, len(items)), source))
        item = next_event()
    if len(items) > MAX_ENTRIES:
        raise _Unusual
    return items


_VALUE_STARTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _plain_scalar(text: str) -> Any:
    """A value written without quotes, typed as `scalar_value` types its node."""
    if text[:1] not in _RESOLVERS_BY_FIRST:  # text, as most are: a title, a word, a sentence
        return text
    tag = _implicit_tag(text)
    if tag is None:
        raise _Unusual
    return text if tag == _STR else _typed(text, "", tag)


@functools.lru_cache(maxsize=4096)
def _implicit_tag(text: str) -> str | None:
    """The tag libyaml's composer gives a value written without quotes or a tag, or None
    when the builder refuses the value: the same few words and numbers come back in every
    file."""
    # The stubs leave `resolve` untyped.
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag not in _STANDARD_TAGS or (_DECIMAL.match(text) and _too_large(text)):
        return None
    return tag


_RESOLVER = yaml.resolver.Resolver()
_RESOLVERS_BY_FIRST = _RESOLVER.yaml_implicit_resolvers
"""PyYAML's implicit tags, by the first character of the values they may match (numbers,
null, booleans, a few indicators): a value starting with any other is a string, and was
half of the look-ups of `_implicit_tag`, each different (a title, a guidance)."""
