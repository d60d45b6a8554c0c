"""A deal lawyer's checklist, run over every example's Word drafts: the things a senior
reader strikes through on the first pass. Each check reads the rendered .docx files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from pydantic import BaseModel

from termgen.drafting.structure import Draft, plain
from termgen.model import Deal

from ..conftest import EXAMPLES
from ..docx_reading import drafted, word

IDS = [path.stem for path in EXAMPLES]
_NAME_FIELDS = {
    *("short_name", "legal_name", "name", "title", "level", "jurisdiction", "governing_law"),
    *("rules", "seat", "attention", "form", "decision"),
    *("kpi", "target", "joint", "independent", "excluded", "regions", "functions", "programs"),
}
"""Fields that hold names, or phrases made to stand inside a sentence, not free text (a
decision names its row of the matrix, which the deadlock clause quotes)."""


@cache
def _texts(example: Path) -> tuple[str, ...]:
    """Every paragraph and table cell of both Word documents, as a reader sees them (read once
    per run: every check reads them)."""
    _, documents = drafted(example)
    texts = []
    for rendered in documents:
        document = word(rendered.data)
        texts += [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            texts += [cell.text for row in table.rows for cell in row.cells]
    return tuple(text for text in texts if text.strip())


def _offending(example: Path, pattern: str) -> list[str]:
    return [text for text in _texts(example) if re.search(pattern, text)]


def _free_texts(value: object, field: str = "") -> Iterator[str]:
    """Answers written as sentences or phrases of their own (four words or more, capitalised)."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _free_texts(getattr(value, name), name)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _free_texts(item, field)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _free_texts(item, field)
    elif isinstance(value, str) and field not in _NAME_FIELDS:
        text = value.strip().rstrip(".")
        if len(text.split()) >= 4 and re.match(r"[A-Z][a-z]", text):
            yield text


_INTRODUCED = re.compile(
    r"(^|[.;:!?] |• )"  # where a paragraph, sentence or list item starts ...
    r"([A-Z][\w'-]*(?: [\w'-]+){0,2}: )?$"  # ... then, at most, a short label and a colon
)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_free_text_answers_have_a_place_of_their_own(example: Path) -> None:
    """An answer written as a sentence stands as one (or in a table cell), never in brackets
    or glued into the middle of a template sentence."""
    draft, _ = drafted(example)
    glued = []
    for answer in set(_free_texts(draft.deal)):
        for text in _texts(example):
            start = text.find(answer)
            while start != -1:
                if not _INTRODUCED.search(text[:start]):
                    glued.append(f"{answer!r} in: {text}")
                start = text.find(answer, start + 1)
    assert glued == []


_FUNCTION_WORDS = {"and", "or", "of", "the"}


def _reads_as_a_sentence(bracketed: str) -> bool:
    """'A competitor of the other party acquires control' does; 'United States, Canada and
    Mexico' (names) and 'prices, margins and volumes' (a lower-case gloss) do not."""
    words = bracketed.split()
    lower = [word for word in words if word.islower() and word not in _FUNCTION_WORDS]
    return bool(re.match(r"[A-Z][a-z]", bracketed)) and len(words) >= 4 and len(lower) >= 2


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_bracketed_sentences(example: Path) -> None:
    """Brackets hold a defined term, a number, names or a short gloss, not a sentence."""
    wrong = [
        text
        for text in _texts(example)
        if any(_reads_as_a_sentence(inner) for inner in re.findall(r"\(([^()]*)\)", text))
    ]
    assert wrong == []


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_iso_dates_in_prose(example: Path) -> None:
    wrong = _offending(example, r"\b\d{4}-\d{2}-(\d{2})?")
    assert wrong == []


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_raw_answer_values(example: Path) -> None:
    """'equity_joint_venture' is how an answer file spells it, not how a lawyer writes."""
    wrong = _offending(example, r"\b[a-z]+(?:_[a-z0-9]+)+\b")
    assert wrong == []


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_python_leftovers(example: Path) -> None:
    wrong = _offending(example, r"\bNone\b|\[\]|\{\}|\(\)|\bnull\b|\bTrue\b|\bFalse\b")
    assert wrong == []


_TWO_PARTIES = (
    r"\bany (other )?party\b|\bthe others\b|\bother parties\b|\banother party\b"
    r"|\ball parties\b|\bno party\b|\bof another\b|\beach other party\b"
)
_MORE_PARTIES = r"\beither party\b|\bthe other party\b|\bboth parties\b|\bthe other's\b"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_wording_fits_the_number_of_parties(example: Path) -> None:
    draft, _ = drafted(example)
    pattern = _TWO_PARTIES if len(draft.deal.parties) == 2 else _MORE_PARTIES
    wrong = _offending(example, rf"(?i){pattern}")
    assert wrong == []


def _named_things(draft: Draft) -> set[str]:
    """What a reference may point to: the documents, the clauses, the governance bodies."""
    names = {document.title for document in draft.documents}
    names |= {clause.title for clause in draft.clauses()}
    names |= {body.name for body in draft.deal.governance.bodies}
    return {_words(name) for name in names}


def _words(text: str) -> str:
    return text.casefold().replace("-", " ")


_REFERENCE = re.compile(
    r"\bthe ((?:[a-z]+-)*[a-z]+(?: (?:[a-z]+-)*[a-z]+)?) (annex|rules|schedule)\b"
)
"""'the data-protection annex', 'the clean-team rules', 'the contributions schedule'."""


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_every_annex_schedule_and_rules_named_exist(example: Path) -> None:
    """'the data-protection annex' or 'the clean-team rules' must be in the draft."""
    draft, _ = drafted(example)
    named = _named_things(draft)
    missing = []
    for text in _texts(example):
        for match in re.finditer(
            r"\bthe ((?:[a-z-]+ ){0,2}?[a-z-]+) (annex|rules|schedule)\b", text
        ):
            what = _words(match.group(1))
            if not any(what in name for name in named):
                missing.append(f"{match.group(0)!r} in: {text}")
    assert missing == []


_GENERIC_BODIES = r"\bthe (steering body|joint project office|project office|steering committee)\b"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_bodies_are_called_by_their_names(example: Path) -> None:
    draft, _ = drafted(example)
    named = {body.name.casefold() for body in draft.deal.governance.bodies}
    wrong = [
        text
        for text in _texts(example)
        for match in re.finditer(_GENERIC_BODIES, text)
        if match.group(1) not in named
    ]
    assert wrong == []


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_a_table_below_is_below(example: Path) -> None:
    """A clause that points to the table, schedule or calendar below sits over one."""
    draft, _ = drafted(example)
    wrong = [
        clause.id
        for document in draft.documents
        for section in document.sections
        for clause in section.clauses
        for paragraph in clause.paragraphs
        if re.search(r"\b(table|schedule|calendar|path) below\b", plain(paragraph))
        and not section.tables
    ]
    assert wrong == []


def test_the_checks_read_what_the_deal_says() -> None:
    """The free-text collector finds the answers the other checks look for."""
    deal = drafted(EXAMPLES[0])[0].deal
    assert isinstance(deal, Deal)
    assert any("capital call" in text for text in _free_texts(deal))
