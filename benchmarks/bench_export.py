"""Exports at scale: time and peak memory, streaming against load-everything-first.

    .venv/bin/python benchmarks/bench_export.py [--sizes 10000,50000,100000] [--db-url URL]
    .venv/bin/python benchmarks/bench_export.py --http [--sizes 100000,1000000]

With `--http`, each size is exported as CSV and as JSON Lines by `claimtrack serve`
(one process, on 127.0.0.1) through `GET /api/v1/exports/claims`, the path the browser
download shares: it prints the server's peak resident memory during the export (sampled
from /proc every 20 ms, beside its resident memory before), rows per second and the
time to the first byte, and rows per second of the server's own CPU time (user and
system, from /proc: on a shared, loaded machine the wall-clock rate says more about
the neighbours than about the export). Beside it, naive: a fresh process that reads every row into a
list and builds the whole file in memory before writing it (its peak RSS from
getrusage). Targets: server peak under 200 MB, at least 20,000 rows/s, first byte
under 1 s, and a flat peak from 100k to 1M rows.

Without `--http`:

Fills a fresh SQLite database (or an empty migrated one at --db-url) with published
fact-checks in bulk (one article, claimant, source-less claim and published verdict
each; every 10th claim confirmed the same as the one before, so firstAppearance is
computed too), growing it to each size in turn. At each size it runs:

- streaming: `publishing.feed.iter_claimreviews` written by `cli.export.write_array`, the
  code path of `claimtrack export claimreview`;
- naive: the same documents collected into one list, then `json.dump` of the list.

Peak memory is measured with tracemalloc (Python allocations; it slows both runs
alike), so the figures compare the two approaches rather than give absolute speed;
`--no-trace` gives the plain times (the MiB columns then read 0).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sqlalchemy as sa  # noqa: E402
from sqlmodel import Session  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.cli.export import write_array  # noqa: E402
from claimtrack.db import make_engine  # noqa: E402
from claimtrack.models import Article, Claim, Claimant, ClaimLink, Outlet, Verdict  # noqa: E402
from claimtrack.services.publishing import feed as publishing  # noqa: E402

CONFIG = {
    "PUBLIC_BASE_URL": "https://factcheck.example.org",
    "PUBLISHER_NAME": "Example Fact Check",
    "PUBLISHER_URL": "https://factcheck.example.org",
    "RATING_SCALE_PATH": None,
}
RATINGS = ("true", "mostly-true", "half-true", "mostly-false", "misleading", "false", "unverifiable")
T0 = datetime(2025, 1, 1, tzinfo=UTC)
CHUNK = 5000


def grow(engine, start: int, stop: int) -> None:
    """Add published fact-checks numbered start+1..stop, in chunked executemany inserts."""
    with engine.begin() as conn:
        if start == 0:
            conn.execute(sa.insert(Outlet.__table__), [{"id": i, "name": f"Outlet {i}"} for i in range(1, 21)])
        for lo in range(start + 1, stop + 1, CHUNK):
            ids = range(lo, min(lo + CHUNK, stop + 1))
            conn.execute(
                sa.insert(Claimant.__table__),
                [
                    {
                        "id": i,
                        "name": f"Speaker {i}",
                        "title": "Minister" if i % 3 else None,
                        "kind": "person",
                        "created_at": T0,
                    }
                    for i in ids
                ],
            )
            conn.execute(
                sa.insert(Article.__table__),
                [
                    {
                        "id": i,
                        "url": f"https://news{i % 20}.example/story/{i}",
                        "title": f"Story number {i}",
                        "outlet_id": i % 20 + 1,
                        "published_at": T0 + timedelta(minutes=i),
                        "body": f"Body {i}.",
                        "content_hash": f"{i:064x}",
                        "source_format": "json",
                        "imported_at": T0,
                    }
                    for i in ids
                ],
            )
            conn.execute(
                sa.insert(Claim.__table__),
                [
                    {
                        "id": i,
                        "article_id": i,
                        "start_offset": 0,
                        "end_offset": 10,
                        "text": f"Claim {i}: unemployment fell to {i % 9 + 1} percent.",
                        "kind": "reported",
                        "claimant_id": i,
                        "checkworthiness": 0.5,
                        "status": "published",
                        "version": 1,
                        "created_at": T0,
                        "updated_at": T0,
                    }
                    for i in ids
                ],
            )
            conn.execute(
                sa.insert(Verdict.__table__),
                [
                    {
                        "id": i,
                        "claim_id": i,
                        "rating": RATINGS[i % len(RATINGS)],
                        "summary": f"Summary of check {i}.",
                        "rationale": "Because the figures say otherwise.",
                        "state": "published",
                        "version": 1,
                        "created_at": T0,
                        "updated_at": T0,
                        "published_at": T0 + timedelta(days=1, minutes=i),
                    }
                    for i in ids
                ],
            )
            conn.execute(
                sa.insert(ClaimLink.__table__),
                [
                    {
                        "claim_a_id": i - 1,
                        "claim_b_id": i,
                        "score": 0.9,
                        "relation": "same",
                        "state": "confirmed",
                        "reasons": [],
                        "created_at": T0,
                    }
                    for i in ids
                    if i % 10 == 0
                ],
            )


def grow_claims(engine, start: int, stop: int) -> None:
    """Claims only, a hundred to an article and a claimant (what the claims export reads):
    1M rows load in minutes rather than the better part of an hour."""
    with engine.begin() as conn:
        if start == 0:
            conn.execute(sa.insert(Outlet.__table__), [{"id": i, "name": f"Outlet {i}"} for i in range(1, 21)])
        for lo in range(start + 1, stop + 1, CHUNK * 4):
            ids = range(lo, min(lo + CHUNK * 4, stop + 1))
            groups = sorted({(i - 1) // 100 + 1 for i in ids} - {(start - 1) // 100 + 1 if start else 0})
            conn.execute(
                sa.insert(Claimant.__table__),
                [
                    {"id": g, "name": f"Speaker {g}", "title": "Minister", "kind": "person", "created_at": T0}
                    for g in groups
                ],
            )
            conn.execute(
                sa.insert(Article.__table__),
                [
                    {
                        "id": g,
                        "url": f"https://news{g % 20}.example/story/{g}",
                        "title": f"Story number {g}",
                        "outlet_id": g % 20 + 1,
                        "published_at": T0 + timedelta(minutes=g),
                        "body": f"Body {g}.",
                        "content_hash": f"{g:064x}",
                        "source_format": "json",
                        "imported_at": T0,
                    }
                    for g in groups
                ],
            )
            conn.execute(
                sa.insert(Claim.__table__),
                [
                    {
                        "id": i,
                        "article_id": (i - 1) // 100 + 1,
                        "start_offset": 0,
                        "end_offset": 10,
                        "text": f"Claim {i}: unemployment fell to {i % 9 + 1} percent, the minister said.",
                        "kind": "reported",
                        "claimant_id": (i - 1) // 100 + 1,
                        "checkworthiness": 0.5,
                        "status": "unreviewed",
                        "version": 1,
                        "created_at": T0,
                        "updated_at": T0,
                    }
                    for i in ids
                ],
            )


def measure(label: str, run, *, trace: bool = True) -> tuple[float, float]:
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    count = run()
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if trace else 0
    if trace:
        tracemalloc.stop()
    assert count > 0, label
    return elapsed, peak / 2**20


def streaming(engine, out: Path) -> int:
    with Session(engine) as session, out.open("w", encoding="utf-8") as fh:
        return write_array(publishing.iter_claimreviews(session, CONFIG), fh)


def naive(engine, out: Path) -> int:
    with Session(engine) as session:
        docs = list(publishing.iter_claimreviews(session, CONFIG))
        with out.open("w", encoding="utf-8") as fh:
            json.dump(docs, fh, ensure_ascii=False)
        return len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default=None, help="default 10000,50000,100000; with --http 100000,1000000")
    parser.add_argument("--http", action="store_true", help="claims as CSV and JSONL over HTTP (see above)")
    parser.add_argument(
        "--claims-only",
        action="store_true",
        help="with --http: store claims only, a hundred to an article (fast to load)",
    )
    parser.add_argument("--no-naive", action="store_true", help="with --http: skip the load-everything runs")
    parser.add_argument("--naive-child", nargs=2, metavar=("URL", "FORMAT"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-trace",
        action="store_true",
        help="time only: skip tracemalloc (its bookkeeping slows allocation-heavy code)",
    )
    parser.add_argument("--db-url", default=None, help="an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    if args.naive_child:
        naive_child(*args.naive_child)
        return
    if args.http:
        from export_http import run_http

        run_http(
            sorted(int(s) for s in (args.sizes or "100000,1000000").split(",")),
            grow_claims if args.claims_only else grow,
            args.db_url,
            naive=not args.no_naive,
        )
        return
    sizes = sorted(int(s) for s in (args.sizes or "10000,50000,100000").split(","))
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrate.upgrade(url)
        engine = make_engine(url)
        out = Path(tmp) / "export.json"
        print(f"{'reviews':>8} {'stream s':>9} {'stream MiB':>11} {'naive s':>8} {'naive MiB':>10} {'file MiB':>9}")
        done = 0
        for size in sizes:
            grow(engine, done, size)
            done = size
            trace = not args.no_trace
            stream_s, stream_mib = measure("streaming", lambda: streaming(engine, out), trace=trace)
            size_mib = out.stat().st_size / 2**20
            naive_s, naive_mib = measure("naive", lambda: naive(engine, out), trace=trace)
            print(f"{size:>8} {stream_s:>9.1f} {stream_mib:>11.1f} {naive_s:>8.1f} {naive_mib:>10.1f} {size_mib:>9.1f}")
        engine.dispose()


def naive_child(url: str, fmt: str) -> None:
    """Load every row first, then build the whole file in memory, then write it: the
    approach streaming replaces. Prints seconds, rows and peak RSS (MiB) as JSON."""
    import resource

    from claimtrack.services.exports.datasets import CLAIM_COLUMNS, DATASETS, claim_rows
    from claimtrack.services.exports.streams import json_lines
    from claimtrack.services.reports.csv_export import write_csv
    from claimtrack.services.review.queue import QueueFilters

    engine = make_engine(url)
    started = time.perf_counter()
    with Session(engine) as session:
        rows = list(claim_rows(session, QueueFilters(), batch=10**9))
    if fmt == "csv":
        text = write_csv(CLAIM_COLUMNS, list(DATASETS["claims"].cells(rows)))
    else:
        text = "".join(json_lines(CLAIM_COLUMNS, rows))
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sink.write(text)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "rows": len(rows), "peak_mib": peak}))


if __name__ == "__main__":
    main()
