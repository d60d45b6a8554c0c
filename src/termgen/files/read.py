"""The one way termgen reads bytes it did not write: bounded, regular files only, clear refusals.

Every file a user, counsel or the other side hands to termgen (answer files, clause files,
registries, interview definitions, Word templates, drafts) is read here:

- only a regular file is read: a folder, a pipe (FIFO), a device such as /dev/zero or a
  socket is refused at once, so nothing waits forever for a writer or reads without end;
- at most `kind.limit` bytes plus one are read, whatever size the file system reports;
- every way of failing is an error of `kind.error` naming the file and what to do (exit 2).

    read_bytes(path, kind) -> bytes           the raw bytes
    read_text(path, kind) -> str              UTF-8 text (a BOM is allowed), no NUL bytes (a
                                              stray one is refused at its line and column)
    decoded(data, path, kind) -> str          the same for bytes read_bytes returned
    checked_zip(data, path, kind, unpacked)   refuses a zip that is damaged, unpacks too large or
                                              holds too many XML tags
    word_xml_fault(error) -> str              what is wrong with Word XML that lxml refused

Limits per kind are documented in the README ("Limits").
"""

from __future__ import annotations

import codecs
import io
import os
import stat
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO

from termgen.errors import (
    AnswerFileError,
    LibraryError,
    Location,
    SpecError,
    TermgenError,
    WordTemplateError,
)
from termgen.files import MB

_CHUNK = 1 << 16
FilePath = Path | str
"""A file's path: a Path, or the string a Path of it writes (a library's clause files are listed
as strings: `library.folders.listed_paths`)."""


@dataclass(frozen=True)
class Kind:
    """What a file is meant to be, the most termgen reads of it, and the error it raises."""

    noun: str
    limit: int
    error: type[TermgenError]
    form: str = "YAML text"
    """What such a file holds, for messages: 'YAML text', 'a Word document'."""
    oversized: str = "so this is probably not one"
    """What to say after the limit when a file is larger."""

    @property
    def a(self) -> str:
        """The noun with its article: 'an answer file'."""
        return f"{'an' if self.noun[0] in 'aeiou' else 'a'} {self.noun}"

    def refuse(
        self, path: FilePath, message: str, line: int | None = None, column: int | None = None
    ) -> TermgenError:
        return self.error.at(Location(path, line, column), message)


ANSWER_FILE = Kind("answer file", 5 * MB, AnswerFileError)
CLAUSE_FILE = Kind("clause file", 1 * MB, LibraryError)
SECTIONS_REGISTRY = Kind("sections file", 1 * MB, LibraryError)
PROVISIONS_REGISTRY = Kind("provisions file", 5 * MB, LibraryError)
LIBRARY_SETTINGS = Kind("library settings file", 1 * MB, LibraryError)
INTERVIEW_DEFINITION = Kind("interview definition", 5 * MB, SpecError)
WORD_TEMPLATE = Kind("Word template", 20 * MB, WordTemplateError, "a Word document (.docx)")
WORD_TEMPLATE_UNPACKED = 100 * MB
"""The most a Word template may hold once unzipped (a zip bomb unpacks to gigabytes)."""


def _instead_of_folder(path: FilePath, kind: Kind) -> str:
    """What to do about a folder where a file was wanted: one named as a file is misnamed (a
    clause library lists every *.yaml in it); another was given for a file in it."""
    suffix = Path(path).suffix
    if suffix:
        return f"rename the folder so that its name does not end in {suffix}"
    return f"give the path of {kind.a} in it"


def read_bytes(path: FilePath, kind: Kind) -> bytes:
    """The bytes of a regular file of at most `kind.limit` bytes, or a clear refusal."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise kind.refuse(path, "no such file; check the name and folder") from None
    except PermissionError:
        raise kind.refuse(
            path, "cannot read the file (permission denied); check its permissions"
        ) from None
    except OSError as failed:
        raise kind.refuse(path, f"cannot read the file ({failed.strerror})") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise kind.refuse(path, f"is a folder, not {kind.a}; {_instead_of_folder(path, kind)}")
        if not stat.S_ISREG(status.st_mode):
            raise kind.refuse(
                path,
                f"is not a regular file (a pipe, device or socket); give {kind.a} saved on disk",
            )
        if status.st_size > kind.limit:
            size = _size(status.st_size)
            if size == _size(kind.limit):  # "5 MB; ... at most 5 MB" would not say why
                size = f"{status.st_size:,} bytes"
            raise _too_large(path, kind, size)
        data = _read_at_most(descriptor, kind.limit + 1)
    except OSError as failed:
        raise kind.refuse(path, f"cannot read the file ({failed.strerror})") from None
    finally:
        os.close(descriptor)
    if len(data) > kind.limit:  # it grew while read, or its size was not what it said
        raise _too_large(path, kind, f"more than {_size(kind.limit)}")
    return data


def _too_large(path: FilePath, kind: Kind, size: str) -> TermgenError:
    return kind.refuse(
        path,
        f"the file is {size}; {kind.noun}s are at most {_size(kind.limit)}, {kind.oversized}",
    )


def read_text(path: Path, kind: Kind) -> str:
    """The file as UTF-8 text; binary data or another encoding is refused at its line."""
    return decoded(read_bytes(path, kind), Path(path), kind)


def decoded(raw: bytes, path: FilePath, kind: Kind) -> str:
    """Bytes already read by `read_bytes` as UTF-8 text, refused as `read_text` refuses them."""
    if b"\x00" in raw:
        wide = _wide_encoding(raw)
        if wide:
            raise kind.refuse(path, f"the file is saved as {wide}; save it as UTF-8")
        if _stray_nuls(raw):
            offset = raw.index(b"\x00")
            start = raw.rfind(b"\n", 0, offset) + 1
            column = len(raw[start:offset].decode("utf-8", errors="replace")) + 1
            raise kind.refuse(
                path,
                "a NUL character (U+0000), which text cannot hold; delete it (an editor that "
                "shows control characters helps find it)",
                raw.count(b"\n", 0, offset) + 1,
                column,
            )
        raise kind.refuse(
            path, f"this is not a text file (it holds binary data); {kind.a} is {kind.form}"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        line = raw[: bad.start].count(b"\n") + 1
        raise kind.refuse(
            path, f"this is not UTF-8 text; save the file as UTF-8 (or it is not {kind.a})", line
        ) from None


def _stray_nuls(raw: bytes) -> bool:
    """Whether the NUL bytes in `raw` are a few strays in UTF-8 text (a bad paste, an editor
    that crashed), which are worth a line and column, rather than the mark of a binary file."""
    if raw.count(b"\x00") * 100 > len(raw):
        return False
    try:
        raw.replace(b"\x00", b"").decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' for text saved so (Windows' 'Unicode', with its byte order mark, or
    Latin text without one: every other byte zero, the others not), else None."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    start = raw[: len(raw[:512]) // 2 * 2]
    halves = start[::2], start[1::2]
    latin = any(not any(zero) and all(text) for zero, text in (halves, halves[::-1]))
    if len(start) >= 8 and latin:
        return "UTF-16"
    return None


def checked_zip(data: bytes, path: Path, kind: Kind, unpacked_limit: int) -> None:
    """Refuse a zip (.docx) that is damaged, encrypted or would unpack to over `unpacked_limit`.

    The sizes are the ones the zip declares; Python's zip reader never unpacks more than the
    declared size of an entry, so checking them bounds what reading the entries can cost.
    """
    import zipfile  # here: reading a PDF, on the way to PDFium, has no use for it
    import zlib

    damaged = kind.refuse(
        path, f"the file is damaged or not {kind.form}; open it in Word and save it again"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise damaged from None
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise kind.refuse(path, "the file is encrypted; save a copy without a password")
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > unpacked_limit:
        raise kind.refuse(
            path,
            f"the file unpacks to {_size(unpacked)}, more than the {_size(unpacked_limit)} "
            f"{kind.a} may hold; remove large images or embedded files",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            tags = sum(
                tags_in(archive.open(entry))
                for entry in entries
                if entry.filename.endswith((".xml", ".rels"))
            )
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, ValueError, EOFError):
        # An entry whose bytes do not match its checksum, do not inflate, or are packed in a
        # way Python does not read: found here, where each XML part is read once.
        raise damaged from None
    if tags > WORD_TAGS:
        raise kind.refuse(
            path,
            f"its Word XML holds {tags:,} tags, more than the {WORD_TAGS:,} {kind.a} may hold "
            "(a 1,000-page document has about a million); open it in Word and save it again",
        )


WORD_TAGS = 4_000_000
"""Tags ('<') in a Word package's XML parts together. Parsed, each element costs a few hundred
bytes and its share of every later pass, so 8,000,000 empty paragraphs, 48 MB unpacked from a
100 KB file, took 1.8 GB before anything could count them."""


def tags_in(stream: IO[bytes]) -> int:
    """The tags ('<') of an XML part, read a megabyte at a time, without parsing it."""
    with stream:
        return sum(chunk.count(b"<") for chunk in iter(partial(stream.read, MB), b""))


XML_DEPTH = 256
"""How deep lxml nests elements without XML_PARSE_HUGE, which termgen never asks for."""
XML_TEXT = 10 * MB
"""The most text one XML text node holds for lxml without XML_PARSE_HUGE."""


def xml_over_limit(error: Exception) -> str | None:
    """How XML that lxml refused goes over one of the parser's limits (which Word never comes
    near), in words that follow "its Word XML"; None where it is broken instead."""
    said = str(error).lower()
    if "depth" in said:
        return f"nests elements more than {XML_DEPTH} deep (Word never does)"
    if "amplification" in said:
        return "expands entities far beyond their text (Word never declares any)"
    if "text node" in said or "huge" in said:
        return f"holds more than {XML_TEXT // MB} MB of text in one paragraph"
    return None


def word_xml_fault(error: Exception) -> str:
    """What is wrong with a Word part's XML that lxml refused, in words that follow "its Word
    XML": over a limit, or broken at a place; never lxml's own wording, which names its
    options."""
    from lxml import etree

    over = xml_over_limit(error)
    if over is not None:
        return over
    if isinstance(error, etree.XMLSyntaxError) and error.position[0]:
        line, column = error.position
        return f"is broken at line {line}, column {column} of a part"
    return "is broken"


def _read_at_most(descriptor: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(descriptor, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _size(count: int) -> str:
    return f"{round(count / MB, 1):g} MB" if count >= MB else f"{count:,} bytes"
