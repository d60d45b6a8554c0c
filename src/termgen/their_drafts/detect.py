"""Which provisions a draft from the other side settles, with the sentences that show it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from termgen.library.provisions import Cue, Provision, Severity
from termgen.their_drafts.literals import compiled, match_starts
from termgen.their_drafts.text import Sentence

Status = Literal["present", "weak", "missing"]
QUOTE_LENGTH = 240
MOST_EVIDENCE = 3


@dataclass(frozen=True)
class Evidence:
    page: int | None
    paragraph: int | None
    quote: str

    def as_json(self) -> dict[str, Any]:
        where = {"page": self.page} if self.page is not None else {"paragraph": self.paragraph}
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
    """The sentences joined once, so each cue's first pattern scans the whole text in one go."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self.starts: list[int] = []
        offset = 0
        for sentence in sentences:
            self.starts.append(offset)
            offset += len(sentence.in_context) + 1
        self.text = "\n".join(sentence.in_context for sentence in sentences)
        lowered = self.text.lower()
        self.lowered = lowered if len(lowered) == len(self.text) else None

    def candidates(self, pattern: str) -> list[int]:
        """Indices of the sentences where a match of `pattern` starts."""
        found = {
            bisect.bisect_right(self.starts, start) - 1
            for start in match_starts(pattern, self.text, self.lowered)
        }
        return sorted(found)

    def window(self, index: int, size: int) -> tuple[int, str]:
        """Text of `size` sentences around `index` (the sentence itself first)."""
        first = max(0, min(index, len(self.sentences) - size))
        last = min(len(self.sentences), first + size)
        return first, " ".join(s.in_context for s in self.sentences[first:last])


def _compile(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [compiled(pattern)[0] for pattern in patterns]


def _matches(document: _Document, cue: Cue, size: int) -> list[int]:
    first, *others = cue.all
    rest = _compile(others)
    excluded = _compile(cue.none)
    hits = []
    for index in document.candidates(first):
        for offset in range(size):
            start = index - offset
            if start < 0:
                continue
            _, text = document.window(start, size)
            if all(p.search(text) for p in rest) and not any(p.search(text) for p in excluded):
                hits.append(index)
                break
    return hits


def quoted(sentence: Sentence) -> Evidence:
    """A sentence as evidence: where it is, and its words (cut at QUOTE_LENGTH)."""
    text = sentence.text
    quote = text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"
    return Evidence(sentence.page, sentence.paragraph, quote)


def _evidence(document: _Document, indices: list[int]) -> tuple[Evidence, ...]:
    return tuple(quoted(document.sentences[i]) for i in sorted(set(indices))[:MOST_EVIDENCE])


def detect(sentences: Sequence[Sentence], provisions: Iterable[Provision]) -> list[Detection]:
    """Each provision that has cues, as present, weak or missing, with evidence."""
    document = _Document(sentences)
    detections = []
    for provision in provisions:
        cues = provision.cues
        if cues is None:
            continue
        status: Status = "missing"
        hits: list[int] = []
        levels: tuple[tuple[Status, list[Cue]], ...] = (
            ("present", cues.present),
            ("weak", cues.weak),
        )
        for level, group in levels:
            hits = [index for cue in group for index in _matches(document, cue, cues.window)]
            if hits:
                status = level
                break
        detections.append(
            Detection(
                provision.id,
                provision.label,
                provision.severity,
                status,
                _evidence(document, hits),
                tuple(sorted(set(hits))),
            )
        )
    return detections
