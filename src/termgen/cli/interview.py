"""`termgen interview`: the guided interview in the terminal, saved as it goes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError
from termgen.interview.engine import Engine
from termgen.interview.lint import lint_spec
from termgen.interview.spec import Spec, load_spec

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Interview


def run(command: Interview, env: Environment) -> ExitStatus:
    spec, source = load_spec(command.spec)
    problems = lint_spec(spec, source)
    if problems:
        for problem in problems:
            env.err(str(problem))
        env.err(f"{len(problems)} problem(s) in the interview definition {source.file}")
        return ExitStatus.ERROR
    if command.lint:
        env.out(f"interview definition OK: {source.file}")
        return ExitStatus.SUCCESS
    data, output = _start(command)
    return _interview(command, env, spec, data, output)


def _start(command: Interview) -> tuple[dict[str, Any], Path | None]:
    """The answers to begin with and the file to save them in."""
    from termgen.answers.read import read_answers

    if command.resume and command.answers:
        raise UsageError(
            "use --resume to continue an interview or --answers to pre-fill a new one, not both"
        )
    if command.resume:
        return read_answers(command.resume)[0], command.output or command.resume
    data = read_answers(command.answers)[0] if command.answers else {}
    output = command.output
    if output is not None and output.exists() and not command.force:
        raise UsageError(
            f"already exists; continue it with 'termgen interview --resume {output}', or pass "
            "--force to start again over it",
            location=Location(output),
        )
    return data, output


def _interview(
    command: Interview, env: Environment, spec: Spec, data: dict[str, Any], output: Path | None
) -> ExitStatus:
    from termgen.answers.write import dump_answers
    from termgen.files.write import write_atomically
    from termgen.interview.prompts import Prompter
    from termgen.interview.runner import Runner

    engine = Engine(spec, data, today=env.today())
    if command.no_input or not env.interactive:
        return _report_missing(engine, env)
    if output is None:
        raise UsageError(
            "say where to save the answers with -o FILE (they are saved after every answer)"
        )

    def save(answers: dict[str, Any]) -> None:
        write_atomically(output, dump_answers(answers).encode(), replace=True)

    runner = Runner(engine, Prompter(env), save)
    try:
        runner.questions()
        deal = runner.review()
    except KeyboardInterrupt:
        saved = (
            f"Your answers are saved in {output}." if output.exists() else "Nothing was saved yet."
        )
        env.err(f"\nInterview paused. {saved}\nContinue with: termgen interview --resume {output}")
        return ExitStatus.INTERRUPTED
    env.out(f"\nThe answers are complete and saved in {output}.")
    _findings_and_drafts(command, env, runner, deal)
    return ExitStatus.SUCCESS


def _findings_and_drafts(command: Interview, env: Environment, runner: Any, deal: Any) -> None:
    from termgen.findings import report
    from termgen.interview.overview import asked_at
    from termgen.pipeline import DealRun, open_library

    run = DealRun(deal, open_library(command.library, env))
    findings = [
        replace(finding, question=asked_at(runner.engine, finding.path)) for finding in run.findings
    ]
    env.out(report.table(findings))

    def draft(folder: Path, replace: bool) -> list[Path]:
        return run.write(folder, replace=replace)

    try:
        runner.offer_draft(draft)
    except KeyboardInterrupt:
        env.err("\nNo drafts written.")


def _report_missing(engine: Engine, env: Environment) -> ExitStatus:
    from termgen.interview.overview import missing

    absent = missing(engine)
    if not absent:
        env.out("Nothing is missing: every required answer is given.")
        return ExitStatus.SUCCESS
    env.out(f"{len(absent)} answer(s) still missing (no terminal to ask them in):")
    for item in absent:
        env.out(f"  {item.section}: {item.what} ({item.path})")
    return ExitStatus.ERROR
