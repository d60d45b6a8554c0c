"""The term and renewal of a draft from the other side, read from its sentences.

The reader (`detect`) says which sentences settle the initial term, the renewal and the
notice to stop it; the values are read from those first, and from any other sentence that
ties a length of time to the end of a term when those hold none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from termgen.model.common import Duration, shift
from termgen.their_drafts.dates import DateMention, dates
from termgen.their_drafts.text import Sentence
from termgen.their_drafts.values import (
    NUMBER_WORDS,
    ORDINAL_WORDS,
    Mention,
    as_duration,
    best,
    number_from_words,
    role_score,
)

OPEN_ENDED = re.compile(
    r"\b(?:(?:in|for)\s+perpetuity|perpetual(?:ly)?|indefinite(?:ly)?|until\s+(?:either|a|one|any)\s+"
    r"party\s+(?:gives|informs|terminates|provides|serves|notifies|elects)|unlimited\s+(?:period|term|"
    r"duration)|(?:until|unless\s+and\s+until|till)\s+(?:it\s+is\s+|this\s+agreement\s+is\s+|"
    r"(?:so\s+)?terminated|earlier\s+)?(?:so\s+)?terminat\w*|(?:end|ends|expire)\s+when\s+"
    r"terminated|no\s+fixed\s+(?:term|duration)|not\s+be\s+terminable|evergreen|thereafter,?\s+"
    r"unless\s+(?:sooner\s+|earlier\s+)?terminated)\b",
    re.IGNORECASE,
)
_ENDS_ON_EVENT = re.compile(
    r"\b(?:continu|remain|expir|terminat|end|last|run|effective|valid|(?:be\s+)?in\s+(?:full\s+)?"
    r"(?:force|effect))\w*"
    r"\b[^.;]{0,80}?\b(?:until|through|upon|on|at)\s+(?:the\s+)?(?:[A-Z]\w+'s\s+)?(?:later|earlier|"
    r"earliest|latest|"
    r"expiration|expiry|termination|completion|date\s+(?:on\s+which|that|of)|end\s+of\s+the\s+"
    r"(?!initial|then|current)|full\s+performance|payment|last|exercise|occurrence)",
    re.IGNORECASE,
)
_END_LABEL = (
    r"(?:(?:contract|agreement|term)\s+(?:end|expir\w*)|(?:termination|expiration|expiry|end)\s+date)"
    r"\s*:"
)
"""A row of a table of terms that gives the end: 'Termination Date: 1 April 2029', 'Contract
end: 04-01-28'. Other dates in such a table (trade, payment, maturity) are not the term's."""
_END_DATE_BEFORE = re.compile(
    r"\b(?:until|through|thru|to|expir\w*(?:\s+on)?|terminat\w*\s+on|end\w*\s+(?:on|as\s+of)?|"
    rf"conclud\w*(?:\s+on)?|up\s+to\s+and\s+including|no\s+later\s+than|means?|{_END_LABEL})\s*"
    r"(?:and\s+including\s+)?(?:the\s+)?(?:close\s+of\s+business\s+on\s+)?(?:(?:later|earlier)"
    r"\s+of\s*:?\s*)?(?:\(\w{1,3}\)\s*)?$",
    re.IGNORECASE,
)
_LATER_ITEM_BEFORE = re.compile(
    r"\b(?:expir\w*|terminat\w*|end\w*|continu\w*|remain\w*|until|through)\s+(?:on\s+|upon\s+|at\s+)?"
    r"(?:the\s+)?(?:later|earlier|latest|earliest)\s+(?:to\s+occur\s+)?of\b[^.;]{0,120}?"
    r"\b(?:and|or)\s+\(\w{1,3}\)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
"""A date as a later item of the list a term ends with the later or earlier of ('shall expire
upon the later of (a) the end of the 2030 season and (b) the last day of February, 2031'): the
term's end as when it comes first ('the later of (a) June 30, 2031 and (b) ...')."""
_START_DATE_BEFORE = re.compile(
    r"\b(?:commenc\w*|effective|begin\w*|from|as\s+of|start\w*|dated|made|entered\s+into|"
    r"executed|signed|on|this)\b[^.;]{0,20}$",
    re.IGNORECASE,
)
_ORDINALS = {
    **ORDINAL_WORDS,
    **{f"{word}-year": number for word, number in NUMBER_WORDS.items() if 0 < number <= 10},
}
_ANNIVERSARY = re.compile(
    r"\b(?P<ordinal>[a-z]+(?:-year)?|\d{1,2}\s*(?:st|nd|rd|th)|\d{1,2})\s*(?:\([^)]{1,8}\)\s*)?"
    r"(?:-|\s)?(?:year\s+)?anniversary\b",
    re.IGNORECASE,
)
_CONTRACT_YEAR = re.compile(
    r"\bend\s+of\s+(?:contract\s+)?year\s+(?P<number>\d{1,2}|[a-z]+)\b|\bend\s+of\s+the\s+(?P<ordinal>[a-z]+|\d{1,2}(?:st|nd|rd|th))\s*(?:\([^)]{1,8}\)\s*)?"
    r"(?:contract|agreement|calendar)?\s*year\b",
    re.IGNORECASE,
)
_DEFINED_START = re.compile(
    r"\(\s*(?:the\s+|this\s+)?\"?(?:effective|commencement|start)\s+date\"?\s*\)|"
    r"\"?(?:effective|commencement|start)\s+date\"?(?:\s+(?:of|for)\s+this\s+(?:agreement|contract))?\s*"
    r"(?:means|shall\s+mean|(?:shall|will)\s+be|is|:)|"
    r"\breferred\s+to\s+as\s+(?:the\s+)?\"?effective\s+date\b|"
    r"\b(?:contract|agreement|term)\s+(?:start|commencement|begins?)\s*:",
    re.IGNORECASE,
)
"""Where an agreement defines the day it starts: '(the "Effective Date")', 'Effective Date:',
'The commencement date for this contract will be', '(hereinafter referred to as the effective
date of the Agreement)', a table of terms' 'Contract start:'."""
_YEAR_END = re.compile(
    r"\b(?:until|through|to|at)\s+the\s+end\s+of\s+the\s+(?:then[- ]?)?current\s+calendar\s+year|"
    r"\bend\s+of\s+the\s+calendar\s+year\s+in\s+which\s+(?:this\s+agreement|it|the\s+effective"
    r"\s+date)\b",
    re.IGNORECASE,
)
"""A term that ends with the year it starts in: 'until the end of the current calendar year'."""
_MEASURED_FROM = re.compile(
    r"^\W{0,3}(?:\([^)]{0,20}\)\s*)?(?:from|after|following)\s+(?P<anchor>[^.;,(]{1,80}?)"
    r"(?=\s+(?:unless|and|or|until|subject|provided|as|in\s+accordance)\b|(?<!\s(?:on|in|at))\s+"
    r"which\b|[.;,(]|$)",
    re.IGNORECASE,
)
_AGREEMENT_START = re.compile(
    r"\b(?:effective|commencement|start(?:\s+date|\s+of\s+(?:this|the)\s+(?:agreement|contract|term))"
    r"|execut\w*|sign\w*|signature|hereof|closing|(?:this|the)\s+(?:agreement|contract)"
    r"|agreement\s+date|first\s+(?:written|set\s+forth|above)|above|below)\b",
    re.IGNORECASE,
)
"""What a term measured from the agreement's own start says it runs from: 'five years from the
Effective Date', 'from the date hereof', 'after the date both parties have signed'. 'Start'
only as the start date or the start of the agreement or term: the Start of Production is an
event."""
_DATE_HEREOF = re.compile(
    r"\b(?:the\s+date\s+hereof|the\s+date\s+of\s+this\s+(?:agreement|contract)|the\s+date\s+first\s+"
    r"(?:written|set\s+forth)\s+above)\b",
    re.IGNORECASE,
)
"""The date the agreement is dated, which a term may run from instead of its Effective Date."""
_TERM_WORDS = re.compile(
    r"\b(?:term|agreement|contract|expir\w*|terminat\w*|effective|continu\w*)\b", re.IGNORECASE
)


_FILING_STAMP = re.compile(r"\bSource:\s*[^,\n]{1,80},\s*[\w/.-]{1,12},\s*$")
"""The stamp a filing service prints on every page ('Source: ACME CORP, 8-K, 12/3/2018'): the
day the agreement was filed, not a day the agreement sets."""


def _own_dates(text: str) -> list[DateMention]:
    """The dates written in `text`, without the filing stamps printed on its pages."""
    return [
        mention
        for mention in dates(text)
        if not _FILING_STAMP.search(text[max(0, mention.start - 100) : mention.start])
    ]


@dataclass(frozen=True)
class Read:
    """Where in their draft a value was read: the index of its sentence."""

    sentence: int


@dataclass(frozen=True)
class TermRead(Read):
    length: Duration | None = None
    start: DateMention | None = None
    end: DateMention | None = None
    open_ended: bool = False
    """Runs until terminated, or until an event: no length and no end date."""
    from_event: str | None = None
    """The event the length runs from when it is not the agreement's start ('the Launch'): its
    day is not in the agreement, so neither is the term's end, unless the agreement says the day
    the event is expected on (then `start`)."""
    to_year_end: bool = False
    """Ends on the last day of the calendar year it starts in."""
    from_date_hereof: bool = False
    """Runs from the date the agreement is dated ('the seventh anniversary of the date hereof'),
    which may differ from a defined Effective Date."""

    def expiry(self, effective: DateMention | None) -> DateMention | None:
        """The day the initial term ends: its end date, or its start plus its length."""
        if self.end is not None:
            return self.end
        start = self.start or (None if self.from_event else effective)
        if self.to_year_end and start is not None:
            return DateMention(start.year, 12, 31, 0, 0)
        if self.length is None or start is None:
            return None
        if start.date is not None:
            end = shift(start.date, self.length)
            return DateMention(end.year, end.month, end.day, 0, 0)
        known = shift(dt.date(start.year, start.month or 6, 15), self.length)
        return DateMention(known.year, known.month if start.month else None, None, 0, 0)


@dataclass(frozen=True)
class DurationRead(Read):
    value: Duration


def candidates(sentences: Sequence[Sentence], *groups: Iterable[int]) -> Iterator[int]:
    """The indices of `groups` in order, each once."""
    seen: set[int] = set()
    for group in groups:
        for index in group:
            if index not in seen and 0 <= index < len(sentences):
                seen.add(index)
                yield index


def _preceded(text: str, start: int, pattern: re.Pattern[str], span: int = 45) -> bool:
    return bool(pattern.search(text[max(0, start - span) : start]))


def _anniversary(text: str) -> Duration | None:
    for pattern in (_ANNIVERSARY, _CONTRACT_YEAR):
        match = pattern.search(text)
        if not match:
            continue
        ordinal = (match["ordinal"] or match["number"]).lower().replace(" ", "")
        digits = re.match(r"\d+", ordinal)
        years = int(digits.group()) if digits else _ORDINALS.get(ordinal)
        if years is None:
            years = number_from_words(ordinal.removesuffix("-year"))
        if years:
            return as_duration(years, "years")
    return None


def _measured_from_event(text: str, length: Mention) -> str | None:
    """The event a length runs from ('twelve (12) months after the Launch'), if it is not the
    agreement's own start nor a written date."""
    after = text[length.end :]
    match = _MEASURED_FROM.match(after)
    if match is None:
        return None
    anchor = match["anchor"].strip()
    if _AGREEMENT_START.search(anchor) or dates(anchor):
        return None
    return anchor


_PROVISO = re.compile(r"[;,]\s*provided\s*,?\s*(?:however\s*,?\s*)?that\b", re.IGNORECASE)
"""Where a proviso starts: a length that only a proviso gives ('until the end of the Alliance
Agreement; provided, however, that if an election is made, 36 months after it') does not make
an open-ended term a fixed one."""
_ENDS_ONLY_ON = re.compile(
    r"\b(?:shall|will)\s+not\s+(?:end|expire|terminate)\s+(?:before|until)\b|"
    r"\b(?:this\s+(?:\w+\s+)?|the\s+)(?:agreement|contract)\s+shall\s+(?:automatically\s+)?"
    r"terminate\b(?:\s+and\b[^.;]{0,80}?)?\s*(?:,[^.;]{0,80}?,\s*)?(?::|\((?:i|a|1)\)|upon|"
    r"on\s+the\s+(?:exercise|occurrence)|in\s+the\s+event|if\b|at\s+the\s+option)",
    re.IGNORECASE,
)
"""A term set only by the events that end it: 'This Agreement shall terminate (a) at the option
of any party upon 90 days' notice; or (b) ...', 'shall terminate: a. automatically if ...',
'will not end until the Supplier has delivered 10,000 units'. A
sentence that ends the term on a date or after a length is read as such before this."""
_NAMED_START = re.compile(
    r"\s*\(\s*(?:such\s+(?:date|day)\s*,?\s*)?(?:the\s+)?\"?(?:effective|commencement|start)\s+date\b",
    re.IGNORECASE,
)
"""A date the agreement names as its start right after it ('no later than 2 September 2025
(such date, the "Effective Date")'): a deadline for the start, not the term's end."""
_LENGTH_STARTS_ON = re.compile(
    r"[^.;]{0,30}?\b(?:commenc\w*|begin\w*|start\w*|running\s+from)\b[^.;]{0,50}$", re.IGNORECASE
)
"""What runs from a length to the day it starts on: 'twenty-four (24) months to commence on
the launch date of 4 January 2025'. That day is the length's start, over one given for another
period earlier in the sentence."""


def read_term(text: str, index: int) -> TermRead | None:
    """The initial term a sentence sets: a length, an end date, or none at all."""
    found = _own_dates(text)
    end = next(
        (
            mention
            for mention in found
            if (
                _preceded(text, mention.start, _END_DATE_BEFORE)
                or _preceded(text, mention.start, _LATER_ITEM_BEFORE, span=200)
            )
            and not _NAMED_START.match(text, mention.end)
        ),
        None,
    )
    length = best(text, "term", least=2)
    own_start = (
        (
            mention
            for mention in found
            if mention is not end
            and mention.start > length.end
            and _LENGTH_STARTS_ON.match(text[length.end : mention.start])
        )
        if length
        else iter(())
    )
    start = next(own_start, None) or next(
        (
            mention
            for mention in found
            if mention is not end and _preceded(text, mention.start, _START_DATE_BEFORE)
        ),
        None,
    )
    value = length.value if length else _anniversary(text)
    main_clause = _PROVISO.split(text, maxsplit=1)[0]
    if (
        end is None
        and length is not None
        and length.start > len(main_clause)
        and (OPEN_ENDED.search(main_clause) or _ENDS_ON_EVENT.search(main_clause))
    ):
        return TermRead(index, open_ended=True)
    if end is not None or value is not None:
        event = _measured_from_event(text, length) if length and start is None else None
        hereof = bool(_DATE_HEREOF.search(text))
        return TermRead(
            index, length=value, start=start, end=end, from_event=event, from_date_hereof=hereof
        )
    if _YEAR_END.search(text):
        return TermRead(index, start=start, to_year_end=True)
    if any(pattern.search(text) for pattern in (OPEN_ENDED, _ENDS_ON_EVENT, _ENDS_ONLY_ON)):
        return TermRead(index, open_ended=True)
    return None


_TERM_SIGNS = (
    (3, re.compile(r"\b(?:initial|original|primary|base)\s+(?:term|period)\b", re.I)),
    (
        3,
        re.compile(
            r"(?<!during )(?<!within )\bthe\s+term\s+of\s+(?:this|the)\s+(?:agreement|contract)\b",
            re.I,
        ),
    ),
    (
        2,
        re.compile(
            r"\b(?:this\s+(?:\w+\s+)?|the\s+)(?:agreement|contract)\b[^.;]{0,80}\b(?:shall|will|is\s+to)\s+"
            r"(?:commence|continue|remain|be\s+(?:in\s+(?:full\s+)?)?(?:effect|force|valid|"
            r"effective)|expire|terminate|be\s+for|run|begin|end|have\s+a\s+(?:term|duration)|"
            r"not\s+be\s+terminable)",
            re.I,
        ),
    ),
    (2, re.compile(r"\b(?:term|duration)\b[^.;]{0,20}\b(?:shall|will)\s+be\b", re.I)),
    (
        3,
        re.compile(
            r"\b(?:day|week|month|year)s?[\s-]+engagement\b|\bengagement\s+(?:shall|will)\s+"
            r"(?:be\s+for|continue|last|run)\b",
            re.I,
        ),
    ),
    (1, re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:term|duration)\b", re.I)),
    (-3, re.compile(r"\b(?:during|throughout|within)\s+the\s+(?:initial\s+)?term\b", re.I)),
    (
        -2,
        re.compile(r"\b(?:following|after)\s+(?:the\s+)?(?:expiration|termination|expiry)\b", re.I),
    ),
    (-2, re.compile(r"\b(?:royalt|payment|fee|invoice|warrant)\w*", re.I)),
    (
        -3,
        re.compile(
            r"\bsurviv\w*|\bretain\w*|\bmay\s+(?:\w+\s+)?terminate\b|\bmay\s+be\s+terminated\b",
            re.I,
        ),
    ),
    (-2, re.compile(r"\bnotices\b|\brepresentations?\b|\bdeemed\b", re.I)),
    (-3, re.compile(r"\b(?:shall|will)\s+not\s+be\s+(?:shorter|less)\s+than\b", re.I)),
    (-3, re.compile(r"\bstated\s+maturity\b|\b(?:maturity|settlement|pricing)\s+date\s*:", re.I)),
    (3, re.compile(r"^\W*(?:initial\s+)?term\s*:", re.I)),
    (3, re.compile(_END_LABEL, re.I)),
    (
        3,
        re.compile(
            r"\"(?:initial\s+)?(?:term|contract\s+(?:period|term)|agreement\s+term)\"\s+(?:shall\s+)?"
            r"means?\b",
            re.I,
        ),
    ),
)


def _term_score(text: str, read: TermRead, evidence: bool) -> tuple[bool, int]:
    """How clearly the sentence is about the agreement's own term, then how clear its value is;
    the reader's choice of the sentence as the term's evidence counts as one more sign."""
    signs = sum(weight for weight, sign in _TERM_SIGNS if sign.search(text)) + evidence
    if read.end is not None or read.to_year_end:
        value = 3
    elif read.length is not None:
        mention = best(text, "term", least=2)
        value = role_score(text, mention, "term") if mention else 2
    else:
        value = 1
    return (signs >= 2 or evidence, signs + value)


def initial_term(sentences: Sequence[Sentence], hits: Iterable[int]) -> TermRead | None:
    """The initial term, from the sentence that states it most clearly: the reader's
    evidence first, then any sentence that states a term; a term that ends on a defined date
    or period ('the Expiration Date') is read from that definition."""
    chosen = list(candidates(sentences, hits))
    fallback = (i for i, s in enumerate(sentences) if _TERM_WORDS.search(s.text))
    found: tuple[tuple[bool, int], TermRead] | None = None
    for index in candidates(sentences, chosen, fallback):
        text = sentences[index].in_context
        read = read_term(text, index)
        if read is None or read.open_ended:
            read = _defined_period(sentences, text, index) or read
        if read is None:
            continue
        score = _term_score(text, read, index in chosen)
        if found is None or score > found[0]:
            found = (score, read)
    if found is None:
        return None
    read = found[1]
    if read.length is not None and read.end is None and read.start is None:
        read = _counted_from_contract_years(sentences, read)
    if read.from_event and read.start is None:
        expected = _expected_day(sentences, read.sentence, read.from_event)
        return replace(read, start=expected) if expected else read
    return read


_CONTRACT_YEAR_FROM = re.compile(
    r"\"Contract\s+Year\"\s*(?:shall\s+)?(?:means?|refers?\s+to)\b[^.;]{0,120}?\b(?:commenc\w*|"
    r"beginning|starting)\b[^;]{0,60}?\bon\s+the\s+(?P<name>(?:[A-Z][\w-]*\s+){0,3}Date)\b"
)
"""'"Contract Year" shall mean a period commencing at 9:00 a.m. on the Commencement Date': the
day the contract years are counted from."""


def _counted_from_contract_years(sentences: Sequence[Sentence], read: TermRead) -> TermRead:
    """A term of contract years ('until the end of the fifteenth Contract Year') runs from the
    day the agreement counts its contract years from, when that is not its Effective Date: the
    day its definition writes, or else an event ('the first day of the Month following the date
    the Carrier notifies the Shipper that the System is operational')."""
    if "Contract Year" not in sentences[read.sentence].in_context:
        return read
    for sentence in sentences:
        counted = _CONTRACT_YEAR_FROM.search(sentence.text)
        if counted is None:
            continue
        name = counted["name"]
        if name == "Effective Date":
            return read
        definition = re.compile(
            rf"\"{re.escape(name)}\"\s*(?:under\s+this\s+(?:agreement|contract)\s+)?(?:shall\s+"
            r"(?:be|mean)|means?|is)\b",
            re.IGNORECASE,
        )
        for defining in sentences:
            found = definition.search(defining.text)
            if found is not None:
                written = dates(defining.text[found.end() : found.end() + 60])
                if written:
                    return replace(read, start=written[0])
                return replace(read, from_event=f"the {name}")
        return read
    return read


_EXPECTED_ON = re.compile(
    r"\b(?:is|are)\s+(?:currently\s+)?(?:expected|scheduled|anticipated|planned|targeted|"
    r"estimated)\s+(?:to\s+(?:[a-z]+\s+){1,3}?)?(?:on|for)\s+(?:or\s+about\s+)?",
    re.IGNORECASE,
)
_EVENT_WORD = re.compile(
    r"\b(?!(?:date|which|that|this|first|agreement)\b)[a-z]{4,}", re.IGNORECASE
)


def _expected_day(sentences: Sequence[Sentence], index: int, event: str) -> DateMention | None:
    """The day the agreement expects the event a term runs from, in the two sentences after
    the term's ('four years from the date on which the channel is uploaded. The channel is
    expected to be uploaded on August 1, 2010.'): a sentence that names the event by one of its
    words and says when it is expected, scheduled or planned."""
    words = {word.lower()[:5] for word in _EVENT_WORD.findall(event)}
    for sentence in sentences[index + 1 : index + 3]:
        text = sentence.text
        for match in _EXPECTED_ON.finditer(text):
            said = {word.lower()[:5] for word in _EVENT_WORD.findall(text[: match.end()])}
            found = dates(text[match.end() : match.end() + 40])
            if words & said and found and found[0].start == 0:
                return found[0]
    return None


_ENDS_WITH_DEFINED = re.compile(
    r"\b(?:expir|end|terminat|continu|remain|run)\w*\b[^.;]{0,40}?\b(?:on|for|until|through|at\s+the\s+"
    r"end\s+of|upon\s+the\s+expiration\s+of)\s+the\s+(?P<word>(?:[A-Z][a-z]+\s+){0,3}(?:Date|Period))\b"
)
"""'shall expire on the Expiration Date', 'continue for the Service Period': defined elsewhere."""
_STARTS = ("Effective Date", "Commencement Date", "Start Date", "Execution Date", "Closing Date")


def _defined_period(sentences: Sequence[Sentence], text: str, index: int) -> TermRead | None:
    """The term read from the definition of the date or period it ends with, if there is one:
    '"Expiration Date" means March 31, 2020', 'Service Period: April 1, 2019 to March 31, 2020'."""
    match = _ENDS_WITH_DEFINED.search(text)
    if match is None or match["word"].endswith(_STARTS):
        return None
    word = re.escape(match["word"])
    definition = re.compile(
        rf"\"{word}\"\s*(?:shall\s+)?(?:means?|is|:)|(?:^|\s){word}\s*:", re.IGNORECASE
    )
    for position, sentence in enumerate(sentences):
        found = definition.search(sentence.text)
        if found is None:
            continue
        # a definition may run on past a full stop the splitter took for a sentence's end
        # ('means April. 1st 2019 through to March 30, 2020')
        following = sentences[position + 1].text if position + 1 < len(sentences) else ""
        body = f"{sentence.text[found.end() :]} {following}"
        if match["word"].endswith("Date"):
            written = dates(body[:60])
            if written:
                return TermRead(index, end=written[0])
            continue
        read = read_term(body, index)
        if read is not None and not read.open_ended:
            return read
    return None


_LAST_SIGNATURE = re.compile(
    r"\b(?:(?:later|last|latest)\s+(?:of\s+the\s+dates?|date)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:executed|signed|execution|signatures?)|date\s+of\s+(?:the\s+)?(?:last|final|later)\s+"
    r"(?:signature|execution)|date\s+of\s+signed\s+acceptance|signing\s+of\s+this\s+"
    r"(?:agreement|contract)|(?:execution|signature|signing)\s+(?:of\s+this\s+(?:agreement|"
    r"contract)\s+)?by\s+(?:both|all|each\s+of\s+the)\s+parties)\b",
    re.IGNORECASE,
)
"""'effective on the later of the dates it is signed', 'the last date of execution', 'the later
of the dates shown by the signatures below', 'the date of last signature', 'the date of signed
acceptance', 'upon the completion of the execution by both Parties': the day the last party
signs."""
_DATE_LABEL = r"\bDate(?:d|\s+signed)?\s*:[\s_]*"
_SIGNATURE_DATES = re.compile(
    rf"(?:{_DATE_LABEL})+(?:\x00+[\s_]*)+"
    r"|(?:\x00+[\s_]*)+Date\b(?!\s+(?:of|on|that|when|hereof)\b)"
    r"|\b(?:signed|executed|authenticated|signature)\b[^.;\x00]{0,60}?\bon\s+\x00+",
    re.IGNORECASE,
)
"""Where the signature blocks give the day each party signed: after a 'Date:' label, or a row
of them ('Date: Date: 3-2-24 3-9-24'); above a row of 'Date' captions ('3/2/24 3/9/24 Date
Date'); 'signed on 9 March 2024'. The dates themselves are masked with NULs."""


_SIGNING_WORD = re.compile(r"\b(?:date|signed|executed|authenticated|signature)", re.IGNORECASE)


def _last_signed(sentences: Sequence[Sentence]) -> DateMention | None:
    """The latest date the signature blocks say a party signed on, if any."""
    signed: list[DateMention] = []
    for sentence in sentences:
        text = sentence.text
        if not _SIGNING_WORD.search(text):
            continue
        found = _own_dates(text)
        masked, taken = [], 0
        for mention in found:
            masked += [text[taken : mention.start], "\x00" * (mention.end - mention.start)]
            taken = mention.end
        masked.append(text[taken:])
        for block in _SIGNATURE_DATES.finditer("".join(masked)):
            signed += [
                mention
                for mention in found
                if mention.date is not None and block.start() <= mention.start < block.end()
            ]
    return max(signed, key=lambda mention: mention.date or dt.date.min, default=None)


_MADE_ON = re.compile(
    r"\b(?:dated|made|entered\s+into|effective|executed|signed|as\s+of|day\s+of)\b", re.IGNORECASE
)


def _dated(sentences: Sequence[Sentence]) -> DateMention | None:
    """The date at the head of the agreement: the one it says it is made or dated on, over a
    date in a heading or a filing's stamp; else the head's first date."""
    head = " ".join(sentence.text for sentence in sentences[:12])[:3000]
    found = _own_dates(head)
    made = (mention for mention in found if _preceded(head, mention.start, _MADE_ON, 30))
    return next(made, found[0]) if found else None


_TAKES_EFFECT = re.compile(
    r"\b(?:(?:this|the)\s+(?:agreement|contract)|it)\s+(?:(?:shall|will)\s+)?(?:be(?:come)?|is|"
    r"becomes|enters?\s+into|comes?\s+into|takes?)\s+(?:effective|force|effect)\s+(?:on|as\s+of|"
    r"from)\s+",
    re.IGNORECASE,
)
"""'It shall be effective on 6 October 2025', 'This Agreement comes into force on': the day it
starts, over the date at its head (the day it was dated or signed)."""


def _takes_effect(sentences: Sequence[Sentence]) -> DateMention | None:
    """The first date written right after the agreement says it takes effect."""
    for sentence in sentences:
        for match in _TAKES_EFFECT.finditer(sentence.text):
            found = dates(sentence.text[match.end() : match.end() + 40])
            if found and found[0].start == 0:
                return found[0]
    return None


def effective_date(
    sentences: Sequence[Sentence], near: TermRead | None = None
) -> DateMention | None:
    """When the agreement starts: the term's own start; the date the agreement is dated when
    the term runs from 'the date hereof'; the defined Effective Date; the date the agreement
    says it takes effect on; the date at the head of the agreement; or else the first date it
    says it was made or signed on."""
    if near is not None and near.start is not None:
        return near.start
    if near is not None and near.from_date_hereof:
        dated = _dated(sentences)
        if dated is not None:
            return dated
    for sentence in sentences:
        text = sentence.text
        for match in _DEFINED_START.finditer(text):
            found = _own_dates(text)
            if found:
                return min(found, key=lambda mention: abs(mention.start - match.start()))
            signed = _last_signed(sentences) if _LAST_SIGNATURE.search(text) else None
            if signed is not None:
                return signed
    dated = _takes_effect(sentences) or _dated(sentences)
    if dated is not None:
        return dated
    for sentence in sentences:
        if _MADE_ON.search(sentence.text):
            found = _own_dates(sentence.text)
            if found:
                return found[0]
    return None
