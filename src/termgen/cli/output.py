"""What several commands print or return alike: deadlines without a date, the --strict status,
the interview question behind each finding."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from termgen.errors import ExitStatus

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.deadlines.collect import Deadline
    from termgen.environment import Environment
    from termgen.findings.deal import Finding
    from termgen.model.paths import AnswerPath
    from termgen.pipeline import DealRun
    from termgen.render.context import Question


def say_unknown(env: Environment, deal: DealRun, found: list[Deadline], where: str) -> None:
    """Deadlines without a date, each with why and which answer would settle it, named as
    the interview asks for it: its own question, or the nearest one it comes under where the
    interview does not ask it yet (the renewal's notice, before its kind); as the file writes
    it where the interview asks neither."""
    unknown = [deadline for deadline in found if deadline.day is None]
    if unknown:
        nearest = {d.path: [d.path[:n] for n in range(len(d.path), 1, -1)] for d in unknown}
        question = where_asked(deal, [path for paths in nearest.values() for path in paths], env)
        env.out(f"{len(unknown)} deadline(s) cannot be computed{where}:")
        for deadline in unknown:
            asked = next(filter(None, map(question, nearest[deadline.path])), None)
            answer = f"settle it at “{asked}”" if asked else f"answers: {deadline.answers}"
            env.out_wrapped(f"- {deadline.title}: {deadline.unknown_because} ({answer})", "", "  ")


def strict_status(strict: bool, has_blocking: bool) -> ExitStatus:
    """Exit 1 under --strict when something blocking was found; findings alone are not errors."""
    return ExitStatus.BLOCKING_FINDINGS if strict and has_blocking else ExitStatus.SUCCESS


def where_asked(deal: DealRun, paths: Sequence[AnswerPath], env: Environment) -> Question:
    """Where the interview asks the answer at each path (a finding's, a deadline's): what the
    user answered, which the terminal, the comments and the open points name. Remembered by
    the answers, the interview's text and the day, so that a deal seen before never loads
    the interview."""
    # Imported here: `check` on a draft from the other side imports this module too.
    import pickle

    from termgen.cache import remembered
    from termgen.files.builtin import builtin_interview

    paths = list(dict.fromkeys(paths))
    interview = builtin_interview()

    def ask() -> dict[AnswerPath, str | None]:
        from termgen.interview.overview import questions_of
        from termgen.interview.spec import load_spec

        spec, _ = load_spec(interview, env.cache())
        question = questions_of(deal.answered, spec, env.today())
        return {path: question(path) for path in paths}

    content = pickle.dumps((deal.answered, interview.read_bytes(), env.today(), paths))
    return remembered(env.cache(), "questions asked", content, ask).get


def with_questions(findings: Sequence[Finding], question: Question) -> list[Finding]:
    """The findings, each naming the interview question that settles it, where one does."""
    return [dataclasses.replace(f, question=question(f.path)) for f in findings]
