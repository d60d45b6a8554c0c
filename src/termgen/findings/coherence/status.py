"""Coherence of what binds and when: the binding list of a term sheet that does not bind,
the conditions between signing and closing, and where a deadlock goes."""

from __future__ import annotations

import re

from termgen.findings.checks import Gap
from termgen.findings.coherence.reading import Reading, coherence_check, quoted
from termgen.wording import and_join

_APPROVALS = re.compile(
    r"\b(regulatory|merger[- ]control|antitrust|foreign[- ]investment) (approvals?|clearances?)\b",
    re.IGNORECASE,
)
_SIGNING_SUBJECT = re.compile(r"\bsigning\b[^.]*\bsubject to\b[^.]*", re.IGNORECASE)
_LONG_STOP = re.compile(r"\blong-?stop\b", re.IGNORECASE)
_TAKES_EFFECT = re.compile(r"\btakes effect on\b[^.]*", re.IGNORECASE)
_ON_CLOSING = re.compile(r"\b(closing|completion|conditions?|approvals?|if later|later of)\b", re.I)


@coherence_check("conditions")
def _conditions(reading: Reading) -> list[Gap]:
    """Regulatory approvals are conditions to closing, not to signing; they need a long-stop
    date; and a partnership that depends on them cannot start on a fixed date regardless."""
    needs = [(clause, s) for clause, s in reading.clauses_saying(_APPROVALS)]
    if not needs:
        return []
    gaps = []
    where = ("exit", "term", "effective_date")
    conditions = reading.text("general.conditions")
    signing = _SIGNING_SUBJECT.search(conditions)
    if signing and _APPROVALS.search(signing.group()):
        gaps.append(
            reading.gap(
                "makes the regulatory approvals a condition to signing "
                f"({quoted(signing.group())}); the parties sign, then file, then close once "
                "cleared: make them conditions to closing",
                where,
                "general.conditions",
            )
        )
    if not any(_LONG_STOP.search(reading.text(clause.id)) for clause, _ in needs) and not (
        _LONG_STOP.search(conditions)
    ):
        clause, _ = needs[0]
        gaps.append(
            reading.gap(
                "makes the partnership depend on regulatory approvals with no long-stop date by "
                "which they must be obtained; set one, after which a party may walk away",
                where,
                clause.id,
            )
        )
    start = _TAKES_EFFECT.search(reading.text("exit.term"))
    if start and not _ON_CLOSING.search(start.group()):
        gaps.append(
            reading.gap(
                f"starts the partnership on a fixed date ({quoted(start.group())}) although it "
                "depends on regulatory approvals; let it take effect on closing, or on that date "
                "if later",
                where,
                "exit.term",
            )
        )
    return gaps


_ALWAYS_BINDING = {
    "confidentiality": re.compile(r"\bconfidential", re.IGNORECASE),
    "costs": re.compile(r"\bcosts\b", re.IGNORECASE),
    "governing law": re.compile(r"\bgoverning law\b", re.IGNORECASE),
    "disputes": re.compile(r"\bdisputes?\b", re.IGNORECASE),
    "the term sheet's expiry": re.compile(r"\b(expir\w*|lapse\w*)\b", re.IGNORECASE),
}
_EXCLUSIVITY = re.compile(r"\bexclusiv\w*\b|\bno[- ]shop\b", re.IGNORECASE)
_NOT_EXCLUSIVE = re.compile(r"\bnot exclusive\b|\bnon-exclusive\b", re.IGNORECASE)
_FROM_SIGNATURE = re.compile(r"\bfrom (the )?(signature|signing)\b", re.IGNORECASE)


@coherence_check("binding")
def _binding(reading: Reading) -> list[Gap]:
    """A term sheet that does not bind still binds on confidentiality, costs, governing law and
    disputes, its own expiry and exclusivity if there is any; an exclusivity that binds must
    run from signature; negotiations that are not exclusive are not named binding; and each
    provision named binding must be in the draft."""
    deal = reading.deal
    if deal.deal.binding == "binding":
        return []
    status = next(
        (s for s in reading.outline.sections("term_sheet") if s.section.id == "status"), None
    )
    if status is None or not status.clauses:
        return []
    key = status.clauses[0].id
    text = reading.text(key)
    path = ("deal", "binding_sections")
    required = dict(_ALWAYS_BINDING)
    exclusivity = reading.text("general.exclusivity")
    exclusive = bool(exclusivity) and not _NOT_EXCLUSIVE.search(exclusivity)
    if exclusive:
        required["exclusivity"] = _EXCLUSIVITY
    missing = [name for name, pattern in required.items() if not pattern.search(text)]
    gaps = []
    if missing:
        gaps.append(
            reading.gap(
                f"does not make {and_join(missing)} binding; a term sheet that does not bind "
                "must still bind on them from signature",
                path,
                key,
            )
        )
    if exclusive and not _FROM_SIGNATURE.search(exclusivity):
        gaps.append(
            reading.gap(
                "keeps the parties exclusive only during the partnership, so nothing stops a "
                "party from negotiating with a third party before the definitive agreements are "
                "signed; add an exclusivity period that runs from signature",
                path,
                "general.exclusivity",
            )
        )
    words = " ".join(  # the other clauses' titles and words (the status clause names them all)
        f"{clause.title} {clause.choice.text}"
        for clause in reading.outline.clauses()
        if clause.id != key
    )
    flat = _flat(words)
    for index, name in enumerate(deal.deal.binding_sections):
        if exclusivity and not exclusive and _EXCLUSIVITY.search(name):
            gaps.append(
                reading.gap(
                    f"says that the parties do not negotiate exclusively, but '{name}' is named "
                    "among the sections that bind, which reads as if they did; remove it from "
                    "the binding sections, or answer that the negotiations are exclusive",
                    (*path, index),
                    "general.exclusivity",
                )
            )
            continue
        parts = [part.strip() for part in re.split(r",|\band\b", _flat(name))]
        if not all(part in flat for part in parts if part):
            gaps.append(
                Gap(
                    f"'{name}' is named binding, but no clause of the draft is about it; name a "
                    "provision the term sheet has, or add its clause",
                    (*path, index),
                )
            )
    return gaps


def _flat(text: str) -> str:
    """Lower case, hyphens as spaces, one space between words: 'Data-protection' finds
    'data protection'."""
    return re.sub(r"[\s-]+", " ", text.casefold()).strip()


_TO_FORUM = re.compile(
    r"\b(unresolved|not resolved|after the last level)\b[^.]*"
    r"\b(arbitration|courts?|litigation|expert|dispute mechanism)\b",
    re.IGNORECASE,
)
_DEADLOCK = re.compile(r"\bdeadlock", re.IGNORECASE)


@coherence_check("deadlock_route")
def _deadlock_route(reading: Reading) -> list[Gap]:
    """A business deadlock goes up the escalation path and then to the deadlock exit; an
    arbitrator or a court decides legal disputes, not business decisions."""
    gaps = []
    for key in ("governance.escalation", "governance.annex.escalation"):
        text = reading.text(key)
        sends = _TO_FORUM.search(text)
        if sends and not _DEADLOCK.search(text):
            gaps.append(
                reading.gap(
                    f"sends every disagreement still unresolved to a forum "
                    f"({quoted(sends.group())}), business deadlocks included; an arbitrator or a "
                    "court decides legal disputes, not business decisions: send deadlocks to the "
                    "deadlock exit",
                    ("governance", "escalation"),
                    key,
                )
            )
    return gaps
