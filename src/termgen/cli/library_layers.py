"""One module per CLI command; each imports its heavy libraries only when it runs."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

    from termgen.environment import Environment
    from termgen.library.load import Library


def user_library(args: argparse.Namespace, env: Environment) -> Library:
    """The built-in clause library with $TERMGEN_LIBRARY and --library layered over it."""
    from termgen.library.load import library_layers, load_library

    return load_library(library_layers(args.library, env.environ), cache=env.cache())
