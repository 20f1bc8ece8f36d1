"""Check-worthiness ranking and repeated statements."""

from claimtrack.extraction import ExtractedClaim, checkworthiness, extract_claims
from claimtrack.extraction.repeats import mark_repeats


def score_of(text: str) -> float:
    claims = extract_claims(text)
    assert len(claims) == 1, claims
    return claims[0].checkworthiness


def test_numbers_and_attribution_rank_above_opinion_and_speculation():
    factual = score_of("The Army said on Friday it had deployed 3,000 more troops to Kuwait.")
    background = score_of("The presence of troops has become the source of debate in recent days.")
    speculative = score_of("The move could perhaps provide a boost to extremists in the region.")
    opinion = score_of("I think Washington should take the request seriously and answer it slowly.")
    boilerplate = score_of("Acme is a leading provider of anvils headquartered in Ohio, with offices abroad.")
    assert factual > background > opinion
    assert factual > speculative > boilerplate
    assert factual >= 0.9
    assert boilerplate < 0.2


def test_every_feature_has_a_weight():
    claim = ExtractedClaim(text="Officials said 40 people died on Monday.", start=0, end=40)
    assert set(checkworthiness.features(claim)) == set(checkworthiness.WEIGHTS)
    assert 0.0 < checkworthiness.score(claim) < 1.0


def test_repeat_points_at_first_occurrence():
    body = (
        "Prime Minister Adel Abdul-Mahdi said the U.S. had been moving troops into the country "
        "and operating drones without authorization.\n\n"
        "Iraq voted to end the American military presence on Sunday.\n\n"
        "The prime minister also said the U.S. has been moving troops into the country and "
        "operating drones without authorization and contrary to an agreement.\n\n"
        "Abdul-Mahdi said again the U.S. had been moving troops into the country and operating "
        "drones without authorization."
    )
    claims = extract_claims(body)
    assert [c.repeat_of for c in claims] == [None, None, 0, 0]
    assert claims[2].checkworthiness < claims[0].checkworthiness


def test_different_numbers_or_speakers_are_not_repeats():
    body = (
        "Officials said the U.S. has 5,200 troops stationed in Iraq at several bases.\n\n"
        "Officials said the U.S. has 6,000 troops stationed in Iraq at several bases.\n\n"
        "Defense Secretary Mark Esper said the Army would send troops to the Gulf region soon.\n\n"
        "Secretary of State Mike Pompeo said the Army would send troops to the Gulf region soon."
    )
    assert [c.repeat_of for c in extract_claims(body)] == [None, None, None, None]


def test_identical_sentences_many_times_stay_linear():
    claims = [
        ExtractedClaim(text="Officials said 40 people died in the attack on Monday.", start=i * 60, end=i * 60 + 54)
        for i in range(3000)
    ]
    mark_repeats(claims)
    assert claims[0].repeat_of is None
    assert all(c.repeat_of == 0 for c in claims[1:])
