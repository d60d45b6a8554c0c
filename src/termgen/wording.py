"""Small pieces of English used in messages and drafts."""

from __future__ import annotations

from collections.abc import Sequence


def and_join(items: Sequence[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


_ACRONYMS = {"ip": "IP", "pmo": "PMO", "ota": "OTA", "kpi": "KPI", "ev": "EV"}


def humanise(identifier: str) -> str:
    """'change_of_control' -> 'change of control'; 'ip_licence' -> 'IP licence'."""
    return " ".join(_ACRONYMS.get(word, word) for word in identifier.split("_"))


def capital(text: str) -> str:
    """First letter upper case, the rest as written ('IP licence' stays 'IP licence')."""
    text = text.strip()
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Capitalised, ending in a full stop unless it already ends a sentence."""
    text = capital(text)
    return text if not text or text[-1] in ".!?" else f"{text}."
