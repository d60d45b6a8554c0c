"""Small pieces of English used in messages and drafts: lists, identifiers, dates, shares,
lengths of time, and the words for the other parties; drafts follow a library's house style."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, get_args

Language = Literal["en-GB", "en-US"]
NumberStyle = Literal["digits", "words_and_digits"]
LANGUAGES: tuple[str, ...] = get_args(Language)
NUMBER_STYLES: tuple[str, ...] = get_args(NumberStyle)


@dataclass(frozen=True)
class HouseStyle:
    """How a library's drafts write dates and numbers: '30 June 2031' (en-GB) or
    'June 30, 2031' (en-US); '90 days' (digits) or 'ninety (90) days' (words_and_digits)."""

    language: Language = "en-GB"
    numbers: NumberStyle = "digits"


DEFAULT_STYLE = HouseStyle()


_LISTS_WITHIN = re.compile(r"[,;]")
_JOINED_WITHIN = re.compile(r"\b(?:and|or)\b")


def and_join(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'. Items that are lists themselves keep their own
    conjunctions apart from the list's: 'A and B, and C' for an item joined with 'and' or
    'or', 'A, B and C; D; and E' for an item with a comma."""
    if len(items) <= 1:
        return "".join(items)
    if any(_LISTS_WITHIN.search(item) for item in items):
        return f"{'; '.join(items[:-1])}; {conjunction} {items[-1]}"
    if any(_JOINED_WITHIN.search(item) for item in items):
        return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_ACRONYMS = {"ip": "IP", "pmo": "PMO", "ota": "OTA", "kpi": "KPI", "ev": "EV"}


def humanise(identifier: str) -> str:
    """'change_of_control' -> 'change of control'; 'ip_licence' -> 'IP licence'."""
    return " ".join(_ACRONYMS.get(word, word) for word in identifier.split("_"))


_PURPOSE_WORDS = {"autonomy_mobility": "autonomy and mobility"}


def purpose_text(purpose: str) -> str:
    """A deal's purpose in words: 'software_codevelopment' -> 'software codevelopment',
    'autonomy_mobility' -> 'autonomy and mobility'."""
    return _PURPOSE_WORDS.get(purpose) or humanise(purpose)


def article(noun: str) -> str:
    """'an objective', 'a party'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def capital(text: str) -> str:
    """First letter upper case, the rest as written ('IP licence' stays 'IP licence')."""
    text = text.strip()
    return text[:1].upper() + text[1:]


_FUNCTION_WORDS = frozenset({"of", "and", "or", "the", "for", "to", "in", "on", "at", "a", "an"})


_PLACE_ADJECTIVE = re.compile(r"(?:.{3}ean|.{3}ese|ian|ish|ican)$")
"""How a word made from a place name ends ('European', 'Japanese', 'Italian', 'Polish',
'American'): it keeps its capital in the middle of a sentence."""


def mid_sentence(text: str) -> str:
    """A phrase typed to stand alone, as the middle of a sentence writes it: 'Chief executives
    of NAW and KSC' -> 'chief executives of NAW and KSC', 'Allocation of Valladolid capacity'
    -> 'allocation of Valladolid capacity'. A name stays as it is: 'Steering Committee', 'Head
    of Legal', 'Board', 'CEOs', 'NAW', 'European homologation adaptations'."""
    words = text.split()
    first = words[0].rstrip(",;:") if words else ""
    if len(words) < 2 or not (first.istitle() and first.isalpha()):
        return text
    if _PLACE_ADJECTIVE.search(first):
        return text
    if not any(word[:1].islower() for word in words[1:] if word not in _FUNCTION_WORDS):
        return text
    return text[:1].lower() + text[1:]


_DETERMINERS = frozenset(
    {"the", "a", "an", "each", "every", "both", "all", "its", "their", "his", "her", "our"}
)


def definite(name: str) -> str:
    """A body or person as a sentence names it: 'Steering Committee' -> 'the Steering
    Committee', 'CEOs' -> 'the CEOs', 'chief executives of NAW and KSC' -> 'the chief
    executives of NAW and KSC'; a name typed with its own determiner or as a possessive stays
    as it is: 'the CEOs', 'each party's CEO', "NAW's CEO", "the parties' CEOs"."""
    first = name.split(maxsplit=1)[0] if name.strip() else ""
    possessive = first.endswith(("'s", "’s", "s'", "s’"))
    if not first or possessive or first.casefold() in _DETERMINERS:
        return name
    return f"the {name}"


_NAMED_EVENT = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}of\b|^[\w-]+ing\b", re.IGNORECASE
)


def event_predicate(text: str) -> str:
    """What completes 'The End Event ...' for an event typed either way: a named event ('the
    start of series production') -> 'is the start of series production'; a statement of what
    happens ('an expansion agreement replaces this pilot') -> 'occurs when an expansion
    agreement replaces this pilot'."""
    return f"is {text}" if _NAMED_EVENT.search(text) else f"occurs when {text}"


_ACTIVITY_WORD = re.compile(r"[a-z0-9]+")
_ASIDE = re.compile(r"\([^)]*\)")
_NO_ACTIVITY = frozenset(
    {"a", "an", "and", "another", "for", "in", "its", "of", "on", "or", "other", "others"}
    | {"own", "parties", "party", "the", "their", "third", "to", "with"}
)
"""Words that name no activity: 'to other OEMs' and 'to third-party OEMs' are one activity."""


def same_activity(one: str, other: str) -> bool:
    """Whether two descriptions name one activity: 'licensing the platform to other OEMs
    (LUMEN)' and 'Licensing to third-party OEMs' do; at least two words shared, and at least
    two thirds of the shorter description's words (asides in brackets left out)."""
    first, second = (
        frozenset(
            word.removesuffix("s")
            for word in _ACTIVITY_WORD.findall(_ASIDE.sub(" ", text).casefold())
            if word not in _NO_ACTIVITY
        )
        for text in (one, other)
    )
    shared = len(first & second)
    return shared >= 2 and 3 * shared >= 2 * min(len(first), len(second))


def continuing(text: str) -> str:
    """A typed sentence or phrase as it goes on after a label: 'Stays with the JV' -> 'stays
    with the JV', 'Non-exclusive licences continue' -> 'non-exclusive licences continue',
    'E-axle design' -> 'e-axle design'; a name keeps its capital ('SDA keeps ...', "BFW's
    licence ...", 'European homologation adaptations')."""
    text = text.strip()
    head, *tails = text.split(maxsplit=1)[0].split("-") if text else [""]
    ordinary = head.istitle() and head.isalpha() and not _PLACE_ADJECTIVE.search(head)
    if tails and ordinary and all(tail.isalpha() and tail.islower() for tail in tails):
        return text[:1].lower() + text[1:]
    return mid_sentence(text)


def after_colon(text: str) -> str:
    """A typed sentence as it goes on after a label and a colon (see `continuing`), ending in a
    full stop: 'Stays with the JV' -> 'stays with the JV.'."""
    text = continuing(text)
    return text if not text or text[-1] in ".!?" else f"{text}."


def names_again(text: str, label: str) -> bool:
    """Whether a typed text names again what its label names, so that the label before it would
    say it twice: 'Licences each party needs ...' under 'licences', 'Lorain cell plant and its
    lines' under 'plants', 'Seconded engineers return ...' under 'seconded staff'; 'The JV keeps
    supplying ...' does not under 'supply continuity'."""
    words = [
        {
            word.removesuffix("s")
            for word in _ACTIVITY_WORD.findall(part.casefold())
            if word not in _NO_ACTIVITY
        }
        for part in (text, label)
    ]
    return bool(words[0] & words[1])


def phrase(text: str) -> str:
    """Capitalised, without a closing full stop: a typed sentence that a clause goes on."""
    return capital(text).rstrip(".").rstrip()


def sentence(text: str) -> str:
    """Capitalised, ending in a full stop unless it already ends a sentence."""
    text = capital(text)
    return text if not text or text[-1] in ".!?" else f"{text}."


def date_text(value: dt.date, style: HouseStyle = DEFAULT_STYLE) -> str:
    """2027-01-15 -> '15 January 2027' (en-GB) or 'January 15, 2027' (en-US)."""
    if style.language == "en-US":
        return f"{value:%B} {value.day}, {value.year}"
    return f"{value.day} {value:%B %Y}"


_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def iso_dates_worded(text: str, style: HouseStyle = DEFAULT_STYLE) -> str:
    """'not launched by 2028-10-31' -> 'not launched by 31 October 2028': an answer typed with
    a date as the answer file writes it still reads as prose in the draft."""
    if "-" not in text:  # no date to word: spares the search in a long table's every cell
        return text

    def worded(match: re.Match[str]) -> str:
        try:
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return match.group(0)
        return date_text(day, style)

    return _ISO_DATE.sub(worded, text)


_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATED = re.compile(
    rf"{_ISO_DATE.pattern}|\b\d{{1,2}} {_MONTH} \d{{4}}\b|\b{_MONTH} \d{{1,2}}, \d{{4}}\b"
)


def mentions_date(text: str) -> bool:
    """Whether a typed answer names a calendar date, as the answer file writes it (2031-06-30)
    or in words (30 June 2031, June 30, 2031): a trigger dated in its own words sets the date
    its clause counts from."""
    return _DATED.search(text) is not None


_UNITS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(value: int) -> str:
    """0 to 999 in words, as contracts write them: 90 -> 'ninety', 365 -> 'three hundred and
    sixty-five'; larger numbers stay in digits."""
    if not 0 <= value < 1000:
        return format_number(Decimal(value))
    if value < 20:
        return _UNITS[value]
    if value < 100:
        tens, unit = divmod(value, 10)
        return _TENS[tens - 2] + (f"-{_UNITS[unit]}" if unit else "")
    hundreds, rest = divmod(value, 100)
    words = f"{_UNITS[hundreds]} hundred"
    return f"{words} and {number_words(rest)}" if rest else words


_ORDINALS = [
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"),
    *("tenth", "eleventh", "twelfth"),
]


def ordinal_words(value: int) -> str:
    """1 -> 'first', 12 -> 'twelfth'; from 13 on in digits, as people write them: '13th',
    '21st', '102nd'."""
    if 1 <= value <= len(_ORDINALS):
        return _ORDINALS[value - 1]
    suffix = (
        "th" if value % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    )
    return f"{value}{suffix}"


def count_text(value: int, noun: str, style: HouseStyle = DEFAULT_STYLE) -> str:
    """(90, 'days') -> '90 days' or 'ninety (90) days'; the noun as given."""
    if style.numbers == "words_and_digits":
        return f"{number_words(value)} ({value}) {noun}"
    return f"{value} {noun}"


_PERIOD = re.compile(r"^(\d+)\s+(\S.*)$")


def period_text(text: str, style: HouseStyle = DEFAULT_STYLE) -> str:
    """A length of time as the house writes it: '5 working days' -> 'five (5) working days'
    under words_and_digits; text that is not a number and a noun stays as it is."""
    match = _PERIOD.match(text.strip())
    if match is None:
        return text
    return count_text(int(match.group(1)), match.group(2), style)


def opening_period(text: str, style: HouseStyle = DEFAULT_STYLE) -> str:
    """The start of a term as long as a period: '1 year' -> 'the first year', '3 years' ->
    'the first 3 years' (in the house style)."""
    match = _PERIOD.match(text.strip())
    if match is not None and int(match.group(1)) == 1:
        return f"the first {match.group(2)}"
    return f"the first {period_text(text, style)}"


_PER_YEAR = re.compile(r"\s*/\s*(?:yr|year|annum)\b(?![/\w])")


def per_year_worded(text: str) -> str:
    """'40 GWh/yr' -> '40 GWh a year': a rate typed in shorthand reads as prose."""
    if "/" not in text:  # no rate to word: spares the search in a long table's every cell
        return text
    return _PER_YEAR.sub(" a year", text)


def in_prose(value: Any, style: HouseStyle = DEFAULT_STYLE) -> Any:
    """A value as a draft's sentence writes it: dates and lengths of time in the house style,
    and dates and yearly rates typed into an answer's text as words; anything else as it is."""
    if isinstance(value, dt.date):
        return date_text(value, style)
    if isinstance(value, str) and not hasattr(value, "__html__"):  # markup is already final
        return per_year_worded(iso_dates_worded(value, style))
    # A value that words itself in a house style (a length of time) has `worded(style)`;
    # asked of its type, which is far quicker than isinstance against a Protocol.
    worded = getattr(type(value), "worded", None)
    return worded(value, style) if callable(worded) else value


JOINTLY = "the parties jointly"
"""Who owns or decides when the answer is 'joint'."""


def notice_text(period: str) -> str:
    """'30 days' -> "30 days' notice"; '1 month' -> "1 month's notice"."""
    return f"{period}' notice" if period.endswith("s") else f"{period}'s notice"


_PARTY_WORDS: dict[str, tuple[str, str]] = {
    "any": ("either party", "any party"),
    "each": ("each party", "each party"),
    "no": ("neither party", "no party"),
    "other": ("the other party", "the other parties"),
    "others'": ("the other party's", "the other parties'"),
    "another": ("the other party", "another party"),
    "any other": ("the other party", "any other party"),
    "all": ("both parties", "all parties"),
}
PARTY_WORDS: tuple[str, ...] = tuple(_PARTY_WORDS)


def party_words(which: str, count: int) -> str:
    """How a clause names parties, for two or for more: 'any' -> 'either party' or 'any
    party'; 'other' -> 'the other party' or 'the other parties'; 'no' -> 'neither party' or
    'no party'; 'all' -> 'both parties' or 'all parties'; 'any other' -> 'the other party' or
    'any other party'; 'another' -> 'the other party' or 'another party'."""
    if which not in _PARTY_WORDS:
        raise ValueError(
            f"'{which}' is not a word for parties; use one of {', '.join(PARTY_WORDS)}"
        )
    two, more = _PARTY_WORDS[which]
    return two if count == 2 else more


_OTHERS = re.compile(
    r"\b([Tt]he other part(?:y or parties|ies)|[Ee]very other party|[Tt]he others)\b('(?!\w))?"
)
"""How a text for any number of parties names the others: 'the others', 'the other parties',
'the other party or parties', 'every other party' (and the possessive, "the others'")."""


def for_two_parties(text: str) -> str:
    """`text` written for any number of parties, said of two: 'a party tells the others' ->
    'a party tells the other party', "the other parties' consent" -> "the other party's
    consent"."""

    def other(found: re.Match[str]) -> str:
        said = f"{'T' if found.group(1)[0].isupper() else 't'}he other party"
        return f"{said}'s" if found.group(2) else said

    return _OTHERS.sub(other, text)


_OF_TWO = re.compile(r"\b([Bb]oth parties|[Ee]ither party|[Tt]he other party or parties)\b")
"""How a text for two parties names them all, or any one (and how a text for any number
names the others before it knows how many there are)."""

_OF_MORE = {"both parties": "all parties", "either party": "any party"}


def for_more_parties(text: str) -> str:
    """`text` written for two parties, said of more: 'only if both parties agree' -> 'only if
    all parties agree', '(either party)' -> '(any party)', 'the other party or parties' ->
    'the other parties'."""

    def any_or_all(found: re.Match[str]) -> str:
        said = _OF_MORE.get(found.group(1).lower(), "the other parties")
        return said.capitalize() if found.group(1)[0].isupper() else said

    return _OF_TWO.sub(any_or_all, text)


def for_parties(text: str, count: int) -> str:
    """A text of the interview (help, a prompt, a choice) as a deal of `count` parties reads
    it: of two, 'the others' are 'the other party'; of more, 'both parties' are 'all parties'
    and 'either party' is 'any party'; before the parties are known, as written."""
    if count == 2:
        return for_two_parties(text)
    return for_more_parties(text) if count > 2 else text


def format_number(value: Decimal, grouping: bool = True) -> str:
    """A Decimal without exponent or trailing zeros: 30000 -> '30,000'."""
    normal = value.normalize()
    if normal == normal.to_integral_value():
        normal = normal.quantize(Decimal(1))
    return f"{normal:,f}" if grouping else f"{normal:f}"


def percent_text(value: Decimal | int) -> str:
    """50 -> '50 %'."""
    return f"{format_number(Decimal(value))} %"


TWO_THIRDS = Decimal(2) / 3


def majority_share(value: Decimal | int) -> tuple[str, Decimal]:
    """A qualified majority as a lawyer writes it, with the fraction it takes of the votes:
    66 (or 66.67) -> ('two thirds', 2/3), which is what a majority typed as 66 % means;
    75 -> ('75 %', 0.75)."""
    share = Decimal(value)
    if 66 <= share < 67:
        return "two thirds", TWO_THIRDS
    return percent_text(share), share / 100


def shares_text(shares: Mapping[str, Decimal]) -> str:
    """{'NAW': 50, 'KSC': 50} -> 'NAW 50 %, KSC 50 %'."""
    return ", ".join(f"{party} {percent_text(share)}" for party, share in shares.items())


_NAMES_WITH_THE = (
    "Republic",
    "Kingdom",
    "State of",
    "States",
    "Federation",
    "Emirates",
    "European Union",
    "Netherlands",
    "People's",
    "Commonwealth",
    "Province of",
    "Philippines",
)


def place_text(name: str) -> str:
    """A country or state as prose names it: 'Republic of Korea' -> 'the Republic of Korea',
    'State of Delaware' -> 'the State of Delaware'; 'Germany' stays as it is."""
    name = name.strip()
    if name[:4].casefold() == "the " or not any(word in name for word in _NAMES_WITH_THE):
        return name
    return f"the {name}"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


_CORPORATE_LAWS = (
    # (law, words of the company's form or jurisdiction that name it, words that must join them)
    ("poland", ("poland", "polish", "z o.o.", "spółka"), ()),
    ("germany_gmbh", ("gmbh",), ()),
    ("delaware_llc", ("delaware",), ("llc", "l.l.c.", "limited liability company")),
    ("delaware_corporation", ("delaware",), ("corporation", "inc.", "incorporated")),
)


def corporate_law(form: str | None, jurisdiction: str | None) -> str:
    """The company law whose own mechanics a clause states, from the JV's form and place of
    incorporation: 'poland', 'germany_gmbh', 'delaware_llc', 'delaware_corporation', or '' where
    the clause keeps to wording any law can take."""
    seat = f"{jurisdiction or ''} {form or ''}".casefold()
    for law, names, with_ in _CORPORATE_LAWS:
        if any(name in seat for name in names) and (
            not with_ or any(word in seat for word in with_)
        ):
            return law
    return ""


_SEATS = {
    "poland": "Poland",
    "germany_gmbh": "Germany",
    "delaware_llc": "Delaware",
    "delaware_corporation": "Delaware",
}


def seat_of_form(form: str) -> str | None:
    """Where a company of this legal form (or of a name that ends in it) is incorporated,
    for a form of one law: 'GmbH' -> 'Germany', 'Delaware LLC' -> 'Delaware', 'sp. z o.o.'
    -> 'Poland'; None for a form many laws have ('Ltd', 'Inc.')."""
    return _SEATS.get(corporate_law(form, None))


_DEMONYMS = {
    "polish": "poland",
    "german": "germany",
    "french": "france",
    "swedish": "sweden",
    "czech": "czech",
    "dutch": "netherlands",
    "english": "england",
    "swiss": "switzerland",
    "spanish": "spain",
    "italian": "italy",
    "japanese": "japan",
    "chinese": "china",
    "korean": "korea",
}


def form_names_jurisdiction(form: str | None, jurisdiction: str | None) -> bool:
    """Whether the company's form already says where it is incorporated: 'Delaware
    corporation' in 'the State of Delaware, USA', 'Polish limited liability company' in
    'Poland' (so that the draft does not say 'under the laws of Poland' after it)."""
    if not form or not jurisdiction:
        return False
    first = form.split()[0].casefold()
    place = jurisdiction.casefold()
    return first in place or _DEMONYMS.get(first, "\0") in place


_INSTITUTIONS = (
    # (a word that names the rules, the institution that administers them, whether the rules'
    # own name already names it)
    (re.compile(r"\bSwiss Rules\b", re.IGNORECASE), "Swiss Arbitration Centre", False),
)
_ACRONYM_RULES = re.compile(r"^([A-Z]{2,6})\b.*\bRules\b")


def arbitral_institution(rules: str) -> tuple[str, bool]:
    """The institution that administers arbitration rules, and whether the rules' own name
    already names it: 'Swiss Rules of International Arbitration' -> ('Swiss Arbitration
    Centre', False); 'SCC Arbitration Rules' -> ('SCC', True); ('', False) for rules that name
    no institution (the UNCITRAL Rules, rules not known here). Prose puts 'the' before it."""
    rules = rules.strip()
    for pattern, institution, named in _INSTITUTIONS:
        if pattern.search(rules):
            return institution, named
    acronym = _ACRONYM_RULES.match(rules)
    if acronym and acronym.group(1) != "UNCITRAL":
        return acronym.group(1), True
    return "", False


def under_rules(rules: str) -> str:
    """' under the ICC Rules', or ' administered by the Swiss Arbitration Centre under the Swiss
    Rules of International Arbitration' where the rules' name does not name the institution:
    institution and rules are named together."""
    institution, named = arbitral_institution(rules)
    administered = f" administered by the {institution}" if institution and not named else ""
    return f"{administered} under the {rules}"
