"""Related-claims lookup through the database index versus a naive scan.

    .venv/bin/python benchmarks/bench_matching.py [--sizes 10000,100000,1000000]
        [--db-url postgresql+psycopg://user@host:port/postgres] [--queries 200]

Builds a synthetic corpus (benchmarks/matching_corpus.py) once for the largest size,
computes every claim's blocking keys and features with two processes (cached on disk
under --workdir), then for each size loads a fresh database (SQLite files under
--workdir, or one database per size on the PostgreSQL server given) and reports:

* lookup latency p50/p95/p99 of ``linking.index.find_related`` (the function the import
  path and the related-claims search use) for new claims retelling stored stories;
* the same lookups done naively, two ways, each over every stored claim with rapidfuzz
  ``process.extract``:

  - with the same scorer as the index (``scoring.score_pair``: text, entities,
    speaker, numbers, story, time), the reference for what the related-claims panel
    should show. Recall@10 of the index against this top 10 is the headline figure
    (a naive hit counts as found when the index's 10th result scores at least as
    well: ties at the cut-off are interchangeable);
  - with the scorer's text measure alone (``token_set_ratio`` on ``normalised_text``,
    the processor applied once up front and untimed): the fastest naive scan there
    is, so the speed ratio is quoted against it. Its top 10 is mostly look-alike
    sentences from other stories, which the index deliberately does not fetch; its
    recall is printed with the share found among neighbours from the query's own story;

* the speed ratio from the naive scans and, for the same queries, index lookups timed
  one after the other (interleaved), so the machine's load moves both alike;
* index build time, incremental add of 1,000 claims (50 articles) through
  ``related.index_article``, database and index size per claim, peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import pickle
import random
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

import sqlalchemy as sa  # noqa: E402
from matching_corpus import Corpus  # noqa: E402
from matching_load import corpus_rows, index_rows, load_postgresql, load_sqlite  # noqa: E402
from rapidfuzz import fuzz, process  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlmodel import Session  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.db import make_engine, session_scope  # noqa: E402
from claimtrack.matching import ClaimRecord, QuantityRecord, blocking_keys, story_terms  # noqa: E402
from claimtrack.matching.features import export_features  # noqa: E402
from claimtrack.matching.normalise import normalised_text  # noqa: E402
from claimtrack.matching.scoring import score_pair  # noqa: E402
from claimtrack.models import Article, Claim, Claimant, Quantity  # noqa: E402
from claimtrack.services.linking import candidates, related  # noqa: E402
from claimtrack.services.linking import index as match_index  # noqa: E402
from claimtrack.services.linking.settings import MatchSettings  # noqa: E402

CLAIMS_PER_ARTICLE = 20
ARTICLES_PER_STORY = 10
CLAIMS_PER_STORY = CLAIMS_PER_ARTICLE * ARTICLES_PER_STORY
SETTINGS = MatchSettings()


# --- corpus and keys (computed once, cached) ----------------------------------------------


def _prepare_chunk(chunk: list[dict]) -> tuple[list, float]:
    t0 = time.process_time()
    out = []
    for art in chunk:
        terms = story_terms(art["title"], "\n\n".join(c[0] for c in art["claims"]))
        claims = []
        for text, speaker, quantities in art["claims"]:
            rec = ClaimRecord(
                0, 0, text, speaker, tuple(QuantityRecord(*q) for q in quantities), art["published"], terms
            )
            claims.append((tuple(sorted(blocking_keys(rec))), normalised_text(text), export_features(rec)))
        out.append((sorted(terms), claims))
    return out, time.process_time() - t0


def build_corpus(claims: int, workdir: Path) -> dict:
    cache = workdir / f"corpus-{claims}.pkl"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)  # noqa: S301 - our own cache, written below
    t0 = time.perf_counter()
    corpus = Corpus(max(1, claims // CLAIMS_PER_STORY))
    articles = [
        {
            "story": a.story,
            "outlet": a.outlet,
            "title": a.title,
            "published": a.published,
            "claims": [(c.text, c.speaker, c.quantities) for c in a.claims],
        }
        for a in corpus.articles(
            claims // CLAIMS_PER_ARTICLE, claims_per_article=CLAIMS_PER_ARTICLE, per_story=ARTICLES_PER_STORY
        )
    ]
    generated = time.perf_counter() - t0
    t0 = time.perf_counter()
    chunks = [articles[i : i + 200] for i in range(0, len(articles), 200)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        results = pool.map(_prepare_chunk, chunks, chunksize=4)
    keys, norms, features, terms, cpu = [], [], [], [], 0.0
    for out, seconds in results:
        cpu += seconds
        for article_terms, claims_out in out:
            terms.append(article_terms)
            for claim_keys, norm, feature in claims_out:
                keys.append(claim_keys)
                norms.append(norm)
                features.append(feature)
    data = {
        "articles": articles,
        "keys": keys,
        "norms": norms,
        "features": features,
        "terms": terms,
        "generated_s": generated,
        "keys_wall_s": time.perf_counter() - t0,
        "keys_cpu_s": cpu,
        "stories": len(corpus.stories),
    }
    with cache.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return data


# --- databases --------------------------------------------------------------------------


def fresh_database(size: int, db_url: str | None, workdir: Path) -> str:
    if db_url is None:
        path = workdir / f"bench-{size}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        server = make_url(db_url)
        name = f"claimtrack_bench_{size}"
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = server.set(database=name).render_as_string(hide_password=False)
    migrate.upgrade(url)
    return url


def database_sizes(engine) -> tuple[int, int]:
    """(whole database, matching index tables) in bytes."""
    tables = ("match_keys", "match_postings", "match_claims", "match_articles", "match_stats")
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            total = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar()
            index = sum(conn.execute(sa.text(f"SELECT pg_total_relation_size('{t}')")).scalar() for t in tables)
            return int(total), int(index)
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        total = Path(make_url(str(engine.url)).database).stat().st_size
        try:
            names = ", ".join(f"'{t}'" for t in tables)
            # dbstat names a table's own indexes separately (autoindexes of unique keys).
            index = conn.exec_driver_sql(
                f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({names}) "
                f"OR name LIKE 'sqlite_autoindex_match_%' OR name LIKE 'ix_match_%'"
            ).scalar()
        except sa.exc.OperationalError:
            index = None
        return int(total), int(index or 0)


# --- measurements --------------------------------------------------------------------------


def query_records(corpus: Corpus, count: int, seed: int, stories: int) -> list[tuple[ClaimRecord, int]]:
    """New claims (not stored) retelling stored stories, one per new article, with the
    story each retells."""
    rng = random.Random(seed)
    out = []
    for i, art in enumerate(corpus.articles(count, seed=seed, claims_per_article=CLAIMS_PER_ARTICLE, among=stories)):
        terms = story_terms(art.title, art.body)
        claim = rng.choice(art.claims)
        out.append(
            (
                ClaimRecord(
                    -(i + 1),
                    10**9 + i,
                    claim.text,
                    claim.speaker,
                    tuple(QuantityRecord(*q) for q in claim.quantities),
                    art.published,
                    terms,
                ),
                art.story,
            )
        )
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure_lookups(engine, queries: list[ClaimRecord]) -> tuple[list[float], list[float], list[int]]:
    """Wall-clock and CPU milliseconds (this process) per lookup, and results found."""
    for rec in queries[:5]:  # warm the connection pool and the database cache
        with Session(engine) as session:
            match_index.find_related(session, rec, SETTINGS, limit=10)
    latencies, cpu, found = [], [], []
    for rec in queries:
        t0, c0 = time.perf_counter(), time.process_time()
        with Session(engine) as session:
            results = match_index.find_related(session, rec, SETTINGS, limit=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        found.append(len(results))
    return latencies, cpu, found


def measure_naive(
    engine, queries: list[tuple[ClaimRecord, int]], norms: list[str], story_of: list[int]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Naive scan latencies, recall@10 against its top 10, the same recall counting
    only naive neighbours from the query's own story (the ones that are related), and
    the index lookup's latency for each query, timed just before its naive scan, so the
    speed ratio compares the two under the same machine load."""
    latencies, recalls, story_recalls, paired = [], [], [], []
    for rec, story in queries:
        t0 = time.perf_counter()
        with Session(engine) as session:
            match_index.find_related(session, rec, SETTINGS, limit=10)
        paired.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        naive = process.extract(normalised_text(rec.text), norms, scorer=fuzz.token_set_ratio, processor=None, limit=10)
        latencies.append((time.perf_counter() - t0) * 1000)
        with Session(engine) as session:
            candidates = [
                c for c in match_index.candidate_ids(session, rec, SETTINGS, {rec.claim_id}) if c <= len(norms)
            ]
        query = normalised_text(rec.text)
        ours = sorted((fuzz.token_set_ratio(query, norms[c - 1]) for c in candidates), reverse=True)[:10]
        if not naive:
            continue
        cutoff = naive[-1][1]  # ties at the cut-off are interchangeable
        recalls.append(min(len(naive), sum(1 for score in ours if score >= cutoff)) / len(naive))
        # Same-story neighbours: found when a candidate has the same normalised text.
        found_texts = {norms[c - 1] for c in candidates}
        own = [text for text, _, index in naive if story_of[index] == story]
        if own:
            story_recalls.append(sum(1 for text in own if text in found_texts) / len(own))
    return latencies, recalls, story_recalls, paired


# The stored claims and queries of a same-scorer naive scan, set before the worker
# processes fork so they share them instead of pickling a million records.
_NAIVE: dict = {}


def stored_records(data: dict, n_articles: int) -> list[ClaimRecord]:
    """Every stored claim as the scorer sees it (claim ids follow load order)."""
    records, claim_id = [], 0
    for article_id, art in enumerate(data["articles"][:n_articles], 1):
        context = frozenset(data["terms"][article_id - 1])
        for text, speaker, quantities in art["claims"]:
            claim_id += 1
            records.append(
                ClaimRecord(
                    claim_id,
                    article_id,
                    text,
                    speaker,
                    tuple(QuantityRecord(*q) for q in quantities),
                    art["published"],
                    context,
                )
            )
    return records


def _same_scorer(
    query: ClaimRecord, choice: ClaimRecord, *, processor=None, score_cutoff: float | None = None
) -> float:
    match = score_pair(query, choice, SETTINGS.scoring)
    return match.score * 100 if match else 0.0


def _naive_same_scorer(index: int) -> tuple[float, list[float]]:
    """One full scan with the index's own scorer: (milliseconds, top 10 scores)."""
    query = _NAIVE["queries"][index]
    t0 = time.perf_counter()
    found = process.extract(
        query, _NAIVE["records"], scorer=_same_scorer, processor=None, limit=10, score_cutoff=SETTINGS.min_score * 100
    )
    return (time.perf_counter() - t0) * 1000, [round(score / 100, 4) for _, score, _ in found]


def measure_naive_same_scorer(
    engine,
    queries: list[ClaimRecord],
    records: list[ClaimRecord],
) -> tuple[list[float], list[float]]:
    """Naive scans with the same scorer (two processes), and recall@10 of the index's
    results against them."""
    _NAIVE.update(records=records, queries=queries)
    try:
        with multiprocessing.get_context("fork").Pool(2) as pool:
            scans = pool.map(_naive_same_scorer, range(len(queries)), chunksize=1)
    finally:
        _NAIVE.clear()
    latencies, recalls = [], []
    for rec, (ms, naive) in zip(queries, scans, strict=True):
        latencies.append(ms)
        if not naive:
            continue
        with Session(engine) as session:
            ours = [m.score for _, m in match_index.find_related(session, rec, SETTINGS, limit=10)]
        cutoff = naive[-1] - 1e-9  # ties at the cut-off are interchangeable
        recalls.append(min(len(naive), sum(1 for score in ours if score >= cutoff)) / len(naive))
    return latencies, recalls


def measure_incremental(
    engine, corpus: Corpus, speakers: dict[str, int], outlet_id: int, seed: int, stories: int
) -> tuple[float, float, int, int]:
    """Store 50 new articles of 20 claims as the importer does, then index and suggest
    through ``related.index_article``; (total seconds, matching seconds, claims, links)."""
    total = matching = 0.0
    claims = links = 0
    for n, art in enumerate(corpus.articles(50, seed=seed, claims_per_article=CLAIMS_PER_ARTICLE, among=stories)):
        t0 = time.perf_counter()
        with session_scope(engine) as session:
            article = Article(
                title=art.title,
                outlet_id=outlet_id,
                published_at=art.published,
                body=art.body,
                content_hash=f"incremental-{seed}-{n}",
                source_name=f"incremental/{n}",
            )
            session.add(article)
            session.flush()
            ids, offset = [], 0
            for c in art.claims:
                claimant_id = speakers.get(c.speaker) if c.speaker else None
                if c.speaker and claimant_id is None:
                    claimant = Claimant(name=c.speaker)
                    session.add(claimant)
                    session.flush()
                    claimant_id = speakers[c.speaker] = claimant.id
                claim = Claim(
                    article_id=article.id,
                    start_offset=offset,
                    end_offset=offset + len(c.text),
                    text=c.text,
                    claimant_id=claimant_id,
                )
                offset += len(c.text) + 2
                session.add(claim)
                session.flush()
                ids.append(claim.id)
                for q in c.quantities:
                    session.add(
                        Quantity(
                            claim_id=claim.id,
                            text=q[0],
                            value=q[1],
                            low=q[2],
                            high=q[3],
                            approx=q[4],
                            change=q[5],
                            unit=q[6],
                        )
                    )
            t1 = time.perf_counter()
            links += len(related.index_article(session, article, ids, SETTINGS))
            matching += time.perf_counter() - t1
            claims += len(ids)
        total += time.perf_counter() - t0
    return total, matching, claims, links


def run_size(size: int, data: dict, corpus: Corpus, args: argparse.Namespace) -> dict:
    articles, n_articles = data["articles"], size // CLAIMS_PER_ARTICLE
    subset = articles[:n_articles]
    n_claims = sum(len(a["claims"]) for a in subset)
    url = fresh_database(size, args.db_url, args.workdir)
    engine = make_engine(url)
    load = load_sqlite if engine.dialect.name == "sqlite" else load_postgresql
    speakers = {name: i for i, name in enumerate(sorted({c[1] for a in subset for c in a["claims"] if c[1]}), 1)}
    outlets = {name: i for i, name in enumerate(sorted({a["outlet"] for a in subset}), 1)}
    t0 = time.perf_counter()
    load(engine, corpus_rows(subset, speakers, outlets))
    corpus_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tables = index_rows(data["keys"][:n_claims], data["features"][:n_claims], data["terms"][:n_articles], SETTINGS)
    rows_s = time.perf_counter() - t0
    postings = len(tables["match_postings"])
    t0 = time.perf_counter()
    load(engine, tables)
    write_s = time.perf_counter() - t0
    del tables
    keys_s = data["keys_wall_s"] * n_claims / len(data["keys"])
    stories = max(1, n_articles // ARTICLES_PER_STORY)
    queries = query_records(corpus, args.queries, seed=size + 7, stories=stories)
    load_before = os.getloadavg()[0]
    latencies, cpu, found = measure_lookups(engine, [q for q, _ in queries])
    naive_n = min(args.queries, max(10, args.naive_budget // max(1, n_claims)))
    story_of = [a["story"] for a in subset for _ in a["claims"]]
    naive_lat, recalls, story_recalls, paired = measure_naive(
        engine, queries[:naive_n], data["norms"][:n_claims], story_of
    )
    same_n = min(args.queries, max(10, args.same_scorer_budget // max(1, n_claims))) if args.same_scorer_budget else 0
    same_lat, same_recalls = (
        measure_naive_same_scorer(engine, [q for q, _ in queries[:same_n]], stored_records(data, n_articles))
        if same_n
        else ([], [])
    )
    incr_total = incr_match = float("nan")
    incr_claims = incr_links = 0
    if args.incremental:
        incr_total, incr_match, incr_claims, incr_links = measure_incremental(
            engine, corpus, speakers, 1, size + 11, stories
        )
    total_bytes, index_bytes = database_sizes(engine)
    engine.dispose()
    p50, p95, p99 = (percentile(latencies, p) for p in (50, 95, 99))
    naive_p50 = statistics.median(naive_lat)
    return {
        "size": n_claims,
        "backend": engine.dialect.name,
        "postings": postings,
        "corpus_load_s": corpus_s,
        "index_build_s": keys_s + rows_s + write_s,
        "keys_s": keys_s,
        "rows_s": rows_s,
        "write_s": write_s,
        "p50": p50,
        "p95": p95,
        "p99": p99,
        "found": statistics.mean(found),
        "cpu_p50": percentile(cpu, 50),
        "cpu_p95": percentile(cpu, 95),
        "load": load_before,
        "naive_p50": naive_p50,
        "naive_p95": percentile(naive_lat, 95),
        "naive_n": len(naive_lat),
        "speedup": naive_p50 / statistics.median(paired),
        "paired_p50": statistics.median(paired),
        "pair_ratio": statistics.median(n / i for n, i in zip(naive_lat, paired, strict=True)),
        "recall": statistics.mean(recalls) if recalls else float("nan"),
        "same_p50": statistics.median(same_lat) if same_lat else float("nan"),
        "same_n": len(same_lat),
        "same_found": len(same_recalls),
        "same_recall": statistics.mean(same_recalls) if same_recalls else float("nan"),
        "story_recall": statistics.mean(story_recalls) if story_recalls else float("nan"),
        "incr_total_s": incr_total,
        "incr_match_s": incr_match,
        "incr_claims": incr_claims,
        "incr_links": incr_links,
        "bytes_per_claim": total_bytes / n_claims,
        "index_bytes_per_claim": index_bytes / n_claims,
        "peak_mb": max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        / 1024,
    }


def report(r: dict) -> None:
    print(f"\n== {r['size']:,} claims on {r['backend']} ({r['postings']:,} postings)", flush=True)
    print(f"  corpus load          {r['corpus_load_s']:.1f} s (articles, claims, quantities; not the index)")
    print(
        f"  index build          {r['index_build_s']:.1f} s = keys {r['keys_s']:.1f} s (2 processes, prorated)"
        f" + rows {r['rows_s']:.1f} s + bulk write {r['write_s']:.1f} s"
    )
    print(
        f"  lookup (index)       p50 {r['p50']:.1f} ms  p95 {r['p95']:.1f} ms  p99 {r['p99']:.1f} ms"
        f"  ({r['found']:.1f} related found per query; load average {r['load']:.1f})"
    )
    print(
        f"  lookup CPU           p50 {r['cpu_p50']:.1f} ms  p95 {r['cpu_p95']:.1f} ms (this process:"
        f" on SQLite that includes the database engine)"
    )
    if r["same_n"]:
        print(
            f"  naive, same scorer   p50 {r['same_p50']:.0f} ms  ({r['same_n']} queries, {r['same_found']} with"
            f" related claims; {r['same_p50'] / r['p50']:.0f}x the index p50)"
        )
        print(f"  recall@10 vs naive   {r['same_recall']:.3f} (same scorer)")
    else:
        print("  naive, same scorer   skipped (--same-scorer-budget 0)")
    print(f"  naive, text only     p50 {r['naive_p50']:.1f} ms  p95 {r['naive_p95']:.1f} ms  ({r['naive_n']} queries)")
    print(
        f"  speed ratio          {r['speedup']:.0f}x (text-only naive p50 / p50 {r['paired_p50']:.1f} ms of the"
        f" index lookups timed alongside, each just before the naive scan of the same query;"
        f" median per-query ratio {r['pair_ratio']:.0f}x)"
    )
    print(
        f"  recall@10, text only {r['recall']:.3f} (of its neighbours from the query's own story:"
        f" {r['story_recall']:.3f})"
    )
    print(
        f"  add 1,000 claims     {r['incr_match_s']:.2f} s matching ({r['incr_total_s']:.2f} s with storing the"
        f" articles), {r['incr_claims']} claims, {r['incr_links']} links suggested"
    )
    print(
        f"  size per claim       {r['bytes_per_claim']:.0f} B database, {r['index_bytes_per_claim']:.0f} B index tables"
    )
    print(f"  peak memory          {r['peak_mb']:.0f} MB (RSS of this process or its workers)")


def main(argv: list[str] | None = None) -> None:
    global SETTINGS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="claims per database, comma separated")
    ap.add_argument("--db-url", default=None, help="PostgreSQL server URL (default: SQLite files)")
    ap.add_argument("--queries", type=int, default=200, help="lookups timed per size")
    ap.add_argument(
        "--naive-budget",
        type=int,
        default=20_000_000,
        help="claim comparisons spent on naive scans per size (at least 10 scans)",
    )
    ap.add_argument(
        "--same-scorer-budget",
        type=int,
        default=4_000_000,
        help="claim comparisons spent on same-scorer naive scans per size (at least 10 scans; 0 skips them)",
    )
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/claimtrack-bench"))
    ap.add_argument(
        "--no-incremental",
        dest="incremental",
        action="store_false",
        help="skip adding 1,000 claims through the service",
    )
    ap.add_argument(
        "--posting-budget",
        type=int,
        default=candidates.POSTING_BUDGET,
        help="postings read per lookup (candidates.POSTING_BUDGET)",
    )
    ap.add_argument(
        "--candidates",
        type=int,
        default=MatchSettings().candidates,
        help="candidates scored per lookup (MATCH_CANDIDATES)",
    )
    args = ap.parse_args(argv)
    SETTINGS = MatchSettings(candidates=args.candidates)
    candidates.POSTING_BUDGET = args.posting_budget
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.2f}", flush=True)
    t0 = time.perf_counter()
    data = build_corpus(max(sizes), args.workdir)
    corpus = Corpus(data["stories"])
    print(
        f"corpus: {len(data['keys']):,} claims, {len(data['articles']):,} articles, {data['stories']:,} stories;"
        f" generated in {data['generated_s']:.0f} s, keys and features in {data['keys_wall_s']:.0f} s wall"
        f" ({data['keys_cpu_s']:.0f} s CPU); ready after {time.perf_counter() - t0:.0f} s",
        flush=True,
    )
    results = []
    for size in sizes:
        results.append(run_size(size, data, corpus, args))
        report(results[-1])
    print(
        "\nsize        p50 ms  p95 ms  p99 ms  cpu p95  naive p50 ms  speed  recall@10  text-only  +1000 s"
        "  B/claim  index B/claim"
    )
    for r in results:
        print(
            f"{r['size']:<10,}  {r['p50']:6.1f}  {r['p95']:6.1f}  {r['p99']:6.1f}  {r['cpu_p95']:7.1f}"
            f"  {r['naive_p50']:12.0f}  "
            f"{r['speedup']:4.0f}x  {r['same_recall']:9.3f}  {r['recall']:9.3f}  {r['incr_match_s']:7.2f}"
            f"  {r['bytes_per_claim']:7.0f}"
            f"  {r['index_bytes_per_claim']:13.0f}"
        )
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
