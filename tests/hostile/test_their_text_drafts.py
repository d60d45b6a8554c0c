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
