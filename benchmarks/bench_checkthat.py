"""Retrieval quality and speed on CLEF CheckThat! 2020 Task 2 (English).

    .venv/bin/python benchmarks/bench_checkthat.py [--split dev|train|test] [--db-url URL]
        [--data DIR]

Loads the 10,375 verified claims through `claimtrack import-factchecks` into a fresh
SQLite database (or the database at --db-url), ranks every tweet of the split through
`services.archive.factchecks.match_text` (what `claimtrack match` runs) and prints MAP@1, MAP@5,
MRR and R@5 beside two baselines computed in the same run: plain BM25 over claim + title
(k1 1.2, b 0.75) and rapidfuzz token_set_ratio alone. Also prints the import time and
p50/p95 of one match.

Parameters are chosen on the train split only by benchmarks/tune_checkthat.py; report
dev (or a held-out test split) with this script and never tune against them.
The data is evaluation-only and is read from ../shared, never copied into the project.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rapidfuzz import fuzz, process  # noqa: E402
from rapidfuzz.utils import default_process  # noqa: E402
from sqlalchemy import text  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.archive_search.bm25 import BM25Index  # noqa: E402
from claimtrack.archive_search.query import clean_query  # noqa: E402
from claimtrack.archive_search.rescore import DEFAULT_RESCORE, FEATURES, RescoreConfig, score  # noqa: E402
from claimtrack.cli import main as cli_main  # noqa: E402
from claimtrack.db import make_engine, session_scope  # noqa: E402
from claimtrack.services.archive import factchecks as service  # noqa: E402
from claimtrack.services.archive.fulltext import TITLE_WEIGHT  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "checkthat2020-task2"
csv.field_size_limit(2**31 - 1)


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    return rows[1:]


def load_split(data: Path, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    tweets = {r[0]: r[1] for r in read_tsv(data / split / "tweets.queries.tsv")}
    qrels: dict[str, set[str]] = {}
    for line in (data / split / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[3] != "0":
            qrels.setdefault(parts[0], set()).add(parts[2])
    return {t: tweets[t] for t in qrels if t in tweets}, qrels


def metrics(ranked: dict[str, list[str]], qrels: dict[str, set[str]]) -> dict[str, float]:
    """trec_eval-style map_cut (precision at each hit over all relevant), MRR, recall."""
    out = {"MAP@1": 0.0, "MAP@5": 0.0, "MRR": 0.0, "R@5": 0.0}
    for q, rel in qrels.items():
        ids = ranked.get(q, [])
        for k in (1, 5):
            hits, ap = 0, 0.0
            for i, doc in enumerate(ids[:k], 1):
                if doc in rel:
                    hits += 1
                    ap += hits / i
            out[f"MAP@{k}"] += ap / len(rel)
        out["MRR"] += next((1 / i for i, d in enumerate(ids, 1) if d in rel), 0.0)
        out["R@5"] += len(rel & set(ids[:5])) / len(rel)
    return {k: v / len(qrels) for k, v in out.items()}


def show(name: str, m: dict[str, float]) -> None:
    print(f"  {name:<34} " + "  ".join(f"{k} {v:.3f}" for k, v in m.items()))


def import_archive(url: str, data: Path) -> float:
    os.environ["CLAIMTRACK_DATABASE_URL"] = url
    os.environ.setdefault("CLAIMTRACK_INSTANCE_PATH", tempfile.mkdtemp(prefix="ct-bench-"))
    start = time.perf_counter()
    try:
        cli_main(["import-factchecks", str(data / "verified_claims.docs.tsv"), "--format", "text"])
    except SystemExit as exc:
        if exc.code:
            raise
    return time.perf_counter() - start


def baselines(data: Path, tweets: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    docs = read_tsv(data / "verified_claims.docs.tsv")
    index = BM25Index((r[0], f"{r[1]} {r[2]}") for r in docs)
    # As the published baseline: links and signature stripped, nothing else.
    bm25 = {q: [d for d, _ in index.search(clean_query(t, split_tags=False).text, 100)] for q, t in tweets.items()}
    claims = [default_process(r[1]) for r in docs]
    fuzzy = {}
    for q, t in tweets.items():
        best = process.extract(
            default_process(clean_query(t, split_tags=False).text),
            claims,
            scorer=fuzz.token_set_ratio,
            limit=100,
            processor=None,
        )
        fuzzy[q] = [docs[i][0] for _, _, i in best]
    return bm25, fuzzy


def rank_with(cfg: RescoreConfig, described: dict[str, list]) -> dict[str, list[str]]:
    return {q: [c.key.external_id for c in score(list(cands), cfg)] for q, cands in described.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=["train", "dev", "test"], default="dev")
    ap.add_argument("--db-url", help="use this (migrated or empty) database instead of a fresh SQLite file")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    if not (args.data / args.split / "tweets.queries.tsv").is_file():
        ap.error(f"no {args.split} split in {args.data}")

    tmp = tempfile.mkdtemp(prefix="ct-bench-")
    url = args.db_url or f"sqlite:///{tmp}/bench.db"
    migrate.upgrade(url)
    import_seconds = import_archive(url, args.data)
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        # What autovacuum does shortly after a bulk load: time a settled database, not
        # the planner's guesses about tables it has no statistics for yet.
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    tweets, qrels = load_split(args.data, args.split)
    print(f"CheckThat! 2020 task 2, {args.split}: {len(tweets)} tweets, 10,375 claims, {engine.dialect.name}")
    print(f"  import (claimtrack import-factchecks): {import_seconds:.2f} s")

    ranked, timings, cpu = {}, [], []
    with session_scope(engine) as session:
        for t in tweets.values():  # warm-up pass fills caches; timed pass follows
            service.match_text(session, t, 5)
        for q, t in tweets.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            results = service.match_text(session, t, service.MAX_LIMIT)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
            ranked[q] = [r.external_id for r in results if r.kind == "factcheck"]
        described = {q: service.candidates(session, t, kinds=("factcheck",))[1] for q, t in tweets.items()}
    timings.sort()
    cpu.sort()
    bm25, fuzzy = baselines(args.data, tweets)
    print("  quality:")
    show("claimtrack match (re-scored)", metrics(ranked, qrels))
    show(
        "full-text retrieval only",
        metrics(
            rank_with(RescoreConfig(**{f: (1.0 if f == "retrieval" else 0.0) for f in FEATURES}), described), qrels
        ),
    )
    show("baseline: plain BM25", metrics(bm25, qrels))
    show("baseline: rapidfuzz token_set_ratio", metrics(fuzzy, qrels))
    # Wall time includes waiting for a busy CPU; this process's CPU time does not.
    print(
        f"  match time over the archive: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms wall; "
        f"p50 {statistics.median(cpu):.1f} ms, p95 {cpu[int(0.95 * (len(cpu) - 1))]:.1f} ms CPU "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    print(f"  headline weight {TITLE_WEIGHT}, {service.CANDIDATES} candidates; weights: {DEFAULT_RESCORE}")


if __name__ == "__main__":
    main()
