"""`termgen calendar`: the deal's deadlines as an .ics file any calendar can import."""

from __future__ import annotations

import argparse

from termgen.environment import Environment
from termgen.errors import ExitStatus


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.cli.deadlines import deal_deadlines, say_unknown
    from termgen.deadlines.ical import calendar_bytes
    from termgen.files.write import write_atomically

    loaded, found = deal_deadlines(args, env)
    stamp = loaded.deal.deal.date or env.today()
    write_atomically(args.output, calendar_bytes(loaded.deal, found, stamp), replace=args.force)
    dated = sum(1 for deadline in found if deadline.day)
    env.out(f"wrote {args.output}: {dated} deadline(s), each with a reminder")
    say_unknown(env, found, " and are not in the calendar")
    return ExitStatus.SUCCESS
