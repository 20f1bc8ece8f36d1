"""Numeric agreement between claims.

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
more than, over, above, upwards of, in excess of       [X, 1.5X]
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

import math
import re
from collections.abc import Callable

from claimtrack.matching import vocabulary as vocab
from claimtrack.matching.normalise import unit_group
from claimtrack.matching.quantity_context import quantity_context
from claimtrack.matching.model import ClaimRecord, NumericVerdict, QuantityRecord

DEFAULT_RELATIVE_TOLERANCE = 0.05
TIME_UNITS = vocab.TIME_UNITS

_Bounds = Callable[[float], tuple[float, float]]


def _vague(low: float, high: float) -> _Bounds:
    return lambda x: (low, high)


# Checked in order: longer phrases before the shorter ones they contain.
HEDGE_TOLERANCES: tuple[tuple[re.Pattern[str], _Bounds], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b"), bounds) for pattern, bounds in (
        (r"hundreds of thousands", _vague(200_000, 999_999)),
        (r"tens of thousands", _vague(20_000, 99_999)),
        (r"dozens", _vague(24, 99)),
        (r"hundreds", _vague(200, 999)),
        (r"thousands", _vague(2_000, 9_999)),
        (r"millions", _vague(2_000_000, 9_999_999)),
        (r"(?:just|a little|slightly) (?:under|below|less than|fewer than)|just shy of"
         r"|nearly|almost|close to", lambda x: (0.9 * x, x)),
        (r"(?:just|a little|slightly) (?:over|above|more than)", lambda x: (x, 1.1 * x)),
        (r"no fewer than|no less than|at least|a minimum of", lambda x: (x, 2 * x)),
        (r"no more than|up to|as many as|as much as|at most|a maximum of",
         lambda x: (0.0, x)),
        (r"fewer than|less than|under|below", lambda x: (0.0, x)),
        (r"more than|upwards of|in excess of|over|above", lambda x: (x, 1.5 * x)),
        (r"about|around|roughly|approximately|some|or so|estimated",
         lambda x: (x - abs(x) * DEFAULT_RELATIVE_TOLERANCE, x + abs(x) * DEFAULT_RELATIVE_TOLERANCE)),
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


def same_counted_thing(a_claim: ClaimRecord, qa: QuantityRecord,
                       b_claim: ClaimRecord, qb: QuantityRecord) -> bool:
    """Whether two quantities count the same set, so their values may be compared.

    The rule: both units fall in the same synonym group; the change markers are equal
    (an increment such as "3,000 more" is never compared with a total); for totals the
    mode is equal (a plan or possibility such as "2,500 troops could remain" is never
    compared with a present count such as "6,000 troops in Iraq", nor with a past one
    such as "down from 170,000"); and nothing in the clause sets them apart: owners
    ("American" vs "Iraqi" troops), places ("in Iraq" vs "in Syria"; a place inside a
    region the other names still meets it) and years, each only when both quantities
    name one. Increments ignore the mode because "will send 3,000 more" and "is
    sending 3,000 more" report the same deployment. Durations ("five days after") are
    never compared: they count from different events.
    """
    unit = unit_group(qa.unit)
    if unit is None or unit != unit_group(qb.unit) or unit in TIME_UNITS:
        return False
    ca = quantity_context(a_claim.text, qa)
    cb = quantity_context(b_claim.text, qb)
    if ca.change != cb.change or (ca.change is None and ca.mode != cb.mode):
        return False
    if ca.owners and cb.owners and ca.owners.isdisjoint(cb.owners):
        return False
    if ca.years and cb.years and ca.years.isdisjoint(cb.years):
        return False
    return not ca.places or not cb.places or _places_meet(ca.places, cb.places)


def _places_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same place, or one place inside a region the other names (Kuwait, Middle East)."""
    return bool(a & b or _with_regions(a) & b or a & _with_regions(b))


def _with_regions(places: frozenset[str]) -> set[str]:
    return set(places).union(*(_REGIONS_OF.get(p, ()) for p in places))


_REGIONS_OF: dict[str, set[str]] = {}
for _region, _members in vocab.REGIONS.items():
    for _member in _members:
        _REGIONS_OF.setdefault(_member, set()).add(_region)


def _finite(q: QuantityRecord) -> bool:
    return all(math.isfinite(v) for v in (q.value, q.low, q.high))


def _gap(ia: tuple[float, float], ib: tuple[float, float]) -> float:
    """Relative distance between two intervals; 0 when they overlap."""
    distance = max(ia[0], ib[0]) - min(ia[1], ib[1])
    scale = max(abs(ia[0]), abs(ia[1]), abs(ib[0]), abs(ib[1]), 1e-12)
    return max(0.0, distance / scale - 1e-9)


def compare(a_claim: ClaimRecord, b_claim: ClaimRecord) -> NumericVerdict | None:
    """Compare the quantities of two claims.

    Of all pairs that count the same thing, the closest pair (smallest relative gap,
    equal values first) is taken as the correspondence; its intervals decide between
    "consistent" and "conflict". None when no pair is comparable.
    """
    best: tuple[float, float, NumericVerdict] | None = None
    for qa in a_claim.quantities:
        if not _finite(qa):
            continue
        for qb in b_claim.quantities:
            if not _finite(qb) or not same_counted_thing(a_claim, qa, b_claim, qb):
                continue
            ia, ib = interval(qa), interval(qb)
            gap = _gap(ia, ib)
            rank = (gap, abs(qa.value - qb.value))
            if best is None or rank < best[:2]:
                verdict = NumericVerdict(
                    "consistent" if gap == 0 else "conflict", qa, qb,
                    unit_group(qa.unit) or "", ia, ib)
                best = (rank[0], rank[1], verdict)
    return best[2] if best else None


# Below this a shared number is no coincidence worth flagging: "two countries" and "two
# governments" are everyday wording, "3,000 troops" and "3,000 workers" a false friend.
LOOKALIKE_MIN_VALUE = 10


def same_number_other_unit(a_claim: ClaimRecord,
                           b_claim: ClaimRecord) -> tuple[QuantityRecord, QuantityRecord] | None:
    """A pair with equal, distinctive values (at least ``LOOKALIKE_MIN_VALUE``) but
    different known unit groups: the look-alike trap ("3,000 more troops" vs "3,000
    more workers")."""
    for qa in a_claim.quantities:
        for qb in b_claim.quantities:
            if qa.value == qb.value and abs(qa.value) >= LOOKALIKE_MIN_VALUE:
                ua, ub = unit_group(qa.unit), unit_group(qb.unit)
                if ua and ub and ua != ub:
                    return qa, qb
    return None


def shared_unit(a_claim: ClaimRecord, b_claim: ClaimRecord) -> str | None:
    """A unit group (not time) counted in both claims, compared or not."""
    units_a = {unit_group(q.unit) for q in a_claim.quantities}
    units_b = {unit_group(q.unit) for q in b_claim.quantities}
    common = sorted(u for u in units_a & units_b if u and u not in TIME_UNITS)
    return common[0] if common else None


def format_value(value: float) -> str:
    """3000.0 → "3,000"; 2.5 → "2.5"."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
