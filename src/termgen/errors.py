"""The one family of errors users see: each says where the problem is and what to do."""

from __future__ import annotations

import enum
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Self


class ExitStatus(enum.IntEnum):
    """Process exit codes, documented in the README."""

    SUCCESS = 0
    BLOCKING_FINDINGS = 1
    ERROR = 2
    INTERNAL_ERROR = 3
    INTERRUPTED = 130
    CLOSED_PIPE = 141
    """The reader of our output went away (`termgen ... | head`): 128 + SIGPIPE, as git does."""


@dataclass(frozen=True)
class Location:
    """A place in a user's file; line and column are 1-based."""

    file: Path | str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [str(self.file)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input."""

    message: str
    location: Location | None = None
    path: str = ""

    @property
    def place(self) -> tuple[str, int, int]:
        """File, line and column, to list problems in the order they appear."""
        where = self.location
        if where is None:
            return ("", 0, 0)
        return (str(where.file), where.line or 0, where.column or 0)

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        what = f"{self.path}: " if self.path else ""
        return shown(f"{where}{what}{self.message}")


_UNSEEN = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Control characters and invisible formatting marks: echoed from a file into a message, they
would move the cursor, retitle the terminal or show the text in another order."""


def shown(text: str) -> str:
    """The text with what a terminal would not show as written escaped: 'na\\u202eme'; line
    breaks stay."""
    return _UNSEEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class TermgenError(Exception):
    """Base of every error a user can cause; the CLI prints it and exits 2, no traceback."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, *, location: Location | None = None) -> None:
        super().__init__(message)
        self.problems: list[Problem] = [Problem(message, location)]

    @classmethod
    def at(cls, location: Location, message: str) -> Self:
        """This error about one place: every error class can be made this way."""
        return cls(message, location=location)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled whole, problems and all, so that a forked child can send it back: the
        default would call the class with its message alone, which not every class takes."""
        return (_unpickled, (type(self), self.args, self.__dict__))

    def listing(self, shown: int | None) -> str:
        """The first `shown` problems (every one for None), and how many more there are with
        how to list them: an answer file with a thousand bad entries is read from its first."""
        listed = self.problems if shown is None else self.problems[:shown]
        lines = [str(problem) for problem in listed]
        if len(listed) < len(self.problems):
            lines.append(f"… and {len(self.problems) - len(listed)} more; {self.listing_all()}")
        return "\n".join(lines)

    def listing_all(self) -> str:
        """What to do to see the problems a listing left out."""
        return "fix these and run again for the rest"


def _unpickled(
    kind: type[TermgenError], args: tuple[object, ...], state: dict[str, object]
) -> TermgenError:
    error = kind.__new__(kind)
    error.args = args
    error.__dict__.update(state)
    return error


class ProblemsError(TermgenError):
    """Several problems found in one pass over a file, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("ProblemsError needs at least one problem")
        super().__init__(problems[0].message, location=problems[0].location)
        self.problems = list(problems)

    @classmethod
    def at(cls, location: Location, message: str) -> Self:
        return cls([Problem(message, location)])


class DataFileError(ProblemsError):
    """A YAML data file (answers, clauses, interview) that cannot be read or is invalid."""


class AnswerFileError(DataFileError):
    """An answer file that is not a valid deal."""

    def listing_all(self) -> str:
        where = self.problems[0].location
        file = shlex.quote(str(where.file)) if where else "FILE"
        return shown(f"'termgen validate --all {file}' prints every one")


class LibraryError(DataFileError):
    """A clause library (clause files, sections, provisions) that cannot be used as it is."""


class SpecError(DataFileError):
    """An interview definition that cannot be used."""


class UnreadableDraftError(TermgenError):
    """A draft from the other side termgen cannot read: encrypted, corrupt, scanned or not a
    contract."""


class WordTemplateError(TermgenError):
    """A Word template (built-in or from --templates) that is not a .docx termgen can fill."""


class OfficeMissingError(TermgenError):
    """--pdf was asked for, but LibreOffice is not installed."""


class PdfConversionError(TermgenError):
    """LibreOffice is installed but could not turn the drafts into PDF."""


class OutputExistsError(TermgenError):
    """Refusing to replace a file the user already has."""


class OutputError(TermgenError):
    """An output file or folder termgen cannot write: read-only, a folder in the way, full."""


class AnswersChangedError(TermgenError):
    """The answer file an interview saves to was changed by someone else while it ran."""


class UsageError(TermgenError):
    """A command-line argument that cannot work."""


class ProcessStoppedError(TermgenError):
    """A process termgen forked to share the work was stopped by the system (out of memory, or
    a crash in a library reading a hostile file). Its work is not tried again in this process,
    where it would take as long again or stop termgen itself."""

    def __init__(self, signal_number: int) -> None:
        import signal

        try:
            self.signal_name = signal.Signals(signal_number).name
        except ValueError:
            self.signal_name = f"signal {signal_number}"
        super().__init__(
            f"a process of termgen sharing the work was stopped by the system "
            f"({self.signal_name}), most likely for lack of memory; free some memory and run "
            "again"
        )


class SlowCueError(TermgenError):
    """A counsel's cue that backtracks without end on a draft: stopped, not left to hang."""
