"""The answers of an interview and what can be said about them: which questions apply, what
a typed answer means, whether the deal model takes it. The walk is in `engine`."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from jinja2 import Template
from pydantic import ValidationError

from termgen.deadlines.dates import last_day_to_stop_renewal, renewal_deadline
from termgen.interview.data import ABSENT, OPEN, for_file, get, put, remove
from termgen.interview.places import foreign_legal_form
from termgen.interview.spec import Group, Question, Section, Spec
from termgen.interview.steps import Ask
from termgen.interview.types import AnswerError, NewBody, parse, seats_following, show
from termgen.model import Deal
from termgen.model.common import JOINT, Duration, Record, shift
from termgen.model.deal import exclusive_negotiations
from termgen.model.exit import Renewal, Term
from termgen.model.messages import clean_loc, plain_message
from termgen.model.paths import AnswerPath, expected_ahead, shape_at, shape_of, split
from termgen.templating.missing import PLACEHOLDER_MARK
from termgen.templating.sandbox import RenderError, Sandbox
from termgen.wording import (
    and_join,
    article,
    date_text,
    for_parties,
    percent_text,
    seat_of_form,
)

BODIES = "governance.bodies"
RecordT = TypeVar("RecordT", bound=Record)
BINDING_SECTIONS = "deal.binding_sections"
"""The sections a term sheet that does not bind binds on besides those it always does."""
REVIEWS = "change.review_points"
"""Review points are held at a time after the effective date that the term bounds: a term
changed under them (or given after they were taken from the suggestions) may end first."""


class ConditionStopped(Exception):
    """A question's or list's condition that the sandbox stopped on the answers given (one
    that grows without bound): the command says where it is in the interview definition."""

    def __init__(self, item: Question | Group, stopped: RenderError) -> None:
        super().__init__(stopped.message)
        self.item = item
        self.stopped = stopped


@dataclass
class State:
    """Answer data: plain values, with OPEN where an answer was left open on purpose."""

    spec: Spec
    data: dict[str, Any] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)
    env: Sandbox = field(default_factory=Sandbox, repr=False)
    always_binding: tuple[str, ...] = ()
    """What the drafts bind on in a term sheet that does not bind, whatever is answered (the
    clause library's list, library.yaml): said where further binding sections are asked."""
    _summaries: dict[str, Template] = field(default_factory=dict, repr=False)
    """Each group's summary template, compiled once: lists are summarised at every step."""
    _alternatives: dict[str, list[Question]] | None = field(default=None, repr=False)
    """The questions that are the other way of answering a question, by its path."""
    _applying: dict[tuple[int, int, int | None], bool] | None = field(default=None, repr=False)
    """What applies, remembered while the answers cannot change (see `unchanged`)."""

    def items(self) -> Iterator[tuple[Section, Question | Group]]:
        for section in self.spec.sections:
            for item in section.items:
                yield section, item

    def groups(self) -> Iterator[Group]:
        yield from (item for _, item in self.items() if isinstance(item, Group))

    @staticmethod
    def path_of(group: Group, entry: int, question: Question) -> AnswerPath:
        return (*split(group.path), entry, *split(question.path))

    def entry_data(self, group: Group, entry: int) -> Any:
        return get(self.data, (*split(group.path), entry))

    def entries(self, group: Group) -> list[int]:
        """Indices of the list entries that belong to this group (its fixed values match)."""
        items = get(self.data, split(group.path))
        if not isinstance(items, list):
            return []
        return [
            index
            for index, entry in enumerate(items)
            if isinstance(entry, dict) and all(entry.get(k) == v for k, v in group.fixed.items())
        ]

    def chose_none(self, group: Group) -> bool:
        """Whether a list fixed to one kind was finished with no entries (kept at `none_at`)."""
        return self.kind_marked(group, group.none_at)

    def left_kind_open(self, group: Group) -> bool:
        """Whether a list fixed to one kind was left open with no entries (kept at `open_at`)."""
        return self.kind_marked(group, group.open_at)

    def kind_marked(self, group: Group, at: str | None) -> bool:
        """Whether the list of kinds at `at` holds this list's kind."""
        marks = get(self.data, split(at)) if at else None
        return isinstance(marks, list) and any(value in marks for value in group.fixed.values())

    def list_mark(self, group: Group) -> AnswerPath | None:
        """Where a list without entries keeps what was said of it: finished with none (an
        empty list, or its kind under `none_at`) or left open. None when nothing is kept."""
        path = split(group.path)
        stored = get(self.data, path)
        if stored is OPEN or (stored == [] and not group.fixed):
            return path
        for at in (group.none_at, group.open_at):
            if at is not None and self.kind_marked(group, at):
                return (*split(at), *group.fixed.values())
        return None

    def context(self, group: Group | None = None, entry: int | None = None) -> dict[str, Any]:
        """The answers so far as the names conditions read; `item` is the entry asked about."""
        names: dict[str, Any] = {
            name: {} if self.data.get(name) is None else self.data[name]  # `exit:` left empty
            for name in Deal.model_fields
        }
        names["parties"] = self.data.get("parties") or []
        if group is not None and entry is not None:
            names["item"] = self.entry_data(group, entry)
        return names

    @contextlib.contextmanager
    def unchanged(self) -> Iterator[None]:
        """While nothing is answered: each condition is evaluated once, not once per look.
        Counting what is left looks at every question of every entry, at every prompt."""
        self._applying = {}
        try:
            yield
        finally:
            self._applying = None

    def applies(
        self, item: Question | Group, group: Group | None = None, entry: int | None = None
    ) -> bool:
        if self._applying is None:
            return self._evaluate(item, group, entry)
        key = (id(item), id(group), entry)
        if key not in self._applying:
            self._applying[key] = self._evaluate(item, group, entry)
        return self._applying[key]

    def _evaluate(self, item: Question | Group, group: Group | None, entry: int | None) -> bool:
        if item.purposes and get(self.data, ("deal", "purpose")) not in item.purposes:
            return False
        if group is None and self._answered_instead(item):
            return False
        if group is not None and not self.applies(group):
            return False
        if item.when is None:
            return True
        try:
            return bool(self.env.condition(item.when)(**self.context(group, entry)))
        except RenderError as stopped:
            raise ConditionStopped(item, stopped) from None

    def _answered_instead(self, item: Question | Group) -> bool:
        """Whether another question, the other way of giving this answer, has its answer (an
        end date given for the term)."""
        if self._alternatives is None:
            self._alternatives = {}
            for _, other in self.items():
                if isinstance(other, Question) and other.instead_of:
                    self._alternatives.setdefault(other.instead_of, []).append(other)
        return any(
            get(self.data, split(other.path)) not in (ABSENT, OPEN)
            for other in self._alternatives.get(item.path, [])
        )

    def help(
        self, question: Question, group: Group | None = None, entry: int | None = None
    ) -> str | None:
        """The help that fits the answers so far: the first of `help_when` whose condition
        holds, else the help for the deal's purpose and place."""
        for conditional in question.help_when:
            try:
                holds = self.env.condition(conditional.when)(**self.context(group, entry))
            except RenderError as stopped:
                raise ConditionStopped(question, stopped) from None
            if holds:
                return conditional.help
        purpose = get(self.data, ("deal", "purpose"))
        place = self.place(group, entry)
        found = question.help_for(purpose if isinstance(purpose, str) else None, place)
        if question.path == BINDING_SECTIONS and self.always_binding:
            return " ".join(filter(None, [self.binds_always(), found]))
        return found

    def worded(self, text: str) -> str:
        """A text of the interview as this deal reads it, for its number of parties."""
        parties = self.data.get("parties")
        return for_parties(text, len(parties) if isinstance(parties, list) else 0)

    def binds_always(self) -> str:
        """What the drafts bind on whatever the binding sections say, as the help and the
        suggestions say it."""
        answer = get(self.data, ("deal", "exclusive"))
        # Negotiations that are not exclusive bind on nothing: the draft only says so.
        exclusivity = {
            None: "exclusive negotiations (once agreed)",
            True: "exclusive negotiations",
            False: None,
        }[exclusive_negotiations(self.data.get("positions"), answer)]
        named = [exclusivity if name == "exclusivity" else name for name in self.always_binding]
        return f"The draft always binds on {and_join([name for name in named if name])}."

    def place(self, group: Group | None = None, entry: int | None = None) -> str | None:
        """Where the deal is, the nearest place the answers name so far: the entry's own
        jurisdiction (a party's, or the place its registered name's legal form belongs to),
        else the company's (or the place its legal form or name belongs to: a GmbH is German
        whatever the governing law), the governing law, the first party's.
        An entry with a jurisdiction of its own is only where that says: a Korean party of a
        deal under German law is not shown a Hamburg address or Germany as its example."""
        own = self.entry_data(group, entry) if group is not None and entry is not None else {}
        if group is not None and any(
            question.path == "jurisdiction" for question in group.questions
        ):
            place, name = (own.get(key) for key in ("jurisdiction", "legal_name"))
            if isinstance(place, str):
                return place
            return seat_of_form(name) if isinstance(name, str) else None
        parties = self.data.get("parties", [])
        formed = [get(self.data, ("company", "form")), get(self.data, ("company", "name"))]
        found = [
            own.get("jurisdiction") if isinstance(own, dict) else None,
            get(self.data, ("company", "jurisdiction")),
            seat_of_form(" ".join(str(answer) for answer in formed if isinstance(answer, str))),
            get(self.data, ("deal", "governing_law")),
            *(party.get("jurisdiction") for party in parties if isinstance(party, dict)),
        ]
        return next((place for place in found if isinstance(place, str)), None)

    def example(self, step: Ask) -> str | None:
        """The example a question shows in this deal: in the parties' own names where it
        asks for shares or numbers per party (seats following the shares, where answered),
        else the one for this entry of a list (the second party's, an IP licence's), the
        deal's place and purpose."""
        question = step.question
        parties = self.party_names()
        if question.type in ("shares", "per_party") and len(parties) >= 2:
            return _per_party_example(question, parties, self.data)
        purpose = get(self.data, ("deal", "purpose"))
        entry, kind = 0, None
        if step.group is not None and step.entry is not None:
            entry = self.entries(step.group).index(step.entry)
            answers = self.entry_data(step.group, step.entry)
            kind = answers.get("kind") if isinstance(answers, dict) else None
        return question.example_for(
            purpose if isinstance(purpose, str) else None,
            entry,
            self.place(step.group, step.entry),
            kind,
        )

    def other_way(self, step: Ask, raw: Any) -> Ask | None:
        """The question that gives this answer another way, where what was typed answers
        that one and not this: a length of time typed where a date is asked ('42 months',
        after the effective date). None for any other answer."""
        if step.question.type != "date" or not isinstance(raw, str):
            return None
        try:
            parse("date", raw)
        except AnswerError:
            pass
        else:
            return None
        for other in self._asked_with(step.group):
            if other.instead_of != step.question.path or other.type != "duration":
                continue
            try:
                parse("duration", raw)
            except AnswerError:
                return None
            within = step.path[: len(step.path) - len(split(step.question.path))]
            path = (*within, *split(other.path))
            return dataclasses.replace(step, question=other, path=path, default=None)
        return None

    def _asked_with(self, group: Group | None) -> list[Question]:
        """The questions of the group, or (none given) those outside every group."""
        if group is not None:
            return list(group.questions)
        return [item for _, item in self.items() if isinstance(item, Question)]

    def has_alternative(self, question: Question, group: Group | None = None) -> bool:
        """Whether another question is the other way of giving this answer (an end date for
        the term): left empty, this one is answered by that one, not left open."""
        return any(other.instead_of == question.path for other in self._asked_with(group))

    def party_names(self) -> list[str]:
        parties = self.data.get("parties", [])
        return [p["short_name"] for p in parties if isinstance(p, dict) and p.get("short_name")]

    def body_names(self) -> list[str]:
        bodies = get(self.data, split(BODIES))
        return (
            [b["name"] for b in bodies if isinstance(b, dict) and isinstance(b.get("name"), str)]
            if isinstance(bodies, list)
            else []
        )

    def choices(self, question: Question, path: AnswerPath) -> tuple[str, ...]:
        if question.type in ("party", "parties"):
            return tuple(self.party_names())
        if question.type == "owner":
            return (*self.party_names(), JOINT, *self.body_names())
        if question.type in ("choice", "multi_choice"):
            shape = shape_at(Deal, list(path))
            if shape is not None and shape.kind == "list":
                shape = shape_of(shape.item)
            return shape.choices if shape is not None else ()
        return ()

    def display(self, step: Ask) -> str:
        """The default answer as text to edit."""
        return show(step.question.type, step.default)

    def _parse(self, step: Ask, raw: Any, confirmed: str | None = None) -> Any:
        if isinstance(raw, NewBody):
            return raw
        return parse(
            step.question.type,
            raw,
            parties=self.party_names(),
            choices=step.choices,
            unit=step.question.unit,
            confirmed=confirmed,
            any_language=step.question.as_written,
            example=self.example(step),
        )

    def check(self, step: Ask, raw: Any, confirmed: str | None = None) -> str | None:
        """What is wrong with this answer, in plain words, or None if it can be taken
        (`confirmed`: an answer asked back about and given again, see `parse`)."""
        refused = self.refusal(step, raw, confirmed)
        return None if refused is None else str(refused)

    def refusal(self, step: Ask, raw: Any, confirmed: str | None = None) -> AnswerError | None:
        """Why this answer is refused, with the answer it probably means if there is one."""
        other = self.other_way(step, raw)
        if other is not None and raw.strip() != confirmed:
            asked = other.question.prompt.removeprefix("Or ")
            return AnswerError(
                f"'{raw.strip()}' is a length of time, not a day. Press Enter to take it as "
                f"{asked[:1].lower()}{asked[1:]}, or type the day as YYYY-MM-DD",
                instead=raw.strip(),
                doubt=True,
            )
        if other is not None:
            return self.refusal(other, raw)
        try:
            value = self._parse(step, raw, confirmed)
        except AnswerError as wrong:
            return wrong
        if value is None:
            return AnswerError(self._needed(step)) if step.question.required else None
        doubt = (
            self._past(step, value)
            or self._form_of_another_law(step, value)
            or self._review_too_late(step, value)
            or self._no_more_than_simple(step, value)
        )
        if doubt is not None and not (isinstance(raw, str) and raw.strip() == confirmed):
            return doubt
        candidate = copy.deepcopy(self.data)
        if isinstance(value, NewBody):
            if value.name in (*self.party_names(), JOINT, *self.body_names()):
                return AnswerError(
                    f"'{value.name}' already names a party or body; choose it from the list"
                )
            value = self._add_body(candidate, value)
        put(candidate, step.path, value)
        problem = self._model_problem(candidate, step.path)
        return None if problem is None else AnswerError(problem)

    def _form_of_another_law(self, step: Ask, value: object) -> AnswerError | None:
        """A legal form of another country's law than the company's ('SAS' for a company
        incorporated in Germany) is asked back: given again, or with Enter, it is kept."""
        jurisdiction = get(self.data, ("company", "jurisdiction"))
        if step.path != ("company", "form") or not isinstance(value, str):
            return None
        if not isinstance(jurisdiction, str):
            return None
        law = foreign_legal_form(value, jurisdiction)
        if law is None:
            return None
        return AnswerError(
            f"'{value}' is a {law} legal form, but the company is to be incorporated in "
            f"{jurisdiction}, whose law gives it its form. Press Enter to keep it, or type the "
            "form meant",
            instead=value,
            doubt=True,
        )

    def _past(self, step: Ask, value: object) -> AnswerError | None:
        """A date expected ahead that falls before the draft's date (today's if it has none)
        is asked back: typed again as it was, or with Enter, it is kept."""
        if not (isinstance(value, dt.date) and expected_ahead(step.path)):
            return None
        dated = get(self.data, ("deal", "date"))
        if not isinstance(dated, dt.date):
            dated = dt.date.today()
        if value >= dated:
            return None
        return AnswerError(
            f"{date_text(value)} is before the draft's date ({date_text(dated)}), and this date "
            "is expected ahead of it. Press Enter to keep it, or type the date you mean",
            doubt=True,
        )

    def _review_too_late(self, step: Ask, value: object) -> AnswerError | None:
        """A review point held after the last day to stop a renewal, as the term and the
        notice answered so far give it, is asked back: it can no longer decide on renewing.
        Typed again as it was, or with Enter, it is kept (a review of scope may come late)."""
        if step.path[:2] != split(REVIEWS) or step.question.path not in ("date", "after"):
            return None
        renewal = _record(Renewal, get(self.data, ("exit", "renewal")))
        term = _record(Term, get(self.data, ("exit", "term")))
        deadline = last_day_to_stop_renewal(term, renewal)
        start = term.effective_date if term is not None else None
        if isinstance(value, dict) and start is not None:  # a time after the effective date
            day: object = shift(start, Duration.model_validate(value))
        else:
            day = value
        if deadline is None or not isinstance(day, dt.date) or day <= deadline:
            return None
        assert renewal is not None and renewal.notice is not None
        earlier = "an earlier date" if step.question.path == "date" else "a shorter time"
        return AnswerError(
            f"{date_text(day)} is after {renewal_deadline(renewal)} ({date_text(deadline)}, "
            f"{renewal.notice} before the initial term ends): a review held then can no longer "
            f"decide on the renewal. Type {earlier}, or press Enter to keep it",
            doubt=True,
        )

    @staticmethod
    def _no_more_than_simple(step: Ask, value: object) -> AnswerError | None:
        """A qualified majority of 50 % or less is asked back: it is no more than a simple
        majority, which the matter was made qualified to exceed. Given again as it was, or with
        Enter, it is kept (the finding on qualified majorities still names it)."""
        if step.question.path != "majority_percent" or not isinstance(value, Decimal):
            return None
        if value > 50:
            return None
        return AnswerError(
            f"{percent_text(value)} is no more than a simple majority; a qualified majority is "
            "more than 50 %, e.g. 75 or 2/3. Type the majority meant, or press Enter to keep it",
            doubt=True,
        )

    @staticmethod
    def _needed(step: Ask) -> str:
        """Why an empty answer is refused, and the way out of a list entry that needs it."""
        group = step.group
        if group is None or group.single:
            return "this answer is needed to go on"
        item = group.item
        return f"{article(item)} needs this answer: type it, or press Esc to cancel the {item}"

    @staticmethod
    def _add_body(data: dict[str, Any], body: NewBody) -> str:
        """A governance body named before the bodies are asked: its details come later."""
        bodies = get(data, split(BODIES))
        index = len(bodies) if isinstance(bodies, list) else 0
        put(data, (*split(BODIES), index), {"name": body.name, "kind": body.kind})
        return body.name

    def _model_problem(self, candidate: dict[str, Any], path: AnswerPath) -> str | None:
        try:
            Deal.model_validate(for_file(candidate))
        except ValidationError as invalid:
            for error in invalid.errors():
                where = tuple(clean_loc(error["loc"]))
                # A record's own rule over its answers (an end before its start) is located at
                # the record, which holds the answer just given.
                of_its_record = len(where) >= 2 and error["type"] == "value_error"
                if error["type"] != "missing" and (
                    where[: len(path)] == path or (of_its_record and path[: len(where)] == where)
                ):
                    return plain_message(error, Deal)[1]
        return None

    def drop(self, path: AnswerPath) -> None:
        """Forget an answer, and the mappings it leaves empty."""
        remove(self.data, path)
        parent = path[:-1]
        while parent and get(self.data, parent) == {}:
            remove(self.data, parent)
            parent = parent[:-1]

    def summary(self, group: Group, entry: int) -> str:
        return self.render_summary(group, self.entry_data(group, entry))

    def render_summary(self, group: Group, item: Any) -> str:
        """How an entry reads in lists, from the group's summary template."""
        if group.summary not in self._summaries:
            self._summaries[group.summary] = self.env.from_string(group.summary)
        text = self._summaries[group.summary].render(item=item).replace(PLACEHOLDER_MARK, "")
        return " ".join(text.split())


def _per_party_example(question: Question, parties: list[str], data: dict[str, Any]) -> str:
    """Shares or numbers per party in the deal's own party names; seats that follow the
    shares the question names (`example_follows`) once those are answered."""
    if question.type == "per_party":
        shares = get(data, split(question.example_follows)) if question.example_follows else None
        seats = seats_following(shares) if isinstance(shares, dict) else {}
        if seats:
            return "; ".join(f"{party} {count}" for party, count in seats.items())
        return "; ".join(f"{party} 3" for party in parties)
    each = 100 // len(parties)
    shares = (
        [60, 40]
        if len(parties) == 2
        else [100 - each * (len(parties) - 1)] + [each] * (len(parties) - 1)
    )
    return "; ".join(f"{party} {share}" for party, share in zip(parties, shares, strict=True))


def _record(model: type[RecordT], answers: Any) -> RecordT | None:
    """The answers of one record of the deal (its term), those left open left out; None while
    the model refuses them as they stand."""
    if not isinstance(answers, dict):
        return None
    try:
        return model.model_validate({k: v for k, v in answers.items() if v is not OPEN})
    except ValidationError:
        return None
