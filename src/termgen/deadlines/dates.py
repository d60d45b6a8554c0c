"""The last day to stop a renewal (the date arithmetic itself, `shift` and `expiry`, sits with
the model, where clause text can use it too)."""

from __future__ import annotations

import datetime as dt

from termgen.model.common import shift
from termgen.model.exit import Renewal, Term, expiry

RENEWAL_DEADLINES = {
    "automatic": "last day to give notice of non-renewal",
    "party_option": "last day to exercise the renewal option",
    "mutual_agreement": "last day to give notice on renewal talks",
}
"""What the last day before the end of the term is for, as the deal renews: one wording for
the calendar and the findings."""


def renewal_deadline(renewal: Renewal | None) -> str:
    """'the last day to exercise the renewal option', as the deal renews (automatically when
    it does not say)."""
    kind = renewal.type if renewal and renewal.type != "none" else "automatic"
    return f"the {RENEWAL_DEADLINES[kind]}"


def last_day_to_stop_renewal(term: Term | None, renewal: Renewal | None) -> dt.date | None:
    """The last day on which notice of non-renewal can still be given."""
    end = expiry(term)
    if end is None or renewal is None or renewal.type == "none" or renewal.notice is None:
        return None
    return shift(end, renewal.notice, -1)
