"""Synthetic inputs for the scale benchmark: big clause libraries and a deal with long lists."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import yaml

from harness import ROOT
from termgen.library.clause import PURPOSES

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


GOVERNING_LAWS = (
    "England and Wales", "Scotland", "Ireland", "Germany", "France", "Netherlands", "Belgium",
    "Luxembourg", "Switzerland", "Austria", "Italy", "Spain", "Portugal", "Sweden", "Denmark",
    "Norway", "Finland", "Poland", "Czech Republic", "New York", "Delaware", "California",
    "Japan", "Singapore",
)  # fmt: skip
ANY_LAW_EVERY = 20
"""One clause in so many suits any governing law (boilerplate); the others suit one law."""


def write_library(folder: Path, clauses: int, *, spread: bool = True) -> Path:
    """An overlay of `clauses` clause files made from the built-in clauses, each with a text of
    its own (a last sentence), so no two clauses share a template and nothing is checked or
    compiled once for many.

    Spread (a counsel's library): each clause is for one of the five purposes and, but for one
    in `ANY_LAW_EVERY`, one of the `GOVERNING_LAWS`, the pairs in turn; the first few reword a
    built-in clause under its own id (replacing it) and the next few disable one. A deal gets
    the clauses for its purpose and law: about one in a hundred.

    Not spread: every clause is a renamed copy that keeps the purposes and conditions of its
    built-in clause, so a deal selects about three in four of them (drafts of thousands of
    pages): what shows whether drafting grows faster than the clauses it places.
    """
    models = built_in_clauses()
    overrides = min(len(models) // 2, max(1, clauses // 400)) if spread else 0
    disabled = min(len(models) // 4, max(1, clauses // 2000)) if spread else 0
    for number in range(clauses):
        model = models[number % len(models)]
        if number < overrides:
            clause = _reworded(model, number)
        elif number < overrides + disabled:
            clause = {"id": models[-1 - (number - overrides)]["id"], "disabled": True}
        else:
            clause = _reworded(model, number)
            clause["id"] = f"{model['id']}.copy{number}"
            if spread:
                clause["purposes"] = [PURPOSES[(number // len(GOVERNING_LAWS)) % len(PURPOSES)]]
                if number % ANY_LAW_EVERY:
                    clause["jurisdictions"] = [GOVERNING_LAWS[number % len(GOVERNING_LAWS)]]
        target = folder / model["element"] / f"copy-{number:05d}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(clause, sort_keys=False), encoding="utf-8")
    return folder


def _reworded(model: dict[str, Any], number: int) -> dict[str, Any]:
    clause = copy.deepcopy(model)
    clause["title"] = f"{clause['title']} ({number})"
    text = clause["text"]
    text["preferred"] = f"{text['preferred'].rstrip()}\nVariant {number}.\n"
    for fallback in text.get("fallback", []):
        fallback["text"] = f"{fallback['text'].rstrip()}\nVariant {number}.\n"
    return clause


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
