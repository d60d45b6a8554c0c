"""The words a pattern needs find every sentence the regex engine matches, only faster."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from termgen.cache import Cache
from termgen.library import compiled_cues
from termgen.library.compiled_cues import cue_regex
from termgen.their_drafts import literals
from termgen.their_drafts.literals import Alternation, Sentences, needed, remember_cues

SENTENCES = [
    "The Agreement shall RENEW automatically.",
    "Either party may terminate on ninety days' notice.",
    "Renewal requires notice; an extension is possible.",
    "Unrenewable terms stay.",
    "renewals.",
    "Each party submits to the exclusive jurisdiction of the courts.",
]


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\b(renew\w*|extension)\b", [{"renew", "extension"}]),
        (r"\bmay\s+terminate", [{"may"}, {"terminate"}]),
        (r"\b(right to|option to)\s+\w+", [{"right to", "option to"}]),
        (r"\b(exclusive)?\s*jurisdiction", [{"jurisdiction"}]),
        (r"(notice){2,}|\bterm(inat\w*)?", [{"notice", "term"}]),
        (r"\d+ days", [{" days"}]),
        (r"(a|\w+)", []),
        (r"(?:notice){e<=1}", []),
        (
            r"\b(end|cancel)\s+by\s+(mutual|joint)\s+consent\b|\bby\s+agreement\s+of\s+the\s+parties",
            [{"consent", "agreement"}, {"mutual", "joint", "parties"}, {"end", "cancel", "the"}],
        ),
    ],
)
def test_the_words_every_match_needs(pattern: str, words: list[set[str]]) -> None:
    assert needed(pattern) == tuple(frozenset(each) for each in words)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(renew\w*|extension)\b",
        r"\bnotice\b",
        r"\b(exclusive)?\s*(renewal|jurisdiction)",
        r"^renew",
        r"party (may|submits)\b.{0,40}\b(notice|courts)",
    ],
)
def test_the_same_sentences_as_the_engine_alone(pattern: str) -> None:
    expected = [n for n, text in enumerate(SENTENCES) if re.search(pattern, text, re.I | re.M)]
    assert Sentences(SENTENCES).matching(pattern) == expected


@given(st.lists(st.text(alphabet="renwalxtiso ,.RENW", max_size=60), max_size=8))
def test_never_misses_a_sentence_on_any_text(texts: list[str]) -> None:
    pattern = r"\b(renew\w*|extension|notice)\b.{0,20}(on|to)\b"
    expected = [n for n, text in enumerate(texts) if re.search(pattern, text, re.I)]
    assert Sentences(texts).matching(pattern) == expected


@given(st.lists(st.text(alphabet="mutaljoincsetprvby ,.MJ", max_size=60), max_size=8))
def test_never_misses_a_sentence_an_alternation_matches(texts: list[str]) -> None:
    pattern = r"\b(mutual|joint)\s+consent\b|\bjoint\s+approval\b|\bby\s+contract\b"
    expected = [n for n, text in enumerate(texts) if re.search(pattern, text, re.I)]
    assert Sentences(texts).matching(pattern) == expected


def test_a_window_may_hold_the_words_of_an_alternation_in_two_sentences() -> None:
    texts = ["The parties may end it by mutual", "consent, and not otherwise.", "Fees."]
    pattern = r"\bmutual\s+consent\b|\bjoint\s+approval\b"
    assert re.search(pattern, " ".join(texts[:2]))
    assert Sentences(texts).holding(pattern) == set()  # no sentence matches on its own
    assert Sentences(texts).near(pattern, 2) == {0, 1, 2}  # the window of the first two does


@given(st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=80))
def test_a_sentence_is_indexed_by_the_words_the_regex_engine_finds(text: str) -> None:
    pieces = re.findall(r"\w+", text.lower())
    index = Sentences([text])
    for piece in pieces:
        assert index.holding(re.escape(piece)) == {0}


def test_cues_compiled_in_an_earlier_run_match_as_freshly_compiled(tmp_path: Path) -> None:
    patterns = [r"\b(renew\w*|extension)\b.{0,80}\bnotice", r"\bmay\s+terminate"]
    earlier = Cache(tmp_path)
    remember_cues(patterns, earlier)
    earlier.save()
    for known in (compiled_cues._COMPILED, literals._NEEDED):
        for pattern in patterns:
            known.pop(pattern, None)
    remember_cues(patterns, Cache(tmp_path))
    for pattern in patterns:
        fresh = regex.compile(pattern, regex.IGNORECASE | regex.MULTILINE | regex.V0)
        assert compiled_cues._COMPILED[pattern] is not fresh
        assert [bool(cue_regex(pattern).search(text)) for text in SENTENCES] == [
            bool(fresh.search(text)) for text in SENTENCES
        ]
        assert literals._NEEDED[pattern] == literals._needed(pattern)


ANCHOR = r"\bterm\b|expir|\byears?\b|\bend(s|ed)?\b|\bterms of\b|in force|year[\s-]to[\s-]year"


def test_an_alternation_splits_into_branches_inside_a_word_and_across_words() -> None:
    either = Alternation(ANCHOR)
    assert either.in_words is not None
    assert either.in_words.pattern == r"\bterm\b|expir|\byears?\b|\bend(s|ed)?\b"
    assert either.across == r"\bterms of\b|in force|year[\s-]to[\s-]year"
    assert Alternation(r"in force|[a-z]+ days").in_words is None
    assert Alternation(r"renew|extend").across is None
    assert Alternation(r"a?|renew").across == "a?"  # matches nothing: in every sentence


@pytest.mark.parametrize(
    ("branch", "across"),
    [
        ("a?(s|ed)?", True),  # every part optional: it matches the empty text
        (r"\ba?", False),  # the empty text has no word boundary
        ("(s|ed)?x", False),
        ("x?y", False),
        ("(ab|cd)?(e)?", True),
    ],
)
def test_a_branch_that_matches_the_empty_text_is_tried_across_words(
    branch: str, across: bool
) -> None:
    assert (re.fullmatch(branch, "") is not None) is across
    assert (Alternation(f"renew|{branch}").across == branch) is across


@pytest.mark.parametrize(
    "pattern",
    [
        ANCHOR,
        r"(term|expir)",
        r"a[(]b|c",  # a bracket inside a class: not split, tried as a whole
        r"terminat|cancel|\bend (this|the)\b",
    ],
)
def test_matching_either_finds_what_the_engine_finds(pattern: str) -> None:
    texts = [
        *SENTENCES,
        "The Term ends on expiry.",
        "Terminated, or the term's end.",
        "It stays in force year-to-year; TERMS OF payment.",
        "Weekends and years: 3 YEARS.",
        "An EXPIRY dated 2030; the Kelvin sign \u212a and a long \u017fs.",
        "\u0130t ends here (a capital I with a dot).",
        "A term\u0301 with a combining accent, and \u201cterm\u201d quoted.",
        "ab c",
    ]
    expected = [n for n, text in enumerate(texts) if regex.search(pattern, text, regex.I)]
    assert Sentences(texts).matching_either(Alternation(pattern)) == expected
    assert Sentences(texts).matching_either(Alternation(pattern), {0, 6, 7}) == [
        n for n in expected if n in {0, 6, 7}
    ]


@given(
    st.lists(
        st.text(alphabet="termxpiynds ofc-EXTRMY\u017f\u212a\u0130\u00e9\u0301", max_size=50),
        max_size=8,
    )
)
def test_matching_either_never_differs_from_matching(texts: list[str]) -> None:
    assert Sentences(texts).matching_either(Alternation(ANCHOR)) == Sentences(texts).matching(
        ANCHOR
    )
