"""Our positions and theirs, side by side: what the deal settles and the library lets us
concede, next to what their draft says about the same provisions.

Ours come from the deal (the values) and the clauses the draft selects for it (their
fallback positions, and in them what we can still accept: `accepts` in the clause file).
Theirs are read from their draft: the sentences the reader found for each provision, and
the values written in them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from termgen.drafting.outline import Outline
from termgen.errors import UsageError
from termgen.library.clause import Accepts, Clause
from termgen.library.provisions import Provision
from termgen.model import Deal
from termgen.model.common import Duration
from termgen.model.deal import EXCLUSIVITY_CLAUSE, exclusive_negotiations
from termgen.model.exit import Renewal, SurvivalKind, Term, TriggerKind
from termgen.suggest import with_suggestion
from termgen.their_drafts.check import ForeignReport
from termgen.their_drafts.dates import DateMention
from termgen.their_drafts.detect import Detection
from termgen.their_drafts.exits import (
    ChoiceRead,
    ExclusivityRead,
    HolderRead,
    TriggerRead,
    exclusivity,
    exit_costs,
    lock_in,
    read_trigger,
    survival,
    valuation,
)
from termgen.their_drafts.parties import Holder, PartyNames, holder
from termgen.their_drafts.renewals import RenewalRead, renewal, renewal_notice
from termgen.their_drafts.terms import DurationRead, Read, TermRead, effective_date, initial_term


@dataclass(frozen=True)
class Floor:
    """The least a fallback position lets us accept for one value, and what it needs."""

    value: Duration
    label: str
    requires: str | None


@dataclass(frozen=True)
class OurTrigger:
    kind: TriggerKind
    holder: Holder
    notice: Duration | None
    cure: Duration | None
    floors: Mapping[str, tuple[Floor, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Ours:
    """What we proposed: the deal's exit path and, per value, the fallbacks' floors."""

    deal: Deal
    us: str
    provisions: Mapping[str, Provision]
    term: Term | None
    renewal: Renewal | None
    triggers: tuple[OurTrigger, ...]
    exclusive: bool | None
    """Mutual exclusivity proposed (True), expressly non-exclusive (False), or no clause."""
    floors: Mapping[str, tuple[Floor, ...]] = field(default_factory=dict)
    """'term', 'lock_in', 'renewal_period', 'notice' (of the renewal), 'survival' -> floors."""


def _floors(clause: Clause | None, key: str) -> tuple[Floor, ...]:
    if clause is None:
        return ()
    found = []
    for fallback in clause.text.fallback:
        accepts: Accepts | None = fallback.accepts
        value = getattr(accepts, key, None) if accepts else None
        if value is not None:
            found.append(Floor(value, fallback.label, fallback.requires))
    return tuple(found)


def holder_of(deal: Deal, short_name: str | None) -> Holder:
    """Who holds a right in the deal: the party named, or every party when none is."""
    everyone = frozenset(deal.party_names)
    if short_name is None:
        return Holder(everyone, everyone=True)
    return Holder(frozenset({short_name}), everyone=everyone == {short_name})


def our_positions(outline: Outline, provisions: Mapping[str, Provision], us: str | None) -> Ours:
    """Our positions, from the deal and the clauses the draft selects for it."""
    deal = outline.deal
    if us is not None and us not in deal.party_names:
        raise UsageError(
            with_suggestion(f"--as {us}: not one of the deal's parties", us, deal.party_names)
        )

    def clause(key: str) -> Clause | None:
        found = outline.clause_for(key)
        return found.choice.clause.record if found else None

    triggers = []
    for trigger in deal.exit.triggers:
        chosen = clause(f"exit.trigger.{trigger.kind}")
        triggers.append(
            OurTrigger(
                trigger.kind,
                holder_of(deal, trigger.exercisable_by),
                trigger.notice,
                trigger.cure,
                {key: _floors(chosen, key) for key in ("notice", "cure")},
            )
        )
    exclusive_clause = outline.clause_for(EXCLUSIVITY_CLAUSE)
    # Exclusive while not said otherwise: an open choice drafts the exclusive wording, [●] aside.
    exclusive = (
        None
        if exclusive_clause is None
        else exclusive_negotiations(deal.positions, deal.deal.exclusive) is not False
    )
    renewal_clause = clause("renewal.mechanism")
    term_clause = clause("term.initial")
    survival_clause = clause("exit.survival")
    return Ours(
        deal,
        us or deal.parties[0].short_name,
        provisions,
        deal.exit.term,
        deal.exit.renewal,
        tuple(triggers),
        exclusive,
        {
            "term": _floors(term_clause, "term"),
            "lock_in": _floors(term_clause, "lock_in"),
            "renewal_period": _floors(renewal_clause, "renewal_period"),
            "notice": _floors(renewal_clause, "notice"),
            "survival": _floors(survival_clause, "survival"),
        },
    )


@dataclass(frozen=True)
class Theirs:
    """What their draft says, read from its sentences, with where each value was read."""

    report: ForeignReport
    names: PartyNames
    detections: Mapping[str, Detection]
    term: TermRead | None
    effective: DateMention | None
    lock_in: DurationRead | None
    renewal: RenewalRead | None
    renewal_holder: HolderRead | None
    notice: DurationRead | None
    triggers: Mapping[str, TriggerRead]
    survival: Mapping[str, DurationRead | None]
    costs: ChoiceRead | None
    valuation: ChoiceRead | None
    exclusivity: tuple[ExclusivityRead, ...]

    def hits(self, provision: str) -> tuple[int, ...]:
        detection = self.detections.get(provision)
        return detection.hits if detection else ()

    def first(self, *provisions: str) -> Read | None:
        """The first sentence of theirs that shows any of these provisions."""
        for provision in provisions:
            hits = self.hits(provision)
            if hits:
                return Read(hits[0])
        return None


def their_positions(
    report: ForeignReport, deal: Deal, survival_kinds: Sequence[SurvivalKind]
) -> Theirs:
    """Read every value we compare from their draft."""
    sentences = report.sentences
    names = PartyNames.read(deal.parties, sentences)
    detections = {detection.provision: detection for detection in report.detections}

    def hits(provision: str) -> tuple[int, ...]:
        found = detections.get(provision)
        return found.hits if found and found.status != "missing" else ()

    term = initial_term(sentences, hits("term.initial"))
    found_renewal = renewal(sentences, hits("renewal.mechanism"), hits("renewal.notice"))
    renewal_holder = None
    if found_renewal is not None:
        who = holder(sentences[found_renewal.sentence].in_context, names)
        renewal_holder = HolderRead(found_renewal.sentence, who) if who else None
    triggers = {
        kind: read_trigger(sentences, kind, hits(provision), names)
        for provision in detections
        if (kind := provision.removeprefix("exit.trigger.")) != provision and hits(provision)
    }
    return Theirs(
        report,
        names,
        detections,
        term,
        effective_date(sentences, term),
        lock_in(sentences, hits("exit.trigger.convenience"), hits("term.initial")),
        found_renewal,
        renewal_holder,
        renewal_notice(sentences, hits("renewal.notice"), hits("renewal.mechanism")),
        triggers,
        {kind: survival(sentences, kind, hits("exit.survival")) for kind in survival_kinds},
        exit_costs(sentences),
        valuation(sentences, hits("exit.valuation")),
        tuple(exclusivity(sentences, names)),
    )
