"""Where termgen's own data lives: inside the installed package, or beside the source tree."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def builtin(name: str) -> Path:
    """The built-in folder `name` (clause_library, templates, interviews)."""
    packaged = _PACKAGE / "_data" / name
    return packaged if packaged.is_dir() else _PACKAGE.parents[1] / name


def builtin_interview() -> Path:
    """The interview termgen asks unless told otherwise."""
    return builtin("interviews") / "partnership.yaml"
