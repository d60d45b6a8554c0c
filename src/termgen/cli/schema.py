"""`termgen schema`: the JSON Schema of answer files, for editors that autocomplete YAML."""

from __future__ import annotations

import json

from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.files.write import write_atomically
from termgen.model import Deal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Schema


def answer_file_schema() -> dict[str, object]:
    """JSON Schema (2020-12) that every valid answer file satisfies."""
    schema = Deal.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://termgen.dev/schema/answers.json",
        "title": "termgen answer file",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def run(command: Schema, env: Environment) -> ExitStatus:
    text = json.dumps(answer_file_schema(), indent=2, ensure_ascii=False) + "\n"
    if command.output:
        write_atomically(command.output, text.encode(), replace=command.force)
        env.err(f"wrote {command.output}")
    else:
        env.stdout.write(text)
    return ExitStatus.SUCCESS
