"""Hostile Word templates given with --templates: each is refused with one message naming the
template, nothing is written, within 10 s and 500 MB."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import EXAMPLES_DIR, ROOT
from .bounded import termgen

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
TERM_SHEET = (ROOT / "templates" / "term-sheet.docx").read_bytes()


def _with_tag(tag: str) -> Callable[[str], str]:
    return lambda xml: xml.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{tag}</w:t></w:r></w:p>", 1)


def _laughs(xml: str) -> str:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 2 else "") + ";") * 10}">'
        for n in range(2, 10)
    )
    xml = re.sub(r"^<\?xml[^>]*\?>", f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]>', xml)
    return _with_tag("&lol9;")(xml)


def _template(folder: Path, document: Callable[[str], str] | None = None, extra: int = 0) -> Path:
    """The built-in term sheet with its document.xml changed, or with a huge extra entry."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(TERM_SHEET)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "word/document.xml" and document is not None:
                data = document(data.decode()).encode()
            target.writestr(entry.filename, data)
        if extra:
            target.writestr("word/media/padding.bin", b"\0" * extra)
    folder.mkdir()
    (folder / "term-sheet.docx").write_bytes(out.getvalue())
    return folder / "term-sheet.docx"


HOSTILE = {
    "include": (
        _with_tag("{% include 'other.docx' %}"),
        0,
        "the template could not be filled: templates cannot include, import or extend other templates",
    ),
    "import": (
        _with_tag("{% import 'other' as x %}"),
        0,
        "templates cannot include, import or extend other templates",
    ),
    "recursive macro": (
        _with_tag("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
        0,
        "macros or recursive loops call each other more than 30 deep",
    ),
    "type error": (
        _with_tag("{{ 1 + 'a' }}"),
        0,
        "unsupported operand type(s) for +: 'int' and 'str' (TypeError)",
    ),
    "raw markup": (
        _with_tag("{{ '&lt;w:p&gt;&lt;broken' | safe }}"),
        0,
        "the template could not be filled: ",
    ),
    "billion laughs": (
        _laughs,
        0,
        "its Word XML expands entities far beyond their text (Word never declares any); open "
        "it in Word and save it again",
    ),
    "broken XML": (lambda xml: xml[: len(xml) // 2], 0, "its Word XML is broken at line 2, "),
    "5,000 elements deep": (
        _with_tag("<w:r>" * 5000 + "</w:r>" * 5000),
        0,
        "its Word XML nests elements more than 256 deep (Word never does); open it in Word and "
        "save it again",
    ),
    "zip bomb": (
        None,
        101_000_000,
        "MB, more than the 100 MB a Word template may hold; remove large images",
    ),
    "4,100,000 empty paragraphs": (
        lambda xml: xml.replace("<w:body>", "<w:body>" + "<w:p/>" * 4_100_000, 1),
        0,
        "more than the 4,000,000 a Word template may hold (a 1,000-page document has about a "
        "million); open it in Word and save it again",
    ),
    "infinity": (
        _with_tag("{{ 'inf' | float }}"),
        0,
        "it makes the number inf, infinite or not a number, which no draft can state",
    ),
    "not a number, folded": (
        _with_tag("{{ 'nan' | float | round }}"),
        0,
        "it makes the number nan, infinite or not a number, which no draft can state",
    ),
    "float overflow": (
        _with_tag("{{ 10.0 ** (deal.name | length * 100) }}"),
        0,
        "the template could not be filled: it makes a number too large to hold; check",
    ),
    "changes its data": (
        _with_tag("{{ deal.clear() }}"),
        0,
        "refused: 'clear' would change the mapping it is called on; a template reads the deal",
    ),
    "reaches into internals": (
        _with_tag("{{ ''.__class__.__mro__ }}"),
        0,
        "the template could not be filled: refused: '__class__' reaches into Python internals; "
        "only deal fields may be read; check",
    ),
    "reaches into internals by a filter": (
        _with_tag("{{ deal|attr('__class__') }}"),
        0,
        "the template could not be filled: refused: '__class__' reaches into Python internals; "
        "only deal fields may be read; check",
    ),
    "reaches into internals by a key": (
        _with_tag("{% set name = '__' ~ 'class__' %}{{ parties[0][name] }}"),
        0,
        "the template could not be filled: refused: '__class__' reaches into Python internals; "
        "only deal fields may be read; check",
    ),
    "a loop left open": (
        _with_tag("{% for party in parties %}"),
        0,
        "The innermost block that needs to be closed is 'for'; check its template tags",
    ),
    "huge loop": (
        _with_tag("{% for a in 'x' * 10000 %}{% for b in 'x' * 10000 %}{% endfor %}{% endfor %}"),
        0,
        "its loops and calls run more than",
    ),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_template_is_refused_and_nothing_is_written(tmp_path: Path, case: str) -> None:
    document, extra, message = HOSTILE[case]
    template = _template(tmp_path / "templates", document, extra)
    run = termgen("draft", BATTERY, "-o", tmp_path / "out", "--templates", tmp_path / "templates")
    run.assert_bounded()
    assert run.status == 2
    assert run.err.startswith(f"{template}: "), run.err
    assert message in run.err, run.err
    assert len(run.err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_template_whose_part_fails_its_checksum_is_refused_as_damaged(tmp_path: Path) -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(TERM_SHEET)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry.filename))
    stored = out.getvalue()
    at = stored.index(b"<w:styles ")  # stored as is: a byte changed there breaks the CRC-32
    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "term-sheet.docx"
    template.write_bytes(stored[:at] + b"<w:stylez " + stored[at + 10 :])
    run = termgen("draft", BATTERY, "-o", tmp_path / "out", "--templates", tmp_path / "templates")
    run.assert_bounded()
    assert (run.status, run.err) == (
        2,
        f"{template}: the file is damaged or not a Word document (.docx); open it in Word and "
        "save it again\n",
    )
    assert not (tmp_path / "out").exists()
