"""Their draft judged against our positions: one row per value we settle, with a verdict.

matches                  they say what we proposed
within our fallback      different, but a fallback position of our library accepts it
                         (or it gives us more than we asked: a longer notice, a right
                         only we hold)
worse than our fallback  different, and beyond what any fallback accepts: push back
missing in theirs        we settle it, their draft does not
extra in theirs          their draft adds it, ours does not have it
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from termgen.library.provisions import Severity
from termgen.model.common import Duration
from termgen.their_drafts.detect import Evidence, quoted
from termgen.their_drafts.exits import ChoiceRead, HolderRead
from termgen.their_drafts.parties import Holder
from termgen.their_drafts.positions import Floor, Ours, Theirs
from termgen.their_drafts.terms import DurationRead, Read
from termgen.wording import capital, humanise

Verdict = Literal[
    "matches",
    "within our fallback",
    "worse than our fallback",
    "missing in theirs",
    "extra in theirs",
]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
_DAYS = {"days": 1.0, "weeks": 7.0, "months": 30.4375, "years": 365.25}
SAME_WITHIN = 0.03
"""Lengths closer than this share are the same ('90 days' and '3 months')."""
_ACTIONS: dict[Verdict, str] = {
    "matches": "",
    "within our fallback": "acceptable",
    "worse than our fallback": "push back",
    "missing in theirs": "push back: ask for it",
    "extra in theirs": "not in our draft: push back or accept it knowingly",
}


@dataclass(frozen=True)
class Row:
    """One value we settle (or they add), ours next to theirs, and how far apart they are."""

    id: str
    label: str
    ours: str
    theirs: str
    difference: str
    verdict: Verdict
    severity: Severity | None
    evidence: Evidence | None = None
    fallback: Floor | None = None
    belongs_at: Evidence | None = None
    """For what their draft lacks: the sentence of theirs where it belongs."""

    @property
    def deviates(self) -> bool:
        return self.verdict != "matches"

    def comment(self) -> str:
        """What the reviewer reads in the margin of their draft."""
        ours = f"Ours: {self.ours}"
        if self.fallback is not None:
            ours += f"; our fallback: {self.fallback.value} ({self.fallback.label})"
        theirs = f"theirs: {self.theirs}" + (f" ({self.difference})" if self.difference else "")
        action = _ACTIONS[self.verdict]
        return f"{self.verdict.upper()}: {self.label}. {ours}; {theirs}. {capital(action)}."

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "ours": self.ours,
            "theirs": self.theirs,
            "difference": self.difference,
            "verdict": self.verdict,
            "severity": self.severity,
            "fallback": (
                {
                    "label": self.fallback.label,
                    "accepts": str(self.fallback.value),
                    "requires": self.fallback.requires,
                }
                if self.fallback
                else None
            ),
            "evidence": self.evidence.as_json() if self.evidence else None,
            "belongs_at": self.belongs_at.as_json() if self.belongs_at else None,
        }


def length_in_days(value: Duration) -> float:
    return value.value * _DAYS[value.unit]


def same_length(first: Duration, second: Duration) -> bool:
    a, b = length_in_days(first), length_in_days(second)
    return abs(a - b) <= SAME_WITHIN * max(a, b)


def _amount(value: float, unit: str) -> str:
    whole = round(value)
    singular = unit[:-1]
    return f"{whole} {singular if whole == 1 else unit}"


def difference(ours: Duration, theirs: Duration) -> str:
    """'3 months shorter', '2 years longer', 'about 6 weeks shorter'."""
    direction = "shorter" if length_in_days(theirs) < length_in_days(ours) else "longer"
    months = {"months": 1, "years": 12}
    days = {"days": 1, "weeks": 7}
    if ours.unit in months and theirs.unit in months:
        gap = abs(ours.value * months[ours.unit] - theirs.value * months[theirs.unit])
        text = _amount(gap / 12, "years") if gap % 12 == 0 else _amount(gap, "months")
    elif ours.unit in days and theirs.unit in days:
        gap = abs(ours.value * days[ours.unit] - theirs.value * days[theirs.unit])
        text = (
            _amount(gap / 7, "weeks")
            if gap % 7 == 0 and ours.unit == "weeks"
            else _amount(gap, "days")
        )
    else:
        gap_days = abs(length_in_days(ours) - length_in_days(theirs))
        text = "about " + (
            _amount(gap_days / 30.4375, "months") if gap_days >= 60 else _amount(gap_days, "days")
        )
    return f"{text} {direction}"


@dataclass(frozen=True)
class Item:
    """What a row is about: its id, its label, and the provision whose severity it takes."""

    id: str
    label: str
    provision: str


class Judge:
    """Builds the rows: knows the provisions' severities and where their values were read."""

    def __init__(self, ours: Ours, theirs: Theirs) -> None:
        self.ours = ours
        self.theirs = theirs
        self.rows: list[Row] = []

    def severity(self, provision: str, verdict: Verdict) -> Severity | None:
        """None when it matches, a warning when we can live with it, else the provision's."""
        if verdict == "matches":
            return None
        if verdict in ("within our fallback", "extra in theirs"):
            return "warning"
        known = self.ours.provisions.get(provision)
        return known.severity if known else "warning"

    def quote(self, read: Read | None) -> Evidence | None:
        return quoted(self.theirs.report.sentences[read.sentence]) if read else None

    def add(
        self,
        item: Item,
        ours: str,
        theirs: str,
        verdict: Verdict,
        *,
        difference: str = "",
        read: Read | None = None,
        fallback: Floor | None = None,
        belongs_at: Read | None = None,
    ) -> None:
        severity = self.severity(item.provision, verdict)
        self.rows.append(
            Row(
                item.id,
                item.label,
                ours,
                theirs,
                difference,
                verdict,
                severity,
                self.quote(read),
                fallback,
                self.quote(belongs_at),
            )
        )

    def missing(self, item: Item, ours: str, belongs_at: Read | None = None) -> None:
        self.add(item, ours, "not stated", "missing in theirs", belongs_at=belongs_at)

    def duration(
        self,
        item: Item,
        ours: Duration,
        found: DurationRead | None,
        floors: Sequence[Floor] = (),
        belongs_at: Read | None = None,
    ) -> None:
        """Shorter than ours is a concession: within a fallback's floor, or worse. Longer
        gives us at least what we asked."""
        if found is None:
            self.missing(item, str(ours), belongs_at)
            return
        theirs = found.value
        if same_length(ours, theirs):
            self.add(item, str(ours), str(theirs), "matches", read=found)
            return
        gap = difference(ours, theirs)
        if length_in_days(theirs) > length_in_days(ours):
            self.add(
                item, str(ours), str(theirs), "within our fallback", difference=gap, read=found
            )
            return
        floor = next((each for each in floors if not shorter(theirs, each.value)), None)
        self.add(
            item,
            str(ours),
            str(theirs),
            "within our fallback" if floor else "worse than our fallback",
            difference=gap,
            read=found,
            fallback=floor or (floors[-1] if floors else None),
        )

    def holder(self, item: Item, ours: Holder, found: HolderRead | None) -> None:
        """A right taken from us, or given to them, is worse; the reverse is in our favour."""
        names = self.theirs.names
        if found is None:
            self.missing(item, ours.describe(names))
            return
        theirs = found.holder
        if theirs.parties == ours.parties:
            self.add(item, ours.describe(names), theirs.describe(names), "matches", read=found)
            return
        us = self.ours.us
        we_lose = us in ours.parties and us not in theirs.parties
        they_gain = bool(theirs.parties - ours.parties - {us})
        self.add(
            item,
            ours.describe(names),
            theirs.describe(names),
            "worse than our fallback" if we_lose or they_gain else "within our fallback",
            difference=_holder_difference(ours, theirs, us),
            read=found,
        )

    def choice(self, item: Item, ours: str, found: ChoiceRead | None) -> None:
        """One of named options (who bears exit costs, how a stake is valued): any other is
        worse, since the library has no fallback for it."""
        if found is None:
            self.missing(item, human(ours))
            return
        verdict: Verdict = "matches" if found.value == ours else "worse than our fallback"
        self.add(item, human(ours), human(found.value), verdict, read=found)


def shorter(first: Duration, second: Duration) -> bool:
    """Whether `first` is clearly shorter than `second`."""
    return length_in_days(first) < length_in_days(second) and not same_length(first, second)


def _holder_difference(ours: Holder, theirs: Holder, us: str) -> str:
    lost = sorted(ours.parties - theirs.parties)
    gained = sorted(theirs.parties - ours.parties)
    parts = []
    if lost:
        parts.append(f"{' and '.join(lost)} {'loses' if len(lost) == 1 else 'lose'} the right")
    if gained:
        parts.append(f"{' and '.join(gained)} {'gains' if len(gained) == 1 else 'gain'} it")
    if us in theirs.parties and us not in ours.parties:
        parts.append("in our favour")
    return "; ".join(parts)


def human(identifier: str | None) -> str:
    return humanise(identifier) if identifier else "not stated"
