"""Where the clause library's folders are, found without loading any of them."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from termgen.files.builtin import builtin

ENVIRONMENT_VARIABLE = "TERMGEN_LIBRARY"
PROVISIONS_FILE = "provisions.yaml"


def library_layers(
    overlays: Sequence[Path] = (), environ: Mapping[str, str] | None = None
) -> list[Path]:
    """Built-in library first, then TERMGEN_LIBRARY folders, then --library folders."""
    environ = os.environ if environ is None else environ
    from_environment = [
        Path(part) for part in environ.get(ENVIRONMENT_VARIABLE, "").split(os.pathsep) if part
    ]
    return [builtin("clause_library"), *from_environment, *overlays]
