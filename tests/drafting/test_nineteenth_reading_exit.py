"""A JV lawyer's nineteenth reading of the example drafts (exit and deadlock): a deadlock of the
lock-in years cannot be banked for later, a party that blocked a Reserved Matter cannot turn
the Deadlock into a put, the deadlock route buys and sells only between the two sides, an
Exiting Party loses its votes only for its own fault, a party that leaves or does not renew
gets no put at going-concern value, a drag-along never sells to a dragged party's competitor,
and a shareholder loan states its interest and its ranking."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_a_deadlock_of_the_lock_in_years_lapses_with_its_own_window() -> None:
    for name in ("battery-jv.yaml", "edrive-jv.yaml"):
        data = _answers(name)
        lock_in = _numbers(data)["exit.term"]
        deadlock = _texts(data)["company.deadlock"]
        assert "the later of" not in deadlock, name
        assert (
            "A Deadlock Notice may be given only within 30 days after that period ends, and never "
            f"during the Lock-in Period defined in clause {lock_in}; where the Lock-in Period ends "
            "within those 30 days, they run instead until 30 days after the Lock-in Period ends. "
            "If none is given in time, the Reserved Matter is treated as rejected and the matter "
            "stays as it was, also where those 30 days end during the Lock-in Period: a Deadlock "
            "that arises during the Lock-in Period can lead to a Deadlock Notice only if its 30 "
            "days are still running when the Lock-in Period ends."
        ) in deadlock, name
    # An alliance's deadlock exit has the same window.
    for name in ("bridge-technology.yaml", "platform-sharing.yaml"):
        trigger = _texts(_answers(name))["exit.trigger.deadlock"]
        assert "the later of" not in trigger, name
        assert (
            "a Deadlock that arises during the Lock-in Period can lead to exit only if its 30 "
            "days are still running when the Lock-in Period ends."
        ) in trigger, name
