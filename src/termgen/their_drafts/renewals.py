"""The renewal of a draft from the other side: how it renews, for how long, and the notice
that stops it, read from the sentences the reader found and any that speak of renewal."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termgen.model.common import Duration
from termgen.model.exit import RenewalType
from termgen.their_drafts.terms import OPEN_ENDED, DurationRead, Read, candidates
from termgen.their_drafts.text import Sentence
from termgen.their_drafts.values import Mention, best

_RENEWAL_WORDS = re.compile(
    r"\b(?:renew\w*|non-?renewal|extend\w*|extension|expir\w*|anniversary|thereafter|"
    r"end\s+of\s+(?:the\s+)?(?:initial|then[- ]?current|current|renewal|such|any)|"
    r"(?:initial|renewal|extension|then[- ]?current)\s+(?:term|period))\b",
    re.IGNORECASE,
)
_NOTICE_WORDS = re.compile(r"\b(?:notice|notif\w*|terminat\w*|cancel\w*)\b", re.IGNORECASE)
_BREACH_WORDS = re.compile(
    r"\b(?:breach\w*|default\w*|cure[ds]?|remed(?:y|ied)|insolven\w*|bankrupt\w*)\b", re.IGNORECASE
)


_NOT_RENEWING = re.compile(
    r"\b(?:not\s+to\s+(?:renew|extend)|non-?renewal|(?:shall|will)\s+not\s+(?:be\s+)?(?:renew|extend)"
    r"\w*)",
    re.IGNORECASE,
)
"""Words that say the notice stops the renewal (of the agreement: see `_OF_THE_AGREEMENT`)."""
_OF_THE_AGREEMENT = re.compile(r"\b(?:this|the)\s+(?:agreement|contract)\b|\bterm\b", re.I)
"""Not renewing an insurance policy or a licence is not the agreement's renewal."""
_BEFORE_TERM_END = re.compile(
    r"\b(?:prior\s+to|before)\s+(?:the\s+)?(?:end|expir\w*)\s+of\s+(?:the\s+|any\s+|such\s+|each\s+)?"
    r"(?:initial|then[- ]?current|current|renewal|extension|such|any|each|subsequent)",
    re.IGNORECASE,
)
"""A notice due before a term ends: often the one that stops the renewal, though a supplier's
reminder that the term will renew is timed the same way."""
_OTHER_NOTICE = re.compile(
    r"\b(?:(?:desire|wish|intent\w*|request|election|elect)\s+to\s+(?:renew|extend)|"
    r"(?:price|rate|fee|tariff)s?\s+(?:change|increase|adjustment)s?|(?:increase|change|adjust)\w*\s+"
    r"(?:the\s+|its\s+|any\s+)?(?:\w+\s+)?(?:prices?|rates?|fees?))\b",
    re.IGNORECASE,
)
"""A notice of something other than ending: asking to renew, changing a price."""


@dataclass(frozen=True)
class RenewalRead(Read):
    type: RenewalType | None
    """None when the draft gives a renewal period without saying who decides on it."""
    period: Duration | None = None
    open_ended: bool = False
    """Continues after the initial term until someone ends it ('month to month' has a period)."""


def renewal_notice(sentences: Sequence[Sentence], *hits: Iterable[int]) -> DurationRead | None:
    """The notice needed to stop a renewal (or to end the agreement at the end of a term):
    from the first sentence that says its notice stops the renewal, else the first with a
    notice due before a term ends, else the first with a notice at all, unless that notice is
    about something else (a price change)."""
    fallback = (
        index
        for index, sentence in enumerate(sentences)
        if _RENEWAL_WORDS.search(sentence.text)
        and _NOTICE_WORDS.search(sentence.text)
        and not _BREACH_WORDS.search(sentence.text)
    )
    found: tuple[int, DurationRead] | None = None
    for index in candidates(sentences, *hits, fallback):
        text = sentences[index].in_context
        if not _RENEWAL_WORDS.search(text):
            continue
        mention = best(text, "notice", least=2)
        if mention is None:
            continue
        if _NOT_RENEWING.search(text) and _OF_THE_AGREEMENT.search(text):
            stops = 2
        else:
            stops = 1 if _BEFORE_TERM_END.search(text) else -bool(_OTHER_NOTICE.search(text))
        if found is None or stops > found[0]:
            found = (stops, DurationRead(index, mention.value))
    return found[1] if found else None


_AUTOMATIC = re.compile(
    r"\b(?:automatic(?:ally)?|auto)[\s-]+(?:be\s+|[\w-]+\s+){0,3}(?:renew|extend|extension|continu|roll)|"
    r"\b(?:renew\w*|extend\w*|continu\w*)\b[^.;]{0,40}\bautomatic|\btacit\w*|\bevergreen\b|"
    r"\b(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renew|extend)\w*\s+(?:for|on|from|"
    r"thereafter|annually|each)|\b(?:year|month)[\s-]+to[\s-]+(?:year|month)\b|"
    r"\bunless\b[^.;]{0,120}\b(?:notice|notif\w*)\b[^.;]{0,80}\b(?:not\s+to\s+renew|"
    r"non-?renewal|terminat\w*)",
    re.IGNORECASE,
)
_MUTUAL = re.compile(
    r"\b(?:mutual(?:ly)?\s+(?:written\s+)?(?:agree\w*|consent|decision)|by\s+(?:written\s+)?"
    r"agreement\s+(?:of|between)\s+(?:the|both)\s+parties|(?:if|as|where)\s+(?:both\s+)?"
    r"(?:the\s+)?parties\s+(?:so\s+)?(?:mutually\s+)?agree|(?:written\s+)?consent\s+of\s+"
    r"(?:both|all|each\s+of\s+the)\s+parties|parties\s+may\s+(?:mutually\s+)?agree|"
    r"both\s+parties\s+agree|upon\s+(?:the\s+)?agreement\s+of\s+the\s+parties)",
    re.IGNORECASE,
)
_OPTION = re.compile(
    r"\b(?:option|right|elect\w*|discretion|may|shall\s+be\s+entitled)\b[^.;]{0,40}\b(?:to\s+)?"
    r"(?:renew|extend|obtain\s+a\s+successor)\w*|\b(?:renew|extend)\w*\b[^.;]{0,60}\b(?:at\s+(?:the\s+|its\s+)?(?:sole\s+)?"
    r"(?:option|discretion|election|request))",
    re.IGNORECASE,
)
_NO_RENEWAL = re.compile(
    r"\b(?:shall|will)\s+not\s+(?:be\s+)?(?:automatically\s+)?(?:renew|extend)\w*|\bno\s+"
    r"(?:automatic\s+)?(?:renewal|extension)\b|\bnot\s+renewable\b|\bnon-renewable\b",
    re.IGNORECASE,
)
_CONTINUES_AFTER = re.compile(
    r"\b(?:thereafter|after\s+(?:that|the\s+initial\s+term|such\s+(?:initial\s+)?term))\b"
    r"[^.;]{0,120}\b(?:until\s+terminated|indefinitely|until\s+(?:either|a|one)\s+party)|"
    r"\bautomatic\w*\s+(?:renew\w*|extend\w*|continu\w*)\s+(?:for\s+an?\s+)?(?:unlimited|"
    r"indefinite)|\bcontinue\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+)?(?:thereafter\s+)?"
    r"(?:on\s+a\s+)?(?:year|month)[\s-]+to[\s-]+(?:year|month)",
    re.IGNORECASE,
)
_RENEWS = re.compile(r"renew|extend|extension|continu|roll|tacit|evergreen|successor", re.I)
_STEP = re.compile(
    r"\b(?:(?:year|month)[\s-]+to[\s-]+(?:year|month)|annual(?:ly)?|monthly|yearly|"
    r"(?:each|every)\s+(?:year|month))\b",
    re.IGNORECASE,
)


def renewal_type(text: str) -> RenewalType | None:
    """How a sentence about renewal says the term is renewed, if it says so."""
    if _NO_RENEWAL.search(text) and not _AUTOMATIC.search(text):
        return "none"
    if _MUTUAL.search(text):
        return "mutual_agreement"
    if _AUTOMATIC.search(text) or _CONTINUES_AFTER.search(text):
        return "automatic"
    if _OPTION.search(text):
        return "party_option"
    return None


def _step(text: str) -> Duration | None:
    match = _STEP.search(text)
    if not match:
        return None
    unit = "months" if "month" in match.group().lower() else "years"
    return Duration(value=1, unit=unit)


def read_renewal(text: str, index: int) -> RenewalRead | None:
    kind = renewal_type(text)
    # "continues thereafter until terminated": only a length clearly called a renewal is one
    strict = kind is None or bool(_CONTINUES_AFTER.search(text))
    mention: Mention | None = best(text, "renewal", least=3 if strict else 2)
    if kind is None and mention is None:
        return None
    period = mention.value if mention else _step(text)
    open_ended = period is None and bool(_CONTINUES_AFTER.search(text) or OPEN_ENDED.search(text))
    return RenewalRead(index, kind, period, open_ended)


_OTHER_DEFINITION = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?\"(?![^\"]*\b(?:term|renewal|extension)\b)[^\"]{1,40}\"\s+"
    r"(?:shall\s+)?means?\b",
    re.IGNORECASE,
)
"""'"Calendar Quarter" means ...': a definition of something other than the term or renewal."""


def _settled(read: RenewalRead, evidence: bool) -> tuple[bool, bool, bool]:
    """A period (or open end) first, then a sentence the reader chose, then an automatic one."""
    return (read.period is not None or read.open_ended, evidence, read.type == "automatic")


def renewal(sentences: Sequence[Sentence], *hits: Iterable[int]) -> RenewalRead | None:
    """The renewal: its type and period, from the sentence that settles it best; the reader's
    evidence before any other sentence that speaks of renewal or extension."""
    chosen = list(candidates(sentences, *hits))
    fallback = (
        i
        for i, s in enumerate(sentences)
        if _RENEWAL_WORDS.search(s.text) and not _OTHER_DEFINITION.search(s.text)
    )
    found: tuple[tuple[bool, bool, bool], RenewalRead] | None = None
    for index in candidates(sentences, chosen, fallback):
        text = sentences[index].in_context
        if not _RENEWS.search(text):
            continue
        read = read_renewal(text, index)
        if read is None:
            continue
        settled = _settled(read, index in chosen)
        if found is None or settled > found[0]:
            found = (settled, read)
    return found[1] if found else None
