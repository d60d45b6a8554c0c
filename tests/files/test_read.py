"""The one reader of untrusted files: regular files only, never more than the limit, every
failure an error of the kind's class at the file (and line, when there is one)."""

from __future__ import annotations

import codecs
import io
import os
import zipfile
from pathlib import Path

import pytest

from termgen.errors import LibraryError, UnreadableDraftError
from termgen.files.datafile import parse_yaml
from termgen.files.read import CLAUSE_FILE, Kind, checked_zip, decoded, read_bytes, read_text

SMALL = Kind("test file", 10, UnreadableDraftError, "plain text")


def _refusal(call: object, *args: object) -> str:
    with pytest.raises(UnreadableDraftError) as refused:
        call(*args)  # type: ignore[operator]
    return str(refused.value)


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"0123456789")
    assert read_bytes(path, SMALL) == b"0123456789"
    path.write_bytes(b"0123456789!")
    assert _refusal(read_bytes, path, SMALL) == (
        f"{path}: the file is 11 bytes; test files are at most 10 bytes, so this is probably not one"
    )


def test_what_is_not_a_regular_file_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "is not a regular file (a pipe, device or socket)" in _refusal(read_bytes, pipe, SMALL)
    assert "is not a regular file" in _refusal(read_bytes, Path("/dev/zero"), SMALL)
    assert _refusal(read_bytes, tmp_path, SMALL) == (
        f"{tmp_path}: is a folder, not a test file; give the path of a test file in it"
    )
    misnamed = tmp_path / "deal.yaml"
    misnamed.mkdir()
    assert _refusal(read_bytes, misnamed, SMALL) == (
        f"{misnamed}: is a folder, not a test file; rename the folder so that its name does not "
        "end in .yaml"
    )
    missing = tmp_path / "missing"
    assert (
        _refusal(read_bytes, missing, SMALL)
        == f"{missing}: no such file; check the name and folder"
    )


def test_text_that_is_not_utf_8_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"ok\nok\n\xff")
    assert _refusal(read_text, path, SMALL).startswith(f"{path}:3: this is not UTF-8 text")
    path.write_bytes(b"a\x00b")
    assert _refusal(read_text, path, SMALL) == (
        f"{path}: this is not a text file (it holds binary data); a test file is plain text"
    )


def test_a_stray_nul_in_text_is_refused_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    text = "deal:\n" + "  # a comment long enough to be text\n" * 5 + "  name: Pröject\x00 Volta\n"
    assert _refusal(decoded, text.encode(), path, SMALL) == (
        f"{path}:7:16: a NUL character (U+0000), which text cannot hold; delete it (an editor "
        "that shows control characters helps find it)"
    )
    assert "it holds binary data" in _refusal(decoded, b"\x00" * 3000, path, SMALL)


def test_the_error_class_is_the_kind_s_own(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        read_bytes(tmp_path / "missing.yaml", Kind("clause file", 10, LibraryError))


def _zip(**entries: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_is_refused_when_damaged_encrypted_or_too_large_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "d.docx"
    checked_zip(_zip(a=b"x" * 100), path, SMALL, unpacked_limit=100)
    assert "unpacks to 101 bytes, more than the 100 bytes" in _refusal(
        checked_zip, _zip(a=b"x" * 101), path, SMALL, 100
    )
    assert "the file is damaged or not plain text" in _refusal(
        checked_zip, b"PK\x03\x04junk", path, SMALL, 100
    )
    encrypted = bytearray(_zip(a=b"x"))
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # set the 'encrypted' flag in both headers
        at = encrypted.index(header) + (6 if header == b"PK\x03\x04" else 8)
        encrypted[at] |= 1
    assert "the file is encrypted" in _refusal(checked_zip, bytes(encrypted), path, SMALL, 100)


def test_a_number_is_too_long_by_its_digits_not_by_the_zeros_it_is_written_with() -> None:
    text = "zero: 0E000\nalso: 0E100\nlong: 1e0099\n"
    data, _ = parse_yaml(text, Path("numbers.yaml"), CLAUSE_FILE)
    assert data == {"zero": "0E000", "also": "0E100", "long": "1e0099"}
    with pytest.raises(LibraryError, match="a number of more than 100 digits"):
        parse_yaml("huge: 1e100\n", Path("numbers.yaml"), CLAUSE_FILE)


@pytest.mark.parametrize(
    ("encoding", "bom", "named"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
        ("utf-16-le", b"", "UTF-16"),
        ("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    ],
)
def test_text_saved_as_utf_16_or_32_is_named_so(
    tmp_path: Path, encoding: str, bom: bytes, named: str
) -> None:
    path, kind = tmp_path / "f.txt", Kind("test file", 1000, UnreadableDraftError)
    path.write_bytes(bom + "deal:\n  name: Volta\n".encode(encoding))
    assert _refusal(read_text, path, kind) == (
        f"{path}: the file is saved as {named}; save it as UTF-8"
    )
    path.write_bytes(bytes(64))
    assert "it holds binary data" in _refusal(read_text, path, kind)
