"""`termgen portfolio`: every deal in a folder tree, one row each, the most urgent first."""

from __future__ import annotations

import json

from termgen.deadlines.collect import when_text
from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError, shown
from termgen.pipeline import open_library
from termgen.portfolio import Row, answer_files, portfolio
from termgen.terminal import text_table
from termgen.wording import purpose_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Portfolio

ROW_PROBLEMS = 3
"""Problems a file's row shows: the table is an overview, `validate` lists them all."""


def run(command: Portfolio, env: Environment) -> ExitStatus:
    if not command.folder.is_dir():
        raise UsageError(
            f"'{command.folder}' is not a folder; give the folder that holds the deals"
        )
    files = answer_files(command.folder)
    if not files.found and not files.unlisted:
        raise UsageError(f"no answer files (.yaml, .yml) under '{command.folder}'")
    library = open_library(command.library, env)
    today = env.today()
    rows = portfolio(files, library, today)
    if command.json:
        env.out(json.dumps([_as_json(row) for row in rows], indent=2, ensure_ascii=False))
        return _status(rows)
    # A file that could not be read has none of the table's columns: it is a block of its
    # own, its problems one a line, above the table as the most urgent.
    for row in rows:
        if row.error:
            env.out_wrapped(shown(f"{row.file}: could not be read"), hanging="    ")
            env.out_wrapped(shown(row.error.listing(ROW_PROBLEMS)), "  ", "    ")
            env.out("")
    table = []
    for row in rows:
        if row.error:
            continue
        deadline = row.next_deadline
        upcoming = (
            f"{deadline.day} ({when_text(deadline.day, today)}): {deadline.title}"
            if deadline and deadline.day
            else "none ahead"
        )
        table.append(
            (
                str(row.file),
                f"{row.name} v{row.version}",
                purpose_text(row.purpose or ""),
                ", ".join(row.parties),
                row.term_end.isoformat() if row.term_end else "unknown",
                str(row.blocking),
                upcoming,
            )
        )
    if table:
        header = ("file", "deal", "purpose", "parties", "term ends", "blocking", "next deadline")
        env.out(text_table(header, table, env.columns))
    failed = sum(1 for row in rows if row.error)
    env.out(
        f"{len(rows)} file(s), {failed} could not be read" if failed else f"{len(rows)} deal(s)"
    )
    return _status(rows)


def _status(rows: list[Row]) -> ExitStatus:
    """2 when a file could not be read, as for every input error; the table still lists the
    others, so that a script sees the failure without a deal going unseen."""
    return ExitStatus.ERROR if any(row.error for row in rows) else ExitStatus.SUCCESS


def _as_json(row: Row) -> dict[str, object]:
    deadline = row.next_deadline
    return {
        "file": str(row.file),
        "deal": row.name,
        "version": row.version,
        "purpose": row.purpose,
        "parties": list(row.parties),
        "term_end": row.term_end.isoformat() if row.term_end else None,
        "next_deadline": (
            {"date": deadline.day.isoformat(), "title": deadline.title, "kind": deadline.kind}
            if deadline and deadline.day
            else None
        ),
        "blocking_findings": row.blocking,
        "error": str(row.error) if row.error else None,
    }
