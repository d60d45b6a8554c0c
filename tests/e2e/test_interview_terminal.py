"""`termgen interview` in a real pseudo-terminal: a user types a short custom interview."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from termgen.answers.read import read_answers

from ..conftest import ROOT

SPEC = ROOT / "tests" / "fixtures" / "interviews" / "short.yaml"
ENTER = "\r"


@pytest.fixture
def terminal(tmp_path: Path):
    """A factory for `termgen interview ARGS` in a pty, 120x40, killed after the test."""
    children: list[pexpect.spawn] = []

    def spawn(*args: str | Path) -> pexpect.spawn:
        child = pexpect.spawn(
            sys.executable,
            ["-m", "termgen", "interview", *map(str, args)],
            cwd=tmp_path,
            env={**os.environ, "TERM": "xterm-256color", "NO_COLOR": "1"},
            encoding="utf-8",
            timeout=20,
            dimensions=(40, 120),
        )
        children.append(child)
        return child

    yield spawn
    for child in children:
        child.close(force=True)


def _answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect_exact(prompt)
    child.send(keys)


def test_a_user_types_a_short_custom_interview_and_the_file_is_saved(terminal, tmp_path) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("--spec", SPEC, "-o", saved)
    _answer(child, "Project name", f"Project Lumen & Co{ENTER}")
    _answer(child, "What is the partnership for?", f"software{ENTER}")
    _answer(child, "Parties: at least 2 needed.", f"Add{ENTER}")
    _answer(child, "Short name", f"NOVA{ENTER}")
    _answer(child, "Parties: at least 2 needed.", f"Add{ENTER}")
    _answer(child, "Short name", f"KITE{ENTER}")
    _answer(child, "Done with parties", f"Done{ENTER}")
    child.expect_exact("Section 2 of 2: Renewal")
    _answer(child, "How is the term renewed?", f"automatic{ENTER}")
    _answer(child, "Notice to stop a renewal", f"six months{ENTER}")
    child.expect_exact("is not a")
    child.send(f"\x156 months{ENTER}")
    _answer(child, "Everything is right", ENTER)
    child.expect_exact(f"saved in {saved}")
    _answer(child, "Draft the term sheet and governance annex now?", "n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert read_answers(saved)[0] == {
        "deal": {"name": "Project Lumen & Co", "purpose": "software_codevelopment"},
        "parties": [{"short_name": "NOVA"}, {"short_name": "KITE"}],
        "exit": {"renewal": {"type": "automatic", "notice": "6 months"}},
    }


def test_ctrl_c_in_a_real_terminal_keeps_the_answers_and_says_how_to_resume(
    terminal, tmp_path
) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("--spec", SPEC, "-o", saved)
    _answer(child, "Project name", f"Project Lumen{ENTER}")
    _answer(child, "What is the partnership for?", "\x03")
    child.expect_exact(f"Continue with: termgen interview --resume {saved}")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in child.before
    assert read_answers(saved)[0] == {"deal": {"name": "Project Lumen"}}
