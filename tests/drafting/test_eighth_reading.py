"""What a senior JV lawyer's eighth reading of the example drafts asked for, as the drafted text
reads."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts


def test_the_in_sourcing_clauses_name_holder_and_provider_only_when_each_is_one_party() -> None:
    data = _answers("bridge-technology.yaml")
    texts = _texts(data)
    assert texts["strengths.knowledge-transfer"].startswith(
        "Alongside delivery, SDA trains CMC's engineers on the technology"
    )
    assert (
        "a transition period of up to 12 months during which SDA keeps supporting"
        in (texts["exit.in-sourcing-option"])
    )
    for trigger in data["exit"]["triggers"]:
        if trigger["kind"] == "convenience":
            trigger.pop("exercisable_by", None)
    texts = _texts(data)
    assert texts["strengths.knowledge-transfer"].startswith(
        "Alongside delivery, the technology provider trains the other party's engineers"
    )
    option = texts["exit.in-sourcing-option"]
    assert "The in-sourcing party also receives the documentation" in option
    assert "during which the technology provider keeps supporting" in option
    assert "The in-sourcing party exercises the option by giving the other party" in option
