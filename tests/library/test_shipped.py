"""The check results shipped for the built-in library: current, used only for the content they
were made from, and never used when damaged or made with other versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from termgen.cache import Cache, entry_key
from termgen.files.builtin import builtin
from termgen.library.lint import Linted, lint
from termgen.library.lint_templates import built_in_results
from termgen.library.shipped import (
    SHIPPED,
    Shipped,
    _checksum,
    encoded,
    made_with,
    read_shipped,
)

from ..conftest import ROOT

BUILT_IN = builtin("clause_library")
BAD_LIBRARY = ROOT / "tests" / "fixtures" / "bad_library"
TEXT_ISSUES = "clause template issues"


def test_the_shipped_results_are_what_the_checks_give_now() -> None:
    assert SHIPPED.parent == BUILT_IN
    recorded = json.loads(SHIPPED.read_bytes())["made with"]
    assert recorded == made_with(), (
        f"the shipped lint results were made with {recorded}, this environment has "
        f"{made_with()}: build it with `make` (constraints.txt), or ship the results again"
    )
    assert SHIPPED.read_bytes() == encoded(built_in_results(BUILT_IN)), (
        "the shipped lint results are stale: run scripts/ship_lint_results.py"
    )


def test_make_installs_the_versions_the_shipped_results_were_made_with() -> None:
    """A dependency released after the results were shipped must not reach a fresh clone's
    environment unnoticed: its checks would no longer be the shipped ones."""
    pinned = dict(
        line.split("==")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    recorded = json.loads(SHIPPED.read_bytes())["made with"]
    assert {name: pinned[name] for name in ("jinja2", "regex")} == {
        name: recorded[name] for name in ("jinja2", "regex")
    }


def _overlay(folder: Path) -> Path:
    """Counsel's folder touching the built-in library every way it can: a clause replaced
    with a defect, a copy of a built-in clause under a new id (the same texts), a clause
    disabled, a provision redefined with bad cues, and a provision and a section added."""
    (folder / "exit").mkdir(parents=True)
    assets = (BUILT_IN / "exit" / "assets.yaml").read_text(encoding="utf-8")
    copy = assets.replace("id: exit.assets", "id: counsel.assets-copy")
    (folder / "exit" / "assets-copy.yaml").write_text(copy, encoding="utf-8")
    costs = (BUILT_IN / "exit" / "costs.yaml").read_text(encoding="utf-8")
    replaced = costs.replace("exit.costs.details |", "exit.costs.detailz |")
    assert replaced != costs
    (folder / "exit" / "costs.yaml").write_text(replaced, encoding="utf-8")
    (folder / "exit" / "no-survival.yaml").write_text("id: exit.survival\ndisabled: true\n")
    (folder / "provisions.yaml").write_text(
        "- id: term.initial\n  label: Initial term\n  why: Redefined.\n  severity: blocking\n"
        "  section: term_exit\n  check: initial_term\n  fix: exit.term.initial\n"
        "  cues:\n    present:\n      - all:\n          - '(\\w+\\s?)+'\n"
        "          - '\\b(initial|original'\n"
        "- id: counsel.extra\n  label: Extra\n  why: Counsel's own.\n  severity: warning\n"
        "  section: extra\n  expression: exit.term.initial is not none\n"
        "  cues:\n    present:\n      - all: ['\\bextra\\b']\n"
    )
    (folder / "sections.yaml").write_text("- id: extra\n  document: term_sheet\n  heading: Extra\n")
    return folder


def _report(linted: Linted) -> tuple[int, list[str]]:
    return linted.clauses, [str(problem) for problem in linted.problems]


def test_an_overlay_is_linted_as_without_the_shipped_results(tmp_path: Path) -> None:
    """Replaced, copied and disabled clauses, redefined provisions: each reported as when
    every check runs."""
    layers = [BUILT_IN, _overlay(tmp_path / "overlay"), BAD_LIBRARY]
    shipped = _report(lint(layers))
    assert shipped == _report(lint(layers, shipped=tmp_path / "none.json"))
    problems = "\n".join(shipped[1])
    for expected in (
        "costs.yaml:13: 'detailz' is not a field of an exit costs",
        "provisions.yaml:11:13: a repetition inside an unbounded or long repetition",
        "provisions.yaml:12:13: not a valid regular expression",
        "unknown-field.yaml:8: 'notcie' is not a field of a renewal",
    ):
        assert expected in problems


def test_a_built_in_clause_edited_after_the_results_were_made_is_checked(
    tmp_path: Path,
) -> None:
    library = shutil.copytree(BUILT_IN, tmp_path / "clause_library")
    costs = library / "exit" / "costs.yaml"
    costs.write_text(costs.read_text().replace("exit.costs.details |", "exit.costs.detailz |"))
    shipped = _report(lint([library]))
    assert shipped == _report(lint([library], shipped=tmp_path / "none.json"))
    assert any("'detailz' is not a field of an exit costs" in line for line in shipped[1])


def test_the_built_in_texts_are_not_checked_again_while_the_results_are_shipped(
    tmp_path: Path,
) -> None:
    """Observed through the cache: a text checked is remembered there, a shipped one is not."""
    key = next(iter(read_shipped().text_issues))
    entry = entry_key(TEXT_ISSUES, key)
    for shipped, checked in ((SHIPPED, False), (tmp_path / "none.json", True)):
        cache = Cache(tmp_path / f"cache-{checked}")
        lint([BUILT_IN], cache, shipped=shipped)
        assert (entry in cache.unsaved()) is checked


def _rewritten(change: Any) -> bytes:
    """The shipped file with its content changed and its checksum made to match."""
    document = json.loads(SHIPPED.read_bytes())
    del document["checksum"]
    change(document)
    return json.dumps({**document, "checksum": _checksum(document)}).encode()


def _first_text(document: dict[str, Any]) -> str:
    return next(iter(document["text issues"]))


DAMAGED = {
    "empty": b"",
    "not JSON": b"{ not json",
    "truncated": SHIPPED.read_bytes()[:-40],
    "a list": b"[]",
    "an issue added, checksum kept": SHIPPED.read_bytes().replace(
        b'": [],', b'": [[["text", "preferred"], 1, "forged"]],', 1
    ),
    "another format": _rewritten(lambda document: document.update(format=2)),
    "other versions": _rewritten(lambda document: document["made with"].update(jinja2="2.0")),
    "issues not a list": _rewritten(
        lambda document: document["text issues"].update({_first_text(document): "none"})
    ),
    "a line that is text": _rewritten(
        lambda document: document["text issues"].update(
            {_first_text(document): [[["text", "preferred"], "1", "forged"]]}
        )
    ),
    "a path that is text": _rewritten(
        lambda document: document["text issues"].update(
            {_first_text(document): [["text", 1, "forged"]]}
        )
    ),
    "a key that is not hex": _rewritten(
        lambda document: document["text issues"].update({"not hex": []})
    ),
    "a problem that is a number": _rewritten(
        lambda document: document["cue problems"].update({"\\bextra\\b": 1})
    ),
    "no cue problems": _rewritten(lambda document: document.pop("cue problems")),
}


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_or_foreign_results_file_is_not_used(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "lint-results.json"
    path.write_bytes(DAMAGED[damage])
    assert read_shipped(path) == Shipped()
    layers = [BUILT_IN, BAD_LIBRARY]
    assert _report(lint(layers, shipped=path)) == _report(lint(layers))
