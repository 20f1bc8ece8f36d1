"""Extraction and matching read numbers from one vocabulary (claimtrack/numberwords.py),
so a figure written one way in one outlet and another way elsewhere meets itself."""

import pytest

from claimtrack.extraction.quantities import find_quantities
from claimtrack.matching.normalise import tokens
from claimtrack.numberwords import SCALE_ABBREVIATIONS


@pytest.mark.parametrize("suffix", sorted(SCALE_ABBREVIATIONS))
def test_both_engines_read_every_abbreviated_scale(suffix):
    value = 4 * SCALE_ABBREVIATIONS[suffix]
    (quantity,) = find_quantities(f"The fund lost $4{suffix} last year.")
    assert quantity.value == value
    assert tokens(f"lost $4{suffix}") == tokens(f"lost ${value:.0f}")


def test_matching_reads_mn_like_million():
    # "mn" was known to extraction only; matching read "4mn" as 4 and a stray word.
    assert tokens("a 4mn dollar deal") == tokens("a 4 million dollar deal") == ["a", "4000000", "dollar", "deal"]
