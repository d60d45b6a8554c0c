"""`termgen schema`: the JSON Schema accepts every example and rejects what the model rejects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from .conftest import EXAMPLES, run_cli


def _as_json(value: Any) -> Any:
    """YAML data as an editor's YAML language server sees it: dates are strings."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = run_cli("schema")
    assert result.status == 0
    schema = json.loads(result.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("example", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_the_schema_validates_every_example(
    validator: jsonschema.Draft202012Validator, example: Path
) -> None:
    data = _as_json(yaml.safe_load(example.read_text(encoding="utf-8")))
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda data: data["deal"].update(purpose="batteries"), "purpose"),
        (lambda data: data["exit"]["renewal"].update(notice="90 dais"), "notice"),
        (lambda data: data["exit"].update(renwal={}), "renwal"),
        (lambda data: data["goals"]["value_sharing"]["equity"].update(NAW=101), "101"),
    ],
    ids=["bad choice", "bad duration", "unknown key", "percent over 100"],
)
def test_the_schema_rejects_what_the_model_rejects(
    validator: jsonschema.Draft202012Validator, example: Path, change: Any, where: str
) -> None:
    data = _as_json(yaml.safe_load(example.read_text(encoding="utf-8")))
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert any(where in error.message or where in str(list(error.path)) for error in errors)


def test_the_schema_can_be_written_to_a_file_once(tmp_path: Path) -> None:
    target = tmp_path / "termgen.schema.json"
    assert run_cli("schema", "-o", target).status == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "termgen answer file"
    again = run_cli("schema", "-o", target)
    assert again.status == 2
    assert "already exists; pass --force" in again.err
    assert run_cli("schema", "-o", target, "--force").status == 0
