"""Extracted text made comparable: normalised punctuation, no running headers, sentences."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from termgen.their_drafts.extract import Block, Extracted

_PUNCTUATION = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u00ad": "",
    "\u200b": "",
    "\r": "",
    # PDFium marks a word it joined across a line break with STX (or U+FFFE).
    "\x02": "",
    "\ufffe": "",
}
_DECOMPOSED = {"\u00a0": " ", "\u037e": ";"}
"""What NFKC makes of the two characters that keep most PDF pages from being in NFKC already
(a no-break space; the Greek question mark some fonts give for a semicolon). Each decomposes
to one character that composes with nothing, so changing them first gives what NFKC gives,
and the pages left in NFKC skip its costly pass."""
_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?[0-9ivxlc]{1,5}(\s*(of|/)\s*\d{1,4})?\W*$", re.IGNORECASE)
_HYPHENATED = re.compile(r"(\w)-\n\s*([a-z])")
_DIGITS = re.compile(r"\d+")
_ABBREVIATIONS = [
    "[A-Z]",
    "No",
    "Inc",
    "Co",
    "Ltd",
    "Corp",
    "Sec",
    "i\\.e",
    "e\\.g",
    "vs",
    "St",
    "Mr",
    "Ms",
    "Dr",
    "art",
    "Art",
]
# The look-behinds sit after the full stop, so they are tried only where a sentence may end.
_SENTENCE_END = re.compile(
    "[.!?]"
    + "".join(rf"(?<!\b{abbreviation}[.!?])" for abbreviation in _ABBREVIATIONS)
    + r"\s+(?=[\"'(\[]?[A-Z0-9]|\([a-z]{1,4}\)\s)"
)
# A redaction mark ends a sentence where a numbered heading follows it ("... shall be
# responsible for: [* * *] Article 7 Shipment of Product"): the redacted words took the stop.
# A pattern of its own, so that the one above keeps its quick first character.
_REDACTION_END = re.compile(
    r"\*\s*\]\s+(?=(?:[Aa]rticle|ARTICLE|[Ss]ection|SECTION|[Cc]lause|CLAUSE)\s+\d"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z])"
)
# An item's mark: "(a) ", "ii) ", or "(a)in" with its words run into the bracket (not a number:
# "twelve (12)month" is a count); the "or" or "and" that joined it to the item before may come
# first ("or (iii) ...", where the cut of a long list at its semicolons left it in front).
_MARK = r"(?:\(([a-z]{1,4}|\d{1,2})\)(?:\s|(?<!\d\))(?=[A-Za-z]))|([a-z]{1,4}|\d{1,2})\)\s)"
_ITEM = re.compile(r"(?:(?:or|and)\s+)?" + _MARK)
# A numbered item ("18.1.2 ..."): one of a list only under words that carry the number it
# extends ("18.1 Either party may terminate if:"); elsewhere it is a clause of its own.
_NUMBERED_ITEM = re.compile(r"(?:(?:or|and)\s+)?(\d{1,3}(?:\.\d{1,3}){1,3})\.?\s")
_NUMBERED = re.compile(r"(?:(?:section|clause|article)\s+)?(\d{1,3}(?:\.\d{1,3}){0,3})\.?\s", re.I)
_CONDITION = re.compile(
    r"(?:if|in the event(?: that)?|in case(?: of)?|should|where)\b", re.IGNORECASE
)
"""Words that open an item as a condition of what the list's lead-in grants."""
_ROW = re.compile(r"[^.:;]{1,150}:\s")
# A line of a cover page, an order form or a block of key terms: a label in title case, then
# a colon or a table's bar, then its value ("Subscription Term: 36 months", "Initial Term |
# 36 months"). Such a line is a statement of its own, not part of the prose around it.
_FORM_LINE = re.compile(
    r"^[ \t]*[A-Z][\w'()/&.-]*(?:[ \t]+(?:[A-Z0-9][\w'()/&.-]*|of|and|or|for|the|to|in|on|per"
    r"|a|an|&)){0,5}[ \t]*(?::|[ \t]\|)[ \t]+\S"
)
_BLANK = "[\u25cf]"
# An item's mark inside a sentence, "(b) " or "(b)in" after a space or first; not where a
# reference names it ("clause (b) above", "subsections (a) and (b)"). The bracket comes first,
# so that the engine skips from one bracket to the next instead of trying every position.
_INLINE_ITEM = re.compile(
    r"\((?<!\S\()([a-z]{1,4}|[A-Z]|\d{1,2})\)(?:\s|(?<!\d\))(?=[a-z]))", re.IGNORECASE
)
_REFERENCE = re.compile(
    r"\b(?:sub-?)?(?:sections?|clauses?|paragraphs?|articles?|items?|schedules?|exhibits?"
    r"|annex(?:es)?)\s+$|\)\s+(?:and|or|to|through)\s+$",
    re.IGNORECASE,
)
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_SERIES = (
    tuple("abcdefghijklmnopqrstuvwxyz"),
    tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    _ROMAN,
    ("x", "y", "z"),
    tuple(str(number) for number in range(1, 31)),
)
SHORTEST_ITEM = 12
"""Characters an item of an inline list has at least; "subsections (a) and (b)" is none."""
# "Upon termination of this Agreement: (a) ...": the words before the colon govern every item.
_LEAD_IN = re.compile(r"(.{10,400}?:)\s*(?:" + _MARK + r"|\d{1,3}(?:\.\d{1,3}){1,3}\.?\s)")
_EDGE_LINES = 3
_TITLE = re.compile(
    r"(?:(?:section|article|clause)\s+)?(?:\(?\d{1,2}(?:\.\d{1,2})*\.?\)?\s+)?"
    r"([A-Z][\w'/&-]*(?:\s+[^\W\d_][\w'/&-]*){0,7})"
)
"""A paragraph that reads as a clause's title: "Term and termination", "10. Term" (at most
eight words, no punctuation inside, no numbers after its own)."""
_MINOR_WORDS = frozenset(
    ["a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"]
)
"""The words a title in title case leaves in lower case."""
_SENTENCE_ENDS = (".", "!", "?", ":", ";")
_DANGLING = _MINOR_WORDS | frozenset(
    ["are", "be", "is", "may", "must", "shall", "that", "which", "will"]
)
"""Words a title does not end on; a paragraph that does is a sentence broken off."""
LONGEST_SENTENCE = 1500


@dataclass(frozen=True)
class Sentence:
    text: str
    page: int | None
    paragraph: int | None
    lead_in: str = ""
    """For an item of a list, the words that introduce the list."""
    items: str = ""
    """For the words that introduce a list within their sentence, the items they govern."""
    heading: bool = False
    """Part of a paragraph of its own that reads as a clause's title (see `_is_title`)."""
    clause: str = ""
    """The number of the clause it is in, where the draft numbers its clauses in Word."""

    @property
    def in_context(self) -> str:
        if not (self.lead_in or self.items):
            return self.text
        return " ".join(part for part in (self.lead_in, self.text, self.items) if part)


def normalise(text: str) -> str:
    """Unicode compatibility forms (ligatures), straight quotes, plain hyphens."""
    for character, replacement in _DECOMPOSED.items():
        if character in text:
            text = text.replace(character, replacement)
    if not unicodedata.is_normalized("NFKC", text):  # the check is quick, the change is not
        text = unicodedata.normalize("NFKC", text)
    # `str.translate` looks up every character; `replace` skips to the few that change.
    for character, replacement in _PUNCTUATION.items():
        if character in text:
            text = text.replace(character, replacement)
    return text


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.strip().lower())


def _without_running_lines(blocks: Sequence[Block]) -> list[str]:
    """Page texts without running headers, footers and page numbers."""
    pages = [normalise(block.text).splitlines() for block in blocks]
    page_edges = [{*lines[:_EDGE_LINES], *lines[-_EDGE_LINES:]} for lines in pages]
    # Each edge line shaped once: a running line is on most pages.
    shapes = {line: _shape(line) for edges in page_edges for line in edges}
    edges = Counter(shapes[line] for lines in page_edges for line in lines if line.strip())
    least = max(2, 0.4 * len(pages))
    repeated = (
        {shape for shape, count in edges.items() if count >= least} if len(pages) > 1 else set()
    )
    cleaned = []
    for lines in pages:
        kept = [
            line
            for index, line in enumerate(lines)
            if not _PAGE_NUMBER.match(line)
            and not (
                (index < _EDGE_LINES or index >= len(lines) - _EDGE_LINES)
                and shapes[line] in repeated
            )
        ]
        cleaned.append("\n".join(kept))
    return cleaned


def sentences(extracted: Extracted) -> list[Sentence]:
    """The draft as sentences, each with the page or paragraph where it starts."""
    if extracted.kind == "pdf":
        texts = _without_running_lines(extracted.blocks)
    else:
        texts = [normalise(block.text) for block in extracted.blocks]
    starts: list[int] = []
    parts: list[str] = []
    paragraph_ends: list[int] = []
    titles: set[int] = set()
    offset = 0
    for block, text in zip(extracted.blocks, texts, strict=True):
        # Whether the paragraph before ended its sentence, as a title's must have.
        after_end = (
            not parts or parts[-1].endswith(_SENTENCE_ENDS) or paragraph_ends[-1:] == [offset]
        )
        if block.heading and not after_end:
            # A paragraph in a Word heading style is a title wherever it stands: the row or
            # line before it ends there.
            paragraph_ends.append(offset)
        starts.append(offset)
        if "-\n" in text:
            text = _unhyphenated(text)
        joined = " ".join(text.split())  # as `\s+` to one space, but at C speed
        # A Word paragraph or table row that is a form line is a sentence of its own. (On a
        # PDF page or in a text file, where a line may be a wrapped sentence's, splitting runs
        # of such lines moved CUAD's figures down; not done.)
        if extracted.kind == "docx" and _FORM_LINE.match(joined):
            paragraph_ends += [offset, offset + len(joined) + 1]
        parts.append(joined)
        offset += len(joined) + 1
        # A Word paragraph that ends in a colon or a blank ends its sentence there (a text
        # file's lines may be a paragraph's, wrapped; a PDF's blocks are pages).
        if extracted.kind == "docx" and joined.endswith((":", _BLANK)):
            paragraph_ends.append(offset)
        # So does a title on a paragraph of its own: "Term and termination" is no part of the
        # clause's first sentence (a PDF's blocks are pages, whose lines say too little).
        elif block.heading or (extracted.kind != "pdf" and after_end and _is_title(joined)):
            titles.add(len(parts) - 1)
            paragraph_ends.append(offset)
    whole = "\n".join(parts)
    ends = [match.end() for match in _SENTENCE_END.finditer(whole)] + [len(whole)]
    breaks = paragraph_ends
    if "*" in whole:
        breaks = [*breaks, *(match.end() for match in _REDACTION_END.finditer(whole))]
    if breaks:
        ends = sorted({*ends, *breaks})
    result = []
    begin = 0
    lead_in = ""
    rows_of = ""
    for end in ends:
        for piece in _bounded(whole[begin:end]):
            text = piece.strip()
            if not text:
                continue
            introduced = None
            if _ITEM.match(text) or _numbered_under(text, lead_in):
                item_of = lead_in
            elif rows_of and _ROW.match(text):
                item_of = rows_of
            else:
                # The colon first: `str` finds it at once, where the pattern tries 400 lengths.
                introduced = _LEAD_IN.match(text) if ":" in text else None
                lead_in, item_of = (introduced.group(1) if introduced else ""), ""
            # Paragraphs "Tooling: stays with the JV" or "(a) ..." after one that ends "as
            # follows:" are its rows or items, each read after it, until one that is neither.
            if end in paragraph_ends and text.endswith(":"):
                rows_of = lead_in = text
            elif item_of != rows_of:
                rows_of = ""
            number = bisect.bisect_right(starts, begin) - 1
            block = extracted.blocks[number]
            for unit in _units(text, item_of, introduced is not None):
                result.append(
                    Sentence(
                        unit.text,
                        block.page,
                        block.paragraph,
                        unit.lead_in,
                        unit.items,
                        heading=number in titles,
                        clause=block.clause,
                    )
                )
        begin = end
    return result


def _numbered_under(text: str, lead_in: str) -> bool:
    """Whether `text` is a numbered item of the list `lead_in` introduces: "18.1.2 the other
    party ..." (or "or 18.1.2 ...") under "18.1 Either party may terminate ... if:"."""
    item = _NUMBERED_ITEM.match(text) if lead_in else None
    if item is None:
        return False
    introduced = _NUMBERED.match(lead_in)
    return introduced is not None and item[1].startswith(introduced[1] + ".")


def _unhyphenated(text: str) -> str:
    """`_HYPHENATED.sub(r"\\1\\2", text)`, the pattern tried only where a line ends in a hyphen
    (from the letter before it), not at every position of the page."""
    kept = []
    done = 0
    at = text.find("-\n", 1)
    while at != -1:
        # A match starts at the letter before the hyphen, unless the last match took it.
        if at - 1 >= done and (joined := _HYPHENATED.match(text, at - 1)) is not None:
            kept += [text[done : at - 1], joined[1], joined[2]]
            done = joined.end()
        at = text.find("-\n", at + 1)
    return "".join([*kept, text[done:]])


def _is_title(paragraph: str) -> bool:
    """Whether a paragraph is shaped as a clause's title, not ending on a word that leads on;
    with a full stop, in title case ("Sections 4 and 5 survive." is a sentence). It is one
    where it starts a sentence: `sentences` asks that too."""
    shaped = _TITLE.fullmatch(paragraph.removesuffix("."))
    if shaped is None:
        return False
    words = shaped.group(1).split()
    if words[-1].lower() in _DANGLING:
        return False
    return not paragraph.endswith(".") or all(
        word[0].isupper() or word in _MINOR_WORDS for word in words
    )


class _Unit(NamedTuple):
    text: str
    lead_in: str
    items: str = ""


def _units(text: str, lead_in: str, introduces: bool) -> list[_Unit]:
    """A sentence, or the words that introduce a list inside it ("may terminate: (a) upon
    breach; (b) on 90 days' notice") and then each item, read after those words.

    The words that introduce the list are read with all of its items, as the whole sentence
    was: a clause that lists an exit for convenience beside exits for breach reads, as a
    whole, as neither; its items read one by one say which is which. A list is two items or
    more in series ((a), (b); (i), (ii); (1), (2)); one is enough after a colon, as the next
    sentences may go on with the list.
    """
    if "(" not in text:
        return [_Unit(text, lead_in)]
    own = _ITEM.match(text)
    marks = [
        (match.start(), match.group(1))
        for match in _INLINE_ITEM.finditer(text, own.end() if own else 0)
        if not _REFERENCE.search(text, max(0, match.start() - 20), match.start())
    ]
    if own is not None and (following := _following_items(text, own[1] or own[2], marks)):
        return [unit for item in following for unit in _units(item, lead_in, False)]
    for first, (start, label) in enumerate(marks):
        series = next((found for found in _SERIES if found[0] == label), None)
        if series is None:
            continue
        starts = [start]
        for position, later in marks[first + 1 :]:
            if len(starts) < len(series) and later == series[len(starts)]:
                starts.append(position)
        if len(starts) < 2 and not introduces:
            continue
        ends = [*starts[1:], len(text)]
        items = [text[begin:end].strip() for begin, end in zip(starts, ends, strict=True)]
        if any(len(item) < SHORTEST_ITEM for item in items):
            continue
        head = text[:start].strip()
        context = f"{lead_in} {head}".strip()
        listed = [_Unit(item, lead) for item, lead in _conditioned(items, context)]
        if not head:
            return listed
        return [_Unit(head, lead_in, text[start:].strip()), *listed]
    return [_Unit(text, lead_in)]


def _conditioned(items: list[str], context: str) -> list[tuple[str, str]]:
    """Each item with the words it is read after: those before the list, and the condition
    the first item opens with where a later one opens with none ("may terminate by notice,
    (a) in the event of bankruptcy; and (b) the other Party defaults": (b) is an event too)."""
    opening = _CONDITION.match(_after_mark(items[0]))
    if opening is None:
        return [(item, context) for item in items]
    return [
        (item, context if _CONDITION.match(_after_mark(item)) else f"{context} {opening[0]}")
        for item in items
    ]


def _after_mark(item: str) -> str:
    mark = _INLINE_ITEM.match(item)
    return item[mark.end() :].lstrip() if mark else item


def _following_items(text: str, label: str, marks: list[tuple[int, str]]) -> list[str]:
    """An item of a list that runs on into the next ones ("(b) ... Exhibit D. (c) In the
    event ...", where the splitter took "D." for an initial) cut into its items, to be read
    one by one after the same lead-in; none when no mark of the next items follows."""
    for series in _SERIES:
        if label not in series:
            continue
        starts = [0]
        expected = series.index(label) + 1
        for position, later in marks:
            if expected < len(series) and later == series[expected]:
                starts.append(position)
                expected += 1
        if len(starts) < 2:
            continue
        ends = [*starts[1:], len(text)]
        items = [text[begin:end].strip() for begin, end in zip(starts, ends, strict=True)]
        if all(len(item) >= SHORTEST_ITEM for item in items):
            return items
    return []


def _bounded(text: str) -> list[str]:
    """Very long runs (lists without full stops) cut at semicolons."""
    if len(text) <= LONGEST_SENTENCE:
        return [text]
    return [piece for piece in re.split(r"(?<=;)\s+", text) if piece]
