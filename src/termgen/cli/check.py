"""`termgen check FILE`: what an answer file, or a draft from the other side, leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from termgen.cli.commands import DEAL_SUFFIXES, DRAFT_SUFFIXES
from termgen.cli.output import strict_status, where_asked, with_questions
from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from termgen.cli.commands import Check
    from termgen.their_drafts.wanted import Wanted

EVIDENCE_LINES = 2
"""How many lines of the evidence column a quote may fill in the table of one draft."""


def run(command: Check, env: Environment) -> ExitStatus:
    files = command.files
    if command.against is not None:
        if len(files) > 1 or files[0].suffix.lower() not in DRAFT_SUFFIXES:
            raise UsageError(
                "--against compares one draft from the other side (.pdf, .docx, .txt) with an "
                "answer file; give their draft first",
                location=Location(files[0]),
            )
        return _check_against(command, files[0], command.against, env)
    if command.annotate is not None or command.acting_for is not None:
        raise UsageError("--annotate and --as work with --against ANSWERS only")
    if len(files) == 1 and files[0].suffix.lower() in DEAL_SUFFIXES:
        return _check_deal(command, files[0], env)
    for file in files:
        if not file.is_dir() and file.suffix.lower() not in DRAFT_SUFFIXES:
            raise UsageError(
                "termgen checks answer files (.yaml) and drafts (.pdf, .docx, .txt); rename the "
                "file if it is one of these"
                + ("; check answer files one at a time" if file.suffix in DEAL_SUFFIXES else ""),
                location=Location(file),
            )
    if len(files) == 1 and not files[0].is_dir():
        return _check_draft(command, files[0], env)
    return _check_drafts(command, env)


def _check_deal(command: Check, file: Path, env: Environment) -> ExitStatus:
    from termgen.findings import report
    from termgen.findings.deal import blocking
    from termgen.pipeline import DealRun, open_library

    library = open_library(command.library, env)
    deal = DealRun.from_file(file, library)
    meta = deal.deal.deal
    # Each finding leads with the question the user answered; the file's line comes second.
    findings = with_questions(
        deal.findings, where_asked(deal, [f.path for f in deal.findings], env)
    )
    if command.json:
        output = {"file": str(file), "deal": meta.name, **report.as_json(findings)}
        env.out(json.dumps(output, indent=2, ensure_ascii=False))
    else:
        env.out_wrapped(f"Findings for {meta.name} v{meta.version} ({shown(str(file))})")
        env.out(report.table(findings, env.columns, file))
    return strict_status(command.strict, bool(blocking(findings)))


def _provisions(command: Check, env: Environment) -> list[Wanted]:
    from termgen.library.folders import library_layers
    from termgen.their_drafts.wanted import wanted_provisions

    return wanted_provisions(library_layers(command.library, env.environ), env.cache())


def _check_draft(command: Check, file: Path, env: Environment) -> ExitStatus:
    reading = command.reading(env)
    from termgen.terminal import text_table
    from termgen.their_drafts.check import check_extracted

    report = check_extracted(reading, lambda: _provisions(command, env), env.cache())
    if command.json:
        env.out(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
        return strict_status(command.strict, bool(report.blocking_unsettled))
    env.out(f"Provisions in {shown(str(file))}")
    header = ("status", "severity", "provision", "evidence")
    env.out(text_table(header, _shortened(header, report.rows(), env.columns), env.columns))
    env.out_wrapped(report.summary())
    return strict_status(command.strict, bool(report.blocking_unsettled))


def _shortened(
    header: Sequence[str], rows: Sequence[tuple[str, str, str, str]], columns: int
) -> list[tuple[str, str, str, str]]:
    """The rows with each quote cut, between words and marked '…', to EVIDENCE_LINES lines of
    the evidence column beside the others at their width: a column of sentences six lines
    tall is read by no one. `--json` has the whole quote."""
    from termgen.terminal import NARROWEST, fit, wrap

    beside = sum(max(len(row[index]) for row in (header, *rows)) + 2 for index in range(3))
    width = max(columns - beside, NARROWEST)
    shortened = []
    for *cells, quote in rows:
        lines = wrap(quote, width).splitlines()
        if len(lines) > EVIDENCE_LINES:
            last = fit(f"{lines[EVIDENCE_LINES - 1]} {lines[EVIDENCE_LINES]}", width)
            quote = " ".join([*lines[: EVIDENCE_LINES - 1], last])
        shortened.append((cells[0], cells[1], cells[2], quote))
    return shortened


def _check_drafts(command: Check, env: Environment) -> ExitStatus:
    from termgen.terminal import text_table
    from termgen.their_drafts.batch import check_many, drafts_in, summary_row

    files = drafts_in(command.files)
    if not files:
        raise UsageError(
            "no drafts (.pdf, .docx, .txt) in the folders given",
            location=Location(command.files[0]),
        )
    results = []
    for checked in check_many(files, _provisions(command, env), password=command.password):
        results.append(checked)
        if command.json:
            env.out(json.dumps(checked.as_json(), ensure_ascii=False))
    if not command.json:
        rows = [summary_row(checked) for checked in results]
        header = ("file", "present", "weak", "missing", "blocking, not present")
        env.out(text_table(header, rows, None))
        failed = sum(checked.error is not None for checked in results)
        drafts = f"{len(results)} draft{'s' if len(results) != 1 else ''}"
        env.out(f"{drafts} checked, {failed} could not be read")
    # Each error is said once, in its draft's row (or JSON line), as `portfolio` does: not
    # again on stderr.
    if any(checked.error is not None for checked in results):
        return ExitStatus.ERROR
    blocking = any(checked.report and checked.report.blocking_unsettled for checked in results)
    return strict_status(command.strict, bool(blocking))


def _check_against(command: Check, file: Path, answers: Path, env: Environment) -> ExitStatus:
    from termgen.pipeline import DealRun, open_library
    from termgen.their_drafts.against import review_draft, text

    if command.annotate is not None:
        from termgen.files.write import refuse_an_input

        refuse_an_input(command.annotate, [file, answers], ".docx", "--annotate")
    deal = DealRun.from_file(answers, open_library(command.library, env))
    review = review_draft(file, deal.positions(command.acting_for))
    if command.annotate is not None:
        from termgen.their_drafts.annotate import annotate

        annotate(file, review, command.annotate, replace=command.force)
    if command.json:
        env.out(json.dumps(review.as_json(), indent=2, ensure_ascii=False))
    else:
        env.out(text(review, env.columns))
    return strict_status(command.strict, bool(review.worse))
