"""A linear scorer fitted on labelled agreements: how likely a sentence settles a provision.

Each sentence that could concern a provision (it has one of the provision's anchor words) is
described by hashed features: its words and word pairs, those of the clause heading it
sits under, the definitions of the defined terms it uses, and whether counsel's cues match it
or the sentence either side of it.
A weight per feature, fitted by scripts/train_scorer.py on CUAD and other labelled
agreements, gives a score; a document settles the provision when its best sentence scores
above the provision's threshold, and that sentence is the evidence. Pure Python at run time.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import zlib
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from termgen.their_drafts.literals import Alternation, Sentences
from termgen.their_drafts.structure import definitions, headings, uses
from termgen.their_drafts.text import Sentence

BUCKETS = 1 << 16
MASK = BUCKETS - 1
MOST_TOKENS = 250
ANCHORS = {
    "term.initial": r"\bterm\b|\bterms of\b|expir|perpetu|continu|until|\bperiod|in effect|in force"
    r"|\byears?\b|\bmonths?\b|duration|\bvalid|\bend(s|ed)?\b",
    "renewal.mechanism": r"renew|extend|extension|evergreen|successive|tacit|automatic"
    r"|year[\s-]to[\s-]year|month[\s-]to[\s-]month",
    "renewal.notice": r"renew|extend|extension|evergreen|successive|automatic|non-?renewal"
    r"|year[\s-]to[\s-]year|month[\s-]to[\s-]month",
    "exit.trigger.convenience": r"terminat|cancel|withdraw|\bend (this|the)\b|discontinu|rescind",
    "exit.trigger.change_of_control": r"control|merge|acqui|consolidat|substantially all"
    r"|assign|ownership|voting|reorgani[sz]|amalgamat|successor|sale of",
    "exit.survival": r"terminat|expir|surviv|after|following|transition|wind|sell|cancel"
    r"|end of|thereafter|continu",
}
PROVISIONS = tuple(ANCHORS)
ANCHORED = {provision: Alternation(pattern) for provision, pattern in ANCHORS.items()}
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[$%\"]|\*+")
REDACTED = "*"
"""A redaction mark ("[***]"), one token however many stars."""
DATA = Path(__file__).resolve().parent / "data"
Weighed = dict[str, dict[int, int]]
"""Each provision's candidate sentences, by index, with their features' weights added up."""


class _Buckets(dict[str, int]):
    """Each feature's bucket (its CRC-32, masked), computed once a run: a draft's features
    repeat, and looking one up is a step of the dictionary's own, not a call."""

    def __missing__(self, feature: str) -> int:
        bucket = self[feature] = zlib.crc32(feature.encode()) & MASK
        return bucket


_BUCKET = _Buckets()
_CUE_PRESENT = [_BUCKET["C:present"]]
_CUE_WEAK = [_BUCKET["C:weak"]]
_CUE_BEFORE = _BUCKET["N:before"]
_CUE_AFTER = _BUCKET["N:after"]


def cue_feature(patterns: Sequence[str]) -> int:
    """The bucket of one `present` cue (its patterns, `all` then `none`): a feature of the
    sentences it matches besides "C:present", so the fit learns which cues a labelled
    provision bears out; a cue counsel adds or edits has no weight of its own until refitted,
    and counts through "C:present" alone."""
    return _BUCKET["C:" + "\x1f".join(patterns)]


def _tokens(text: str) -> list[str]:
    return ["0" if token[0].isdigit() else token for token in _TOKEN.findall(text.lower())]


def _grams(prefix: str, text: str, pairs: bool) -> list[int]:
    """The buckets of the words (and word pairs) of `text`. A redaction mark counts once
    however often it occurs: a scored sentence adds a weight per occurrence where the fit
    saw log(1 + n) of them, and a heavily redacted sentence would outweigh its words."""
    tokens = _tokens(text)[:MOST_TOKENS]
    grams = [prefix + token for token in tokens]
    if "*" in text:
        tokens = [REDACTED if token[0] == "*" else token for token in tokens]
        grams = [prefix + token for token in tokens if token != REDACTED]
        if REDACTED in tokens:
            grams.append(prefix + REDACTED)
    if pairs:
        grams += [f"{prefix}{a} {b}" for a, b in itertools.pairwise(tokens)]
    return list(map(_BUCKET.__getitem__, grams))


class Reading:
    """A draft's sentences with the structure around them, and features computed once each."""

    def __init__(self, sentences: Sequence[Sentence], index: Sentences | None = None) -> None:
        self.sentences = sentences
        self.headings = headings(sentences)
        self.definitions = definitions(sentences)
        self._uses = uses(self.definitions)
        self._features: dict[int, list[int]] = {}
        self._defined: dict[str, list[int]] = {}
        self._headed: dict[str, list[int]] = {}
        self._index = index or Sentences([sentence.in_context for sentence in sentences])
        self._candidates: dict[str, list[int]] = {}
        self._totals: dict[str, dict[int, int]] = {}

    def candidates(self, provision: str) -> list[int]:
        """Sentences with one of the provision's anchor words."""
        found = self._candidates.get(provision)
        if found is None:
            found = self._candidates[provision] = self._index.matching_either(ANCHORED[provision])
        return found

    def read(self, fitted: Mapping[str, Weights]) -> None:
        """Find the candidates of these provisions and weigh their features, ahead of scoring
        them with the cues' hits (`scored`)."""
        self.take(self.weighed(fitted))

    def weighed(self, fitted: Mapping[str, Weights], among: set[int] | None = None) -> Weighed:
        """The candidates of these provisions (of the sentences `among`), each with its
        features' weights added up: what `read` finds, for `take` to keep, a part of the draft
        at a time where parts are read in processes of their own."""
        found: Weighed = {}
        for provision, weights in fitted.items():
            found[provision] = {
                index: weights.total(self.features(index))
                for index in self._index.matching_either(ANCHORED[provision], among)
            }
        return found

    def take(self, *parts: Weighed) -> None:
        """What `weighed` found in each part of the draft, the parts in order."""
        for part in parts:
            for provision, totals in part.items():
                self._totals.setdefault(provision, {}).update(totals)
        for provision, totals in self._totals.items():
            self._candidates[provision] = sorted(totals)

    def scored(self, provision: str, weights: Weights, cued: CueHits) -> list[tuple[float, int]]:
        """The score and index of each of the provision's `rows`, best first; the candidates'
        features weighed once (by `read`, where it ran), the cues' two added."""
        totals = self._totals.get(provision, {})
        cue_present: int = weights.weights[_CUE_PRESENT[0]]
        cue_weak: int = weights.weights[_CUE_WEAK[0]]
        around = _around(cued)

        def total(index: int) -> int:
            found = totals.get(index)
            if found is None:
                found = weights.total(self.features(index))
            return (
                found
                + cue_present * (index in cued.present)
                + cue_weak * (index in cued.weak)
                + weights.total(cued.cues.get(index, ()))
                + weights.total(around(index))
            )

        return sorted(
            (
                (weights.probability(total(index)), index)
                for index in _row_indices(self, provision, cued)
            ),
            reverse=True,
        )

    def features(self, index: int) -> list[int]:
        cached = self._features.get(index)
        if cached is not None:
            return cached
        sentence = self.sentences[index]
        found = _grams("", sentence.in_context, pairs=True)
        heading = self.headings[index]
        if heading not in self._headed:
            self._headed[heading] = _grams("H:", heading, pairs=True)
        found += self._headed[heading]
        if self._uses is not None:
            names = {match.group(0) for match in self._uses.finditer(sentence.text)}
            for name in sorted(names):
                definition = self.definitions[name]
                if not sentence.text.startswith(definition):
                    if name not in self._defined:
                        self._defined[name] = _grams("D:", definition, pairs=True)
                    found += self._defined[name]
        self._features[index] = found
        return found


@dataclass(frozen=True)
class CueHits:
    """Sentences where a `present` cue matches, where a `weak` one does, and those a `refused`
    cue withholds the provision in, which are neither; and for each `present` sentence, the
    `cue_feature` of every cue that matches it."""

    present: set[int] = field(default_factory=set)
    weak: set[int] = field(default_factory=set)
    refused: set[int] = field(default_factory=set)
    cues: dict[int, tuple[int, ...]] = field(default_factory=dict)


def rows(reading: Reading, provision: str, cued: CueHits) -> list[tuple[int, list[int]]]:
    """Each sentence that may concern the provision, with its features; not those where
    counsel's `refused` cues say it is withheld.

    Whether counsel's `present` and `weak` cues match a sentence are features too, so a cue
    counsel adds in an overlay counts alongside the fitted words, and so does whether one
    matches the sentence before or the one after (`_around`).
    """
    around = _around(cued)
    return [
        (
            index,
            [
                *reading.features(index),
                *_CUE_PRESENT * (index in cued.present),
                *_CUE_WEAK * (index in cued.weak),
                *cued.cues.get(index, ()),
                *around(index),
            ],
        )
        for index in _row_indices(reading, provision, cued)
    ]


def _around(cued: CueHits) -> Callable[[int], list[int]]:
    """For a sentence, the features of where counsel's `present` cues match around it: in
    the sentence before, in the one after. "Upon such termination, X shall continue to
    supply" after a sentence a cue matches borrows its context."""

    def around(index: int) -> list[int]:
        found = []
        if index - 1 in cued.present:
            found.append(_CUE_BEFORE)
        if index + 1 in cued.present:
            found.append(_CUE_AFTER)
        return found

    return around


def _row_indices(reading: Reading, provision: str, cued: CueHits) -> list[int]:
    return sorted((set(reading.candidates(provision)) | cued.present | cued.weak) - cued.refused)


Rule = Literal["score", "either", "both", "one"]
"""How the best sentence's score and counsel's `present` cues decide "present": the score
alone, either of them, both, or both in one sentence (a cue in one clause and a high score in
another, a table of contents or the clause after it, settle nothing). Chosen with the
threshold on held-out scores when fitting."""


@dataclass(frozen=True)
class Weights:
    """One provision's fitted weights (int8, times `scale`), bias, threshold and rule."""

    weights: array  # type: ignore[type-arg]
    scale: float
    bias: float
    threshold: float
    rule: Rule = "score"

    def settles(self, best: float, best_cued: float | None) -> bool:
        """Whether a draft settles the provision: `best` is its best sentence's score,
        `best_cued` that of its best sentence a `present` cue matches (None where none does)."""
        if self.rule == "either":
            return best_cued is not None or best >= self.threshold
        if self.rule == "both":
            return best_cued is not None and best >= self.threshold
        if self.rule == "one":
            return best_cued is not None and best_cued >= self.threshold
        return best >= self.threshold

    def score(self, features: Sequence[int]) -> float:
        return self.probability(self.total(features))

    def total(self, features: Sequence[int]) -> int:
        """The features' weights added up, before scaling: whole numbers, so the sum of a
        sentence's weights and of its cues' is the same in any order."""
        return sum(map(self.weights.__getitem__, features))

    def probability(self, total: int) -> float:
        scaled = total * self.scale + self.bias
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, scaled))))


@dataclass(frozen=True)
class Model:
    version: str
    provisions: dict[str, Weights]


def save_model(folder: Path, version: str, fitted: dict[str, Weights]) -> None:
    """Write fitted weights, biases, thresholds and rules where `load_model` reads them."""
    meta: dict[str, object] = {"version": version, "buckets": BUCKETS, "provisions": {}}
    blob = array("b")
    for provision, weights in fitted.items():
        blob.extend(weights.weights)
        meta["provisions"][provision] = {  # type: ignore[index]
            "scale": weights.scale,
            "bias": weights.bias,
            "threshold": weights.threshold,
            "rule": weights.rule,
        }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scorer.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    (folder / "scorer.weights").write_bytes(blob.tobytes())


@lru_cache(maxsize=4)
def load_model(folder: Path = DATA) -> Model:
    meta = json.loads((folder / "scorer.json").read_text(encoding="utf-8"))
    blob = array("b")
    blob.frombytes((folder / "scorer.weights").read_bytes())
    provisions = {}
    for number, (provision, fitted) in enumerate(meta["provisions"].items()):
        weights = blob[number * BUCKETS : (number + 1) * BUCKETS]
        provisions[provision] = Weights(
            weights, fitted["scale"], fitted["bias"], fitted["threshold"], fitted["rule"]
        )
    return Model(meta["version"], provisions)
