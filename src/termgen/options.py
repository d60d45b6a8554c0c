"""Command-line options, each declared once and shared by the commands that take it."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Option:
    """One argparse argument, declared once."""

    flags: tuple[str, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(*self.flags, **self.kwargs)


def option(*flags: str, **kwargs: Any) -> Option:
    return Option(flags, kwargs)


ANSWERS = option("answers", type=Path, metavar="ANSWERS", help="an answer file (YAML)")
ANSWER_FILES = option("files", type=Path, nargs="+", metavar="FILE", help="answer files (YAML)")
OUTPUT_FILE = option("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
FORCE = option("--force", action="store_true", help="replace output files that already exist")
JSON = option("--json", action="store_true", help="print machine-readable JSON")
OUTPUT_DIR = option(
    "-o", "--output", type=Path, default=Path(), metavar="DIR", help="folder for the drafts"
)
STRICT = option(
    "--strict",
    action="store_true",
    help="exit 1 when a blocking finding exists (for CI of deal folders)",
)
CHECKED_FILE = option(
    "file", type=Path, metavar="FILE", help="an answer file (.yaml) or a draft (.pdf, .docx, .txt)"
)
INTERVIEW_OUTPUT = option(
    "-o", "--output", type=Path, metavar="FILE", help="answer file to save to, after every answer"
)
PDF = option("--pdf", action="store_true", help="also write PDFs (needs LibreOffice)")
LIBRARY = option(
    "--library",
    action="append",
    type=Path,
    default=[],
    metavar="DIR",
    help="a clause-library folder layered over the built-in one (repeatable; also "
    "TERMGEN_LIBRARY, with folders separated by ':')",
)
TEMPLATES = option(
    "--templates",
    action="append",
    type=Path,
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
