"""The whole deal: meta, parties and the five elements, with names that must resolve."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from termgen.model.change import Change
from termgen.model.common import KnownNames, Record, Text, blank, known_names
from termgen.model.company import Company
from termgen.model.exit import Exit
from termgen.model.goals import Goals
from termgen.model.governance import Governance
from termgen.model.meta import DealMeta, Party
from termgen.model.paths import AnswerPath, dotted, parse_path, shape_at, unknown_path
from termgen.model.strengths import Strengths
from termgen.model.term_sheet import TermSheet

ELEMENTS = ("goals", "strengths", "governance", "change", "exit")
EXCLUSIVITY_CLAUSE = "general.exclusivity"
NON_EXCLUSIVE = "non-exclusive"
"""The exclusivity clause, and its position for negotiations that are not exclusive."""


def exclusive_negotiations(positions: Any, answer: Any) -> bool | None:
    """Whether the parties negotiate exclusively, as the drafts read it (answers as data or as
    a deal): a position of the exclusivity clause named in `positions` wins over `answer`
    (deal.exclusive); None while neither says."""
    chosen = positions.get(EXCLUSIVITY_CLAUSE) if isinstance(positions, dict) else None
    if isinstance(chosen, str):
        return chosen.casefold() != NON_EXCLUSIVE
    return answer if isinstance(answer, bool) else None


class Deal(Record):
    """A partnership deal as captured by the interview or written in an answer file."""

    deal: DealMeta
    parties: list[Party] = Field(min_length=2)
    term_sheet: TermSheet = Field(default_factory=TermSheet)
    company: Company = Field(
        default_factory=Company,
        description="The joint-venture company; for an equity joint venture only.",
    )
    goals: Goals = Field(default_factory=Goals)
    strengths: Strengths = Field(default_factory=Strengths)
    governance: Governance = Field(default_factory=Governance)
    change: Change = Field(default_factory=Change)
    exit: Exit = Field(default_factory=Exit)
    positions: dict[Text, Text] = Field(
        default_factory=dict,
        description="Clause id -> label of the fallback position to use instead of the preferred.",
    )
    left_open: list[Text] = Field(
        default_factory=list,
        description=(
            "Answers left open on purpose, as paths such as 'governance.disputes.seat' or "
            "'exit.triggers.0.notice': each is a [●] in the drafts and a finding until settled."
        ),
    )

    paused_at: Text | None = Field(
        None,
        description=(
            "The list of the interview (its id) that was being answered when the interview "
            "paused: its menu is shown again, with its entries, when the interview goes on; "
            "'details' for a pause while the details were filled in, which then go on."
        ),
    )

    def is_left_open(self, path: AnswerPath) -> bool:
        """Whether the answer at `path` was left open on purpose (and is still not given)."""
        return dotted(path) in self.left_open

    @model_validator(mode="wrap")
    @classmethod
    def _resolve_names(cls, data: Any, handler: Callable[[Any], Deal]) -> Deal:
        parties = _names(data, ("parties",), "short_name")
        bodies = _names(data, ("governance", "bodies"), "name")
        names = KnownNames(tuple(parties.values()), tuple(bodies.values()))
        token = known_names.set(names)
        errors: list[Any] = []
        try:
            deal = handler(data)
        except ValidationError as invalid:
            errors.extend(invalid.errors())
        finally:
            known_names.reset(token)
        errors += _duplicates(parties, ("parties",), "short_name", "party")
        errors += _duplicates(bodies, ("governance", "bodies"), "name", "governance body")
        errors += _unplaced_marks(data)
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return deal

    @property
    def party_names(self) -> list[str]:
        return [party.short_name for party in self.parties]


def _names(data: Any, path: tuple[str, ...], key: str) -> dict[int, str]:
    """Names under `path` in raw answer data, by list index; whatever is malformed is skipped."""
    for step in path:
        data = data.get(step) if isinstance(data, dict) else None
    if not isinstance(data, list):
        return {}
    return {
        index: str(entry[key]).strip()
        for index, entry in enumerate(data)
        if isinstance(entry, dict) and isinstance(entry.get(key), str | int)
    }


def _unplaced_marks(data: Any) -> list[InitErrorDetails]:
    """Paths under `left_open` that name no answer the deal leaves open, each at its entry: no
    field of the deal, an entry beyond the end of its list, an answer that is given, a path
    listed twice. Reading the file for the interview drops such a mark and its next save
    removes it, so it is said here rather than lost unseen."""
    listed = data.get("left_open") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    errors: list[InitErrorDetails] = []
    seen: set[str] = set()
    for index, path in enumerate(listed):
        if isinstance(path, bool) or not isinstance(path, str | int) or blank(path):
            continue  # the field's own validation says what is wrong with it
        text = str(path).strip()
        problem = _unplaced(data, text, seen)
        seen.add(text)
        if problem:
            message = "{problem}"
            errors.append(
                InitErrorDetails(
                    type=PydanticCustomError("left_open_unplaced", message, {"problem": problem}),
                    loc=("left_open", index),
                    input=path,
                )
            )
    return errors


def _unplaced(data: dict[str, Any], path: str, seen: set[str]) -> str | None:
    """What is wrong with leaving the answer at `path` open, if anything."""
    if path in seen:
        return f"'{path}' is listed twice; delete this line"
    where = parse_path(path)
    if shape_at(Deal, where) is None:
        return unknown_path(Deal, path)
    value: Any = data
    for depth, part in enumerate(where):  # each step has a shape: the whole path has one
        if getattr(shape_at(Deal, where[:depth]), "kind", None) == "list":
            value = [] if value is None else value
            if not isinstance(value, list):
                return None  # the answers' own validation says what is wrong with them
            numbered = (
                f"entries of '{dotted(where[:depth])}' are numbered 0 to {len(value) - 1}"
                if value
                else f"'{dotted(where[:depth])}' has no entries"
            )
            if not isinstance(part, int) or part >= len(value):
                return (
                    f"'{path}' names entry '{part}', but {numbered}; correct it, or delete this "
                    "line"
                )
            value = value[part]
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    if not blank(value) and value not in ([], {}):
        return (
            f"'{path}' is answered in the file and listed as left open; delete this line to "
            "keep the answer, or delete the answer to leave it open"
        )
    return None


def _duplicates(
    names: dict[int, str], path: tuple[str, ...], key: str, noun: str
) -> list[InitErrorDetails]:
    first_seen: dict[str, int] = {}
    errors: list[InitErrorDetails] = []
    for index, name in names.items():
        if name.casefold() in first_seen:
            message = "'{name}' names another {noun} too (entry {first}); each name must be unique"
            context = {"name": name, "noun": noun, "first": first_seen[name.casefold()] + 1}
            errors.append(
                InitErrorDetails(
                    type=PydanticCustomError("duplicate_name", message, context),
                    loc=(*path, index, key),
                    input=name,
                )
            )
        else:
            first_seen[name.casefold()] = index
    return errors
