"""Checking an interview definition: every question binds to the deal model, conditions compile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from termgen.errors import Problem
from termgen.files.datafile import SourceMap
from termgen.interview.spec import OTHER_PURPOSES, Group, Question, Spec
from termgen.interview.types import (
    SELECT_TYPES,
    TEXT_TYPES,
    AnswerError,
    QuestionType,
    parse,
)
from termgen.model import Deal
from termgen.model.common import Duration, Money, Quantity
from termgen.model.messages import located_problems
from termgen.model.meta import Purpose
from termgen.model.paths import (
    Shape,
    field_at,
    reference_kind,
    shape_at,
    shape_of,
    split,
    unknown_path,
)
from termgen.suggest import with_suggestion
from termgen.templating.check import model_scope, template_issues
from termgen.templating.sandbox import Sandbox

_SCALARS: dict[str, tuple[Any, ...]] = {
    "text": (str,),
    "place": (str,),
    "city": (str,),
    "integer": (int,),
    "decimal": (Decimal,),
    "percent": (Decimal,),
    "date": (dt.date,),
    "yes_no": (bool,),
}
_MODELS: dict[str, type[BaseModel]] = {"duration": Duration, "money": Money, "quantity": Quantity}


def _fits(kind: str, shape: Shape, field: FieldInfo) -> bool:
    """Whether a question type can hold what the model keeps at its path."""
    reference = reference_kind(field)
    if kind in ("party", "owner"):
        return reference == kind
    if kind == "parties":
        return shape.kind == "list" and reference == "party"
    if kind == "choice":
        return shape.kind == "choice"
    if kind == "multi_choice":
        return shape.kind == "list" and shape_of(shape.item).kind == "choice"
    if kind == "text_list":
        return shape.kind == "list" and shape_of(shape.item).scalar is str
    if kind in ("shares", "per_party"):
        item = shape_of(shape.item) if shape.kind == "dict" else None
        return item is not None and item.scalar is (Decimal if kind == "shares" else int)
    if kind in _MODELS:
        return shape.kind == "model" and shape.model is _MODELS[kind]
    return shape.kind == "scalar" and shape.scalar in _SCALARS[kind] and reference is None


class _Linter:
    def __init__(self, spec: Spec, source: SourceMap) -> None:
        self.spec = spec
        self.source = source
        self.env = Sandbox()
        self.problems: list[Problem] = []
        self.ids: dict[str, tuple[str | int, ...]] = {}

    def problem(self, where: tuple[str | int, ...], message: str, line: int | None = None) -> None:
        location = self.source.text_line(where, line) if line else self.source.locate(where)
        self.problems.append(Problem(message, location))

    def condition(
        self, where: tuple[str | int, ...], source: str | None, scope: dict[str, Any]
    ) -> None:
        if source is not None:
            for issue in template_issues(self.env, source, scope, expression=True):
                self.problem(where, f"condition: {issue.message}", issue.line)

    def question(
        self,
        where: tuple[str | int, ...],
        question: Question,
        root: Shape,
        scope: dict[str, Any],
        group: Group | None = None,
    ) -> None:
        key = f"{group.id}.{question.id}" if group else str(question.id)
        if key in self.ids:
            self.problem((*where, "id"), f"the id '{key}' is used twice")
        self.ids[key] = where
        assert root.model is not None
        path = split(question.path)
        shape = shape_at(root.model, path)
        field = field_at(root.model, path)
        if shape is None or field is None:
            self.problem((*where, "path"), unknown_path(root.model, question.path))
        elif not _fits(question.type, shape, field):
            fitting = [kind for kind in get_args(QuestionType) if _fits(kind, shape, field)]
            self.problem(
                (*where, "type"),
                f"type '{question.type}' does not fit '{question.path}'; "
                f"use {' or '.join(repr(kind) for kind in fitting) or 'a group'}",
            )
        self.condition((*where, "when"), question.when, scope)
        for number, conditional in enumerate(question.help_when):
            self.condition((*where, "help_when", number, "when"), conditional.when, scope)
        if question.instead_of is not None:
            alternative = shape_at(root.model, split(question.instead_of))
            if alternative is None:
                self.problem((*where, "instead_of"), unknown_path(root.model, question.instead_of))
        if question.example_follows is not None:
            if question.type != "per_party":
                self.problem(
                    (*where, "example_follows"), "only a number per party follows shares per party"
                )
            elif shape_at(root.model, split(question.example_follows)) is None:
                self.problem(
                    (*where, "example_follows"),
                    unknown_path(root.model, question.example_follows),
                )
        if question.unit is not None and question.type != "integer":
            self.problem((*where, "unit"), "only a whole-number question counts in a unit")
        may_be_none = question.type in TEXT_TYPES or question.type in SELECT_TYPES
        if question.empty_is_none and (question.required or not may_be_none):
            self.problem(
                (*where, "empty_is_none"),
                "only a typed answer or a choice that is not required may be empty, and so mean "
                "none",
            )
        if question.none_label is not None and not (
            question.empty_is_none and question.type in SELECT_TYPES
        ):
            self.problem(
                (*where, "none_label"), "only a choice that may be none (empty_is_none) has one"
            )
        self.texts(where, question)
        choices = shape.choices if shape is not None and shape.kind == "choice" else ()
        if shape is not None and shape.kind == "list":
            choices = shape_of(shape.item).choices
        for value in question.labels:
            if value not in choices:
                self.problem(
                    (*where, "labels", value),
                    with_suggestion(f"'{value}' is not one of the choices", value, choices),
                )

    def group(self, where: tuple[str | int, ...], group: Group, deal_scope: dict[str, Any]) -> None:
        shape = shape_at(Deal, split(group.path))
        if shape is None or shape.kind != "list" or shape_of(shape.item).kind != "model":
            self.problem(
                (*where, "path"), f"'{group.path}' is not a list of entries in the deal model"
            )
            return
        item = shape_of(shape.item)
        assert item.model is not None
        if group.max is not None and group.max < group.min:
            self.problem((*where, "max"), "max is smaller than min")
        for key in group.fixed:
            if key not in item.model.model_fields:
                self.problem((*where, "fixed", key), f"'{key}' is not a field of a {group.item}")
        for name, at in (("none_at", group.none_at), ("open_at", group.open_at)):
            if at is None:
                continue
            marks = shape_at(Deal, split(at))
            kinds = (
                shape_of(marks.item).choices if marks is not None and marks.kind == "list" else ()
            )
            if not group.fixed or any(value not in kinds for value in group.fixed.values()):
                self.problem(
                    (*where, name),
                    f"'{at}' is not a list in the deal model that can hold "
                    f"{', '.join(map(str, group.fixed.values())) or 'the fixed values'}",
                )
        self.texts(where, group)
        scope = {**deal_scope, "item": item}
        self.condition((*where, "when"), group.when, deal_scope)
        for issue in template_issues(self.env, group.summary, {"item": item}):
            self.problem((*where, "summary"), f"summary: {issue.message}", issue.line)
        for index, question in enumerate(group.questions):
            self.question((*where, "questions", index), question, item, scope, group)

    def presets(self) -> None:
        questions = {q.path: q for _, q in self._top_questions()}
        groups = {g.path: g for g in self._groups() if not g.fixed}
        seen: set[tuple[str | None, str | None]] = set()
        for index, preset in enumerate(self.spec.presets):
            where: tuple[str | int, ...] = ("presets", index)
            form = f" as {preset.structure}" if preset.structure else ""
            if (preset.purpose, preset.structure) in seen:
                self.problem(
                    (*where, "purpose"), f"two presets for '{preset.purpose or 'all'}'{form}"
                )
            if preset.structure and preset.purpose is None:
                self.problem((*where, "structure"), "a preset for a structure names its purpose")
            seen.add((preset.purpose, preset.structure))
            for path, value in preset.defaults.items():
                at = (*where, "defaults", path)
                if path in groups:
                    self._preset_entries(at, groups[path], value)
                    continue
                question = questions.get(path)
                if question is None:
                    self.problem(at, f"no question or list asks '{path}'")
                    continue
                choices = shape_at(Deal, split(path))
                try:
                    parse(
                        question.type,
                        value,
                        choices=choices.choices if choices else (),
                        unit=question.unit,
                    )
                except AnswerError as wrong:
                    self.problem(at, f"default for '{path}': {wrong}")

    def _preset_entries(self, where: tuple[str | int, ...], group: Group, value: Any) -> None:
        """Suggested entries of a list must be entries the deal model takes."""
        shape = shape_at(Deal, split(group.path))
        assert shape is not None
        item = shape_of(shape.item).model
        assert item is not None
        if not isinstance(value, list):
            self.problem(where, f"'{group.path}' is a list: suggest its entries as a list")
            return
        for number, entry in enumerate(value):
            try:
                item.model_validate(entry)
            except ValidationError as invalid:
                for problem in located_problems(invalid, item, self.source, (*where, number)):
                    self.problems.append(problem)

    def _groups(self) -> Iterator[Group]:
        for section in self.spec.sections:
            yield from (item for item in section.items if isinstance(item, Group))

    def texts(self, where: tuple[str | int, ...], item: Question | Group) -> None:
        """Help and examples by purpose name real purposes."""
        for key in ("help", "example"):
            given = getattr(item, key, None)
            texts = enumerate(given) if isinstance(given, list) else [(None, given)]
            for number, text in texts:
                if not isinstance(text, dict):
                    continue
                at = (*where, key) if number is None else (*where, key, number)
                for purpose in text:
                    if purpose not in (*get_args(Purpose), OTHER_PURPOSES):
                        self.problem(
                            (*at, purpose),
                            with_suggestion(
                                f"'{purpose}' is not a purpose",
                                purpose,
                                [*get_args(Purpose), OTHER_PURPOSES],
                            ),
                        )

    def _top_questions(self) -> Iterator[tuple[tuple[str | int, ...], Question]]:
        for s, section in enumerate(self.spec.sections):
            for i, item in enumerate(section.items):
                if isinstance(item, Question):
                    yield ("sections", s, "items", i), item

    def run(self) -> list[Problem]:
        deal = Shape("model", model=Deal)
        scope = model_scope(deal)
        for s, section in enumerate(self.spec.sections):
            for i, item in enumerate(section.items):
                where: tuple[str | int, ...] = ("sections", s, "items", i)
                if isinstance(item, Group):
                    self.group(where, item, scope)
                else:
                    self.question(where, item, deal, scope)
        self.presets()
        return sorted(self.problems, key=lambda problem: problem.place)


def lint_spec(spec: Spec, source: SourceMap) -> list[Problem]:
    """Every problem of an interview definition, with its line."""
    return _Linter(spec, source).run()
