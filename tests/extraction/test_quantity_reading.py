"""Quantity forms that once broke the reader or read two ways, in sentences of our own."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.extraction import extract_claims
from claimtrack.extraction.numbers import singular, vague_magnitude
from claimtrack.extraction.quantities import find_quantities
from claimtrack.extraction.units import GLUED_UNITS


@pytest.mark.parametrize(
    "text, low, high, unit",
    [
        ("The fund lost hundreds of billions of dollars in a decade.", 2e11, 1e12 - 1, "dollar"),
        ("Tens of billions of euros were moved offshore.", 2e10, 1e11 - 1, "euro"),
        ("The program could cost trillions of dollars.", 2e12, 1e13 - 1, "dollar"),
        ("Hundreds of millions of people lack clean water.", 2e8, 1e9 - 1, "person"),
        ("Tens of thousands of fans filled the square.", 2e4, 1e5 - 1, "fan"),
    ],
)
def test_vague_plural_magnitudes(text, low, high, unit):
    (q,) = find_quantities(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)
    assert q.approx


def test_vague_magnitude_refuses_what_it_cannot_size():
    assert vague_magnitude("dozens of weeks") is None
    assert vague_magnitude("lots of thousands") is None
    assert vague_magnitude("tens of dozens") == (240.0, 240.0, 1199.0)


vague_words = st.lists(
    st.sampled_from(["tens", "hundreds", "thousands", "millions", "billions", "trillions", "dozens",
                     "scores", "of", "upon", "more", "people", "dollars", " ", "and"]),
    min_size=1, max_size=8,
).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vague_words)
def test_any_chain_of_vague_plurals_never_raises(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.low <= q.value <= q.high
    extract_claims("Officials said " + text + " would arrive.")


@pytest.mark.parametrize(
    "text", ["The limit is 30 mph on the bridge.", "The limit is 30 miles per hour on the bridge."]
)
def test_speed_written_either_way_is_one_unit(text):
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.kind, q.per) == (30.0, "mile per hour", "measure", None)


def test_mph_has_one_lemma_everywhere():
    assert singular("mph") == GLUED_UNITS["mph"] == "mile per hour"
