"""A library's house style (`style:` in its library.yaml): how its drafts write dates and
numbers, and the language Word marks them in. Each key is taken from the last layer that
sets it, so a counsel overlay may change one and keep the rest."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from termgen.model.bounded import Template
from termgen.model.common import Record, Text
from termgen.wording import DEFAULT_STYLE, HouseStyle, Language, NumberStyle


class StyleSettings(Record):
    """The house style as a library file writes it; a key left out keeps the earlier layer's."""

    language: Language | None = Field(
        None, description="en-GB ('30 June 2031') or en-US ('June 30, 2031')."
    )
    numbers: NumberStyle | None = Field(
        None, description="digits ('90 days') or words_and_digits ('ninety (90) days')."
    )


class SharedBlock(Record):
    """Jinja that several clauses start from (library.yaml, `shared:`): a clause names it under
    `uses:`, and its texts read what it sets or defines as they read their own shared block's."""

    id: Text = Field(description="The name a clause's `uses:` gives it.")
    text: Template = Field(
        description="Only {% set %} and {% macro %}, as in a clause's shared block."
    )


class LibrarySettings(Record):
    """What library.yaml holds: settings for every draft made from the library."""

    style: StyleSettings = Field(default_factory=StyleSettings)
    always_binding: list[Text] | None = Field(
        None,
        description=(
            "What a term sheet that does not bind, or binds in part, binds on from signature "
            "all the same, in the words deal › binding sections uses ('confidentiality', "
            "'exclusivity' while the negotiations are exclusive): the status clause cites "
            "them, and the interview says so where it asks for further binding sections. A "
            "later layer's list replaces an earlier one's."
        ),
    )
    shared: list[SharedBlock] = Field(
        default_factory=list,
        description=(
            "Shared blocks several clauses start from (each clause lists the ids it uses under "
            "`uses:`); a later layer's block replaces an earlier one's of the same id."
        ),
    )


def always_binding(layers: Iterable[LibrarySettings]) -> tuple[str, ...]:
    """What always binds after every layer: the last list a layer sets."""
    found: tuple[str, ...] = ()
    for layer in layers:
        if layer.always_binding is not None:
            found = tuple(layer.always_binding)
    return found


def house_style(layers: Iterable[StyleSettings]) -> HouseStyle:
    """The style after every layer: for each key, the last layer that sets it."""
    language, numbers = DEFAULT_STYLE.language, DEFAULT_STYLE.numbers
    for layer in layers:
        language = layer.language or language
        numbers = layer.numbers or numbers
    return HouseStyle(language, numbers)
