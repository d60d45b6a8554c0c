"""`termgen draft ANSWERS -o DIR`: the term sheet, the governance annex and the open points in
Word."""

from __future__ import annotations

import json

from termgen.cli.output import strict_status
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.findings import report
from termgen.findings.deal import blocking
from termgen.pipeline import DealRun, open_library

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Draft


def run(command: Draft, env: Environment) -> ExitStatus:
    from termgen.interview.overview import questions_of
    from termgen.interview.spec import load_spec

    deal = DealRun.from_file(command.answers, open_library(command.library, env))
    deal.question = questions_of(deal.answered, load_spec(cache=env.cache())[0], env.today())
    written = deal.write(
        command.output,
        templates=command.templates,
        replace=command.force,
        with_pdf=command.pdf,
    )
    if command.json:
        output = {"files": [str(path) for path in written], **report.as_json(deal.findings)}
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        for path in written:
            env.out(f"wrote {path}")
        env.out(report.table(deal.findings))
    return strict_status(command.strict, bool(blocking(deal.findings)))
