"""The short path: a software-codevelopment deal between a European carmaker and a US software
company reaches its drafts in about 50 prompts when the suggested answers are accepted."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

from termgen.answers.read import load_deal

from ..conftest import run_cli
from .terminal import CLEAR, CTRL_C, ENTER, ScriptedTerminal, pasted, run_interview

TYPED = {
    "deal.name": "Project Keystone",
    "deal.purpose": "software",
    "deal.governing_law": "Germany",
    "parties#1.short_name": "BFW",
    "parties#1.legal_name": "Bergmann Fahrzeugwerke AG",
    "parties#1.jurisdiction": "Germany",
    "parties#2.short_name": "LUMEN",
    "parties#2.legal_name": "Lumen Systems, Inc.",
    "parties#2.jurisdiction": "Delaware, USA",
    "objectives#1.statement": "Deliver a vehicle OS and middleware for the 2029 platform",
    "objectives#1.owner": "joint",
    "goals.scope.joint": "vehicle operating system; middleware; developer toolchain",
    "goals.scope.excluded": "infotainment content",
    "goals.value_sharing.cost_share": "BFW 60; LUMEN 40",
    "contributions#1.party": "LUMEN",
    "contributions#1.kind": "engineering capacity",
    "contributions#1.quantity": "180 FTE",
    "contributions#2.party": "BFW",
    "contributions#2.kind": "capital",
    "contributions#2.quantity": "EUR 240m",
    "release_bandwidth#3.party": "LUMEN",
    "release_bandwidth#3.quantity": "4 major releases/yr",
    "governance.disputes.seat": "Zurich",
    "exit.term.effective_date": "2027-01-01",
    "exit.term.initial": "5 years",
    "exit.renewal.option_holder": "BFW",
    "licence_model#3.treatment": "Owned by LUMEN, with a royalty-free licence back to BFW",
    "exit.valuation.details": "1.2 times the capitalised development cost",
    "term_sheet.expires_on": "2027-03-31",
    "term_sheet.signing_by": "2027-02-26",
}
"""What the deal lead types; every other prompt is answered with Enter (the suggestion)."""

TEXT_PROMPTS = {
    "deal.name",
    "deal.governing_law",
    "goals.scope.joint",
    "goals.scope.excluded",
    "goals.value_sharing.cost_share",
    "governance.disputes.seat",
    "exit.term.effective_date",
    "exit.term.initial",
    "exit.valuation.details",
    "term_sheet.expires_on",
    "term_sheet.signing_by",
}


def _keys(added: dict[str, int], folder: Path, contributions: int = 2) -> object:
    """The deal lead's keys, with this many contributions (of the software example's two)
    besides the release commitment."""
    typed = {
        key.replace("release_bandwidth#3", f"release_bandwidth#{contributions + 1}"): text
        for key, text in TYPED.items()
    }

    def keys(key: str) -> str:
        if key == "draft.folder":
            return f"{CLEAR}{folder}{ENTER}"
        if key == "contributions":
            added["contributions"] = added.get("contributions", 0) + 1
            return f"Add{ENTER}" if added["contributions"] < contributions else ENTER
        if key not in typed:
            return ENTER
        text = typed[key]
        textual = key in TEXT_PROMPTS or key.rsplit(".", 1)[-1] in (
            "short_name",
            "legal_name",
            "jurisdiction",
            "statement",
            "quantity",
            "treatment",
        )
        return f"{CLEAR}{text}{ENTER}" if textual else f"{text}{ENTER}"

    return keys


def test_the_software_deal_reaches_its_drafts_in_about_50_prompts(tmp_path: Path) -> None:
    screen = io.StringIO()
    terminal = ScriptedTerminal(_keys({}, tmp_path / "out"), screen=screen)  # type: ignore[arg-type]
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, ""), out[-2000:]
    assert len(terminal.asked) <= 52, terminal.asked
    # The suggestions say what is left once taken: what the pass then asks, and the second
    # contribution the lead chose to add (its three questions and the choice to add it).
    said = _said_left(screen.getvalue())
    asked = terminal.asked[terminal.asked.index("preset") + 1 : terminal.asked.index("review")]
    added = [key for key in asked if key.startswith("contributions#2.")]
    assert said == len(asked) - len(added) - 1, (said, asked)
    # What the scope clause and the exclusivity are limited to is asked, not found missing.
    assert {"goals.scope.regions", "goals.scope.functions"} <= set(asked)
    assert terminal.asked[-3:] == ["review", "next", "draft.folder"]
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3
    deal = load_deal(tmp_path / "deal.yaml").deal
    assert [body.name for body in deal.governance.bodies] == ["Steering Group", "Joint PMO"]
    assert deal.exit.renewal is not None and deal.exit.renewal.option_holder == "BFW"
    assert "0 blocking" in out and "Draft again any time with: termgen draft" in " ".join(
        out.split()
    )


def test_the_command_printed_to_draft_again_drafts_again(tmp_path: Path) -> None:
    terminal = ScriptedTerminal(_keys({}, tmp_path / "out"))  # type: ignore[arg-type]
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, ""), out[-2000:]
    command = shlex.split(pasted(out.split("Draft again any time with:", 1)[1]))
    assert command[:2] == ["termgen", "draft"]
    again = run_cli(*command[1:])
    assert (again.status, again.err) == (0, ""), again.err
    assert len(list((tmp_path / "out").glob("*.docx"))) == 3


def _said_left(screen: str) -> int:
    [said] = set(re.findall(r"Yes, use them \(about (\d+) left\)", " ".join(screen.split())))
    return int(said)


def test_what_is_said_to_be_left_with_the_suggestions_is_what_the_first_pass_asks(
    tmp_path: Path,
) -> None:
    screen = io.StringIO()
    keys = _keys({}, tmp_path / "out", contributions=1)
    terminal = ScriptedTerminal(keys, screen=screen)  # type: ignore[arg-type]
    status, out, err = run_interview(terminal, "-o", tmp_path / "deal.yaml")
    assert (status, err) == (0, ""), out[-2000:]
    asked = terminal.asked[terminal.asked.index("preset") + 1 : terminal.asked.index("review")]
    assert _said_left(screen.getvalue()) == len(asked), asked
    # The release commitment's list shows its menu first (none is a choice there): counted.
    assert asked.count("release_bandwidth") == 2
    # The details are still to come: the first pass says so, and how many, not that every
    # question is answered.
    said = " ".join(out.split())
    [details] = set(re.findall(r"Fill in the details \((\d+) more questions\)", screen.getvalue()))
    assert "Every question is answered" not in said
    assert (
        f"The first pass is done, and the answers are saved in {tmp_path / 'deal.yaml'}. "
        f"{details} detail questions are left: 'Fill in the details' below asks them."
    ) in said


def _suggested(tmp_path: Path, *library: str | Path) -> str:
    """What the suggestions for a software deal say, the interview paused at them."""
    typed = {"deal.name": f"{CLEAR}Project Keystone{ENTER}", "deal.purpose": f"software{ENTER}"}
    terminal = ScriptedTerminal(lambda key: typed.get(key, CTRL_C))
    status, out, _ = run_interview(terminal, "-o", tmp_path / "deal.yaml", *library)
    assert status == 130 and terminal.asked[-1] == "preset"
    return " ".join(out.split())


def test_the_suggestions_bind_on_what_the_draft_binds_on_from_the_clause_library(
    tmp_path: Path,
) -> None:
    said = _suggested(tmp_path)
    # A suggested answer is named without how to type one ('(separate with ;)').
    assert "separate with" not in said
    assert (
        "Sections that bind even so: none. The draft "
        "always binds on confidentiality, exclusive negotiations (once agreed), expiry, "
        "announcements, notices, entire agreement, no partnership, counterparts, costs of "
        "negotiation, governing law and disputes."
    ) in said
    overlay = tmp_path / "counsel"
    overlay.mkdir()
    (overlay / "library.yaml").write_text(
        "always_binding: [confidentiality, governing law, disputes]\n", encoding="utf-8"
    )
    (tmp_path / "deal.yaml").unlink()
    said = _suggested(tmp_path, "--library", overlay)
    assert "The draft always binds on confidentiality, governing law and disputes." in said
