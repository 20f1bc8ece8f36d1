"""Claim matching: pure scoring of claim pairs (no database, no web framework).

Typical use by the storage layer::

    keys = blocking_keys(record)             # store one row per key
    candidates = fetch_by_keys(query_keys(incoming))
    for claim, match in rank(incoming, candidates):
        ...                                  # match.score, .relation, .numeric, .reasons
"""

from claimtrack.matching.keys import blocking_keys, candidate_keys, query_keys, speaker_key
from claimtrack.matching.model import ClaimRecord, Match, NumericVerdict, QuantityRecord
from claimtrack.matching.normalise import content_terms, story_terms, tokens
from claimtrack.matching.numeric import compare, interval, same_counted_thing
from claimtrack.matching.scoring import MatchConfig, rank, score_pair

__all__ = [
    "ClaimRecord",
    "Match",
    "MatchConfig",
    "NumericVerdict",
    "QuantityRecord",
    "blocking_keys",
    "candidate_keys",
    "compare",
    "content_terms",
    "interval",
    "query_keys",
    "rank",
    "same_counted_thing",
    "score_pair",
    "speaker_key",
    "story_terms",
    "tokens",
]
