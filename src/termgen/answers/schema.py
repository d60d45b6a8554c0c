"""The JSON Schema of answer files, which editors with the YAML language server use to complete
keys and choices: printed by `termgen schema`, and written beside every answer file the
interview saves, where the file's first line tells the editor to look for it."""

from __future__ import annotations

import json
from pathlib import Path

from termgen.files.write import write_atomically
from termgen.model import Deal

SCHEMA_FILE = "termgen.schema.json"
SCHEMA_HINT = f"# yaml-language-server: $schema={SCHEMA_FILE}"
"""The first line of an answer file termgen writes: the schema beside the file."""


SCHEMA_ID = "https://termgen.dev/schema/answers.json"
"""Names the schema in its first lines, whichever version of termgen wrote it."""


def answer_file_schema() -> dict[str, object]:
    """JSON Schema (2020-12) that every valid answer file satisfies."""
    schema = Deal.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "termgen answer file",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(answer_file_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema_beside(answers: Path) -> None:
    """Put the schema where the answer file's first line points, unless it is there already:
    an editor that reads that line finds nothing otherwise."""
    target = answers.parent / SCHEMA_FILE
    text = schema_text()
    try:
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            return
        write_atomically(target, text.encode(), replace=True)
    except OSError:
        return  # completion in an editor is a help; the answers are saved all the same
