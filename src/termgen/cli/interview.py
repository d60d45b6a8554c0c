"""`termgen interview`: the guided interview in the terminal, saved as it goes."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, UsageError


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.interview.lint import lint_spec
    from termgen.interview.spec import load_spec

    spec, source = load_spec(args.spec)
    problems = lint_spec(spec, source)
    if problems:
        for problem in problems:
            env.err(str(problem))
        env.err(f"{len(problems)} problem(s) in the interview definition {source.file}")
        return ExitStatus.ERROR
    if args.lint:
        env.out(f"interview definition OK: {source.file}")
        return ExitStatus.SUCCESS
    data, output = _start(args)
    return _interview(args, env, spec, data, output)


def _start(args: argparse.Namespace) -> tuple[dict[str, Any], Path | None]:
    """The answers to begin with and the file to save them in."""
    from termgen.answers.read import read_answers

    if args.resume and args.answers:
        raise UsageError(
            "use --resume to continue an interview or --answers to pre-fill a new one, not both"
        )
    if args.resume:
        return read_answers(args.resume)[0], args.output or args.resume
    data = read_answers(args.answers)[0] if args.answers else {}
    output = args.output
    if output is not None and output.exists() and not args.force:
        raise UsageError(
            f"already exists; continue it with 'termgen interview --resume {output}', or pass "
            "--force to start again over it",
            location=Location(output),
        )
    return data, output


def _interview(
    args: argparse.Namespace, env: Environment, spec: Any, data: dict[str, Any], output: Path | None
) -> ExitStatus:
    from termgen.answers.read import dump_answers
    from termgen.files.write import write_atomically
    from termgen.interview.engine import Engine

    engine = Engine(spec, data, today=env.today())
    if args.no_input or not env.interactive:
        return _report_missing(engine, env)
    if output is None:
        raise UsageError(
            "say where to save the answers with -o FILE (they are saved after every answer)"
        )
    from termgen.interview.prompts import Prompter
    from termgen.interview.runner import Runner

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
    _findings_and_drafts(args, env, runner, deal)
    return ExitStatus.SUCCESS


def _findings_and_drafts(
    args: argparse.Namespace, env: Environment, runner: Any, deal: Any
) -> None:
    from termgen.cli.library_layers import user_library
    from termgen.drafting.assemble import assemble
    from termgen.findings import report
    from termgen.findings.deal import deal_findings
    from termgen.pipeline import write_drafts

    library = user_library(args, env)
    findings = [
        replace(finding, question=runner.engine.asked_at(finding.path))
        for finding in deal_findings(deal, library, assemble(deal, library))
    ]
    env.out(report.table(findings))

    def draft(folder: Path, replace: bool) -> list[Path]:
        return write_drafts(deal, library, folder, replace=replace).written

    try:
        runner.offer_draft(draft)
    except KeyboardInterrupt:
        env.err("\nNo drafts written.")


def _report_missing(engine: Any, env: Environment) -> ExitStatus:
    missing = engine.missing()
    if not missing:
        env.out("Nothing is missing: every required answer is given.")
        return ExitStatus.SUCCESS
    env.out(f"{len(missing)} answer(s) still missing (no terminal to ask them in):")
    for item in missing:
        env.out(f"  {item.section}: {item.what} ({item.path})")
    return ExitStatus.ERROR
