"""`termgen deadlines`: every date the deal creates, next one first, as a table or JSON."""

from __future__ import annotations

import json

from termgen.cli.output import say_unknown
from termgen.deadlines.collect import ordered_from, when_text
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.pipeline import DealRun, open_library
from termgen.terminal import text_table
from termgen.wording import date_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Deadlines


def run(command: Deadlines, env: Environment) -> ExitStatus:
    deal = DealRun.from_file(command.answers, open_library(command.library, env))
    today = env.today()
    found = ordered_from(deal.deadlines, today)
    if command.json:
        entries = [
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
        env.out(json.dumps({"file": str(command.answers), "deadlines": entries}, indent=2))
        return ExitStatus.SUCCESS
    meta = deal.deal.deal
    env.out_wrapped(
        f"Deadlines for {meta.name} v{meta.version} ({command.answers}), as of {date_text(today)}"
    )
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
    if rows:
        env.out(text_table(("date", "when", "deadline", "term-sheet clause"), rows, env.columns))
    else:
        env.out("No deadline has a date yet.")
    say_unknown(env, deal, found, "")
    return ExitStatus.SUCCESS
