"""`termgen deadlines`: every date the deal creates, next one first, as a table or JSON."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.answers.read import LoadedDeal
    from termgen.deadlines.collect import Deadline


def deal_deadlines(args: argparse.Namespace, env: Environment) -> tuple[LoadedDeal, list[Deadline]]:
    """The answer file and its deadlines, with the clauses the term sheet would hold."""
    from termgen.answers.read import load_deal
    from termgen.cli.library_layers import user_library
    from termgen.deadlines.collect import deadlines
    from termgen.drafting.assemble import assemble

    loaded = load_deal(args.answers)
    library = user_library(args, env)
    return loaded, deadlines(loaded.deal, assemble(loaded.deal, library, source=loaded.source))


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.deadlines.collect import ordered_from, when_text
    from termgen.formatting import date_text
    from termgen.terminal import text_table

    loaded, found = deal_deadlines(args, env)
    today = env.today()
    found = ordered_from(found, today)
    if args.json:
        rows = [
            {
                "date": deadline.day.isoformat() if deadline.day else None,
                "kind": deadline.kind,
                "title": deadline.title,
                "remind_days_before": deadline.reminder_days,
                "clause": deadline.clause,
                "answers": deadline.answers,
                "unknown_because": deadline.unknown_because,
            }
            for deadline in found
        ]
        env.out(json.dumps({"file": str(args.answers), "deadlines": rows}, indent=2))
        return ExitStatus.SUCCESS
    meta = loaded.deal.deal
    env.out(f"Deadlines for {meta.name} v{meta.version} ({args.answers}), as of {date_text(today)}")
    rows = [
        (
            deadline.day.isoformat(),
            when_text(deadline.day, today),
            deadline.title,
            deadline.clause or "no clause yet",
        )
        for deadline in found
        if deadline.day
    ]
    env.out(text_table(("date", "when", "deadline", "term-sheet clause"), rows, widest=50))
    say_unknown(env, found, "")
    return ExitStatus.SUCCESS


def say_unknown(env: Environment, found: list[Deadline], where: str) -> None:
    """Deadlines without a date, each with why and which answer would settle it."""
    unknown = [deadline for deadline in found if deadline.day is None]
    if unknown:
        env.out(f"{len(unknown)} deadline(s) cannot be computed{where}:")
        for deadline in unknown:
            env.out(f"- {deadline.title}: {deadline.unknown_because} (answers: {deadline.answers})")
