"""What a senior JV lawyer's eleventh reading of the example drafts asked for, as the drafted
text reads: a deadlock that may end a partnership is defined, and only a decision the
decision-rights matrix reserves for unanimous or joint approval can become one."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


def test_only_a_decision_reserved_for_joint_approval_can_deadlock_into_an_exit() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    texts = _texts(data)
    trigger = texts["exit.trigger.deadlock"]
    assert (
        'A deadlock (a "Deadlock") exists only on a decision that the decision-rights matrix in '
        'the Governance Annex reserves for unanimous or joint approval (the rows "Changes to '
        'feature content" and "Deviations from release acceptance criteria"), once that decision '
        "has been put to the body that owns it at two meetings held at least 10 working days "
        "apart without a decision."
    ) in trigger
    # The default unanimity of the annex opens no exit.
    assert "including a decision that a body takes unanimously only because the matrix" in trigger
    assert (
        "A Deadlock first goes up the escalation path in clause "
        f"{numbers['governance.escalation']}. If it is still unresolved after the full path, "
        "either party may end the partnership by giving 60 days' notice."
    ) in trigger
    assert (
        f"only a Deadlock as defined in clause {numbers['exit.trigger.deadlock']} may lead to exit"
    ) in texts["governance.escalation"]
    assert (
        "It may lead to exit only where it is a Deadlock as clause"
        in (texts["governance.annex.escalation"])
    )


def test_a_decision_the_parties_take_jointly_is_put_to_the_parties() -> None:
    data = _answers("bridge-technology.yaml")
    for right in data["governance"]["decision_rights"]:
        if right["approval"] == "unanimous":
            right.update(owner="joint", approval="owner_decides")
    trigger = _texts(data)["exit.trigger.deadlock"]
    assert "has been put to the parties at two meetings" in trigger
    # A matrix that reserves nothing for joint approval leaves the rows open.
    for right in data["governance"]["decision_rights"]:
        right.update(owner="CMC", approval="owner_decides")
    assert "(the rows [●])" in _texts(data)["exit.trigger.deadlock"]


def test_a_jv_deadlock_stays_with_its_mechanism() -> None:
    texts = _texts(_answers("battery-jv.yaml"))
    assert "exists only on a decision" not in texts["exit.trigger.deadlock"]
    assert "It may lead to exit only where" not in texts["governance.annex.escalation"]
