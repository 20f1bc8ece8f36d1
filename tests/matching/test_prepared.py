"""The fast path of the scorer (prepared claims, bounds, ranking in order of the best
score a candidate could reach) gives exactly the Matches of the exhaustive reference,
which runs every measure before deciding."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from claimtrack.matching.prepared import Prepared, days_apart, prepare
from claimtrack.matching.scoring import MatchConfig, rank, score_pair
from tests.matching.builders import IRAQ_WIRE, claim, qty
from tests.matching.test_scoring import ALL, NBC_6000, WIRE_5200

# A few more shapes: a naive date, no story context, a denial of a stated plan, and a
# figure of the same unit told weeks later.
EXTRA = [
    claim(
        "Officials said there are no plans to withdraw American troops from Iraq.",
        context=IRAQ_WIRE,
        published=datetime(2020, 1, 7, 9, 30),
    ),
    claim("Officials drew up plans to withdraw American troops from Iraq, a letter showed.", context=frozenset()),
    claim(
        "About 6,500 American troops remain in Iraq, the Pentagon said in February.",
        qty("About 6,500", 6500),
        context=IRAQ_WIRE,
        published=datetime(2020, 2, 20, tzinfo=UTC),
    ),
]
CLAIMS = ALL + EXTRA
CONFIGS = [MatchConfig(), MatchConfig(min_score=0.0), MatchConfig(min_score=0.2, other_story_factor=0.8)]


@pytest.mark.parametrize("cfg", CONFIGS)
def test_every_pair_scores_as_the_exhaustive_reference(cfg):
    found = []
    for a in CLAIMS:
        for b in CLAIMS:
            fast, reference = score_pair(a, b, cfg), score_pair(a, b, cfg, exhaustive=True)
            assert fast == reference, (a.text, b.text)
            for floor in (0.4, 0.5, 0.7):
                expected = reference if reference is not None and reference.score >= floor - 1e-4 else None
                assert score_pair(a, b, cfg, floor=floor) == expected
            if reference is not None:
                found.append(reference)
    # The pairs cover what the bounds must not lose: conflicts, agreement, both relations.
    assert {m.numeric for m in found} >= {"conflict", "consistent"}
    assert {m.relation for m in found} == {"same", "related"}


@pytest.mark.parametrize("cfg", CONFIGS)
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 20])
def test_rank_is_the_top_of_the_exhaustive_scores(cfg, limit):
    shared = Prepared()
    for query in CLAIMS:
        scored = [(c, m) for c in CLAIMS if (m := score_pair(query, c, cfg, exhaustive=True)) is not None]
        expected = sorted(scored, key=lambda cm: (-cm[1].score, cm[0].claim_id))[:limit]
        assert rank(query, CLAIMS, cfg, limit) == expected
        assert rank(query, reversed(CLAIMS), cfg, limit, prepared=shared) == expected


def test_conflict_reaches_the_ranking_with_its_reasons():
    ((top, match),) = rank(NBC_6000, [WIRE_5200], limit=1)
    assert top is WIRE_5200
    assert (match.relation, match.numeric) == ("same", "conflict")
    assert match == score_pair(NBC_6000, WIRE_5200, exhaustive=True)


def test_a_changed_record_is_prepared_anew():
    cache = Prepared()
    before = cache.get(WIRE_5200)
    assert cache.known(dataclasses.replace(WIRE_5200)) is before  # equal records share it
    edited = dataclasses.replace(
        WIRE_5200, text="Some 5,200 American troops are stationed in Iraq today, officials said."
    )
    assert cache.known(edited) is None
    assert cache.get(edited).text != before.text
    assert rank(NBC_6000, [edited], prepared=cache) == rank(NBC_6000, [edited])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (datetime(2020, 1, 5, 12, tzinfo=UTC), datetime(2020, 3, 1, 8, 15, 0, 7, tzinfo=UTC)),
        (datetime(2020, 1, 5, 12), datetime(2019, 12, 1, 23, 59, 59, 999999)),
        (datetime(2020, 1, 5, 12, tzinfo=UTC), datetime(2020, 1, 19, 3, 0, 0, 1)),
        (datetime(2020, 1, 5, 12, tzinfo=UTC), datetime(2020, 1, 5, 12, 30, tzinfo=UTC) - timedelta(hours=5)),
    ],
)
def test_days_apart_is_the_datetime_arithmetic(a, b):
    def naive_utc(d: datetime) -> datetime:
        return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d

    expected = abs((naive_utc(a) - naive_utc(b)).total_seconds()) / 86400.0
    got = days_apart(prepare(dataclasses.replace(WIRE_5200, published=a)), prepare(claim("x", published=b)))
    assert got == expected
