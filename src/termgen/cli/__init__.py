"""The command line: a thin layer that parses arguments and hands them to the pipeline."""

from termgen.cli.main import entry, main

__all__ = ["entry", "main"]
