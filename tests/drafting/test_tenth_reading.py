"""What a senior JV lawyer's tenth reading of the example drafts asked for, as the drafted text
reads: an expert whom the answers do not name is still appointed by someone, and what the
clause on vehicles already on the road promises ends when the obligations that survive exit
end."""

from __future__ import annotations

from .test_fifth_reading import _answers, _texts
from .test_mechanics import _numbers


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


def test_updates_for_vehicles_on_the_road_end_with_the_in_sourcing_transition() -> None:
    data = _answers("bridge-technology.yaml")
    numbers = _numbers(data)
    road = _texts(data)["exit.vehicles-on-the-road"]
    assert (
        "The party responsible for the software in vehicles produced under the partnership keeps "
        "developing and releasing safety and security updates for them, including over-the-air "
        "updates, for the period clause "
        f"{numbers['exit.survival']} states. After completion of the in-sourcing option under clause {numbers['exit.in-sourcing-option']}, these "
        f"supplies end with its transition period, as clause {numbers['exit.survival']} provides."
    ) in road
    # Without an in-sourcing option the promise stands as it is.
    meridian = _texts(_answers("platform-sharing.yaml"))["exit.vehicles-on-the-road"]
    assert "in-sourcing" not in meridian
