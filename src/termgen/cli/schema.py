"""`termgen schema`: the JSON Schema of answer files, for editors that autocomplete YAML."""

from __future__ import annotations

import argparse
import json

from termgen.environment import Environment
from termgen.errors import ExitStatus


def answer_file_schema() -> dict[str, object]:
    """JSON Schema (2020-12) that every valid answer file satisfies."""
    from termgen.model import Deal

    schema = Deal.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://termgen.dev/schema/answers.json",
        "title": "termgen answer file",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def run(args: argparse.Namespace, env: Environment) -> ExitStatus:
    from termgen.files.write import write_atomically

    text = json.dumps(answer_file_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        write_atomically(args.output, text.encode(), replace=args.force)
        env.err(f"wrote {args.output}")
    else:
        env.stdout.write(text)
    return ExitStatus.SUCCESS
