"""Listing a library folder's clause files: which, in what order, and how their paths read."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.library.folders import clause_file_entries, clause_files, listed_paths

NAMES = [
    "b.yaml",
    "a/z.yaml",
    "a.yaml",
    "a-b/c.yaml",
    "a/b/c.yaml",
    "a/b.yaml",
    "A.yaml",
    "é.yaml",
    "sections.yaml",
    "x/sections.yaml",
    "a/notes.txt",
    "empty/.keep",
]


def _library(root: Path) -> Path:
    for name in NAMES:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("id: x\n")
    (root / "linked").symlink_to(root / "a", target_is_directory=True)
    return root


def test_clause_files_come_in_the_order_of_the_parts_of_their_paths(tmp_path: Path) -> None:
    """Sorted as lists of parts: a folder's files where its name falls among its neighbours,
    the registries at the top left out, links to folders not followed."""
    library = _library(tmp_path)
    expected = sorted(
        list(Path(name).parts)
        for name in NAMES
        if name.endswith(".yaml") and name != "sections.yaml"
    )
    assert [list(path.relative_to(library).parts) for path in clause_files(library)] == expected


@pytest.mark.parametrize("named", [".", "..", "library", "absolute"])
def test_listed_paths_read_as_a_path_of_each_file_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    library = _library(tmp_path / "library")
    monkeypatch.chdir(library if named == "." else library / "a" if named == ".." else tmp_path)
    layer = library if named == "absolute" else Path(named)
    entries = clause_file_entries(layer)
    assert len(entries) == 9
    assert listed_paths(layer, entries) == [str(Path(entry.path)) for entry in entries]
