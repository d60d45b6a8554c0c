"""`termgen calendar`: the deal's deadlines as an .ics file any calendar can import."""

from __future__ import annotations

from termgen.cli.output import say_unknown
from termgen.deadlines.ical import calendar_bytes
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.files.write import refuse_an_input, write_atomically
from termgen.pipeline import DealRun, open_library

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Calendar


def run(command: Calendar, env: Environment) -> ExitStatus:
    refuse_an_input(command.output, [command.answers], ".ics")
    deal = DealRun.from_file(command.answers, open_library(command.library, env))
    stamp = deal.deal.deal.date or env.today()
    data = calendar_bytes(deal.deal, deal.deadlines, stamp)
    write_atomically(command.output, data, replace=command.force)
    dated = sum(1 for deadline in deal.deadlines if deadline.day)
    env.out(f"wrote {command.output}: {dated} deadline(s), each with a reminder")
    say_unknown(env, deal, deal.deadlines, " and are not in the calendar")
    return ExitStatus.SUCCESS
