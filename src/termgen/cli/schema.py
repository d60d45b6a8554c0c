"""`termgen schema`: the JSON Schema of answer files, for editors that autocomplete YAML."""

from __future__ import annotations

from termgen.answers.schema import schema_text
from termgen.environment import Environment
from termgen.errors import ExitStatus
from termgen.files.write import write_atomically

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Schema


def run(command: Schema, env: Environment) -> ExitStatus:
    text = schema_text()
    if command.output:
        write_atomically(command.output, text.encode(), replace=command.force)
        env.err(f"wrote {command.output}")
    else:
        env.stdout.write(text)
    return ExitStatus.SUCCESS
