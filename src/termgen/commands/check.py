"""`termgen check FILE`: what an answer file, or a draft from the other side, leaves out."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError

DEAL_SUFFIXES = (".yaml", ".yml")


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    suffix = args.file.suffix.lower()
    if suffix in DEAL_SUFFIXES:
        return _check_deal(args, env)
    raise UsageError(
        "termgen checks answer files (.yaml) and drafts (.pdf, .docx); rename the file if it "
        "is one of these",
        location=Location(args.file),
    )


def _check_deal(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.answers import load_deal
    from termgen.assemble import assemble
    from termgen.findings import report
    from termgen.findings.deal import blocking, deal_findings
    from termgen.library.load import library_layers, load_library

    loaded = load_deal(args.file)
    library = load_library(library_layers(args.library, env.environ))
    draft = assemble(loaded.deal, library, source=loaded.source)
    findings = deal_findings(loaded.deal, library, draft, loaded.source)
    meta = loaded.deal.deal
    if args.json:
        output = {"file": str(args.file), "deal": meta.name, **report.as_json(findings)}
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        env.out(f"Findings for {meta.name} v{meta.version} ({args.file})")
        env.out(report.table(findings))
    return strict_status(args.strict, bool(blocking(findings)))


def strict_status(strict: bool, has_blocking: bool) -> ExitStatus:
    """Exit 1 under --strict when something blocking was found; findings alone are not errors."""
    return ExitStatus.BLOCKING_FINDINGS if strict and has_blocking else ExitStatus.SUCCESS
