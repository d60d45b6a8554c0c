"""A deal's deadlines as an iCalendar file: all-day events, each with a reminder ahead of it."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event, vText

from termgen import __version__
from termgen.deadlines.collect import Deadline, describe
from termgen.model import Deal

_NAME_IN_EVENT = 60
_TITLE = 200
"""Characters of the deal name and of a deadline's title in an event's one-line summary;
the description keeps the title in full."""


def calendar_bytes(deal: Deal, found: list[Deadline], stamp: dt.date) -> bytes:
    """RFC 5545 text for the dated deadlines; the same answers give the same bytes.

    `stamp` becomes every event's DTSTAMP (the draft's date), so nothing depends on the clock.
    """
    meta = deal.deal
    calendar = Calendar()
    calendar.add("prodid", vText(f"-//termgen//termgen {__version__}//EN"))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(f"{meta.name}: deadlines (v{meta.version})"))
    stamped = dt.datetime.combine(stamp, dt.time(), tzinfo=dt.UTC)
    for deadline in found:
        if deadline.day is not None:
            calendar.add_component(_event(meta.name, deadline, stamped))
    return bytes(calendar.to_ical())


def _event(deal_name: str, deadline: Deadline, stamp: dt.datetime) -> Event:
    assert deadline.day is not None
    summary = f"{_shortened(deal_name, _NAME_IN_EVENT)}: {_shortened(deadline.title, _TITLE)}"
    event = Event()
    event.add("uid", _uid(deal_name, deadline))
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.day)
    event.add("dtend", deadline.day + dt.timedelta(days=1))
    event.add("summary", vText(summary))
    event.add("description", vText(describe(deadline)))
    event.add("categories", [vText(deadline.kind.replace("_", " "))])
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", vText(f"In {deadline.reminder_days} days: {summary}"))
    alarm.add("trigger", -dt.timedelta(days=deadline.reminder_days))
    event.add_component(alarm)
    return event


def _shortened(text: str, longest: int) -> str:
    """Text for one line of a calendar: on one line, and cut with '…' past `longest`."""
    line = " ".join(text.split())
    return line if len(line) <= longest else line[: longest - 1].rstrip() + "…"


def _uid(deal_name: str, deadline: Deadline) -> str:
    """Stable across versions of the answers, so a re-import updates events instead of adding."""
    key = f"{deal_name}\0{deadline.kind}\0{deadline.answers}"
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{digest[:24]}@termgen"
