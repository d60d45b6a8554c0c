"""What a senior JV lawyer's tenth reading of the example drafts asked for, as the drafted text
reads: an expert whom the answers do not name is still appointed by someone."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts


def test_an_expert_the_answers_do_not_name_is_appointed_by_the_parties_jointly() -> None:
    for name, institution in (
        ("robotaxi-pilot.yaml", "AAA"),
        ("sdv-software.yaml", "DIS"),
        ("incomplete-deal.yaml", "SCC"),
    ):
        valuation = _texts(_answers(name))["exit.valuation"]
        assert (
            "may refer it to an independent expert. The parties appoint the expert jointly. "
            f"If no expert has been appointed within 20 days of the referral, for any reason, "
            f"the {institution} appoints the expert"
        ) in valuation, name
    # An expert the answers name is not also said to be appointed jointly.
    volta = _texts(_answers("battery-jv.yaml"))["exit.valuation"]
    assert "The parties appoint the expert jointly." not in volta
