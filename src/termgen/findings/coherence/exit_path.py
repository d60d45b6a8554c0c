"""Coherence of the exit path: lock-in and the convenience exit, who pays for leaving,
licences that outlive the partnership, what happens to assets, what they are worth, renewal
and the reviews that should come before it."""

from __future__ import annotations

import datetime as dt
import re

from termgen.deadlines.dates import last_day_to_stop_renewal, renewal_deadline
from termgen.findings.checks import Gap
from termgen.findings.coherence.reading import Reading, coherence_check, quoted
from termgen.model import Deal
from termgen.model.change import ReviewPoint
from termgen.model.common import shift
from termgen.model.exit import Renewal, expiry
from termgen.model.paths import AnswerPath
from termgen.wording import date_text, humanise, party_words

_ANY_TIME = re.compile(r"\bat any time\b", re.IGNORECASE)
_LOCK_IN = re.compile(r"\block-?in\b", re.IGNORECASE)
_TIMED = re.compile(r"\b(after|before|from|until|only|once)\b|\b\d{4}-\d{2}-\d{2}\b", re.IGNORECASE)


@coherence_check("lock_in_convenience")
def _lock_in_convenience(reading: Reading) -> list[Gap]:
    """A convenience exit must respect the lock-in: 'at any time' and a lock-in contradict each
    other, and a convenience exit limited in time needs the lock-in that says so."""
    term = reading.deal.exit.term
    lock_in = term.lock_in if term else None
    key = "exit.trigger.convenience"
    text = reading.text(key)
    gaps = []
    for index, trigger in enumerate(reading.deal.exit.triggers):
        if trigger.kind != "convenience":
            continue
        description = trigger.description or ""
        if lock_in is None and _TIMED.search(description):
            gaps.append(
                reading.gap(
                    "lets a party leave at any time, though the trigger says "
                    f"{quoted(description)}; if no party may leave before then, set the "
                    "lock-in (the clause then opens the exit when the lock-in ends) and drop the "
                    "date from the description",
                    ("exit", "term", "lock_in"),
                    key,
                )
            )
        elif lock_in and _ANY_TIME.search(text):
            gaps.append(
                reading.gap(
                    "lets a party leave 'at any time', though no party may leave for convenience "
                    f"during the lock-in ({lock_in}); drop 'at any time' from the trigger",
                    ("exit", "triggers", index, "description"),
                    key,
                )
            )
        elif lock_in and not _LOCK_IN.search(text):
            gaps.append(
                reading.gap(
                    f"does not say that the exit opens only after the lock-in ({lock_in}); "
                    "refer to the Lock-in Period in the clause",
                    ("exit", "term", "lock_in"),
                    key,
                )
            )
        if (
            lock_in
            and term
            and term.initial
            and lock_in.approximate_days >= term.initial.approximate_days
        ):
            gaps.append(
                reading.gap(
                    f"can never be used in the initial term: the lock-in ({lock_in}) lasts at "
                    f"least as long as the term ({term.initial}); shorten the lock-in or drop the "
                    "trigger",
                    ("exit", "term", "lock_in"),
                    key,
                )
            )
    return gaps


_DEFAULT_TRIGGERS = ("breach", "insolvency")
_LEAVER = re.compile(
    r"\bpart(y|ies) (that|who|which) (ends?|terminates?|leaves?|exits?|withdraws?)\b"
    r"|\b(leaving|exiting|terminating|withdrawing) party\b|\bleaver\b",
    re.IGNORECASE,
)
_BY_DEFAULT = re.compile(r"\b(default\w*|breach\w*|insolv\w*)\b", re.IGNORECASE)


@coherence_check("exit_costs")
def _exit_costs(reading: Reading) -> list[Gap]:
    """Exit costs by trigger: after a breach or an insolvency the defaulting party pays, never
    'the party that ends the partnership', which is then the innocent one."""
    kinds = [t.kind for t in reading.deal.exit.triggers if t.kind in _DEFAULT_TRIGGERS]
    text = reading.text("exit.costs")
    if not kinds or not _LEAVER.search(text) or _BY_DEFAULT.search(text):
        return []
    events = " or ".join(humanise(kind) for kind in dict.fromkeys(kinds))
    return [
        reading.gap(
            f"puts the costs of exit on the party that ends the partnership; after a {events} "
            "that is the innocent party. Choose 'defaulting party' (the defaulting party pays "
            "after a breach or insolvency, each party its own costs otherwise)",
            ("exit", "costs", "borne_by"),
            "exit.costs",
        )
    ]


_LASTING = re.compile(
    r"\b(perpetu\w*|irrevocabl\w*|in perpetuity|indefinite\w*|(for )?as long as|while (it|the \w+) "
    r"(produces|uses|sells|exists|operates)\w*)\b",
    re.IGNORECASE,
)
_LICENCE = re.compile(r"\blicen[cs]e", re.IGNORECASE)
_GRANTS = re.compile(rf"{_LASTING.pattern}|\btreatment\b", re.IGNORECASE)
"""A clause that can grant a lasting licence: says so itself, or prints an asset's treatment
from the answers."""
_LONGER_KEPT = re.compile(
    r"\b(longer|in perpetuity|perpetual)\b[^.]*\bcontinues?\b[^.]*\b(that period|as granted)\b",
    re.IGNORECASE,
)


@coherence_check("licence_survival")
def _licence_survival(reading: Reading) -> list[Gap]:
    """Licences that survive for a fixed period must not contradict licences granted elsewhere
    for longer ('perpetual', 'as long as the JV produces cells')."""
    gaps = []
    survival_text = reading.text("exit.survival")
    lasting = [
        (clause, sentence)
        for clause, sentence in reading.clauses_saying(_LASTING, _GRANTS)
        if _LICENCE.search(sentence) and clause.id != "exit.survival"
    ]
    for index, item in enumerate(reading.deal.exit.survival):
        if item.kind != "licences" or item.duration is None:
            continue
        path: AnswerPath = ("exit", "survival", index, "duration")
        if item.description and _LASTING.search(item.description):
            gaps.append(
                reading.gap(
                    f"lets licences survive for {item.duration}, but describes them as "
                    f"{quoted(item.description)}; give one duration, or describe the licences "
                    "that end after the fixed period",
                    path,
                    "exit.survival",
                )
            )
        elif lasting and not _LONGER_KEPT.search(survival_text):
            clause, sentence = lasting[0]
            gaps.append(
                reading.gap(
                    f"lets licences survive for {item.duration}, while clause {clause.number} "
                    f"grants {quoted(sentence)}; say that a licence granted for longer continues "
                    "for that period",
                    path,
                    "exit.survival",
                )
            )
    return gaps


_WIND_UP = re.compile(r"\b(wound up|wind(s|ing)?[- ]up|liquidat\w*|dissol\w*)\b", re.IGNORECASE)
_BUYER = re.compile(
    r"\b(party that buys|buys the other\w*|buyer|purchaser|acquirer|bought out)\b", re.IGNORECASE
)
_BUY_OUT = re.compile(r"\b(buy-?out|buys? (the other|its)|call option|put option)\b", re.IGNORECASE)
_PART = re.compile(r"[.;]")


@coherence_check("asset_route")
def _asset_route(reading: Reading) -> list[Gap]:
    """An asset's treatment must fit the exit route it names: a wound-up JV has no buyer, and a
    buy-out needs a buy-out mechanism in the draft."""
    gaps = []
    for index, item in enumerate(reading.deal.exit.assets):
        treatment = item.treatment or ""
        path: AnswerPath = ("exit", "assets", index, "treatment")
        for part in _PART.split(treatment):
            wind_up = _WIND_UP.search(part)
            if wind_up and _BUYER.search(part, wind_up.end()):
                gaps.append(
                    reading.gap(
                        f"gives {humanise(item.asset)} on a wind-up to a buyer "
                        f"({quoted(part)}), but a JV that is wound up has not been bought out; "
                        "say who takes it on a wind-up (e.g. sold, proceeds shared by equity)",
                        path,
                        "exit.assets",
                    )
                )
                break
        else:
            if _BUY_OUT.search(treatment) and reading.clause("exit.valuation") is None:
                gaps.append(
                    reading.gap(
                        f"treats {humanise(item.asset)} through a buy-out, but the draft has no "
                        "buy-out price or valuation; settle the valuation",
                        ("exit", "valuation"),
                        "exit.assets",
                    )
                )
    return gaps


_BASES = {
    "book value": re.compile(r"\bbook value\b", re.IGNORECASE),
    "fair market value": re.compile(r"\b(fair )?market value\b", re.IGNORECASE),
    "a fixed price": re.compile(r"\bfixed price\b", re.IGNORECASE),
    "a formula": re.compile(r"\bformula\b", re.IGNORECASE),
    "cost": re.compile(r"\bat (its )?cost\b", re.IGNORECASE),
}
_METHOD_BASIS = {
    "fair_market_value": "fair market value",
    "book_value": "book value",
    "formula": "a formula",
    "fixed_price": "a fixed price",
}
_SPECIFIC_PREVAILS = re.compile(
    r"\bunless\b[^.]*\b(sets?|names?|states?) (another|a different|its own) (price|basis)"
    r"|\bprevails?\b",
    re.IGNORECASE,
)


@coherence_check("valuation_basis")
def _valuation_basis(reading: Reading) -> list[Gap]:
    """One valuation basis per asset: an asset priced 'at book value' where it is treated, while
    the valuation clause prices every share in an asset 'at fair market value', has two."""
    valuation = reading.deal.exit.valuation
    text = reading.text("exit.valuation")
    if valuation is None or not text or _SPECIFIC_PREVAILS.search(text):
        return []
    general = _METHOD_BASIS[valuation.method]
    gaps = []
    for index, item in enumerate(reading.deal.exit.assets):
        own = [basis for basis, pattern in _BASES.items() if pattern.search(item.treatment or "")]
        other = [basis for basis in own if basis != general]
        if other:
            gaps.append(
                reading.gap(
                    f"prices every stake or share in an asset at {general}, but "
                    f"{humanise(item.asset)} goes at {other[0]} where its treatment is settled; "
                    "give each asset one basis (or let the valuation clause yield to a price set "
                    "for one asset)",
                    ("exit", "assets", index, "treatment"),
                    "exit.valuation",
                )
            )
    return gaps


_RENEWAL_ONLY = ("period", "notice", "max_renewals", "option_holder")


@coherence_check("renewal_leftovers")
def _renewal_leftovers(reading: Reading) -> list[Gap]:
    """A renewal of type 'none' keeps no renewal values, and only a party's option has a holder:
    a value the draft cannot use is either a mistake or a renewal not chosen."""
    renewal = reading.deal.exit.renewal
    if renewal is None:
        return []
    unused = _RENEWAL_ONLY if renewal.type == "none" else ()
    if renewal.type != "party_option":
        unused = (*unused, "option_holder") if "option_holder" not in unused else unused
    gaps = [
        Gap(
            f"renewal is '{humanise(renewal.type)}', yet its {humanise(name)} is given "
            f"({getattr(renewal, name)}), which the draft cannot use; remove it, or choose the "
            "renewal type it belongs to",
            ("exit", "renewal", name),
        )
        for name in unused
        if getattr(renewal, name) is not None
    ]
    if renewal.type == "none" and re.search(
        r"non-?renewal", reading.text("change.pre-renewal-review")
    ):
        gaps.append(
            reading.gap(
                "refers to a notice of non-renewal, but the partnership does not renew",
                ("exit", "renewal", "type"),
                "change.pre-renewal-review",
            )
        )
    return gaps


@coherence_check("renewal_limit")
def _renewal_limit(reading: Reading) -> list[Gap]:
    """One party's option to renew, with no limit on how often, lets that party hold the
    others in the partnership for term after term; a counterparty marks it up at once."""
    renewal = reading.deal.exit.renewal
    if renewal is None or renewal.type != "party_option" or renewal.max_renewals is not None:
        return []
    holder = renewal.option_holder or "the option holder"
    return [
        reading.gap(
            f"lets {holder} renew as often as it chooses, so "
            f"{party_words('other', len(reading.deal.parties))} cannot leave at the end of any "
            "term; set how many times it may renew",
            ("exit", "renewal", "max_renewals"),
            "renewal.mechanism",
        )
    ]


@coherence_check("review_timing")
def _review_timing(reading: Reading) -> list[Gap]:
    """A review that decides on continuing or exiting must come before the last day to stop
    the renewal it is meant to decide, with time left to act on its decision."""
    deal = reading.deal
    term = deal.exit.term
    end = expiry(term)
    deadline = last_day_to_stop_renewal(term, deal.exit.renewal)
    effective = term.effective_date if term else None
    last = renewal_deadline(deal.exit.renewal)
    decide = _stop_or_decide(deal.exit.renewal)
    gaps = []
    for index, point in enumerate(deal.change.review_points):
        if not {"continue", "exit"} & set(point.options):
            continue
        day = point.date or (shift(effective, point.after) if effective and point.after else None)
        if day is None:
            gaps += _relative_review_timing(deal, index, point)
            continue
        path: AnswerPath = ("change", "review_points", index, "date" if point.date else "after")
        if end and day >= end:
            if point.date is None or _another_review_before(deal, index, end):
                # Alone, a review after the end is the renewal.review finding already.
                gaps.append(_after_the_end(deal, point.name, day, end, path))
            continue
        if deadline and day > deadline:
            gaps.append(
                Gap(
                    f"the {point.name} ({date_text(day)}) comes after {last} "
                    f"({date_text(deadline)}), so it can no longer {decide} the renewal; "
                    f"{_in_time(deal, deadline, 'hold it earlier')}",
                    path,
                )
            )
        elif deadline and (deadline - day).days < _TIME_TO_ACT_ON_A_REVIEW:
            left = (deadline - day).days
            when = (
                "falls on" if left == 0 else f"is only {left} day{'s' if left > 1 else ''} before"
            )
            gaps.append(
                Gap(
                    f"the {point.name} ({date_text(day)}) {when} {last} "
                    f"({date_text(deadline)}): {_in_time(deal, deadline, _TOO_LITTLE_TIME)}",
                    path,
                )
            )
    return gaps


def _stop_or_decide(renewal: Renewal | None) -> str:
    """What a review does to a renewal: notice stops an automatic one; an option or talks
    decide one."""
    return "stop" if renewal is None or renewal.type == "automatic" else "decide"


def _in_time(deal: Deal, deadline: dt.date, advice: str) -> str:
    """How to hold the review in time, or, where the latest day for it is already before the
    draft's date, that no day is left: hold it earlier cannot be done."""
    latest = deadline - dt.timedelta(days=_TIME_TO_ACT_ON_A_REVIEW)
    dated = deal.deal.date
    if dated is None or latest >= dated:
        return advice
    return (
        f"it would have to be held by {date_text(latest)}, before the draft's date "
        f"({date_text(dated)}); lengthen the initial term or shorten the notice period so "
        "that there is time for it"
    )


def _another_review_before(deal: Deal, index: int, end: dt.date) -> bool:
    """Whether another review deciding on continuing or exiting is dated before the end, so
    that renewal.review does not already say there is none."""
    return any(
        other != index
        and {"continue", "exit"} & set(point.options)
        and (point.date is None or point.date < end)
        for other, point in enumerate(deal.change.review_points)
    )


def _after_the_end(deal: Deal, name: str, day: dt.date, end: dt.date, path: AnswerPath) -> Gap:
    renewal = deal.exit.renewal
    if renewal and renewal.type != "none":
        return Gap(
            f"the {name} ({date_text(day)}) comes after the initial term ends "
            f"({date_text(end)}), when the renewal it should decide is settled; hold it "
            f"before {renewal_deadline(renewal)}",
            path,
        )
    return Gap(
        f"the {name} ({date_text(day)}) comes after the partnership ends ({date_text(end)}), "
        "so it decides nothing; hold it before then",
        path,
    )


_TIME_TO_ACT_ON_A_REVIEW = 30
"""Days a review needs before the renewal-notice deadline for its decision to be approved and
the notice served: notice of a board meeting alone is commonly 10 to 14 days."""
_TOO_LITTLE_TIME = (
    "too little time to decide, get approvals and serve the notice; hold it at least "
    f"{_TIME_TO_ACT_ON_A_REVIEW} days before that day"
)


def _relative_review_timing(deal: Deal, index: int, point: ReviewPoint) -> list[Gap]:
    """Without an effective date there are no days to compare, but a review set at a time
    after the Effective Date can still fall after the initial term or its notice deadline."""
    term, renewal = deal.exit.term, deal.exit.renewal
    if not (point.after and term and term.initial):
        return []
    path: AnswerPath = ("change", "review_points", index, "after")
    when = f"the {point.name} ({point.after} after the Effective Date)"
    if point.after.approximate_days >= term.initial.approximate_days:
        return [
            Gap(
                f"{when} comes after the initial term ({term.initial}) has ended; hold it before "
                f"{renewal_deadline(renewal)}",
                path,
            )
        ]
    notice = renewal.notice if renewal and renewal.type != "none" else None
    if not notice:
        return []
    deadline = (
        f"{renewal_deadline(renewal)} ({notice} before the initial term of {term.initial} ends)"
    )
    days_left = (
        term.initial.approximate_days - notice.approximate_days - point.after.approximate_days
    )
    if days_left < 0:
        return [
            Gap(
                f"{when} comes after {deadline}, so it can no longer {_stop_or_decide(renewal)} "
                "the renewal; hold it earlier",
                path,
            )
        ]
    if days_left < _TIME_TO_ACT_ON_A_REVIEW:
        return [
            Gap(
                f"{when} falls within {_TIME_TO_ACT_ON_A_REVIEW} days of {deadline}: "
                f"{_TOO_LITTLE_TIME}",
                path,
            )
        ]
    return []
