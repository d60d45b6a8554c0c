"""Walk the deal model by path: what type lives at `exit.triggers[].notice`, what keys exist."""

from __future__ import annotations

import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

AnswerPath = tuple[str | int, ...]
"""A place in an answer file: keys and list indexes, e.g. ('exit', 'triggers', 0, 'cure')."""


def dotted(path: AnswerPath) -> str:
    """('exit', 'triggers', 0, 'cure') -> 'exit.triggers.0.cure'."""
    return ".".join(str(part) for part in path)


def split(path: str) -> AnswerPath:
    """'exit.renewal.notice' -> ('exit', 'renewal', 'notice')."""
    return tuple(path.split("."))


def parse_path(path: str) -> AnswerPath:
    """'exit.triggers.0.notice' -> ('exit', 'triggers', 0, 'notice'): list indexes as numbers."""
    # ASCII digits only: str.isdigit also takes '²' and '٣', which int() refuses or reads
    return tuple(
        int(part) if part.isascii() and part.isdigit() else part for part in path.split(".")
    )


_AHEAD = frozenset(
    {
        ("exit", "term", "effective_date"),
        ("goals", "objectives", "measure", "by"),
        ("strengths", "contributions", "start"),
        ("strengths", "phases", "target_date"),
        ("change", "review_points", "date"),
    }
)
"""Dates the partnership looks forward to: one before the draft's own date is a slip."""


def expected_ahead(path: AnswerPath) -> bool:
    """Whether the date at `path` (list indexes aside) is one expected after the draft's date."""
    return tuple(part for part in path if isinstance(part, str)) in _AHEAD


@dataclass(frozen=True)
class Shape:
    """What a model field holds, with Optional and Annotated stripped away."""

    kind: Literal["model", "list", "dict", "choice", "scalar"]
    model: type[BaseModel] | None = None
    item: Any = None
    choices: tuple[str, ...] = ()
    scalar: Any = None
    optional: bool = False


def shape_of(annotation: Any) -> Shape:
    """Describe an annotation as one of the shapes a path can step through."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            optional = optional or len(members) < len(get_args(annotation))
            if len(members) != 1:
                return Shape("scalar", scalar=annotation, optional=optional)
            annotation = members[0]
        else:
            break
    origin = get_origin(annotation)
    if origin is Literal:
        return Shape(
            "choice", choices=tuple(str(arg) for arg in get_args(annotation)), optional=optional
        )
    if origin is list:
        return Shape("list", item=get_args(annotation)[0], optional=optional)
    if origin is dict:
        return Shape("dict", item=get_args(annotation)[1], optional=optional)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("model", model=annotation, optional=optional)
    return Shape("scalar", scalar=annotation, optional=optional)


def field_names(model: type[BaseModel]) -> list[str]:
    """The keys an answer file may use for this model, in order."""
    return list(model.model_fields)


def step(shape: Shape, key: str | int) -> Shape | None:
    """The shape one step further along a path, or None when the step does not exist."""
    if shape.kind == "model" and isinstance(key, str) and shape.model is not None:
        field = shape.model.model_fields.get(key)
        return shape_of(field.annotation) if field else None
    if shape.kind in ("list", "dict"):
        return shape_of(shape.item)
    return None


def shape_at(root: type[BaseModel], path: Sequence[str | int]) -> Shape | None:
    """The shape at `path` below `root`; list indices and dict keys may be any value."""
    shape: Shape | None = Shape("model", model=root)
    for key in path:
        if shape is None:
            return None
        shape = step(shape, key)
    return shape


def field_at(root: type[BaseModel], path: Sequence[str | int]) -> FieldInfo | None:
    """The model field the last key of `path` names, if it is a field of a model."""
    parent = shape_at(root, path[:-1])
    if parent is None or parent.kind != "model" or parent.model is None:
        return None
    return parent.model.model_fields.get(str(path[-1]))


def reference_kind(field: FieldInfo) -> str | None:
    """'party' or 'owner' when the field refers to a party (or a body), directly or in a list."""
    from termgen.model.common import resolve_owner, resolve_party

    kinds = {resolve_party: "party", resolve_owner: "owner"}
    pending: list[Any] = [*field.metadata, field.annotation]
    while pending:
        item = pending.pop()
        function = getattr(item, "func", None)
        if function in kinds:
            return kinds[function]
        if get_origin(item) is Annotated:
            pending += list(item.__metadata__)
        pending += [arg for arg in get_args(item) if arg is not type(None)]
    return None


def unknown_path(root: type[BaseModel], path: str) -> str:
    """Say that a dotted path names no field, suggesting the nearest one at the step that fails."""
    from termgen.suggest import nearest, quoted

    keys = split(path)
    problem = f"'{path}' is not a field of the {'deal' if root.__name__ == 'Deal' else 'entry'}"
    for depth in range(len(keys)):
        parent = shape_at(root, keys[:depth])
        if parent is None or parent.model is None or keys[depth] in parent.model.model_fields:
            continue
        fields = field_names(parent.model)
        match = nearest(str(keys[depth]), fields)
        if match is not None:
            return (
                f"{problem}, did you mean '{dotted((*keys[:depth], match, *keys[depth + 1 :]))}'?"
            )
        return f"{problem}; '{dotted(keys[:depth]) or 'the top level'}' has {quoted(fields)}"
    return problem
