"""Input and output records of the matching engine: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Change = Literal["increase", "decrease"]
Relation = Literal["same", "related"]
Verdict = Literal["consistent", "conflict"]


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
    """Outcome of comparing the most closely corresponding quantity pair of two claims."""

    verdict: Verdict
    a: QuantityRecord
    b: QuantityRecord
    unit: str  # the shared unit group
    a_interval: tuple[float, float]
    b_interval: tuple[float, float]

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
