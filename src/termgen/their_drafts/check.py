"""Checking a draft from the other side: extract, normalise, detect, report."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termgen.errors import Location, UnreadableDraftError
from termgen.their_drafts.detect import Detection, detect, prepare
from termgen.their_drafts.extract import Extracted, extract
from termgen.their_drafts.pdf import Progress
from termgen.their_drafts.text import Sentence, sentences

if TYPE_CHECKING:
    from termgen.cache import Cache
    from termgen.forked import Running
    from termgen.their_drafts.wanted import Checkable

_CONTRACT_SIGNS = (
    # Standard terms and the order forms under them often never say "agreement".
    re.compile(
        r"\b(agreement|contract|term sheet|heads of terms|letter of intent|memorandum"
        r"|terms (of service|of use|and conditions|of business)|order form|statement of work"
        r"|these (\w+ ){0,3}terms)\b",
        re.I,
    ),
    # Programme and membership terms name their sides without the word "party": "These
    # Membership Terms apply between the Alliance and each member"; memoranda of understanding
    # often call them participants or signatories.
    re.compile(
        r"\bpart(y|ies)\b|\b(the|each|other|all)\s+(participants?|signator(y|ies))\b"
        r"|\b(by\s+and|apply|applies|made|entered\s+into|concluded)\s+(\w+\s+){0,2}between\b",
        re.I,
    ),
    re.compile(r"\b(shall|agrees?|undertakes?|will)\b", re.I),
)


_KINDS = {"pdf": "PDF", "docx": "Word document", "txt": "text file"}


@dataclass(frozen=True)
class ForeignReport:
    file: Path
    detections: list[Detection]
    sentences: Sequence[Sentence] = ()
    """The draft as read, for what a detection's `hits` point to."""

    def as_json(self) -> dict[str, Any]:
        return {"file": str(self.file), "provisions": [d.as_json() for d in self.detections]}

    @property
    def blocking_unsettled(self) -> list[Detection]:
        """Blocking provisions the draft leaves missing or only mentions (weak): both need work."""
        return [d for d in self.detections if d.severity == "blocking" and d.status != "present"]

    def rows(self) -> list[tuple[str, str, str, str]]:
        """Status, severity, provision and the first evidence (page or paragraph: quote)."""
        found: list[tuple[str, str, str, str]] = []
        for detection in self.detections:
            first = detection.evidence[0] if detection.evidence else None
            quote = f"{first.place}: {first.quote}" if first is not None else ""
            found.append((detection.status, detection.severity, detection.provision, quote))
        return found

    def counts(self) -> dict[str, int]:
        return {
            status: sum(d.status == status for d in self.detections)
            for status in ("present", "weak", "missing")
        }

    def summary(self) -> str:
        counts = self.counts()
        blocking = len(self.blocking_unsettled)
        return (
            f"{counts['present']} present, {counts['weak']} weak, {counts['missing']} missing; "
            f"{blocking} blocking {'provision' if blocking == 1 else 'provisions'} weak or missing"
        )


def looks_like_a_contract(found: Sequence[Sentence]) -> bool:
    """Whether the text has the marks of an agreement: a name for it, parties, obligations."""
    text = " ".join(sentence.text for sentence in found[:400])
    return all(sign.search(text) for sign in _CONTRACT_SIGNS)


def check_draft(
    path: Path,
    provisions: Iterable[Checkable],
    *,
    password: str | None = None,
    progress: Progress | None = None,
) -> ForeignReport:
    """Which exit, renewal and related provisions a .pdf, .docx or .txt draft settles."""
    return check_extracted(extract(path, password=password, progress=progress), provisions)


def check_extracted(
    extracted: Extracted | Running[Extracted],
    provisions: Iterable[Checkable] | Callable[[], Iterable[Checkable]],
    cache: Cache | None = None,
) -> ForeignReport:
    """The provisions a draft settles, once its text is there.

    Given a draft still being read (`termgen.their_drafts.reading`) and a function that loads
    the provisions, the loading, the loading of the scorer and, while the reading lasts, the
    compiling of cues (from the cache, where an earlier run compiled them) happen meanwhile;
    once the text is there, detection uses both cores too (the draft is checked alone, as
    `termgen check FILE` does: a batch keeps the cores busy with other drafts).
    """
    wanted = list(provisions() if callable(provisions) else provisions)
    if isinstance(extracted, Extracted):
        draft, alone = extracted, False
    else:
        reading = extracted
        prepare(wanted, reading=lambda: not reading.done(), cache=cache)
        draft, alone = reading.result(), True
    found = sentences(draft)
    path = draft.file
    if not looks_like_a_contract(found):
        raise UnreadableDraftError(
            f"this {_KINDS[draft.kind]} does not read like a contract or term sheet (no "
            "agreement, parties or obligations found); termgen checks drafts of agreements",
            location=Location(path),
        )
    return ForeignReport(path, detect(found, wanted, file=path, both_cores=alone), found)
