"""Indexing the claims of an article just stored by an import, and suggesting their links.

The same index and the same suggestions as ``related.index_article`` gives, reached
with less work: the new claims' records are built from what was just inserted instead
of being read back; their features, story terms and key groups come with the
extraction (``ingest.match_data``, computed in the import's worker processes); the
key frequencies are read once and brought up to date in memory after the postings are
written (the index writer lock is held, so nobody else changes them); and no existing
links are read, since claims inserted in this transaction cannot have any.
"""
from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from sqlmodel import Session

from ..ingest.match_data import MatchData
from ..matching import ClaimRecord, Match, blocking_keys, candidate_keys, rank
from ..matching.features import import_features
from ..matching.keys import prime_groups
from ..matching.normalise import word_count
from ..models import ClaimLink, MatchArticle, utcnow
from . import match_index as index
from . import match_settings as settings_module
from .match_settings import MatchSettings

_LINKS = ClaimLink.__table__


def index_new_claims(session: Session, article_id: int, records: list[ClaimRecord], repeats: list[bool],
                     data: MatchData, settings: MatchSettings | None = None) -> list[tuple[int, int]]:
    """Index an imported article's claims (``records``, in extraction order, with their
    stored ids and canonical speakers) and store their suggested links; returns the
    suggested pairs, lower claim id first."""
    settings = settings or settings_module.current()
    index.lock(session)
    session.execute(sa.insert(MatchArticle.__table__),
                    [{"article_id": article_id, "story_terms": sorted(data.terms)}])
    for record, claim in zip(records, data.claims, strict=True):
        prime_groups(record, claim.groups)
        import_features(record, claim.features)
    linkable = [r for r, repeat in zip(records, repeats, strict=True)
                if not repeat and word_count(r.text) >= settings.min_words]
    total = index.indexed_total(session)
    wanted_keys = {k for r in linkable for k in candidate_keys(r)}
    rows = index.key_rows(session, wanted_keys)
    df = {key: row[1] for key, row in rows.items()}
    ratio = index.df_ceiling_ratio(total, settings)
    chosen = {r.claim_id: blocking_keys(r, df, total, max_df_ratio=ratio, min_keys=index.MIN_KEYS)
              for r in linkable}
    key_ids = index._ensure_keys(session, {k for keys in chosen.values() for k in keys})
    postings = [{"key_id": key_ids[k], "claim_id": i} for i, keys in chosen.items() for k in sorted(keys)]
    added = Counter(p["key_id"] for p in postings)
    if postings:
        session.execute(sa.insert(index._POSTINGS), postings)
        index._add_df(session, added)
    now = utcnow()
    session.execute(sa.insert(index._ENTRIES), [
        {"claim_id": r.claim_id, "claim_version": 1, "linkable": r.claim_id in chosen,
         "key_ids": sorted(key_ids[k] for k in chosen.get(r.claim_id, ())),
         "features": claim.features if r.claim_id in chosen else None, "indexed_at": now}
        for r, claim in zip(records, data.claims, strict=True)])
    index._add_stat(session, index.LINKABLE_CLAIMS, len(linkable))
    # The frequencies as a fresh read would now return them.
    total += len(linkable)
    current = {key: (row[0], row[1] + added.get(row[0], 0)) for key, row in rows.items()}
    current.update({key: (key_ids[key], added[key_ids[key]]) for key in wanted_keys
                    if key not in current and key in key_ids})
    return _suggest(session, linkable, total, current, settings)


def _suggest(session: Session, records: list[ClaimRecord], total: int, rows: dict[str, tuple[int, int]],
             settings: MatchSettings) -> list[tuple[int, int]]:
    if not records or not total:
        return []
    wanted = {r.claim_id: index._candidate_ids(session, r, settings, {r.claim_id}, total, rows)
              for r in records}
    loaded = index.load_records(session, {i for ids in wanted.values() for i in ids})
    found: dict[tuple[int, int], Match] = {}
    for r in records:
        candidates = [loaded[i] for i in wanted[r.claim_id] if i in loaded]
        for other, match in rank(r, candidates, settings.scoring, settings.suggestions):
            pair = (min(r.claim_id, other.claim_id), max(r.claim_id, other.claim_id))
            if pair not in found or match.score > found[pair].score:
                found[pair] = match
    if found:
        now = utcnow()
        session.execute(sa.insert(_LINKS), [
            {"claim_a_id": a, "claim_b_id": b, "score": m.score, "relation": m.relation, "numeric": m.numeric,
             "reasons": list(m.reasons), "state": "suggested", "created_at": now}
            for (a, b), m in sorted(found.items())])
    return sorted(found)
