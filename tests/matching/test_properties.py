"""Property tests: arbitrary text and quantities never break the matcher."""

from datetime import UTC

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.matching.keys import BLOCKING_LIMIT, blocking_keys, query_keys
from claimtrack.matching.model import ClaimRecord, QuantityRecord
from claimtrack.matching.normalise import content_terms, entities, story_terms, tokens
from claimtrack.matching.numeric import compare, interval
from claimtrack.matching.scoring import MatchConfig, score_pair
from claimtrack.matching.vocabulary import STOP_WORDS

BOUNDED = settings(max_examples=120, deadline=None)

NEWS_WORDS = st.sampled_from(
    [
        "U.S.",
        "US",
        "us",
        "Iraq",
        "Iraqi",
        "troops",
        "soldiers",
        "workers",
        "3,000",
        "3000",
        "three",
        "thousand",
        "1.5",
        "million",
        "$",
        "%",
        "more",
        "than",
        "about",
        "some",
        "or",
        "so",
        "could",
        "remain",
        "in",
        "the",
        "Gen.",
        "Mark",
        "Milley",
        "said",
        "denied",
        "wasn't",
        "Iran's",
        "—",
        ",",
        ".",
        '"',
        "5,200",
        "6,000",
        "a",
        "dozen",
        "3k",
        "2bn",
        "pulling",
        "out",
        "at",
        "height",
        "2007",
        "Kuwait",
        "Middle",
        "East",
        "’s",
        "n't",
    ]
)
TEXT = st.one_of(
    st.text(max_size=160),
    st.lists(NEWS_WORDS, max_size=40).map(" ".join),
)
NUMBER = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-(10**6), 10**6).map(float)
QUANTITY = st.builds(
    QuantityRecord,
    text=st.sampled_from(["3,000", "some 5,200", "6,000 or so", "more than 3,000", "up to 10", "thousands of", "", "x"])
    | st.text(max_size=12),
    value=NUMBER,
    low=NUMBER,
    high=NUMBER,
    approx=st.booleans(),
    change=st.sampled_from([None, "increase", "decrease"]),
    unit=st.sampled_from([None, "", "troop", "service member", "worker", "percent", "day", "widget", "army reservist"]),
)
CONTEXT = st.frozensets(
    st.sampled_from(["iraq", "united_states", "troop", "withdraw", "carmaker", "ohio", "plant", "soleimani"]),
    max_size=6,
)
DATE = st.none() | st.datetimes() | st.datetimes(timezones=st.just(UTC))


@st.composite
def claims(draw, article=st.integers(1, 3)):
    return ClaimRecord(
        claim_id=draw(st.integers(1, 10**6)),
        article_id=draw(article),
        text=draw(TEXT),
        speaker=draw(st.none() | st.sampled_from(["Mark Milley", "Gen. Mark Milley", "Pentagon"])),
        quantities=tuple(draw(st.lists(QUANTITY, max_size=3))),
        published=draw(DATE),
        context=draw(CONTEXT),
    )


@BOUNDED
@given(TEXT)
def test_normalisers_accept_any_text(text):
    toks = tokens(text)
    terms = content_terms(text)
    assert all(isinstance(t, str) and t for t in toks)
    assert not terms & STOP_WORDS
    assert isinstance(entities(text), frozenset)
    assert len(story_terms(text, text, limit=5)) <= 5


@BOUNDED
@given(claims(), claims())
def test_scores_stay_in_range_and_are_symmetric(a, b):
    cfg = MatchConfig(min_score=0.0)
    ab, ba = score_pair(a, b, cfg), score_pair(b, a, cfg)
    assert (ab is None) == (ba is None)
    if ab is None:
        return
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == pytest.approx(ba.score, abs=1e-3)
    assert ab.relation in ("same", "related")
    assert ab.numeric in (None, "consistent", "conflict", "different")
    assert ab.numeric == ba.numeric
    assert all(isinstance(r, str) and r for r in ab.reasons)


@BOUNDED
@given(claims(), claims())
def test_default_scoring_never_raises(a, b):
    match = score_pair(a, b)
    assert match is None or MatchConfig().min_score <= match.score <= 1.0


@BOUNDED
@given(claims())
def test_keys_are_bounded_strings(rec):
    stored = blocking_keys(rec)
    assert len(stored) <= BLOCKING_LIMIT
    assert stored <= query_keys(rec)
    assert all(k[:2] in ("n:", "u:", "s:", "e:", "t:", "m:") for k in stored)


@BOUNDED
@given(QUANTITY.filter(lambda q: all(abs(v) < 1e300 for v in (q.value, q.low, q.high))))
def test_intervals_are_ordered(q):
    low, high = interval(q)
    assert low <= high


@BOUNDED
@given(claims(), claims())
def test_compare_never_raises(a, b):
    found = compare(a, b)
    assert found is None or found.verdict in ("consistent", "conflict", "different")
