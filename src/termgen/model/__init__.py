"""The deal model: parties, meta and the five elements of a partnership.

`Deal` is loaded on first use: reading a draft from the other side needs the records of
`model.common` but not the deal, whose pydantic classes take longer to build than the rest of
that command's start.
"""

from __future__ import annotations

from typing import Any

TYPE_CHECKING = False
if TYPE_CHECKING:
    from termgen.model.deal import ELEMENTS, Deal

__all__ = ["ELEMENTS", "Deal"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from termgen.model import deal

        return getattr(deal, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
