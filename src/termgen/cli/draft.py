"""`termgen draft ANSWERS -o DIR`: the term sheet and the governance annex in Word."""

from __future__ import annotations

import argparse
import json

from termgen.cli.check import strict_status
from termgen.environment import Environment
from termgen.errors import ExitStatus


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.answers.read import load_deal
    from termgen.cli.library_layers import user_library
    from termgen.findings import report
    from termgen.findings.deal import blocking
    from termgen.pipeline import write_drafts

    loaded = load_deal(args.answers)
    library = user_library(args, env)
    drafted = write_drafts(
        loaded.deal,
        library,
        args.output,
        source=loaded.source,
        templates=args.templates,
        replace=args.force,
        with_pdf=args.pdf,
    )
    if args.json:
        output = {
            "files": [str(path) for path in drafted.written],
            **report.as_json(drafted.findings),
        }
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        for path in drafted.written:
            env.out(f"wrote {path}")
        env.out(report.table(drafted.findings))
    return strict_status(args.strict, bool(blocking(drafted.findings)))
