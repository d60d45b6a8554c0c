"""The `termgen` process: parse the command line, run one command, print, choose the exit code."""

from __future__ import annotations

import contextlib
import gc
import os
import sys

from termgen import __version__
from termgen.cli.commands import (
    COMMANDS,
    GROUPS,
    PROBLEMS_SHOWN,
    Calendar,
    Check,
    Deadlines,
    Diff,
    Draft,
    Interview,
    LibraryLint,
    LibraryList,
    LibraryShow,
    Portfolio,
    Schema,
    Validate,
)
from termgen.environment import Environment

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from termgen.cli.arguments import Command
    from termgen.errors import ExitStatus

DESCRIPTION = """\
Turn a partnership deal into Word drafts (term sheet, governance annex) and flag missing
exit and renewal terms. Answer files are YAML; see examples/ and `termgen schema`.
"""

EPILOG = """\
exit codes: 0 success, 1 blocking findings under --strict, 2 a problem with your input
(the message says where and what to do), 3 an internal error, 130 interrupted.
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command; building it imports nothing heavy."""
    import argparse

    class Formatter(argparse.HelpFormatter):
        """argparse's own, given the width it would find itself: asking shutil for it imports
        compression modules, which cost `termgen --help` more than the rest of the help."""

        def __init__(
            self,
            prog: str,
            indent_increment: int = 2,
            max_help_position: int = 24,
            width: int | None = None,
        ) -> None:
            width = _terminal_columns() - 2 if width is None else width
            super().__init__(prog, indent_increment, max_help_position, width)

    # The description and the exit codes are wrapped to the terminal like the rest: a narrow
    # one broke their lines mid-word.
    parser = argparse.ArgumentParser(
        prog="termgen", description=DESCRIPTION, epilog=EPILOG, formatter_class=Formatter
    )
    parser.add_argument("--version", action="version", version=f"termgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for command in COMMANDS:
        group, _, action = command.name.partition(" ")
        if action:
            if group not in groups:
                owner = commands.add_parser(
                    group, help=GROUPS[group], description=GROUPS[group], formatter_class=Formatter
                )
                groups[group] = owner.add_subparsers(title="actions", metavar="ACTION")
                groups[group].required = True
            where, name = groups[group], action
        else:
            where, name = commands, command.name
        declared = where.add_parser(
            name, help=command.help(), description=command.help(), formatter_class=Formatter
        )
        declared.set_defaults(command=command)
        for argument in command.arguments():
            argument.add_to(declared)
    return parser


def _terminal_columns() -> int:
    """$COLUMNS, else the width of the terminal on standard output, else 80: what
    `shutil.get_terminal_size` finds."""
    try:
        given = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        given = 0
    if given > 0:
        return given
    terminal = sys.__stdout__
    try:
        return (os.get_terminal_size(terminal.fileno()).columns if terminal else 0) or 80
    except (AttributeError, ValueError, OSError):
        return 80


def entry() -> None:
    """The `termgen` process: short-lived, so the cyclic garbage collector may run rarely.

    Once the command is done (its files written and closed, the cache saved), the process
    leaves without tearing the interpreter down: freeing every module and object one by one
    took 4-8 ms after `termgen check` had printed its report (1-2 ms without), much of it
    copying memory pages still shared with the processes it had forked. What is still buffered
    for the terminal is sent first.
    """
    gc.set_threshold(50_000, 20, 20)
    status = main()
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe or stream, or none at all (`2>&-`): nothing to send.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run termgen with `argv`; returns the exit status instead of exiting."""
    env = env or Environment()
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        env.out(f"termgen {__version__}")  # what the parser would print, without building it
        return 0
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
            parsed = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    except Exception as problem:  # a usage error an argument's type raised
        from termgen.errors import TermgenError

        if not isinstance(problem, TermgenError):
            raise
        env.err_problem(str(problem))
        return int(problem.exit_status)
    chosen: type[Command] | None = getattr(parsed, "command", None)
    if chosen is None:
        from termgen.errors import ExitStatus

        parser.print_help(env.stdout)
        return ExitStatus.ERROR
    command = chosen(vars(parsed))
    command.begin(env)
    # Imported only now, so that --help and --version stay fast (see benchmarks/startup.py).
    from termgen.generated_code import remembered

    try:
        with remembered(env.cache):
            return _carried_out(command, env)
    finally:
        env.save_cache()


def _carried_out(command: Command, env: Environment) -> int:
    """The exit status of a command: its own, or that of the error that stopped it."""
    from termgen.errors import ExitStatus, TermgenError

    try:
        return int(run(command, env))
    except TermgenError as problem:
        if command.debug:
            raise
        _report(env, problem.listing(PROBLEMS_SHOWN))
        return int(problem.exit_status)
    except BrokenPipeError:
        env.stdout_closed()
        return ExitStatus.CLOSED_PIPE
    except KeyboardInterrupt:
        env.err("termgen: interrupted")
        return ExitStatus.INTERRUPTED
    except Exception as bug:
        if command.debug:
            raise
        if isinstance(bug, OSError) and bug.filename is not None:
            # The system refused a path the user gave (too long a name, no permission, a full
            # disk): the user's to settle, as the message says, not a bug to report.
            _report(
                env,
                f"{bug.filename}: cannot use this path ({bug.strerror or bug}); check the name, "
                "and that termgen may read there",
            )
            return ExitStatus.ERROR
        _report(
            env,
            f"termgen: internal error: {type(bug).__name__}: {bug}\n"
            "This is a bug in termgen. Run again with --debug for the traceback and report it.",
        )
        return ExitStatus.INTERNAL_ERROR


def _report(env: Environment, text: str) -> None:
    """Print what stopped a command. When the reader of stderr has gone away meanwhile
    (`termgen draft deal.yaml -o out 2>&1 | head -1`), `env.err` drops it and the exit status
    stays the error's own: left to Python, the broken pipe ended the process with 1, the status
    of blocking findings."""
    from termgen.errors import shown

    env.err_problem(shown(text))  # a path the system refused is echoed as typed


def run(command: Command, env: Environment) -> ExitStatus:
    """Carry out a parsed command; each module is imported only when its command runs."""
    match command:
        case Validate():
            from termgen.cli import validate

            return validate.run(command, env)
        case Draft():
            from termgen.cli import draft

            return draft.run(command, env)
        case Check():
            from termgen.cli import check

            return check.run(command, env)
        case Interview():
            from termgen.cli import interview

            return interview.run(command, env)
        case Deadlines():
            from termgen.cli import deadlines

            return deadlines.run(command, env)
        case Calendar():
            from termgen.cli import calendar

            return calendar.run(command, env)
        case Diff():
            from termgen.cli import diff

            return diff.run(command, env)
        case Portfolio():
            from termgen.cli import portfolio

            return portfolio.run(command, env)
        case LibraryLint():
            from termgen.cli import library

            return library.lint(command, env)
        case LibraryList():
            from termgen.cli import library

            return library.listing(command, env)
        case LibraryShow():
            from termgen.cli import library

            return library.show(command, env)
        case Schema():
            from termgen.cli import schema

            return schema.run(command, env)
    raise AssertionError(f"no code carries out {type(command).__name__}")
