"""Selection through the index of clauses by purpose and governing law: a deal gets exactly the
clauses it would get by reading every clause, and the index kept in the cache follows the
overlay's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.answers.read import load_deal
from termgen.cache import Cache
from termgen.errors import LibraryError
from termgen.library.conditions import deal_context, holds
from termgen.library.folders import library_layers
from termgen.library.load import Library, load_library
from termgen.library.select import select
from termgen.model import Deal
from termgen.templating.sandbox import Sandbox

from ..conftest import EXAMPLES, EXAMPLES_DIR

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"  # electrification, under the law of England and Wales


def _clause(folder: Path, clause_id: str, *lines: str) -> None:
    (folder / "general").mkdir(parents=True, exist_ok=True)
    text = "\n".join(
        [
            f"id: {clause_id}",
            f"title: {clause_id} title",
            "element: general",
            "section: general",
            *lines,
            "text:",
            f"  preferred: The {clause_id} clause.",
            "",
        ]
    )
    (folder / "general" / f"{clause_id}.yaml").write_text(text, encoding="utf-8")


def _overlay(folder: Path) -> Path:
    _clause(folder, "scoped.other-law", "jurisdictions: [Germany]")
    _clause(folder, "scoped.same-law", "jurisdictions: [germany, ENGLAND AND WALES]")
    _clause(folder, "scoped.other-purpose", "purposes: [autonomy_mobility]")
    _clause(folder, "scoped.any", "purposes: all")
    _clause(folder, "general.costs", "order: 10")  # replaces the built-in clause
    (folder / "general" / "off.yaml").write_text(
        "id: general.announcements\ndisabled: true\n", encoding="utf-8"
    )
    return folder


def _selected(deal: Deal, library: Library) -> dict[str, str]:
    return {
        choice.clause.record.id: choice.clause.record.title
        for choice in select(deal, library, Sandbox())
    }


def _read_every_clause(deal: Deal, library: Library) -> dict[str, str]:
    """Selection as it was before the index: every clause read and tried in turn."""
    law = (deal.deal.governing_law or "").casefold()
    context = deal_context(deal)
    chosen = {}
    for entry in library.clauses.values():
        clause = entry.record
        if deal.deal.purpose not in clause.purposes:
            continue
        if clause.jurisdictions and law not in {j.casefold() for j in clause.jurisdictions}:
            continue
        if clause.when is None or holds(Sandbox(), entry, "when", context, "clause"):
            chosen[clause.id] = clause.title
    return chosen


@pytest.mark.parametrize("warm", [False, True], ids=["first-load", "index-from-cache"])
def test_a_deal_gets_only_the_clauses_for_its_purpose_and_law(tmp_path: Path, warm: bool) -> None:
    layers = library_layers([_overlay(tmp_path / "overlay")], {})
    cache = Cache(tmp_path / "cache")
    if warm:
        load_library(layers, cache=cache)
        cache.save()
        cache = Cache(tmp_path / "cache")
    library = load_library(layers, cache=cache)
    selected = _selected(load_deal(BATTERY).deal, library)
    assert "scoped.same-law" in selected and "scoped.any" in selected
    assert "scoped.other-law" not in selected and "scoped.other-purpose" not in selected
    assert selected["general.costs"] == "general.costs title"
    assert "general.announcements" not in selected
    assert "general.announcements" not in library.clauses
    assert "scoped.other-law" in library.clauses


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_the_index_selects_what_reading_every_clause_selects(tmp_path: Path, example: Path) -> None:
    deal = load_deal(example).deal
    library = load_library(library_layers([_overlay(tmp_path / "overlay")], {}))
    assert _selected(deal, library) == _read_every_clause(deal, library)


def test_the_index_in_the_cache_follows_an_edited_clause(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path / "overlay")
    layers = library_layers([overlay], {})
    deal = load_deal(BATTERY).deal
    for _ in range(2):
        cache = Cache(tmp_path / "cache")
        assert "scoped.other-law" not in _selected(deal, load_library(layers, cache=cache))
        cache.save()
    _clause(overlay, "scoped.other-law", "jurisdictions: [England and Wales]")
    cache = Cache(tmp_path / "cache")
    assert "scoped.other-law" in _selected(deal, load_library(layers, cache=cache))


def test_a_broken_overlay_is_reported_on_every_run(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path / "overlay")
    _clause(overlay, "scoped.twice", "jurisdictions: [Germany]")
    (overlay / "general" / "again.yaml").write_text(
        (overlay / "general" / "scoped.twice.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for _ in range(2):
        cache = Cache(tmp_path / "cache")
        with pytest.raises(LibraryError, match=r"duplicate clause id 'scoped\.twice'"):
            load_library(library_layers([overlay], {}), cache=cache)
        cache.save()
