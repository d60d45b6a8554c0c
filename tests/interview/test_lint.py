"""The interview definition: the built-in one reaches the whole deal; the lint finds planted defects."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

from pydantic import BaseModel

from termgen.interview.spec import STRUCTURE, Group, for_purpose, load_spec
from termgen.model import Deal
from termgen.model.common import Duration, Money, Quantity
from termgen.model.meta import Purpose, Structure
from termgen.model.paths import shape_of

from ..conftest import ROOT, run_cli

BAD = ROOT / "tests" / "fixtures" / "interviews" / "bad.yaml"
ANSWERED_AS_ONE = (Duration, Money, Quantity)
NOT_ASKED = {
    # Which fallback position to use for a clause is a negotiation choice made in the answer
    # file once counsel has read the draft, not an interview question.
    "positions",
    # Answers left open, lists finished with none, and the list an interview paused at are
    # recorded by the interview itself.
    "left_open",
    "strengths.none_of",
    "strengths.open_of",
    "paused_at",
}

PLANTED = [
    (
        "6:23",
        "default for 'deal.structure': 'joint_adventure' is not one of the choices, "
        "did you mean 'equity_joint_venture'?",
    ),
    ("7:30", "no question or list asks 'exit.valuation.method'"),
    ("8:14", "two presets for 'electrification'"),
    ("14:15", "'deal.nmae' is not a field of the deal, did you mean 'deal.name'?"),
    ("18:15", "type 'integer' does not fit 'exit.renewal.notice'; use 'duration'"),
    ("23", "condition: template syntax: unexpected 'end of template'"),
    ("27", "condition: 'notcie' is not a field of a renewal, did you mean 'notice'?"),
    ("28:13", "the id 'deal.purpose' is used twice"),
    ("33:15", "type 'party' does not fit 'deal.version'; use 'text'"),
    ("38", "condition: refused: '__class__' reaches into Python internals"),
    ("38", "condition: refused: '__mro__' reaches into Python internals"),
    ("43:15", "'deal.name' is not a list of entries in the deal model"),
    ("56:14", "max is smaller than min"),
    ("58:19", "'colour' is not a field of a party"),
    ("59:18", "'strengths.phases' is not a list in the deal model that can hold blue"),
    ("60", "summary: 'shrt_name' is not a field of a party, did you mean 'short_name'?"),
    ("65:19", "only a whole-number question counts in a unit"),
    (
        "67:28",
        "only a typed answer or a choice that is not required may be empty, and so mean none",
    ),
]


def _leaves(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every path an answer can fill, lists of entries written as 'path[]'."""
    for name, field in model.model_fields.items():
        path = f"{prefix}{name}"
        shape = shape_of(field.annotation)
        if shape.kind == "model" and shape.model not in ANSWERED_AS_ONE:
            assert shape.model is not None
            yield from _leaves(shape.model, f"{path}.")
        elif shape.kind == "list" and shape_of(shape.item).kind == "model":
            item = shape_of(shape.item).model
            assert item is not None
            yield from _leaves(item, f"{path}[].")
        else:
            yield path


def _asked() -> set[str]:
    """Every path the built-in interview fills, by a question or a group's fixed value."""
    asked: set[str] = set()
    for section in load_spec()[0].sections:
        for item in section.items:
            if isinstance(item, Group):
                asked.update(f"{item.path}[].{q.path}" for q in item.questions)
                asked.update(f"{item.path}[].{key}" for key in item.fixed)
            else:
                asked.add(item.path)
    return asked


def test_every_field_of_the_deal_is_reached_by_some_question() -> None:
    leaves = [path for path in _leaves(Deal) if not {path, path.split(".")[0]} & NOT_ASKED]
    assert len(leaves) > 100
    asked = _asked()
    unreached = [path for path in leaves if path not in asked]
    assert unreached == []


def test_the_built_in_interview_is_clean() -> None:
    result = run_cli("interview", "--lint")
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith("interview definition OK:")


def test_the_lint_finds_every_planted_defect_at_its_line() -> None:
    result = run_cli("interview", "--spec", BAD, "--lint")
    assert result.status == 2
    *problems, total = result.err.splitlines()
    found = [line.removeprefix(f"{BAD}:") for line in problems]
    assert len(found) == len(PLANTED)
    for (where, message), line in zip(PLANTED, found, strict=True):
        assert line.startswith(f"{where}: {message}"), line
    assert total == f"{len(PLANTED)} problem(s) in the interview definition {BAD}"


def test_an_interview_with_problems_does_not_start(tmp_path) -> None:
    answers = tmp_path / "deal.yaml"
    result = run_cli("interview", "--spec", BAD, "-o", answers)
    assert result.status == 2
    assert "'deal.nmae' is not a field of the deal" in result.err
    assert not answers.exists()


def test_a_spec_that_is_not_an_interview_gets_one_message(tmp_path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("title: T\nsections:\n  - id: s\n    title: S\n    itmes: []\n")
    result = run_cli("interview", "--spec", spec, "--lint")
    assert result.status == 2
    assert result.err == f"{spec}:5:5: sections #1: unknown key 'itmes', did you mean 'items'?\n"


def test_no_text_a_deal_other_than_a_joint_venture_sees_speaks_of_a_joint_venture() -> None:
    spec = load_spec()[0]
    venture = re.compile(r"\bJVs?\b|joint.venture", re.IGNORECASE)
    only_for_a_venture = "deal.structure == 'equity_joint_venture'"
    for purpose in get_args(Purpose):
        shown: list[str] = []
        for section in spec.sections:
            for item in section.items:
                if item.path == STRUCTURE or item.when == only_for_a_venture:
                    continue  # the choice of the structure, or asked of a JV only
                questions = item.questions if isinstance(item, Group) else [item]
                shown += [for_purpose(item.help, purpose) or ""]
                shown += [for_purpose(q.help, purpose) or "" for q in questions]
                shown += [
                    q.example_for(purpose, entry) or ""
                    for q in questions
                    for entry in range(len(q.example) if isinstance(q.example, list) else 1)
                ]
        for structure in set(get_args(Structure)) - {"equity_joint_venture"}:
            preset = spec.preset(purpose, structure)
            suggested = dict(preset.defaults if preset else {})
            suggested.pop(STRUCTURE, None)
            shown.append(str(suggested))
        assert not [text for text in shown if venture.search(text)], purpose


def test_a_preset_key_under_its_old_name_is_read_with_the_new_and_rewritten(tmp_path: Path) -> None:
    builtin = (ROOT / "interviews" / "partnership.yaml").read_text(encoding="utf-8")
    old = builtin.replace("before_the_notice_deadline:", "'before_the_term_ends':")
    assert old != builtin
    copied = tmp_path / "counsel.yaml"
    copied.write_text(old, encoding="utf-8")
    assert load_spec(copied)[0].presets == load_spec()[0].presets
    line = old[: old.index("'before_the_term_ends'")].count("\n") + 1
    linted = run_cli("interview", "--lint", "--spec", copied)
    assert (linted.status, linted.out.strip()) == (0, f"interview definition OK: {copied}")
    assert linted.err.startswith(
        f"{copied}:{line}: 'before_the_term_ends' is now 'before_the_notice_deadline' and was "
        "rewritten so"
    )
    assert copied.read_text(encoding="utf-8") == builtin.replace(
        "before_the_notice_deadline:", "'before_the_notice_deadline':"
    )
    assert run_cli("interview", "--lint", "--spec", copied).err == ""


def test_a_preset_key_under_both_its_names_is_refused_at_its_line(tmp_path: Path) -> None:
    builtin = (ROOT / "interviews" / "partnership.yaml").read_text(encoding="utf-8")
    both = builtin.replace(
        "    before_the_notice_deadline:\n",
        "    before_the_term_ends:\n      Review before renewal: 3 months\n"
        "    before_the_notice_deadline:\n",
    )
    copied = tmp_path / "counsel.yaml"
    copied.write_text(both, encoding="utf-8")
    refused = run_cli("interview", "--lint", "--spec", copied)
    line = both.index("before_the_term_ends")
    assert refused.status == 2
    assert refused.err.startswith(f"{copied}:{both[:line].count(chr(10)) + 1}")
    assert "'before_the_term_ends' is the old name of 'before_the_notice_deadline'" in refused.err
    assert "Traceback" not in refused.err and copied.read_text(encoding="utf-8") == both


def test_the_liability_questions_are_asked_apart_from_the_strategic_goals() -> None:
    # A lawyer reads liability as a section of its own, not as one of the strategic goals.
    sections = {
        section.title: [item.path for item in section.items] for section in load_spec()[0].sections
    }
    assert not [path for path in sections["Shared strategic goals"] if "liability" in path]
    assert sections["Liability and insurance"] == [
        "goals.liability.cap",
        "goals.liability.recall",
        "goals.liability.insurance",
        "goals.liability.permit_holder",
    ]
