"""Check results shipped with termgen for its built-in library: what the template checks say
of each built-in clause's texts, and the cue checks of each built-in cue pattern.

Every cold `library lint` lints the built-in library along with counsel's folders, and these
checks of its texts and patterns were a third of a second of work each time, for results that
change only with a release. `scripts/ship_lint_results.py` writes them into the library
folder (`SHIPPED_FILE`); a test fails when they are not what the checks give now.

Each result is kept under the content it is a function of, as the cache keeps it: a text's
check key (`clause_lint.checked_content`), a pattern's own text. So a result is used for
whatever folder that content comes from, and never for anything else: an edited built-in
clause, an overlay that replaces or disables one, or a provision it redefines, brings content
of its own, which is checked. Besides termgen's code (the test), the results depend on Jinja's
parser, the `regex` engine and Python's `re` parser, so they are used only with the versions
they were made with. A file that cannot be read, is malformed, or whose checksum does not
match its content (damaged, or edited by hand) is not used at all: every check runs. The
checksum catches damage, not forgery: whoever can write this file can write termgen itself.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termgen.files.builtin import builtin

if TYPE_CHECKING:
    from termgen.library.lint_templates import TextIssue

SHIPPED_FILE = "lint-results.json"
SHIPPED = builtin("clause_library") / SHIPPED_FILE
_FORMAT = 1


@dataclass(frozen=True)
class Shipped:
    """Check results by the content they are a function of."""

    text_issues: Mapping[bytes, list[TextIssue]] = field(default_factory=dict)
    """The template checks' issues of a clause's texts and condition, by its check key."""
    cue_problems: Mapping[str, str | None] = field(default_factory=dict)
    """What is wrong with a cue pattern (None: nothing), by the pattern."""


def made_with() -> dict[str, str]:
    """The versions of what the shipped results depend on besides termgen."""
    import jinja2
    import regex

    return {
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "jinja2": jinja2.__version__,
        "regex": regex.__version__,
    }


def encoded(shipped: Shipped) -> bytes:
    """The file `read_shipped` reads: sorted, one result a line, with a checksum."""
    content = {
        "format": _FORMAT,
        "made with": made_with(),
        "text issues": {
            key.hex(): [[list(path), line, message] for path, line, message in issues]
            for key, issues in sorted(shipped.text_issues.items())
        },
        "cue problems": dict(sorted(shipped.cue_problems.items())),
    }
    document = {**content, "checksum": _checksum(content)}
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode()


def read_shipped(path: Path = SHIPPED) -> Shipped:
    """The results shipped in `path`; none when it is missing, malformed, damaged or made
    with other versions (then every check runs, as it would without them)."""
    try:
        document = json.loads(path.read_bytes())
        content = {key: value for key, value in document.items() if key != "checksum"}
        if (
            document["checksum"] != _checksum(content)
            or content["format"] != _FORMAT
            or content["made with"] != made_with()
        ):
            return Shipped()
        texts, cues = content["text issues"].items(), content["cue problems"].items()
        return Shipped(
            {bytes.fromhex(key): _issues(issues) for key, issues in texts},
            {_text(pattern): _problem(problem) for pattern, problem in cues},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Shipped()


def _checksum(content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _issues(value: Any) -> list[TextIssue]:
    issues: list[TextIssue] = []
    for item in _list(value):
        path, line, message = _list(item)
        if not all(isinstance(part, str | int) for part in _list(path)):
            raise TypeError("not a path in a clause")
        if line is not None and not isinstance(line, int):
            raise TypeError("not a line")
        issues.append((tuple(path), line, _text(message)))
    return issues


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _problem(value: Any) -> str | None:
    return None if value is None else _text(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value
