"""The literal prefilter finds every match start the regex engine finds, only faster."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termgen.their_drafts.literals import compiled, match_starts

TEXT = (
    "The Agreement shall RENEW automatically. Either party may terminate on ninety days' notice. "
    "Renewal requires notice; an extension is possible. Unrenewable terms stay. renewals."
)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\b(renew\w*|extension)\b", {"renew", "extension"}),
        (r"\bmay\s+terminate", {"may"}),
        (r"\b(right to|option to)\s+\w+", {"right to", "option to"}),
        (r"\b(Either|each) party", {"either", "each"}),
        (r"\b(exclusive)?\s*jurisdiction", None),
        (r"\d+ days", None),
        (r"(a|\w+)", None),
    ],
)
def test_leading_literals_are_found_or_left_unknown(
    pattern: str, literals: set[str] | None
) -> None:
    assert compiled(pattern)[1] == (frozenset(literals) if literals else None)


@pytest.mark.parametrize(
    "pattern",
    [r"\b(renew\w*|extension)\b", r"\bnotice\b", r"\b(exclusive)?\s*renewal", r"\brenew"],
)
def test_the_same_starts_as_a_full_scan(pattern: str) -> None:
    full = {match.start() for match in re.finditer(pattern, TEXT, re.IGNORECASE)}
    assert set(match_starts(pattern, TEXT, TEXT.lower())) == full
    assert set(match_starts(pattern, TEXT, None)) == full


@given(st.text(alphabet="renwalxtiso ,.RENW\n", max_size=200))
def test_never_misses_a_match_on_any_text(text: str) -> None:
    pattern = r"\b(renew\w*|extension|notice)\b"
    full = {match.start() for match in re.finditer(pattern, text, re.IGNORECASE)}
    assert set(match_starts(pattern, text, text.lower())) == full
