"""A counterparty's draft made from one of our deals, worded the way their lawyers word it,
with five deviations planted: a shorter notice, a one-sided exit for convenience, no cure
period for breach, a trigger removed and an exclusivity added.

Everything else says what the deal says, in other words: defined party names ("the
Supplier"), numbers as words and digits ("eighteen (18) months"), durations in other units,
list items under a lead-in. The wording varies with a seed, so every example deal gets a
different mix. The expected rows are derived from the deal and the plants, never copied.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from termgen.model import Deal
from termgen.model.common import Duration
from termgen.model.exit import ExitTrigger
from termgen.their_drafts.values import NUMBER_WORDS
from termgen.wording import date_text

WORDS = {value: word for word, value in NUMBER_WORDS.items() if word not in ("fourty", "hundred")}
OUR_ROLES = ("the Buyer", "the Customer", "the OEM")
THEIR_ROLES = ("the Supplier", "the Partner", "the Provider")
REMOVED = "deadlock"


@dataclass(frozen=True)
class Planted:
    row: str
    verdict: str


def spelled(number: int) -> str:
    if number in WORDS:
        return WORDS[number]
    if number < 100:
        tens, unit = divmod(number, 10)
        return f"{WORDS[tens * 10]}-{WORDS[unit]}" if unit else WORDS[tens * 10]
    hundreds, rest = divmod(number, 100)
    return f"{WORDS[hundreds]} hundred" + (f" and {spelled(rest)}" if rest else "")


class Wording:
    """Ways of writing the same thing, picked by a seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, *choices: str) -> str:
        return self.random.choice(choices)

    def length(self, value: Duration, possessive: bool = False) -> str:
        """'eighteen (18) months', '18 months', 'eighteen months', '1.5 years' never."""
        number, unit = value.value, value.unit
        if unit == "years" and self.random.random() < 0.25 and number <= 3:
            number, unit = number * 12, "months"
        unit_text = unit[:-1] if number == 1 else unit
        form = self.random.randrange(3)
        text = (
            f"{spelled(number)} ({number}) {unit_text}"
            if form == 0
            else f"{number} {unit_text}"
            if form == 1
            else f"{spelled(number)} {unit_text}"
        )
        return text + ("'" if possessive and number != 1 else "'s" if possessive else "")


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def latin(name: str) -> str:
    """The Latin-script part of a legal name, as an English-language draft writes it."""
    inside = re.findall(r"\(([^)]+)\)", name)
    return inside[-1] if inside and not name.isascii() else name


def party_roles(deal: Deal, seed: int) -> dict[str, str]:
    """The defined term their draft gives each party: ours first, the counterparty second."""
    roles = {deal.parties[0].short_name: OUR_ROLES[seed % 3]}
    for index, party in enumerate(deal.parties[1:]):
        roles[party.short_name] = (
            THEIR_ROLES[(seed + index) % 3] if index == 0 else f"the {party.short_name} Party"
        )
    return roles


def counterparty_draft(deal: Deal, seed: int) -> tuple[list[str], list[Planted]]:
    """Their draft as lines ('# ' starts a heading) and the deviations planted in it."""
    words = Wording(seed)
    roles = party_roles(deal, seed)
    them = deal.parties[1].short_name
    planted: list[Planted] = []
    anyone = "either Party" if len(deal.parties) == 2 else "any Party"
    exit_ = deal.exit
    term = exit_.term

    def who(short_name: str | None) -> str:
        return anyone if short_name is None else roles[short_name]

    lines = [
        f"# {words.pick('COOPERATION AGREEMENT', 'FRAMEWORK AGREEMENT', 'ALLIANCE AGREEMENT')}"
    ]
    described = []
    for party in deal.parties:
        role = roles[party.short_name]
        defined = f'"{party.short_name}"'
        if role.startswith("the ") and not role.endswith(" Party"):
            defined += f' or the "{role.removeprefix("the ")}"'
        described.append(
            f"{latin(party.legal_name or party.short_name)}, a company organised under the laws "
            f"of {party.jurisdiction or 'its home state'} ({defined})"
        )
    made = f" on {date_text(deal.deal.date)}" if deal.deal.date else ""
    lines.append(
        f"This Agreement is made{made} between {', '.join(described[:-1])} and {described[-1]} "
        f'(each a "Party" and together the "Parties").'
    )
    lines.append("# 1. Term")
    if term is not None and term.effective_date:
        lines.append(
            f'This Agreement takes effect on {date_text(term.effective_date)} (the "Effective Date").'
        )
    if term is not None and term.initial:
        lines.append(
            words.pick(
                "This Agreement shall commence on the Effective Date and shall continue for an "
                'initial term of {L} (the "Initial Term"), unless terminated earlier in '
                "accordance with Clause 2.",
                'The initial term of this Agreement is {L} from the Effective Date (the "Initial Term").',
                "This Agreement shall remain in force for a period of {L} from the Effective Date "
                '(the "Initial Term").',
            ).replace("{L}", words.length(term.initial))
        )
    if term is not None and term.lock_in:
        lines.append(
            words.pick(
                "No Party may terminate this Agreement for convenience during the first {L} after "
                'the Effective Date (the "Lock-in Period").',
                'During a lock-in period of {L} from the Effective Date (the "Lock-in Period") '
                "no Party may terminate this Agreement without cause.",
            ).replace("{L}", words.length(term.lock_in))
        )
    renewal = exit_.renewal
    shorter_notice_done = False
    if renewal is not None and renewal.type != "none" and renewal.period and renewal.notice:
        notice = Duration(value=max(1, renewal.notice.value // 6), unit=renewal.notice.unit)
        planted.append(Planted("renewal.notice", "worse than our fallback"))
        shorter_notice_done = True
        period, notice_text = words.length(renewal.period), words.length(notice)
        limit = (
            f" (but not more than {spelled(renewal.max_renewals)} ({renewal.max_renewals}) times)"
            if renewal.max_renewals
            else ""
        )
        if renewal.type == "automatic":
            lines.append(
                words.pick(
                    f"Upon expiry of the Initial Term, this Agreement shall automatically renew for "
                    f"successive periods of {period}{limit}, unless either Party gives the other "
                    f"written notice of non-renewal no less than {notice_text} prior to the end of "
                    f"the then-current term.",
                    f"Thereafter this Agreement renews automatically for further terms of {period} "
                    f"each{limit} unless a Party notifies the other at least {notice_text} before "
                    f"the end of the then-current term that it does not wish to renew.",
                )
            )
        elif renewal.type == "mutual_agreement":
            lines.append(
                f"The Parties may extend this Agreement by mutual written agreement for further "
                f"periods of {period}. A Party that does not wish to extend this Agreement shall "
                f"notify the other Parties at least {notice_text} before the expiry of the "
                f"then-current term."
            )
        else:
            lines.append(
                f"{cap(who(renewal.option_holder))} may, at its option, renew this Agreement for a "
                f"further period of {period} by written notice to the other Party given no less "
                f"than {notice_text} prior to the expiry of the then-current term."
            )
    lines.append("# 2. Termination")
    triggers = {trigger.kind: trigger for trigger in exit_.triggers}
    planted.append(Planted(f"exit.trigger.{REMOVED}", "missing in theirs"))
    for trigger in exit_.triggers:
        if trigger.kind == REMOVED:
            continue
        notice = trigger.notice
        if trigger.kind == "change_of_control" and not shorter_notice_done and notice:
            notice = Duration(value=max(1, notice.value // 6), unit=notice.unit)
            planted.append(
                Planted("exit.trigger.change_of_control.notice", "worse than our fallback")
            )
        holder = trigger.exercisable_by
        if trigger.kind == "convenience":
            holder = them
            planted.append(Planted("exit.trigger.convenience", "worse than our fallback"))
        lines.append(_trigger(words, trigger, who(holder), notice, roles))
    if "convenience" not in triggers:
        extra = ExitTrigger(kind="convenience", notice=Duration(value=6, unit="months"))
        lines.append(_trigger(words, extra, who(them), extra.notice, roles))
        planted.append(Planted("exit.trigger.convenience", "extra in theirs"))
    planted.append(Planted("exit.trigger.breach.cure", "missing in theirs"))
    lines.append("# 3. Consequences of termination")
    if exit_.survival:
        lines.append(
            "The following obligations survive the termination or expiry of this Agreement for the "
            "periods stated:"
        )
        listed = [obligation for obligation in exit_.survival if obligation.duration]
        for letter, obligation in zip("abcdefgh", listed, strict=False):
            item = _survival(words, obligation.kind, obligation.duration, roles, them)
            last = obligation is listed[-1]
            lines.append(f"({letter}) {item}" + ("." if last else ";"))
    if exit_.costs:
        lines.append(_COSTS[exit_.costs.borne_by])
    if exit_.valuation:
        lines.append(_VALUATION[exit_.valuation.method])
    lines.append("# 4. Exclusivity")
    lines.append(
        words.pick(
            "During the term of this Agreement, neither Party shall cooperate with any third party on "
            "the joint activities in the Territory without the prior written consent of the other Parties.",
            "No Party shall enter into any cooperation with a third party on the joint activities in "
            "the Territory without the prior written consent of the other Parties.",
        )
    )
    ours = deal.parties[0].short_name
    lines.append(
        f"{cap(roles[ours])} shall purchase all of its requirements of the "
        f"contract products exclusively from {roles[them]} during the term of this Agreement."
    )
    planted.append(Planted("exclusivity.one_sided", "extra in theirs"))
    lines.append("# 5. Governing law")
    lines.append(
        f"This Agreement is governed by the laws of {deal.deal.governing_law or 'England and Wales'}."
    )
    return lines, planted


_TRIGGER_EVENTS = {
    "insolvency": "if another Party becomes insolvent, files for bankruptcy or enters into liquidation",
    "change_of_control": "if another Party undergoes a change of control",
    "milestones": "if an agreed milestone is missed",
    "regulatory": "if a change in law or regulation makes the cooperation unlawful",
}


def _trigger(
    words: Wording,
    trigger: ExitTrigger,
    holder: str,
    notice: Duration | None,
    roles: dict[str, str],
) -> str:
    subject = cap(holder)
    notice_text = (
        words.pick(
            "by giving {N} written notice", "upon {N} prior written notice", "on {N} notice"
        ).replace("{N}", words.length(notice, possessive=True))
        if notice
        else "by written notice"
    )
    kind = trigger.kind
    if kind == "breach":
        return (
            f"{subject} may terminate this Agreement {notice_text} if another Party commits a "
            f"material breach of this Agreement."
        )
    if kind == "convenience":
        return (
            f"After the Lock-in Period, {holder} may terminate this Agreement for convenience "
            f"{notice_text}."
        )
    if kind == "milestones" and trigger.cure:
        return (
            f"If an agreed milestone is missed and the failure is not remedied within "
            f"{words.length(trigger.cure)}, {holder} may terminate this Agreement {notice_text}."
        )
    return f"{subject} may terminate this Agreement {notice_text} {_TRIGGER_EVENTS[kind]}."


def _survival(
    words: Wording, kind: str, duration: Duration, roles: dict[str, str], them: str
) -> str:
    length = words.length(duration)
    after = words.pick("after termination", "following the termination or expiry of this Agreement")
    return {
        "supply_continuity": f"{cap(roles[them])} shall continue to deliver contract products for {length} {after}",
        "service_parts": f"service parts for vehicles already sold remain available for {length} {after}",
        "software_updates": f"security and safety updates for vehicles already sold are provided for {length} {after}",
        "confidentiality": f"the confidentiality obligations continue for {length} {after}",
        "licences": f"the licences granted under this Agreement continue for {length} {after}",
        "warranty": f"the warranties continue for {length} {after}",
        "data_access": f"each Party keeps access to the shared data for {length} {after}",
        "other": f"the Parties carry out an orderly wind-down for {length} {after}",
    }[kind]


_COSTS = {
    "each_own": "Each Party shall bear its own costs arising from the termination of this Agreement.",
    "pro_rata": "The costs of exit shall be shared between the Parties in proportion to their cost shares.",
    "terminating_party": "The Party that terminates this Agreement shall bear the costs of exit.",
    "defaulting_party": "The defaulting Party shall bear the costs of termination.",
    "other": "The costs of exit shall be borne as the Parties agree.",
}
_VALUATION = {
    "fair_market_value": "Where a Party acquires the stake of another Party on exit, the purchase price shall be its fair market value.",
    "book_value": "Where a Party acquires jointly owned assets on exit, the purchase price shall be their book value.",
    "formula": "Where a Party acquires rights of another Party on exit, the purchase price shall be set by the agreed formula.",
    "fixed_price": "Where a Party acquires rights of another Party on exit, it pays the fixed price agreed.",
}
