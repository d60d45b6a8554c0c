"""Which provisions a draft from the other side settles, with the sentences that show it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from termgen.errors import Location, SlowCueError
from termgen.forked import shared_out
from termgen.library.compiled_cues import cue_regex
from termgen.their_drafts.literals import Sentences, needed, remember_cues, search
from termgen.their_drafts.scorer import (
    ANCHORED,
    CueHits,
    Model,
    Reading,
    Weighed,
    cue_feature,
    load_model,
)
from termgen.their_drafts.structure import with_definitions
from termgen.their_drafts.text import Sentence

if TYPE_CHECKING:
    from termgen.cache import Cache
    from termgen.library.provisions import Severity
    from termgen.their_drafts.wanted import Checkable, CheckableCue, CheckableCues

Status = Literal["present", "weak", "missing"]
QUOTE_LENGTH = 240
LEAD_IN_QUOTED = 100
CUE_SECONDS = 3.0
"""The most time one cue may take on one draft; the built-in cues take milliseconds."""
MOST_EVIDENCE = 3
_SPACE = re.compile(r"\s+")
_OPEN_POINT = re.compile(r"\[\s*[\u25cf\u2022]\s*\]")
"""A blank ("[\u25cf]") where a point is still to be agreed: the provision is mentioned, not
settled, however the rest of its clause reads."""


@dataclass(frozen=True)
class Evidence:
    page: int | None
    paragraph: int | None
    quote: str
    clause: str = ""
    """The draft's own number for the clause the quote is in, where it numbers them in Word."""

    @property
    def place(self) -> str:
        """Where a reader finds the quote: "p. 10", else "cl. 11.14", else "para. 176"."""
        if self.page is not None:
            return f"p. {self.page}"
        return f"cl. {self.clause}" if self.clause else f"para. {self.paragraph}"

    def as_json(self) -> dict[str, Any]:
        where: dict[str, Any] = (
            {"page": self.page} if self.page is not None else {"paragraph": self.paragraph}
        )
        if self.clause:
            where["clause"] = self.clause
        return {**where, "quote": self.quote}


@dataclass(frozen=True)
class Detection:
    provision: str
    label: str
    severity: Severity
    status: Status
    evidence: tuple[Evidence, ...] = field(default=())
    hits: tuple[int, ...] = field(default=())
    """Index of every sentence that shows the provision, for readers of values in them."""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.provision,
            "label": self.label,
            "status": self.status,
            "severity": self.severity,
            "evidence": [item.as_json() for item in self.evidence],
        }


class _Document:
    """The sentences of a draft, with the ones holding each cue's words found once."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        file: Path | None = None,
        texts: Sequence[str] | None = None,
    ) -> None:
        self.sentences = sentences
        self.file = file
        self.index = Sentences(
            [sentence.in_context for sentence in sentences] if texts is None else texts
        )
        self._windows: dict[tuple[int, int], str] = {}
        self._with_definitions: tuple[list[int], _Document] | None = None
        self.definitions: dict[str, str] | None = None
        """The draft's defined terms, where the scorer's reading found them already."""

    def with_definitions(self) -> tuple[list[int], _Document]:
        """The sentences that use a defined term of a term, each read with its definition
        after it (`structure.with_definitions`), as a document of their own; with the index
        of each in this one. Found once, for the provisions whose cues read them."""
        if self._with_definitions is None:
            indices, texts = with_definitions(self.sentences, self.definitions)
            chosen = [self.sentences[index] for index in indices]
            self._with_definitions = indices, _Document(chosen, self.file, texts)
        return self._with_definitions

    def window(self, index: int, size: int) -> tuple[int, str]:
        """Text of `size` sentences around `index` (the sentence itself first); each window
        joined once, as the cues of every provision try the same ones."""
        first = max(0, min(index, len(self.sentences) - size))
        text = self._windows.get((first, size))
        if text is None:
            text = self._windows[first, size] = " ".join(self.index.texts[first : first + size])
        return first, text


def _matches(document: _Document, cue: CheckableCue, size: int, provision: str) -> list[int]:
    """Sentences where the cue matches; SlowCueError when matching takes over CUE_SECONDS.

    In one sentence every `all` pattern must match, so only the sentences holding the words
    of each are tried; in a window of sentences, those where the first pattern matches and
    that are near sentences holding the words of the others.
    """
    lines = document.index
    rest = cue.all if size == 1 else cue.all[1:]
    # The sentences (windows: first sentences) that hold the words of every pattern.
    if size == 1:
        among = set.intersection(*(lines.holding(pattern) for pattern in rest))
    else:
        among = lines.holding(cue.all[0]).intersection(*(lines.near(p, size) for p in rest))
    if not among:
        return []
    # Compiled before the clock starts: the limit is for matching, which can run away, and a
    # long pattern takes a while to compile on a busy machine.
    for pattern in (*cue.all, *cue.none):
        cue_regex(pattern)
    deadline = time.monotonic() + CUE_SECONDS
    hits = []
    try:
        candidates = sorted(among) if size == 1 else lines.matching(cue.all[0], deadline, among)
        for index in candidates:
            for offset in range(size):
                start = index - offset
                if start < 0:
                    continue
                _, text = document.window(start, size)
                if all(search(p, text, deadline) for p in rest) and not any(
                    search(p, text, deadline) for p in cue.none
                ):
                    hits.append(index)
                    break
    except TimeoutError:
        raise SlowCueError(
            f"a cue of {provision} takes more than {CUE_SECONDS:g} s on this draft (its "
            f"pattern backtracks without end: {' / '.join((*cue.all, *cue.none))}); simplify it in "
            "the overlay's provisions.yaml ('termgen library lint' shows where)",
            location=Location(document.file) if document.file else None,
        ) from None
    return hits


def quoted(sentence: Sentence) -> Evidence:
    """A sentence as evidence: where it is, and its words (cut at QUOTE_LENGTH); an item of a
    list after the end of the words that introduce it, those words with the items."""
    text = sentence.text
    if sentence.lead_in:
        text = f"{_tail(sentence.lead_in, LEAD_IN_QUOTED)} {text}"
    if sentence.items:
        text = f"{text} {sentence.items}"
    quote = text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"
    return Evidence(sentence.page, sentence.paragraph, quote, sentence.clause)


def _tail(text: str, length: int) -> str:
    """The end of `text` in at most `length` characters, "…" first where it is cut; cut
    between words, so that the quote starts with a whole one."""
    if len(text) <= length:
        return text
    cut = len(text) - length + 1
    if not text[cut - 1].isspace() and (space := _SPACE.search(text, cut)) is not None:
        cut = space.end()
    return "…" + text[cut:].lstrip()


def _evidence(document: _Document, indices: list[int]) -> tuple[Evidence, ...]:
    """The first MOST_EVIDENCE sentences, in the order given (best first for the scorer)."""
    return tuple(quoted(document.sentences[index]) for index in indices[:MOST_EVIDENCE])


def _titles(sentences: Sequence[Sentence]) -> list[int | None]:
    """For each sentence, the index of the title of the section it is in (None before the
    first title, and where the draft has none)."""
    found: list[int | None] = []
    title: int | None = None
    for index, sentence in enumerate(sentences):
        if sentence.heading:
            title = index
        found.append(title)
    return found


def _settling_first(
    sentences: Sequence[Sentence],
    titles: Sequence[int | None],
    cues: CheckableCues,
    found: CueHits,
    ranked: Iterable[int],
) -> list[int]:
    """The sentences found, the ones that settle the provision first.

    A passage in the section whose title the cues match comes first (the shared assets under
    "Shared assets on exit", not a licence that survives exit in the clause before it), then
    one in a section whose title holds the words the provision's first cue looks for first,
    which name it ("Change of control", "Material breach": an exit trigger's first cue names
    the trigger's own words first), so that the exit under "Change of control" comes before
    an option that lapses "after ... material breach or change of control" under "Buy-out" or
    a list of every trigger; then one that more of the cues match; a title itself last, as it
    says where the provision is, not what it says. Between equals, the order of `ranked` (the
    scorer's, best first; else the draft's).
    """
    first = cues.present[0].all[0] if cues.present else None
    matched = {index for index in found.present | found.weak if sentences[index].heading}
    named: dict[int, bool] = {}

    def names(title: int | None) -> bool:
        if title is None or first is None:
            return False
        if title not in named:
            named[title] = search(first, sentences[title].in_context)
        return named[title]

    def rank(index: int) -> tuple[bool, bool, bool, int]:
        return (
            sentences[index].heading,
            titles[index] not in matched,
            not names(titles[index]),
            -len(found.cues.get(index, ())),
        )

    return sorted(ranked, key=rank)


def cue_hits(document: _Document, cues: CheckableCues, provision: str) -> CueHits:
    def matching(group: Sequence[CheckableCue], size: int) -> set[int]:
        return {index for cue in group for index in _matches(document, cue, size, provision)}

    # A refusal is read in its own sentence: the next one may grant what this one withholds.
    refused = matching(cues.refused, 1)
    which: dict[int, list[int]] = {}
    for cue in cues.present:
        matched = set(_matches(document, cue, cues.window, provision))
        if cues.defined:
            # A sentence read with its definitions is read on its own: the definitions stand
            # between it and its neighbours.
            indices, defined = document.with_definitions()
            matched.update(indices[at] for at in _matches(defined, cue, 1, provision))
        for index in sorted(matched - refused):
            which.setdefault(index, []).append(cue_feature((*cue.all, *cue.none)))
    return CueHits(
        set(which),
        matching(cues.weak, cues.window) - refused,
        refused,
        {index: tuple(features) for index, features in which.items()},
    )


def prepare(
    provisions: Iterable[Checkable], reading: Callable[[], bool], cache: Cache | None = None
) -> None:
    """Load the fitted scorer and find the words every cue needs now, while a draft is being
    read; and while `reading()` still says so, compile the patterns too.

    The rest are compiled once a sentence holds their words (in short drafts, few are): time
    that reading leaves free is used, and no more. With a cache, both come from earlier runs.
    """
    load_model()
    patterns = [
        pattern
        for provision in provisions
        if provision.cues is not None
        for cue in (*provision.cues.present, *provision.cues.weak, *provision.cues.refused)
        for pattern in (*cue.all, *cue.none)
    ]
    if cache is not None:
        remember_cues(set(patterns), cache)
    for pattern in patterns:
        needed(pattern)
    anchors = [
        pattern for anchor in ANCHORED.values() for pattern in (anchor.pattern, anchor.across)
    ]
    for pattern in (*filter(None, anchors), *patterns):
        if not reading():
            return
        cue_regex(pattern)


def cue_matches(sentences: Sequence[Sentence], provision: Checkable) -> CueHits:
    """Sentences where the provision's cues match."""
    if provision.cues is None:
        return CueHits()
    return cue_hits(_Document(sentences), provision.cues, provision.id)


SHARE = 64
"""Sentences whose features one process weighs while the other takes the next ones."""


def detect(
    sentences: Sequence[Sentence],
    provisions: Iterable[Checkable],
    model: Model | None = None,
    file: Path | None = None,
    *,
    both_cores: bool = False,
) -> list[Detection]:
    """Each provision that has cues, as present, weak or missing, with evidence.

    Where the fitted scorer knows the provision, its best sentence decides "present"; counsel's
    cues count in its score. Elsewhere the cues decide alone. Cues that match without the
    provision being settled make it "weak": mentioned, but not settled.

    With `both_cores` (one draft, checked while nothing else runs), this process and a forked
    copy take in turns the next provision whose cues to try, or the next SHARE sentences whose
    features to weigh for the scorer: neither needs the other's results, and taken in turns
    the work is shared out evenly however its parts' costs vary; scoring then only adds the
    cues' weights.
    """
    document = _Document(sentences, file)
    fitted = (load_model() if model is None else model).provisions
    cued = [(provision, provision.cues) for provision in provisions if provision.cues is not None]
    scored_here = {
        provision.id: fitted[provision.id] for provision, _ in cued if provision.id in fitted
    }
    # The headings and definitions are read once, before the work is shared out.
    reading = Reading(sentences, document.index) if scored_here else None
    if reading is not None:
        document.definitions = reading.definitions
    runs = [
        set(range(start, min(len(sentences), start + SHARE)))
        for start in range(0, len(sentences), SHARE)
    ]

    def cued_or_weighed(number: int) -> tuple[list[CueHits], Weighed]:
        if number < len(cued):
            provision, cues = cued[number]
            return [cue_hits(document, cues, provision.id)], {}
        run = runs[number - len(cued)]
        return [], (reading.weighed(scored_here, run) if reading is not None else {})

    count = len(cued) + len(runs)
    done = (
        shared_out(cued_or_weighed, count)
        if both_cores
        else [cued_or_weighed(number) for number in range(count)]
    )
    hits = [found for cue_hits_of_one, _ in done for found in cue_hits_of_one]
    if reading is not None:
        reading.take(*(weighed for _, weighed in done))
    detections = []
    titles = _titles(sentences)
    status: Status
    for (provision, cues), found in zip(cued, hits, strict=True):
        # A sentence with a blank shows the provision weak, never present; where the cues
        # alone decide (a list of shared assets, of triggers), one blank leaves it open.
        open_points = {i for i in found.present if _OPEN_POINT.search(sentences[i].text)}
        if open_points:
            found = CueHits(
                found.present - open_points,
                found.weak | open_points,
                found.refused,
                {i: features for i, features in found.cues.items() if i not in open_points},
            )
        present, weak = found.present, found.weak
        weights = fitted.get(provision.id)
        if weights is not None and reading is not None:
            scored = reading.scored(provision.id, weights, found)
            best = scored[0][0] if scored else 0.0
            best_cued = next((score for score, index in scored if index in present), None)
            if weights.settles(best, best_cued):
                status = "present"
                # Sentences that settle the provision on their own are the evidence; the
                # others only where none does (the score and a cue in different sentences).
                hits_shown = (
                    [
                        index
                        for score, index in scored
                        if weights.settles(score, score if index in present else None)
                    ]
                    or [
                        index
                        for score, index in scored
                        if score >= weights.threshold or index in present
                    ]
                    or [scored[0][1]]
                )
            else:
                status, hits_shown = (
                    ("weak", sorted(present | weak)) if present | weak else ("missing", [])
                )
        elif present and not open_points:
            status, hits_shown = "present", sorted(found.present)
        elif present | weak:
            status, hits_shown = "weak", sorted(open_points or weak)
        else:
            status, hits_shown = "missing", []
        detections.append(
            Detection(
                provision.id,
                provision.label,
                provision.severity,
                status,
                _evidence(document, _settling_first(sentences, titles, cues, found, hits_shown)),
                tuple(sorted(set(hits_shown))),
            )
        )
    return detections
