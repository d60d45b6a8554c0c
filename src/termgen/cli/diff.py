"""`termgen diff`: what changed between two versions of a deal, and optionally a redline."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from termgen.answers.read import load_deal
from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError
from termgen.model.compare import compare, grouped
from termgen.model.paths import dotted
from termgen.pipeline import DealRun, open_library

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Diff


def run(command: Diff, env: Environment) -> ExitStatus:
    if command.redline and command.output is None:
        raise UsageError("--redline needs -o FILE.docx: where to write the redlined term sheet")
    if command.output is not None:
        from termgen.files.write import refuse_an_input

        refuse_an_input(command.output, [command.old, command.new], ".docx")
    old, new = load_deal(command.old, env.cache()), load_deal(command.new, env.cache())
    changes = compare(old.deal, new.deal)
    if command.redline:
        assert command.output is not None
        library = open_library(command.library, env)
        _write_redline(
            command,
            env,
            DealRun(old.deal, library, old.source),
            DealRun(new.deal, library, new.source),
            command.output,
        )
    if command.json:
        rows = [{"element": c.element, "change": c.text, "path": dotted(c.path)} for c in changes]
        env.out(
            json.dumps(
                {"old": str(command.old), "new": str(command.new), "changes": rows},
                indent=2,
                ensure_ascii=False,
            )
        )
        return ExitStatus.SUCCESS
    before, after = old.deal.deal, new.deal.deal
    heading = f"{before.name} v{before.version} ({command.old}) → v{after.version} ({command.new})"
    if not changes:
        env.out(f"No changes: {heading}")
        return ExitStatus.SUCCESS
    env.out(f"{len(changes)} change(s): {heading}")
    for element, items in grouped(changes).items():
        env.out(f"\n{element}")
        for change in items:
            env.out(f"  - {change.text}")
    return ExitStatus.SUCCESS


def _write_redline(
    command: Diff, env: Environment, old: DealRun, new: DealRun, output: Path
) -> None:
    from termgen.files.write import write_atomically
    from termgen.render.redline import redline

    term_sheets = [
        deal.documents(command.templates, kinds=("term_sheet",))[0].data for deal in (old, new)
    ]
    day = new.deal.deal.date or env.today()
    when = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    data = redline(*term_sheets, author="termgen", when=when)
    write_atomically(output, data, replace=command.force)
    env.out(f"wrote {output}: the new term sheet with tracked changes against the old one")
