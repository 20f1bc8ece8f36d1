"""Indexing the claims of an article just stored by an import, and suggesting their links.

The same index and the same suggestions as ``related.index_article`` gives, reached
with less work: the new claims' records are built from what was just inserted instead
of being read back; their features, story terms and key groups come with the
extraction (``ingest.match_data``, computed in the import's worker processes); the
key frequencies are read once and brought up to date in memory after the postings are
written (the index writer lock is held, so nobody else changes them); and no existing
links are read, since claims inserted in this transaction cannot have any.

A single upload does it all in one transaction (:func:`suggest`). A bulk import splits
it so that no write transaction holds the database while claims are scored:

1. store the article, its claims and their index entries, and a ``links_pending:<id>``
   row in ``match_stats``; commit (a short write);
2. read the candidates of every new claim, in one statement, and their records
   (:func:`plan`, :func:`load_candidates`: reads that wait for no one, made by a worker
   process, bounded to the claims stored by step 1, so a later read sees the same);
3. score them (:func:`score`: pure, in the same worker process);
4. store the suggested links and drop the pending row (:func:`store_links`, a short write).

Step 2 starts after step 1 committed, so of two imports of one story running side by
side the one that reads later sees the other's claims: the pair is still suggested. An
import killed between steps 1 and 4 leaves its pending row; the next import finishes
those articles first (:func:`finish_pending`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session

from ...database import make_engine, session_scope
from ...ingest.match_data import MatchData
from ...matching import ClaimRecord, Match, MatchConfig, QuantityRecord, blocking_keys, candidate_keys, rank
from ...matching.features import import_features
from ...matching.keys import prime_groups
from ...matching.normalise import word_count
from ...matching.prepared import Prepared
from ...models import ClaimLink, MatchArticle, utcnow
from ..notifications import coverage
from . import furniture, index
from . import settings as settings_module
from .candidates import NO_BOUND
from .settings import MatchSettings

PENDING = "links_pending:"  # match_stats name prefix: an article whose links are not stored yet
_LINKS = ClaimLink.__table__
_STATS = index._STATS
# Claims prepared for scoring, kept across articles: an import's articles about one story
# share most of their candidates (a record that changed since is prepared anew).
_PREPARED = Prepared()


@dataclass(slots=True)
class Indexed:
    """An article's claims once indexed: what finding their links needs."""

    article_id: int
    linkable: list[ClaimRecord]
    features: dict[int, str]
    total: int  # linkable claims in the index, these included
    rows: dict[str, tuple[int, int]]  # key -> (id, df) for the keys the claims may query
    upto: int = NO_BOUND  # the highest claim id stored when these were indexed


@dataclass(slots=True)
class ScoringJob:
    """Everything scoring an article's new claims needs, read from the database."""

    article_id: int
    records: list[ClaimRecord]
    candidates: dict[int, list[int]] | None  # new claim id -> candidate ids, best first (None: not read yet)
    loaded: dict[int, ClaimRecord]
    features: dict[int, str] = field(default_factory=dict)  # claim id -> stored features
    config: MatchConfig | None = None
    limit: int = 10
    lookup: tuple | None = None  # with no candidates yet: (settings, total, key rows, upto) to read them


def index_new_claims(
    session: Session,
    article_id: int,
    records: list[ClaimRecord],
    repeats: list[bool],
    data: MatchData,
    settings: MatchSettings | None = None,
    *,
    pending: bool = False,
) -> Indexed:
    """Index an imported article's claims (``records``, in extraction order, with their
    stored ids and canonical speakers). ``pending``: mark the article as awaiting its
    links, stored later by :func:`store_links`."""
    settings = settings or settings_module.current()
    index.lock(session)
    session.execute(sa.insert(MatchArticle.__table__), [{"article_id": article_id, "story_terms": sorted(data.terms)}])
    for record, claim in zip(records, data.claims, strict=True):
        prime_groups(record, claim.groups)
    # Page furniture, as index.index_claims decides it: a sentence the outlet prints in
    # article after article is indexed without postings, and earlier copies follow.
    keyed = furniture.keys_of(session, [r.claim_id for r in records])
    fixtures = furniture.copies(session, keyed)
    promoted = furniture.linkable_among(session, set(fixtures) - set(keyed))
    linkable = [
        r
        for r, repeat in zip(records, repeats, strict=True)
        if not repeat and word_count(r.text) >= settings.min_words and r.claim_id not in fixtures
    ]
    total = index.indexed_total(session)
    wanted_keys = {k for r in linkable for k in candidate_keys(r)}
    rows = index.key_rows(session, wanted_keys)
    df = {key: row[1] for key, row in rows.items()}
    ratio = index.df_ceiling_ratio(total, settings)
    chosen = {r.claim_id: blocking_keys(r, df, total, max_df_ratio=ratio, min_keys=index.MIN_KEYS) for r in linkable}
    key_ids = index._ensure_keys(session, {k for keys in chosen.values() for k in keys})
    postings = [{"key_id": key_ids[k], "claim_id": i} for i, keys in chosen.items() for k in sorted(keys)]
    added = Counter(p["key_id"] for p in postings)
    if postings:
        session.execute(sa.insert(index._POSTINGS), postings)
        index._add_df(session, added)
    now = utcnow()
    entries = [
        {
            "claim_id": r.claim_id,
            "claim_version": 1,
            "linkable": r.claim_id in chosen,
            "key_ids": sorted(key_ids[k] for k in chosen.get(r.claim_id, ())),
            "features": claim.features if r.claim_id in chosen else None,
            "text_key": keyed[r.claim_id][0] if r.claim_id in keyed else None,
            "indexed_at": now,
        }
        for r, claim in zip(records, data.claims, strict=True)
    ]
    if entries:  # an article may yield no claims at all
        session.execute(sa.insert(index._ENTRIES), entries)
    if promoted:
        furniture.forget_suggestions(session, promoted)
        index.index_claims(session, promoted, settings)
    index._add_stat(session, index.LINKABLE_CLAIMS, len(linkable))
    if pending and linkable:
        session.execute(sa.insert(_STATS).values(name=f"{PENDING}{article_id}", value=len(linkable)))
    # The frequencies as a fresh read would now return them.
    total += len(linkable)
    current = {key: (row[0], row[1] + added.get(row[0], 0)) for key, row in rows.items()}
    current.update(
        {key: (key_ids[key], added[key_ids[key]]) for key in wanted_keys if key not in current and key in key_ids}
    )
    features = {r.claim_id: claim.features for r, claim in zip(records, data.claims, strict=True)}
    return Indexed(
        article_id,
        linkable,
        {i: features[i] for i in chosen},
        total,
        current,
        max((r.claim_id for r in records), default=NO_BOUND),
    )


def suggest(session: Session, indexed: Indexed, settings: MatchSettings | None = None) -> list[tuple[int, int]]:
    """Find and store the links of freshly indexed claims in the current transaction;
    returns the suggested pairs, lower claim id first."""
    settings = settings or settings_module.current()
    job = plan(session, indexed, settings, prime=True)
    rows = score(job) if job else []
    _insert_links(session, rows)
    return [(r["claim_a_id"], r["claim_b_id"]) for r in rows]


def plan(
    session: Session | None, indexed: Indexed, settings: MatchSettings, *, prime: bool = False, load: bool = True
) -> ScoringJob | None:
    """Read the candidates of the new claims (``prime``: decode their features here, for
    scoring in this process; else they travel with the job). Without ``load`` nothing is
    read: the process that scores reads the candidates (:func:`load_candidates`), as the
    index stood when these claims were stored."""
    if not indexed.linkable or not indexed.total:
        return None
    job = ScoringJob(
        indexed.article_id,
        indexed.linkable,
        None,
        {},
        features=dict(indexed.features),
        config=settings.scoring,
        limit=settings.suggestions,
        lookup=(settings, indexed.total, indexed.rows, indexed.upto),
    )
    if not load:
        return job
    _lookup(session, job)
    if prime:
        job.loaded = index.load_records(session, {i for found in job.candidates.values() for i in found})
        for record in indexed.linkable:
            import_features(record, job.features.pop(record.claim_id, None))
    elif load:
        load_candidates(session, job)
    return job


def _lookup(session: Session, job: ScoringJob) -> None:
    # One statement for all the new claims' candidates, not one per claim.
    settings, total, rows, upto = job.lookup
    job.candidates = index.candidate_ids_many(session, job.records, settings, set(), total, rows, upto=upto)


def load_candidates(session: Session, job: ScoringJob) -> ScoringJob:
    """Read a planned job's candidates and their records, stored features undecoded (a
    read of the index as it stood at the plan, so it may run in any process, later)."""
    if job.candidates is None:
        _lookup(session, job)
    stored: dict[int, str] = {}
    job.loaded = index.load_records(
        session, {i for found in job.candidates.values() for i in found}, features_out=stored
    )
    job.features = stored | job.features  # the new claims' own features win
    return job


def score(job: ScoringJob) -> list[dict]:
    """The link rows of a job's best pairs, lower claim id first (pure: no database)."""
    records = {r.claim_id: r for r in job.records} | job.loaded
    for claim_id, stored in job.features.items():
        # A claim this process has prepared as it stands needs no features decoded.
        if claim_id in records and _PREPARED.known(records[claim_id]) is None:
            import_features(records[claim_id], stored)
    found: dict[tuple[int, int], Match] = {}
    for r in job.records:
        candidates = [job.loaded[i] for i in job.candidates[r.claim_id] if i in job.loaded]
        for other, match in rank(r, candidates, job.config, job.limit, prepared=_PREPARED):
            pair = (min(r.claim_id, other.claim_id), max(r.claim_id, other.claim_id))
            if pair not in found or match.score > found[pair].score:
                found[pair] = match
    return [
        {
            "claim_a_id": a,
            "claim_b_id": b,
            "score": m.score,
            "relation": m.relation,
            "numeric": m.numeric,
            "reasons": list(m.reasons),
            "state": "suggested",
        }
        for (a, b), m in sorted(found.items())
    ]


_CLAIM_FIELDS = tuple(f.name for f in fields(ClaimRecord) if f.name != "quantities")
_QUANTITY_FIELDS = tuple(f.name for f in fields(QuantityRecord))


def pack(job: ScoringJob) -> tuple:
    """A job as plain tuples, for another process: pickling the records' dataclasses one
    by one costs about as much as scoring them."""

    def flat(r: ClaimRecord) -> tuple:
        return (
            tuple(getattr(r, f) for f in _CLAIM_FIELDS),
            tuple(tuple(getattr(q, f) for f in _QUANTITY_FIELDS) for q in r.quantities),
        )

    return (
        job.article_id,
        [flat(r) for r in job.records],
        job.candidates,
        {i: flat(r) for i, r in job.loaded.items()},
        job.features,
        job.config,
        job.limit,
        job.lookup,
    )


def score_packed(packed: tuple, url: str | None = None) -> list[dict]:
    """:func:`score` of a :func:`pack`-ed job (what a worker process runs). With the
    database ``url``, the candidates are loaded here first: a read the importing process
    then never makes, nor pickles the records of."""
    article_id, records, candidates, loaded, features, config, limit, lookup = packed

    def record(flat: tuple) -> ClaimRecord:
        values, quantities = flat
        return ClaimRecord(
            **dict(zip(_CLAIM_FIELDS, values, strict=True)), quantities=tuple(QuantityRecord(*q) for q in quantities)
        )

    job = ScoringJob(
        article_id,
        [record(r) for r in records],
        candidates,
        {i: record(r) for i, r in loaded.items()},
        features,
        config,
        limit,
        lookup,
    )
    if url is not None:
        with Session(make_engine(url)) as session:
            load_candidates(session, job)
    return score(job)


def store_links(session: Session, article_id: int, rows: list[dict]) -> None:
    """Store a planned article's links and mark it done. A pair stored meanwhile (by the
    import of the other claim's article) is left as it is."""
    _insert_links(session, rows, ignore_existing=True)
    session.execute(sa.delete(_STATS).where(_STATS.c.name == f"{PENDING}{article_id}"))


def finish_pending(engine: Engine) -> int:
    """Suggest the links of articles an interrupted import stored without them; returns
    how many articles were finished."""
    from .related import suggest_for_article

    with Session(engine) as s:
        names = s.execute(sa.select(_STATS.c.name).where(_STATS.c.name.like(f"{PENDING}%"))).scalars().all()
    for name in names:
        with session_scope(engine) as s:
            suggest_for_article(s, int(name.removeprefix(PENDING)))
            s.execute(sa.delete(_STATS).where(_STATS.c.name == name))
    return len(names)


def _insert_links(session: Session, rows: list[dict], *, ignore_existing: bool = False) -> None:
    if not rows:
        return
    now = utcnow()
    rows = [{**r, "created_at": now} for r in rows]
    statement = sa.insert(_LINKS)
    if ignore_existing:
        module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        statement = module.insert(_LINKS).on_conflict_do_nothing(index_elements=["claim_a_id", "claim_b_id"])
    session.execute(statement, rows)
    coverage.notify_new_links(session, rows)
