"""Who the deal is between and what kind of deal it is."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from termgen.model.bounded import Day, short_text
from termgen.model.common import Record, Text, blank

Purpose = Literal[
    "production_efficiency",
    "electrification",
    "software_codevelopment",
    "strategic_flexibility",
    "autonomy_mobility",
]
Structure = Literal[
    "contractual_alliance", "equity_joint_venture", "codevelopment", "supply_alliance"
]
MAX_NAME = 120
MAX_VERSION = 30
BindingStatus = Literal["non_binding", "partly_binding", "binding"]
_GERMANY = re.compile(r"\b(Germany|Deutschland|German)\b", re.IGNORECASE)
_STOCK_CORPORATION = re.compile(r"\b(AG|SE|KGaA|Aktiengesellschaft)\s*$")


class Signatory(Record):
    """The person who signs for a party."""

    name: Text | None = None
    title: Text | None = None


class Notices(Record):
    """Where notices under the term sheet reach a party."""

    address: Text | None = Field(None, description="Postal address for notices.")
    email: Text | None = None
    attention: Text | None = Field(None, description="The person or function notices go to.")


class Party(Record):
    """One party to the deal; other sections refer to it by `short_name`."""

    short_name: Text = Field(
        description="How the rest of the file refers to this party, e.g. VOLTA."
    )
    legal_name: Text | None = Field(None, description="Full registered name.")
    jurisdiction: Text | None = Field(None, description="Where it is incorporated.")
    role: Text | None = Field(
        None, description="What it is in this deal, e.g. 'OEM', 'cell maker'."
    )
    motivation: Text | None = Field(None, description="Why this party wants the partnership.")
    signatory: Signatory | None = Field(
        None, description="Who signs for it; the signature block is left blank without one."
    )
    second_signatory: Signatory | None = Field(
        None,
        description="A second person who signs, where the party signs through two "
        "(e.g. two board members of an AG): a second signature block.",
    )
    notices: Notices | None = Field(
        None, description="Where notices reach it; omitted: the address it notifies."
    )

    @field_validator("signatory", "second_signatory", "notices", mode="before")
    @classmethod
    def _none_when_blank(cls, given: Any) -> Any:
        """A signatory or an address given with nothing in it is none (`second_signatory:
        {name: null}`, as earlier interviews kept 'no second signatory')."""
        if isinstance(given, dict) and given and all(blank(value) for value in given.values()):
            return None
        return given

    def signs_through_two(self) -> bool:
        """Whether the party's own law has it sign through two people: a German stock
        corporation (AG, SE, KGaA) acts through two members of its management board, or one
        with a holder of Prokura, unless its articles say otherwise."""
        return bool(
            self.jurisdiction
            and _GERMANY.search(self.jurisdiction)
            and self.legal_name
            and _STOCK_CORPORATION.search(self.legal_name)
        )


class DealMeta(Record):
    """The deal's name, version and nature."""

    name: Annotated[Text, short_text(MAX_NAME, "a deal name")] = Field(
        description="Project name, used in file names, e.g. 'Project Volta'."
    )
    version: Annotated[Text, short_text(MAX_VERSION, "a version")] = Field(
        "0.1", description="Draft version, e.g. '0.3'."
    )
    date: Day | None = Field(None, description="Date of this draft (YYYY-MM-DD).")
    purpose: Purpose = Field(description="What the partnership is for.")
    structure: Structure | None = Field(None, description="Legal form of the partnership.")
    governing_law: Text | None = Field(None, description="e.g. 'England and Wales', 'Germany'.")
    binding: BindingStatus = Field(
        "non_binding", description="Whether the term sheet binds the parties."
    )
    binding_sections: list[Text] = Field(
        default_factory=list,
        description="Sections binding even in a non-binding term sheet, e.g. confidentiality.",
    )
    exclusive: bool | None = Field(
        None,
        description=(
            "Whether the parties negotiate exclusively: yes binds the exclusivity clause's "
            "first paragraph from signature; no states that neither the partnership nor the "
            "negotiations are exclusive. Omitted: left to the clause position, else open."
        ),
    )
