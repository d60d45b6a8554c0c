"""What a typed answer means for each question type, and how a stored answer is shown again."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from fractions import Fraction
from math import gcd
from typing import Any, Literal, get_args

from pydantic import ValidationError

from termgen.interview.languages import language_of, number_word, unit_in_english
from termgen.interview.places import (
    city_in,
    city_in_english,
    country_named,
    in_english,
    law_place,
)
from termgen.model.common import Duration, Money, Quantity, written_as
from termgen.model.currency import continental_number, meant_currency, parse_number, split_amount
from termgen.model.messages import date_problem, meant_date, plain_message
from termgen.suggest import nearest, with_suggestion
from termgen.wording import format_number

QuestionType = Literal[
    "text",
    "integer",
    "decimal",
    "money",
    "quantity",
    "percent",
    "place",
    "city",
    "date",
    "duration",
    "choice",
    "multi_choice",
    "yes_no",
    "party",
    "owner",
    "parties",
    "shares",
    "per_party",
    "text_list",
]
SELECT_TYPES = frozenset({"choice", "party", "owner"})
MULTI_TYPES = frozenset({"multi_choice", "parties"})
TEXT_TYPES = frozenset(get_args(QuestionType)) - SELECT_TYPES - MULTI_TYPES - {"yes_no"}
LIST_SEPARATOR = ";"
_NOT_A = {"party": "one of the parties", "owner": "a party, 'joint' or a governance body"}
_SHORTHAND: dict[str, type[Money] | type[Quantity] | type[Duration]] = {
    "money": Money,
    "quantity": Quantity,
    "duration": Duration,
}


class AnswerError(ValueError):
    """A typed answer that does not fit the question; the message says how to write it.

    `instead` is the answer it probably means, offered in its place (Enter takes it); a
    `doubt` is an answer that may be meant all the same: given again as it was, it is taken.
    """

    def __init__(self, message: str, instead: str | None = None, doubt: bool = False) -> None:
        super().__init__(message)
        self.instead = instead
        self.doubt = doubt


@dataclass(frozen=True)
class NewBody:
    """An owner that is a governance body not set up yet: it is added to the bodies."""

    name: str
    kind: str


def parse(
    kind: str,
    raw: Any,
    *,
    parties: Sequence[str] = (),
    choices: Sequence[str] = (),
    unit: str | None = None,
    confirmed: str | None = None,
    any_language: bool = False,
    example: str | None = None,
) -> Any:
    """The answer to store for what was typed or picked; None when nothing was given. A whole
    number may name its unit ('20 days' where the question counts days). `confirmed` is an
    answer asked back about (a doubt) and given again: it is taken as it is. A typed answer
    in French or German is asked back, unless it may be in `any_language` (a name). A
    quantity that is none says how to write one with the question's own `example`."""
    if kind == "yes_no":
        return None if raw is None else bool(raw)  # '(leave open)' is not 'no'
    if kind in MULTI_TYPES:
        raw = list(raw or [])
        unknown = [value for value in raw if value not in choices]
        if unknown:
            raise AnswerError(
                with_suggestion(f"'{unknown[0]}' is not a choice", unknown[0], choices)
            )
        return list(raw) or None
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    if kind in SELECT_TYPES:
        if choices and text not in choices:
            what = _NOT_A.get(kind, "one of the choices")
            raise AnswerError(with_suggestion(f"'{text}' is not {what}", text, choices))
        return text
    if kind in _APPROXIMATE_KINDS:
        _ask_back_approximate(text, kind, unit)
    if kind == "integer":
        return _whole_number(text, unit)
    if kind == "decimal":
        return _number(text)
    if kind == "percent":
        return _percent(text, confirmed)
    if kind == "place":
        return _place(text, confirmed)
    if kind == "city":
        return _city(text, confirmed)
    if kind == "date":
        return _date(text)
    if kind == "quantity":
        _ask_back_how_often(text)
        _ask_back_period_in_another_language(text)
        _ask_back_unit_of_quantity(text)
    if kind in ("money", "quantity"):
        text = _decimal_comma_asked_back(text, kind, confirmed)
    if kind == "duration":
        _ask_back_unit_in_another_language(text)
    if kind in _SHORTHAND:
        try:
            return _SHORTHAND[kind].model_validate(text).model_dump()
        except ValidationError:
            if kind == "quantity" and example:
                # The model's examples are of people and money; a licence counts programs.
                raise AnswerError(
                    f"'{text}' is not a quantity; write a number and what it counts, "
                    f"e.g. {example.rstrip('.')}"
                ) from None
            meant = _currency_meant(text) if kind == "money" else None
            if meant is not None:
                raise AnswerError(
                    f"{_plain_message_of(kind, text)} Press Enter to take it, or change it",
                    instead=meant,
                ) from None
            raise AnswerError(_plain_message_of(kind, text)) from None
    if kind in ("shares", "per_party"):
        return _per_party(text, kind, parties)
    if not any_language:
        _ask_back_language(text, confirmed)
    if kind == "text_list":
        return [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
    return text


def _ask_back_language(text: str, confirmed: str | None) -> None:
    """A typed answer in French or German is asked back: the English draft prints it as
    written. Given again as it was, it is kept."""
    language = language_of(text)
    if language is None or text == confirmed:
        return
    raise AnswerError(
        f"'{text}' reads as {language}; the draft is in English and prints this answer as "
        "written. Type it in English, or press Enter to keep it as it is",
        doubt=True,
    )


_PERCENT_SIGN = re.compile(r"\s*(?:%|per\s*cent|percent)$", re.I)


def _percent(text: str, confirmed: str | None) -> Decimal:
    """'75', '75%', '75 %' or '75 percent'; a fraction of one ('0.75', '2/3') is asked back as
    the percent it probably means."""
    _ask_back_fraction(text)
    number = _number(_PERCENT_SIGN.sub("", text))
    if 0 < number < 1 and text != confirmed:
        meant = f"{(number * 100).normalize():f}"
        raise AnswerError(
            f"'{text}' reads as {text.removesuffix('%').strip()} %, less than one percent. "
            f"Did you mean {meant} %? Press Enter to take {meant}, or type {text} again to "
            "keep it",
            instead=meant,
            doubt=True,
        )
    return number


_FRACTION = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})")
_FRACTION_WORDS = {
    (1, 2): "one half",
    (1, 3): "one third",
    (2, 3): "two thirds",
    (1, 4): "one quarter",
    (3, 4): "three quarters",
    (1, 5): "one fifth",
    (2, 5): "two fifths",
    (3, 5): "three fifths",
    (4, 5): "four fifths",
}
"""The fractions a majority is said in, in words: '2/3' is 'two thirds'."""


def _ask_back_fraction(text: str) -> None:
    """'2/3' where a percent is asked: offered as the percent it is, with the fraction in words
    ('66.66 % (two thirds)'); Enter takes it. A fraction that has no two-decimal percent is
    rounded down, so that a threshold of two thirds is met by 4 votes of 6 (66.666… %)."""
    match = _FRACTION.fullmatch(text)
    if match is None or not 0 < int(match[1]) < int(match[2]):
        return
    part, whole = int(match[1]), int(match[2])
    exact = Decimal(100 * part) / whole
    rounded = exact.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    meant = format_number(rounded.normalize())
    words = _FRACTION_WORDS.get((part // gcd(part, whole), whole // gcd(part, whole)))
    why = [words] if words else []
    if rounded != exact:
        why.append(f"rounded down so that exactly {words or text} meets it")
    said = f"{meant} %" + (f" ({', '.join(why)})" if why else "")
    raise AnswerError(
        f"'{text}' is a fraction, and a percent is asked. Did you mean {said}? Press Enter to "
        f"take {meant}, or change it",
        instead=meant,
    )


_UNITS_IN_OTHER_LANGUAGES = {
    **dict.fromkeys(("jahr", "jahre", "jahren"), ("years", "German")),
    **dict.fromkeys(("monat", "monate", "monaten"), ("months", "German")),
    **dict.fromkeys(("woche", "wochen"), ("weeks", "German")),
    **dict.fromkeys(("tag", "tage", "tagen"), ("days", "German")),
    **dict.fromkeys(("an", "ans", "année", "années"), ("years", "French")),
    **dict.fromkeys(("mois",), ("months", "French")),
    **dict.fromkeys(("semaine", "semaines"), ("weeks", "French")),
    **dict.fromkeys(("jour", "jours"), ("days", "French")),
    **dict.fromkeys(("año", "años"), ("years", "Spanish")),
    **dict.fromkeys(("mes", "meses"), ("months", "Spanish")),
    **dict.fromkeys(("semana", "semanas"), ("weeks", "Spanish")),
    **dict.fromkeys(("día", "días"), ("days", "Spanish")),
    **dict.fromkeys(("anno", "anni"), ("years", "Italian")),
    **dict.fromkeys(("mese", "mesi"), ("months", "Italian")),
    **dict.fromkeys(("settimana", "settimane"), ("weeks", "Italian")),
    **dict.fromkeys(("giorno", "giorni"), ("days", "Italian")),
}
"""Units of time as a deal team may write them in its own language, with the English unit
and the language."""


_ENGLISH_UNITS = {
    **dict.fromkeys(("year", "years"), "years"),
    **dict.fromkeys(("month", "months"), "months"),
    **dict.fromkeys(("week", "weeks"), "weeks"),
    **dict.fromkeys(("day", "days"), "days"),
}

_SHORTENED_UNITS = {
    **dict.fromkeys(("y", "yr", "yrs"), "years"),
    **dict.fromkeys(("mo", "mos", "mth", "mths"), "months"),
    **dict.fromkeys(("w", "wk", "wks"), "weeks"),
    **dict.fromkeys(("d",), "days"),
}
"""Units of time as a note shortens them ('5 yrs', '30d'); the draft writes them in full."""


def _ask_back_unit_in_another_language(text: str) -> None:
    """'5 Jahre' is offered as '5 years', as the draft is in English, a number written as a
    word ('sept ans', 'sieben Jahre', 'seven years') in digits ('7 years'), and a shortened
    unit ('5 yrs') in full; Enter takes it."""
    match = re.fullmatch(r"(\d+|[^\W\d]+(?:-[^\W\d]+)*)\s*(\w+)\.?", text.strip())
    if match is None:
        return
    in_words = None if match[1].isdigit() else number_word(match[1])
    foreign = _UNITS_IN_OTHER_LANGUAGES.get(match[2].casefold())
    shortened = _SHORTENED_UNITS.get(match[2].casefold())
    english = _ENGLISH_UNITS.get(match[2].casefold()) or shortened
    if (in_words is None and not match[1].isdigit()) or (foreign is None and english is None):
        return
    if foreign is None and in_words is None and shortened is None:
        return  # '5 years', as the draft writes it
    unit = foreign[0] if foreign is not None else str(english)
    count = int(match[1]) if in_words is None else in_words[0]
    language = foreign[1] if foreign is not None else in_words[1] if in_words else "English"
    meant = f"{count} {unit.removesuffix('s') if count == 1 else unit}"
    said = (
        f"in {language}; the draft is in English"
        if language != "English"
        else "with its number in words; the draft writes it in digits"
        if in_words
        else "with its unit shortened; the draft writes it in full"
    )
    raise AnswerError(
        f"'{text}' is {meant} {said}. Press Enter to take {meant}, or change it",
        instead=meant,
    )


def _ask_back_unit_of_quantity(text: str) -> None:
    """'25 ETP' is offered as '25 FTE' and '1 usine' as '1 plant', as the draft is in
    English; Enter takes it."""
    match = re.fullmatch(r"(\d[\d.,\s]*?)\s*([^\W\d]+)\.?", text.strip())
    found = unit_in_english(match[1], match[2]) if match else None
    if match is None or found is None:
        return
    unit, language = found
    meant = written_as(Quantity, _point_for_comma(f"{match[1]} {unit}"))
    try:
        parse("quantity", meant)
    except AnswerError:
        return  # no quantity in English either ('42 42 usine'): nothing Enter could take
    raise AnswerError(
        f"'{text}' is {meant} in {language}; the draft is in English. Press Enter to take "
        f"{meant}, or change it",
        instead=meant,
    )


_APPROXIMATE = re.compile(
    r"(?:(?:about|around|approximately|approx\.?|roughly|circa|ca\.|c\.|some)\s+|[~≈]\s*)"
    r"(?P<rest>\S.*)",
    re.I,
)
"""'about 3 years', '~80 FTE': a number hedged; a draft states it exactly."""
_APPROXIMATE_KINDS = ("integer", "decimal", "money", "quantity", "percent", "duration")


def _ask_back_approximate(text: str, kind: str, unit: str | None) -> None:
    """'about 3 years' is offered as '3 years': the draft states a number exactly, and the
    parties can round it later; Enter takes it. Only where the rest is an answer as it is,
    so that what is offered is taken."""
    match = _APPROXIMATE.fullmatch(text.strip())
    if match is None:
        return
    meant = match["rest"].strip()
    try:
        parse(kind, meant, unit=unit)
    except AnswerError as other:
        meant = other.instead or ""  # '3 Jahre' behind the 'about': offered in English
        try:
            if not meant or parse(kind, meant, unit=unit) is None:
                return
        except AnswerError:
            return
    raise AnswerError(
        f"'{text}' is not exact, and the draft states a number exactly (the parties can settle "
        f"it later). Press Enter to take {meant}, or change it",
        instead=meant,
    )


_HOW_OFTEN = {
    "daily": (365, "/yr"),
    "weekly": (52, "/yr"),
    "fortnightly": (26, "/yr"),
    "biweekly": (26, "/yr"),
    "bi-weekly": (26, "/yr"),
    "monthly": (12, "/yr"),
    "bimonthly": (6, "/yr"),
    "bi-monthly": (6, "/yr"),
    "quarterly": (4, "/yr"),
    "half-yearly": (2, "/yr"),
    "semi-annual": (2, "/yr"),
    "semiannual": (2, "/yr"),
    "biannual": (2, "/yr"),
    "yearly": (1, "/yr"),
    "annual": (1, "/yr"),
}
"""How often a word says something happens, counted a year: the unit of a quantity."""


def _ask_back_how_often(text: str) -> None:
    """'quarterly releases' is offered as '4 releases/yr', a quantity as the draft writes
    one; Enter takes it."""
    word, _, unit = text.strip().partition(" ")
    found = _HOW_OFTEN.get(word.casefold())
    if found is None or not re.fullmatch(r"[^\W\d][\w\s-]*", unit.strip()):
        return
    count, per = found
    meant = written_as(Quantity, f"{count} {unit.strip()}{per}")
    raise AnswerError(
        f"'{text}' is {meant}, said as a quantity. Press Enter to take {meant}, or change it",
        instead=meant,
    )


_DAYS_IN = {"days": 1, "weeks": 7}
"""What a unit of time counts in days, where it is exact (a month is not)."""


def _ask_back_in_days(text: str, count: int, word: str, unit: str) -> None:
    """'3 Wochen' or '3 weeks' where days are counted is offered as the days it is ('21');
    Enter takes it."""
    english = word.casefold() if word.casefold() in _DAYS_IN else f"{word.casefold()}s"
    found = _UNITS_IN_OTHER_LANGUAGES.get(word.casefold(), (english, ""))[0]
    if unit != "days" or found not in _DAYS_IN:
        return
    days = count * _DAYS_IN[found]
    raise AnswerError(
        f"'{text}' is {days} days, and this question counts days. Press Enter to take {days}, "
        "or change it",
        instead=str(days),
    )


_PER_PERIOD = re.compile(
    r"(?P<count>\d[\d.,]*)\s+(?P<unit>.+?)\s*"
    r"(?:(?:/|\b(?:pro|je|im|per|par|por|al|all'|a)\s+)(?P<period>[^\W\d]+)\.?|"
    r"\s(?P<adverb>jährlich|monatlich|wöchentlich|täglich))",
    re.I,
)
_ADVERBS = {"jährlich": "jahr", "monatlich": "monat", "wöchentlich": "woche", "täglich": "tag"}
_PER = {"years": "/yr", "months": "/month", "weeks": "/week", "days": "/day"}
"""How a quantity writes 'a year' and its kin: '4 releases/yr' reads '4 releases a year'."""


def _ask_back_period_in_another_language(text: str) -> None:
    """'4 Releases pro Jahr' is offered as '4 releases/yr', as the draft is in English; Enter
    takes it. The unit is written as a word of the sentence ('releases'), unless it is an
    abbreviation ('FTE')."""
    match = _PER_PERIOD.fullmatch(text)
    if match is None:
        return
    period = (match["period"] or _ADVERBS.get(match["adverb"].casefold(), "")).casefold()
    found = _UNITS_IN_OTHER_LANGUAGES.get(period)
    if found is None:
        return
    english, language = found
    unit = match["unit"]
    # A word starting the sentence loses its capital ('Releases'); a unit keeps its case
    # ('GWh', 'FTE', 'kWh').
    unit = unit[:1].lower() + unit[1:] if unit[1:].islower() else unit
    translated = unit_in_english(match["count"], unit)
    unit = unit if translated is None else translated[0]
    meant = written_as(Quantity, _point_for_comma(f"{match['count']} {unit}{_PER[english]}"))
    raise AnswerError(
        f"'{text}' says how often in {language}; the draft is in English. Press Enter to take "
        f"{meant}, or change it",
        instead=meant,
    )


def _point_for_comma(text: str) -> str:
    """'6,5 GWh/yr' as answers write it, '6.5 GWh/yr'; other text as it is."""
    continental = continental_number(text, thousands_points=False)
    return text if continental is None else continental.meant


def _decimal_comma_asked_back(text: str, kind: str, confirmed: str | None) -> str:
    """An amount whose number is written the continental way is offered as answers write it
    ('2,5 M EUR' as EUR 2.5m). Where the number also reads as one here ('25.000' as 25), given
    again as it was it is taken that way, the only way an answer file reads it; a number that
    does not ('2,5': a comma separates groups of three digits) is never taken as written."""
    continental = continental_number(text)
    if continental is None:
        return text
    if text == confirmed and continental.read is not None:
        return continental.read
    if continental.read_as is None:
        read, keep = "is not a number", ""
    else:
        read, keep = f"reads as {continental.read_as}", f", or type {text} again to keep it"
    rule = "a comma separates thousands and a point starts the decimals"
    meant = _taken_as(kind, written_as(_SHORTHAND[kind], continental.meant))
    if meant is None:  # not an answer either way ('0,4' with no currency): none offered
        what = _plain_message_of(kind, continental.meant)
        raise AnswerError(f"'{continental.written}' {read} here: {rule}; {what}")
    raise AnswerError(
        f"'{continental.written}' {read} here: {rule}. Did you mean {meant}? Press Enter to "
        f"take it{keep}",
        instead=meant,
        doubt=continental.read is not None,
    )


def _taken_as(kind: str, offered: str) -> str | None:
    """What Enter on an offered answer ends in: the answer itself where the question takes
    it, what it is offered as in turn where it is asked back ('0.4 usine' as '0.4 plants'),
    None where it is refused."""
    try:
        parse(kind, offered)
    except AnswerError as asked_back:
        return asked_back.instead
    return offered


def _currency_meant(text: str) -> str | None:
    """The amount a currency written as a name or a near miss of its code probably means, as
    it is written ('25 million euros': 'EUR 25 million'), where that is one."""
    amount = split_amount(text)
    code = meant_currency(amount.currency) if amount is not None and amount.currency else None
    if amount is None or code is None:
        return None
    try:
        Money.model_validate(amount.written_with(code))
    except ValidationError:
        return None
    return amount.written_with(code)


def _plain_message_of(kind: str, text: str) -> str:
    """Why `text` is not an answer of this kind (money, a quantity or a length of time), and
    how to write one."""
    try:
        _SHORTHAND[kind].model_validate(text)
    except ValidationError as invalid:
        return plain_message(invalid.errors()[0], _SHORTHAND[kind])[1]
    return ""


def _city(text: str, confirmed: str | None) -> str:
    """A city, such as the seat of an arbitration; a country in its place is refused with its
    cities, as 'seated in Switzerland' names no seat, and a city named in its own language
    ('Genève', 'München') is offered with its English name."""
    country = country_named(text)
    if country is None:
        _ask_back_city_in_english(text, confirmed)
        return text
    name, cities = country
    raise AnswerError(
        f"'{text}' is a country ({name}); a city is asked, such as {' or '.join(cities[:2])}. "
        "Type the city"
    )


def _ask_back_city_in_english(text: str, confirmed: str | None) -> None:
    """'Genève' is offered as Geneva, and 'München, Deutschland' as 'Munich, Deutschland', as
    the draft is in English; given again as it was, it is kept."""
    english = city_in_english(text)
    if english is None or text == confirmed:
        return
    first, comma, rest = text.partition(",")
    name = english + comma + rest
    raise AnswerError(
        f"'{first.strip()}' is written {english} in English, as the draft is. Press Enter to "
        f"take {name}, or type {text} again to keep it",
        instead=name,
        doubt=True,
    )


def _place(text: str, confirmed: str | None) -> str:
    """A country or state; a city is asked back with the country or state it lies in, a law
    ('German law') with its place, which the draft prints after 'the laws of', and a country
    named in its own language ('Deutschland') with its English name."""
    law = law_place(text)
    if law is not None and text != confirmed:
        raise AnswerError(
            f"'{text}' names a law; the draft writes 'the laws of' itself and needs only the "
            f"place, such as {law}. Press Enter to take {law}, or type {text} again to keep it",
            instead=law,
            doubt=True,
        )
    english = in_english(text)
    if english is not None and text != confirmed:
        name, language = english
        raise AnswerError(
            f"'{text}' is {name} in {language}; the draft is in English. Press Enter to take "
            f"{name}, or type {text} again to keep it",
            instead=name,
            doubt=True,
        )
    city = city_in(text)
    if city is None or text == confirmed:
        return text
    name, country = city
    raise AnswerError(
        f"{name} is a city in {country}. The draft needs the country or state whose laws "
        f"apply, such as {country}. Press Enter to take {country}, or type {text} again to "
        "keep it",
        instead=country,
        doubt=True,
    )


_MONTHS = {
    name.casefold(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
} | {"sept": 9}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]+)\.?,?\s+(\d{4})", re.I)
_MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", re.I)
_QUARTER = re.compile(r"q([1-4])[\s/-]*(\d{4})|(\d{4})[\s/-]*q([1-4])|([1-4])q\s*(\d{4})", re.I)
_MONTH_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{4})", re.I)


def _whole_number(text: str, unit: str | None) -> int:
    # Only a comma between thousands is dropped: '2,5' is not 25.
    number = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    if unit:
        named = re.fullmatch(r"(\d+)\s*([^\W\d]+)\.?", number)
        if named and named.group(2).casefold() in (unit.casefold(), unit.casefold().rstrip("s")):
            number = named.group(1)
        elif named:
            _ask_back_in_days(text, int(named.group(1)), named.group(2), unit)
            raise AnswerError(f"'{text}' is not a number of {unit}; write digits, e.g. 30")
    if not re.fullmatch(r"\d+", number):
        raise AnswerError(f"'{text}' is not a whole number; write digits, e.g. 30")
    return int(number)


def _date(text: str) -> dt.date:
    """A day written YYYY-MM-DD or with the month's name ('1 Jan 2027', 'January 1, 2027');
    a quarter, a month or a year is refused with the days it may mean."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    named = _DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text)
    if named is not None:
        first, second, year = named.groups()
        day, month = (first, second) if first.isdigit() else (second, first)
        if month.casefold() in _MONTHS:
            iso = f"{year}-{_MONTHS[month.casefold()]:02d}-{int(day):02d}"
            try:
                return dt.date.fromisoformat(iso)
            except ValueError:
                raise AnswerError(date_problem(iso).replace(iso, text, 1)) from None
    _ask_back_year_end(text)
    _ask_which_day(text)
    # The day it can only be is offered in its place: Enter takes it, and the message says so
    # as every other offer does.
    meant = meant_date(text)
    problem = _not_one_day(text) or date_problem(text)
    if meant is not None and problem.endswith("?"):
        problem += " Press Enter to take it, or change it"
    raise AnswerError(problem, instead=meant)


_YEAR_END = re.compile(
    r"(?:(?:by\s+)?(?:the\s+)?end\s+(?:of\s+)?|fin\s+(?:d'\s*)?|ende\s+)(\d{4})", re.I
)
"""'end of 2028', 'fin 2028', 'Ende 2028': the last day of the year."""


def _ask_back_year_end(text: str) -> None:
    """'fin 2028' is offered as the day it ends, 2028-12-31; Enter takes it."""
    match = _YEAR_END.fullmatch(text.strip())
    if match is None:
        return
    last = f"{match[1]}-12-31"
    raise AnswerError(
        f"'{text}' is the end of {match[1]}, not a day. Press Enter to take its last day, "
        f"{last}, or type the day you mean as YYYY-MM-DD",
        instead=last,
    )


def _ask_which_day(text: str) -> None:
    """'04/12/2026' is 4 December day first and 12 April month first: asked which, with both
    written as answers write them, as the draft must not guess."""
    parts = re.fullmatch(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})", text.strip())
    if parts is None:
        return
    first, second, year = (int(part) for part in parts.groups())
    if first == second or not (first <= 12 and second <= 12):
        return  # one reading only: offered as the day it is
    day_first = dt.date(year, second, first)
    month_first = dt.date(year, first, second)
    raise AnswerError(
        f"'{text}' is {day_first.day} {day_first:%B %Y} written day first, and "
        f"{month_first.day} {month_first:%B %Y} written month first. Type the day you mean as "
        f"YYYY-MM-DD: {day_first.isoformat()} or {month_first.isoformat()}"
    )


def _not_one_day(text: str) -> str | None:
    """What to type for a quarter, a month or a year given where a day is asked."""
    quarter = _QUARTER.fullmatch(text)
    month_year = _MONTH_YEAR.fullmatch(text)
    if quarter is not None:
        number, year = (int(group) for group in quarter.groups() if group is not None)
        if number > 4:  # the year came first
            number, year = year, number
        first, last = 3 * number - 2, 3 * number
        what = f"Q{number} {year} is a quarter"
    elif month_year is not None and month_year.group(1).casefold() in _MONTHS:
        first = last = _MONTHS[month_year.group(1).casefold()]
        year = int(month_year.group(2))
        what = f"{calendar.month_name[first]} {year} is a month"
    elif re.fullmatch(r"\d{4}", text):
        first, last, year = 1, 12, int(text)
        what = f"{year} is a year"
    else:
        return None
    end = calendar.monthrange(year, last)[1]
    return (
        f"{what}, not a day; type the day you mean as YYYY-MM-DD, e.g. {year}-{first:02d}-01 "
        f"for its first day or {year}-{last:02d}-{end} for its last"
    )


def _number(text: str) -> Decimal:
    try:
        return parse_number(text)
    except (ValueError, InvalidOperation):
        raise AnswerError(f"'{text}' is not a number; write digits, e.g. 50 or 12.5") from None


def _per_party(text: str, kind: str, parties: Sequence[str]) -> dict[str, Any]:
    """'NAW 50; KSC 50' -> {'NAW': 50, 'KSC': 50}; shares must add up to 100. The same for
    every party may be said once: '3 each', or '50-50' for shares."""
    same = _same_for_each(text, kind, parties)
    if same is not None:
        text = "; ".join(f"{party} {same}" for party in parties)
    values: dict[str, Any] = {}
    written: dict[str, str] = {}
    for part in _party_parts(text, parties):
        if not part.strip():
            continue
        names = list(parties[:2]) if len(parties) >= 2 else ["NAW", "KSC"]
        example = (
            f"'{names[0]} 3; {names[1]} 2', or '3 each'"
            if kind == "per_party"
            else f"'{names[0]} 50; {names[1]} 50', or '50-50'"
        )
        if _NEGATIVE.fullmatch(part):
            raise AnswerError(
                f"'{part.strip()}' is negative; write each party's number as 0 or more, "
                f"e.g. {example}"
            )
        match = re.fullmatch(r"\s*(.+?)\s+(\d[\d.,]*(?:\s*/\s*\d+)?)\s*%?\s*", part)
        if not match:
            raise AnswerError(
                f"'{part.strip()}' does not name a party and its number; write each party's "
                f"short name, then its number, e.g. {example}"
            )
        party, number = match.group(1), match.group(2)
        # Short names are written as the deal spells them, whatever the case typed.
        party = next((name for name in parties if name.casefold() == party.casefold()), party)
        if parties and party not in parties:
            raise AnswerError(
                with_suggestion(f"'{party}' is not one of the parties", party, parties),
                instead=_with_party_corrected(text, part, match, parties, kind),
            )
        written[party] = number
        if kind == "shares" and ("/" in number or re.fullmatch(r"\d+,\d{1,2}", number)):
            continue  # offered back below, as the percent it is
        if kind == "per_party" and not number.isdigit():
            raise AnswerError(
                f"'{part.strip()}': {number} is not a whole number, and each party's number "
                f"counts seats or members; write whole numbers, e.g. {example}"
            )
        values[party] = int(number) if kind == "per_party" else _number(number)
    if len(values) < len(written):
        _ask_back_shares(text, written)
    total = sum((Decimal(v) for v in values.values()), Decimal(0))
    if kind == "shares" and values and total == 1:
        meant = "; ".join(f"{party} {_in_percent(value)}" for party, value in values.items())
        raise AnswerError(
            f"the shares add up to 1: shares are written in percent, adding up to 100. Did you "
            f"mean '{meant}'? Press Enter to take it, or change it",
            instead=meant,
        )
    if kind == "shares" and values and total != 100:
        raise _not_100(total)
    return values


def _not_100(total: Decimal) -> AnswerError:
    return AnswerError(
        f"the shares add up to {total:f}, not 100; change them so that together they make "
        "100, each party's share in percent"
    )


def _party_parts(text: str, parties: Sequence[str]) -> list[str]:
    """Each party's part of a per-party answer. With semicolons between the parties, a comma
    is a decimal comma ('BFW 66,7; CSY 33,3'); with commas, so is one between two digits
    ('VALEO-E 51,5 %, HANCELL 48,5 %'); with neither, a party's name after a number starts
    its part, as does a word ('NAW 51 KSC 49', 'NAW 51 and KSC 49', 'NAW 51 KSCC 49')."""
    if LIST_SEPARATOR in text:
        return text.split(LIST_SEPARATOR)
    parts = _DECIMAL_OR.split(text)
    if len(parts) > 1:
        return parts
    names = "".join(f"|{re.escape(name)}\\s" for name in parties)
    return re.split(rf"(?<=[\d%])\s+(?:and\s+|&\s*)?(?=[^\d\s%]{names})", text, flags=re.I)


def _with_party_corrected(
    text: str, part: str, match: re.Match[str], parties: Sequence[str], kind: str
) -> str | None:
    """The whole answer with the party's name corrected, offered in its place (Enter takes
    it), or what that answer is offered as in turn; nothing where Enter would only meet a
    second refusal ('~ NAW 42' is not offered as 'NAW 42', whose shares add up to 42)."""
    meant = nearest(match.group(1), parties)
    if not meant:
        return None
    corrected = text.replace(part, part[: match.start(1)] + meant + part[match.end(1) :], 1)
    try:
        _per_party(corrected, kind, parties)
    except AnswerError as refused:
        return refused.instead
    return corrected


_NEGATIVE = re.compile(r"\s*\S.*?\s+[-−–]\s*\d[\d.,]*\s*%?\s*")
"""A party and a number with a minus sign: 'KSC -40', 'KSC − 1'."""

_DECIMAL_OR = re.compile(r"(?<!\d),|,(?!\d)")
"""A comma that separates the parties, not the decimals of a number."""


def _ask_back_shares(text: str, written: dict[str, str]) -> None:
    """Shares written as fractions ('BFW 2/3; CSY 1/3') or with a decimal comma ('BFW 66,7;
    CSY 33,3') are offered in percent with a decimal point; Enter takes them. Fractions are
    rounded to two decimals, the last share taking what rounding leaves, so that they still
    add up to 100; shares that do not are refused as such, not offered."""
    shares: dict[str, Decimal] = {}
    for party, number in written.items():
        fraction = _FRACTION.fullmatch(number.replace(" ", ""))
        if fraction is not None and int(fraction[2]) > 0:
            exact = Decimal(100 * int(fraction[1])) / int(fraction[2])
            shares[party] = exact.quantize(Decimal("0.01"))
        else:
            shares[party] = _number(number.replace(",", "."))
    if any("/" in number for number in written.values()):
        rest = 100 - sum(shares.values(), Decimal(0))
        last = list(shares)[-1]
        if rest and abs(rest) <= Decimal("0.01") * len(shares):
            shares[last] += rest
    total = sum(shares.values(), Decimal(0))
    if total == 1:  # fractions of the whole ('NAW 0,6; KSC 0,4'), offered in percent
        shares = {party: Decimal(_in_percent(share)) for party, share in shares.items()}
    elif total != 100:  # offered, it would only be refused in turn
        raise _not_100(total)
    meant = "; ".join(
        f"{party} {format_number(share.normalize())}" for party, share in shares.items()
    )
    raise AnswerError(
        f"'{text}' reads as '{meant}' in percent with a decimal point, as the draft writes "
        "shares. Press Enter to take it, or change it",
        instead=meant,
    )


def _in_percent(fraction: Any) -> str:
    """0.6 as the share it is in percent, '60'."""
    return f"{(Decimal(fraction) * 100).normalize():f}"


def _same_for_each(text: str, kind: str, parties: Sequence[str]) -> str | None:
    """The number every party has in '3 each' or (shares) '50-50'; None for another answer.
    A split that is not equal does not say which party has which share: refused with how to
    write it."""
    each = re.fullmatch(
        r"each\s+(\d[\d.]*)\s*%?|(\d[\d.]*)\s*%?\s*(?:each|apiece|per party)", text, re.I
    )
    if each is not None and len(parties) >= 2:
        return str(each.group(1) or each.group(2))
    split = re.fullmatch(r"\d[\d.]*\s*%?(?:\s*[-/:]\s*\d[\d.]*\s*%?)+", text)
    if kind != "shares" or split is None or len(parties) < 2:
        return None
    numbers = re.findall(r"\d[\d.]*", text)
    if len(set(numbers)) == 1 and len(numbers) == len(parties):
        return str(numbers[0])
    if sum(Decimal(number) for number in numbers) == 1:  # '0.6/0.4': fractions of the whole
        numbers = [_in_percent(number) for number in numbers]
    if len(numbers) != len(parties):
        raise AnswerError(
            f"'{text}' does not say which party has which share; write each party's short "
            f"name, then its share in percent, e.g. '{_party_shares_example(parties)}'"
        )
    total = sum(Decimal(number) for number in numbers)
    if total != 100:  # no reading to offer: it would be refused
        raise AnswerError(
            f"'{text}' adds up to {total:f}, not 100 (nor to 1, as fractions of the whole); "
            f"write each party's short name, then its share in percent, e.g. "
            f"'{_party_shares_example(parties)}'"
        )
    meant = "; ".join(f"{party} {number}" for party, number in zip(parties, numbers, strict=True))
    raise AnswerError(
        f"'{text}' does not say which party has which share. In the order the parties were "
        f"given, it reads '{meant}': press Enter to take it, or change it",
        instead=meant,
    )


def seats_following(shares: Mapping[str, Any]) -> dict[str, int]:
    """Seats per party that follow these shareholdings: on the smallest board of three seats or
    more where every holder has a seat, more shares get more seats, equal shares as many, and
    a majority of the shares a majority of the seats (51/49: 2 and 1 of 3; 50/50: 2 each;
    45/35/20: 3, 2 and 1). Holdings less than a point apart may have as many seats (thirds
    written 33.33/33.33/33.34). A holder too small for a seat on a board of a dozen or so is
    given one, and the largest holder one for each party."""
    held = {party: Fraction(str(share)) for party, share in shares.items()}
    total = sum(held.values(), Fraction(0))
    if not held or total <= 0:
        return {}
    for size in range(max(3, len(held)), 4 * len(held) + 4):
        exact = {party: size * share / total for party, share in held.items()}
        seats = {party: int(value) for party, value in exact.items()}
        # The largest remainders take the seats left; of equal ones, the larger holding first.
        by_remainder = sorted(exact, key=lambda p: (exact[p] - seats[p], held[p]), reverse=True)
        for party in by_remainder[: size - sum(seats.values())]:
            seats[party] += 1
        if _seats_follow(held, seats, total, size):
            return seats
    largest = max(held, key=lambda party: held[party])
    return {party: len(held) if party == largest else 1 for party in held}


def _seats_follow(
    held: Mapping[str, Fraction], seats: Mapping[str, int], total: Fraction, size: int
) -> bool:
    every_holder = all(count > 0 for count in seats.values())
    ordered = all(
        seats[a] == seats[b] if held[a] == held[b] else seats[a] > seats[b]
        for a in held
        for b in held
        if a != b and (held[a] == held[b] or held[a] - held[b] >= total / 100)
    )
    majority = all(2 * seats[party] > size for party in held if 2 * held[party] > total)
    return every_holder and ordered and majority


def _party_shares_example(parties: Sequence[str]) -> str:
    each = 100 // len(parties)
    rest = 100 - each * (len(parties) - 1)
    return "; ".join(f"{party} {rest if n == 0 else each}" for n, party in enumerate(parties))


def show(kind: str, value: Any) -> str:
    """A stored answer as the text a user would type for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return f"{LIST_SEPARATOR} ".join(f"{party} {share}" for party, share in value.items())
    if isinstance(value, list):
        return f"{LIST_SEPARATOR} ".join(str(item) for item in value)
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return str(value)
