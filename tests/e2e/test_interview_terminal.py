"""`termgen interview` in a real pseudo-terminal, at 100 and at 60 columns: what a user sees."""

from __future__ import annotations

import os
import re
import shlex
import signal
import sys
from pathlib import Path

import pexpect
import pytest

from termgen.answers.read import read_answers

from ..conftest import EXAMPLES_DIR, ROOT
from ..interview.terminal import pasted

SPEC = ROOT / "tests" / "fixtures" / "interviews" / "short.yaml"
SOFTWARE = EXAMPLES_DIR / "sdv-software.yaml"
ENTER = "\r"
ESCAPE = "\x1b"
WIDTHS = [100, 60]
EXIT_SECONDS = 120
"""How long termgen may take to end after its last key (saving the answers, saying how to
resume): pexpect's 30 s for a prompt ran out once with both cores busy."""
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][AB0-2]|\x1b[=>]|\r")


@pytest.fixture
def terminal(tmp_path: Path):
    """A factory for `termgen interview ARGS` in a pty of the given width, killed after the test."""
    children: list[pexpect.spawn] = []

    def spawn(
        *args: str | Path, columns: int = 100, rows: int = 30, piped: bool = False
    ) -> pexpect.spawn:
        """`piped`: its output piped through `cat`, as to a pager or `tee`."""
        command = [sys.executable, "-m", "termgen", "interview", *map(str, args)]
        if piped:
            command = ["/bin/sh", "-c", f"{shlex.join(command)} | cat"]
        child = pexpect.spawn(
            command[0],
            command[1:],
            cwd=tmp_path,
            env={
                # The width is the terminal's: a COLUMNS set by whatever runs the tests is not.
                **{name: value for name, value in os.environ.items() if name != "COLUMNS"},
                "TERM": "xterm-256color",
                "NO_COLOR": "1",
                "PROMPT_TOOLKIT_NO_CPR": "1",
            },
            encoding="utf-8",
            timeout=30,
            dimensions=(rows, columns),
        )
        child.delaybeforesend = 0.05
        """Keys typed before a prompt has switched the terminal to raw mode would be cooked."""
        children.append(child)
        return child

    yield spawn
    for child in children:
        child.close(force=True)


def _answer(child: pexpect.spawn, prompt: str, keys: str) -> None:
    child.expect_exact(prompt)
    child.send(keys)


def _ends(child: pexpect.spawn) -> None:
    """Wait until termgen has ended and its terminal has closed."""
    child.expect(pexpect.EOF, timeout=EXIT_SECONDS)


def _seen(child: pexpect.spawn, *texts: str) -> str:
    """Wait until each text has been shown, in whatever order, and return all that was shown
    until then: piped, what termgen prints comes through `cat` while the prompts go straight
    to the terminal, so a heading may show after the prompt below it."""
    left, shown = list(texts), ""
    while left:
        left.pop(child.expect_exact(left))
        shown += child.before + child.after
    return shown


def _pointer_on(child: pexpect.spawn, choice: str) -> None:
    """Wait until the pointer of a list of choices stands on `choice` (styles in between)."""
    child.expect(r"» (\x1b\[[0-9;]*m)*" + re.escape(choice))


def _printed_lines(text: str) -> list[str]:
    """What termgen printed, less the terminal's control sequences."""
    return [line for line in _CONTROL.sub("", text).split("\n") if line.strip()]


def _deal_with_comments(tmp_path: Path, drop: list[str], replace: dict[str, str]) -> Path:
    """The software example with hand-written comments, some answers removed or changed."""
    text = SOFTWARE.read_text(encoding="utf-8")
    text = text.replace("governance:\n", "# Reviewed with counsel on 3 March.\ngovernance:\n", 1)
    text = text.replace(
        "  reporting:", "  # weekly dashboard agreed in the kick-off\n  reporting:", 1
    )
    for line in drop:
        assert line in text
        text = text.replace(line, "", 1)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new, 1)
    target = tmp_path / "deal.yaml"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.mark.parametrize("columns", WIDTHS)
def test_lists_escape_open_answers_progress_and_comments_in_a_real_terminal(
    terminal, tmp_path: Path, columns: int
) -> None:
    example = SOFTWARE.read_text(encoding="utf-8")
    phases = example.split("  phases:\n", 1)[1].split("\ngovernance")[0]
    valuation = example.split("  valuation:\n", 1)[1].split("  costs:")[0]
    deal = _deal_with_comments(
        tmp_path,
        drop=[
            f"  phases:\n{phases}",
            "    seat: Frankfurt am Main\n",
            f"  valuation:\n{valuation}",
        ],
        replace={},
    )
    child = terminal("--resume", deal.name, columns=columns)
    # The valuation's method decides whether its price, formula, floor and valuer are asked:
    # they are counted until it is answered, so the count never goes up.
    child.expect_exact("[8 left]")
    _pointer_on(child, "Done with phases")
    child.send(f"Add{ENTER}")
    child.expect(r"\[(\d+) left: (\d+) for the new phase\]")  # the count went up: says why
    assert int(child.match.group(1)) > 8 and int(child.match.group(2)) > 0
    child.expect_exact("Phase name")
    child.send(ESCAPE)
    child.expect_exact("Cancelled: no phase added.")
    assert "- {}" not in deal.read_text(encoding="utf-8")
    _pointer_on(child, "Done with phases")
    child.send(ENTER)
    child.expect_exact("[7 left]")
    _answer(child, "Seat of the arbitration (city)", ENTER)
    child.expect_exact("[6 left]")
    _answer(child, "compete elsewhere", ENTER)
    _pointer_on(child, "formula")
    child.send(f"(leave open){ENTER}")
    child.expect_exact("Change an answer?")
    review = " ".join(line.strip() for line in _printed_lines(child.before))
    assert "Seat of the arbitration (city): (left open)" in review
    assert "valued on a buy-out: (left open)" in review
    child.send(ENTER)
    child.expect_exact("The first pass is done")
    _answer(child, "Stop here and draft later", f"Stop{ENTER}")
    findings = child.before.split("What next?")[0]
    _ends(child)
    child.close()
    assert child.exitstatus == 0
    table = _printed_lines(findings)
    assert all(len(line.rstrip()) <= columns for line in table), table
    assert "Answers" in findings and "answers.left_open" not in findings  # its label, not its id
    saved = deal.read_text(encoding="utf-8")
    assert "# Reviewed with counsel on 3 March." in saved
    assert "# weekly dashboard agreed in the kick-off" in saved
    data, _ = read_answers(deal)
    assert data["strengths"]["phases"] == []
    assert data["left_open"] == ["governance.disputes.seat", "exit.valuation.method"]
    again = terminal("--resume", deal.name, columns=columns)
    again.expect_exact("Change an answer?")
    assert "left]" not in again.before
    assert "Seat of the arbitration (city): (left open)" in " ".join(_printed_lines(again.before))


@pytest.mark.parametrize("columns", WIDTHS)
def test_an_owner_that_does_not_exist_is_refused_and_asked_again(
    terminal, tmp_path: Path, columns: int
) -> None:
    deal = _deal_with_comments(
        tmp_path, drop=[], replace={"      owner: LUMEN\n": "      owner: BMW\n"}
    )
    refused = terminal("--resume", deal.name, "--no-input", columns=columns)
    _ends(refused)
    refused.close()
    assert refused.exitstatus == 2
    refusal = " ".join(refused.before.split())  # wrapped to the terminal at words
    assert "'BMW' is not a party, 'joint' or a governance body" in refusal
    assert all(len(line) <= columns for line in _printed_lines(refused.before))
    assert "Nothing is missing" not in refused.before
    child = terminal("--resume", deal.name, columns=columns)
    child.expect_exact("These answers are asked again first.")
    lines = _printed_lines(child.before)
    assert "deal.yaml:78:14:" in lines[0]
    assert all(len(line) <= columns for line in lines), lines
    _answer(child, "Who owns it", f"LUMEN{ENTER}")
    _answer(child, "compete elsewhere", ENTER)
    child.expect_exact("Change an answer?")
    child.send(ENTER)
    _answer(child, "Stop here and draft later", f"Stop{ENTER}")
    _ends(child)
    child.close()
    assert child.exitstatus == 0
    assert read_answers(deal)[0]["goals"]["objectives"][1]["owner"] == "LUMEN"
    assert "# Reviewed with counsel on 3 March." in deal.read_text(encoding="utf-8")


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_short_custom_interview_wraps_its_messages_and_saves(
    terminal, tmp_path: Path, columns: int
) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("--spec", SPEC, "-o", saved, columns=columns)
    _answer(child, "Project name", f"Project Lumen & Co{ENTER}")
    _answer(child, "What is the partnership for?", f"software{ENTER}")
    child.expect_exact("Parties #1")
    _answer(child, "Short name", f"NOVA{ENTER}")
    child.expect_exact("Parties #2")
    _answer(child, "Short name", f"KITE{ENTER}")
    _pointer_on(child, "Done with parties")
    child.send(ENTER)
    child.expect_exact("Section 2 of 2: Renewal")
    _answer(child, "How is the term renewed?", f"automatic{ENTER}")
    _answer(child, "Notice to stop a renewal", f"half a year{ENTER}")
    child.expect_exact("is not a")
    child.expect_exact("Notice to stop a renewal")
    lines = _printed_lines(child.before)
    message = [line for line in lines if "✗" in line or "'90 days'" in line or "years'" in line]
    assert message and all(len(line) <= columns for line in message), lines
    assert "e.g. '90 days', '18 months' or '5 years'" in " ".join(line.strip() for line in lines)
    child.send(f"\x156 months{ENTER}")
    _answer(child, "Change an answer?", ENTER)
    child.expect_exact("Every question is answered")
    _answer(child, "Stop here and draft later", f"Stop{ENTER}")
    child.expect_exact("Draft later with:")
    child.expect_exact("termgen draft")
    _ends(child)
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
    child.expect_exact("Continue with:")
    _ends(child)
    # The command as the shell reads it pasted (too long for a line, it goes on with ' \\').
    assert f"termgen interview {saved}" in pasted(child.before.replace("\r\n", "\n"))
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in child.before
    assert read_answers(saved)[0] == {"deal": {"name": "Project Lumen"}}


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_section_heading_is_never_broken_across_lines(
    terminal, tmp_path: Path, columns: int
) -> None:
    child = terminal("-o", tmp_path / "deal.yaml", columns=columns)
    child.expect_exact("Project name of the deal")
    lines = _printed_lines(child.before)
    (heading,) = [line for line in lines if "Section 1 of 9" in line]
    assert heading.startswith("── Section 1 of 9: Parties and purpose")
    assert heading.endswith("──") and len(heading) <= columns, lines
    assert "questions left" in " ".join(lines)
    assert not any(line.lstrip().startswith(("left", "questions")) for line in lines), lines


def test_esc_in_a_menu_clears_its_filter_and_never_ends_the_interview(
    terminal, tmp_path: Path
) -> None:
    example = SOFTWARE.read_text(encoding="utf-8")
    phases = example.split("  phases:\n", 1)[1].split("\ngovernance")[0]
    deal = _deal_with_comments(tmp_path, drop=[f"  phases:\n{phases}"], replace={})
    child = terminal("--resume", deal.name, columns=60)
    _pointer_on(child, "Done with phases")
    child.send("zzz")
    child.expect_exact("no choice matches")
    child.send(ESCAPE)
    _pointer_on(child, "Done with phases")
    child.send(ESCAPE)  # nothing typed, no question before it in this session: the menu stays
    child.expect_exact("No answer was given before this one")
    _pointer_on(child, "Done with phases")
    child.send(ENTER)
    # The next question, ready for keys: the interview went on. ('left]' alone also matched
    # the menu's last drawing, and Ctrl-C typed before the next prompt took the keys is lost.)
    child.expect_exact("compete elsewhere")
    _pointer_on(child, "no")
    assert "internal error" not in child.before
    child.send("\x03")
    child.expect_exact("Continue with:")
    child.expect_exact(f"termgen interview {deal.name}")
    _ends(child)
    child.close()
    assert child.exitstatus == 130
    assert read_answers(deal)[0]["strengths"]["phases"] == []
    # Ctrl-C in a menu chose nothing, and its line does not pretend otherwise.
    assert not any(
        line.rstrip().endswith(("» yes", " no")) for line in _printed_lines(child.before)
    )


def test_the_review_is_chosen_by_section_and_fits_a_short_narrow_terminal(
    terminal, tmp_path: Path
) -> None:
    deal = _deal_with_comments(tmp_path, drop=[], replace={})
    child = terminal("--resume", deal.name, columns=60, rows=24)
    _answer(child, "compete elsewhere", ENTER)
    child.expect(r"Change an answer\?(\x1b\[[0-9;]*m)* \([^)]*type to filter")
    _pointer_on(child, "Everything is right: continue")
    child.expect_exact("Agreed exit path (")
    menu = _printed_lines(child.before + child.after + child.buffer)
    assert len(menu) < 24
    child.send(f"exit path{ENTER}")
    child.expect_exact("Change which answer of Agreed exit path?")
    _pointer_on(child, "Effective date")
    child.send("\x1b[A")  # up, to "Back"
    _pointer_on(child, "Back to the sections")
    child.send("\x1b[A")  # up, round to the last answer
    _pointer_on(child, "Details on exit costs")
    child.send(ESCAPE)
    _pointer_on(child, "Agreed exit path")  # back in the sections, where it was
    child.send(f"everything{ENTER}")
    child.expect_exact("The first pass is done")
    _answer(child, "Stop here and draft later", f"Stop{ENTER}")
    _ends(child)
    child.close()
    assert child.exitstatus == 0


def test_at_60_columns_a_filter_that_matches_nothing_says_so_whole(terminal) -> None:  # type: ignore[no-untyped-def]
    child = terminal("--spec", SPEC, "-o", "deal.yaml", columns=60)
    _answer(child, "Project name", f"Project Lumen{ENTER}")
    child.expect_exact("What is the partnership for?")
    child.send("not a purpose of any partnership")
    child.expect_exact("no choice matches")
    child.expect_exact("Backspace or Esc clears)")
    child.send("\x03")
    _ends(child)


def test_at_60_columns_a_filter_finds_words_a_cut_choice_does_not_show(
    terminal, tmp_path: Path
) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("-o", saved, columns=60)
    _answer(child, "Project name of the deal", f"Project Lumen{ENTER}")
    child.expect_exact("What is the partnership for")
    child.expect_exact("software codevelopment (SDV stack, middleware,…")
    child.send("toolchains")
    child.expect_exact("/ toolchains...")
    assert "no choice matches" not in child.before
    child.send(ENTER)
    child.expect_exact("Suggested answers for software codevelopment")
    # Ctrl-C only once the next menu is drawn, ready for keys: typed while the suggestions
    # were still printed, before any prompt took the keys, it could be lost.
    _pointer_on(child, "Yes, use them")
    child.send("\x03")
    child.expect_exact("Continue with:")
    _ends(child)
    child.close()
    assert read_answers(saved)[0]["deal"]["purpose"] == "software_codevelopment"


def test_ctrl_c_arriving_as_a_signal_at_a_menu_pauses_and_is_never_typed_into_its_filter(
    terminal, tmp_path: Path
) -> None:
    # Ctrl-C pressed while a menu is still being drawn reaches it as SIGINT, not as a key.
    saved = tmp_path / "deal.yaml"
    child = terminal("-o", saved, columns=60)
    _answer(child, "Project name of the deal", f"Project Lumen{ENTER}")
    child.expect_exact("What is the partnership for")
    child.kill(signal.SIGINT)
    _ends(child)
    child.close()
    assert "<sigint>" not in child.before
    assert read_answers(saved)[0]["deal"]["name"] == "Project Lumen"


def test_piped_at_60_columns_the_interview_fits_the_terminal_and_says_its_keys_on_a_question_mark(
    terminal, tmp_path: Path
) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("--spec", SPEC, "-o", saved, columns=60, piped=True)
    # The keys and the first heading, through `cat`; the first prompt, straight.
    printed = _printed_lines(_seen(child, "questions left ──", "Project name"))
    assert len(printed) > 3 and all(len(line) <= 60 for line in printed), printed
    child.send(f"Project Lumen{ENTER}")
    child.expect_exact("What is the partnership for?")
    child.send("?")  # no choice has one: the keys are shown, no choice is filtered away
    child.expect_exact("arrows move")
    assert "no choice matches" not in child.before
    child.send(f"software{ENTER}")
    _answer(child, "Short name", f"NOVA{ENTER}")
    _seen(child, "Parties #2 · Esc cancels this party", "Short name")
    child.send(f"KITE{ENTER}")
    _pointer_on(child, "Done with parties")
    child.send("\x03")
    child.expect_exact("Continue with:")
    _ends(child)
    assert f"termgen interview {saved}" in pasted(child.before.replace("\r\n", "\n"))
    child.close()
    assert read_answers(saved)[0]["parties"] == [{"short_name": "NOVA"}, {"short_name": "KITE"}]


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_long_answer_is_laid_out_at_word_boundaries_while_it_is_typed(
    terminal, tmp_path: Path, columns: int
) -> None:
    saved = tmp_path / "deal.yaml"
    child = terminal("-o", saved, columns=columns)
    name = (
        "Project Ampere Cells Europe for the German and Korean battery venture with its "
        "cell plant near Salzgitter and a second one in Central Europe"
    )
    child.expect_exact("Project name of the deal")
    child.send(f"\x1b[200~{name}\x1b[201~")  # pasted: drawn once, not once per letter
    child.expect(r"Central(\s|\x1b\[[0-9;?]*[A-Za-z])*Europe")
    rows = [row.strip() for row in _CONTROL.sub("", child.before + child.after).split("\n")]
    below = [row for row in rows if row and row in name]
    assert below, rows
    # Each row the answer goes on to starts with a word of it, never in the middle of one.
    for row in below:
        start = name.index(row)
        assert start == 0 or name[start - 1] == " ", (row, rows)
    child.send("\x03")
    _ends(child)
    child.close()
    assert child.exitstatus == 130


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_suggestions_and_their_question_fit_the_screen_with_their_heading_in_view(
    terminal, tmp_path: Path, columns: int
) -> None:
    """At 60 columns the line saying how many suggestions are left out wraps onto a second
    line: counted as one, the heading above the suggestions scrolled off the screen."""
    rows = 40
    child = terminal("-o", tmp_path / "deal.yaml", columns=columns, rows=rows)
    _answer(child, "Project name of the deal", f"Project Amp{ENTER}")
    _pointer_on(child, "production efficiency")
    child.send(f"electrification{ENTER}")
    child.expect_exact("No, ask me each one")
    printed = _printed_lines(child.before + child.after)
    heading = max(n for n, line in enumerate(printed) if line.startswith("Suggested answers"))
    shown = printed[heading:]
    assert any(line.startswith("  … and ") for line in shown), shown
    # The heading, the suggestions, the question, its choices and the line the cursor is on.
    assert len(shown) + 1 <= rows, shown
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_keys_said_at_the_start_name_the_question_mark_that_shows_them_again(
    terminal, tmp_path: Path, columns: int
) -> None:
    """A new user found '?' by chance: the keys said at the start did not mention it."""
    child = terminal("-o", tmp_path / "deal.yaml", columns=columns)
    child.expect_exact("Project name of the deal")
    start = " ".join(_printed_lines(child.before))
    assert "'?' shows this again" in " ".join(start.split()), start
    assert all(len(line) <= columns for line in _printed_lines(child.before))
    child.send(f"?{ENTER}")
    child.expect(r"Ctrl-C\s+pauses,\s+keeping\s+the\s+answers")
    child.expect_exact("Project name of the deal")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
