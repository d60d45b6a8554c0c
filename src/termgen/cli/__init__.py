"""The `termgen` command: parse arguments, run one command, print, choose the exit code."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys

from termgen import __version__
from termgen.cli import arguments as o
from termgen.environment import Environment

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

DESCRIPTION = """\
Turn a partnership deal into Word drafts (term sheet, governance annex) and flag missing
exit and renewal terms. Answer files are YAML; see examples/ and `termgen schema`.
"""

EPILOG = """\
exit codes: 0 success, 1 blocking findings under --strict, 2 a problem with your input
(the message says where and what to do), 3 an internal error, 130 interrupted.
"""


def _command(
    commands: argparse._SubParsersAction,
    name: str,
    module: str,
    help_text: str,
    *options: o.Option,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(command=module)
    return o.add(parser, *options)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser; building it imports nothing heavy."""
    parser = argparse.ArgumentParser(
        prog="termgen",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"termgen {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _command(commands, "validate", "validate", "check answer files", o.ANSWER_FILES)
    _command(
        commands,
        "draft",
        "draft",
        "write the term sheet and governance annex (.docx) for an answer file",
        o.ANSWERS,
        o.OUTPUT_DIR,
        o.PDF,
        o.FORCE,
        o.LIBRARY,
        o.TEMPLATES,
        o.JSON,
        o.STRICT,
    )
    _command(
        commands,
        "check",
        "check",
        "flag missing exit, renewal and other provisions in an answer file or a draft",
        o.CHECKED_FILE,
        o.JSON,
        o.STRICT,
        o.LIBRARY,
    )
    _command(
        commands,
        "interview",
        "interview",
        "answer the guided interview in the terminal; answers are saved after each one",
        o.INTERVIEW_OUTPUT,
        o.RESUME,
        o.PREFILL,
        o.SPEC,
        o.NO_INPUT,
        o.LINT_SPEC,
        o.FORCE,
        o.LIBRARY,
    )
    _command(
        commands,
        "deadlines",
        "deadlines",
        "list every deadline the deal creates, the next one first",
        o.ANSWERS,
        o.JSON,
        o.LIBRARY,
    )
    _command(
        commands,
        "calendar",
        "calendar",
        "write the deal's deadlines to an iCalendar (.ics) file, each with a reminder",
        o.ANSWERS,
        o.CALENDAR_FILE,
        o.FORCE,
        o.LIBRARY,
    )
    _command(
        commands,
        "diff",
        "diff",
        "list what changed between two versions of a deal; --redline writes tracked changes",
        o.OLD_ANSWERS,
        o.NEW_ANSWERS,
        o.REDLINE,
        o.OUTPUT_FILE,
        o.FORCE,
        o.JSON,
        o.LIBRARY,
        o.TEMPLATES,
    )
    _command(
        commands,
        "portfolio",
        "portfolio",
        "one row per deal in a folder tree, the most urgent first",
        o.PORTFOLIO_FOLDER,
        o.JSON,
        o.LIBRARY,
    )
    library = _command(commands, "library", "library", "lint, list or show clause-library clauses")
    actions = library.add_subparsers(title="actions", metavar="ACTION", dest="library_command")
    actions.required = True
    lint = actions.add_parser("lint", help="check the clause library and overlays for problems")
    o.add(lint, o.OVERLAY_FOLDERS)
    listing = actions.add_parser("list", help="list clauses")
    listing.add_argument("--element", help="only this element, e.g. exit")
    listing.add_argument("--purpose", help="only clauses for this purpose, e.g. electrification")
    show = actions.add_parser("show", help="show one clause in full")
    show.add_argument("clause_id", metavar="ID", help="the clause id, e.g. exit.renewal.automatic")
    for action in (lint, listing, show):
        o.add(action, o.LIBRARY)
    _command(
        commands,
        "schema",
        "schema",
        "print the JSON Schema of answer files (for editor autocompletion)",
        o.OUTPUT_FILE,
        o.FORCE,
    )
    return parser


def entry() -> None:
    """The `termgen` process: short-lived, so the cyclic garbage collector may run rarely.

    Objects alive at the end are frozen, which spares the collector's last sweep at exit.
    """
    gc.set_threshold(50_000, 20, 20)
    status = main()
    gc.freeze()
    sys.exit(status)


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run termgen with `argv`; returns the exit status instead of exiting."""
    env = env or Environment()
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(env.stdout), contextlib.redirect_stderr(env.stderr):
            args = parser.parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    # Imported only now, so that --help and --version stay fast (see benchmarks/startup.py).
    from termgen.errors import ExitStatus, TermgenError

    if not getattr(args, "command", None):
        parser.print_help(env.stdout)
        return ExitStatus.ERROR
    run = importlib.import_module(f"termgen.cli.{args.command}").run
    try:
        return int(run(args, env))
    except TermgenError as problem:
        if args.debug:
            raise
        env.err(str(problem))
        return int(problem.exit_status)
    except KeyboardInterrupt:
        env.err("termgen: interrupted")
        return ExitStatus.INTERRUPTED
    except Exception as bug:
        if args.debug:
            raise
        env.err(
            f"termgen: internal error: {type(bug).__name__}: {bug}\n"
            "This is a bug in termgen. Run again with --debug for the traceback and report it."
        )
        return ExitStatus.INTERNAL_ERROR
    finally:
        env.save_cache()
