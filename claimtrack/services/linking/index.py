"""The claim matching index in the database: maintaining it and fetching candidates.

Every linkable claim (not a repeat, at least ``min_words`` words) holds a bounded set of
blocking keys (``claimtrack.matching.keys``) as rows of ``match_postings``; each key's
document frequency lives in ``match_keys.df`` and is kept up to date by every change, so
nothing is rebuilt at start-up and every app server sees the same index.

A lookup never scans all claims:

1. read the frequencies of the claim's possible keys (one query on a unique index);
2. let ``query_keys`` choose among them, and keep the rarest up to ``POSTING_BUDGET``
   postings in all;
3. have the database add up, per claim, the rarity (idf) of the chosen keys it holds,
   reading only those keys' postings (range scans of the primary key), and return the
   best ``settings.candidates`` claims;
4. load those claims (with their stored features) and score them with the pure scorer.

Writers serialise on one lock (SQLite's write lock; a transaction-scoped advisory lock
on PostgreSQL), so two imports never miss each other's claims and never deadlock on
the frequency rows.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased
from sqlmodel import Session

from ...matching import (
    ClaimRecord,
    Match,
    QuantityRecord,
    blocking_keys,
    candidate_keys,
    rank,
    story_terms,
)
from ...matching.features import export_features, import_features
from ...matching.normalise import word_count
from ...models import (
    Article,
    Claim,
    Claimant,
    MatchArticle,
    MatchClaim,
    MatchKey,
    MatchPosting,
    MatchStat,
    Quantity,
    utcnow,
)
from . import furniture
from .candidates import MIN_KEYS, candidate_ids_many, df_ceiling_ratio
from .settings import MatchSettings

LINKABLE_CLAIMS = "linkable_claims"  # match_stats row: claims holding postings
ADVISORY_LOCK_ID = 0x636C6D61  # "clma": the matching index writer lock on PostgreSQL
_CHUNK = 500  # values per IN list

_Survivor = aliased(Claimant)
_KEYS = MatchKey.__table__
_POSTINGS = MatchPosting.__table__
_ENTRIES = MatchClaim.__table__
_STATS = MatchStat.__table__


# --- reading ------------------------------------------------------------------------------


def _member(column: sa.ColumnElement, postgres: bool) -> sa.ColumnElement:
    """``column`` is one of the ``ids`` parameter's values. On PostgreSQL an array
    parameter keeps the SQL text the same whatever the number of values, so the
    server can reuse the prepared statement; SQLite gets an expanding IN list."""
    if postgres:
        return column == sa.any_(sa.bindparam("ids", type_=postgresql.ARRAY(column.type)))
    return column.in_(sa.bindparam("ids", expanding=True))


@functools.cache
def _statements(dialect: str) -> dict[str, sa.Select]:
    """The reads every lookup makes, built once per dialect: building a statement costs
    about as much as running it."""
    pg = dialect == "postgresql"
    # The speaker as a per-row subquery: a join lets the planner hash the whole
    # claimants table for a hundred rows.
    speaker = (
        sa.select(sa.func.coalesce(_Survivor.name, Claimant.name))
        .select_from(Claimant)
        .outerjoin(_Survivor, _Survivor.id == Claimant.merged_into_id)
        .where(Claimant.id == Claim.claimant_id)
        .scalar_subquery()
    )
    return {
        "claims": sa.select(
            Claim.id,
            Claim.article_id,
            Claim.text,
            speaker,
            Article.published_at,
            _ENTRIES.c.features,
            _ENTRIES.c.claim_version == Claim.version,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(_ENTRIES, _ENTRIES.c.claim_id == Claim.id)
        .where(_member(Claim.id, pg)),
        "quantities": sa.select(
            Quantity.claim_id,
            Quantity.text,
            Quantity.value,
            Quantity.low,
            Quantity.high,
            Quantity.approx,
            Quantity.change,
            Quantity.unit,
            Quantity.kind,
            Quantity.role,
            Quantity.of_what,
            Quantity.per,
            Quantity.from_value,
            Quantity.versus,
        )
        .where(_member(Quantity.claim_id, pg))
        .order_by(Quantity.id),
        "contexts": sa.select(MatchArticle.article_id, MatchArticle.story_terms).where(
            _member(MatchArticle.article_id, pg)
        ),
        "keys": sa.select(_KEYS.c.id, _KEYS.c.key, _KEYS.c.df).where(_member(_KEYS.c.key, pg)),
    }


def _read(session: Session, name: str, ids: list) -> list:
    return _rows(session, _statements(session.get_bind().dialect.name)[name], {"ids": ids})


def load_records(
    session: Session, claim_ids: Iterable[int], *, features_out: dict[int, str] | None = None
) -> dict[int, ClaimRecord]:
    """What the scorer needs about each claim: text, canonical speaker (the claimant, or
    the one it was merged into), quantities, the article's date and story context.
    With ``features_out``, the stored features are handed back there undecoded (for the
    process that will score) instead of being primed in this one."""
    ids = sorted(set(claim_ids))
    rows, quantities, contexts = [], defaultdict(list), {}
    for chunk in _chunks(ids):
        rows += _read(session, "claims", chunk)
        for q in _read(session, "quantities", chunk):
            quantities[q[0]].append(QuantityRecord(q[1], q[2], q[3], q[4], bool(q[5]), *q[6:]))
    for chunk in _chunks(sorted({row[1] for row in rows})):
        for article_id, terms in _read(session, "contexts", chunk):
            contexts[article_id] = frozenset(terms or ())
    records = {}
    for claim_id, article_id, text, speaker, published, features, current in rows:
        record = ClaimRecord(
            claim_id,
            article_id,
            text,
            speaker,
            tuple(quantities.get(claim_id, ())),
            published,
            contexts.get(article_id, frozenset()),
        )
        if current and features_out is not None:
            features_out[claim_id] = features
        elif current:  # features of an edited claim describe its old text
            import_features(record, features)
        records[claim_id] = record
    return records


def indexed_total(session: Session) -> int:
    found = _rows(session, sa.select(_STATS.c.value).where(_STATS.c.name == LINKABLE_CLAIMS))
    return int(found[0][0]) if found else 0


def key_rows(session: Session, keys: Iterable[str]) -> dict[str, tuple[int, int]]:
    """key → (id, df) for the keys that exist."""
    found = {}
    for chunk in _chunks(sorted(set(keys))):
        for key_id, key, df in _read(session, "keys", chunk):
            found[key] = (key_id, df)
    return found


def candidate_ids(session: Session, record: ClaimRecord, settings: MatchSettings, exclude: set[int]) -> list[int]:
    """Claims of other articles sharing the rarest keys with ``record``, best
    ``settings.candidates`` first."""
    total = indexed_total(session)
    return _candidate_ids(
        session, record, settings, exclude, total, key_rows(session, candidate_keys(record)) if total else {}
    )


def _candidate_ids(
    session: Session,
    record: ClaimRecord,
    settings: MatchSettings,
    exclude: set[int],
    total: int,
    rows: dict[str, tuple[int, int]],
) -> list[int]:
    return candidate_ids_many(session, [record], settings, exclude, total, rows)[record.claim_id]


def find_related(
    session: Session, record: ClaimRecord, settings: MatchSettings, *, limit: int, exclude: set[int] | None = None
) -> list[tuple[ClaimRecord, Match]]:
    """The claims of other articles that relate to ``record``, best first, scored."""
    return find_related_many(session, [record], settings, limit=limit, exclude=exclude).get(record.claim_id, [])


def find_related_many(
    session: Session,
    records: Iterable[ClaimRecord],
    settings: MatchSettings,
    *,
    limit: int,
    exclude: set[int] | None = None,
) -> dict[int, list[tuple[ClaimRecord, Match]]]:
    """:func:`find_related` for several claims at once (an imported article's): key
    frequencies, siblings and candidate records are read once for all of them."""
    records = [r for r in records if word_count(r.text) >= settings.min_words]
    total = indexed_total(session)
    if not records or not total:
        return {}
    rows = key_rows(session, {k for r in records for k in candidate_keys(r)})
    wanted = candidate_ids_many(session, records, settings, set(exclude or ()), total, rows)
    loaded = load_records(session, {i for ids in wanted.values() for i in ids})
    return {
        r.claim_id: rank(r, [loaded[i] for i in wanted[r.claim_id] if i in loaded], settings.scoring, limit)
        for r in records
    }


# --- writing ------------------------------------------------------------------------------


def lock(session: Session) -> None:
    """Take the index writer lock until the transaction ends (PostgreSQL; SQLite writers
    already hold the database write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})


def store_article_context(session: Session, article: Article) -> frozenset[str]:
    """Compute and store the story terms of an article (once)."""
    existing = session.get(MatchArticle, article.id)
    if existing is not None:
        return frozenset(existing.story_terms)
    terms = story_terms(article.title or "", article.body or "")
    session.add(MatchArticle(article_id=article.id, story_terms=sorted(terms)))
    session.flush()
    return terms


def index_claims(session: Session, claim_ids: Iterable[int], settings: MatchSettings) -> list[int]:
    """Add claims to the index, or refresh their entries; returns the linkable ones.
    The articles' contexts must be stored first (``store_article_context``)."""
    lock(session)
    ids = sorted(set(claim_ids))
    if not ids:
        return []
    # Page furniture: a sentence this outlet prints in article after article. Earlier
    # copies that hold postings become furniture too, so they are indexed again.
    keyed = furniture.keys_of(session, ids)
    fixtures = furniture.copies(session, keyed)
    promoted = furniture.linkable_among(session, set(fixtures) - set(ids))
    if promoted:
        ids = sorted(set(ids) | promoted)
        keyed.update(furniture.keys_of(session, sorted(promoted)))
        furniture.forget_suggestions(session, promoted)
    unindex_claims(session, ids)
    records = load_records(session, ids)
    claims = {
        row[0]: row[1:]
        for chunk in _chunks(ids)
        for row in _rows(
            session, sa.select(Claim.id, Claim.version, Claim.repeat_of_id, Claim.status).where(Claim.id.in_(chunk))
        )
    }
    # A repeat is linked through its original, a merged claim through the claim it joined.
    linkable = [
        i
        for i in ids
        if i in records
        and claims[i][1] is None
        and claims[i][2] != "merged"
        and i not in fixtures
        and word_count(records[i].text) >= settings.min_words
    ]
    total = indexed_total(session)
    rows = key_rows(session, (k for i in linkable for k in candidate_keys(records[i])))
    df = {key: row[1] for key, row in rows.items()}
    ratio = df_ceiling_ratio(total, settings)
    chosen = {i: blocking_keys(records[i], df, total, max_df_ratio=ratio, min_keys=MIN_KEYS) for i in linkable}
    key_ids = _ensure_keys(session, {k for keys in chosen.values() for k in keys})
    postings = [{"key_id": key_ids[k], "claim_id": i} for i in linkable for k in sorted(chosen[i])]
    if postings:
        session.execute(sa.insert(_POSTINGS), postings)
        _add_df(session, Counter(p["key_id"] for p in postings))
    held = {i: sorted(key_ids[k] for k in chosen.get(i, ())) for i in ids}
    now = utcnow()
    session.execute(
        sa.insert(_ENTRIES),
        [
            {
                "claim_id": i,
                "claim_version": claims[i][0],
                "linkable": i in chosen,
                "key_ids": held[i],
                "features": export_features(records[i]) if i in chosen else None,
                "text_key": keyed[i][0] if i in keyed else None,
                "indexed_at": now,
            }
            for i in ids
            if i in records
        ],
    )
    _add_stat(session, LINKABLE_CLAIMS, len(linkable))
    return linkable


def unindex_claims(session: Session, claim_ids: Iterable[int]) -> None:
    """Remove claims' postings and entries, lowering the frequencies of their keys."""
    ids = sorted(set(claim_ids))
    entries = [
        row
        for chunk in _chunks(ids)
        for row in _rows(
            session,
            sa.select(_ENTRIES.c.claim_id, _ENTRIES.c.key_ids, _ENTRIES.c.linkable).where(
                _ENTRIES.c.claim_id.in_(chunk)
            ),
        )
    ]
    if not entries:
        return
    lock(session)
    removed = Counter()
    for claim_id, key_ids, _ in entries:
        for key_id in key_ids or ():
            removed[key_id] += 1
        if key_ids:
            session.execute(
                sa.delete(_POSTINGS).where(_POSTINGS.c.claim_id == claim_id, _POSTINGS.c.key_id.in_(key_ids))
            )
    _add_df(session, Counter({k: -n for k, n in removed.items()}))
    gone = [e[0] for e in entries]
    for chunk in _chunks(gone):
        session.execute(sa.delete(_ENTRIES).where(_ENTRIES.c.claim_id.in_(chunk)))
    _add_stat(session, LINKABLE_CLAIMS, -sum(1 for e in entries if e[2]))


def stale_claim_ids(session: Session, limit: int) -> list[int]:
    """Claims missing from the index or edited since they were indexed (used by an
    explicit re-index, never at start-up)."""
    entry = _ENTRIES.c
    return [
        row[0]
        for row in _rows(
            session,
            sa.select(Claim.id)
            .outerjoin(_ENTRIES, entry.claim_id == Claim.id)
            .where(sa.or_(entry.claim_id.is_(None), entry.claim_version != Claim.version))
            .order_by(Claim.id)
            .limit(limit),
        )
    ]


def _ensure_keys(session: Session, keys: set[str]) -> dict[str, int]:
    ids = {key: row[0] for key, row in key_rows(session, keys).items()}
    missing = sorted(keys - ids.keys())
    if missing:
        session.execute(_insert_ignoring_duplicates(session, _KEYS, "key"), [{"key": k, "df": 0} for k in missing])
        ids.update({key: row[0] for key, row in key_rows(session, missing).items()})
    return ids


def _add_df(session: Session, deltas: Counter) -> None:
    # In key order, so concurrent writers (should the lock ever be bypassed) cannot deadlock.
    params = [{"kid": key_id, "n": n} for key_id, n in sorted(deltas.items()) if n]
    if params:
        session.execute(
            sa.update(_KEYS).where(_KEYS.c.id == sa.bindparam("kid")).values(df=_KEYS.c.df + sa.bindparam("n")), params
        )


def _add_stat(session: Session, name: str, delta: int) -> None:
    if not delta:
        return
    updated = session.execute(sa.update(_STATS).where(_STATS.c.name == name).values(value=_STATS.c.value + delta))
    if updated.rowcount == 0:
        session.execute(sa.insert(_STATS).values(name=name, value=max(0, delta)))


def _insert_ignoring_duplicates(session: Session, table: sa.Table, column: str):
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(table).on_conflict_do_nothing(index_elements=[column])


def _rows(session: Session, statement: sa.Executable, params: dict | None = None) -> list:
    """Rows of a read on the session's connection, fetched at once: the hot lookup
    queries skip the ORM layer, which would cost more than the queries themselves."""
    return session.connection().execute(statement, params or {}).fetchall()


def _chunks(values: list, size: int = _CHUNK) -> Iterable[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
