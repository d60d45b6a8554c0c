"""The structure of an agreement around its sentences: clause headings and defined terms.

"This Agreement shall continue for the Term" says nothing until one reads where "Term" is
defined, perhaps on a cover page or in the definitions section; a sentence under the heading
"Termination for Convenience" means more than the same sentence elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from termgen.their_drafts.text import Sentence

_TITLE_WORD = r"(?:[A-Z][\w'/-]*|and|of|or|for|to|the|in|on|upon|by|&|-)"
_NUMBERED_HEADING = re.compile(
    r"^(?:(?:section|article|clause)\s+)?\(?\d{1,2}(?:\.\d{1,2})*\.?\)?\s+"
    rf"({_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,7}})\s*[.:]",
    re.IGNORECASE,
)
_CAPITAL_HEADING = re.compile(r"^(?:[A-Z0-9.()]+\s+)?([A-Z][A-Z&,' -]{3,60})(?=\s|$)")
_NUMBER_ONLY = re.compile(
    r"(?:(?:section|article|clause)\s+)?\(?\d{1,2}(?:\.\d{1,2})*\.?\)?", re.IGNORECASE
)
_TITLE_ONLY = re.compile(rf"([A-Z][\w'/-]*(?:\s+{_TITLE_WORD}){{0,7}})[.:]?")
_QUOTED_NAME = r'"([A-Z][\w&/\' -]{1,40}?)"'
_DEFINED_IN_BRACKETS = re.compile(
    r"\(\s*(?:(?:the|this|each|a|an|such|hereinafter(?: referred to as)?|collectively,?)\s+){0,3}"
    rf"{_QUOTED_NAME}"
)
_DEFINED_AS = re.compile(rf"^(?:\(?\w{{1,4}}[.)]\s*)?{_QUOTED_NAME}\s+(?:shall\s+)?means?\b")
_KEY_VALUE = re.compile(r"^([A-Z][\w /&-]{1,40}?):\s+(\S.{0,200})")
DEFINITION_LENGTH = 300
_ABOUT_TIME_OR_CONTROL = re.compile(
    r"\b(term|period|date|duration|renewal|expir\w*|control|change|transition)\b", re.IGNORECASE
)
"""The defined terms whose definitions can settle a provision where the term is used."""
_OF_A_TERM = re.compile(
    r"^(?!.*\b(renewal|extension|extended|notice|cure|warranty|exclusivity|payment|trial"
    r"|transition|wind)\b).*\b(term|period|duration)$",
    re.IGNORECASE,
)
"""The names of a term of the agreement or of what it covers ("Term", "Subscription Term",
"Service Period"); not of other periods it names (a notice, cure or renewal period)."""


def headings(sentences: Sequence[Sentence]) -> list[str]:
    """For each sentence, the heading of the clause it sits in ('' before the first).

    A heading is a numbered title ("10. Term and Termination."), a title after a number that
    the sentence splitter set apart ("10." then "Term and Termination."), a paragraph of its
    own shaped as a title ("Term and termination"), or capitals.
    """
    current = ""
    after_number = False
    found = []
    for sentence in sentences:
        text = sentence.text
        numbered = _NUMBERED_HEADING.match(text)
        titled = _TITLE_ONLY.fullmatch(text) if after_number else None
        capital = _CAPITAL_HEADING.match(text) if len(text) < 200 else None
        if numbered:
            current = numbered.group(1)
        elif titled:
            current = titled.group(1)
        elif sentence.heading and not _NUMBER_ONLY.fullmatch(text):
            current = _NUMBER_ONLY.sub("", text, count=1).strip().rstrip(".")
        elif capital and not capital.group(1).isdigit():
            current = capital.group(1)
        after_number = _NUMBER_ONLY.fullmatch(text) is not None
        found.append(current)
    return found


def definitions(sentences: Sequence[Sentence]) -> dict[str, str]:
    """Defined term -> the text that defines it (a definition, a bracketed name, a form line)."""
    defined: dict[str, str] = {}
    for sentence in sentences:
        text = sentence.text
        if '"' in text:
            named = _DEFINED_AS.match(text)
            names = [named.group(1)] if named else []
            names += [match.group(1) for match in _DEFINED_IN_BRACKETS.finditer(text)]
            for name in names:
                defined.setdefault(name.strip(), text[:DEFINITION_LENGTH])
        form_line = _KEY_VALUE.match(text)
        if form_line:
            defined.setdefault(form_line.group(1).strip(), text[:DEFINITION_LENGTH])
    return defined


def uses(definitions_found: dict[str, str]) -> re.Pattern[str] | None:
    """A pattern that finds where a defined term about time or control is used ("the Term",
    "Subscription Period", "Change of Control"), longest name first."""
    names = sorted(
        (name for name in definitions_found if _ABOUT_TIME_OR_CONTROL.search(name)),
        key=len,
        reverse=True,
    )
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")


def with_definitions(
    sentences: Sequence[Sentence], found: dict[str, str] | None = None
) -> tuple[list[int], list[str]]:
    """The sentences that use a defined term of a term ("Subscription Term") defined in
    another sentence, each with those definitions after its words: "This Agreement continues
    for the Subscription Term. Subscription Term: 36 months from the Start Date"; with the
    index of each (none where the draft defines no such term). `found`: the draft's
    `definitions`, where they were read already."""
    defined = {
        name: text
        for name, text in (definitions(sentences) if found is None else found).items()
        if _OF_A_TERM.search(name)
    }
    used = uses(defined)
    if used is None:
        return [], []
    # A sentence that uses one holds its last word ("Term"): found at C speed, and most
    # sentences hold none.
    last_words = {name.rsplit(None, 1)[-1] for name in defined}
    indices, texts = [], []
    for index, sentence in enumerate(sentences):
        if not any(word in sentence.text for word in last_words):
            continue
        names = sorted({match.group(0) for match in used.finditer(sentence.text)})
        added = [defined[name] for name in names if not sentence.text.startswith(defined[name])]
        if added:
            indices.append(index)
            texts.append(" ".join([sentence.in_context, *added]))
    return indices, texts
