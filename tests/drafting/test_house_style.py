"""The house style a library sets (library.yaml, `style:`): dates, numbers, the words for the
other parties, and the language Word marks the drafts in."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.pipeline import DealRun
from termgen.wording import (
    HouseStyle,
    iso_dates_worded,
    number_words,
    party_words,
    period_text,
    place_text,
)

from ..conftest import EXAMPLES_DIR
from ..docx_reading import builtin_library, word, write

BATTERY = EXAMPLES_DIR / "battery-jv.yaml"
US_WORDS = HouseStyle("en-US", "words_and_digits")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_built_in_library_writes_british_dates_in_digits() -> None:
    assert builtin_library().style == HouseStyle("en-GB", "digits")


@pytest.mark.parametrize(
    ("value", "words"),
    [(5, "five"), (21, "twenty-one"), (90, "ninety"), (100, "one hundred"), (365, None)],
)
def test_numbers_in_words(value: int, words: str | None) -> None:
    assert number_words(value) == (words or "three hundred and sixty-five")


def test_periods_follow_the_number_style() -> None:
    assert period_text("90 days") == "90 days"
    assert period_text("90 days", US_WORDS) == "ninety (90) days"
    assert period_text("5 working days", US_WORDS) == "five (5) working days"
    assert period_text("a reasonable time", US_WORDS) == "a reasonable time"


def test_dates_typed_into_an_answer_read_as_prose() -> None:
    assert iso_dates_worded("not launched by 2028-10-31") == "not launched by 31 October 2028"
    assert iso_dates_worded("by 2028-10-31", US_WORDS) == "by October 31, 2028"
    assert iso_dates_worded("ref 2028-13-45") == "ref 2028-13-45"


def test_the_words_for_parties_follow_their_number() -> None:
    assert [party_words(word, 2) for word in ("any", "other", "no", "all")] == [
        "either party",
        "the other party",
        "neither party",
        "both parties",
    ]
    assert [party_words(word, 3) for word in ("any", "other", "no", "all")] == [
        "any party",
        "the other parties",
        "no party",
        "all parties",
    ]
    with pytest.raises(ValueError, match="'anyone' is not a word for parties"):
        party_words("anyone", 2)


def test_states_and_republics_take_the_article() -> None:
    assert place_text("Republic of Korea") == "the Republic of Korea"
    assert place_text("State of Delaware") == "the State of Delaware"
    assert place_text("Germany") == "Germany"
    assert place_text("European Union") == "the European Union"
    assert place_text("the Netherlands") == "the Netherlands"


def _us_overlay(tmp_path: Path, numbers: str | None = "words_and_digits") -> Path:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    lines = ["style:", "  language: en-US"]
    if numbers:
        lines.append(f"  numbers: {numbers}")
    write(overlay, "library.yaml", "\n".join(lines) + "\n")
    return overlay


def test_an_overlay_sets_one_key_and_keeps_the_rest(tmp_path: Path) -> None:
    library = load_library(library_layers([_us_overlay(tmp_path, numbers=None)], {}))
    assert library.style == HouseStyle("en-US", "digits")


def _language(data: bytes) -> str | None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    return None if lang is None else lang.get(f"{W}val")


def test_the_drafts_follow_the_house_style_of_the_last_layer(tmp_path: Path) -> None:
    library = load_library(library_layers([_us_overlay(tmp_path)], {}))
    run = DealRun.from_file(BATTERY, library)
    text = "\n".join(
        paragraph.text
        for rendered in run.documents()
        for paragraph in word(rendered.data).paragraphs
    )
    assert "takes effect on June 1, 2027" in text
    assert "by giving ninety (90) days' notice" in text
    assert "Nameplate capacity not demonstrated by June 30, 2031." in text
    assert "within five (5) working days" in text
    assert {_language(rendered.data) for rendered in run.documents()} == {"en-US"}


def test_the_built_in_style_marks_the_drafts_british() -> None:
    run = DealRun.from_file(BATTERY, builtin_library())
    assert {_language(rendered.data) for rendered in run.documents()} == {"en-GB"}
    assert run.draft.style.language == "en-GB"
