"""The deal model: parties, meta and the five elements of a partnership."""

from termgen.model.deal import ELEMENTS, Deal

__all__ = ["ELEMENTS", "Deal"]
