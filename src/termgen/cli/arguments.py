"""Command-line options, each declared once and shared by the commands that take it.

Imported by every run, `--help` included, so it imports nothing beyond argparse.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from pathlib import Path
    from typing import Any


class Option:
    """One argparse argument, declared once."""

    __slots__ = ("flags", "kwargs")

    def __init__(self, *flags: str, **kwargs: Any) -> None:
        self.flags = flags
        self.kwargs = kwargs

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(*self.flags, **self.kwargs)


def path(text: str) -> Path:
    """A file or folder argument; pathlib is imported only once arguments are parsed."""
    from pathlib import Path

    return Path(text)


ANSWERS = Option("answers", type=path, metavar="ANSWERS", help="an answer file (YAML)")
OLD_ANSWERS = Option("old", type=path, metavar="OLD", help="the earlier answer file")
NEW_ANSWERS = Option("new", type=path, metavar="NEW", help="the later answer file")
REDLINE = Option(
    "--redline",
    action="store_true",
    help="also write the new term sheet with Word tracked changes against the old one (-o)",
)
PORTFOLIO_FOLDER = Option(
    "folder", type=path, metavar="DIR", help="a folder of answer files (searched recursively)"
)
ANSWER_FILES = Option("files", type=path, nargs="+", metavar="FILE", help="answer files (YAML)")
OUTPUT_FILE = Option("-o", "--output", type=path, metavar="FILE", help="write to FILE")
CALENDAR_FILE = Option(
    "-o", "--output", type=path, required=True, metavar="FILE", help="the .ics file to write"
)
FORCE = Option("--force", action="store_true", help="replace output files that already exist")
JSON = Option("--json", action="store_true", help="print machine-readable JSON")
OUTPUT_DIR = Option(
    "-o", "--output", type=path, default=".", metavar="DIR", help="folder for the drafts"
)
STRICT = Option(
    "--strict",
    action="store_true",
    help="exit 1 when a blocking finding exists (for CI of deal folders)",
)
CHECKED_FILE = Option(
    "file", type=path, metavar="FILE", help="an answer file (.yaml) or a draft (.pdf, .docx, .txt)"
)
INTERVIEW_OUTPUT = Option(
    "-o", "--output", type=path, metavar="FILE", help="answer file to save to, after every answer"
)
RESUME = Option("--resume", type=path, metavar="FILE", help="continue an interview saved in FILE")
PREFILL = Option(
    "--answers", type=path, metavar="FILE", help="pre-fill from FILE and ask only what is missing"
)
SPEC = Option(
    "--spec",
    type=path,
    metavar="FILE",
    help="use this interview definition instead of the built-in one",
)
NO_INPUT = Option(
    "--no-input",
    action="store_true",
    help="ask nothing: list what is missing (exit 2 if anything is)",
)
LINT_SPEC = Option("--lint", action="store_true", help="check the interview definition and stop")
OVERLAY_FOLDERS = Option(
    "folders", nargs="*", type=path, metavar="DIR", help="overlay folders to check"
)
PDF = Option("--pdf", action="store_true", help="also write PDFs (needs LibreOffice)")
LIBRARY = Option(
    "--library",
    action="append",
    type=path,
    default=[],
    metavar="DIR",
    help="a clause-library folder layered over the built-in one (repeatable; also "
    "TERMGEN_LIBRARY, with folders separated by ':')",
)
TEMPLATES = Option(
    "--templates",
    action="append",
    type=path,
    default=[],
    metavar="DIR",
    help="a folder with term-sheet.docx and/or governance-annex.docx used instead of the "
    "built-in templates (repeatable; the last folder that has a template wins)",
)


def add(parser: argparse.ArgumentParser, *options: Option) -> argparse.ArgumentParser:
    """Add each option to the parser."""
    for each in options:
        each.add_to(parser)
    return parser
