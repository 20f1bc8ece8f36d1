"""Numeric agreement between claims: which figures of two claims correspond, whether
they are the same measure, and whether their intervals (:mod:`intervals`, where each
hedge's interval is documented) overlap ("consistent") or not ("conflict").

Intervals are closed: "more than 3,000" and "3,000" count as consistent, because a
reviewer gains nothing from a conflict that is only a matter of strict inequality.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimtrack.matching import vocabulary as vocab
from claimtrack.matching.intervals import DEFAULT_RELATIVE_TOLERANCE, HEDGE_TOLERANCES, _gap, interval
from claimtrack.matching.measure import MONTHS, Measure, differences, read_measure, unsettled
from claimtrack.matching.model import ClaimRecord, NumericVerdict, QuantityRecord, Verdict
from claimtrack.matching.normalise import Memo, content_term_set, entity_display, stem, unit_group
from claimtrack.matching.quantity_context import clause_span, locate, quantity_context
from claimtrack.numberwords import NUMBER_WORDS, SCALE_WORDS

TIME_UNITS = vocab.TIME_UNITS
# The unit groups of durations ("decade" groups as its stem "decad").
TIME_GROUPS = frozenset(g for g in (unit_group(u) for u in TIME_UNITS) if g) | TIME_UNITS
__all__ = [
    "DEFAULT_RELATIVE_TOLERANCE",
    "HEDGE_TOLERANCES",
    "TIME_GROUPS",
    "TIME_UNITS",
    "compare",
    "interval",
    "same_counted_thing",
    "set_apart",
]


def same_counted_thing(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord, qb: QuantityRecord) -> bool:
    """Whether two quantities measure the same thing, so their values may be compared:
    the same unit group (never a duration: "five days after" counts from different
    events) and nothing in :func:`set_apart` telling them apart."""
    unit = unit_group(qa.unit)
    if unit is None or unit != unit_group(qb.unit) or unit in TIME_GROUPS:
        return False
    return not set_apart(a_claim, qa, b_claim, qb)


def set_apart(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord, qb: QuantityRecord) -> list[str]:
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
    elif ca.change is None and ca.mode != cb.mode and not _thresholds(a_claim, qa, b_claim, qb, ca.mode, cb.mode):
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


# "It takes 2,383 delegates to win" and "would need 2,383 delegates": a threshold, told
# with a modal or without; not a plan against a present count.
_THRESHOLD_RE = re.compile(
    r"\b(?:needs?|needed|takes|required|requires|to win|to clinch|to secure|magic number)\b", re.IGNORECASE
)


def _thresholds(
    a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord, qb: QuantityRecord, mode_a: str, mode_b: str
) -> bool:
    if {mode_a, mode_b} != {"actual", "prospective"}:
        return False
    return all(_THRESHOLD_RE.search(_clause_text(c.text, q)) for c, q in ((a_claim, qa), (b_claim, qb)))


def _clause_text(text: str, q: QuantityRecord) -> str:
    start, end = locate(text, q)
    if start < 0:
        return text
    c_start, c_end = clause_span(text, start, end)
    return text[c_start:c_end]


_MODES = {"actual": "a present count", "prospective": "a plan or possibility", "past": "a past count"}
_MODE_REASONS = frozenset(f"{x} vs {y}" for x in _MODES.values() for y in _MODES.values() if x != y)
# "won eight of the past nine contests": the nine is a window the writer chose.
_WINDOW_RE = re.compile(r"\bof\s+(?:the|its|his|her|their)\s+(?:past|last|previous|latest)\s+$", re.IGNORECASE)
_AGO_RE = re.compile(r"\s+(?:ago|earlier|before|later)\b", re.IGNORECASE)


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
            span[0] <= locate(claim.text, other)[0] < span[1] for other in same_unit
        )
    return not same_unit, clause_alone


_MEASURED = Memo()


def clear_memos() -> None:
    """Forget the clause terms and measures memoised here (``measure.clear_measures``
    forgets the measures read and primed below them)."""
    _CLAUSE_TERMS.clear()
    _MEASURED.clear()


def _measure(claim: ClaimRecord, q: QuantityRecord) -> Measure:
    # Memoised on what the flags and the measure are read from: a figure is measured
    # for every figure of every candidate it meets, and the flags cost most of a lookup.
    key = (claim.text, q, claim.quantities, claim.published)
    found = _MEASURED.get(key)
    if found is None:
        alone, clause_alone = measure_flags(claim, q)
        found = read_measure(claim.text, q, alone=alone, clause_alone=clause_alone, published=claim.published)
        _MEASURED.put(key, found)
    return found


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


# Figures this many times apart are another measure, not a discrepancy ("$9 million
# last month" and "$140 million"): a conflict needs values of one order.
MAX_CONFLICT_RATIO = 3.0
# A conflict needs the words around both figures to correspond this much (see
# ``_alignment``): an unrelated figure of the other claim is not its counterpart.
MIN_CONFLICT_ALIGNMENT = 0.3
# Words (besides the unit and numbers) the clauses of two conflicting figures share at
# least: on real coverage a single shared word ("rate", "delegates") joins unrelated
# figures.
MIN_SHARED_TERMS = 2
# Coverage of one event appears within days; figures told further apart than this, with
# no date named on both sides, may be the same measure at two times (a delegate count
# in March and in April), so they are never a conflict, and agreement needs corresponding
# words.
SAME_NEWS_DAYS = 7
# Equal figures at least this large are distinctive enough to agree on their own
# ("1,237 delegates"); smaller ones ("two states", "one point") need corresponding words.
DISTINCTIVE_VALUE = 100
# Vague magnitudes ("millions of Americans", "dozens of staff") agree only in
# corresponding words.
_VAGUE_RE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b", re.IGNORECASE)
# Overlapping figures further apart than this agree only by an open bound.
MAX_AGREEMENT_RATIO = 10.0
# Below this a count is everyday wording ("one person", "two contests").
SMALL_COUNT = 3
# Durations agree only inside nearly the same words ("for nearly two decades"), and
# never conflict: "over a decade" and "nearly two decades" count from different events.
MIN_DURATION_ALIGNMENT = 0.5
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
        # An equal figure is the counterpart before a merely nearby one ("needs 67
        # delegates to reach the 2,383 needed" against "would need 2,383 delegates").
        return (
            bool(self.apart),
            self.qa.value != self.qb.value,
            -self.align,
            self.gap,
            abs(self.qa.value - self.qb.value),
        )


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
    consistent = [p for p in same if p.gap == 0 and _agreement_shown(p, a_claim, b_claim)]
    if (
        consistent
        and not conflicts
        and consistent[0].unit == "percent"
        and any(p.gap > 0 and p.unit == "percent" for p in same)
        and not any(_established(p) for p in consistent)
    ):
        # "leads 49 percent to 41 percent" against "41 percent favourable, 56 percent
        # unfavourable": one figure meets, its neighbour does not; another poll or result.
        return _verdict("different", consistent[0], a_claim, "one figure agrees and the next does not")
    if conflicts:
        return _verdict("conflict", conflicts[0], a_claim)
    if consistent:
        consistent.sort(key=lambda p: not _established(p))
        return _verdict("consistent", consistent[0], a_claim)
    unsure = [p for p in same if p.unit]
    if unsure:
        p = unsure[0]
        why = p.open or (
            ["the figures do not correspond"] if p.align < MIN_CONFLICT_ALIGNMENT else ["figures of a different order"]
        )
        return _verdict("different", p, a_claim, "; ".join(why))
    different = [p for p in chosen if p.unit and p.apart]
    if different:
        return _verdict("different", different[0], a_claim, "; ".join(different[0].apart))
    return None


def _pair(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord, qb: QuantityRecord) -> _Pair | None:
    unit = unit_group(qa.unit)
    if unit != unit_group(qb.unit):
        return None
    ia, ib = interval(qa), interval(qb)
    align = _alignment(a_claim, qa, b_claim, qb)
    if unit in TIME_GROUPS:
        if (
            align < MIN_DURATION_ALIGNMENT
            or qa.value != qb.value
            or set_apart(a_claim, qa, b_claim, qb)
            or _AGO_RE.match(a_claim.text, max(0, locate(a_claim.text, qa)[1]))
            or _AGO_RE.match(b_claim.text, max(0, locate(b_claim.text, qb)[1]))
        ):
            return None  # "eight years ago" names a time, it measures nothing
        return _Pair(qa, qb, unit, [], ["durations are compared only for agreement"], align, 0.0, ia, ib)
    if unit is None:
        if align < MIN_UNITLESS_ALIGNMENT or qa.value != qb.value:
            return None
        return _Pair(qa, qb, "", [], [], align, 0.0, ia, ib)
    apart = set_apart(a_claim, qa, b_claim, qb)
    ma, mb = _measure(a_claim, qa), _measure(b_claim, qb)
    open_ = unsettled(ma, mb)
    if (
        apart
        and qa.value == qb.value
        and align >= MIN_CONFLICT_ALIGNMENT
        and all(reason in _MODE_REASONS for reason in apart)
    ):
        # "the 11 million people here illegally" and "deporting 11 million people": the
        # same figure in corresponding words, one told under a modal; agreement, not proof.
        open_, apart = open_ + apart, []
    if _WINDOW_RE.search(a_claim.text, 0, max(0, locate(a_claim.text, qa)[0])) or _WINDOW_RE.search(
        b_claim.text, 0, max(0, locate(b_claim.text, qb)[0])
    ):
        open_.append("a window of recent events, chosen by the writer")
    days = _days_apart(a_claim, b_claim)
    if days is not None and days > SAME_NEWS_DAYS and not (_timed_set(ma) & _timed_set(mb)):
        open_.append(f"told {days} days apart with no common date")
    return _Pair(qa, qb, unit, apart, open_, align, _gap(ia, ib), ia, ib)


def _days_apart(a_claim: ClaimRecord, b_claim: ClaimRecord) -> int | None:
    if a_claim.published is None or b_claim.published is None:
        return None
    try:
        return abs((a_claim.published - b_claim.published).days)
    except TypeError:  # one date with a time zone, one without
        return abs((a_claim.published.date() - b_claim.published.date()).days)


def _timed_set(m: Measure) -> frozenset[str]:
    return frozenset(t for t in m.times if not t.startswith("per:"))


def _agreement_shown(p: _Pair, a_claim: ClaimRecord, b_claim: ClaimRecord) -> bool:
    """Overlapping figures of one measure agree when something beyond the overlap says
    they are one figure: corresponding words, or for counts an equal distinctive value,
    or a count of one story (told within days). A share ("10 percent", "four in 10")
    needs corresponding words: equal shares of different things are everyday."""
    if not p.unit:
        return p.align >= MIN_UNITLESS_ALIGNMENT
    if p.unit in TIME_GROUPS:
        return True
    ma, mb = _measure(a_claim, p.qa), _measure(b_claim, p.qb)
    share = ma.kind in ("percent", "vote", "score") or p.unit == "percent"
    if share and ma.pollsters & mb.pollsters:
        return True  # one named poll on both sides
    if share:
        # Equal shares are everyday ("41 percent", "a third"): they need the words, or a
        # date, around both to correspond as a conflict would.
        if bool(_timed_set(ma)) != bool(_timed_set(mb)):
            return False  # "53 percent in 2012" is not a share of today's electorate
        shared = _clause_terms(a_claim.text, p.qa) & _clause_terms(b_claim.text, p.qb)
        return (
            p.align >= MIN_CONFLICT_ALIGNMENT
            and len(shared) + bool(_timed_set(ma) & _timed_set(mb)) >= MIN_SHARED_TERMS
        )
    if _VAGUE_RE.search(p.qa.text) or _VAGUE_RE.search(p.qb.text):
        return p.align >= MIN_CONFLICT_ALIGNMENT  # "millions of Americans" is everyday wording
    low, high = sorted((abs(p.qa.value), abs(p.qb.value)))
    if high > MAX_AGREEMENT_RATIO * max(low, 1e-12):
        return False  # "less than $300,000" holds "$300" without saying anything about it
    if p.align >= MIN_CONFLICT_ALIGNMENT:
        return True
    if _COMPOUND_RE.match(p.qa.text) or _COMPOUND_RE.match(p.qb.text):
        return False  # "a three-way race", "a three-way fight": kinds of things, not counts
    if share:
        return False
    if p.qa.value == p.qb.value and abs(p.qa.value) >= DISTINCTIVE_VALUE:
        return True
    days = _days_apart(a_claim, b_claim)
    return min(abs(p.qa.value), abs(p.qb.value)) >= SMALL_COUNT and (days is None or days <= SAME_NEWS_DAYS)


def _alignment(a_claim: ClaimRecord, qa: QuantityRecord, b_claim: ClaimRecord, qb: QuantityRecord) -> float:
    """How far the words around two figures correspond: the overlap coefficient of
    their clauses' content terms (numbers and the shared unit left out), so a short
    clause inside a long one still corresponds. 0 when either clause has no terms."""
    ta, tb = _clause_terms(a_claim.text, qa), _clause_terms(b_claim.text, qb)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


_CLAUSE_TERMS = Memo()


def _clause_terms(text: str, q: QuantityRecord) -> frozenset[str]:
    """The content terms of the clause around ``q`` (memoised: a figure is weighed
    against every figure of every candidate, and reading its clause cost most of that)."""
    key = (text, q)
    found = _CLAUSE_TERMS.get(key)
    if found is None:
        found = _read_clause_terms(text, q)
        _CLAUSE_TERMS.put(key, found)
    return found


def _read_clause_terms(text: str, q: QuantityRecord) -> frozenset[str]:
    start, end = locate(text, q)
    if start >= 0:
        c_start, c_end = clause_span(text, start, end)
        text = text[c_start:c_end]
    unit = unit_group(q.unit)
    return frozenset(t for t in content_term_set(text) if not t[:1].isdigit() and t != unit and t not in _NUMBER_TERMS)


# Words of the figures themselves ("a third", "tens of millions"): their match says the
# numbers are alike, not that the words around them correspond.
_NUMBER_TERMS = frozenset(
    stem(w)
    for w in (
        *NUMBER_WORDS,
        *SCALE_WORDS,
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
        "dozen",
        "dozens",
        "half",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "tenth",
        "tenths",
        "percent",
        "per",
        "cent",
        "point",
        "points",
    )
) | frozenset((*NUMBER_WORDS, *SCALE_WORDS))


def _established(p: _Pair) -> bool:
    """The text makes the pair the same measure: nothing sets them apart or is left
    open, and the words around them correspond, or the values are equal (an equal
    figure of one measure is its own evidence; a different one is not)."""
    return (
        bool(p.unit) and not p.apart and not p.open and (p.align >= MIN_CONFLICT_ALIGNMENT or p.qa.value == p.qb.value)
    )


def _conflict_grade(p: _Pair, a_claim: ClaimRecord, b_claim: ClaimRecord) -> bool:
    """Disjoint figures are a conflict only on strong evidence of one measure: the
    pair is established, at least ``MIN_SHARED_TERMS`` words around them agree, the
    values are of one order, and neither is a compound modifier ("a three-person
    race" names a kind of race, it counts nothing)."""
    if not (_established(p) and _one_order(p)) or _COMPOUND_RE.match(p.qa.text) or _COMPOUND_RE.match(p.qb.text):
        return False
    # Days and months are weighed as times (``measure``), not as corresponding words:
    # "swept five states last Tuesday" and "won two states Tuesday night" count apart.
    shared = (_clause_terms(a_claim.text, p.qa) & _clause_terms(b_claim.text, p.qb)) - _TIME_TERMS
    # One poll or one place named on both sides stands for a second shared word ("the
    # Tribune poll", "troops in Iraq").
    polled = bool(_measure(a_claim, p.qa).pollsters & _measure(b_claim, p.qb).pollsters)
    pa, pb = quantity_context(a_claim.text, p.qa).places, quantity_context(b_claim.text, p.qb).places
    placed = bool(pa and pb and _places_meet(pa, pb))
    return len(shared) + polled + placed >= MIN_SHARED_TERMS


_TIME_TERMS = frozenset(
    w
    for name in (
        *MONTHS,
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "night",
        "morning",
        "week",
        "month",
        "year",
    )
    for w in (name, stem(name))
)
_COMPOUND_RE = re.compile(r"^[\w.,]+-[a-z]+$", re.IGNORECASE)


def _one_order(p: _Pair) -> bool:
    low, high = sorted((abs(p.qa.value), abs(p.qb.value)))
    return low > 0 and high / low <= MAX_CONFLICT_RATIO


def _verdict(kind: Verdict, p: _Pair, a_claim: ClaimRecord, note: str = "") -> NumericVerdict:
    measure = describe(a_claim, p.qa) if p.unit else "the same words"
    return NumericVerdict(
        kind,
        p.qa,
        p.qb,
        p.unit,
        p.ia,
        p.ib,
        measure=measure,
        note=note,
        established=kind != "different" and _established(p),
    )


# Below this a shared number is no coincidence worth flagging: "two countries" and "two
# governments" are everyday wording, "3,000 troops" and "3,000 workers" a false friend.
LOOKALIKE_MIN_VALUE = 10


def same_number_other_unit(a_claim: ClaimRecord, b_claim: ClaimRecord) -> tuple[QuantityRecord, QuantityRecord] | None:
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
    common = sorted(u for u in units_a & units_b if u and u not in TIME_GROUPS)
    return common[0] if common else None


def format_value(value: float) -> str:
    """3000.0 → "3,000"; 2.5 → "2.5"."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
