"""Synthetic inputs for the scale benchmark: big clause libraries and a deal with long lists."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import yaml

from harness import ROOT

LIBRARY = ROOT / "clause_library"
EXAMPLE = ROOT / "examples" / "battery-jv.yaml"


def built_in_clauses() -> list[dict[str, Any]]:
    files = sorted(p for p in LIBRARY.rglob("*.yaml") if p.parent != LIBRARY)
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]


def built_in_fingerprint() -> str:
    """Changes whenever a built-in clause does, so that copies made of older clauses are
    made again."""
    digest = hashlib.sha256()
    for path in sorted(LIBRARY.rglob("*.yaml")):
        digest.update(path.relative_to(LIBRARY).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def write_library(folder: Path, clauses: int) -> Path:
    """An overlay of `clauses` clause files, each a renamed copy of a built-in clause.

    Copies keep their purposes and conditions, so a deal selects about as many of them as it
    selects of the built-in clauses; none replaces a built-in one. Each text gets its own last
    sentence, so no two clauses share a template and nothing is checked or compiled once for
    many.
    """
    models = built_in_clauses()
    for number in range(clauses):
        clause = copy.deepcopy(models[number % len(models)])
        clause["id"] = f"{clause['id']}.copy{number}"
        clause["title"] = f"{clause['title']} ({number})"
        text = clause["text"]
        text["preferred"] = f"{text['preferred'].rstrip()}\nVariant {number}.\n"
        for fallback in text.get("fallback", []):
            fallback["text"] = f"{fallback['text'].rstrip()}\nVariant {number}.\n"
        target = folder / clause["element"] / f"copy-{number:05d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(clause, sort_keys=False), encoding="utf-8")
    return folder


def write_big_deal(target: Path, contributions: int, decision_rights: int) -> Path:
    """The battery-JV example with its contributions and decision rights repeated to size."""
    deal = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    deal["strengths"]["contributions"] = _repeated(
        deal["strengths"]["contributions"], contributions, "description"
    )
    deal["governance"]["decision_rights"] = _repeated(
        deal["governance"]["decision_rights"], decision_rights, "decision"
    )
    target.write_text(yaml.safe_dump(deal, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _repeated(items: list[dict[str, Any]], count: int, label: str) -> list[dict[str, Any]]:
    result = []
    for number in range(count):
        item = copy.deepcopy(items[number % len(items)])
        if label in item:
            item[label] = f"{item[label]} ({number + 1})"
        result.append(item)
    return result
