"""Open points no finding names: every [●] of a draft is explained by a finding, or by an
answer left open on purpose, or is reported by clause."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from termgen.answers.read import read_answers
from termgen.answers.write import dump_answers
from termgen.library.folders import library_layers
from termgen.library.load import load_library
from termgen.library.sections import DOCUMENTS
from termgen.model import Deal
from termgen.pipeline import DealRun
from termgen.templating.missing import PLACEHOLDER

from ..conftest import EXAMPLES, EXAMPLES_DIR, run_cli
from ..docx_reading import W, builtin_library, write

UNEXPLAINED = "draft.open_points"


def _battery() -> dict[str, Any]:
    return copy.deepcopy(read_answers(EXAMPLES_DIR / "battery-jv.yaml")[0])


def _unexplained(data: dict[str, Any], library: Any = None) -> dict[str, tuple[str, str]]:
    run = DealRun(Deal.model_validate(data), library or builtin_library())
    return {
        f.clause or "": (".".join(map(str, f.path)), f.message)
        for f in run.findings
        if f.provision == UNEXPLAINED
    }


def _without_company_basics(data: dict[str, Any]) -> dict[str, Any]:
    company = data["company"]
    data["company"] = {key: company[key] for key in ("reserved_matters", "officers")}
    return data


def test_a_company_without_its_basics_names_every_clause_left_with_open_points() -> None:
    found = _unexplained(_without_company_basics(_battery()))
    assert {clause: path for clause, (path, _) in found.items()} == {
        "2.2": "company.name",
        "7.1": "company.share_capital",
        "7.2": "company.board",
        "7.5": "company.dividends.payout_percent",
        "7.6": "company.funding.call_period",
        "8.1": "company.transfers",
        "8.2": "company.deadlock",
    }
    assert found["7.2"][1].startswith(
        "clause 7.2 (The Board) shows 3 open points ([●]) that no other point"
    )
    assert found["7.5"][1].startswith("clause 7.5 (Dividend policy) shows an open point ([●])")


def test_the_finding_points_at_the_line_and_reaches_json_and_exit_status(tmp_path: Path) -> None:
    data = _battery()
    del data["company"]["dividends"]
    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    result = run_cli("check", answers, "--json")
    assert result.status == 0, result.err
    findings = json.loads(result.out)["findings"]
    assert [(f["id"], f["clause"], f["path"], f["severity"]) for f in findings] == [
        (UNEXPLAINED, "7.5", "company.dividends.payout_percent", "warning")
    ]
    assert findings[0]["line"] is not None
    assert run_cli("check", answers, "--strict").status == 0  # a warning, not blocking


def test_the_word_comment_sits_on_the_open_point_it_explains(tmp_path: Path) -> None:
    data = _battery()
    del data["company"]["dividends"]
    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    assert run_cli("draft", answers, "-o", tmp_path / "out").status == 0
    sheet = next((tmp_path / "out").glob("*term-sheet*.docx")).read_bytes()
    with zipfile.ZipFile(io.BytesIO(sheet)) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        comments = etree.fromstring(package.read("word/comments.xml"))
    texts = ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in comments.iter(f"{W}comment")]
    assert len(texts) == 1
    assert texts[0].startswith("WARNING: Open points not otherwise explained. Clause 7.5 (Dividend")
    start = next(body.iter(f"{W}commentRangeStart"))
    commented = start.getnext()
    assert "".join(t.text or "" for t in commented.iter(f"{W}t")) == "[●]"


def test_it_says_how_to_leave_the_open_point_open_and_that_way_settles_it(tmp_path: Path) -> None:
    data = _battery()
    del data["company"]["dividends"]
    _, message = _unexplained(data)["7.5"]
    # In the interview's terms: the finding names the question, and the file's line for those
    # who edit it; no answer-file path.
    assert message.endswith(
        "give the answer it needs, or choose '(leave open)' at its question to keep it open"
    )
    assert "left_open" not in message and "company.dividends" not in message
    data["left_open"] = ["company.dividends.payout_percent"]  # done as the finding says
    answers = write(tmp_path, "deal.yaml", dump_answers(data))
    found = json.loads(run_cli("check", answers, "--json").out)["findings"]
    assert [(f["id"], f["path"]) for f in found] == [
        ("answers.left_open", "company.dividends.payout_percent")
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_no_example_has_an_open_point_no_finding_names(example: Path) -> None:
    data = read_answers(example)[0]
    assert _unexplained(data) == {}


def test_an_answer_left_open_on_purpose_explains_its_open_points() -> None:
    data = _battery()
    del data["parties"][1]["legal_name"]
    del data["deal"]["governing_law"]
    data["left_open"] = ["parties.1.legal_name", "deal.governing_law"]
    assert _unexplained(data) == {}
    run = DealRun(Deal.model_validate(data), builtin_library())
    assert {f.provision for f in run.findings} == {"answers.left_open"}


def test_a_counsel_clause_that_prints_an_open_point_is_named(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    (overlay / "general").mkdir(parents=True)
    write(
        overlay / "general",
        "insurance.yaml",
        "id: general.insurance\ntitle: Insurance\nelement: general\nsection: timetable\n"
        "order: 90\ntext:\n  preferred: |\n"
        "    The JV insures the plant of {{ company.name }} for {{ none }}.\n"
        'version: "1.0"\n',
    )
    library = load_library(library_layers([overlay], {}))
    found = _unexplained(_battery(), library)
    assert list(found) == ["16.4"]
    path, message = found["16.4"]
    assert path == "company.name"  # the only answer it reads
    assert message.startswith("clause 16.4 (Insurance) shows an open point ([●])")


def test_counsel_can_switch_the_check_off(tmp_path: Path) -> None:
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    write(
        overlay,
        "provisions.yaml",
        f"- id: {UNEXPLAINED}\n  label: Open points\n  why: Not for us.\n  severity: warning\n"
        "  clause: false\n  expected: 'false'\n  check: unexplained_open_points\n",
    )
    library = load_library(library_layers([overlay], {}))
    assert _unexplained(_without_company_basics(_battery()), library) == {}


def test_a_clause_is_found_by_its_own_id_before_one_that_provides_that_id() -> None:
    run = DealRun(Deal.model_validate(_battery()), builtin_library())
    deadlock = run.outline.clause_for("exit.trigger.deadlock")
    assert deadlock is not None
    assert deadlock.id == "exit.trigger.deadlock"
    assert "exit.trigger.deadlock" in run.outline.clause_for("company.deadlock").provides  # type: ignore[union-attr]


def test_the_finding_names_the_one_answer_the_clause_prints_without_it() -> None:
    data = _battery()
    del data["company"]["funding"]["call_period"]
    found = _unexplained(data)
    assert {clause: path for clause, (path, _) in found.items()} == {
        "7.6": "company.funding.call_period"
    }


@pytest.mark.parametrize("mechanism", ["texas_shoot_out", "russian_roulette"])
def test_the_open_point_is_the_answer_printed_in_the_branch_the_deal_takes(
    mechanism: str,
) -> None:
    """The response period is the [●] of a shoot-out without one, not the call holder a put
    and call would print: settling the finding asks that question, not the mechanism."""
    data = _battery()
    data["company"]["deadlock"]["mechanism"] = mechanism
    del data["company"]["deadlock"]["response_period"]
    assert _unexplained(data)["8.2"][0] == "company.deadlock.response_period"


def _software_deal_of_a_first_interview() -> dict[str, Any]:
    """The software example as a first interview left it: no field of use, no functions, and
    what is out of scope and how exclusive the licences are left open."""
    data = copy.deepcopy(read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0])
    del data["goals"]["licensing"]
    for field in ("functions", "excluded"):
        del data["goals"]["scope"][field]
    data["goals"]["licensing"] = {"royalty_free": True}
    data["left_open"] = ["goals.scope.excluded", "goals.licensing.grant"]
    return data


def _open_points_and_comments(data: dict[str, Any]) -> tuple[list[str], list[str]]:
    """In the term sheet and the annex: each clause (by heading) showing a [●] that no comment
    sits on, and each comment promising a [●] that sits on none."""
    run = DealRun(Deal.model_validate(data), builtin_library())
    unnamed, misplaced = [], []
    for document in run.documents(kinds=DOCUMENTS):
        with zipfile.ZipFile(io.BytesIO(document.data)) as package:
            body = etree.fromstring(package.read("word/document.xml"))
            names = package.namelist()
            comments = (
                etree.fromstring(package.read("word/comments.xml"))
                if "word/comments.xml" in names
                else None
            )
        said = {
            c.get(f"{W}id"): "".join(t.text or "" for t in c.iter(f"{W}t"))
            for c in ([] if comments is None else comments.iter(f"{W}comment"))
        }
        heading, open_ranges = "", set()
        shown: dict[str, bool] = {}  # clause heading -> a comment sits on one of its [●]
        on_a_point: set[str] = set()
        for node in body.iter(
            f"{W}pStyle", f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"
        ):
            if node.tag == f"{W}pStyle" and node.get(f"{W}val", "").startswith("Heading"):
                heading = "".join(t.text or "" for t in node.getparent().getparent().iter(f"{W}t"))
            elif node.tag == f"{W}commentRangeStart":
                open_ranges.add(node.get(f"{W}id"))
            elif node.tag == f"{W}commentRangeEnd":
                open_ranges.discard(node.get(f"{W}id"))
            elif node.tag == f"{W}t" and node.text == PLACEHOLDER:
                shown[heading] = shown.get(heading, False) or bool(open_ranges)
                on_a_point |= open_ranges
        unnamed += [f"{document.kind}: {h}" for h, named in shown.items() if not named]
        misplaced += [
            text
            for number, text in said.items()
            if ("[●] in the draft" in text or "open point" in text) and number not in on_a_point
        ]
    return unnamed, misplaced


@pytest.mark.parametrize(
    "deal",
    [*EXAMPLES, "first-interview"],
    ids=[*(p.stem for p in EXAMPLES), "first-interview"],
)
def test_every_open_point_of_a_draft_is_named_and_every_named_one_is_in_the_draft(
    deal: Path | str,
) -> None:
    data = (
        _software_deal_of_a_first_interview()
        if deal == "first-interview"
        else read_answers(Path(deal))[0]
    )
    assert _open_points_and_comments(data) == ([], [])


def test_a_finding_on_an_answer_a_clause_prints_only_when_given_explains_none_of_its_points() -> (
    None
):
    """No regions: the licence clause leaves them out, so its [●] (field of use, licence
    kind) are still to be named, by the clause."""
    data = copy.deepcopy(read_answers(EXAMPLES_DIR / "sdv-software.yaml")[0])
    del data["goals"]["licensing"]
    del data["goals"]["scope"]["regions"]
    assert _unexplained(data)["10.2"][0] == "goals.licensing.field_of_use"
