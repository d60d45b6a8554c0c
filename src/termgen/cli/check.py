"""`termgen check FILE`: what an answer file, or a draft from the other side, leaves out."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError

DEAL_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".pdf", ".docx", ".txt")


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    suffix = args.file.suffix.lower()
    if suffix in DEAL_SUFFIXES:
        return _check_deal(args, env)
    if suffix in DRAFT_SUFFIXES:
        return _check_draft(args, env)
    raise UsageError(
        "termgen checks answer files (.yaml) and drafts (.pdf, .docx, .txt); rename the file "
        "if it is one of these",
        location=Location(args.file),
    )


def _check_deal(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.answers.read import load_deal
    from termgen.cli.library_layers import user_library
    from termgen.drafting.assemble import assemble
    from termgen.findings import report
    from termgen.findings.deal import blocking, deal_findings

    loaded = load_deal(args.file)
    library = user_library(args, env)
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


def _check_draft(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.library.load import library_layers, load_provisions
    from termgen.terminal import text_table
    from termgen.their_drafts.check import check_draft

    provisions = load_provisions(library_layers(args.library, env.environ))
    report = check_draft(args.file, [entry.record for entry in provisions.values()])
    if args.json:
        env.out(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return strict_status(args.strict, bool(report.blocking_missing))
    rows = []
    for detection in report.detections:
        first = detection.evidence[0] if detection.evidence else None
        where = ""
        if first is not None:
            where = f"p. {first.page}" if first.page is not None else f"para. {first.paragraph}"
        quote = f"{where}: {first.quote}" if first else ""
        rows.append((detection.status, detection.severity, detection.provision, quote))
    env.out(f"Provisions in {args.file}")
    env.out(text_table(("status", "severity", "provision", "evidence"), rows, widest=70))
    missing = [d for d in report.detections if d.status != "present"]
    env.out(
        f"{len(report.detections) - len(missing)} present, "
        f"{sum(d.status == 'weak' for d in missing)} weak, "
        f"{sum(d.status == 'missing' for d in missing)} missing "
        f"({len(report.blocking_missing)} of them blocking)"
    )
    return strict_status(args.strict, bool(report.blocking_missing))


def strict_status(strict: bool, has_blocking: bool) -> ExitStatus:
    """Exit 1 under --strict when something blocking was found; findings alone are not errors."""
    return ExitStatus.BLOCKING_FINDINGS if strict and has_blocking else ExitStatus.SUCCESS
