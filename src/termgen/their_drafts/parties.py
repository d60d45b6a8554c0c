"""Who their draft means: our parties under the names it gives them, and who holds a right.

A draft from the other side rarely uses our short names. It names the companies in full and
then defines how it calls them: `Kyungsan Cell Systems Co., Ltd. (the "Supplier")`,
`... ("Licensee")`. Each defined term is tied to the party whose legal or short name comes
right before it, so that "the Supplier may terminate" reads as KSC holding that right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from termgen.model.meta import Party
from termgen.their_drafts.text import Sentence

_COMPANY_FORMS = re.compile(
    r"[,\s]+(?:AG|SE|GmbH|KGaA|Co\.?|Ltd\.?|Limited|Inc\.?|Incorporated|LLC|L\.L\.C\.|LLP|"
    r"Corporation|Corp\.?|Company|S\.A\.(?:S\.)?|SAS|S\.p\.A\.|a\.s\.|AB|ASA|A/S|plc|PLC|N\.V\.|"
    r"B\.V\.|K\.K\.|Pty|S\.L\.|s\.r\.o\.|Oy)\b\.?",
)
_DEFINITION = re.compile(
    r"\(\s*(?:each\s+a\s+\"?party\"?\s*,?\s*)?(?:hereinafter\s+(?:referred\s+to\s+as|called)\s+|"
    r"referred\s+to\s+(?:herein\s+)?as\s+|in\s+this\s+agreement\s+)?(?:the\s+)?\"(?P<first>[^\"]{1,40})\""
    r"(?:\s*(?:,|or|and)\s*(?:the\s+)?\"(?P<second>[^\"]{1,40})\")?\s*\)"
    r"|(?:hereinafter|herein|below)\s+(?:referred\s+to\s+as|called)\s+(?:the\s+)?\"(?P<third>[^\"]{1,40})\"",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:either|each|any|every|a|one|both)\s+(?:of\s+the\s+)?part(?:y|ies)\b|"
    r"\bthe\s+(?:non-?(?:defaulting|breaching|affected)|innocent|affected|other|"
    r"terminating|exiting|remaining)\s+part(?:y|ies)\b|\bthe\s+parties\b|\bparties\b",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\s*(?:,|and|or|and/or)\s*", re.IGNORECASE)
DEFINITIONS_WITHIN = 200
"""Parties are defined at the head of an agreement: its first sentences are searched."""
_TITLES = {"party", "parties", "agreement", "the agreement", "effective date", "term"}
_HOLDER_VERBS = (
    r"terminat\w*|end|exit|withdraw|cancel\w*|rescind|renew\w*|extend\w*|leave|dissolve|"
    r"put\s+an\s+end|bring\s+(?:this|the)\s+\w+\s+to\s+an\s+end"
)
_MODAL = re.compile(
    r"\b(?:may|can|shall\s+(?:have|be\s+entitled|be\s+free)|will\s+have|has|have|is\s+entitled|"
    r"are\s+entitled|reserves?|retains?)\b[^.;]{0,80}?\b(?:" + _HOLDER_VERBS + r")\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"\b(?:terminat\w*|ended|cancel\w*|renewed|extended|terminable|exercisable)\b[^.;]{0,40}?"
    r"\b(?:by|at\s+the\s+(?:sole\s+)?(?:option|election|discretion)\s+of)\s+(?P<who>[^.;,]{2,60})",
    re.IGNORECASE,
)
_OPTION_OF = re.compile(
    r"\bat\s+(?P<who>[\w .&-]{2,40}?)'s?\s+(?:sole\s+)?(?:option|election|discretion)\b",
    re.IGNORECASE,
)


def core_name(name: str) -> str:
    """A company name without its legal form and punctuation: 'Kyungsan Cell Systems'."""
    name = re.sub(r"\s+", " ", name).strip()
    while True:
        shorter = _COMPANY_FORMS.sub("", name).strip(" ,.")
        if shorter == name or not shorter:
            return name.strip(" ,.")
        name = shorter


def _names_of(party: Party) -> list[str]:
    names = [party.short_name]
    if party.legal_name:
        names += [party.legal_name, core_name(party.legal_name)]
        names += [core_name(inner) for inner in re.findall(r"\(([^)]+)\)", party.legal_name)]
    return [name for name in names if len(name) >= 2]


@dataclass(frozen=True)
class Holder:
    """Who holds a right: every party ('either party') or the named ones (short names)."""

    parties: frozenset[str]
    everyone: bool

    def describe(self, names: PartyNames) -> str:
        """'either party' (of two), 'any party' (of more), 'KSC only'."""
        if self.everyone:
            return "either party" if len(names.parties) == 2 else "any party"
        return " and ".join(sorted(self.parties)) + " only"


@dataclass(frozen=True)
class Named:
    """A party named in a text, at `text[start:end]`."""

    start: int
    end: int
    party: str


@dataclass(frozen=True)
class PartyNames:
    """Our parties (short names, in the deal's order) and every name their draft uses for them."""

    parties: tuple[str, ...]
    names: tuple[tuple[str, str], ...]
    """(name as written, short name): short and legal names, and their draft's defined terms."""

    @classmethod
    def read(cls, parties: Sequence[Party], sentences: Sequence[Sentence]) -> PartyNames:
        """Our names for the parties, and the terms their draft defines for each of them."""
        ours = cls(
            tuple(party.short_name for party in parties),
            tuple((name, party.short_name) for party in parties for name in _names_of(party)),
        )
        defined: dict[str, str] = {}
        for sentence in sentences[:DEFINITIONS_WITHIN]:
            text = sentence.text
            if '"' not in text:
                continue
            for match in _DEFINITION.finditer(text):
                named = ours.mentions(text[max(0, match.start() - 250) : match.start()])
                if not named:
                    continue
                for term in (match["first"], match["second"], match["third"]):
                    if term and term.strip().casefold() not in _TITLES:
                        defined.setdefault(term.strip(), named[-1].party)
        return cls(ours.parties, ours.names + tuple(defined.items()))

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        alternatives = sorted({name for name, _ in self.names}, key=len, reverse=True)
        body = "|".join(re.escape(name) for name in alternatives) or r"(?!)"
        return re.compile(rf"(?<![\w-])(?:the\s+)?({body})(?![\w-])", re.IGNORECASE)

    @cached_property
    def _by_name(self) -> dict[str, str]:
        return {name.casefold(): party for name, party in self.names}

    def mentions(self, text: str) -> list[Named]:
        """Every party `text` names, in order: the longest name wins ('Nordhafen
        Automobilwerke AG' over 'Nordhafen Automobilwerke')."""
        return [
            Named(match.start(), match.end(), self._by_name[match.group(1).casefold()])
            for match in self._pattern.finditer(text)
        ]

    def everyone(self) -> Holder:
        return Holder(frozenset(self.parties), everyone=True)

    def only(self, *short_names: str) -> Holder:
        chosen = frozenset(short_names)
        return Holder(chosen, everyone=chosen == frozenset(self.parties))


def holder(text: str, names: PartyNames) -> Holder | None:
    """Who may exercise the right a sentence grants (to end, renew or extend), if it says:
    'terminable by the Supplier', 'at Licensee's option', 'Either Party may terminate'."""
    for match in _PASSIVE.finditer(text):
        who = match["who"].strip()
        if _GENERIC.match(who):
            return names.everyone()
        named = names.mentions(who[:40])
        if named:
            return names.only(named[0].party)
    option = _OPTION_OF.search(text)
    named = names.mentions(option["who"]) if option else []
    if named:
        return names.only(named[-1].party)
    for match in _MODAL.finditer(text):
        subject = text[max(0, match.start() - 90) : match.start()]
        generic_end = max((found.end() for found in _GENERIC.finditer(subject)), default=-1)
        named = names.mentions(subject)
        if generic_end < 0 and not named:
            continue
        if generic_end > (named[-1].end if named else -1):
            return names.everyone()
        last = named[-1]
        if len(named) > 1 and _JOINED.fullmatch(subject[named[-2].end : last.start]):
            return names.only(named[-2].party, last.party)
        return names.only(last.party)
    return None
