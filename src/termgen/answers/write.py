"""Writing answer files: the deal as YAML, with a header that lets editors autocomplete."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from termgen.files.write import write_atomically
from termgen.model import Deal

SCHEMA_HINT = "# yaml-language-server: $schema=termgen.schema.json"


def answers_data(deal: Deal) -> dict[str, Any]:
    """The deal as plain answer data: only what was answered, in the model's key order."""
    data: dict[str, Any] = _plain(
        deal.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    )
    return data


def dump_answers(data: dict[str, Any]) -> str:
    """YAML text for answer data, with a header that lets editors autocomplete."""
    body = yaml.dump(
        _plain(data), Dumper=_AnswerDumper, sort_keys=False, allow_unicode=True, width=10_000
    )
    return f"{SCHEMA_HINT}\n{body}"


def save_deal(deal: Deal, path: Path | str, *, replace: bool = True) -> Path:
    """Write the deal as an answer file, atomically."""
    return write_atomically(Path(path), dump_answers(answers_data(deal)).encode(), replace=replace)


def _plain(value: Any) -> Any:
    """Answer data with only types YAML writes plainly: Decimals become int or float."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value


class _AnswerDumper(yaml.SafeDumper):
    """Indents list entries under their key and writes multi-line text as literal blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_AnswerDumper.add_representer(str, _represent_text)
