"""Writing answer files: the deal as YAML, with a header that lets editors autocomplete."""

from __future__ import annotations

import codecs
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from termgen.answers.layout import Path as Path_
from termgen.answers.layout import Writer, read_layout
from termgen.answers.read import answers_data, plain_answers, read_answers
from termgen.answers.schema import SCHEMA_HINT, write_schema_beside
from termgen.errors import AnswersChangedError, Location
from termgen.files.read import ANSWER_FILE, read_bytes
from termgen.files.write import write_atomically
from termgen.model import Deal


def dump_answers(data: dict[str, Any]) -> str:
    """YAML text for answer data, with a header that lets editors autocomplete."""
    body = yaml.dump(
        plain_answers(data), Dumper=_AnswerDumper, sort_keys=False, allow_unicode=True, width=10_000
    )
    return f"{SCHEMA_HINT}\n{body}"


def save_deal(deal: Deal, path: Path | str, *, replace: bool = True) -> Path:
    """Write the deal as an answer file, atomically."""
    return write_atomically(Path(path), dump_answers(answers_data(deal)).encode(), replace=replace)


class AnswerFile:
    """The answer file an interview saves after every answer, keeping what its author wrote
    around the answers (comments, blank lines, quoting, key order, line endings).

    A file changed by someone else while the interview runs (edited in another window) is
    never written over: the save stops with an error, and the edits are kept."""

    def __init__(self, path: Path, writer: Writer, on_disk: bytes | None = None) -> None:
        self.path = path
        self.writer = writer
        self._saved: dict[str, Any] | None = None
        self._text: str | None = None
        self._on_disk = on_disk
        self._newline = "\r\n" if on_disk and b"\r\n" in on_disk else "\n"
        self._mark = "\ufeff" if on_disk and on_disk.startswith(codecs.BOM_UTF8) else ""

    @classmethod
    def open(cls, original: Path | None, path: Path) -> AnswerFile:
        """Save to `path`, in the layout of `original` (the file the answers were read from)."""
        layout = read_layout(original.read_text(encoding="utf-8-sig")) if original else None
        return cls(path, Writer(layout, SCHEMA_HINT), _contents(path))

    def save(self, data: dict[str, Any], meanings: Mapping[Path_, str] | None = None) -> None:
        """Write the answers atomically; a save that changes nothing writes nothing.

        `data` is the interview's answers for the file, built afresh for each save, so it is
        kept as it is (no copy) to check the file against when the interview ends.
        `meanings` says what a null written afresh means ('either party'), as a comment after
        it."""
        text = self.writer.text(data, meanings or {})
        if text == self._text:
            return
        self._write(self._encoded(text), durable=False)
        if self._text is None and SCHEMA_HINT in text.splitlines():
            write_schema_beside(self.path)
        self._saved, self._text = data, text

    def close(self) -> None:
        """Make the last save durable, and make sure the file reads back as the answers."""
        if self._saved is None:
            return
        self._refuse_if_changed()
        read, _ = read_answers(self.path)
        if _same_answers(read, self._saved) and self._on_disk is not None:
            self._write(self._on_disk)
        else:
            self._write(self._encoded(dump_answers(self._saved)))

    def _encoded(self, text: str) -> bytes:
        """The text with the line endings and byte-order mark the file had when read."""
        return (self._mark + text.replace("\n", self._newline)).encode()

    def _write(self, data: bytes, *, durable: bool = True) -> None:
        self._refuse_if_changed()
        write_atomically(self.path, data, replace=True, durable=durable)
        self._on_disk = data

    def _refuse_if_changed(self) -> None:
        current = _contents(self.path)
        if current is not None and current != self._on_disk:
            raise AnswersChangedError(
                "changed on disk while the interview ran (edited elsewhere?); the last answer "
                "was not saved, so those edits are kept. Continue with: termgen interview "
                f"{self.path}",
                location=Location(self.path),
            )


def _contents(path: Path) -> bytes | None:
    """What the file holds; None where there is no file (yet), or where a folder, pipe or
    device is in the way, which the write then refuses (reading a pipe would wait for ever)."""
    return read_bytes(path, ANSWER_FILE) if path.is_file() else None


def _same_answers(read: dict[str, Any], saved: dict[str, Any]) -> bool:
    return bool(plain_answers(read) == plain_answers(saved))


class _AnswerDumper(yaml.SafeDumper):
    """Indents list entries under their key and writes multi-line text as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_AnswerDumper.add_representer(str, _represent_text)
