"""The words every match of a regular expression must contain, to try it only where they are.

A cue such as `\\b(renew\\w*|extension)\\b.{0,80}\\bnotice` can only match a sentence that
holds 'renew' or 'extension', and 'notice'. Finding such words with `str.find` over the
whole draft, once per draft and word, leaves a few sentences to try the pattern on; letting
the regex engine try every position of a long agreement takes many times longer, and so does
compiling the patterns that no sentence could match.

Cues are counsel's text, so they run under the `regex` engine, which takes a timeout: a cue
that backtracks without end on some draft stops with an error instead of hanging `check`.
"""

from __future__ import annotations

import bisect
import re
import time
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from termgen.library.compiled_cues import cue_regex, remember_cue_regexes

if TYPE_CHECKING:
    from termgen.cache import Cache

try:  # the parser behind `re`, private but stable since Python 3.11; without it, try all
    from re import _constants as _codes  # type: ignore[attr-defined]  # private module
    from re import _parser  # type: ignore[attr-defined]  # private module
except ImportError:  # pragma: no cover - a Python whose `re` is organised differently
    _parser = None

Words = frozenset[str]
SHORTEST = 3
"""Texts shorter than this ('of', 'e') are in nearly every sentence: looking for them costs
more than trying the pattern."""
_WORD = re.compile(r"\w+")
_ASCII_WORDS_SPACED = bytes(
    byte if chr(byte).isalnum() or byte == ord("_") else ord(" ") for byte in range(128)
) + bytes(range(128, 256))
"""Every ASCII character that `\\w` does not match made a space."""
_FUZZY = re.compile(r"\{(?![\d,])")
"""`regex`'s fuzzy matching ('(?:notice){e<=1}'), which `re` would read as literal text."""


Needs = tuple[tuple[Words, ...], tuple[Words, ...]]
"""The sets of texts a pattern needs (`needed`), and those of them `near` looks for."""
_NEEDED: dict[str, Needs] = {}


def needed(pattern: str) -> tuple[Words, ...]:
    """Sets of lower-case texts: every match of `pattern` holds one text of each set.

    None of them when the pattern cannot be read so (then every sentence is tried).
    """
    return _needs(pattern)[0]


def _needs(pattern: str) -> Needs:
    found = _NEEDED.get(pattern)
    if found is None:
        found = _NEEDED[pattern] = _needed(pattern)
    return found


def remember_cues(patterns: Collection[str], cache: Cache) -> None:
    """The words and the compiled form of each cue pattern, as an earlier run found them."""
    remember_cue_regexes(patterns, cache)
    contents = {pattern: pattern.encode() for pattern in patterns if pattern not in _NEEDED}
    cache.prefetch(_NEEDED_KIND, contents.values())
    for pattern, content in contents.items():
        _NEEDED[pattern] = cache.remember(_NEEDED_KIND, content, partial(_needed, pattern))


_NEEDED_KIND = "cue words"


def _needed(pattern: str) -> Needs:
    if _parser is None or _FUZZY.search(pattern):
        return (), ()
    try:
        items = list(_parser.parse(pattern, re.IGNORECASE))
        return tuple(_required(items, MOST_CHOICES)), tuple(_required(items, 1))
    except (AttributeError, TypeError, ValueError, re.error):
        return (), ()


MOST_CHOICES = 8
"""Sets of texts made of the branches of an alternation (see `_either`), at most."""


def _selectivity(words: Words) -> tuple[int, int]:
    return min(map(len, words)), -len(words)


def _required(items: Sequence[Any], choices: int) -> list[Words]:
    """Sets of texts, each of which a match contains one of (all the sets at once); up to
    `choices` of them for each alternation."""
    found: list[Words] = []
    run = ""
    for op, argument in items:
        if op is _codes.LITERAL:
            run += chr(argument).lower()
            continue
        if len(run) >= SHORTEST:
            found.append(frozenset([run]))
        run = ""
        if op is _codes.SUBPATTERN:
            found += _required(list(argument[-1]), choices)
        elif op in (_codes.MAX_REPEAT, _codes.MIN_REPEAT, _codes.POSSESSIVE_REPEAT):
            if argument[0] >= 1:
                found += _required(list(argument[2]), choices)
        elif op is _codes.BRANCH:
            found += _either([_required(list(branch), choices) for branch in argument[1]], choices)
    if len(run) >= SHORTEST:
        found.append(frozenset([run]))
    return found


def _either(branches: Sequence[Sequence[Words]], choices: int) -> list[Words]:
    """Sets of texts, each of which a match of one of the branches contains one of.

    A match of a branch holds a text of each of its sets, so one set of each branch, joined,
    makes such a set: the branches' most selective sets joined, then their next most
    selective, and so on ("(end|cancel) by (mutual|joint) consent|by agreement of the
    parties" gives {consent, agreement} and {mutual, joint, parties}: 'agreement' is in
    nearly every sentence of an agreement, 'mutual' and 'parties' together in few).
    """
    if not all(branches):
        return []
    ranked = [sorted(sets, key=_selectivity, reverse=True) for sets in branches]
    joined = (
        frozenset().union(*(sets[min(rank, len(sets) - 1)] for sets in ranked))
        for rank in range(min(choices, max(map(len, ranked))))
    )
    return list(dict.fromkeys(joined))


class Sentences:
    """A draft's sentences, with the ones that hold a given word found once per draft."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.texts = texts
        self._all = set(range(len(texts)))
        # Each word of the draft once, with the sentences it is in: a text is then looked
        # for among the draft's few thousand words, not along its whole length.
        by_word: defaultdict[str, list[int]] = defaultdict(list)
        self._unusual: set[int] = set()
        for index, text in enumerate(texts):
            lowered = text.lower()
            if len(lowered) != len(text):  # rare letters: `holds` cannot judge, so try it
                self._unusual.add(index)
            for word in _words_in(lowered):
                by_word[word].append(index)
        self._in = list(by_word.values())
        self._words = "\n".join(by_word) + "\n"
        self._word_starts = [0]
        for word in by_word:
            self._word_starts.append(self._word_starts[-1] + len(word) + 1)
        self._holding: dict[str, set[int]] = {}
        self._held: dict[tuple[Words, ...], set[int]] = {}
        self._either: dict[str, set[int]] = {}
        self._not_ascii: set[int] | None = None

    def holding(self, pattern: str) -> set[int]:
        """Indices of the sentences that hold the words `pattern` needs (a few more at most)."""
        return set(self._holding_all(needed(pattern)))  # a set of the caller's own

    def _holding_all(self, needs: tuple[Words, ...]) -> set[int]:
        found = self._held.get(needs)
        if found is None:
            found = self._held[needs] = set(self._all)
            for texts in needs:
                found &= self._holding_any(texts)
        return found

    def _holding_any(self, texts: Words) -> set[int]:
        found = set(self._unusual)
        for text in texts:
            found |= self._holding_text(text)
        return found

    def _holding_text(self, text: str) -> set[int]:
        """The sentences with a word that holds the longest word of `text`."""
        found = self._holding.get(text)
        if found is not None:
            return found
        pieces = _WORD.findall(text)
        if not pieces:
            return self._all
        piece = max(pieces, key=len)
        found = set()
        position = self._words.find(piece)
        while position != -1:
            number = bisect.bisect_right(self._word_starts, position) - 1
            found.update(self._in[number])
            position = self._words.find(piece, self._word_starts[number + 1])
        self._holding[text] = found
        return found

    def matching_either(self, either: Alternation, among: set[int] | None = None) -> list[int]:
        """`matching(either.pattern, among=among)`, the in-word branches tried once per word
        of the draft instead of once per sentence (a scorer's anchor words are in a sixth or
        more of the sentences of an agreement).

        Only a sentence of ASCII text is judged by its words: there, the words are its runs of
        letters, digits and '_' in lower case, as both regex engines see them; elsewhere the
        engines may differ on what a letter or a case is, so the sentence is tried whole."""
        found = self._either.get(either.pattern)
        if found is None:
            found = set(self.matching(either.across)) if either.across is not None else set()
            if either.in_words is not None:
                if self._not_ascii is None:
                    self._not_ascii = {i for i, text in enumerate(self.texts) if not text.isascii()}
                found |= self._holding_match(either.in_words) - self._not_ascii
                found |= {i for i in self._not_ascii if search(either.pattern, self.texts[i])}
            self._either[either.pattern] = found
        return sorted(found if among is None else found & among)

    def _holding_match(self, in_words: re.Pattern[str]) -> set[int]:
        """The sentences with a word that `in_words` matches (all or part of it)."""
        found: set[int] = set()
        match = in_words.search(self._words)
        while match is not None:
            number = bisect.bisect_right(self._word_starts, match.start()) - 1
            found.update(self._in[number])
            match = in_words.search(self._words, self._word_starts[number + 1])
        return found

    def near(self, pattern: str, size: int) -> set[int]:
        """Indices of the sentences fewer than `size` away from one holding `pattern`'s words:
        those in a window of `size` sentences that can match it.

        Of each alternation, only the texts of its most selective choice are looked for: the
        texts a window holds can be shared out between its sentences, and the more sets each
        sentence is asked to hold, the likelier such a window is to be missed."""
        held = self._holding_all(_needs(pattern)[1])
        return {index + step for index in held for step in range(1 - size, size)}

    def matching(
        self, pattern: str, deadline: float | None = None, among: set[int] | None = None
    ) -> list[int]:
        """Indices of the sentences `pattern` matches (of those `among`), in order.

        Past `deadline` (a time.monotonic() value), TimeoutError, even inside one engine call.
        """
        held = self.holding(pattern)
        return [
            index
            for index in sorted(held if among is None else held & among)
            if search(pattern, self.texts[index], deadline)
        ]


class Alternation:
    """A pattern `a|b|c` split in two: the branches that can only match inside a word, each a
    run of letters and digits with optional parts and word boundaries (`\\bterms?\\b`,
    `terminat`), tried once against each distinct word of a draft; and the others (`in
    force`, `year[\\s-]to[\\s-]year`), tried against the sentences that hold their words.

    A match of an in-word branch lies inside one run of word characters, where a word
    boundary falls at the same places in the sentence as in the word alone: so a sentence
    holds a match exactly when one of its words does. Sentences whose letters change length
    in lower case are tried with the whole pattern, as `Sentences.matching` tries them.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        branches = _branches(pattern)
        inside = [branch for branch in branches if _inside_a_word(branch)]
        in_words = "|".join(inside)
        across = "|".join(branch for branch in branches if branch not in inside)
        # Matched against words in lower case (of ASCII text), as these branches are written.
        self.in_words = re.compile(in_words) if in_words else None
        self.across = across or None


_IN_A_WORD = re.compile(r"(?:\\b|[a-z0-9]|\((?:[a-z0-9]+\|)*[a-z0-9]+\)\??|[a-z0-9]\?)+")
"""A branch of letters and digits, word boundaries, optional letters and groups of
alternative letter runs."""


_ONLY_OPTIONAL = re.compile(r"(?:[a-z0-9]\?|\((?:[a-z0-9]+\|)*[a-z0-9]+\)\?)*")
"""A branch `_IN_A_WORD` reads that matches the empty text: every letter and group optional,
and no word boundary (the empty text has none)."""


def _inside_a_word(branch: str) -> bool:
    """Whether all the branch can match is one or more letters and digits of one word (a
    branch that can match nothing matches in every sentence, words or none). Read from the
    branch's text: compiling each branch to try it on the empty text was most of the
    patterns a check compiled."""
    return _IN_A_WORD.fullmatch(branch) is not None and _ONLY_OPTIONAL.fullmatch(branch) is None


def _branches(pattern: str) -> list[str]:
    """The branches of the pattern's outermost alternation (the pattern itself if none)."""
    branches, depth, start = [], 0, 0
    escaped = False
    for position, character in enumerate(pattern):
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "|" and depth == 0:
            branches.append(pattern[start:position])
            start = position + 1
    return [*branches, pattern[start:]]


def _words_in(text: str) -> set[str]:
    """The texts `_WORD` finds in `text`; in an ASCII text (nearly every sentence), found
    at C speed, twice as fast as the regex engine."""
    if text.isascii():
        return set(text.encode().translate(_ASCII_WORDS_SPACED).decode().split())
    return set(_WORD.findall(text))


def search(pattern: str, text: str, deadline: float | None = None) -> bool:
    """Whether `pattern` matches `text`, tried only when `text` holds the words it needs."""
    if not _holds(text, needed(pattern)):
        return False
    if deadline is None:
        return cue_regex(pattern).search(text) is not None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return cue_regex(pattern).search(text, timeout=left) is not None


def _holds(text: str, needs: Iterable[Words]) -> bool:
    lowered = text.lower()
    return len(lowered) != len(text) or all(
        any(word in lowered for word in words) for words in needs
    )
