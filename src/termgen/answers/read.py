"""Reading answer files: YAML in, a validated deal out, file:line:column on every problem."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from termgen.cache import Cache
from termgen.errors import AnswerFileError
from termgen.files.datafile import SourceMap, read_validated, read_yaml, whole_file
from termgen.files.read import ANSWER_FILE
from termgen.model import Deal
from termgen.model.messages import located_problems


@dataclass
class LoadedDeal:
    """A validated deal and where its answers came from."""

    deal: Deal
    source: SourceMap
    answered: dict[str, Any]
    """The deal as plain answer data, only what was answered: what the interview reads."""


def read_answers(path: Path) -> tuple[dict[str, Any], SourceMap]:
    """Read an answer file into plain data and a source map; YAML-level problems raise."""
    data, source = read_yaml(Path(path), kind=ANSWER_FILE)
    return _answer_data(data, source), source


def _answer_data(data: Any, source: SourceMap) -> dict[str, Any]:
    if data is None:
        raise whole_file(
            source.file,
            "the file is empty; an answer file needs at least 'deal:' and 'parties:' "
            "(see examples/)",
            AnswerFileError,
        )
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        raise whole_file(
            source.file,
            f"the file holds {found}, not an answer file; an answer file is a mapping with "
            "'deal:' and 'parties:' at the top level",
            AnswerFileError,
        )
    return data


def parse_deal(data: dict[str, Any], source: SourceMap) -> Deal:
    """Validate answer data as a deal; every problem is reported with its place in the file."""
    try:
        return Deal.model_validate(data)
    except ValidationError as invalid:
        raise AnswerFileError(located_problems(invalid, Deal, source)) from None


def load_deal(path: Path | str, cache: Cache | None = None) -> LoadedDeal:
    """Read and validate an answer file (from the cache when it has not changed)."""
    (deal, answered), source = read_validated(Path(path), ANSWER_FILE, _deal_and_answers, cache)
    return LoadedDeal(deal, source, answered)


def _deal_and_answers(data: Any, source: SourceMap) -> tuple[Deal, dict[str, Any]]:
    deal = parse_deal(_answer_data(data, source), source)
    return deal, answers_data(deal)


def answers_data(deal: Deal) -> dict[str, Any]:
    """The deal as plain answer data: only what was answered, in the model's key order."""
    data: dict[str, Any] = plain_answers(
        deal.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    )
    return data


def plain_answers(value: Any) -> Any:
    """Answer data with only types YAML writes plainly: Decimals become int or float."""
    if isinstance(value, dict):
        return {str(key): plain_answers(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_answers(item) for item in value]
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, str):
        return str(value)
    return value
