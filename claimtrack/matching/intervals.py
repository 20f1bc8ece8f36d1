"""The interval of values a quantity allows.

Every quantity is read as an interval [low, high]. For an approximate quantity whose
text carries a hedge word listed below, this table decides the interval, whatever
bounds the extractor supplied: one documented tolerance per hedge keeps verdicts
predictable ("a little over 5,000" must not stretch to 7,500 and meet "6,000 or so").
Bounds from the extractor are used for everything else (ranges such as "5,000 to
6,000", hedges the table does not know); an approximate quantity with neither gets
the default tolerance of ±5%:

=====================================================  =========================
hedge words in the quantity's text                     interval for value X
=====================================================  =========================
none (approx false: an exact figure)                   [X, X]
about, around, roughly, approximately, some, or so,    [0.95X, 1.05X]
estimated; any approximate figure not listed below
nearly, almost, close to, just shy of,                 [0.9X, X]
just / a little / slightly under, below, less than
just / a little / slightly over, above, more than      [X, 1.1X]
more than, greater than, over, above                   [X, 1.5X]
upwards of, in excess of                               [X, 1.5X]
at least, no fewer than, no less than, a minimum of    [X, 2X]
up to, as many as, as much as, no more than, at most   [0, X]
fewer than, less than, under, below                    [0, X]
dozens                                                 [24, 99]
hundreds                                               [200, 999]
thousands                                              [2,000, 9,999]
tens of thousands                                      [20,000, 99,999]
hundreds of thousands                                  [200,000, 999,999]
millions                                               [2,000,000, 9,999,999]
=====================================================  =========================

Intervals are closed: "more than 3,000" and "3,000" count as consistent, because a
reviewer gains nothing from a conflict that is only a matter of strict inequality.
Two intervals that overlap are *consistent*; disjoint intervals are a *conflict*.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.matching.model import QuantityRecord

DEFAULT_RELATIVE_TOLERANCE = 0.05

_Bounds = Callable[[float], tuple[float, float]]


def _vague(low: float, high: float) -> _Bounds:
    return lambda x: (low, high)


# Checked in order: longer phrases before the shorter ones they contain.
HEDGE_TOLERANCES: tuple[tuple[re.Pattern[str], _Bounds], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b"), bounds)
    for pattern, bounds in (
        (r"hundreds of thousands", _vague(200_000, 999_999)),
        (r"tens of thousands", _vague(20_000, 99_999)),
        (r"dozens", _vague(24, 99)),
        (r"hundreds", _vague(200, 999)),
        (r"thousands", _vague(2_000, 9_999)),
        (r"millions", _vague(2_000_000, 9_999_999)),
        (
            r"(?:just|a little|slightly) (?:under|below|less than|fewer than)|just shy of"
            r"|nearly|almost|close to",
            lambda x: (0.9 * x, x),
        ),
        (r"(?:just|a little|slightly) (?:over|above|more than)", lambda x: (x, 1.1 * x)),
        (r"no fewer than|no less than|at least|a minimum of", lambda x: (x, 2 * x)),
        (r"no more than|up to|as many as|as much as|at most|a maximum of", lambda x: (0.0, x)),
        (r"fewer than|less than|under|below", lambda x: (0.0, x)),
        (r"more than|greater than|upwards of|in excess of|over|above", lambda x: (x, 1.5 * x)),
        (
            r"about|around|roughly|approximately|some|or so|estimated",
            lambda x: (x - abs(x) * DEFAULT_RELATIVE_TOLERANCE, x + abs(x) * DEFAULT_RELATIVE_TOLERANCE),
        ),
    )
)


def interval(q: QuantityRecord) -> tuple[float, float]:
    """The closed interval of values the quantity allows."""
    low, high = (q.low, q.high) if q.low <= q.high else (q.high, q.low)
    if not q.approx:
        return low, high
    text = q.text.lower()
    for pattern, bounds in HEDGE_TOLERANCES:
        if pattern.search(text):
            a, b = bounds(q.value)
            return (a, b) if a <= b else (b, a)
    if low != high:
        return low, high
    spread = abs(q.value) * DEFAULT_RELATIVE_TOLERANCE
    return q.value - spread, q.value + spread


def _gap(ia: tuple[float, float], ib: tuple[float, float]) -> float:
    """Relative distance between two intervals; 0 when they overlap."""
    distance = max(ia[0], ib[0]) - min(ia[1], ib[1])
    scale = max(abs(ia[0]), abs(ia[1]), abs(ib[0]), abs(ib[1]), 1e-12)
    return max(0.0, distance / scale - 1e-9)
