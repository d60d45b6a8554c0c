"""`termgen check FILE`: what an answer file, or a draft from the other side, leaves out."""

from __future__ import annotations

import json

from termgen.cli.commands import Check
from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError

DEAL_SUFFIXES = (".yaml", ".yml")
DRAFT_SUFFIXES = (".pdf", ".docx", ".txt")


def run(command: Check, env: Environment) -> ExitStatus:
    suffix = command.file.suffix.lower()
    if suffix in DEAL_SUFFIXES:
        return _check_deal(command, env)
    if suffix in DRAFT_SUFFIXES:
        return _check_draft(command, env)
    raise UsageError(
        "termgen checks answer files (.yaml) and drafts (.pdf, .docx, .txt); rename the file "
        "if it is one of these",
        location=Location(command.file),
    )


def _check_deal(command: Check, env: Environment) -> ExitStatus:
    from termgen.findings import report
    from termgen.findings.deal import blocking
    from termgen.pipeline import DealRun, open_library

    library = open_library(command.library, env)
    deal = DealRun.from_file(command.file, library)
    meta = deal.deal.deal
    if command.json:
        output = {"file": str(command.file), "deal": meta.name, **report.as_json(deal.findings)}
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        env.out(f"Findings for {meta.name} v{meta.version} ({command.file})")
        env.out(report.table(deal.findings))
    return strict_status(command.strict, bool(blocking(deal.findings)))


def _check_draft(command: Check, env: Environment) -> ExitStatus:
    from termgen.library.load import library_layers, load_provisions
    from termgen.terminal import text_table
    from termgen.their_drafts.check import check_draft

    provisions = load_provisions(library_layers(command.library, env.environ))
    report = check_draft(command.file, [entry.record for entry in provisions.values()])
    if command.json:
        env.out(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return strict_status(command.strict, bool(report.blocking_missing))
    rows = []
    for detection in report.detections:
        first = detection.evidence[0] if detection.evidence else None
        where = ""
        if first is not None:
            where = f"p. {first.page}" if first.page is not None else f"para. {first.paragraph}"
        quote = f"{where}: {first.quote}" if first else ""
        rows.append((detection.status, detection.severity, detection.provision, quote))
    env.out(f"Provisions in {command.file}")
    env.out(text_table(("status", "severity", "provision", "evidence"), rows, widest=70))
    missing = [d for d in report.detections if d.status != "present"]
    env.out(
        f"{len(report.detections) - len(missing)} present, "
        f"{sum(d.status == 'weak' for d in missing)} weak, "
        f"{sum(d.status == 'missing' for d in missing)} missing "
        f"({len(report.blocking_missing)} of them blocking)"
    )
    return strict_status(command.strict, bool(report.blocking_missing))


def strict_status(strict: bool, has_blocking: bool) -> ExitStatus:
    """Exit 1 under --strict when something blocking was found; findings alone are not errors."""
    return ExitStatus.BLOCKING_FINDINGS if strict and has_blocking else ExitStatus.SUCCESS
