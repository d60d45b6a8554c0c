"""The last day to stop a renewal (the date arithmetic itself, `shift` and `expiry`, sits with
the model, where clause text can use it too)."""

from __future__ import annotations

import datetime as dt

from termgen.model.common import shift
from termgen.model.exit import Renewal, Term, expiry


def last_day_to_stop_renewal(term: Term | None, renewal: Renewal | None) -> dt.date | None:
    """The last day on which notice of non-renewal can still be given."""
    end = expiry(term)
    if end is None or renewal is None or renewal.type == "none" or renewal.notice is None:
        return None
    return shift(end, renewal.notice, -1)
