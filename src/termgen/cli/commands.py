"""Every command of `termgen`, with its arguments: the one place the command line is declared.

Declarations only, so that `termgen --help` builds the whole table without importing
pydantic, Jinja or Word; `cli/main.py` runs a parsed command with the module that carries it
out.
"""

from __future__ import annotations

from termgen.cli.arguments import (
    Argument,
    Command,
    answers_file,
    force_flag,
    json_flag,
    library_folders,
    output_file,
    path,
    strict_flag,
    template_folders,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from termgen.environment import Environment
    from termgen.forked import Running
    from termgen.their_drafts.extract import Extracted

DEAL_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".pdf", ".docx", ".txt")
PROBLEMS_SHOWN = 50
"""Problems an error or `library lint` prints without --all: a folder that is not a library (a
home folder, /tmp) or an answer file pasted over with a log has thousands, and the first say
what is wrong."""


class Validate(Command):
    """check answer files"""

    name = "validate"
    files: Argument[list[Path]] = Argument(
        type=path, nargs="+", metavar="FILE", help="answer files (YAML)"
    )
    library = library_folders()
    all: Argument[bool] = Argument(
        "--all",
        action="store_true",
        help=f"print every problem (without it, the first {PROBLEMS_SHOWN} of each file)",
    )


class Draft(Command):
    """write the term sheet and governance annex (.docx) for an answer file"""

    name = "draft"
    answers = answers_file()
    output: Argument[Path] = Argument(
        "-o", "--output", type=path, default=".", metavar="DIR", help="folder for the drafts"
    )
    pdf: Argument[bool] = Argument(
        "--pdf", action="store_true", help="also write PDFs (needs LibreOffice)"
    )
    force = force_flag()
    library = library_folders()
    templates = template_folders()
    json = json_flag()
    strict = strict_flag()


class Check(Command):
    """flag missing exit, renewal and other provisions in an answer file or a draft"""

    name = "check"
    files: Argument[list[Path]] = Argument(
        type=path,
        nargs="+",
        metavar="FILE|DIR",
        help="an answer file (.yaml), or drafts (.pdf, .docx, .txt) and folders of drafts",
    )
    password: Argument[str | None] = Argument(
        "--password", metavar="PASSWORD", help="opens encrypted PDFs that need a password"
    )
    against: Argument[Path | None] = Argument(
        "--against",
        type=path,
        metavar="ANSWERS",
        help="compare a draft from the other side with our positions in this answer file",
    )
    annotate: Argument[Path | None] = Argument(
        "--annotate",
        type=path,
        metavar="OUT.docx",
        help="with --against and a .docx draft: write a copy with a Word comment at each deviation",
    )
    acting_for: Argument[str | None] = Argument(
        "--as",
        metavar="PARTY",
        help="with --against: the party we act for (short name; default the deal's first party)",
    )
    force = force_flag()
    json = json_flag()
    strict = strict_flag()
    library = library_folders()
    _reading: Running[Extracted] | None = None

    @property
    def draft_alone(self) -> Path | None:
        """The draft (.pdf, .docx, .txt) when the command checks one draft on its own."""
        files = self.files
        alone = self.against is None and self.annotate is None and self.acting_for is None
        if alone and len(files) == 1 and files[0].suffix.lower() in DRAFT_SUFFIXES:
            return None if files[0].is_dir() else files[0]
        return None

    def begin(self, env: Environment) -> None:
        """A draft checked on its own starts being read at once (see `reading`). A path that
        cannot even be looked at is left to the command, which says why."""
        try:
            alone = self.draft_alone is not None
        except OSError:
            return
        if alone:
            self._reading = self._read_soon(env)

    def reading(self, env: Environment) -> Running[Extracted]:
        """The draft checked on its own, read in a process of its own since `begin` (or from
        now): while that process imports PDFium and reads, this one imports and loads what
        checking needs."""
        return self._reading or self._read_soon(env)

    def _read_soon(self, env: Environment) -> Running[Extracted]:
        from termgen.their_drafts.progress import page_progress
        from termgen.their_drafts.reading import extract_soon

        return extract_soon(
            self.files[0], password=self.password, progress=page_progress(env.stderr)
        )


class Interview(Command):
    """answer the guided interview in the terminal; answers are saved after each one"""

    name = "interview"
    file: Argument[Path | None] = Argument(
        type=path,
        nargs="?",
        metavar="FILE",
        help="the answer file: continued if it exists (as --resume), else started (as -o)",
    )
    output: Argument[Path | None] = Argument(
        "-o",
        "--output",
        type=path,
        metavar="FILE",
        help="answer file to save to, after every answer",
    )
    resume: Argument[Path | None] = Argument(
        "--resume", type=path, metavar="FILE", help="continue an interview saved in FILE"
    )
    answers: Argument[Path | None] = Argument(
        "--answers",
        type=path,
        metavar="FILE",
        help="pre-fill from FILE and ask only what is missing",
    )
    spec: Argument[Path | None] = Argument(
        "--spec",
        type=path,
        metavar="FILE",
        help="use this interview definition instead of the built-in one",
    )
    no_input: Argument[bool] = Argument(
        "--no-input",
        action="store_true",
        help="ask nothing: list what is missing (exit 2 if anything is)",
    )
    lint: Argument[bool] = Argument(
        "--lint", action="store_true", help="check the interview definition and stop"
    )
    force = force_flag()
    library = library_folders()


class Deadlines(Command):
    """list every deadline the deal creates, the next one first"""

    name = "deadlines"
    answers = answers_file()
    json = json_flag()
    library = library_folders()


class Calendar(Command):
    """write the deal's deadlines to an iCalendar (.ics) file, each with a reminder"""

    name = "calendar"
    answers = answers_file()
    output: Argument[Path] = Argument(
        "-o", "--output", type=path, required=True, metavar="FILE", help="the .ics file to write"
    )
    force = force_flag()
    library = library_folders()


class Diff(Command):
    """list what changed between two versions of a deal; --redline writes tracked changes"""

    name = "diff"
    old: Argument[Path] = Argument(type=path, metavar="OLD", help="the earlier answer file")
    new: Argument[Path] = Argument(type=path, metavar="NEW", help="the later answer file")
    redline: Argument[bool] = Argument(
        "--redline",
        action="store_true",
        help="also write the new term sheet with Word tracked changes against the old one (-o)",
    )
    output = output_file()
    force = force_flag()
    json = json_flag()
    library = library_folders()
    templates = template_folders()


class Portfolio(Command):
    """one row per deal in a folder tree, the most urgent first"""

    name = "portfolio"
    folder: Argument[Path] = Argument(
        type=path, metavar="DIR", help="a folder of answer files (searched recursively)"
    )
    json = json_flag()
    library = library_folders()


class LibraryLint(Command):
    """check the clause library and overlays for problems"""

    name = "library lint"
    folders: Argument[list[Path]] = Argument(
        nargs="*", type=path, metavar="DIR", help="overlay folders to check"
    )
    library = library_folders()
    all: Argument[bool] = Argument(
        "--all",
        action="store_true",
        help=f"print every problem (without it, the first {PROBLEMS_SHOWN} and how many more)",
    )


class LibraryList(Command):
    """list clauses"""

    name = "library list"
    element: Argument[str | None] = Argument("--element", help="only this element, e.g. exit")
    purpose: Argument[str | None] = Argument(
        "--purpose", help="only clauses for this purpose, e.g. electrification"
    )
    library = library_folders()


class LibraryShow(Command):
    """show one clause in full"""

    name = "library show"
    clause_id: Argument[str] = Argument(
        metavar="ID", help="the clause id, e.g. exit.renewal.automatic"
    )
    library = library_folders()


class Schema(Command):
    """print the JSON Schema of answer files (for editor autocompletion)"""

    name = "schema"
    output = output_file()
    force = force_flag()


COMMANDS: tuple[type[Command], ...] = (
    Validate,
    Draft,
    Check,
    Interview,
    Deadlines,
    Calendar,
    Diff,
    Portfolio,
    LibraryLint,
    LibraryList,
    LibraryShow,
    Schema,
)
GROUPS = {"library": "lint, list or show clause-library clauses"}
"""Commands whose actions are commands of their own ('library lint'), with their help."""
