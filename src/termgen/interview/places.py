"""Cities a deal team may name where a country or state is asked (the place a company is
incorporated, a governing law): the interview asks back, offering the country or state. So it
does for a law named instead of its place ('German law'), since the draft writes 'the laws of',
and for a country named in its own language ('Deutschland'), since the draft is in English.

A city that is itself a state (Hamburg, Berlin, Vienna, Singapore, Hong Kong, New York) or
shares its name with one (Luxembourg, Monaco) is not listed: it may be the answer meant.
"""

from __future__ import annotations

import re

_CITIES: dict[str, tuple[str, ...]] = {
    "Germany": (
        "Munich/München/Muenchen",
        "Stuttgart",
        "Wolfsburg",
        "Ingolstadt",
        "Frankfurt/Frankfurt am Main",
        "Cologne/Köln/Koeln",
        "Düsseldorf/Duesseldorf/Dusseldorf",
        "Hanover/Hannover",
        "Nuremberg/Nürnberg/Nuernberg",
        "Leipzig",
        "Dresden",
        "Zwickau",
        "Rüsselsheim/Ruesselsheim",
        "Regensburg",
        "Dingolfing",
        "Sindelfingen",
        "Braunschweig/Brunswick",
        "Salzgitter",
        "Mannheim",
        "Karlsruhe",
        "Dortmund",
        "Essen",
        "Bonn",
        "Erlangen",
        "Heilbronn",
        "Neckarsulm",
    ),
    "France": (
        "Paris",
        "Lyon",
        "Toulouse",
        "Marseille",
        "Lille",
        "Boulogne-Billancourt",
        "Sochaux",
        "Douai",
        "Guyancourt",
    ),
    "Italy": ("Turin/Torino", "Milan/Milano", "Rome/Roma", "Modena", "Maranello", "Bologna"),
    "Spain": ("Madrid", "Barcelona", "Valencia", "Martorell", "Vigo", "Pamplona", "Zaragoza"),
    "the Netherlands": ("Amsterdam", "Rotterdam", "The Hague", "Eindhoven", "Helmond"),
    "Belgium": ("Brussels", "Antwerp", "Ghent"),
    "Sweden": (
        "Stockholm",
        "Gothenburg/Göteborg",
        "Göteborg",
        "Södertälje/Sodertalje",
        "Skellefteå/Skelleftea",
        "Västerås/Vasteras",
    ),
    "Czech Republic": ("Prague/Praha", "Mladá Boleslav/Mlada Boleslav", "Brno"),
    "Poland": ("Warsaw/Warszawa", "Wrocław/Wroclaw", "Kraków/Krakow", "Gliwice", "Tychy"),
    "Hungary": ("Budapest", "Győr/Gyor", "Debrecen", "Kecskemét/Kecskemet"),
    "Slovakia": ("Bratislava", "Žilina/Zilina", "Trnava", "Nitra"),
    "Romania": ("Bucharest", "Mioveni", "Craiova"),
    "Portugal": ("Lisbon", "Porto"),
    "Switzerland": ("Zurich/Zürich", "Geneva/Genève", "Basel", "Bern", "Zug", "Lausanne"),
    "Austria": ("Graz", "Linz", "Salzburg", "Steyr"),
    "the United Kingdom": (
        "London/Londres",
        "Coventry",
        "Birmingham",
        "Manchester",
        "Sunderland",
        "Oxford",
        "Crewe",
        "Gaydon",
        "Solihull",
        "Edinburgh",
        "Glasgow",
    ),
    "Ireland": ("Dublin", "Cork"),
    "Norway": ("Oslo",),
    "Finland": ("Helsinki", "Uusikaupunki"),
    "Denmark": ("Copenhagen",),
    "Turkey": ("Istanbul", "Ankara", "Bursa"),
    "Israel": ("Tel Aviv", "Jerusalem", "Haifa"),
    "Japan": (
        "Tokyo",
        "Toyota City",
        "Yokohama",
        "Osaka",
        "Nagoya",
        "Hiroshima",
        "Hamamatsu",
        "Kariya",
        "Kyoto",
        "Kobe",
    ),
    "the Republic of Korea": (
        "Seoul/Séoul",
        "Ulsan",
        "Busan",
        "Incheon",
        "Cheongju",
        "Suwon",
        "Daejeon",
        "Gwangju",
    ),
    "the People's Republic of China": (
        "Shanghai",
        "Beijing",
        "Shenzhen",
        "Guangzhou",
        "Hefei",
        "Ningde",
        "Chongqing",
        "Wuhan",
        "Changchun",
        "Hangzhou",
        "Xi'an",
        "Tianjin",
        "Chengdu",
        "Nanjing",
        "Suzhou",
    ),
    "Taiwan": ("Taipei", "Hsinchu"),
    "India": (
        "Mumbai",
        "Pune",
        "Chennai",
        "Bengaluru/Bangalore",
        "New Delhi",
        "Delhi",
        "Gurugram/Gurgaon",
    ),
    "Brazil": ("São Paulo/Sao Paulo", "Rio de Janeiro", "Curitiba", "Betim"),
    "Mexico": ("Mexico City", "Monterrey", "Puebla", "Guadalajara", "Saltillo", "Silao"),
    "Canada": (
        "Toronto",
        "Montreal/Montréal",
        "Vancouver",
        "Windsor",
        "Oshawa",
        "Ottawa",
        "Calgary",
    ),
    "Australia": ("Sydney", "Melbourne", "Brisbane", "Perth"),
    "South Africa": ("Johannesburg", "Cape Town", "Pretoria", "Port Elizabeth", "Gqeberha"),
    "the United Arab Emirates": ("Dubai", "Abu Dhabi"),
    "Michigan, USA": (
        "Detroit",
        "Dearborn",
        "Auburn Hills",
        "Warren",
        "Ann Arbor",
        "Lansing",
        "Troy",
    ),
    "California, USA": (
        "Los Angeles",
        "San Francisco",
        "Palo Alto",
        "Mountain View",
        "San Jose",
        "Fremont",
        "Sunnyvale",
        "Irvine",
        "San Diego",
        "Cupertino",
    ),
    "Texas, USA": ("Austin", "Houston", "Dallas", "San Antonio"),
    "Tennessee, USA": ("Nashville", "Chattanooga", "Spring Hill", "Memphis"),
    "Illinois, USA": ("Chicago",),
    "Ohio, USA": ("Columbus", "Cleveland", "Marysville"),
    "Georgia, USA": ("Atlanta",),
    "Washington, USA": ("Seattle", "Redmond"),
    "Massachusetts, USA": ("Boston", "Cambridge"),
    "Pennsylvania, USA": ("Pittsburgh", "Philadelphia"),
    "Kentucky, USA": ("Louisville", "Georgetown"),
    "South Carolina, USA": ("Spartanburg", "Greenville", "Charleston"),
    "Alabama, USA": ("Montgomery", "Tuscaloosa", "Huntsville"),
    "Arizona, USA": ("Phoenix", "Chandler"),
    "Delaware, USA": ("Wilmington", "Dover"),
    "Nevada, USA": ("Las Vegas", "Reno"),
    "North Carolina, USA": ("Charlotte", "Raleigh"),
}
"""Cities by the country or state they lie in; a city's other spellings after a slash."""

_BY_NAME = {
    spelling.casefold(): (city.split("/")[0], place)
    for place, cities in _CITIES.items()
    for city in cities
    for spelling in city.split("/")
}


def city_in(answer: str) -> tuple[str, str] | None:
    """The city an answer names before any comma ('Munich', 'Munich, Germany', 'the city of
    Detroit') and the country or state it lies in; None when it names no listed city."""
    first = answer.split(",", 1)[0].strip()
    first = re.sub(r"^(?:the\s+)?city\s+of\s+", "", first, flags=re.I)
    return _BY_NAME.get(first.casefold())


_TRANSLITERATED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _own_language(spelling: str, city: str) -> bool:
    """Whether a spelling of a city is its name in its own language, as an English text does
    not write it: one with letters English has not ('München', 'Genève'), or written with them
    spelled out ('Muenchen'); not another English name ('Frankfurt am Main', 'Dusseldorf')."""
    if not spelling.isascii():
        return True
    spelled_out = [
        other.casefold().translate(_TRANSLITERATED)
        for other in city.split("/")
        if not other.isascii()
    ]
    return spelling.casefold() in spelled_out


def city_in_english(answer: str) -> str | None:
    """The English name of a city an answer names in its own language ('Genève': 'Geneva');
    None for a city named in English, a city whose English name is its own ('Düsseldorf'),
    or one not listed."""
    first = answer.split(",", 1)[0].strip()
    for cities in _CITIES.values():
        for city in cities:
            english, *spellings = city.split("/")
            if english.isascii() and any(
                s.casefold() == first.casefold() and _own_language(s, city) for s in spellings
            ):
                return english
    return None


_LAW_ADJECTIVES = {
    "german": "Germany",
    "english": "England and Wales",
    "scottish": "Scotland",
    "irish": "Ireland",
    "french": "France",
    "belgian": "Belgium",
    "dutch": "the Netherlands",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "italian": "Italy",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "swedish": "Sweden",
    "polish": "Poland",
    "czech": "the Czech Republic",
    "japanese": "Japan",
    "korean": "the Republic of Korea",
    "chinese": "the People's Republic of China",
    "singapore": "Singapore",
    "new york": "the State of New York, USA",
    "delaware": "the State of Delaware, USA",
}
"""Laws named by an adjective and the place whose laws they are."""

_LAW_ADJECTIVES_IN_FRENCH = {
    "français": "France",
    "allemand": "Germany",
    "anglais": "England and Wales",
    "suisse": "Switzerland",
    "belge": "Belgium",
    "italien": "Italy",
    "espagnol": "Spain",
    "néerlandais": "the Netherlands",
    "autrichien": "Austria",
    "japonais": "Japan",
    "coréen": "the Republic of Korea",
    "chinois": "the People's Republic of China",
}
"""Laws as a French team names them: 'droit français' is French law."""

_LAW = re.compile(
    r"(?:the\s+)?laws?\s+of\s+(?P<place>.+)|(?P<adjective>.+?)\s+laws?"
    r"|(?:le\s+)?droit\s+(?P<french>\w+)",
    re.I,
)


def law_place(answer: str) -> str | None:
    """The place a law names ('German law', 'the laws of Germany': 'Germany'); None when the
    answer names no law, or a law of a place not listed."""
    match = _LAW.fullmatch(answer.strip())
    if match is None:
        return None
    if match["place"]:
        return match["place"].strip()
    if match["french"]:
        return _LAW_ADJECTIVES_IN_FRENCH.get(match["french"].casefold())
    return _LAW_ADJECTIVES.get(match["adjective"].casefold())


_IN_THEIR_OWN_LANGUAGE = {
    "deutschland": ("Germany", "German"),
    "bundesrepublik deutschland": ("Germany", "German"),
    "österreich": ("Austria", "German"),
    "oesterreich": ("Austria", "German"),
    "schweiz": ("Switzerland", "German"),
    "suisse": ("Switzerland", "French"),
    "svizzera": ("Switzerland", "Italian"),
    "italia": ("Italy", "Italian"),
    "españa": ("Spain", "Spanish"),
    "espana": ("Spain", "Spanish"),
    "nederland": ("the Netherlands", "Dutch"),
    "belgië": ("Belgium", "Dutch"),
    "belgie": ("Belgium", "Dutch"),
    "belgique": ("Belgium", "French"),
    "polska": ("Poland", "Polish"),
    "česko": ("the Czech Republic", "Czech"),
    "česká republika": ("the Czech Republic", "Czech"),
    "sverige": ("Sweden", "Swedish"),
    "danmark": ("Denmark", "Danish"),
    "norge": ("Norway", "Norwegian"),
    "suomi": ("Finland", "Finnish"),
    "magyarország": ("Hungary", "Hungarian"),
    "slovensko": ("Slovakia", "Slovak"),
    "românia": ("Romania", "Romanian"),
    "türkiye": ("Türkiye", "Turkish"),
    "nihon": ("Japan", "Japanese"),
    "nippon": ("Japan", "Japanese"),
    "日本": ("Japan", "Japanese"),
    "中国": ("the People's Republic of China", "Chinese"),
    "대한민국": ("the Republic of Korea", "Korean"),
    # As a French team writes them.
    "allemagne": ("Germany", "French"),
    "autriche": ("Austria", "French"),
    "italie": ("Italy", "French"),
    "espagne": ("Spain", "French"),
    "pays-bas": ("the Netherlands", "French"),
    "suède": ("Sweden", "French"),
    "pologne": ("Poland", "French"),
    "royaume-uni": ("the United Kingdom", "French"),
    "angleterre": ("England and Wales", "French"),
    "angleterre et pays de galles": ("England and Wales", "French"),
    "écosse": ("Scotland", "French"),
    "irlande": ("Ireland", "French"),
    "japon": ("Japan", "French"),
    "chine": ("the People's Republic of China", "French"),
    "corée du sud": ("the Republic of Korea", "French"),
    "corée": ("the Republic of Korea", "French"),
    "république de corée": ("the Republic of Korea", "French"),
    "états-unis": ("the United States", "French"),
}
"""Countries named in their own language, with their English name and that language (where
the two names differ)."""


def in_english(answer: str) -> tuple[str, str] | None:
    """The English name of a country an answer names in its own language ('Deutschland':
    'Germany'), and that language; None when it names no listed country so."""
    return _IN_THEIR_OWN_LANGUAGE.get(" ".join(answer.split()).casefold())


_COUNTRIES = {place.casefold(): place for place in _CITIES}


def country_named(answer: str) -> tuple[str, list[str]] | None:
    """The country an answer names instead of a city ('Schweiz', 'Switzerland') and its listed
    cities; None when it names no listed country."""
    english = in_english(answer)
    name = english[0] if english else _COUNTRIES.get(" ".join(answer.split()).casefold())
    if name is None or name not in _CITIES:
        return None
    return name, [city.split("/")[0] for city in _CITIES[name]]


_LEGAL_FORMS = [
    (
        re.compile(
            r"\b(?:SASU?|SARL|SNC|soci[ée]t[ée] par actions simplifi[ée]e|soci[ée]t[ée] en nom "
            r"collectif)\b",
            re.I,
        ),
        "French",
        ("France",),
    ),
    (
        re.compile(r"\b(?:GmbH|KGaA|Aktiengesellschaft)\b"),
        "German",
        ("Germany", "Austria", "Switzerland"),
    ),
    (re.compile(r"\b(?:K\.K\.|kabushiki kaisha|G\.K\.|godo kaisha)", re.I), "Japanese", ("Japan",)),
    (
        re.compile(r"\b(?:S\.L\.U?|sociedad limitada|sociedad an[óo]nima)", re.I),
        "Spanish",
        ("Spain",),
    ),
    (re.compile(r"\b(?:S\.r\.l\.|S\.p\.A\.|societ[àa] per azioni)", re.I), "Italian", ("Italy",)),
    (re.compile(r"\b(?:B\.V\.|besloten vennootschap)", re.I), "Dutch", ("Netherlands", "Belgium")),
]
"""Legal forms that belong to one country's law (or a few), told by their name: 'SAS' is
French; forms many laws have ('Ltd', 'SA', 'corporation') are not listed."""


def foreign_legal_form(form: str, jurisdiction: str) -> str | None:
    """'French', where a legal form of French law is given for a company to be incorporated
    in a place of another law ('SAS' in Germany); None where the form may be of that law or
    is not told by its name."""
    for pattern, law, countries in _LEGAL_FORMS:
        if pattern.search(form):
            place = jurisdiction.casefold()
            return None if any(c.casefold() in place for c in countries) else law
    return None
