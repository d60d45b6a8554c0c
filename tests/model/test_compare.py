"""`termgen diff`: the planted changes between two versions, in words and as a Word redline."""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from termgen.render.pdf import convert

from ..conftest import EXAMPLES_DIR, run_cli

BATTERY_JV = EXAMPLES_DIR / "battery-jv.yaml"
NEW_CONTRIBUTION = {
    "party": "KSC",
    "kind": "engineering_capacity",
    "description": "Training for NAW plant staff.",
    "quantity": "12 FTE",
    "start": "2028-01-01",
    "end": "2028-12-31",
    "critical_path": False,
    "tracking": "Monthly training log.",
    "acceptance": "Sign-off by the NAW plant manager.",
}
PLANTED = {
    "Deal": ["Version: 0.4 → 0.5"],
    "Contributions and phases": [
        "Contribution 'KSC, engineering capacity, Training for NAW plant staff.' added "
        "(quantity 12 FTE; start 1 January 2028; end 31 December 2028; critical path no; "
        "tracking Monthly training log.; acceptance Sign-off by the NAW plant manager.)"
    ],
    "Term, renewal and exit": [
        "Renewal notice: 18 months → 24 months",
        "Exit trigger 'breach', cure: 90 days → 60 days",
    ],
}


def _next_round(deal: dict[str, Any]) -> None:
    deal["deal"]["version"] = "0.5"
    deal["exit"]["renewal"]["notice"] = "24 months"
    deal["exit"]["triggers"][0]["cure"] = "60 days"
    deal["strengths"]["contributions"].append(NEW_CONTRIBUTION)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    deal = yaml.safe_load(BATTERY_JV.read_text(encoding="utf-8"))
    old = tmp_path / "volta-v0.4.yaml"
    old.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True), encoding="utf-8")
    _next_round(deal)
    new = tmp_path / "volta-v0.5.yaml"
    new.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return old, new


def test_diff_lists_exactly_the_planted_changes(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = run_cli("diff", old, new)
    assert result.status == 0, result.err
    expected = [f"4 change(s): Project Volta v0.4 ({old}) → v0.5 ({new})"]
    for element, changes in PLANTED.items():
        expected += ["", element, *(f"  - {change}" for change in changes)]
    assert result.out.splitlines() == expected


def test_diff_as_json(versions: tuple[Path, Path]) -> None:
    result = run_cli("diff", *versions, "--json")
    changes = json.loads(result.out)["changes"]
    assert [(c["element"], c["change"]) for c in changes] == [
        (element, change) for element, items in PLANTED.items() for change in items
    ]
    assert changes[2]["path"] == "exit.renewal.notice"


def test_reordered_lists_and_identical_files_are_no_change(tmp_path: Path) -> None:
    deal = yaml.safe_load(BATTERY_JV.read_text(encoding="utf-8"))
    deal["exit"]["triggers"].reverse()
    deal["parties"].reverse()
    shuffled = tmp_path / "shuffled.yaml"
    shuffled.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True))
    result = run_cli("diff", BATTERY_JV, shuffled)
    assert result.status == 0
    assert result.out.startswith("No changes: Project Volta v0.4")


def test_removed_items_and_cleared_values_are_named(tmp_path: Path) -> None:
    deal = yaml.safe_load(BATTERY_JV.read_text(encoding="utf-8"))
    removed = deal["exit"]["triggers"].pop()
    del deal["exit"]["renewal"]["max_renewals"]
    deal["goals"]["value_sharing"]["equity"] = {"NAW": 51, "KSC": 49}
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True))
    lines = run_cli("diff", BATTERY_JV, new).out.splitlines()
    assert "  - Equity: NAW 50 %, KSC 50 % → NAW 51 %, KSC 49 %" in lines
    assert "  - Renewal max renewals removed (was 2)" in lines
    kind = removed["kind"].replace("_", " ")
    assert any(line.startswith(f"  - Exit trigger '{kind}") and "removed" in line for line in lines)


def test_a_bad_file_or_a_redline_without_a_target_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("deal:\n  name: X\n  renwal: 1\n", encoding="utf-8")
    result = run_cli("diff", BATTERY_JV, bad)
    assert result.status == 2
    assert "bad.yaml:" in result.err and "Traceback" not in result.err
    missing = run_cli("diff", BATTERY_JV, BATTERY_JV, "--redline")
    assert missing.status == 2
    assert "--redline needs -o FILE.docx" in missing.err


def _revisions(docx: Path) -> tuple[list[str], list[str], str]:
    """Texts inside w:ins and w:del (non-empty), and the whole document XML."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    found: dict[str, list[str]] = {"ins": [], "del": []}
    for match in re.finditer(r"<w:(ins|del) [^>]*>(.*?)</w:\1>", xml):
        text = "".join(re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)<", match.group(2)))
        if text:
            found[match.group(1)].append(text)
    return found["ins"], found["del"], xml


def test_the_redline_tracks_the_planted_changes_and_nothing_else(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    redline = tmp_path / "redline.docx"
    result = run_cli("diff", *versions, "--redline", "-o", redline)
    assert result.status == 0, result.err
    inserted, deleted, xml = _revisions(redline)
    assert deleted == ["4", "18", "90"]
    assert inserted == [
        "5",
        "KSC",
        "Engineering capacity: Training for NAW plant staff.",
        "12 FTE",
        "1 January 2028 to 31 December 2028",
        "no",
        "Monthly training log.",
        "Sign-off by the NAW plant manager.",
        "24",
        "60",
    ]
    assert xml.count("<w:trPr><w:cantSplit/><w:ins ") == 1
    document = Document(str(redline))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "24 months" in body and "18 months" not in body  # python-docx reads w:t, not w:del
    again = tmp_path / "again.docx"
    run_cli("diff", *versions, "--redline", "-o", again)
    assert again.read_bytes() == redline.read_bytes()


def test_a_removed_row_is_a_tracked_deletion(versions: tuple[Path, Path], tmp_path: Path) -> None:
    old, new = versions
    redline = tmp_path / "backwards.docx"
    assert run_cli("diff", new, old, "--redline", "-o", redline).status == 0
    inserted, deleted, xml = _revisions(redline)
    assert "Training for NAW plant staff." in " ".join(deleted)
    assert "Engineering capacity: Training for NAW plant staff." in deleted
    assert xml.count("<w:trPr><w:cantSplit/><w:del ") == 1
    assert "24" in deleted and "18" in inserted


def test_an_existing_redline_is_not_replaced_without_force(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "redline.docx"
    target.write_bytes(b"counsel's own file")
    result = run_cli("diff", *versions, "--redline", "-o", target)
    assert result.status == 2
    assert target.read_bytes() == b"counsel's own file"


@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("TERMGEN_REQUIRE_LIBREOFFICE"),
    reason="LibreOffice is not installed (CI installs it and sets TERMGEN_REQUIRE_LIBREOFFICE)",
)
def test_libreoffice_opens_the_redline(versions: tuple[Path, Path], tmp_path: Path) -> None:
    redline = tmp_path / "redline.docx"
    assert run_cli("diff", *versions, "--redline", "-o", redline).status == 0
    [pdf] = convert([redline], tmp_path, replace=False)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "KSC Engineering capacity: Training for NAW plant staff." in text
    assert "24 months" in text


def test_a_redline_of_identical_versions_marks_nothing(tmp_path: Path) -> None:
    redline = tmp_path / "same.docx"
    assert run_cli("diff", BATTERY_JV, BATTERY_JV, "--redline", "-o", redline).status == 0
    _, _, xml = _revisions(redline)
    assert "<w:ins " not in xml and "<w:del " not in xml
