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


def test_force_never_puts_the_schema_over_an_answer_file_or_another_file(tmp_path: Path) -> None:
    answers = tmp_path / "deal.yaml"
    answers.write_text("deal:\n  name: Project Volta\n", encoding="utf-8")
    other = tmp_path / "notes.json"
    other.write_text('{"notes": []}\n', encoding="utf-8")
    for target, what in ((answers, "an answer file"), (other, "not a schema")):
        before = target.read_bytes()
        result = run_cli("schema", "-o", target, "--force")
        assert result.status == 2
        assert result.err == (
            f"{target}: is {what}, which --force never replaces with the schema (it replaces "
            "only a schema written before); write the schema to another file, for example -o "
            f"{tmp_path / 'termgen.schema.json'}\n"
        )
        assert target.read_bytes() == before
