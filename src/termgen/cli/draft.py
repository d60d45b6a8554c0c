"""`termgen draft ANSWERS -o DIR`: the term sheet, the governance annex and the open points in
Word."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from termgen.cli.output import strict_status, where_asked, with_questions
from termgen.deadlines.collect import TERM_SHEET_KINDS, Kind
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.findings import report
from termgen.findings.deal import blocking
from termgen.pipeline import DealRun, open_library
from termgen.wording import and_join, date_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Draft


def run(command: Draft, env: Environment) -> ExitStatus:
    deal = DealRun.from_file(command.answers, open_library(command.library, env))
    _, findings = deal.drafted()
    deal.question = where_asked(deal, [f.path for f in findings], env)
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
        shown = with_questions(findings, deal.question)
        env.out(report.table(shown, env.columns, command.answers))
        passed = _passed_dates(deal, env.today())
        if passed:
            env.out_wrapped(
                f"Note: these dates have passed (today is {date_text(env.today())}): "
                f"{'; '.join(passed)}. Update them in the answers before the draft goes out."
            )
        if command.pdf and _in_fallback_font(written):
            env.out_wrapped(
                "Note: LibreOffice lacks a font the templates name and set that text in "
                "DejaVu Sans, which is wider: the PDFs' lines break elsewhere than in Word, and "
                "justified lines stretch. Install the font or its metric twin (Carlito for "
                "Calibri: 'apt install fonts-crosextra-carlito') and draft again with --pdf."
            )
    return strict_status(command.strict, bool(blocking(deal.findings)))


def _in_fallback_font(written: list[Path]) -> bool:
    from termgen.render import pdf

    return pdf.in_fallback_font([path for path in written if path.suffix == ".pdf"])


def _passed_dates(deal: DealRun, today: dt.date) -> list[str]:
    """The term sheet's own dates that lie before today: a draft that cites them is stale."""
    passed = [d for d in deal.deadlines if d.kind in TERM_SHEET_KINDS and d.day and d.day < today]
    named = [
        f"{_PASSED_NAMES[d.kind]} ({date_text(d.day)})"
        for d in passed
        if d.kind in _PASSED_NAMES and d.day
    ]
    steps = [d.day for d in passed if d.kind == "timetable_step" and d.day]
    if steps:
        count = "a step" if len(steps) == 1 else f"{len(steps)} steps"
        named.append(f"{count} of the timetable ({and_join([date_text(day) for day in steps])})")
    return named


_PASSED_NAMES: dict[Kind, str] = {
    "term_sheet_lapses": "the term sheet's lapse",
    "signing_target": "the target for signing",
}
