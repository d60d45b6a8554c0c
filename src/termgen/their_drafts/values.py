"""Lengths of time as agreements write them, and what role each one plays (dates are in
`dates`).

"ninety (90) days", "three months", "one year", "a twelve-month period", "30-day", "half a
year": each is a `Duration` of the deal model. Which of several durations in a sentence is
the notice, the cure period, the renewal period or the initial term is read from the words
around it ("no less than sixty (60) days prior to", "successive one (1) year terms").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from termgen.model.common import Duration, DurationUnit

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_SMALL)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
    "fourty": 40,
    "hundred": 100,
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
}
"""Ordinals as agreements write them, for 'the fifth anniversary of ...'."""
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDS = rf"(?:{_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_NUMBER_WORD})){{0,4}}"
"""A number in words: 'one hundred and eighty' is the longest an agreement writes."""
_FILLER = (
    r"(?:calendar|business|working|banking|full|complete|consecutive|additional|further|contract|"
    r"agreement|lease)"
)
"""Words between a number and its unit: 'twelve (12) full calendar months', 'ten Contract Years'."""
_DURATION = re.compile(
    rf"""(?<![\w.$-])
    (?:
        (?P<words>{_WORDS})\b\s*(?:\(\s*(?P<bracketed>[\dIl]{{1,4}})\s*\)\s*)?
      | \(\s*(?P<alone>\d{{1,4}})\s*\)
      | (?P<digits>\d{{1,4}}(?:\.\d{{1,2}})?)
      | (?P<half>half\s+an?|one[\s-]+half(?:\s+an?)?|a\s+half)
      | (?P<article>an?)
    )
    [\s~-]*(?:{_FILLER}[\s-]+){{0,2}}
    (?P<unit>day|week|month|year)(?:s|\(s\))?\b(?:'s?)?""",
    re.IGNORECASE | re.VERBOSE,
)
_PER_UNIT: dict[str, DurationUnit] = {
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
}


@dataclass(frozen=True)
class Mention:
    """A duration found in a text, and where: `text[start:end]` is how it is written."""

    value: Duration
    start: int
    end: int


def number_from_words(words: str) -> int | None:
    """'one hundred twenty' -> 120, 'twenty-four' -> 24, 'thirty six' -> 36."""
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word == "hundred":
            total = max(total, 1) * 100
        elif word in NUMBER_WORDS:
            total += NUMBER_WORDS[word]
        else:
            return None
    return total


def _amount(match: re.Match[str]) -> float | None:
    bracketed = match["bracketed"]
    if bracketed:
        bracketed = bracketed.replace("I", "1").replace("l", "1")
        return float(bracketed) if bracketed.isdigit() else None
    if match["words"]:
        return number_from_words(match["words"])
    if match["alone"]:
        return float(match["alone"])
    if match["digits"]:
        return float(match["digits"])
    if match["half"]:
        return 0.5
    return 1.0


def as_duration(amount: float, unit: DurationUnit) -> Duration | None:
    """A whole number of a unit; half a year is 6 months, 1.5 months is 45 days."""
    if amount <= 0:
        return None
    if amount != int(amount):
        smaller: dict[str, tuple[DurationUnit, int]] = {
            "years": ("months", 12),
            "months": ("days", 30),
            "weeks": ("days", 7),
        }
        if unit not in smaller:
            return None
        unit, factor = smaller[unit]
        amount *= factor
        if amount != int(amount):
            return None
    try:
        return Duration(value=int(amount), unit=unit)
    except ValidationError:  # "500 years", a 500th anniversary: longer than any deal runs
        return None


def durations(text: str) -> list[Mention]:
    """Every length of time written in `text`, in order."""
    found = []
    for match in _DURATION.finditer(text):
        amount = _amount(match)
        if amount is None:
            continue
        value = as_duration(amount, _PER_UNIT[match["unit"].lower()])
        if value is not None:
            found.append(Mention(value, match.start(), match.end()))
    return found


Role = Literal["notice", "cure", "renewal", "term", "survival"]

_CUES: dict[Role, tuple[tuple[int, str, str], ...]] = {
    # (weight, where the pattern is matched: 'before' or 'after' the duration, pattern)
    "notice": (
        (
            3,
            "after",
            r"^\W{0,3}(?:'s?\s+)?(?:\(\w+\)\s+)?(?:of\s+)?(?:(?:prior|advance[d]?|previous|written|"
            r"express|formal|calendar)\s+)*(?:notice|notification)",
        ),
        (
            2,
            "after",
            r"^\W{0,3}(?:'s?\s+)?(?:\w+\s+){0,2}?(?:prior\b|before|in\s+advance|"
            r"preceding|ahead\s+of)",
        ),
        (
            2,
            "before",
            r"(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+later\s+than|not\s+later\s+"
            r"than|a\s+minimum\s+of|minimum|no\s+fewer\s+than|not\s+fewer\s+than)\s*$",
        ),
        (2, "before", r"\bnotice\s+(?:period\s+)?of\s+(?:at\s+least\s+)?$"),
        (
            1,
            "before",
            r"\b(?:giving|upon|on|with|by|provides?|providing|gives?|deliver\w*)\s+(?:the\s+"
            r"other\s+(?:part(?:y|ies)\s+)?)?(?:a\s+)?$",
        ),
        (1, "before", r"\b(?:notice|notify|notifies|notified|notification)\b[^.;]{0,40}$"),
        # "notifies the Supplier of its intent not to renew in writing within three (3) months"
        (
            2,
            "before",
            r"\b(?:intent(?:ion)?|election|decision|wish)\s+not\s+to\s+(?:renew|extend)\b[^.;]{0,60}"
            r"\bwithin\s+(?:a\s+period\s+of\s+)?$",
        ),
        (-3, "before", r"\b(?:cure|remedy|rectify|remedied|cured)\b[^.;]{0,60}$"),
        (-2, "after", r"^\W{0,3}(?:\w+\s+){0,2}?(?:cure|remedy)\s+period"),
        (-2, "after", r"^\W{0,3}(?:after|following|from)\s+(?:the\s+)?(?:receipt|delivery)"),
        # "keep records for at least two years after the termination": a survival period
        (
            -3,
            "after",
            r"^\W{0,3}(?:after|following|beyond)\s+(?:the\s+)?(?:any\s+)?(?:termination|expiration|"
            r"expiry)",
        ),
    ),
    "cure": (
        (
            3,
            "before",
            r"\b(?:cure[ds]?|remed(?:y|ied|ies)|rectif(?:y|ied|ies)|correct(?:ed|s)?|make\s+good)"
            r"\b[^.;]{0,80}?\b(?:within|in|for|of)\s+(?:a\s+period\s+of\s+|the\s+)?$",
        ),
        (3, "after", r"^\W{0,3}(?:'s?\s+)?(?:\w+\s+){0,2}?(?:cure|remedy|grace)\s+period"),
        (2, "before", r"\b(?:cure|remedy|grace)\s+period\s+(?:of\s+)?(?:at\s+least\s+)?$"),
        (
            1,
            "after",
            r"^\W{0,3}(?:after|following|of|from)\s+(?:the\s+)?(?:receipt|date|delivery|"
            r"(?:written\s+)?notice|such\s+notice)",
        ),
    ),
    "renewal": (
        (
            3,
            "before",
            r"\b(?:successive|additional|further|consecutive|subsequent|another|extension|renewal|"
            r"renewed|renew|renews|renewable|extended|extend|extends|single|one-time|automatic|"
            r"successor)\b(?:[\s,-]+(?:terms?|successor|successive|additional|"
            r"periods?|each|for|of|by|an?|automatically|renewal|extension|one|two|three|up\s+to|"
            r"time|thereafter)){0,5}[\s,(-]*$",
        ),
        (2, "after", r"^\W{0,3}(?:each|terms?|periods?|renewal|extension|increments|basis)\b"),
        (-3, "after", r"^\W{0,3}(?:'s?\s+)?(?:\(\w+\)\s+)?(?:(?:prior|advance|written)\s+)*notice"),
        (-3, "after", r"^\W{0,3}(?:'s?\s+)?(?:\w+\s+){0,2}?(?:prior\s+to|before|in\s+advance)"),
        (-2, "before", r"(?:at\s+least|not\s+less\s+than|no\s+less\s+than|no\s+later\s+than)\s*$"),
        (-2, "before", r"\binitial\s+(?:term|period)\b[^.;]{0,20}$"),
        # "one (1) year terms for up to another ten (10) years": the cap on renewals
        (
            -1,
            "before",
            r"\b(?:up\s+to|maximum\s+of|not\s+to\s+exceed|total\s+of)\s+(?:an?\s+)?"
            r"(?:another|additional|further|aggregate\s+of)?\s*$",
        ),
    ),
    "term": (
        (
            3,
            "before",
            r"\b(?:term|duration)\b[^.;]{0,60}?\b(?:of|shall\s+be|is|will\s+be|be)\s+(?:for\s+)?"
            r"(?:a\s+(?:period|term)\s+of\s+)?(?:an?\s+)?$",
        ),
        (
            3,
            "before",
            r"\b(?:continue|remain|be|in|valid|effective|run|last|expire|extend)\w*\b[^.;]{0,40}?"
            r"\b(?:for|until|of)\s+(?:a\s+(?:period|term)\s+of\s+)?(?:an?\s+|the\s+)?(?:initial\s+)?$",
        ),
        (2, "before", r"\bfor\s+an?\s+(?:initial\s+)?(?:period|term)\s+of\s*$"),
        (3, "before", r"\b(?:end|ends|expire|expires|terminate|terminates)\s+$"),
        (
            1,
            "after",
            r"^\W{0,3}(?:from|after|following|commencing|beginning|starting|thereafter)\b",
        ),
        (2, "after", r"^\W{0,3}\(?\s*(?:the\s+)?\"?initial\s+(?:term|period)"),
        # "(i.e., a three (3) year period commencing on the Effective Date)"
        (
            2,
            "after",
            r"^\W{0,3}period\s+(?:commencing|beginning|starting)\s+(?:on|with)\s+(?:the\s+)?"
            r"(?:effective|commencement|start)\s+date\b",
        ),
        (3, "before", r"^\W*(?:initial\s+)?term\s*:\s*$"),
        (
            2,
            "before",
            r"\b(?:later|earlier|earliest|latest)\s+(?:to\s+occur\s+)?of\b[^.;]{0,60}$|\bthe\s+date\s+"
            r"(?:that\s+is|which\s+is|falling)\s+$",
        ),
        # "a one year engagement": the length of the engagement an agreement makes
        (2, "after", r"^\W{0,3}(?:(?:initial\s+)?term|engagement)\b"),
        (
            -3,
            "before",
            r"\b(?:successive|additional|further|consecutive|subsequent|renewal|renew(?:s|ed)?)\b"
            r"[^.;]{0,20}$",
        ),
        (2, "before", r"\b(?:initial|original|first)\s+(?:term|period)\s+of\s*$"),
        # "as of the date of this agreement, the Supplier maintains the software for an
        # additional five years": an extension this agreement makes from its own date is its
        # term, not a renewal after one (it outweighs the -3 of 'additional'); a renewal said
        # to run from that date is still a renewal
        (
            6,
            "before",
            r"\b(?:as\s+of|from|with\s+effect\s+from|commencing\s+on)\s+the\s+date\s+(?:of\s+this\s+"
            r"(?:agreement|contract)|hereof)\b(?:(?!renew)[^.;]){0,60}?\b(?:an\s+)?(?:additional|"
            r"further)\s+$",
        ),
        (-3, "after", r"^\W{0,3}(?:'s?\s+)?(?:(?:prior|advance|written)\s+)*(?:notice|prior\s+to)"),
        (
            -3,
            "after",
            r"^\W{0,3}(?:\w+\s+){0,3}?(?:after|following|beyond|from\s+the\s+date\s+of)\s+"
            r"(?:the\s+)?(?:any\s+)?(?:expiration|termination|expiry)",
        ),
        (-2, "before", r"\b(?:any|each|every|no)\s+(?:period|term)\s+of\s*$"),
    ),
    "survival": (
        (
            3,
            "after",
            r"^\W{0,3}(?:\w+\s+){0,3}?(?:after|following|from|beyond)\s+(?:the\s+)?(?:date\s+of\s+"
            r"(?:the\s+)?)?(?:any\s+)?(?:termination|expiration|expiry|end|effective\s+date\s+of\s+"
            r"termination)",
        ),
        (2, "before", r"\b(?:for|during)\s+(?:a\s+(?:period|term)\s+of\s+)?(?:at\s+least\s+)?$"),
        (
            1,
            "before",
            r"\b(?:surviv\w*|continue|remain|keep|maintain|suppl\w*|provid\w*)\b[^.;]{0,60}$",
        ),
        (-3, "after", r"^\W{0,3}(?:'s?\s+)?(?:(?:prior|advance|written)\s+)*notice"),
    ),
}
_COMPILED = {
    role: tuple(
        (weight, side, re.compile(pattern, re.IGNORECASE)) for weight, side, pattern in cues
    )
    for role, cues in _CUES.items()
}
CONTEXT = 90
"""Characters on each side of a duration that say what it is."""


def role_score(text: str, mention: Mention, role: Role) -> int:
    """How strongly the words around the mention say it is this role's duration."""
    before = text[max(0, mention.start - CONTEXT) : mention.start]
    after = text[mention.end : mention.end + CONTEXT]
    return sum(
        weight
        for weight, side, pattern in _COMPILED[role]
        if pattern.search(before if side == "before" else after)
    )


def best(text: str, role: Role, least: int = 1) -> Mention | None:
    """The duration in `text` that most clearly plays `role` (the first of equals), if any."""
    scored = [(role_score(text, mention, role), mention) for mention in durations(text)]
    candidates = [(score, mention) for score, mention in scored if score >= least]
    if not candidates:
        return None
    top = max(score for score, _ in candidates)
    return next(mention for score, mention in candidates if score == top)
