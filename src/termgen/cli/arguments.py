"""Command-line arguments: each one declared once, typed, and read as an attribute.

An `Argument` is both the argparse declaration and a typed attribute of the command that takes
it: `Draft.force = force()` adds `--force` to `termgen draft`, and `command.force` is a bool
in the code that runs it. Imported by every run, `--help` included, so it imports nothing
beyond argparse; the type parameter exists for the type checker only.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping
    from pathlib import Path
    from typing import Any, Generic, TypeVar, overload

    from termgen.environment import Environment

    T = TypeVar("T")

    class _Typed(Generic[T]):
        pass

else:
    T = None

    class _Typed:
        def __class_getitem__(cls, _: object) -> type:
            return cls


class Argument(_Typed[T]):
    """One argument of a command; its attribute name is its `dest`."""

    def __init__(self, *flags: str, **settings: Any) -> None:
        self.flags = flags
        self.settings = settings
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    if TYPE_CHECKING:

        @overload
        def __get__(self, command: None, owner: type) -> Argument[T]: ...

        @overload
        def __get__(self, command: object, owner: type) -> T: ...

    def __get__(self, command: Any, owner: type) -> Any:
        if command is None:
            return self
        return command.values[self.name]

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        if self.flags:
            parser.add_argument(*self.flags, dest=self.name, **self.settings)
        else:
            parser.add_argument(self.name, **self.settings)


class Command:
    """A command's parsed arguments; each subclass declares its own as `Argument` attributes.

    `name` is what the user types ('draft', or 'library lint' for an action of a command),
    and the docstring is its help.
    """

    name = ""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.values = values

    @property
    def debug(self) -> bool:
        """`termgen --debug COMMAND`: show the traceback of a failure."""
        return bool(self.values.get("debug"))

    def begin(self, env: Environment) -> None:
        """Work that starts as soon as the command line is parsed, before the modules that
        carry out the command are imported (none, for most commands)."""

    @classmethod
    def arguments(cls) -> list[Argument[Any]]:
        """Every argument of the command, in the order declared."""
        return [value for value in vars(cls).values() if isinstance(value, Argument)]

    @classmethod
    def help(cls) -> str:
        return (cls.__doc__ or "").strip()


def path(text: str) -> Path:
    """A file or folder argument; pathlib is imported only once arguments are parsed."""
    from pathlib import Path

    return Path(text)


def folder(option: str) -> Callable[[str], Path]:
    """The type of a folder option that is layered or searched: an empty one ('--library ""',
    a variable left unset) would be the current folder, with every YAML file below it. It is
    refused as every other usage error is, in one message (argparse would add its usage)."""

    def given(text: str) -> Path:
        if not text.strip():
            from termgen.errors import UsageError

            raise UsageError(
                f"{option} '{text}': an empty folder name would mean the current folder; give "
                "the folder, or '.' if the current folder is meant"
            )
        return path(text)

    return given


def answers_file() -> Argument[Path]:
    return Argument(type=path, metavar="ANSWERS", help="an answer file (YAML)")


def force_flag() -> Argument[bool]:
    return Argument("--force", action="store_true", help="replace output files that already exist")


def json_flag() -> Argument[bool]:
    return Argument("--json", action="store_true", help="print machine-readable JSON")


def strict_flag() -> Argument[bool]:
    return Argument(
        "--strict",
        action="store_true",
        help="exit 1 when a blocking finding exists (for CI of deal folders)",
    )


def output_file() -> Argument[Path | None]:
    return Argument("-o", "--output", type=path, metavar="FILE", help="write to FILE")


def library_folders() -> Argument[list[Path]]:
    return Argument(
        "--library",
        action="append",
        type=folder("--library"),
        default=[],
        metavar="DIR",
        help="a clause-library folder layered over the built-in one (repeatable; also "
        "TERMGEN_LIBRARY, with folders separated by ':')",
    )


def template_folders() -> Argument[list[Path]]:
    return Argument(
        "--templates",
        action="append",
        type=folder("--templates"),
        default=[],
        metavar="DIR",
        help="a folder with term-sheet.docx, governance-annex.docx and/or open-points.docx "
        "used instead of the built-in templates (repeatable; the last folder that has a "
        "template wins)",
    )
