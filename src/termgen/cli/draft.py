"""`termgen draft ANSWERS -o DIR`: the term sheet, the governance annex and the open points in
Word."""

from __future__ import annotations

import datetime as dt
import json
import pickle

from termgen.cache import remembered
from termgen.cli.output import strict_status
from termgen.deadlines.collect import TERM_SHEET_KINDS, Kind
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.files.builtin import builtin_interview
from termgen.findings import report
from termgen.findings.deal import blocking
from termgen.pipeline import DealRun, open_library
from termgen.wording import and_join, date_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Draft
    from termgen.model.paths import AnswerPath
    from termgen.render.context import Question


def run(command: Draft, env: Environment) -> ExitStatus:
    deal = DealRun.from_file(command.answers, open_library(command.library, env))
    deal.question = _where_asked(deal, env)
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
        env.out(report.table(deal.findings, env.columns))
        passed = _passed_dates(deal, env.today())
        if passed:
            env.out_wrapped(
                f"Note: these dates have passed (today is {date_text(env.today())}): "
                f"{'; '.join(passed)}. Update them in the answers before the draft goes out."
            )
    return strict_status(command.strict, bool(blocking(deal.findings)))


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


def _where_asked(deal: DealRun, env: Environment) -> Question:
    """Where the interview asks the answer behind each finding, which the comments and the open
    points name. Remembered by the answers, the interview's text and the day, so that a draft
    of answers seen before never loads the interview."""
    _, findings = deal.drafted()
    paths = list(dict.fromkeys(finding.path for finding in findings))
    interview = builtin_interview()

    def ask() -> dict[AnswerPath, str | None]:
        from termgen.interview.overview import questions_of
        from termgen.interview.spec import load_spec

        spec, _ = load_spec(interview, env.cache())
        question = questions_of(deal.answered, spec, env.today())
        return {path: question(path) for path in paths}

    content = pickle.dumps((deal.answered, interview.read_bytes(), env.today(), paths))
    return remembered(env.cache(), "questions asked", content, ask).get
