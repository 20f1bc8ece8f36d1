"""Input and output records of the matching engine: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Change = Literal["increase", "decrease"]
Relation = Literal["same", "related"]
# "different": numbers of one unit that measure different things (never a conflict)
Verdict = Literal["consistent", "conflict", "different"]


@dataclass(slots=True, frozen=True)
class QuantityRecord:
    """A number in a claim as the extractor found it.

    ``low``/``high`` bound what the hedge allows ("some 5,200" → about ±5%); an
    approximate quantity delivered with ``low == high`` gets the tolerance of
    :mod:`claimtrack.matching.numeric` instead.
    """

    text: str  # surface form, e.g. "6,000 or so"
    value: float
    low: float
    high: float
    approx: bool
    change: Change | None  # "3,000 more" is an increase, not a total
    unit: str | None  # singular lemma of the counted noun: "troop", "percent", "dollar"
    # What sort of number it is, as the extractor read it (see ``extraction.model``).
    kind: str = "count"  # count percent money measure age vote score rate multiple
    role: str = "level"  # level | change (an increment, a multiple verb) | start (of a from-to)
    of: str | None = None  # what a percentage or rate is of: "voters surveyed"
    per: float | None = None  # a rate's denominator: 100000 for "per 100,000 residents"
    from_value: float | None = None  # the earlier value of a from-to level
    versus: float | None = None  # the minority of a vote or score: 2 for "7-2"


@dataclass(slots=True, frozen=True)
class ClaimRecord:
    """What the matcher needs to know about one stored or incoming claim."""

    claim_id: int
    article_id: int
    text: str
    speaker: str | None  # canonical claimant name
    quantities: tuple[QuantityRecord, ...]
    published: datetime | None  # the article's date
    context: frozenset[str] = frozenset()  # story_terms() of the article


@dataclass(slots=True, frozen=True)
class NumericVerdict:
    """Outcome of comparing the corresponding quantity pair of two claims."""

    verdict: Verdict
    a: QuantityRecord
    b: QuantityRecord
    unit: str  # the shared unit group
    a_interval: tuple[float, float]
    b_interval: tuple[float, float]
    measure: str = ""  # what was compared, in plain words: "troops, in Iraq"
    note: str = ""  # for "different": what sets the two figures apart
    # The text establishes the same measure (nothing unsettled, corresponding words):
    # true of every conflict, and of agreement as strong as a conflict would need.
    established: bool = False

    @property
    def same_value(self) -> bool:
        return self.a.value == self.b.value


@dataclass(slots=True, frozen=True)
class Match:
    """Why and how strongly a candidate claim relates to the query claim."""

    score: float  # 0..1
    relation: Relation
    numeric: Verdict | None
    reasons: tuple[str, ...]
    numbers: NumericVerdict | None = None  # the quantity pair behind ``numeric``
