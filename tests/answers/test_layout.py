"""Rewriting answer files: what the author wrote around the answers survives every save."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from termgen.answers.layout import Writer, read_layout
from termgen.answers.read import read_answers
from termgen.answers.schema import SCHEMA_HINT
from termgen.answers.write import AnswerFile

from ..conftest import EXAMPLES, EXAMPLES_DIR

ANNOTATED = """\
# Project Volta, as agreed on 3 March -- keep this note
deal:
  name: Project Volta   # the code name, not the JV's name
  purpose: electrification

  # the parties' registered names are checked by counsel
parties:
  - short_name: NAW
    legal_name: "Nordhafen AG"
  - short_name: KSC
goals:
  scope:
    regions: [Europe, North America]
  objectives:
    - statement: >-
        Start series production
        of cells.
      owner: joint
exit:
  renewal:
    type: automatic
    period: 5 years   # as in the LOI
    notice: 12 months
# end of the answers
"""


def _rewritten(tmp_path: Path, text: str, change: Any) -> tuple[str, dict[str, Any]]:
    original = tmp_path / "deal.yaml"
    original.write_text(text, encoding="utf-8")
    data, _ = read_answers(original)
    changed = copy.deepcopy(data)
    change(changed)
    answer_file = AnswerFile.open(original, original)
    answer_file.save(changed)
    answer_file.close()
    return original.read_text(encoding="utf-8"), changed


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_an_unchanged_file_is_written_back_byte_for_byte(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    data, _ = read_answers(example)
    assert Writer(read_layout(text), SCHEMA_HINT).text(data) == text


def test_changes_keep_every_comment_and_go_where_the_model_puts_them(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["deal"]["governing_law"] = "England and Wales"
        data["deal"]["structure"] = "equity_joint_venture"
        data["exit"]["renewal"] = {"type": "none"}
        data["goals"]["scope"]["regions"] = ["Europe", "Asia"]
        data["parties"][1]["legal_name"] = "Kyungsan Cells Co., Ltd."
        data["parties"].append({"short_name": "THIRD", "legal_name": "Third: a 'party'"})
        data["goals"]["objectives"][0]["owner"] = "NAW"
        data["left_open"] = ["governance.disputes.seat"]

    text, changed = _rewritten(tmp_path, ANNOTATED, change)
    for comment in (
        "# Project Volta, as agreed on 3 March -- keep this note",
        "name: Project Volta   # the code name, not the JV's name",
        "  # the parties' registered names are checked by counsel",
        "# end of the answers",
    ):
        assert comment in text
    assert "# as in the LOI" not in text and "notice" not in text
    assert "  purpose: electrification\n  structure: equity_joint_venture\n" in text
    assert "governing_law: England and Wales\n" in text
    assert "regions: [Europe, Asia]" in text
    assert '    legal_name: "Nordhafen AG"' in text
    assert "      Start series production\n        of cells." in text
    reread, _ = read_answers(tmp_path / "deal.yaml")
    assert reread == changed


def test_a_new_file_is_written_in_the_models_order_with_its_header(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    answer_file = AnswerFile.open(None, target)
    data = {
        "parties": [{"short_name": "A"}, {"short_name": "B"}],
        "deal": {"purpose": "electrification", "name": "X", "date": dt.date(2027, 1, 2)},
        "exit": {"survival": [{"kind": "confidentiality", "description": "line one\nline two"}]},
    }
    answer_file.save(data)
    answer_file.close()
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"{SCHEMA_HINT}\ndeal:\n  name: X\n  date: 2027-01-02\n")
    assert "      description: |-\n        line one\n        line two\n" in text
    assert read_answers(target)[0] == data


_LEAVES = [
    ("deal", "governing_law"),
    ("parties", 0, "role"),
    ("goals", "objectives", 1, "measure", "target"),
    ("strengths", "contributions", 2, "tracking"),
    ("governance", "bodies", 0, "charter"),
    ("exit", "renewal", "notice"),
    ("exit", "valuation"),
    ("change", "review_points"),
    ("goals", "scope", "regions"),
]
_ANSWERABLE = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))
"""Characters an answer may hold: the model refuses control characters and unassigned ones."""
_VALUES = st.one_of(
    st.text(_ANSWERABLE, min_size=1, max_size=40).filter(
        lambda text: text.strip() == text and text.strip()
    ),
    st.integers(min_value=0, max_value=10**6),
    st.just("multi\nline text"),
    st.lists(st.sampled_from(["Europe", "Asia", "a: b", "#hash"]), min_size=1, max_size=3),
    st.none(),
)


@settings(max_examples=40, deadline=None)
@given(edits=st.lists(st.tuples(st.sampled_from(_LEAVES), _VALUES), min_size=1, max_size=6))
def test_any_series_of_saves_reads_back_as_the_answers(
    edits: list[tuple[tuple[str | int, ...], Any]],
) -> None:
    text = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")
    text = text.replace("deal:\n", "# hand-written note\ndeal:\n", 1)
    data, _ = read_answers(EXAMPLES_DIR / "battery-jv.yaml")
    writer = Writer(read_layout(text), SCHEMA_HINT)
    for path, value in edits:
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        if value is None:
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = value
        written = writer.text(data)
        assert "# hand-written note\ndeal:\n" in written
        reread = _read_text(written)
        assert reread == data


def _read_text(text: str) -> Any:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "deal.yaml"
        target.write_text(text, encoding="utf-8")
        return read_answers(target)[0]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_inside_an_answer_stays_one_on_a_save(separator: str) -> None:
    """YAML counts it as a line break, but it is part of the text: a save that changes
    another answer writes it back where it was, not as a new line."""
    text = (
        f'deal:\n  name: "Volta{separator}Two"   # the code name\n  purpose: electrification\n'
        "parties: []\n"
    )
    data = yaml.safe_load(text)
    data["deal"]["purpose"] = "software_codevelopment"
    saved = Writer(read_layout(text), SCHEMA_HINT).text(data)
    assert saved == text.replace("electrification", "software_codevelopment")
    assert yaml.safe_load(saved) == data
