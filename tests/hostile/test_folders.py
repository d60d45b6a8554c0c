"""Hostile folder trees given to `check DIR` and `portfolio DIR`: a folder nobody may read
gets a row of its own saying so (never passed by, as if it held nothing), and a link back up
the tree ends the walk."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..conftest import EXAMPLES_DIR
from ..draft_fixtures import build_pdf
from .bounded import termgen

UNREAD = "cannot read the folder (permission denied); check its permissions"


def _locked(folder: Path) -> Path:
    """A folder holding something, that its owner may not list."""
    folder.mkdir(parents=True)
    build_pdf("supply-agreement", folder)
    shutil.copy(EXAMPLES_DIR / "sdv-software.yaml", folder)
    folder.chmod(0o000)
    return folder


def test_a_folder_in_a_data_room_nobody_may_read_gets_its_row_and_the_rest_are_checked(
    tmp_path: Path,
) -> None:
    room = tmp_path / "room"
    (room / "supplier").mkdir(parents=True)
    build_pdf("supply-agreement", room / "supplier")
    locked = _locked(room / "locked")
    (room / "supplier" / "back-up").symlink_to(room, target_is_directory=True)
    try:
        run = termgen("check", room, "--json", ordinary=True)
        alone = termgen("check", locked, ordinary=True)
    finally:
        locked.chmod(0o700)
    run.assert_bounded()
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [row["file"] for row in rows] == [
        str(locked),
        str(room / "supplier" / "supply-agreement.pdf"),
    ]
    assert rows[0]["error"] == UNREAD
    assert rows[1]["provisions"]
    # Said once, in its row: not again on stderr.
    assert (run.status, run.err) == (2, "")
    assert (alone.status, alone.err) == (2, "")
    assert " ".join(alone.out.split()).count(UNREAD) == 1


def test_a_folder_of_deals_nobody_may_read_gets_its_row_and_the_rest_are_listed(
    tmp_path: Path,
) -> None:
    deals = tmp_path / "deals"
    deals.mkdir()
    shutil.copy(EXAMPLES_DIR / "battery-jv.yaml", deals)
    locked = _locked(deals / "2027")
    try:
        run = termgen("portfolio", deals, "--json", ordinary=True)
    finally:
        locked.chmod(0o700)
    run.assert_bounded()
    assert run.status == 2
    rows = json.loads(run.out)
    assert [(row["file"], row["error"]) for row in rows] == [
        (str(locked), f"{locked}: {UNREAD}"),
        (str(deals / "battery-jv.yaml"), None),
    ]


def test_an_unreadable_draft_in_a_folder_is_said_once(tmp_path: Path) -> None:
    room = tmp_path / "room"
    room.mkdir()
    build_pdf("supply-agreement", room)
    unreadable = room / "notes.txt"
    unreadable.write_text("The initial term is five years.", encoding="utf-8")
    unreadable.chmod(0o000)
    try:
        run = termgen("check", room, ordinary=True)
    finally:
        unreadable.chmod(0o600)
    run.assert_bounded()
    said = "cannot read the file (permission denied); check its permissions"
    assert (run.status, run.err) == (2, "")
    assert (run.out + run.err).count(said) == 1
    assert (run.out + run.err).count(str(unreadable)) == 1
