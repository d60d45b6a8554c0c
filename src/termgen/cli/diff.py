"""`termgen diff`: what changed between two versions of a deal, and optionally a redline."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.answers.read import LoadedDeal


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.answers.read import load_deal
    from termgen.model.compare import compare, grouped
    from termgen.model.paths import dotted

    if args.redline and args.output is None:
        raise UsageError("--redline needs -o FILE.docx: where to write the redlined term sheet")
    old, new = load_deal(args.old), load_deal(args.new)
    changes = compare(old.deal, new.deal)
    if args.redline:
        _write_redline(args, env, old, new)
    if args.json:
        rows = [{"element": c.element, "change": c.text, "path": dotted(c.path)} for c in changes]
        env.out(
            json.dumps(
                {"old": str(args.old), "new": str(args.new), "changes": rows},
                indent=2,
                ensure_ascii=False,
            )
        )
        return ExitStatus.SUCCESS
    before, after = old.deal.deal, new.deal.deal
    heading = f"{before.name} v{before.version} ({args.old}) → v{after.version} ({args.new})"
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
    args: argparse.Namespace, env: Environment, old: LoadedDeal, new: LoadedDeal
) -> None:
    import datetime as dt
    from dataclasses import replace

    from termgen.cli.library_layers import user_library
    from termgen.drafting.assemble import assemble
    from termgen.files.write import write_atomically
    from termgen.findings.deal import deal_findings
    from termgen.render.documents import render_draft
    from termgen.render.redline import redline

    library = user_library(args, env)
    term_sheets = []
    for loaded in (old, new):
        draft = assemble(loaded.deal, library, source=loaded.source)
        findings = deal_findings(loaded.deal, library, draft, loaded.source)
        term_sheet_only = replace(draft, documents=(draft.document("term_sheet"),))
        [term_sheet] = render_draft(term_sheet_only, args.templates, findings)
        term_sheets.append(term_sheet.data)
    day = new.deal.deal.date or env.today()
    when = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    data = redline(*term_sheets, author="termgen", when=when)
    write_atomically(args.output, data, replace=args.force)
    env.out(f"wrote {args.output}: the new term sheet with tracked changes against the old one")
