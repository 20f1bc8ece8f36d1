"""What the scorer reads about one claim, computed once per claim instead of once per pair.

A ranking scores one query against a hundred or more candidates, and an import scores
each candidate against every new claim of the article: looking the term set, entities,
normalised text and speaker key up in the memos again for every pair cost as much as the
arithmetic of the score. :func:`prepare` reads them once; the values are exactly the
memoised ones, so a score from a prepared claim is the score from the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from claimtrack.matching.keys import speaker_key
from claimtrack.matching.model import ClaimRecord
from claimtrack.matching.normalise import Memo, content_term_set, entities, normalised_text, unit_group, word_count

_EPOCH = datetime(1970, 1, 1)
_EPOCH_UTC = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


@dataclass(slots=True, eq=False)  # not frozen: a frozen __init__ costs a third of preparing
class PreparedClaim:
    record: ClaimRecord
    words: int
    terms: frozenset[str]  # content_term_set
    story_terms: frozenset[str]  # those of the terms its article is about (its context)
    entities: frozenset[str]
    text: str  # normalised_text: what rapidfuzz compares
    speaker: str | None  # speaker_key
    # Unit groups of the quantities (None for a unitless figure): figures are compared
    # only within one group, so claims with none in common get no numeric credit.
    units: frozenset[str | None]
    # The article's date as whole microseconds of UTC wall time (naive dates as they
    # stand): exact integers, so days apart come out as timedelta arithmetic gives them.
    moment: int | None


def prepare(record: ClaimRecord) -> PreparedClaim:
    text = record.text
    terms = content_term_set(text)
    return PreparedClaim(
        record,
        word_count(text),
        terms,
        terms & record.context,
        entities(text),
        normalised_text(text),
        speaker_key(record.speaker),
        frozenset(unit_group(q.unit) for q in record.quantities),
        _moment(record.published),
    )


def _moment(published: datetime | None) -> int | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return (published - _EPOCH) // _MICROSECOND
    return (published - _EPOCH_UTC) // _MICROSECOND


def days_apart(a: PreparedClaim, b: PreparedClaim) -> float | None:
    """Days between the two articles' dates, naive and aware ones compared as UTC wall
    time (``(a - b).total_seconds()`` divides the same microseconds by the same 10**6)."""
    if a.moment is None or b.moment is None:
        return None
    return abs(a.moment - b.moment) / 10**6 / 86400.0


class Prepared:
    """Prepared claims by claim id, for scoring many pairs among one set of records. A
    record that differs from the one prepared under its id is prepared anew, so the
    cache may outlive the records (``limit``: how many it keeps, oldest dropped first)."""

    __slots__ = ("_memo",)

    def __init__(self, limit: int = 1 << 15) -> None:
        self._memo = Memo(limit)

    def known(self, record: ClaimRecord) -> PreparedClaim | None:
        """The prepared claim of exactly this record, if it is held."""
        found = self._memo.get(record.claim_id)
        if found is not None and (found.record is record or found.record == record):
            return found
        return None

    def get(self, record: ClaimRecord) -> PreparedClaim:
        found = self.known(record)
        if found is None:
            found = prepare(record)
            self._memo.put(record.claim_id, found)
        return found

    def clear(self) -> None:
        self._memo.clear()
