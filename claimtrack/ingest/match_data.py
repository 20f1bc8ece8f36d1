"""What the matching index needs about an article that does not depend on the database:
the article's story terms and, per claim, its stored features and its blocking and query
key groups (all but the speaker's, which needs the stored claimant). Computed with the
extraction, so a bulk import does it in its worker processes, off the storing path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from ..extraction.model import ExtractedClaim
from ..matching import ClaimRecord, QuantityRecord, story_terms
from ..matching.features import export_features
from ..matching.keys import speakerless_groups
from ..matching.model import Change

QUANTITY_TEXT_CHARS = 300  # quantities.text


@dataclass(slots=True)
class ClaimMatchData:
    features: str
    groups: tuple[dict[str, list[str]], dict[str, list[str]]]


@dataclass(slots=True)
class MatchData:
    terms: frozenset[str]
    claims: list[ClaimMatchData]


def quantity_records(claim: ExtractedClaim) -> tuple[QuantityRecord, ...]:
    """The claim's quantities exactly as they read back once stored."""
    # Mirrors Quantity.fields_of (models), which this engine may not import.
    return tuple(
        QuantityRecord(
            q.text[:QUANTITY_TEXT_CHARS],
            q.value,
            q.low,
            q.high,
            bool(q.approx),
            cast("Change | None", q.change),
            q.unit[:100] if q.unit else None,
            q.kind,
            q.role,
            q.of[:200] if q.of else None,
            q.per,
            q.from_value,
            q.versus,
        )
        for q in claim.quantities
    )


def match_data(title: str, body: str, claims: list[ExtractedClaim], published: datetime | None = None) -> MatchData:
    """``published``: the article's date, which relative times in its claims count from."""
    terms = frozenset(story_terms(title or "", body or ""))
    out = []
    for claim in claims:
        record = ClaimRecord(0, 0, claim.text, None, quantity_records(claim), published, terms)
        out.append(ClaimMatchData(export_features(record), speakerless_groups(record)))
    return MatchData(terms, out)
