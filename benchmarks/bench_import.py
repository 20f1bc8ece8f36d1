"""Bulk import end to end: throughput, scaling with workers, memory, and the desk's latency.

    .venv/bin/python benchmarks/bench_import.py [--articles 300] [--prefill 20000]
        [--workers 1,2] [--db-url postgresql+psycopg://user@host:port/postgres] [--full] [--rss]
        [--rss-sizes 10000,100000] [--before /path/to/a/checkout/of/the/previous/code]

Articles come from the matching corpus generator (benchmarks/matching_corpus.py), written
as one JSON Lines file, and are imported through ``bulk_import.import_items`` (what
``claimtrack import`` runs) in a child process per run, so every run starts cold and the
child's peak RSS is its own. Printed side by side:

* extraction alone (the same articles through the same worker pool, nothing stored):
  the ceiling an import could reach;
* the import into an empty database and into one already holding ``--prefill`` claims
  (loaded in bulk with their matching index, about the same stories as the imported
  articles, so every new claim finds candidates): KB/s, articles/s, claims/s for each
  worker count, and the scaling ratio from the fewest to the most workers;
* the p95 of a reviewer's verdict save (``verdicts.save_draft`` in its own transaction,
  from a thread of this process) with no import running and while an import runs;
* with ``--rss``: the importing process's peak RSS for a 10,000- and a 100,000-article
  feed (the ratio should be close to 1: the feed is streamed).

``--full`` runs the sizes of the targets: 2,000 and 20,000 articles, 100,000 claims
prefilled, and the memory comparison. The default finishes in a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess  # nosec B404 - runs this same script as a child
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# A child run with --before imports the code of another checkout (the previous approach).
CODE = Path(os.environ.get("CLAIMTRACK_BENCH_CODE") or REPO)
sys.path[:0] = [str(CODE), str(REPO / "benchmarks")]

import sqlalchemy as sa  # noqa: E402
from matching_corpus import Corpus  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.db import make_engine, session_scope  # noqa: E402

ARTICLES_PER_STORY = 10
CLAIMS_PER_ARTICLE = 20
TARGET_KBS = 200.0
TARGET_SCALING = 1.7
TARGET_SAVE_P95_MS = 200.0
TARGET_RSS_RATIO = 1.10


def service(name: str):
    """A services module by its feature-package path, or by its old flat one (so the
    benchmark also runs on code from before the move, for before/after figures)."""
    old = {
        "accounts.actors": "actors",
        "articles.importing": "articles",
        "articles.bulk_import": "bulk_import",
        "accounts.users": "users",
        "review.verdicts": "verdicts",
    }
    try:
        return importlib.import_module(f"claimtrack.services.{name}")
    except ModuleNotFoundError:
        return importlib.import_module(f"claimtrack.services.{old[name]}")


# --- inputs -------------------------------------------------------------------------------


def write_feed(path: Path, count: int, *, stories: int | None, seed: int) -> int:
    """``count`` generated articles as JSON Lines; returns the file's size in bytes. With
    ``stories``, each article retells one of the first ``stories`` stories (those a
    prefilled database holds); otherwise stories follow one another."""
    corpus = Corpus(stories or max(1, count // ARTICLES_PER_STORY), seed=seed)
    with path.open("w", encoding="utf-8") as fh:
        for i, art in enumerate(
            corpus.articles(
                count, seed=seed + 1, claims_per_article=CLAIMS_PER_ARTICLE, per_story=ARTICLES_PER_STORY, among=stories
            )
        ):
            # The number keeps two retellings that came out word for word apart.
            fh.write(
                json.dumps(
                    {
                        "title": f"{art.title} ({i + 1})",
                        "body": art.body,
                        "outlet": art.outlet,
                        "published": art.published.isoformat(),
                    }
                )
                + "\n"
            )
    return path.stat().st_size


def fresh_database(name: str, db_url: str | None, workdir: Path) -> str:
    if db_url is None:
        path = workdir / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    else:
        server = make_url(db_url)
        database = f"claimtrack_bench_import_{name}"
        admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        url = server.set(database=database).render_as_string(hide_password=False)
    migrate.upgrade(url)
    return url


def prefill(url: str, claims: int, workdir: Path) -> int:
    """Load ``claims`` corpus claims and their index in bulk; returns the stories held."""
    from bench_matching import SETTINGS, build_corpus
    from matching_load import corpus_rows, index_rows, load_postgresql, load_sqlite

    data = build_corpus(claims, workdir)
    speakers = {
        name: i for i, name in enumerate(sorted({c[1] for a in data["articles"] for c in a["claims"] if c[1]}), 1)
    }
    outlets = {name: i for i, name in enumerate(sorted({a["outlet"] for a in data["articles"]}), 1)}
    tables = corpus_rows(data["articles"], speakers, outlets)
    tables.update(index_rows(data["keys"], data["features"], data["terms"], SETTINGS))
    engine = make_engine(url)
    (load_postgresql if engine.dialect.name == "postgresql" else load_sqlite)(engine, tables)
    engine.dispose()
    return data["stories"]


def copy_database(source: str, name: str, db_url: str | None, workdir: Path) -> str:
    """A copy of a prefilled database, so each run starts from the same state."""
    if db_url is None:
        path = workdir / f"{name}.db"
        src = Path(make_url(source).database)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.write_bytes(src.read_bytes())
        return f"sqlite:///{path}"
    server = make_url(db_url)
    database = f"claimtrack_bench_import_{name}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{database}" TEMPLATE "{make_url(source).database}"'))
    admin.dispose()
    return server.set(database=database).render_as_string(hide_password=False)


def seed_article(url: str) -> None:
    """One small article of our own, so a reviewer has a claim to work on from the start."""
    from claimtrack.ingest import read_bytes
    from claimtrack.ingest.prepare import prepare

    Actor = service("accounts.actors").Actor
    import_article = service("articles.importing").import_article

    text = (
        "Harbour board approves new ferry pier\n\nThe harbour board said on Tuesday that the new "
        "pier would cost about 4 million dollars and open next spring, according to its chair.\n"
    )
    (item,) = read_bytes(text.encode(), where="seed.txt", suffix=".txt")
    with session_scope(make_engine(url)) as s:
        import_article(s, Actor.system("bench"), prepare(item.article, max_body_chars=100_000))


def drop_database(url: str) -> None:
    if url.startswith("sqlite"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{make_url(url).database}{suffix}").unlink(missing_ok=True)
        return
    name = make_url(url).database
    admin = sa.create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# --- child processes ------------------------------------------------------------------------


def child(mode: str, url: str, feed: str, workers: int) -> None:
    """Run one import (or extraction alone) and print its figures as JSON."""
    Actor = service("accounts.actors").Actor
    bulk_import = service("articles.bulk_import")

    items = bulk_import.iter_items([Path(feed)])
    start = resource.getrusage(resource.RUSAGE_SELF)
    cpu0 = start.ru_utime + start.ru_stime  # the start-up (imports) is not the import's work
    t0 = time.perf_counter()
    articles = claims = errors = 0
    if mode == "extract":
        extract = getattr(bulk_import, "extracted", None)
        run = (
            extract(items, max_body_chars=2_000_000, workers=workers)
            if extract
            else bulk_import._prepared(items, 2_000_000, workers)
        )  # the code before the split
        for _, prepared in run:
            if isinstance(prepared, str):
                errors += 1
            else:
                articles += 1
                claims += len(prepared.result.claims)
    else:
        for report in bulk_import.import_items(
            make_engine(url), Actor.system("bench"), items, max_body_chars=2_000_000, workers=workers
        ):
            errors += report.error is not None
            articles += report.error is None and not report.duplicate
            claims += report.claims
    seconds = time.perf_counter() - t0
    own, workers_cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": own.ru_utime + own.ru_stime - cpu0,
                "workers_cpu": workers_cpu.ru_utime + workers_cpu.ru_stime,
                "articles": articles,
                "claims": claims,
                "errors": errors,
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def run_child(mode: str, url: str, feed: Path, workers: int, code: Path | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(code or REPO), "CLAIMTRACK_BENCH_CODE": str(code or REPO)}
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, url, str(feed), str(workers)],  # nosec B603
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the desk -------------------------------------------------------------------------------


class Reviewer:
    """A reviewer saving a verdict draft over and over, each save in its own transaction."""

    def __init__(self, url: str) -> None:
        from claimtrack.models import Claim

        Actor = service("accounts.actors").Actor
        create_user = service("accounts.users").create_user

        self.engine = make_engine(url)
        with session_scope(self.engine) as s:
            user = create_user(
                s, Actor.system("bench"), "bench-reviewer", "correct horse battery staple", role="reviewer"
            )
            self.actor = Actor.of(user)
            self.claim_id = s.exec(sa.select(Claim.id).order_by(Claim.id).limit(1)).scalar()
        self.verdict: tuple[int | None, int | None] = (None, None)
        self.saves = 0

    def save(self) -> float:
        from claimtrack.ratings import load_scale

        verdicts = service("review.verdicts")

        self.saves += 1
        data = verdicts.VerdictInput(rating=load_scale().keys()[0], summary=f"Draft number {self.saves}.")
        t0 = time.perf_counter()
        with session_scope(self.engine) as s:
            row = verdicts.save_draft(
                s, self.actor, self.claim_id, data, verdict_id=self.verdict[0], version=self.verdict[1], config={}
            )
            self.verdict = (row.id, row.version)
        return time.perf_counter() - t0

    def measure(
        self, seconds: float | None = None, until: threading.Event | None = None, pause: float = 0.05
    ) -> list[float]:
        times, end = [], time.perf_counter() + (seconds or 0)
        while (until is not None and not until.is_set()) or (until is None and time.perf_counter() < end):
            times.append(self.save())
            time.sleep(pause)
        return times


def p95_ms(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def import_with_reviewer(url: str, feed: Path, workers: int, code: Path | None = None) -> tuple[dict, list[float]]:
    seed_article(url)
    reviewer = Reviewer(url)
    done, result = threading.Event(), {}

    def run() -> None:
        try:
            result.update(run_child("import", url, feed, workers, code))
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(2.0)  # past the child's start-up: measure while it stores
    saves = reviewer.measure(until=done)
    thread.join()
    reviewer.engine.dispose()
    return result, saves


# --- the benchmark ---------------------------------------------------------------------------


def rate(run: dict, size: int) -> tuple[float, float, float, float, float]:
    """KB/s, articles/s, claims/s, and CPU milliseconds per article of the importing
    process and of its workers: on a shared machine the CPU figures move far less with
    the load than the rates do."""
    s, n = run["seconds"], max(1, run["articles"])
    return size / 1024 / s, run["articles"] / s, run["claims"] / s, 1000 * run["cpu"] / n, 1000 * run["workers_cpu"] / n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", default="300", help="comma-separated feed sizes (default 300)")
    parser.add_argument("--prefill", type=int, default=20_000, help="claims already stored (default 20,000)")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--db-url", default=None, help="a PostgreSQL server URL (default: SQLite files)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "claimtrack-bench-import")
    parser.add_argument("--full", action="store_true", help="2,000 and 20,000 articles, 100,000 claims, --rss")
    parser.add_argument("--rss", action="store_true", help="peak RSS for 10,000 vs 100,000 articles")
    parser.add_argument("--rss-sizes", default="10000,100000", help="the two feed sizes of --rss")
    parser.add_argument(
        "--before",
        type=Path,
        default=None,
        help="a checkout of the previous code: its imports are run and printed alongside",
    )
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, url, feed, workers = args.child
        child(mode, url, feed, int(workers))
        return
    if args.full:
        args.articles, args.prefill, args.rss = "2000,20000", 100_000, True
    sizes = [int(n) for n in args.articles.split(",")]
    workers = [int(n) for n in args.workers.split(",")]
    args.workdir.mkdir(parents=True, exist_ok=True)
    backend = "postgresql" if args.db_url else "sqlite"
    print(f"backend {backend}, {os.cpu_count()} cores, workers {workers}, prefill {args.prefill:,} claims")

    base = fresh_database("prefilled", args.db_url, args.workdir) if args.prefill else None
    stories = prefill(base, args.prefill, args.workdir) if base else None
    rows, saves_during = [], []
    for size in sizes:
        feeds = {"empty": args.workdir / f"feed-{size}.jsonl"}
        nbytes = {"empty": write_feed(feeds["empty"], size, stories=None, seed=7)}
        if base:
            feeds["prefilled"] = args.workdir / f"feed-{size}-prefilled.jsonl"
            nbytes["prefilled"] = write_feed(feeds["prefilled"], size, stories=stories, seed=11)
        for n in workers:
            run = run_child("extract", "", feeds["empty"], n)
            rows.append((f"extraction only, {size:,} articles", n, *rate(run, nbytes["empty"]), None))
        for target, feed in feeds.items():
            for code, tag in ((args.before, " (before)"), (None, "")):
                if tag and code is None:
                    continue
                for n in workers:
                    url = (
                        fresh_database("empty", args.db_url, args.workdir)
                        if target == "empty"
                        else copy_database(base, "run", args.db_url, args.workdir)
                    )
                    run, saves = import_with_reviewer(url, feed, n, code)
                    if not tag:
                        saves_during += saves
                    rows.append(
                        (
                            f"import into {target} db, {size:,} articles{tag}",
                            n,
                            *rate(run, nbytes[target]),
                            p95_ms(saves),
                        )
                    )
                    drop_database(url)

    idle_url = (
        copy_database(base, "idle", args.db_url, args.workdir)
        if base
        else fresh_database("idle", args.db_url, args.workdir)
    )
    seed_article(idle_url)
    reviewer = Reviewer(idle_url)
    saves_idle = reviewer.measure(seconds=10)
    reviewer.engine.dispose()
    drop_database(idle_url)

    print(f"\nload average {os.getloadavg()[0]:.1f} (figures from a loaded machine are not comparable)")
    print(
        f"\n{'run':<44}{'workers':>8}{'KB/s':>10}{'articles/s':>12}{'claims/s':>11}"
        f"{'parent CPU ms/art':>19}{'workers CPU ms/art':>20}{'save p95 ms':>13}"
    )
    for label, n, kbs, aps, cps, cpu, wcpu, p95 in rows:
        shown = f"{p95:>13.0f}" if p95 is not None else f"{'':>13}"
        print(f"{label:<44}{n:>8}{kbs:>10.1f}{aps:>12.1f}{cps:>11.0f}{cpu:>19.1f}{wcpu:>20.1f}{shown}")
    print("\nscaling, most vs fewest workers (articles/s):")
    scalings = []
    for label in dict.fromkeys(r[0] for r in rows):
        by_workers = {r[1]: r[3] for r in rows if r[0] == label}
        if len(by_workers) > 1:
            ratio = by_workers[max(by_workers)] / by_workers[min(by_workers)]
            if label.startswith("import") and not label.endswith("(before)"):
                scalings.append(ratio)
            print(f"  {label:<44}{ratio:>6.2f}x")
    print(
        f"\nverdict save p95: {p95_ms(saves_idle):.0f} ms with no import ({len(saves_idle)} saves), "
        f"{p95_ms(saves_during):.0f} ms during imports ({len(saves_during)} saves)"
    )

    rss = None
    if args.rss:
        rss = {}
        small, large = (int(n) for n in args.rss_sizes.split(","))
        for size in (small, large):
            feed = args.workdir / f"feed-rss-{size}.jsonl"
            write_feed(feed, size, stories=None, seed=13)
            url = fresh_database(f"rss{size}", args.db_url, args.workdir)
            rss[size] = run_child("import", url, feed, max(workers))["rss_mb"]
            drop_database(url)
            feed.unlink()
        print(
            f"peak RSS of the importing process: {rss[small]:.0f} MB for {small:,} articles, "
            f"{rss[large]:.0f} MB for {large:,} ({rss[large] / rss[small]:.2f}x)"
        )

    best = max(r[2] for r in rows if r[0].startswith("import") and not r[0].endswith("(before)"))
    print("\ntargets:")
    print(f"  end to end >= {TARGET_KBS:.0f} KB/s: best {best:.1f} KB/s {'met' if best >= TARGET_KBS else 'NOT met'}")
    if scalings:
        print(
            f"  scaling >= {TARGET_SCALING}x: {', '.join(f'{s:.2f}x' for s in scalings)} "
            f"{'met' if min(scalings) >= TARGET_SCALING else 'NOT met'}"
        )
    during = p95_ms(saves_during)
    print(
        f"  save p95 during import <= {TARGET_SAVE_P95_MS:.0f} ms: {during:.0f} ms "
        f"{'met' if during <= TARGET_SAVE_P95_MS else 'NOT met'}"
    )
    if rss:
        ratio = rss[large] / rss[small]
        print(
            f"  parent RSS flat (<= {TARGET_RSS_RATIO:.2f}x): {ratio:.2f}x "
            f"{'met' if ratio <= TARGET_RSS_RATIO else 'NOT met'}"
        )
    if base:
        drop_database(base)


if __name__ == "__main__":
    main()
