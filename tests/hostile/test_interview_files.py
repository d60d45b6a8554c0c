"""Answer files the interview goes on from (`--resume`, `--answers`) that are damaged: each is
one located message with exit 2 or an interview that goes on, never a traceback, and the file
is left as it was."""

from __future__ import annotations

from pathlib import Path

from termgen.interview.data import LEFT_OPEN, with_open_marks

from ..conftest import EXAMPLES_DIR
from .bounded import termgen

BATTERY = (EXAMPLES_DIR / "battery-jv.yaml").read_text(encoding="utf-8")


def test_a_mark_left_open_past_the_end_of_a_list_adds_no_entries(tmp_path: Path) -> None:
    target = tmp_path / "deal.yaml"
    target.write_text(
        BATTERY + f"{LEFT_OPEN}: [parties.20000000.signatory.name]\n", encoding="utf-8"
    )
    run = termgen("interview", "--answers", target, "--no-input", "-o", tmp_path / "new.yaml")
    run.assert_bounded()
    assert run.status == 0, run.err


def test_a_mark_left_open_below_an_answer_leaves_the_answer() -> None:
    data = {"deal": {"name": "Project Volta"}, "parties": [{"short_name": "NAW"}]}
    marked = with_open_marks(
        {**data, LEFT_OPEN: ["deal.name.x", "parties.3.role", "parties.0.short_name.y"]}
    )
    assert marked == data
