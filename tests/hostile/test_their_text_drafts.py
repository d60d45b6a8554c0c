"""Text drafts from the other side as Windows and other editors save them."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ROOT, run_cli

TERM_SHEET = ROOT / "tests" / "fixtures" / "drafts" / "term-sheet.txt"


def test_a_text_draft_saved_as_utf_16_is_checked_like_its_utf_8_copy(tmp_path: Path) -> None:
    text = TERM_SHEET.read_text(encoding="utf-8")
    for encoding in ("utf-16", "utf-16-be"):
        draft = tmp_path / f"{encoding}.txt"
        bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
        draft.write_bytes(bom + text.encode(encoding))
        checked = run_cli("check", draft)
        original = run_cli("check", TERM_SHEET)
        assert checked.status == original.status == 0, checked.err
        assert checked.out.replace(str(draft), "X") == original.out.replace(str(TERM_SHEET), "X")


ESCAPES = "\x1b]0;pwned\x07\x1b[31m\u202e"
"""Retitles the terminal, turns what follows red and shows the rest of the line backwards."""


def test_what_a_draft_or_its_file_name_holds_cannot_drive_the_terminal(tmp_path: Path) -> None:
    room = tmp_path / "room"
    room.mkdir()
    text = TERM_SHEET.read_text(encoding="utf-8")
    draft = room / f"term{ESCAPES}sheet.txt"
    draft.write_text(text.replace("Term Sheet", f"Term{ESCAPES} Sheet", 1), encoding="utf-8")
    (room / f"broken{ESCAPES}.pdf").write_bytes(b"%PDF-1.7\n")
    alone, folder = run_cli("check", draft), run_cli("check", room)
    assert "Term\\u001b]0;pwned\\u0007\\u001b[31m\\u202e Sheet" in alone.out.replace("\n", " ")
    for run in alone, folder:
        assert not {"\x1b", "\x07", "\u202e"} & set(run.out + run.err), run.out + run.err
    assert "broken\\u001b]0;pwned\\u0007\\u001b[31m\\u202e.pdf " in folder.out
    assert "cannot check: the file is damaged or not a PDF" in folder.out  # named once, not twice
