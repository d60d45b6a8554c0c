"""Words a French or German deal team may type where the English draft needs its own: numbers
written as words ('sept ans'), units ('25 ETP', '1 usine'), and whole answers in another
language, which the draft would print as written."""

from __future__ import annotations

import re

_NUMBER_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "English": (
        ("one", "a", "an"),
        ("two",),
        ("three",),
        ("four",),
        ("five",),
        ("six",),
        ("seven",),
        ("eight",),
        ("nine",),
        ("ten",),
        ("eleven",),
        ("twelve",),
        ("thirteen",),
        ("fourteen",),
        ("fifteen",),
        ("sixteen",),
        ("seventeen",),
        ("eighteen",),
        ("nineteen",),
        ("twenty",),
    ),
    "French": (
        ("un", "une"),
        ("deux",),
        ("trois",),
        ("quatre",),
        ("cinq",),
        ("six",),
        ("sept",),
        ("huit",),
        ("neuf",),
        ("dix",),
        ("onze",),
        ("douze",),
        ("treize",),
        ("quatorze",),
        ("quinze",),
        ("seize",),
        ("dix-sept",),
        ("dix-huit",),
        ("dix-neuf",),
        ("vingt",),
    ),
    "German": (
        ("ein", "eine", "einen", "einem", "eins"),
        ("zwei",),
        ("drei",),
        ("vier",),
        ("fünf", "fuenf"),
        ("sechs",),
        ("sieben",),
        ("acht",),
        ("neun",),
        ("zehn",),
        ("elf",),
        ("zwölf", "zwoelf"),
        ("dreizehn",),
        ("vierzehn",),
        ("fünfzehn", "fuenfzehn"),
        ("sechzehn",),
        ("siebzehn",),
        ("achtzehn",),
        ("neunzehn",),
        ("zwanzig",),
    ),
}
"""One to twenty in words, by language: the lengths of a term, a notice or a renewal."""

_TENS: dict[str, dict[str, int]] = {
    "English": {"thirty": 30, "thirty-six": 36, "forty-eight": 48, "sixty": 60},
    "French": {"trente": 30, "trente-six": 36, "quarante-huit": 48, "soixante": 60},
    "German": {
        "dreißig": 30,
        "dreissig": 30,
        "sechsunddreißig": 36,
        "sechsunddreissig": 36,
        "achtundvierzig": 48,
        "sechzig": 60,
    },
}
"""The larger counts of months or days a notice or a term is often given in."""

_NUMBERS = {
    word: (count, language)
    for language, counts in _NUMBER_WORDS.items()
    for count, words in enumerate(counts, start=1)
    for word in words
} | {word: (count, language) for language, tens in _TENS.items() for word, count in tens.items()}


def number_word(word: str) -> tuple[int, str] | None:
    """The count a number written as a word stands for ('sept': 7) and the word's language;
    None for a word that is no number listed."""
    return _NUMBERS.get(word.casefold())


_UNITS = {
    **dict.fromkeys(("etp",), ("FTE", "French")),
    **dict.fromkeys(("vzä", "vzae", "vollzeitstellen"), ("FTE", "German")),
    **dict.fromkeys(("usine", "usines"), ("plant", "French")),
    **dict.fromkeys(("werk", "werke", "werken"), ("plant", "German")),
    **dict.fromkeys(("véhicule", "véhicules", "vehicule", "vehicules"), ("vehicle", "French")),
    **dict.fromkeys(("fahrzeug", "fahrzeuge", "fahrzeugen"), ("vehicle", "German")),
    **dict.fromkeys(("unité", "unités"), ("unit", "French")),
    **dict.fromkeys(("stück", "stueck", "einheiten"), ("unit", "German")),
    **dict.fromkeys(("marché", "marchés"), ("market", "French")),
    **dict.fromkeys(("markt", "märkte", "maerkte"), ("market", "German")),
    **dict.fromkeys(("ingénieur", "ingénieurs", "ingenieur", "ingenieurs"), ("engineer", "French")),
    **dict.fromkeys(("ingenieure", "ingenieuren"), ("engineer", "German")),
    **dict.fromkeys(("fahrzeugprogramm", "fahrzeugprogramme"), ("vehicle program", "German")),
}
"""Units of a quantity as a French or German team writes them, with the English unit (FTE
stays as it is, a word takes an 's' for more than one) and the language."""


def unit_in_english(count: str, unit: str) -> tuple[str, str] | None:
    """'25 ETP' as '25 FTE', '1 usine' as '1 plant', with the language the unit was in; None
    for a unit not listed."""
    found = _UNITS.get(unit.casefold())
    if found is None:
        return None
    english, language = found
    one = re.fullmatch(r"0*1", count) is not None
    plural = english if one or english.isupper() else f"{english}s"
    return plural, language


_FUNCTION_WORDS = {
    "French": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "au",
            "aux",
            "une",
            "et",
            "ou",
            "pour",
            "dans",
            "avec",
            "sur",
            "sans",
            "par",
            "est",
            "sont",
            "qui",
            "que",
            "entre",
            "chaque",
            "notre",
            "nos",
            "leur",
            "leurs",
            "ces",
            "cette",
            "aux",
            "d'",
            "l'",
            "en",
            "de",
        ]
    ),
    "German": frozenset(
        [
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einer",
            "eines",
            "und",
            "oder",
            "für",
            "mit",
            "von",
            "zum",
            "zur",
            "bei",
            "nach",
            "aus",
            "ist",
            "sind",
            "wird",
            "werden",
            "im",
            "am",
            "auf",
            "unser",
            "unsere",
            "jede",
            "jeder",
            "sowie",
        ]
    ),
}
"""Words that carry no meaning of their own and show which language a sentence is in."""
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "for",
        "with",
        "of",
        "to",
        "in",
        "on",
        "by",
        "is",
        "are",
        "be",
        "each",
        "our",
        "their",
        "this",
        "that",
        "from",
    ]
)
_LEAST = 2
"""Words of a language in an answer, at the least, before it is taken to be in it (and more
than its English words): one alone may be a name ('Genève'). Names and addresses, which have
more ('12 rue de la Paix'), are not asked about (`Question.as_written`)."""


_LETTERS = {"French": frozenset("éèêëàâçùûîïôœ"), "German": frozenset("äöüß")}
"""Letters English does not write, that words of these languages have."""


def language_of(text: str) -> str | None:
    """'French' or 'German' where an answer is written in that language rather than in
    English; None for English, an address or too few words to tell. Its words that carry no
    meaning of their own, and those with letters English does not write, tell."""
    words = [word.casefold() for word in re.findall(r"[^\W\d_]+'?", text)]
    english = sum(word in _ENGLISH for word in words)
    for language, function in _FUNCTION_WORDS.items():
        letters = _LETTERS[language]
        found = sum(word in function or not letters.isdisjoint(word) for word in words)
        if found >= _LEAST and found > english:
            return language
    return None
