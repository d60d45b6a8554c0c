"""The exit path of a draft from the other side: triggers, lock-in, what survives, who pays,
how a stake is valued and who is bound by exclusivity, read from its sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termgen.model.common import Duration
from termgen.model.exit import CostBearer, SurvivalKind, ValuationMethod
from termgen.their_drafts.parties import Holder, PartyNames, holder
from termgen.their_drafts.structure import headings
from termgen.their_drafts.terms import DurationRead, Read, candidates
from termgen.their_drafts.text import Sentence
from termgen.their_drafts.values import ORDINAL_WORDS, Mention, as_duration, best, durations


@dataclass(frozen=True)
class HolderRead(Read):
    holder: Holder


@dataclass(frozen=True)
class TriggerRead:
    """One kind of exit trigger in their draft: who may use it, with what notice and cure."""

    sentences: tuple[int, ...]
    holder: HolderRead | None = None
    notice: DurationRead | None = None
    cure: DurationRead | None = None

    @property
    def anchor(self) -> Read | None:
        """The sentence that sets the trigger: where a value it lacks belongs."""
        return self.holder or (Read(self.sentences[0]) if self.sentences else None)


TRIGGER_WORDS: dict[str, str] = {
    "breach": r"\bbreach\w*|\bdefault\w*|\bnon-?perform\w*",
    "insolvency": r"\binsolv\w*|\bbankrupt\w*|\bliquidat\w*|\breceiver\w*|\bwinding[- ]up|"
    r"\badministrat\w*|\bcreditors\b",
    "change_of_control": r"\bcontrol\b|\bmerger\b|\bacqui\w*|\bsubstantially\s+all\b",
    "deadlock": r"\bdeadlock\w*",
    "milestones": r"\bmilestone\w*",
    "regulatory": r"\bregulat\w*|\bchanges?\s+in\s+(?:the\s+)?law|\btariff\w*|\bsanction\w*",
    "convenience": r"\bconvenience\b|\bwithout\s+(?:cause|reason)|\bany\s+(?:or\s+no\s+)?reason|"
    r"\bat\s+will\b",
}


def read_trigger(
    sentences: Sequence[Sentence], kind: str, hits: Iterable[int], names: PartyNames
) -> TriggerRead:
    """Holder, notice and cure from the first sentences about the trigger that state each:
    those that name it (the reader's evidence may include a neighbour), then the others."""
    found = tuple(hits)
    own = re.compile(TRIGGER_WORDS.get(kind, r"$^"), re.IGNORECASE)
    naming = [index for index in found if own.search(sentences[index].text)]
    who = notice = cure = None
    for index in naming or found:
        text = sentences[index].in_context
        if who is None and (person := holder(text, names)) is not None:
            who = HolderRead(index, person)
        if notice is None and (mention := best(text, "notice", least=2)) is not None:
            notice = DurationRead(index, mention.value)
        if cure is None and (mention := best(text, "cure", least=2)) is not None:
            cure = DurationRead(index, mention.value)
    return TriggerRead(tuple(naming or found), who, notice, cure)


_LOCK_IN_WORDS = re.compile(
    r"lock[- ]?in|for\s+convenience|without\s+(?:cause|reason|giving\s+(?:a|any)\s+reason)|"
    r"for\s+any\s+(?:or\s+no\s+)?reason|at\s+will",
    re.IGNORECASE,
)
_LOCK_IN_BEFORE = re.compile(
    r"(?:\b(?:first|initial|minimum)\s+|lock[- ]?in\s+(?:period\s+)?(?:of\s+)?(?:at\s+least\s+)?)$",
    re.IGNORECASE,
)
_LOCK_IN_AFTER = re.compile(
    r"^\W{0,3}(?:\(\s*(?:the\s+)?\"?lock[- ]?in|lock[- ]?in|(?:after|following|from)\s+(?:the\s+)?"
    r"(?:effective|commencement|signing)\s+date\b[^.;]{0,40}\b(?:no|neither|not)\b)",
    re.IGNORECASE,
)
_ANNIVERSARY_LOCK = re.compile(
    r"\b(?:after|following|before|prior\s+to|until)\s+the\s+(?P<ordinal>first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))\s+(?:\(\w+\)\s+)?anniversary",
    re.IGNORECASE,
)


def _lock_in_value(text: str) -> Duration | None:
    for mention in durations(text):
        before = text[max(0, mention.start - 40) : mention.start]
        after = text[mention.end : mention.end + 80]
        if _LOCK_IN_BEFORE.search(before) or _LOCK_IN_AFTER.search(after):
            return mention.value
    match = _ANNIVERSARY_LOCK.search(text)
    if match:
        ordinal = match["ordinal"].lower()
        years = ORDINAL_WORDS.get(ordinal) or int(re.sub(r"\D", "", ordinal) or 0)
        return as_duration(years, "years")
    return None


def lock_in(sentences: Sequence[Sentence], *hits: Iterable[int]) -> DurationRead | None:
    """How long no party may leave for convenience: a 'Lock-in Period', the first years, or
    'not before the fifth anniversary'."""
    fallback = (i for i, s in enumerate(sentences) if _LOCK_IN_WORDS.search(s.text))
    for index in candidates(sentences, *hits, fallback):
        text = sentences[index].in_context
        if not _LOCK_IN_WORDS.search(text):
            continue
        value = _lock_in_value(text)
        if value is not None:
            return DurationRead(index, value)
    return None


SURVIVAL_WORDS: dict[SurvivalKind, str] = {
    "supply_continuity": r"\b(?:supply|supplies|supplying|deliver\w*|continuity)\b",
    "service_parts": r"\b(?:service|spare|replacement|after-?sales)\s+parts\b",
    "software_updates": r"\b(?:updates?|patch\w*|over[- ]the[- ]air|OTA)\b",
    "confidentiality": r"\bconfidential\w*",
    "licences": r"\blicen[cs]\w*",
    "warranty": r"\bwarrant\w*",
    "data_access": r"\bdata\b",
    "other": r"\bwind[- ]?(?:down|up)\b|\btransition\w*",
}
_AFTER_END = re.compile(
    r"\b(?:after|following|beyond|surviv\w*|post-?termination|upon)\b[^.;]{0,60}?\b(?:termination|"
    r"expiry|expiration|end|exit)\b|\bsurviv\w*",
    re.IGNORECASE,
)


_CLAUSE_BREAK = re.compile(r";\s*|\s\((?:[a-z]|[ivx]{2,4})\)\s")
"""Where one obligation of a list ends: a semicolon or the next item's letter ('(b)')."""


def survival(
    sentences: Sequence[Sentence], kind: SurvivalKind, *hits: Iterable[int]
) -> DurationRead | None:
    """How long an obligation of this kind lasts after the end, if their draft says: read in
    the part of a sentence (or list item) that names it."""
    words = re.compile(SURVIVAL_WORDS[kind], re.IGNORECASE)
    fallback = (i for i, s in enumerate(sentences) if _AFTER_END.search(s.in_context))
    for index in candidates(sentences, *hits, fallback):
        sentence = sentences[index]
        if not words.search(sentence.text) or not _AFTER_END.search(sentence.in_context):
            continue
        for part in _CLAUSE_BREAK.split(sentence.text):
            if not words.search(part):
                continue
            text = f"{sentence.lead_in} {part}" if sentence.lead_in else part
            mention: Mention | None = best(text, "survival", least=2)
            if mention is not None:
                return DurationRead(index, mention.value)
    return None


@dataclass(frozen=True)
class ChoiceRead(Read):
    """A choice among named options (who bears exit costs, how a stake is valued)."""

    value: str


_COSTS = re.compile(r"\bcosts?\b", re.IGNORECASE)
_COSTS_OF_EXIT = re.compile(
    r"\b(?:exit\w*|terminat\w*|wind[- ]?down|leav\w*|end\w*\s+(?:this|the)|expir\w*|separation)\b",
    re.IGNORECASE,
)
_BEARERS: tuple[tuple[CostBearer, re.Pattern[str]], ...] = (
    (
        "defaulting_party",
        re.compile(r"\b(?:defaulting|breaching|insolvent|party\s+in\s+(?:default|breach))\b", re.I),
    ),
    (
        "terminating_party",
        re.compile(
            r"\b(?:terminating|exiting|leaving|withdrawing)\s+party\b|\bparty\s+(?:that|which|who)\s+"
            r"(?:terminates|ends|exits|leaves|withdraws|gives\s+notice)",
            re.I,
        ),
    ),
    (
        "pro_rata",
        re.compile(
            r"\bpro\s+rata\b|\bin\s+proportion\b|\bproportionate\w*|\bshared?\b[^.;]{0,40}\b(?:cost\s+"
            r"shares?|equally|according\s+to)",
            re.I,
        ),
    ),
    ("each_own", re.compile(r"\b(?:each|every)\s+party\b[^.;]{0,40}\bits\s+own\b", re.I)),
)


def exit_costs(sentences: Sequence[Sentence]) -> ChoiceRead | None:
    """Who bears the costs of an exit."""
    for index, sentence in enumerate(sentences):
        text = sentence.in_context
        if not (_COSTS.search(sentence.text) and _COSTS_OF_EXIT.search(text)):
            continue
        for bearer, pattern in _BEARERS:
            if pattern.search(sentence.text):
                return ChoiceRead(index, bearer)
    return None


_PRICE = re.compile(
    r"\b(?:price|valu\w*|purchase|buy[- ]?out|acquir\w*|consideration)\b", re.IGNORECASE
)
_METHODS: tuple[tuple[ValuationMethod, re.Pattern[str]], ...] = (
    ("fair_market_value", re.compile(r"\b(?:fair\s+)?market\s+value\b|\bfair\s+value\b", re.I)),
    (
        "book_value",
        re.compile(r"\b(?:net\s+)?book\s+value\b|\bcarrying\s+(?:amount|value)\b", re.I),
    ),
    ("formula", re.compile(r"\bformula\b|\b(?:multiple|times)\s+(?:of\s+)?the\b", re.I)),
    ("fixed_price", re.compile(r"\bfixed\s+price\b|\bprice\s+of\s+[A-Z]{3}\s*\d", re.I)),
)


def valuation(sentences: Sequence[Sentence], *hits: Iterable[int]) -> ChoiceRead | None:
    """The basis on which a stake or a jointly owned asset is priced on a buy-out."""
    fallback = (i for i, s in enumerate(sentences) if _PRICE.search(s.text))
    for index in candidates(sentences, *hits, fallback):
        text = sentences[index].text
        if not _PRICE.search(text):
            continue
        for method, pattern in _METHODS:
            if pattern.search(text):
                return ChoiceRead(index, method)
    return None


_EXCLUSIVE = re.compile(
    r"\bexclusiv\w*|\b(?:shall|will|may)\s+not\b[^.;]{0,60}\b(?:cooperat\w*|collaborat\w*|"
    r"partner\w*|enter\s+into|engage|purchase|source|buy|procure|work)\b[^.;]{0,80}\bthird\s+"
    r"part(?:y|ies)|\bnon-?compet\w*|\bsole\s+(?:and\s+exclusive\s+)?(?:supplier|source|partner)",
    re.IGNORECASE,
)
_EXCLUSIVE_TITLE = re.compile(r"\bexclusivity\b|\bnon-?compet\w*", re.IGNORECASE)
"""A clause's title that makes its duties exclusivity ("Exclusive remedy" does not)."""
_NOT_EXCLUSIVE = re.compile(r"\bnon-?exclusiv\w*|\bnot\s+(?:be\s+)?exclusive\b", re.IGNORECASE)
_BOUND = re.compile(
    r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+obliged\s+to|commits?\s+to)\b",
    re.IGNORECASE,
)
_EVERY_PARTY = re.compile(
    r"\b(?:neither|no|each|every|both|either)\s+(?:of\s+the\s+)?part(?:y|ies)\b|\bthe\s+parties\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExclusivityRead(Read):
    """A sentence that makes the cooperation exclusive, and whom it binds."""

    bound: Holder


def exclusivity(sentences: Sequence[Sentence], names: PartyNames) -> list[ExclusivityRead]:
    """Every exclusivity (or non-compete) their draft imposes, with the parties it binds: a
    duty under the heading "Exclusivity" is one even where its own words never say so, unless
    the clause says it is not exclusive."""
    titles = headings(sentences)
    denied = {
        title
        for title, sentence in zip(titles, sentences, strict=True)
        if _NOT_EXCLUSIVE.search(sentence.text)
    }
    found = []
    for index, sentence in enumerate(sentences):
        text = sentence.in_context
        title = titles[index]
        titled = title not in denied and _EXCLUSIVE_TITLE.search(title) is not None
        if not (titled or _EXCLUSIVE.search(text)) or _NOT_EXCLUSIVE.search(text):
            continue
        duty = _BOUND.search(text)
        subject = text[: duty.start()] if duty else text
        if _EVERY_PARTY.search(subject[-90:]):
            found.append(ExclusivityRead(index, names.everyone()))
            continue
        named = names.mentions(subject[-90:])
        if named:
            found.append(ExclusivityRead(index, names.only(named[-1].party)))
    return found
