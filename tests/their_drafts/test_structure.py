"""Reading structure: clause headings, defined terms and form lines, and what they settle."""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import get_args

import docx

from termgen.library.folders import library_layers
from termgen.library.load import load_provisions
from termgen.library.provisions import Provision
from termgen.their_drafts.detect import cue_matches, detect
from termgen.their_drafts.extract import Block, Extracted, extract
from termgen.their_drafts.scorer import (
    PROVISIONS,
    CueHits,
    Reading,
    Rule,
    Weights,
    _grams,
    cue_feature,
    load_model,
    rows,
)
from termgen.their_drafts.structure import definitions, headings, uses, with_definitions
from termgen.their_drafts.text import Sentence, sentences


def _sentences(*paragraphs: str) -> list[Sentence]:
    blocks = tuple(Block(text, paragraph=number) for number, text in enumerate(paragraphs, 1))
    return sentences(Extracted(Path("x.txt"), "txt", blocks))


def test_each_sentence_knows_the_heading_of_its_clause() -> None:
    found = _sentences(
        "Recitals.",
        "10. Term and Termination. Either party may end this Agreement.",
        "It shall give notice.",
        "CONFIDENTIALITY",
        "Each party keeps secrets.",
    )
    assert [sentence.text for sentence in found][:3] == [
        "Recitals.",
        "10.",
        "Term and Termination.",
    ]
    assert headings(found) == [
        "Recitals",
        "Recitals",
        "Term and Termination",
        "Term and Termination",
        "Term and Termination",
        "CONFIDENTIALITY",
        "CONFIDENTIALITY",
    ]


def test_defined_terms_come_from_definitions_brackets_and_form_lines() -> None:
    found = _sentences(
        '"Subscription Period" means twelve (12) months from the Order Date.',
        'This agreement (the "Agreement") is made between A and B (each a "Party").',
        "Initial Term: 36 months",
    )
    defined = definitions(found)
    assert defined["Subscription Period"].startswith('"Subscription Period" means twelve')
    assert set(defined) == {"Subscription Period", "Agreement", "Party", "Initial Term"}
    used = uses(defined)
    assert used is not None
    text = "The Party renews each Subscription Period and the Initial Term."
    assert [match.group(0) for match in used.finditer(text)] == [
        "Subscription Period",
        "Initial Term",
    ]


def _term() -> Provision:
    provisions = load_provisions(library_layers([], {}))
    return next(entry.record for entry in provisions.values() if entry.record.id == "term.initial")


def _term_status(*paragraphs: str) -> str:
    (detection,) = detect(_sentences(*paragraphs), [_term()])
    return detection.status


def test_a_term_stated_on_a_form_line_is_found_and_an_evergreen_one_is_no_term_cue() -> None:
    cover = (
        "ORDER FORM",
        "Customer: Castellan Motor Company",
        "Subscription Term: 36 months from the Start Date",
        "This Agreement between the parties shall continue for the Subscription Term.",
    )
    evergreen = (
        "This Agreement between the parties shall continue in force until terminated by "
        "either party on ninety (90) days' written notice.",
    )
    assert _term_status(*cover) == "present"
    # In Word, the title stands alone, and so does each form line; the sentence that uses the
    # term is read with its definition on the form line, and settles the term with it.
    blocks = tuple(Block(text, paragraph=number) for number, text in enumerate(cover, 1))
    read = sentences(Extracted(Path("x.docx"), "docx", blocks))
    assert [sentence.text for sentence in read] == list(cover)
    assert definitions(read)["Subscription Term"] == cover[2]
    assert cue_matches(read, _term()).present == {2, 3}
    assert with_definitions(read) == ([3], [f"{cover[3]} {cover[2]}"])
    # Without a length, the term it uses settles nothing.
    undefined = read[1:2] + read[3:]
    assert cue_matches(undefined, _term()).present == set()
    # CUAD counts a term "until terminated" as an expiration clause, so the fitted scorer
    # may still call it present; counsel's cues do not.
    assert cue_matches(_sentences(*evergreen), _term()) == CueHits()


def test_a_term_defined_by_its_length_is_a_term_and_one_until_terminated_is_not() -> None:
    assert (
        _term_status('"Term" means the period of three (3) years from the Effective Date.')
        == "present"
    )
    evergreen = '"Term" means the period from the Effective Date until terminated by either party.'
    assert _term_status(evergreen) == "missing"
    # Read where it is used, a term that runs until terminated is still none.
    assert _term_status(evergreen, "This Agreement remains in effect for the Term.") == "missing"
    assert (
        _term_status(
            '"Term" means the period of three (3) years from the Effective Date.',
            "This Agreement remains in effect for the Term.",
        )
        == "present"
    )


def test_the_shipped_scorer_covers_the_six_provisions() -> None:
    model = load_model()
    assert model.version == "1"
    assert set(model.provisions) == set(PROVISIONS)
    for weights in model.provisions.values():
        assert len(weights.weights) == 1 << 16
        assert weights.rule in get_args(Rule)
        assert 0.0 <= weights.threshold <= 1.01
        assert any(weights.weights)


def test_under_the_rule_one_the_cue_and_the_score_must_meet_in_one_sentence() -> None:
    """A cue in one clause and a high score in another (a table of contents) settle the
    provision under "both", not under "one"."""

    def settles(rule: Rule, best: float, best_cued: float | None) -> bool:
        return Weights(array("b", [0]), 1.0, 0.0, 0.5, rule).settles(best, best_cued)

    assert settles("both", 0.9, 0.1) and not settles("one", 0.9, 0.1)
    assert settles("one", 0.9, 0.6) and settles("both", 0.9, 0.6)
    assert not settles("one", 0.9, None) and not settles("both", 0.9, None)


def test_each_present_cue_that_matches_is_a_feature_of_its_own() -> None:
    """Besides "C:present", every matching cue adds its own feature, so the fit can learn
    which cues labelled agreements bear out; an edited cue is another feature."""
    provisions = load_provisions(library_layers([], {}))
    convenience = next(
        entry.record
        for entry in provisions.values()
        if entry.record.id == "exit.trigger.convenience"
    )
    found = _sentences(
        "Either party may terminate this Agreement for convenience at any time upon thirty "
        "(30) days' written notice to the other party."
    )
    cued = cue_matches(found, convenience)
    assert cued.present == {0}
    own = cued.cues[0]
    assert len(own) >= 2 and len(set(own)) == len(own)
    ((index, features),) = rows(Reading(found), "exit.trigger.convenience", cued)
    assert index == 0 and set(own) <= set(features)
    assert cue_feature(("\\bterminat",)) != cue_feature(("\\bterminat", "\\bbreach"))
    assert cue_matches(_sentences("The weather was fine."), convenience).cues == {}


def test_weighing_ahead_scores_as_the_rows_do() -> None:
    """Features weighed before the cues' hits are known (at once, or a few sentences at a time
    in any order), then the cues' weights added, give each row the score its features give;
    and detection on both cores the same verdicts."""
    agreement = next((Path(__file__).parents[1] / "fixtures" / "cuad" / "contracts").glob("*.pdf"))
    found = sentences(extract(agreement))
    model = load_model()
    provisions = [entry.record for entry in load_provisions(library_layers([], {})).values()]
    ahead = Reading(found)
    ahead.read(model.provisions)
    in_parts = Reading(found)
    runs = [set(range(start, start + 7)) for start in range(0, len(found), 7)]
    in_parts.take(*(in_parts.weighed(model.provisions, run) for run in reversed(runs)))
    for provision, weights in model.provisions.items():
        cued = cue_matches(found, next(p for p in provisions if p.id == provision))
        by_rows = sorted(
            (
                (weights.score(features), index)
                for index, features in rows(Reading(found), provision, cued)
            ),
            reverse=True,
        )
        assert ahead.scored(provision, weights, cued) == by_rows
        assert Reading(found).scored(provision, weights, cued) == by_rows
        assert in_parts.scored(provision, weights, cued) == by_rows
    assert detect(found, provisions, both_cores=True) == detect(found, provisions)


def test_word_paragraphs_after_one_ending_as_follows_are_its_rows() -> None:
    paragraphs = (
        "Shared assets on exit",
        "On exit, each class of shared asset is treated as follows:",
        "Design (foreground IP): Jointly owned; each party may use it.",
        "Series tooling (tooling): [\u25cf]",
        "Buy-out price",
        "The price is the fair market value.",
    )
    blocks = tuple(Block(text, paragraph=number) for number, text in enumerate(paragraphs, 1))
    read = sentences(Extracted(Path("x.docx"), "docx", blocks))
    lead_in = "On exit, each class of shared asset is treated as follows:"
    assert [(s.text, s.lead_in) for s in read] == [
        ("Shared assets on exit", ""),
        (lead_in, ""),
        ("Design (foreground IP): Jointly owned; each party may use it.", lead_in),
        ("Series tooling (tooling): [\u25cf]", lead_in),
        ("Buy-out price", ""),
        ("The price is the fair market value.", ""),
    ]
    assert headings(read) == [
        "Shared assets on exit",
        *["Shared assets on exit"] * 3,
        "Buy-out price",
        "Buy-out price",
    ]


def test_a_page_or_a_text_line_ending_in_a_colon_does_not_end_a_sentence() -> None:
    pages = ("The parties agree as follows:", "The Term is five years.")
    blocks = tuple(Block(text, page=number) for number, text in enumerate(pages, 1))
    read = sentences(Extracted(Path("x.pdf"), "pdf", blocks))
    assert [s.text for s in read] == ["The parties agree as follows:\nThe Term is five years."]
    assert [s.text for s in _sentences(*pages)] == [s.text for s in read]


def _word(folder: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = folder / "theirs.docx"
    document.save(str(path))
    return path


def test_a_word_title_in_sentence_case_is_a_heading_and_no_part_of_the_next_sentence(
    tmp_path: Path,
) -> None:
    path = _word(
        tmp_path,
        "Term and termination",
        "This Agreement commences on the Effective Date and continues for three years.",
        "12. Survival",
        "Sections 4 and 5 survive.",
        "Supply after the end.",
        "The Supplier keeps spare parts for ten years.",
    )
    read = sentences(extract(path))
    assert [(s.text, s.heading) for s in read] == [
        ("Term and termination", True),
        ("This Agreement commences on the Effective Date and continues for three years.", False),
        ("12.", True),
        ("Survival", True),
        ("Sections 4 and 5 survive.", False),
        ("Supply after the end.", False),
        ("The Supplier keeps spare parts for ten years.", False),
    ]
    assert headings(read) == [
        "Term and termination",
        "Term and termination",
        "Term and termination",
        "Survival",
        "Survival",
        "Survival",
        "Survival",
    ]


def test_a_short_paragraph_that_goes_on_or_follows_an_open_sentence_is_no_title() -> None:
    found = _sentences(
        "The Supplier shall",
        "keep stock for the Term.",
        "Either party may end this Agreement on notice to the",
        "Other Party",
        "Spare parts",
    )
    assert [(s.text, s.heading) for s in found] == [
        ("The Supplier shall\nkeep stock for the Term.", False),
        ("Either party may end this Agreement on notice to the\nOther Party\nSpare parts", False),
    ]
    assert headings(found) == ["", ""]


def test_a_redaction_mark_counts_once_however_many_stars_and_times() -> None:
    """The fit sees a feature n times as log(1 + n), a scored sentence n times its weight: a
    sentence redacted in ten places would weigh its redactions ten times."""
    redacted = _grams("", "for [***] years, or [*****] months, at [*] per unit", pairs=False)
    assert redacted.count(_grams("", "*", pairs=False)[0]) == 1
    assert len(redacted) == len(_grams("", "for years, or months, at per unit *", pairs=False))


def test_a_redaction_mark_before_a_numbered_heading_ends_the_sentence() -> None:
    """The redacted words took the full stop: "... responsible for: [* * *] Article 7 ..." is
    two sentences, so the next clause is not read as part of the one before."""
    page = (
        "Customer may terminate any Scope of Work on notice, in which case Customer shall be "
        "responsible for: [* * *] Article 7 Shipment of Product 7.1 Storage of Product Supplier "
        "shall store the Product. The fee is [***] 6.5 Material Failure of Supply If Supplier "
        "fails to supply at least [***] of the units, Customer may terminate."
    )
    read = sentences(Extracted(Path("x.pdf"), "pdf", (Block(page, page=1),)))
    assert [s.text[:30] for s in read] == [
        "Customer may terminate any Sco",
        "Article 7 Shipment of Product ",
        "The fee is [***]",
        "6.5 Material Failure of Supply",
    ]
    # A redaction inside a sentence, or before a number that is no heading, ends nothing.
    inside = "The price is [***] 2.5 times the cost. Section [***] 3 applies."
    assert len(_sentences(inside)) == 2


def test_a_cue_in_the_sentence_before_or_after_is_a_feature_of_the_sentence() -> None:
    """ "Upon such termination, X shall continue to supply" after the sentence a cue matches
    borrows its context: whether a `present` cue matches the sentence before, or the one
    after, is a feature of its own, in the rows the fit sees and in the score alike."""
    found = _sentences(
        "The Supplier shall deliver the Products monthly after each order.",
        "Upon termination of this Agreement, the Supplier shall continue to supply the Products.",
        "Upon such termination, the Supplier shall continue to supply spare parts for two years.",
        "The Buyer shall pay within thirty days after delivery.",
    )
    cued = CueHits(present={1})
    by_index = dict(rows(Reading(found), "exit.survival", cued))
    before, after = _grams("N:", "before", pairs=False), _grams("N:", "after", pairs=False)
    assert set(after) <= set(by_index[0]) and not set(before) & set(by_index[0])
    assert set(before) <= set(by_index[2]) and not set(after) & set(by_index[2])
    assert not set(before + after) & set(by_index[1]) and not set(before + after) & set(by_index[3])
    steps = array("b", bytes(1 << 16))
    steps[before[0]] = 100
    weights = Weights(steps, 0.01, 0.0, 0.5)
    scored = {
        index: score for score, index in Reading(found).scored("exit.survival", weights, cued)
    }
    assert scored[2] == weights.probability(100) and scored[0] == scored[3] == 0.5
