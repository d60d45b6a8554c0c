"""Labelled agreements for fitting and measuring the draft checker, and the folds over them.

Three sets, as ../shared (or --data) lays them out: cuad-train (text), cuad-dev (PDF, read as
termgen reads it), foreign-dev (text, with quotes for evidence). Each agreement is read once
into the rows the scorer sees: for every provision, the candidate sentences with their
features and whether a labelled span covers them.

A fifth of cuad-train, chosen by a hash of the file name with a fixed seed, is the holdout:
never read while developing, measured only at the end (see README, "Accuracy").
Contains contracts and annotations from CUAD v1 by The Atticus Project
(https://www.atticusprojectai.org/cuad), CC BY 4.0; selected and reformatted.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from termgen.library.folders import library_layers
from termgen.library.load import load_provisions
from termgen.library.provisions import Provision
from termgen.their_drafts.detect import cue_matches
from termgen.their_drafts.extract import extract
from termgen.their_drafts.scorer import PROVISIONS, Reading, rows
from termgen.their_drafts.text import sentences

CATEGORIES = {
    "Expiration Date": "term.initial",
    "Renewal Term": "renewal.mechanism",
    "Notice Period To Terminate Renewal": "renewal.notice",
    "Termination For Convenience": "exit.trigger.convenience",
    "Change Of Control": "exit.trigger.change_of_control",
    "Post-Termination Services": "exit.survival",
}
SEED = "termgen-checker-2026"
FOLDS = 5
HOLDOUT_SHARE = 0.2
_PAIR = re.compile(r"^\s*\* `([^`]+)` and (?:`cuad-dev` )?`([^`]+)`", re.MULTILINE)
_ALNUM = re.compile(r"[^a-z0-9]+")
SHORTEST_SPAN = 12


@dataclass
class Agreement:
    name: str
    collection: str
    path: Path
    labels: dict[str, int]
    spans: dict[str, list[str]]
    group: str = ""


@dataclass
class Rows:
    """One agreement as the scorer sees it: per provision, candidate sentences and labels."""

    name: str
    collection: str
    group: str
    labels: dict[str, int]
    features: dict[str, list[list[int]]] = field(default_factory=dict)
    covered: dict[str, list[int]] = field(default_factory=dict)
    cued: dict[str, list[bool]] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Per provision, `features` as a sparse matrix of counts over the buckets (crossval's
    `counted`), made once a run: the folds fit and score the same agreement many times."""


def _fraction(key: str) -> float:
    return int.from_bytes(hashlib.sha256(f"{SEED}:{key}".encode()).digest()[:8]) / 2**64


def _cuad(folder: Path, collection: str, pdf: bool) -> list[Agreement]:
    spans: dict[tuple[str, str], list[str]] = {}
    with (folder / "labels_spans.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if row["category"] in CATEGORIES:
                spans[(row["filename"], CATEGORIES[row["category"]])] = row["spans"]
    with (folder / "labels.csv").open(newline="", encoding="utf-8") as stream:
        labels = list(csv.DictReader(stream))
    return [
        Agreement(
            Path(row["filename"]).stem,
            collection,
            folder / "contracts" / (row["pdf_filename"] if pdf else row["filename"]),
            {provision: int(row[category]) for category, provision in CATEGORIES.items()},
            {provision: spans.get((row["filename"], provision), []) for provision in PROVISIONS},
        )
        for row in labels
    ]


def _foreign(folder: Path) -> list[Agreement]:
    quotes: dict[tuple[str, str], list[str]] = {}
    with (folder / "evidence.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            quotes[(row["file"], row["provision"])] = row.get("quotes") or []
    with (folder / "labels.csv").open(newline="", encoding="utf-8") as stream:
        labels = list(csv.DictReader(stream))
    return [
        Agreement(
            Path(row["file"]).stem,
            "foreign-dev",
            folder / "texts" / row["file"],
            {provision: int(row[provision]) for provision in PROVISIONS},
            {provision: quotes.get((row["file"], provision), []) for provision in PROVISIONS},
        )
        for row in labels
    ]


def _groups(agreements: list[Agreement], readmes: Iterable[Path]) -> None:
    """Agreements that share a template go in one group (one fold, one side of the holdout)."""
    parent = {agreement.name: agreement.name for agreement in agreements}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    for readme in readmes:
        for first, second in _PAIR.findall(readme.read_text(encoding="utf-8")):
            if first in parent and second in parent:
                parent[max(root(first), root(second))] = min(root(first), root(second))
    for agreement in agreements:
        agreement.group = root(agreement.name)


def collections(data: Path) -> dict[str, Path]:
    """The labelled sets under `data` (../shared or --data), by name."""
    names = ("cuad-train", "cuad-dev", "foreign-dev")
    return {name: data / name for name in names if (data / name).is_dir()}


def load(folders: dict[str, Path]) -> list[Agreement]:
    """The agreements of the named collections (cuad-dev read from its PDFs)."""
    found: list[Agreement] = []
    for collection, folder in folders.items():
        if collection == "foreign-dev":
            found += _foreign(folder)
        else:
            found += _cuad(folder, collection, pdf=collection == "cuad-dev")
    readmes = [folder / "README.md" for name, folder in folders.items() if name != "foreign-dev"]
    _groups(found, [readme for readme in readmes if readme.is_file()])
    return found


def in_holdout(agreement: Agreement | Rows) -> bool:
    """The fifth of cuad-train set aside, by a hash of the (group's) file name."""
    return agreement.collection == "cuad-train" and _fraction(agreement.group) < HOLDOUT_SHARE


def fold_of(agreement: Agreement | Rows, folds: int = FOLDS) -> int:
    return int(_fraction("fold:" + agreement.group) * folds)


def _squashed(text: str) -> str:
    from termgen.their_drafts.text import normalise

    return _ALNUM.sub("", normalise(text).lower())


@lru_cache(maxsize=1)
def _provisions() -> dict[str, Provision]:
    return {
        entry.record.id: entry.record for entry in load_provisions(library_layers([], {})).values()
    }


def read(agreement: Agreement) -> Rows:
    """The agreement through termgen's own reading, with labelled spans mapped to sentences."""
    found = sentences(extract(agreement.path))
    provisions = _provisions()
    reading = Reading(found)
    squashed, starts, offset = [], [], 0
    for sentence in found:
        starts.append(offset)
        part = _squashed(sentence.text)
        squashed.append(part)
        offset += len(part)
    whole = "".join(squashed)
    result = Rows(agreement.name, agreement.collection, agreement.group, agreement.labels)
    for provision in PROVISIONS:
        cued = cue_matches(found, provisions[provision])
        covered: set[int] = set()
        for span in agreement.spans[provision]:
            for part in span.split("<omitted>"):
                target = _squashed(part)
                position = whole.find(target) if len(target) >= SHORTEST_SPAN else -1
                if position >= 0:
                    covered |= _overlapping(starts, position, position + len(target))
        candidates = rows(reading, provision, cued)
        result.features[provision] = [features for _, features in candidates]
        result.covered[provision] = [int(index in covered) for index, _ in candidates]
        result.cued[provision] = [index in cued.present for index, _ in candidates]
        result.quotes[provision] = [found[index].text[:300] for index, _ in candidates]
    return result


def _overlapping(starts: list[int], begin: int, end: int) -> set[int]:
    import bisect

    first = bisect.bisect_right(starts, begin) - 1
    last = bisect.bisect_left(starts, end)
    return set(range(max(first, 0), last))


def read_all(agreements: Sequence[Agreement], workers: int = 2) -> list[Rows]:
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(read, agreements, chunksize=4))
