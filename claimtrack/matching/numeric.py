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
from dataclasses import dataclass

from claimtrack.matching import vocabulary as vocab
from claimtrack.matching.measure import Measure, differences, read_measure, unsettled
from claimtrack.matching.normalise import content_term_set, entity_display, unit_group
from claimtrack.matching.quantity_context import clause_span, locate, quantity_context
from claimtrack.matching.model import ClaimRecord, NumericVerdict, QuantityRecord, Verdict

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
    """Whether two quantities measure the same thing, so their values may be compared:
    the same unit group (never a duration: "five days after" counts from different
    events) and nothing in :func:`set_apart` telling them apart."""
    unit = unit_group(qa.unit)
    if unit is None or unit != unit_group(qb.unit) or unit in TIME_UNITS:
        return False
    return not set_apart(a_claim, qa, b_claim, qb)


def set_apart(a_claim: ClaimRecord, qa: QuantityRecord,
              b_claim: ClaimRecord, qb: QuantityRecord) -> list[str]:
    """Every fact, in plain words, that makes two quantities of one unit different
    measures; empty when nothing does.

    From the clause (``quantity_context``): the change markers differ (an increment
    such as "3,000 more" is never compared with a total); for totals the mode differs
    (a plan such as "2,500 troops could remain" is not a present count, nor is a past
    one such as "down from 170,000"); owners ("American" vs "Iraqi" troops), places
    ("in Iraq" vs "in Syria"; a place inside a region the other names still meets it)
    or years differ, each only when both quantities name one. Increments ignore the
    mode because "will send 3,000 more" and "is sending 3,000 more" report the same
    deployment. From :mod:`measure`: kind, rate base, aspect (level, change, lead,
    running total), what a share is of, the period, the poll and whom a share is for.
    """
    ca = quantity_context(a_claim.text, qa)
    cb = quantity_context(b_claim.text, qb)
    out = []
    if ca.change != cb.change:
        out.append(f"{ca.change or 'a total'} vs {cb.change or 'a total'}")
    elif ca.change is None and ca.mode != cb.mode:
        out.append(f"{_MODES[ca.mode]} vs {_MODES[cb.mode]}")
    if ca.owners and cb.owners and ca.owners.isdisjoint(cb.owners):
        out.append(f"{_names(ca.owners)} vs {_names(cb.owners)}")
    if ca.years and cb.years and ca.years.isdisjoint(cb.years):
        out.append(f"{_names(ca.years)} vs {_names(cb.years)}")
    if ca.places and cb.places and not _places_meet(ca.places, cb.places):
        out.append(f"in {_names(ca.places)} vs in {_names(cb.places)}")
    ma, mb = _measure(a_claim, qa), _measure(b_claim, qb)
    for reason in differences(ma, mb):
        # The change markers above decided increments already ("3,000 more").
        if (ca.change or cb.change) and "a change" in reason:
            continue
        if ca.places and cb.places and reason.startswith("in "):  # the places above, regions known
            continue
        out.append(reason)
    return out


_MODES = {"actual": "a present count", "prospective": "a plan or possibility", "past": "a past count"}


def _names(values: frozenset[str]) -> str:
    return "/".join(sorted(entity_display(v) for v in values))


def measure_flags(claim: ClaimRecord, q: QuantityRecord) -> tuple[bool, bool]:
    """``alone`` and ``clause_alone`` of :func:`read_measure` for ``q`` in ``claim``."""
    unit = unit_group(q.unit)
    same_unit = [other for other in claim.quantities if other is not q and unit_group(other.unit) == unit]
    clause_alone = True
    if same_unit:
        start, end = locate(claim.text, q)
        span = clause_span(claim.text, start, end) if start >= 0 else None
        clause_alone = span is not None and not any(
            span[0] <= locate(claim.text, other)[0] < span[1] for other in same_unit)
    return not same_unit, clause_alone


def _measure(claim: ClaimRecord, q: QuantityRecord) -> Measure:
    alone, clause_alone = measure_flags(claim, q)
    return read_measure(claim.text, q, alone=alone, clause_alone=clause_alone, published=claim.published)


def describe(claim: ClaimRecord, q: QuantityRecord) -> str:
    """What a quantity measures, in plain words: "troops, in Iraq"."""
    ctx = quantity_context(claim.text, q)
    words = [_measure(claim, q).describe()]
    if ctx.owners:
        words.append(_names(ctx.owners))
    if ctx.places:
        words.append("in " + _names(ctx.places))
    if ctx.mode != "actual" and not ctx.change:
        words.append(_MODES[ctx.mode])
    return ", ".join(words)


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


# Figures this many times apart are another measure, not a discrepancy ("$9 million
# last month" and "$140 million"): a conflict needs values of one order.
MAX_CONFLICT_RATIO = 3.0
# A conflict needs the words around both figures to correspond this much (see
# ``_alignment``): an unrelated figure of the other claim is not its counterpart.
MIN_CONFLICT_ALIGNMENT = 0.3
# Words (besides the unit and numbers) the clauses of two conflicting figures share at
# least: on real coverage a single shared word ("rate", "delegates") joins unrelated
# figures.
MIN_SHARED_TERMS = 1
# Unitless figures ("voted 7-2", "a 10-2 verdict") are compared only inside nearly the
# same words, and only for agreement.
MIN_UNITLESS_ALIGNMENT = 0.6


@dataclass(slots=True)
class _Pair:
    qa: QuantityRecord
    qb: QuantityRecord
    unit: str
    apart: list[str]
    open: list[str]
    align: float
    gap: float
    ia: tuple[float, float]
    ib: tuple[float, float]

    def rank(self) -> tuple:
        return (bool(self.apart), -self.align, self.gap, abs(self.qa.value - self.qb.value))


def compare(a_claim: ClaimRecord, b_claim: ClaimRecord) -> NumericVerdict | None:
    """Compare the corresponding quantities of two claims.

    Every pair of quantities of one unit is read (:func:`set_apart`, and what only one
    side specifies, ``measure.unsettled``), then each figure is paired with its best
    counterpart: the same measure first, then the most similar words around it. Among
    the pairs of the same measure, one whose intervals are disjoint is a "conflict"
    when the text establishes the same measure (nothing unsettled, corresponding words,
    values of one order); otherwise overlapping pairs are "consistent". Pairs of one
    unit that measure different things give "different". None when no figure of one
    claim shares a unit with a figure of the other.
    """
    pairs = []
    for qa in a_claim.quantities:
        if not _finite(qa):
            continue
        for qb in b_claim.quantities:
            if _finite(qb) and (pair := _pair(a_claim, qa, b_claim, qb)) is not None:
                pairs.append(pair)
    if not pairs:
        return None
    chosen, used_a, used_b = [], set(), set()
    for pair in sorted(pairs, key=_Pair.rank):
        if id(pair.qa) not in used_a and id(pair.qb) not in used_b:
            chosen.append(pair)
            used_a.add(id(pair.qa))
            used_b.add(id(pair.qb))
    same = [p for p in chosen if not p.apart]
    conflicts = [p for p in same if p.gap > 0 and _conflict_grade(p, a_claim, b_claim)]
    consistent = [p for p in same if p.gap == 0 and (p.unit or p.align >= MIN_UNITLESS_ALIGNMENT)]
    if conflicts:
        return _verdict("conflict", conflicts[0], a_claim)
    if consistent:
        consistent.sort(key=lambda p: not _established(p))
        return _verdict("consistent", consistent[0], a_claim)
    unsure = [p for p in same if p.unit]
    if unsure:
        p = unsure[0]
        why = p.open or (["the figures do not correspond"] if p.align < MIN_CONFLICT_ALIGNMENT
                         else ["figures of a different order"])
        return _verdict("different", p, a_claim, "; ".join(why))
    different = [p for p in chosen if p.unit and p.apart]
    if different:
        return _verdict("different", different[0], a_claim, "; ".join(different[0].apart))
    return None


def _pair(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord,
          qb: QuantityRecord) -> _Pair | None:
    unit = unit_group(qa.unit)
    if unit != unit_group(qb.unit) or unit in TIME_UNITS:
        return None
    ia, ib = interval(qa), interval(qb)
    align = _alignment(a_claim, qa, b_claim, qb)
    if unit is None:
        if align < MIN_UNITLESS_ALIGNMENT or qa.value != qb.value:
            return None
        return _Pair(qa, qb, "", [], [], align, 0.0, ia, ib)
    apart = set_apart(a_claim, qa, b_claim, qb)
    return _Pair(qa, qb, unit, apart, unsettled(_measure(a_claim, qa), _measure(b_claim, qb)),
                 align, _gap(ia, ib), ia, ib)


def _alignment(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord,
               qb: QuantityRecord) -> float:
    """How far the words around two figures correspond: the overlap coefficient of
    their clauses' content terms (numbers and the shared unit left out), so a short
    clause inside a long one still corresponds. 0 when either clause has no terms."""
    ta, tb = _clause_terms(a_claim.text, qa), _clause_terms(b_claim.text, qb)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _clause_terms(text: str, q: QuantityRecord) -> frozenset[str]:
    start, end = locate(text, q)
    if start >= 0:
        c_start, c_end = clause_span(text, start, end)
        text = text[c_start:c_end]
    unit = unit_group(q.unit)
    return frozenset(t for t in content_term_set(text) if not t[:1].isdigit() and t != unit)


def _established(p: _Pair) -> bool:
    """The text makes the pair the same measure: nothing sets them apart or is left
    open, and the words around them correspond, or the values are equal (an equal
    figure of one measure is its own evidence; a different one is not)."""
    return (bool(p.unit) and not p.apart and not p.open
            and (p.align >= MIN_CONFLICT_ALIGNMENT or p.qa.value == p.qb.value))


def _conflict_grade(p: _Pair, a_claim: ClaimRecord, b_claim: ClaimRecord) -> bool:
    """Disjoint figures are a conflict only on strong evidence of one measure: the
    pair is established, at least ``MIN_SHARED_TERMS`` words around them agree, the
    values are of one order, and neither is a compound modifier ("a three-person
    race" names a kind of race, it counts nothing)."""
    if not (_established(p) and _one_order(p)) or _COMPOUND_RE.match(p.qa.text) or _COMPOUND_RE.match(p.qb.text):
        return False
    shared = _clause_terms(a_claim.text, p.qa) & _clause_terms(b_claim.text, p.qb)
    return len(shared) >= MIN_SHARED_TERMS


_COMPOUND_RE = re.compile(r"^[\w.,]+-[a-z]+$", re.IGNORECASE)


def _one_order(p: _Pair) -> bool:
    low, high = sorted((abs(p.qa.value), abs(p.qb.value)))
    return low > 0 and high / low <= MAX_CONFLICT_RATIO


def _verdict(kind: Verdict, p: _Pair, a_claim: ClaimRecord, note: str = "") -> NumericVerdict:
    measure = describe(a_claim, p.qa) if p.unit else "the same words"
    return NumericVerdict(kind, p.qa, p.qb, p.unit, p.ia, p.ib, measure=measure, note=note,
                          established=kind != "different" and _established(p))


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
