"""Hostile drafts: every one gets exit 2 and one located message, within 10 s of processor
time and 500 MB.

Each case runs `termgen check` as a separate process, so that its peak memory can be read
and a hang would end the test (the bound is a guard against runaway work, not a speed test).
The two AES-encrypted fixtures are the supply agreement encrypted with pypdf (AES-256):
aes-open.pdf with an empty user password, aes-password.pdf with the password 'secret'.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from pathlib import Path

import docx
import pypdf
import pytest

from termgen.errors import UnreadableDraftError
from termgen.their_drafts.pdf import HALVED_BYTES, refuse_bombs

from ..conftest import run_cli
from ..draft_fixtures import SOURCES, build_docx, build_pdf
from ..hostile.bounded import termgen


def _check(*args: str | Path, as_plain_user: bool = False) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `termgen check ARGS`, bounded in time and memory."""
    run = termgen("check", *args, ordinary=as_plain_user)
    run.assert_bounded()
    return run.status, run.out, run.err


def _repeated_deflate(megabytes: int) -> bytes:
    """A zlib stream that unpacks to `megabytes` MB of spaces, made in a blink: one fully
    flushed megabyte repeated (its checksum is wrong, which no reader gets to see)."""
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(6)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + again * (megabytes - 1) + packer.flush()


def _pdf_bomb(target: Path, megabytes: tuple[int, ...] = (300,), padding: int = 0) -> Path:
    """A page whose content streams unpack to so many MB each; `padding` bytes of comment
    after the first."""
    streams = [_repeated_deflate(size) for size in megabytes]
    contents = b" ".join(b"%d 0 R" % (4 + number) for number in range(len(streams)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [%s] >>" % contents,
        *(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
            + stream
            + b"\nendstream"
            for stream in streams
        ),
    ]
    body = b"%PDF-1.7\n"
    for number, content in enumerate(objects, start=1):
        body += b"%d 0 obj\n" % number + content + b"\nendobj\n"
        if number == 4:
            body += b"%" + b"x" * padding + b"\n"
    target.write_bytes(body + b"trailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n")
    return target


def _word(target: Path, replace: dict[str, bytes] | None = None, add_huge: bool = False) -> Path:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("This Agreement between the parties shall run for three years.")
    document.save(buffer)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for item in source.infolist():
            copy.writestr(item, (replace or {}).get(item.filename, source.read(item)))
        if add_huge:
            with copy.open("word/media/padding.bin", "w", force_zip64=True) as stream:
                chunk = b"\0" * (1 << 20)
                for _ in range(300):
                    stream.write(chunk)
    return target


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""
BROKEN_XML = b"""<?xml version="1.0"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>This Agreement</w:t></w:r>"""
WORD_DAMAGED = "the file is damaged or not a Word document; ask for a new copy or save it again"
TOO_BIG = "is larger than termgen reads"


def test_an_aes_encrypted_pdf_that_needs_no_password_is_checked() -> None:
    status, out, err = _check(SOURCES / "aes-open.pdf")
    assert (status, err) == (0, "")
    assert (
        out.splitlines()[-1]
        == "12 present, 0 weak, 5 missing; 1 blocking provision weak or missing"
    )


def test_an_aes_encrypted_pdf_asks_for_its_password_and_opens_with_it() -> None:
    locked = SOURCES / "aes-password.pdf"
    assert _check(locked) == (
        2,
        "",
        f"{locked}: the PDF is encrypted with a password; ask the sender for an unprotected "
        "copy or save one without protection, or give the password with --password\n",
    )
    assert _check(locked, "--password", "nope") == (
        2,
        "",
        f"{locked}: the password given with --password does not open this PDF; check it\n",
    )
    status, out, _ = _check(locked, "--password", "secret")
    assert status == 0
    assert "present  blocking  term.initial" in out


def test_a_pdf_decompression_bomb_is_refused(tmp_path: Path) -> None:
    bomb = _pdf_bomb(tmp_path / "bomb.pdf")
    assert _check(bomb) == (
        2,
        "",
        f"{bomb}: the PDF's unpacked content {TOO_BIG} (256 MB); split the draft or check the "
        "part that matters\n",
    )


def test_a_bomb_shared_out_between_the_halves_of_a_long_pdf_is_refused(tmp_path: Path) -> None:
    bomb = _pdf_bomb(tmp_path / "bomb.pdf", (130, 130), padding=HALVED_BYTES)
    assert bomb.stat().st_size >= HALVED_BYTES
    with pytest.raises(UnreadableDraftError, match="unpacked content"):
        refuse_bombs(bomb, bomb.read_bytes(), halves=True)
    assert _check(bomb)[0] == 2


def test_the_halves_of_a_long_pdf_are_counted_once(tmp_path: Path) -> None:
    below = _pdf_bomb(tmp_path / "big.pdf", (120, 120), padding=HALVED_BYTES)
    refuse_bombs(below, below.read_bytes(), halves=True)


def test_a_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = _word(tmp_path / "bomb.docx", add_huge=True)
    assert _check(bomb) == (
        2,
        "",
        f"{bomb}: the Word document's unpacked content {TOO_BIG} (256 MB); split the draft or "
        "check the part that matters\n",
    )


@pytest.mark.parametrize(
    ("case", "xml", "message"),
    [
        (
            "billion laughs",
            BILLION_LAUGHS,
            f"{WORD_DAMAGED} (its XML declares a document type, which Word never writes)",
        ),
        ("broken XML", BROKEN_XML, WORD_DAMAGED),
        (
            "one paragraph of 18 MB",
            BROKEN_XML + b"word " * 3_600_000 + b"</w:t></w:r></w:p></w:body></w:document>",
            "termgen does not read this Word document: its XML holds more than 10 MB of text in "
            "one paragraph; split the draft, or ask for a new copy saved in Word",
        ),
        (
            "4,100,000 empty paragraphs",
            BROKEN_XML + b"<w:p/>" * 4_100_000 + b"</w:body></w:document>",
            "the Word document's XML is larger than termgen reads (4,000,000 tags); split the "
            "draft or check the part that matters",
        ),
        (
            "5,000 elements deep",
            BROKEN_XML
            + b"<w:r>" * 5000
            + b"</w:r>" * 5000
            + b"</w:t></w:r></w:p></w:body></w:document>",
            "termgen does not read this Word document: its XML nests elements more than 256 deep "
            "(Word never does); split the draft, or ask for a new copy saved in Word",
        ),
    ],
)
def test_hostile_xml_in_a_docx_is_refused(
    tmp_path: Path, case: str, xml: bytes, message: str
) -> None:
    draft = _word(tmp_path / "draft.docx", replace={"word/document.xml": xml})
    assert _check(draft) == (2, "", f"{draft}: {message}\n")


def test_a_text_file_the_user_may_not_read_says_cannot_read(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("This Agreement between the parties runs for three years.", encoding="utf-8")
    draft.chmod(0o000)
    assert _check(draft, as_plain_user=os.geteuid() == 0) == (
        2,
        "",
        f"{draft}: cannot read the file (permission denied); check its permissions\n",
    )


def test_a_200_mb_text_file_is_refused_by_its_size(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(200 * 1024 * 1024)
    assert _check(huge) == (
        2,
        "",
        f"{huge}: the file is 209.7 MB; text files are at most 10 MB, so split the draft or "
        "check the part that matters\n",
    )


def test_20000_text_pages_are_refused_by_their_length(tmp_path: Path) -> None:
    page = "This Agreement between the parties shall continue in force for three years. " * 3
    pages = tmp_path / "pages.txt"
    pages.write_text("\f".join([page] * 20_000), encoding="utf-8")
    assert _check(pages) == (
        2,
        "",
        f"{pages}: the draft's text {TOO_BIG} (3,000,000 characters); split the draft or check "
        "the part that matters\n",
    )


def test_a_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "draft.txt"
    os.mkfifo(pipe)
    assert _check(pipe) == (
        2,
        "",
        f"{pipe}: is not a regular file (a pipe, device or socket); give a text file saved on "
        "disk\n",
    )


def test_a_cue_that_backtracks_is_refused_by_check_and_lint(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    (overlay / "provisions.yaml").write_text(
        "- id: exit.escrow\n  label: Source code escrow\n  why: Keeps the code reachable.\n"
        "  severity: warning\n  clause: false\n  cues:\n    present:\n"
        "      - all: ['^(\\w+\\s?)+$']\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.txt"
    draft.write_text("This Agreement between the parties runs for three years.", encoding="utf-8")
    expected = (
        f"{overlay / 'provisions.yaml'}:8:15: a repetition inside an unbounded or long "
        "repetition (as in '(\\w+\\s?)+' or '(.*a){20}') can make a long draft take hours to "
        "check; bound the inner one, e.g. '\\w{1,30}', or the outer one, e.g. '{0,5}'"
    )
    assert _check(draft, "--library", overlay) == (2, "", expected + "\n")
    linted = termgen("library", "lint", overlay)
    linted.assert_bounded()
    assert linted.status == 2
    assert expected in linted.err.splitlines()


RENAMED = [
    # (what the file is, the name it was given, what it is to be called)
    ("supply-agreement.pdf", "draft.txt", "this is a PDF, not a text file as its name says; "),
    ("supply-agreement.pdf", "draft.docx", "this is a PDF, not a Word document as its name says; "),
    ("licence.docx", "draft.pdf", "this is a zip archive, as a Word document is, not a PDF as "),
    ("licence.docx", "draft.txt", "this is a zip archive, as a Word document is, not a text "),
    ("licence.txt", "draft.pdf", "this is a text file, not a PDF as its name says; rename it "),
]


@pytest.mark.parametrize(("source", "name", "message"), RENAMED, ids=[n for _, n, _ in RENAMED])
def test_a_draft_saved_under_another_kind_s_name_is_told_the_name_to_give_it(
    tmp_path: Path, source: str, name: str, message: str
) -> None:
    draft = tmp_path / name
    if source.endswith(".txt"):
        draft.write_text(
            "This Agreement between the parties runs for three years.\n", encoding="utf-8"
        )
    else:
        draft.write_bytes(
            (build_pdf if source.endswith(".pdf") else build_docx)(
                Path(source).stem, tmp_path
            ).read_bytes()
        )
    status, out, err = _check(draft)
    assert (status, out) == (2, "")
    assert err.startswith(f"{draft}: {message}"), err
    assert err.rstrip().endswith(f"rename it to {Path(source).suffix} and check it again"), err


def _strokes_pdf(target: Path, strokes: int, pages: int) -> Path:
    """One page of `strokes` strokes and a sentence, shown `pages` times: a few kilobytes."""
    content = zlib.compress(
        b"BT /F1 12 Tf 72 720 Td (This Agreement between the parties runs for three years.) "
        b"Tj ET " + b"0 0 m 1 1 l S " * strokes
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" 3 0 R" * pages, pages),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.7\n"
    for number, part in enumerate(objects, start=1):
        body += b"%d 0 obj\n%s\nendobj\n" % (number, part)
    target.write_bytes(body + b"trailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n")
    return target


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        (
            "termgen.their_drafts.pdf.MOST_PAGE_OBJECTS",
            20_000,
            "the PDF's drawing is larger than termgen reads (20,000 objects on its pages); split "
            "the draft or check the part that matters",
        ),
        (
            "termgen.their_drafts.limits.READING_SECONDS",
            0.0,
            "the PDF takes more than 0 s of processor time to read (its pages hold far more to "
            "draw than text); split the draft or check the part that matters",
        ),
    ],
)
def test_a_small_pdf_whose_pages_take_long_to_parse_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: float, message: str
) -> None:
    """The real bounds (2,000,000 objects, 15 s) take a page of 200,000 strokes shown 3,000
    times, minutes of PDFium's time unbounded, some seconds to reach; lowered here."""
    monkeypatch.setattr(limit, value)
    draft = _strokes_pdf(tmp_path / "strokes.pdf", 2_000, 60)
    result = run_cli("check", draft)
    assert (result.status, result.out, result.err) == (2, "", f"{draft}: {message}\n")


def test_a_pdf_without_pages_says_what_to_do(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    pypdf.PdfWriter().write(empty)
    assert _check(empty) == (
        2,
        "",
        f"{empty}: the PDF has no pages; ask for a new copy or export it again\n",
    )


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".txt"])
def test_an_empty_draft_is_called_empty_not_damaged(tmp_path: Path, suffix: str) -> None:
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    assert _check(empty) == (
        2,
        "",
        f"{empty}: the file is empty (0 bytes); check that it is the draft you meant, or ask "
        "for a new copy\n",
    )
