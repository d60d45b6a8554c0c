"""`termgen interview`: the guided interview in the terminal, saved as it goes."""

from __future__ import annotations

import shlex
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from termgen.cli.commands import PROBLEMS_SHOWN
from termgen.environment import Environment
from termgen.errors import (
    AnswerFileError,
    ExitStatus,
    Location,
    Problem,
    SpecError,
    UsageError,
)
from termgen.interview.lint import lint_spec
from termgen.interview.spec import (
    RENAMED_PRESET_KEYS,
    Group,
    Question,
    Spec,
    load_spec,
    rewrite_renamed_keys,
)
from termgen.terminal import command_line

if TYPE_CHECKING:
    import datetime as dt

    from termgen.cli.commands import Interview
    from termgen.files.datafile import SourceMap
    from termgen.interview.engine import Engine
    from termgen.interview.runner import Runner
    from termgen.model import Deal
    from termgen.model.paths import AnswerPath


def run(command: Interview, env: Environment) -> ExitStatus:
    spec, source = load_spec(command.spec, env.cache())
    _rename_old_keys(source, env)
    problems = lint_spec(spec, source)
    if problems:
        for problem in problems:
            env.err_problem(str(problem))
        env.err(f"{len(problems)} problem(s) in the interview definition {source.file}")
        return ExitStatus.ERROR
    if command.lint:
        env.out(f"interview definition OK: {source.file}")
        return ExitStatus.SUCCESS
    command = _with_options(command)
    data, answers_source, output = _start(command)
    from termgen.interview.state import ConditionStopped

    try:
        return _interview(command, env, spec, data, answers_source, output)
    except ConditionStopped as stopped:
        where = next(place for place, item in _items(spec) if item is stopped.item)
        raise SpecError.at(
            source.text_line((*where, "when"), stopped.stopped.line or 1),
            f"condition stopped on these answers: {stopped.stopped.message}; make the "
            "condition in the interview definition smaller",
        ) from None


def _rename_old_keys(source: SourceMap, env: Environment) -> None:
    """A definition copied before a preset key was renamed is read with the new name (see
    `Preset`); say so, and write the new name into the file, so it is said once."""
    try:
        renamed = rewrite_renamed_keys(source)
    except OSError as unwritable:
        names = ", ".join(f"'{old}' to '{new}'" for old, new in RENAMED_PRESET_KEYS.items())
        env.err_problem(
            f"{source.file}: read with the new names of renamed keys, but not rewritten "
            f"({unwritable.strerror or unwritable}); rename {names} in it"
        )
        return
    for line, old, new in renamed:
        env.err_problem(
            f"{source.file}:{line}: '{old}' is now '{new}' and was rewritten so: each review "
            "named under it is held that long before the last day to stop a renewal (the end "
            "of the initial term less the notice), no longer before the term ends; check the "
            "times it gives"
        )


def _items(spec: Spec) -> Iterator[tuple[tuple[str | int, ...], Question | Group]]:
    """Each question and list of the interview, with its place in the definition's data."""
    for number, section in enumerate(spec.sections):
        for index, item in enumerate(section.items):
            where = ("sections", number, "items", index)
            yield where, item
            if isinstance(item, Group):
                for inner, question in enumerate(item.questions):
                    yield (*where, "questions", inner), question


def _with_options(command: Interview) -> Interview:
    """`termgen interview FILE` as the options it stands for: `--resume FILE` where FILE
    exists, else `-o FILE`."""
    from termgen.cli.commands import Interview

    file = command.file
    if file is None:
        return command
    if command.resume or command.output:
        given = "--resume" if command.resume else "-o"
        raise UsageError(
            f"the answer file is given twice: 'termgen interview {file}' or '{given} FILE', "
            "not both"
        )
    option = "resume" if file.exists() and not command.answers else "output"
    return Interview({**command.values, "file": None, option: file})


def _start(command: Interview) -> tuple[dict[str, Any], SourceMap | None, Path | None]:
    """The answers to begin with, where they were read, and the file to save them in."""
    from termgen.answers.read import read_answers

    if command.resume and command.answers:
        raise UsageError(
            "use --resume to continue an interview or --answers to pre-fill a new one, not both"
        )
    if command.resume:
        data, source = read_answers(command.resume)
        return data, source, command.output or command.resume
    if command.answers is None:
        return {}, None, _new_output(command)
    data, source = read_answers(command.answers)
    return data, source, _new_output(command)


def _new_output(command: Interview) -> Path | None:
    output = command.output
    if output is not None and output.is_dir():
        raise UsageError(
            f"is a folder; give the name of the answer file to save, for example "
            f"{output / 'deal.yaml'}",
            location=Location(output),
        )
    if output is not None and output.exists() and not command.force:
        raise UsageError(
            f"already exists; continue it with 'termgen interview {output}', or pass "
            "--force to start again over it",
            location=Location(output),
        )
    return output


UNFINISHED = frozenset({"missing", "too_short", "string_too_short"})
"""What the model says of answers not given yet: not a problem while the interview runs."""
MISSHAPEN = frozenset({"model_type", "model_attributes_type", "dict_type", "list_type"})
"""What the model says of a value where a mapping or a list belongs: the interview's questions
and conditions go through it, so the interview sets it aside and asks for it afresh (the file
keeps it until an answer there is saved)."""


UNKNOWN = frozenset({"extra_forbidden"})
"""What the model says of a key it does not know ('nmae:'): no question asks for it, so the
interview goes on without it, and the file keeps it as written."""


UNPLACED = frozenset({"left_open_unplaced"})
"""What the model says of a line under `left_open` that names no answer left open: the
interview drops the line (`with_open_marks`), and asks nothing."""


class Refused(NamedTuple):
    """What the deal model refuses in answers read from a file, each at its line."""

    asked: list[Problem]
    """Answers asked again first."""
    dropped: list[Problem]
    """Lines under `left_open` that the interview leaves out, and its next save removes."""
    unknown: list[Problem]
    """Keys the model does not know, which the interview goes on without."""
    set_aside: dict[AnswerPath, Any]
    """Values given in a shape the model refuses, by place: asked afresh, and kept in the file
    until answered there (see `_kept`); and the values of unknown keys, kept there."""


def _refused(data: dict[str, Any], source: SourceMap | None, spec: Spec, today: dt.date) -> Refused:
    """What the deal model refuses in answers read from a file, each list entry numbered as
    the interview heads it. A value where a mapping or a list belongs is taken out of `data`,
    so that the interview asks for it afresh, and so is a key the model does not know; every
    other answer is kept."""
    import copy
    from functools import partial

    from pydantic import ValidationError

    from termgen.interview.data import LEFT_OPEN, for_file, get, remove, with_open_marks
    from termgen.interview.groups import path_as_asked
    from termgen.interview.state import State
    from termgen.model import Deal
    from termgen.model.messages import clean_loc, located_problems, path_in_words

    if source is None:
        return Refused([], [], [], {})
    as_asked = partial(path_as_asked, State(spec, with_open_marks(copy.deepcopy(data)), today))
    located = partial(located_problems, words=as_asked)
    try:
        Deal.model_validate(for_file(data))
        return Refused([], [], [], {})
    except ValidationError as invalid:
        misshapen = located(invalid, Deal, source, only=MISSHAPEN)
        unknown = located(invalid, Deal, source, only=UNKNOWN)
        # The lines under `left_open` as the file has them: a list counted with the entries
        # taken out below, a line named as written, not as moved up.
        unplaced = located_problems(invalid, Deal, source, only=UNPLACED)
        aside = MISSHAPEN | UNKNOWN
        places = {tuple(clean_loc(e["loc"])) for e in invalid.errors() if e["type"] in aside}
    set_aside = {place: get(data, place) for place in sorted(places)}
    removed = sorted([*set_aside, *_marks_moved_up(data, list(set_aside))])
    # The deepest first: taking out a list entry leaves the places of those before it.
    for place in reversed(set_aside):
        remove(data, place)
    try:
        Deal.model_validate(for_file(data))
        return Refused(misshapen, [], unknown, set_aside)
    except ValidationError as invalid:
        # The entries after one taken out have moved up: numbered as the interview now heads
        # them, at their lines in the file.
        now = State(spec, with_open_marks(copy.deepcopy(data)), today)
        before = partial(_before_removal, removed)

        def words(path: Sequence[str | int]) -> str:
            if tuple(path[:1]) == (LEFT_OPEN,):
                return path_in_words(before(tuple(path)))
            return path_as_asked(now, path)

        moved = partial(located_problems, words=words, in_file=before)
        besides = moved(invalid, Deal, source, skip=UNFINISHED | UNPLACED | aside)
        return Refused(
            sorted([*misshapen, *besides], key=lambda problem: problem.place),
            unplaced,
            unknown,
            set_aside,
        )


def _in_list_of(place: AnswerPath, path: AnswerPath) -> bool:
    """Whether `path` goes through an entry of the list that `place`, a list entry, is in."""
    *into, entry = place
    depth = len(into)
    return (
        isinstance(entry, int)
        and tuple(path[:depth]) == tuple(into)
        and len(path) > depth
        and isinstance(path[depth], int)
    )


def _before_removal(removed: list[AnswerPath], path: AnswerPath) -> AnswerPath:
    """Where `path`, in answers with the places `removed` (in order) taken out, was before:
    past each list entry taken out, the entries of its list one further on."""
    for place in removed:
        depth = len(place) - 1
        if _in_list_of(place, path) and int(path[depth]) >= int(place[-1]):
            path = (*path[:depth], int(path[depth]) + 1, *path[depth + 1 :])
    return path


def _moved_up(removed: list[AnswerPath], path: AnswerPath) -> AnswerPath | None:
    """Where `path` is once the places `removed` (in order) are taken out: the entries after a
    list entry taken out one nearer; None in an entry taken out."""
    for place in reversed(removed):
        depth = len(place) - 1
        if not _in_list_of(place, path) or int(path[depth]) < int(place[-1]):
            continue
        if path[depth] == place[-1]:
            return None
        path = (*path[:depth], int(path[depth]) - 1, *path[depth + 1 :])
    return path


def _marks_moved_up(data: dict[str, Any], removed: list[AnswerPath]) -> list[AnswerPath]:
    """The lines under `left_open` renumbered for the list entries `removed` (in order) to be
    taken out of `data`: a line for an entry after one taken out names it where it moves up
    to, and a line in an entry taken out, asked afresh, is dropped (one past the end of its
    list stays as written, to be refused as written). Where those dropped were."""
    from termgen.interview.data import LEFT_OPEN, get
    from termgen.model.paths import dotted, parse_path

    marks = data.get(LEFT_OPEN)
    if not isinstance(marks, list):
        return []
    kept: list[object] = []
    dropped: list[AnswerPath] = []
    for index, mark in enumerate(marks):
        written = parse_path(str(mark))
        past_end = any(
            _in_list_of(place, written)
            and int(written[len(place) - 1]) >= len(get(data, place[:-1]))
            for place in removed
        )
        path = written if past_end else _moved_up(removed, written)
        if path is None:
            dropped.append((LEFT_OPEN, index))
        else:
            kept.append(mark if path == written else dotted(path))
    data[LEFT_OPEN] = kept
    return dropped


def _interview(
    command: Interview,
    env: Environment,
    spec: Spec,
    data: dict[str, Any],
    source: SourceMap | None,
    output: Path | None,
) -> ExitStatus:
    from termgen.interview.data import with_open_marks
    from termgen.interview.engine import Engine

    refused = _refused(data, source, spec, env.today())
    engine = Engine(
        spec, with_open_marks(data), today=env.today(), always_binding=_always_binding(command, env)
    )
    engine.resume()
    if command.no_input or not env.interactive:
        problems = sorted(
            [*refused.asked, *refused.dropped, *refused.unknown], key=lambda problem: problem.place
        )
        return _without_terminal(command, engine, env, problems, output)
    if output is None:
        raise UsageError(
            "say where to save the answers, e.g. 'termgen interview deal.yaml' (they are "
            "saved after every answer, and the same command continues the interview later)"
        )
    return _in_terminal(command, env, engine, refused, output)


def _always_binding(command: Interview, env: Environment) -> tuple[str, ...]:
    """What the clause library's drafts always bind on (its library.yaml, over the layers)."""
    from termgen.library.folders import library_layers
    from termgen.library.load import library_settings
    from termgen.library.style import always_binding

    layers = library_layers(command.library, env.environ)
    return always_binding(library_settings(layers, env.cache()))


def _in_terminal(
    command: Interview, env: Environment, engine: Engine, refused: Refused, output: Path
) -> ExitStatus:
    from termgen.answers.write import AnswerFile
    from termgen.files.write import check_writable
    from termgen.interview.prompts import Prompter
    from termgen.interview.runner import Runner

    check_writable(output)
    answer_file = AnswerFile.open(command.resume, output)

    def save(answers: dict[str, Any]) -> None:
        answer_file.save(_kept(answers, refused.set_aside), engine.none_meanings(answers))

    runner = Runner(engine, Prompter(env), save, output)
    queued = engine.queued
    reopened = False
    if refused.asked or refused.dropped or refused.unknown:
        runner.valid_deal(quiet=True)
        reopened = runner.ask_afresh(list(refused.set_aside))
    for problems, said in _what_is_done(refused, reopened or engine.queued > queued, output):
        for problem in problems:
            env.out_wrapped(f"{problem}", "", "  ")
        if problems:
            env.out_wrapped(said)
    if command.resume:  # `termgen interview FILE` of a file there goes on with it unasked
        env.out_wrapped(
            f"Going on with the answers in {command.resume}: the questions it answers are "
            "skipped, and those answers can be changed in the review at the end."
        )
    try:
        runner.questions()
        deal = runner.review()
    except KeyboardInterrupt:
        if runner.pauses_in_place:
            save(runner.paused())
        answer_file.close()
        adding = engine.unfinished_addition
        return _paused(env, output, unsaved=adding.group.item if adding else None)
    details = runner.details_left()
    if details:  # not every question: those the details pass asks are still to come
        env.out_wrapped(
            f"\nThe first pass is done, and the answers are saved in {output}. {details} "
            f"detail question{'s are' if details > 1 else ' is'} left: 'Fill in the details' "
            "below asks them.",
            "",
        )
    else:
        env.out_wrapped(f"\nEvery question is answered, and the answers are saved in {output}.", "")
    try:
        _findings_and_drafts(command, env, runner, deal)
    except KeyboardInterrupt:
        if runner.pauses_in_place:
            save(runner.paused())
        return _paused(env, output, drafts=True)
    finally:
        answer_file.close()
    return ExitStatus.SUCCESS


def _what_is_done(
    refused: Refused, asked_again: bool, output: Path
) -> list[tuple[list[Problem], str]]:
    """Each kind of answer refused in the file, and what the interview does with it: said
    after the answers of that kind, where there are any."""

    def them(problems: list[Problem]) -> str:
        return "it" if len(problems) == 1 else "them"

    one = len(refused.asked) == 1
    asked = (
        "These answers are asked again first."
        if asked_again
        # Only what no question asks for (`left_open: 5`, `paused_at: [x]`) is refused.
        else f"No question asks for {'this answer' if one else 'these answers'}: the interview "
        f"goes on without {them(refused.asked)}; correct {them(refused.asked)} in {output}."
    )
    lines = "This line is" if len(refused.dropped) == 1 else "These lines are"
    dropped = (
        f"{lines} left out of left_open: the answers stay as they are, and the next save "
        f"removes {them(refused.dropped)} from {output}."
    )
    keys, unknown = them(refused.unknown), "this key" if len(refused.unknown) == 1 else "these keys"
    kept = (
        f"No question asks for {unknown}: the interview goes on without {keys}, and {output} "
        f"keeps {keys} as written; correct or delete {keys} there."
    )
    return [(refused.asked, asked), (refused.dropped, dropped), (refused.unknown, kept)]


def _kept(answers: dict[str, Any], set_aside: dict[AnswerPath, Any]) -> dict[str, Any]:
    """The answers to save, with each value set aside as the file had it while its place is
    neither answered nor left open: the file keeps what the user wrote until then. A list
    entry set aside is not put back: the entries after it have moved up in its place."""
    from termgen.interview.data import ABSENT, LEFT_OPEN, get, put
    from termgen.model.paths import dotted

    left_open = answers.get(LEFT_OPEN, [])
    for place, value in set_aside.items():
        unanswered = get(answers, place) is ABSENT and dotted(place) not in left_open
        if isinstance(place[-1], str) and unanswered:
            put(answers, place, value)
    return answers


def _paused(
    env: Environment, output: Path, drafts: bool = False, unsaved: str | None = None
) -> ExitStatus:
    """Ctrl-C at any question: the answers so far are kept, but not a list entry whose
    essential answers are not all given yet (the `unsaved` kind of entry); say how to go on."""
    saved = f"Your answers are saved in {output}." if output.exists() else "Nothing was saved yet."
    if unsaved is not None:
        saved += (
            f" The {unsaved} being added was not finished, so it is not saved: add it again "
            "when you continue."
        )
    env.err_wrapped(f"\nInterview paused. {saved}")
    env.err(
        command_line(
            "Continue with:", f"termgen interview {shlex.quote(str(output))}", env.err_columns
        )
    )
    if drafts:
        env.err(
            command_line(
                "Or draft them as they are:",
                f"termgen draft {shlex.quote(str(output))} -o out/",
                env.err_columns,
            )
        )
    return ExitStatus.INTERRUPTED


def _findings_and_drafts(command: Interview, env: Environment, runner: Runner, deal: Deal) -> None:
    from termgen.findings import report
    from termgen.findings.deal import Finding
    from termgen.interview.overview import asked_at
    from termgen.pipeline import DealRun, open_library

    library = open_library(command.library, env)

    def asked(path: AnswerPath) -> str | None:
        """Where the interview asks it, in the words its prompt had for this deal."""
        where = asked_at(runner.engine, path)
        return runner.engine.worded(where) if where is not None else None

    def findings(deal: Deal) -> list[Finding]:
        return [
            replace(finding, question=asked(finding.path))
            for finding in DealRun(deal, library).findings
        ]

    def show(found: Sequence[Finding]) -> None:
        env.out("")
        if found:
            # Said before the list, which can be long: the answers are not the end of it.
            shown = report.shown_count(found)
            points = "1 point is" if shown == 1 else f"{shown} points are"
            env.out_wrapped(
                f"{points} still open ({report.summary(found)}), listed below with the question "
                "that settles each; the drafts list them too, in the open points file."
            )
            env.out("")
        env.out(report.table(found, env.columns))

    def draft(deal: Deal, folder: Path, replace: bool) -> list[Path]:
        run = DealRun(deal, library)
        run.question = lambda path: asked_at(runner.engine, path)
        return run.write(folder, replace=replace)

    runner.findings_and_drafts(findings, show, draft, deal)


def _without_terminal(
    command: Interview,
    engine: Engine,
    env: Environment,
    refused: list[Problem],
    output: Path | None,
) -> ExitStatus:
    """Ask nothing: say what the answers lack or what the model refuses; write them to -o."""
    from termgen.answers.write import AnswerFile
    from termgen.interview.overview import missing

    if refused:
        env.err_problem(AnswerFileError(refused).listing(PROBLEMS_SHOWN))
    absent = missing(engine)
    if absent:
        env.out(f"{len(absent)} answer(s) still missing (no terminal to ask them in):")
        for item in absent:
            env.out_wrapped(f"{item.section}: {item.what} ({item.path})", "  ", "    ")
    elif not refused:
        env.out("Nothing is missing: every required answer is given.")
    if output is not None and command.answers is not None:
        if refused:
            env.err(f"{output} not written: fix the answers above first.")
        else:
            answers = engine.answers()
            AnswerFile.open(command.answers, output).save(answers, engine.none_meanings(answers))
            env.out_wrapped(
                f"Answers written to {output}; continue with: termgen interview {output}"
            )
    if refused or absent:
        return ExitStatus.ERROR
    return ExitStatus.SUCCESS
