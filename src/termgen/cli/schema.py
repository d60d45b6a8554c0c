"""`termgen schema`: the JSON Schema of answer files, for editors that autocomplete YAML."""

from __future__ import annotations

from pathlib import Path

from termgen.answers.schema import SCHEMA_FILE, SCHEMA_ID, schema_text
from termgen.environment import Environment
from termgen.errors import ExitStatus, Location, OutputError
from termgen.files.write import write_atomically

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.cli.commands import Schema

_SCHEMA_START = 512
"""Bytes at the start of a schema termgen wrote that hold its id."""


def run(command: Schema, env: Environment) -> ExitStatus:
    text = schema_text()
    if command.output:
        if command.force:
            _refuse_other_than_a_schema(command.output)
        write_atomically(command.output, text.encode(), replace=command.force)
        env.err(f"wrote {command.output}")
    else:
        env.stdout.write(text)
    return ExitStatus.SUCCESS


def _refuse_other_than_a_schema(output: Path) -> None:
    """--force replaces an earlier schema, never another file: `-o deal.yaml` typed for
    `-o termgen.schema.json` would put a schema where the answers were."""
    if not output.is_file():
        return  # nothing to lose; a folder or a device is refused by the write
    try:
        with output.open("rb") as existing:
            if f'"$id": "{SCHEMA_ID}"'.encode() in existing.read(_SCHEMA_START):
                return
        what = "an answer file" if output.suffix.lower() in (".yaml", ".yml") else "not a schema"
    except OSError:
        what = "a file termgen cannot read to tell"
    raise OutputError(
        f"is {what}, which --force never replaces with the schema (it replaces only a schema "
        f"written before); write the schema to another file, for example -o "
        f"{output.with_name(SCHEMA_FILE)}",
        location=Location(output),
    )
