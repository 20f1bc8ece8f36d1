"""Fetching a lookup's candidates from the postings (steps 2 and 3 of ``index``).

Key weights travel as integers (idf in units of 1e-4): sums of integers are exact, so
one query's ranking is the same whether it runs alone or batched with others, whatever
order the database adds the rows in.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session

from ...matching import ClaimRecord, query_keys
from ...models import MatchPosting
from .settings import MatchSettings

POSTING_BUDGET = 6000  # posting rows read per lookup, rarest keys first
MIN_KEYS = 3  # a claim always keeps its rarest keys, however common
# Below this many holders a key is never too common to store: on a small corpus a 5%
# cut-off would drop the very terms that tie one story's claims together.
MIN_DF_CEILING = 1000
# A shared near-duplicate band is weaker evidence than a shared rare word: a band of two
# common words also joins look-alikes from other stories. Six shared bands still win.
BAND_WEIGHT = 0.5
WEIGHT_SCALE = 10_000  # key weights in units of 1e-4
_POSTINGS = MatchPosting.__table__.name
# Claims of the query's own article are never candidates (a subquery, not a round trip).
# ``:upto``: only claims stored by then (a lookup made later than its plan sees the index
# as it was when planned; ids grow in commit order under the index writer lock).
_OUTSIDE = (
    "claim_id <= :upto AND claim_id NOT IN (SELECT id FROM claims WHERE article_id = :article) "
    "AND claim_id NOT IN :exclude"
)
NO_BOUND = 2**62


@functools.cache
def newest_holders() -> sa.TextClause:
    sql = (
        f"SELECT claim_id FROM {_POSTINGS} WHERE key_id = :k0 AND {_OUTSIDE} "  # noqa: S608 # nosec B608
        "ORDER BY claim_id DESC LIMIT :limit"
    )
    return sa.text(sql).bindparams(sa.bindparam("exclude", expanding=True))


@functools.cache
def best_sharers_many(rows: int) -> sa.TextClause:
    """The claims holding the keys of one or several queries of one article, ranked per
    query by the summed weights of the keys they share with it: ``rows`` (query, key,
    weight) triples (``:q0, :k0, :w0``…) in, the best ``:limit`` claims of each query out,
    as (query, claim id) rows in rank order. Written once per number of rows: building
    the expression anew for every lookup cost as much as running it."""
    values = ", ".join(f"(:q{i}, :k{i}, :w{i})" for i in range(rows))
    # Only placeholders are formatted into the text; every value is a bound parameter.
    sql = (
        f"WITH wanted(qid, key_id, w) AS (VALUES {values}) "  # noqa: S608 # nosec B608
        "SELECT qid, claim_id FROM ("
        "SELECT wanted.qid AS qid, p.claim_id AS claim_id, ROW_NUMBER() OVER ("
        "PARTITION BY wanted.qid ORDER BY SUM(wanted.w) DESC, p.claim_id DESC) AS position "
        f"FROM wanted JOIN {_POSTINGS} p ON p.key_id = wanted.key_id "
        f"WHERE {_OUTSIDE.replace('claim_id', 'p.claim_id')} GROUP BY wanted.qid, p.claim_id) ranked "
        "WHERE position <= :limit ORDER BY qid, position"
    )
    return sa.text(sql).bindparams(sa.bindparam("exclude", expanding=True))


def df_ceiling_ratio(total: int, settings: MatchSettings) -> float:
    """The share of claims above which a key is too common, suited to the corpus size:
    ``max_df_ratio`` of a large corpus, never fewer than ``MIN_DF_CEILING`` claims."""
    if total <= 0:
        return 1.0
    return min(1.0, max(settings.max_df_ratio, MIN_DF_CEILING / total))


def candidate_ids_many(
    session: Session,
    records: list[ClaimRecord],
    settings: MatchSettings,
    exclude: set[int],
    total: int,
    rows: dict[str, tuple[int, int]],
    *,
    upto: int = NO_BOUND,
) -> dict[int, list[int]]:
    """The candidates of several claims (with ``exclude`` and the key ``rows`` they
    share), best ``settings.candidates`` first, one statement per article and per few hundred keys instead of one per claim;
    only claims with ids up to ``upto`` are candidates."""
    found: dict[int, list[int]] = {r.claim_id: [] for r in records}
    batches: dict[int, list[tuple[int, list[tuple[int, int]]]]] = defaultdict(list)
    for record in records:
        keys = _weighted_keys(record, settings, total, rows)
        if keys is None:  # even the rarest key is common: take its newest holders
            params = {
                "article": record.article_id,
                "exclude": sorted(exclude | {record.claim_id}),
                "upto": upto,
                "limit": settings.candidates,
                "k0": _rarest(record, settings, total, rows),
            }
            found[record.claim_id] = [row[0] for row in _rows(session, newest_holders(), params)]
        elif keys:
            batches[record.article_id].append((record.claim_id, keys))
    for article_id, queries in batches.items():
        # The database adds up the weights of the keys each claim shares with a query and
        # returns only the best: the posting rows never travel to Python.
        ids = sorted(exclude | {claim_id for claim_id, _ in queries})
        for chunk in _query_chunks(queries):
            params: dict = {"article": article_id, "exclude": ids, "limit": settings.candidates, "upto": upto}
            n = 0
            for claim_id, keys in chunk:
                for key_id, weight in keys:
                    params.update({f"q{n}": claim_id, f"k{n}": key_id, f"w{n}": weight})
                    n += 1
            for claim_id, candidate in _rows(session, best_sharers_many(n), params):
                found[claim_id].append(candidate)
    return found


def _selected(
    record: ClaimRecord, settings: MatchSettings, total: int, rows: dict[str, tuple[int, int]]
) -> tuple[list[str], int]:
    """The query's keys present in the index, rarest first up to ``POSTING_BUDGET``
    postings, and the budget left (negative: even the rarest key is over it)."""
    if total == 0:
        return [], 0
    df = {key: row[1] for key, row in rows.items()}
    chosen = query_keys(record, df, total, max_df_ratio=df_ceiling_ratio(total, settings), min_keys=MIN_KEYS)
    selected, budget = [], POSTING_BUDGET
    for frequency, key in sorted((df[k], k) for k in chosen if df.get(k)):
        if selected and frequency > budget:
            break
        selected.append(key)
        budget -= frequency
    return selected, budget


def _weighted_keys(
    record: ClaimRecord, settings: MatchSettings, total: int, rows: dict[str, tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """(key id, integer weight) of the query's selected keys; None when even the rarest
    is over the posting budget."""
    selected, budget = _selected(record, settings, total, rows)
    if budget < 0:
        return None
    scale = WEIGHT_SCALE
    return [
        (
            rows[key][0],
            round(
                scale * math.log(1.0 + total / max(1, rows[key][1])) * (BAND_WEIGHT if key.startswith("m:") else 1.0)
            ),
        )
        for key in selected
    ]


def _rarest(record: ClaimRecord, settings: MatchSettings, total: int, rows: dict[str, tuple[int, int]]) -> int:
    return rows[_selected(record, settings, total, rows)[0][0]][0]


def _query_chunks(queries: list[tuple[int, list]], most: int = 400) -> Iterable[list]:
    """Queries in groups of at most ``most`` (query, key) rows (bound parameter limits)."""
    chunk, size = [], 0
    for query in queries:
        if chunk and size + len(query[1]) > most:
            yield chunk
            chunk, size = [], 0
        chunk.append(query)
        size += len(query[1])
    if chunk:
        yield chunk


def _rows(session: Session, statement: sa.Executable, params: dict) -> list:
    return session.connection().execute(statement, params).fetchall()
