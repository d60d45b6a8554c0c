"""Filters clause authors use: dates, shares, lists in words, parties by name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import Any

from jinja2 import Environment, pass_context, pass_environment
from jinja2.runtime import Context

from termgen.model.exit import ends_before_term, ends_with_term, within_lock_in
from termgen.templating.missing import MISSING, PLACEHOLDER_MARK, is_missing
from termgen.wording import (
    DEFAULT_STYLE,
    JOINTLY,
    HouseStyle,
    after_colon,
    and_join,
    arbitral_institution,
    capital,
    continuing,
    corporate_law,
    definite,
    event_predicate,
    form_names_jurisdiction,
    humanise,
    in_prose,
    majority_share,
    mentions_date,
    mid_sentence,
    names_again,
    notice_text,
    opening_period,
    party_words,
    percent_text,
    period_text,
    phrase,
    place_text,
    same_activity,
    sentence,
    shares_text,
    under_rules,
)

REFERENCE_MARK = "\ue001"
"""Encloses the id of a clause referred to in rendered clause text, until the draft numbers
it."""


def _clause_reference(clause_id: Any) -> str:
    """'exit.trigger.breach' -> the number that clause has in the draft, e.g. '9.4'."""
    return f"{REFERENCE_MARK}{clause_id}{REFERENCE_MARK}"


def _style(environment: Environment) -> HouseStyle:
    style = getattr(environment, "style", DEFAULT_STYLE)
    assert isinstance(style, HouseStyle)
    return style


def _keeps_missing(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter given a missing value returns it, so it still renders as [●]."""

    @wraps(function)
    def filter_(value: Any, *args: Any, **kwargs: Any) -> Any:
        return MISSING if is_missing(value) else function(value, *args, **kwargs)

    return filter_


@_keeps_missing
def _and_join(items: Iterable[Any], conjunction: str = "and") -> Any:
    """The items as a phrase; none at all is an open point ([●]), never an empty gap."""
    words = [str(item) for item in items]
    return and_join(words, conjunction) if words else MISSING


@_keeps_missing
def _grouped(items: Iterable[Any], *attributes: str) -> Any:
    """The items grouped by the values of the attributes, as (values, items) pairs in the order
    each group first appears; Jinja's own groupby takes one attribute and sorts the groups."""
    groups: dict[tuple[Any, ...], list[Any]] = {}
    for item in items:
        groups.setdefault(tuple(getattr(item, name, None) for name in attributes), []).append(item)
    return list(groups.items())


@_keeps_missing
def _shares(shares: Mapping[str, Any]) -> Any:
    return shares_text(shares) if shares else MISSING


def _first(items: Any) -> Any:
    return next(iter(items), MISSING) if not is_missing(items) else MISSING


def _last(items: Any) -> Any:
    items = list(items) if not is_missing(items) else []
    return items[-1] if items else MISSING


@pass_context
def _legal_name(context: Context, short_name: Any) -> Any:
    if is_missing(short_name):
        return MISSING
    for party in context.get("parties") or ():
        if party.short_name == short_name:
            return party.legal_name or party.short_name
    return short_name


TESTS: dict[str, Callable[..., bool]] = {
    "includes": lambda collection, item: not is_missing(collection) and item in collection,
    "mentions": lambda text, words: (
        not is_missing(text) and words.casefold() in str(text).casefold()
    ),
    "same_activity": lambda text, other: (
        not is_missing(text) and not is_missing(other) and same_activity(str(text), str(other))
    ),
    "dated": lambda text: not is_missing(text) and mentions_date(str(text)),
    "names_again": lambda text, label: (
        not is_missing(text) and not is_missing(label) and names_again(str(text), str(label))
    ),
    "mentions_word": lambda text, word: (
        not is_missing(text) and re.search(rf"\b{re.escape(word)}\b", str(text)) is not None
    ),
    "before_term": lambda end, term: (
        not is_missing(end)
        and not is_missing(term)
        and end is not None
        and ends_before_term(end, term)
    ),
    "in_lock_in": lambda day, term: (
        not is_missing(day)
        and not is_missing(term)
        and day is not None
        and within_lock_in(day, term)
    ),
    "names_place_of": lambda form, jurisdiction: (
        not is_missing(form)
        and not is_missing(jurisdiction)
        and form_names_jurisdiction(form, jurisdiction)
    ),
}


@pass_environment
def _notice(environment: Environment, period: Any) -> Any:
    """'30 days' -> "30 days' notice"; '1 month' -> "1 month's notice" (in the house style)."""
    if is_missing(period):
        return MISSING
    return notice_text(str(in_prose(period, _style(environment))))


@pass_environment
def _in_style(environment: Environment, value: Any) -> Any:
    """A date or length of time in the house style: '30 June 2031', 'ninety (90) days'."""
    if is_missing(value):
        return MISSING
    if isinstance(value, str):
        return period_text(value, _style(environment))
    return in_prose(value, _style(environment))


@pass_environment
def _opening(environment: Environment, period: Any) -> Any:
    """'1 year' -> 'the first year'; '3 years' -> 'the first 3 years' (in the house style)."""
    if is_missing(period):
        return MISSING
    return opening_period(str(period), _style(environment))


@pass_context
def _party(context: Context, which: str) -> str:
    """'any' -> 'either party' between two parties, 'any party' among more (see
    `wording.party_words`)."""
    parties = context.get("parties")
    count = 2 if is_missing(parties) or parties is None else len(parties)
    return party_words(which, count)


def _majority(approval: Any, majority_percent: Any = None) -> str:
    """How a body decides, as the decision-rights matrix states it: 'unanimous' ->
    'unanimously', 'qualified_majority', 75 -> 'by a qualified majority of 75 %'; nothing
    for an owner who decides alone or an approval not given."""
    if approval == "unanimous":
        return "unanimously"
    if approval == "simple_majority":
        return "by a simple majority"
    if approval == "qualified_majority":
        if is_missing(majority_percent) or majority_percent is None:
            return "by a qualified majority"
        return f"by a qualified majority of {majority_share(majority_percent)[0]}"
    return ""


@pass_context
def _owner(context: Context, owner: Any) -> Any:
    """Who owns or decides, as a sentence names them: a party by its short name, 'joint' as
    'the parties jointly', a governance body or a level of the escalation path as 'the Steering
    Group' or 'the CEOs' (a name typed as 'the CEOs' or "NAW's CEO" as it is)."""
    if is_missing(owner) or owner == PLACEHOLDER_MARK:  # unknown, or left open on purpose
        return MISSING
    if owner == "joint":
        return JOINTLY
    if any(party.short_name == owner for party in context.get("parties") or ()):
        return owner
    return definite(str(owner))


CHANGED_AREAS = (
    "change_control",
    "architecture_baseline",
    "cost_baseline",
    "timing_baseline",
    "scope",
)
"""The areas of the decision-rights matrix whose changes the change procedure decides."""


@pass_context
def _change_exceptions(context: Context, rights: Any, approval: Any, ending: str) -> str:
    """What the change procedure leaves to another decider than the one approving changes:
    ", except changes to the cost baseline, which the Steering Committee decides unanimously
    {ending}"; a change-control right given to a party, or to the parties jointly, is named
    on its own, the baselines and scope only where a body owns them. Nothing when there is no
    exception."""
    governance = context.get("governance")
    bodies = [body.name for body in governance.bodies] if governance else []
    excepted = [
        right for right in rights or () if right.owner != approval and right.area in CHANGED_AREAS
    ]
    parts: list[str] = []
    for (owner, body_approval, percent), owned in _grouped(
        excepted, "owner", "approval", "majority_percent"
    ):
        controls = [_matter(right) for right in owned if right.area == "change_control"]
        if owner not in bodies and not controls:
            continue
        changed = [_matter(right) for right in owned if right.area != "change_control"]
        matters = [and_join(controls)] if controls else []
        if changed and owner in bodies:
            listed = ", ".join(f"to the {matter}" for matter in changed[:-1])
            last = f"to the {changed[-1]}"
            matters.append(f"changes {listed} and {last}" if listed else f"changes {last}")
        decides = "decide" if owner == "joint" else "decides"
        how = _majority(body_approval, percent)
        parts.append(
            f"{' and '.join(matters)}, which {_owner(context, owner)} {decides}"
            + (f" {how}" if how else "")
        )
    if not parts:
        return ""
    return ", except " + "; and ".join(parts) + f" {ending}"


def _consent_to_change(parties: Any) -> str:
    """`parties | consent_to_change`: the consent a change needs besides its approval, as
    the change procedure and the annex's change control both state it (one wording, so the
    two cannot drift apart)."""
    return (
        "a change that alters a party's contribution or share also needs that party's "
        "written consent"
    )


@_keeps_missing
def _jointly_approved(rights: Iterable[Any]) -> list[Any]:
    """The rows of the decision-rights matrix that need every party: a body's unanimous
    approval, or the parties' joint decision. Only a deadlock on one of these may end a
    partnership; a body that decides unanimously only because the matrix does not list the
    decision gives no such right."""
    return [right for right in rights if right.approval == "unanimous" or right.owner == "joint"]


@pass_context
def _collective(context: Context, rights: Any) -> list[Any]:
    """`rights | collective`: the rows of the decision-rights matrix that no party decides
    alone (a body's or the parties' joint decision), each of which can fail to be reached and
    so needs a rule for what applies in its place; a row without an owner is left to the
    decision-owners finding."""
    if is_missing(rights) or not rights:
        return []
    parties = {party.short_name for party in context.get("parties") or ()}
    return [
        right
        for right in rights
        if right.owner
        and not is_missing(right.owner)
        and right.owner != PLACEHOLDER_MARK
        and right.owner not in parties
    ]


@_keeps_missing
def _named_in(rights: Iterable[Any], text: Any) -> list[Any]:
    """`rights | named_in(text)`: the rows of the decision-rights matrix whose decision the text
    names ('the cost baseline of the shared platform' names the row "Cost baseline of the
    shared platform"); none where the text is missing."""
    if is_missing(text) or not text:
        return []
    named = str(text).casefold()
    return [right for right in rights if _matter(right).casefold() in named]


_SENIORITY = {"steering_group": 3, "execution_committee": 2, "other": 1}
"""How far up a body stands, for where its disagreements join the escalation path; working teams
(a joint PMO, a clean team) rank below every deciding body."""


@_keeps_missing
def _escalated_from_off_path(governance: Any) -> list[tuple[str, str]]:
    """`governance | escalated_from_off_path`: (body, level) for each body that owns a decision of
    the matrix but is no level of the escalation path, with the level its disagreements go to:
    the first level above it, that is a more senior body or a level that is no body at all (the
    chief executives). Such a disagreement starts with the body that owns the decision, never
    at a working team lower on the path."""
    levels = [level.level for level in governance.escalation]
    if not levels:
        return []
    rank = {body.name: _SENIORITY.get(body.kind, 0) for body in governance.bodies}
    owners = dict.fromkeys(right.owner for right in governance.decision_rights)
    entries = []
    for owner in owners:
        if owner not in rank or owner in levels:
            continue
        above = (level for level in levels if rank.get(level, len(_SENIORITY) + 1) > rank[owner])
        entries.append((owner, next(above, levels[-1])))
    return entries


@_keeps_missing
def _idle_bodies(governance: Any) -> list[str]:
    """`governance | idle_bodies`: the bodies that take no decisions (a joint PMO that owns none
    of the matrix), whether or not they are levels of the escalation path."""
    return [body.name for body in governance.bodies if governance.takes_no_decisions(body)]


@_keeps_missing
def _idle_levels(governance: Any) -> list[tuple[str, str]]:
    """`governance | idle_levels`: (body, level) for each level of the escalation path that is a
    body taking no decisions (a joint PMO that owns none of the matrix), with the first level
    above it that can decide ('' where none can): a decision its charter covers belongs there,
    and a disagreement settled at its level binds only once that level adopts it."""
    levels = [level.level for level in governance.escalation]
    idle = set(_idle_bodies(governance))
    entries = []
    for index, level in enumerate(levels):
        if level in idle:
            above = (later for later in levels[index + 1 :] if later not in idle)
            entries.append((level, next(above, "")))
    return entries


def _unlisted(decision: Any, listed: Any) -> str:
    """`decision | unlisted(matters)`: the parts of a decision joined by 'and' that none of the
    listed matters already names, so a list that adds the matrix's decisions to its own does
    not reserve one twice ('Cost baseline and annual budget' beside 'Approval of the business
    plan and the annual budget' -> 'Cost baseline'); '' where every part is named."""
    named = [str(matter).casefold() for matter in listed or ()]
    parts = re.split(r",? and ", str(decision).strip(" .;"))
    kept = [part for part in parts if not any(part.casefold() in matter for matter in named)]
    return " and ".join(kept)


def _matter(right: Any) -> str:
    return mid_sentence(str(right.decision).strip(".;"))


@pass_context
def _in_sourcing_parties(context: Context, triggers: Any) -> tuple[str, str]:
    """(holder, provider) of an in-sourcing option: the one party that may exit for
    convenience, and the one other party, whose technology it would take in-house; ('', '')
    where the exits for convenience do not name exactly one of each."""
    holders = list(
        dict.fromkeys(
            trigger.exercisable_by
            for trigger in triggers or ()
            if trigger.kind == "convenience" and trigger.exercisable_by
        )
    )
    names = [party.short_name for party in context.get("parties") or ()]
    providers = [name for name in names if name not in holders]
    if len(holders) == 1 and len(providers) == 1:
        return holders[0], providers[0]
    return "", ""


def _ends_with_term(end: Any, term: Any) -> bool:
    """`item.end | ends_with_term(exit.term)`: whether a date falls on the last day of the
    initial term or later, so what runs until it runs for the whole term (an offtake then
    follows the partnership into its renewals)."""
    if is_missing(end) or is_missing(term) or end is None or term is None:
        return False
    return ends_with_term(end, term)


def _company_law(company: Any) -> str:
    """The JV's company law whose own mechanics clauses state (see `wording.corporate_law`);
    '' for wording any law can take, also where the company is not known yet."""
    if is_missing(company) or company is None:
        return ""
    return corporate_law(company.form, company.jurisdiction)


def _holders(word: Any, company: Any) -> Any:
    """`'shareholders' | holders(company)`: the word for the holders of the JV's shares under
    its company law; a Delaware corporation has stockholders ('stockholder loan',
    "stockholders' agreement"), any other company keeps the word as written."""
    if _company_law(company) == "delaware_corporation":
        return str(word).replace("shareholder", "stockholder")
    return word


def _milestone_officer(company: Any) -> Any:
    """`company | milestone_officer`: the JV's officer who reports to the Board that a milestone
    has been met, for the phase plan and the capital calls alike, so that one officer reports
    every milestone the Board confirms: the officer whose role names the chief executive, else
    'chief executive officer'."""
    officers = () if is_missing(company) or company is None else company.officers
    roles = (str(officer.role) for officer in officers if not is_missing(officer.role))
    return next(
        (role for role in roles if "executive officer" in role.casefold()),
        "chief executive officer",
    )


def _institution(rules: Any) -> str:
    """The institution that administers the arbitration rules, as the subject of a sentence
    ('Swiss Arbitration Centre', 'ICC', after 'the'); '' where the rules name none."""
    return "" if is_missing(rules) or not rules else arbitral_institution(str(rules))[0]


def _appointing_body(disputes: Any) -> str:
    """Who appoints an expert the parties have not agreed on, after 'by': the institution that
    administers the partnership's arbitration ('the LCIA'), or the International Chamber of
    Commerce where the disputes go to the courts or to rules that name no institution."""
    arbitration = not is_missing(disputes) and disputes.mechanism == "arbitration"
    rules = str(disputes.rules or "") if arbitration else ""
    institution = arbitral_institution(rules)[0] if rules else ""
    if institution:
        return f"the {institution}"
    if rules:
        return f"the institution that administers the {rules}"
    return "the International Chamber of Commerce"


def _under_rules(rules: Any) -> str:
    """Arbitration 'under the ICC Rules' (see `wording.under_rules`); nothing without rules."""
    return "" if is_missing(rules) or not rules else under_rules(str(rules))


def _exit_is_withdrawal(context: Context) -> bool:
    """Whether an exit notice ends one party's participation only: among three or more parties,
    in a JV, or in an alliance that can run without a party's contribution (one whose
    critical-path contributions come from every party ends for all when one leaves)."""
    parties = context.get("parties") or ()
    if len(parties) <= 2:
        return False
    deal, strengths = context.get("deal"), context.get("strengths")
    if deal is not None and deal.structure == "equity_joint_venture":
        return True
    critical = {item.party for item in strengths.contributions if item.critical_path}
    return any(party.short_name not in critical for party in parties)


@pass_context
def _withdrawals(context: Context, parties: Any) -> bool:
    """`parties | withdrawals`: whether an exit notice ends one party's participation only
    (see `_exit_is_withdrawal`), for the text only a withdrawal needs."""
    return _exit_is_withdrawal(context)


@pass_context
def _ending(context: Context, whose: str) -> str:
    """What an exit notice does, in the words of a trigger clause: 'end the partnership' where
    one party's exit ends it for all, else 'terminate its participation in the partnership'
    ('own') or "terminate that party's participation in the partnership" ('that')."""
    if not _exit_is_withdrawal(context):
        return "end the partnership"
    if whose == "that":
        return "terminate that party's participation in the partnership"
    return "terminate its participation in the partnership"


FILTERS: dict[str, Callable[..., Any]] = {
    "date": _in_style,
    "period": _in_style,
    "party": _party,
    "owner": _owner,
    "majority": _majority,
    "place": _keeps_missing(lambda name: place_text(str(name))),
    "pct": _keeps_missing(percent_text),
    "and_join": _and_join,
    "grouped": _grouped,
    "change_exceptions": _change_exceptions,
    "consent_to_change": _consent_to_change,
    "jointly_approved": _jointly_approved,
    "collective": _collective,
    "named_in": _named_in,
    "escalated_from_off_path": _escalated_from_off_path,
    "idle_bodies": _idle_bodies,
    "idle_levels": _idle_levels,
    "unlisted": _unlisted,
    "in_sourcing_parties": _in_sourcing_parties,
    "ends_with_term": _ends_with_term,
    "company_law": _company_law,
    "holders": _holders,
    "milestone_officer": _milestone_officer,
    "institution": _institution,
    "appointing_body": _appointing_body,
    "under_rules": _under_rules,
    "ending": _ending,
    "withdrawals": _withdrawals,
    "human": _keeps_missing(lambda value: humanise(str(value))),
    "sentence": _keeps_missing(lambda text: sentence(str(text))),
    "phrase": _keeps_missing(lambda text: phrase(str(text))),
    "mid_sentence": _keeps_missing(lambda text: mid_sentence(str(text))),
    "after_colon": _keeps_missing(lambda text: after_colon(str(text))),
    "continuing": _keeps_missing(lambda text: continuing(str(text))),
    "event": _keeps_missing(lambda text: event_predicate(str(text))),
    "opening": _opening,
    "capital": _keeps_missing(lambda text: capital(str(text))),
    "shares": _shares,
    "legal_name": _legal_name,
    "notice": _notice,
    "first": _first,
    "last": _last,
    "clause": _clause_reference,
}
