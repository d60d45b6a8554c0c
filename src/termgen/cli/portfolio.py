"""`termgen portfolio`: every deal in a folder tree, one row each, the most urgent first."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.portfolio import Row


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.cli.library_layers import user_library
    from termgen.deadlines.collect import when_text
    from termgen.portfolio import answer_files, portfolio
    from termgen.terminal import text_table
    from termgen.wording import humanise

    if not args.folder.is_dir():
        raise UsageError(f"'{args.folder}' is not a folder; give the folder that holds the deals")
    files = answer_files(args.folder)
    if not files:
        raise UsageError(f"no answer files (.yaml, .yml) under '{args.folder}'")
    library = user_library(args, env)
    today = env.today()
    rows = portfolio(files, library, today)
    if args.json:
        env.out(json.dumps([_as_json(row) for row in rows], indent=2, ensure_ascii=False))
        return ExitStatus.SUCCESS
    table = []
    for row in rows:
        if row.error:
            table.append((str(row.file), "error", "", "", "", "", row.error))
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
                humanise(row.purpose or ""),
                ", ".join(row.parties),
                row.term_end.isoformat() if row.term_end else "unknown",
                str(row.blocking),
                upcoming,
            )
        )
    header = ("file", "deal", "purpose", "parties", "term ends", "blocking", "next deadline")
    env.out(text_table(header, table, widest=40))
    failed = sum(1 for row in rows if row.error)
    env.out(
        f"{len(rows)} file(s), {failed} could not be read" if failed else f"{len(rows)} deal(s)"
    )
    return ExitStatus.SUCCESS


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
        "error": row.error,
    }
