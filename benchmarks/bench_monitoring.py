"""Feed monitoring end to end against a farm of feeds and article pages on loopback.

    .venv/bin/python benchmarks/bench_monitoring.py [--feeds 300] [--entries 20] [--hosts 30]
        [--host-delay 0.1] [--compare-feeds 40] [--db-url URL]

Local servers on 127.0.0.2, 127.0.0.3, ... (one per host; only those addresses are
allow-listed for the fetch client) serve N RSS feeds of M entries spread over the
hosts, each entry its own article page, written from sentence templates here. Every
request to a host waits its turn and the host delay, as in production. Figures, side by
side with a reference in the same run:

- first poll of every feed in parallel (`fleet.poll_many`: many hosts at once, one
  request at a time per host, the hosts split between one process per core):
  seconds, CPU seconds of all the processes, articles per hour and per day, p95
  seconds from an article's fetch to its claims being in the queue;
- serial against parallel on the first `--compare-feeds` feeds, each on a fresh
  database (the serial loop is what `sources poll --all` did before);
- second poll with nothing changed: the share answered 304 and articles fetched again,
  for claimtrack (conditional GET, known entries skipped) and for a naive poller that
  refetches every feed and every article unconditionally;
- duplicates stored after three polls (0 expected).

The farm and the database live in a temporary folder; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import func  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from claimtrack import migrate  # noqa: E402
from claimtrack.database import make_engine, session_scope  # noqa: E402
from claimtrack.fetch import FetchClient, FetchSettings, parse_networks  # noqa: E402
from claimtrack.models import Article, Claim  # noqa: E402
from claimtrack.services.accounts.actors import Actor  # noqa: E402
from claimtrack.services.monitoring.fleet import poll_many  # noqa: E402
from claimtrack.services.monitoring.polling import poll_source  # noqa: E402
from claimtrack.services.monitoring.sources import SourceForm, add_source  # noqa: E402

ACTOR = Actor.system("bench")

PEOPLE = ["Mara Ellison", "Tomas Brandt", "Ines Moreau", "Kofi Mensah", "Lena Novak", "Ravi Patel"]
TOPICS = ["ferry fares", "school places", "clinic waiting times", "bus journeys", "housing starts", "water bills"]
VERBS = ["risen", "fallen", "grown", "dropped"]


def article(feed: int, entry: int) -> bytes:
    person = PEOPLE[(feed + entry) % len(PEOPLE)]
    topic = TOPICS[(feed * 7 + entry) % len(TOPICS)]
    verb = VERBS[entry % len(VERBS)]
    pct = 3 + (feed * 31 + entry * 17) % 60
    title = f"{topic.capitalize()} {verb} in district {feed}, report {entry}"
    paras = [
        f"Council member {person} said on Tuesday that {topic} had {verb} by {pct} percent in district {feed} since last spring.",
        f"The council's figures showed {100 + entry * 3} complaints in the first half of the year, {person} said.",
        f"Residents of district {feed} told the meeting that the change had cost households about {20 + entry} pounds a month.",
        f"Officials said a review of {topic} would report by the end of the year {2026 + entry % 3}.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!doctype html><html><head><title>{title}</title><meta property="og:site_name" '
        f'content="District Herald {feed % 12}"></head><body><article><h1>{title}</h1>{body}</article>'
        f"</body></html>"
    ).encode()


class Farm:
    def __init__(self, feeds: int, entries: int, hosts: int) -> None:
        self.feeds, self.entries = feeds, entries
        self.hosts = [f"127.0.0.{2 + i}" for i in range(hosts)]
        self.hits = {"feed": 0, "feed_304": 0, "article": 0}
        self.fetched_at: dict[str, float] = {}
        lock = threading.Lock()
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                parts = self.path.strip("/").split("/")
                if parts[0] == "feed":
                    n = int(parts[1])
                    etag = f'"feed-{n}"'
                    if self.headers.get("If-None-Match") == etag:
                        with lock:
                            farm.hits["feed_304"] += 1
                        self._send(304, b"", {"ETag": etag})
                        return
                    with lock:
                        farm.hits["feed"] += 1
                    self._send(200, farm.rss(n), {"ETag": etag, "Content-Type": "application/rss+xml"})
                elif parts[0] == "a":
                    with lock:
                        farm.hits["article"] += 1
                        farm.fetched_at[self.path] = time.time()
                    self._send(200, article(int(parts[1]), int(parts[2])), {"Content-Type": "text/html; charset=utf-8"})
                else:
                    self._send(404, b"", {})

            def _send(self, status: int, body: bytes, headers: dict) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.ports = {}
        for host in self.hosts:
            server = ThreadingHTTPServer((host, 0), Handler)
            server.daemon_threads = True
            self.ports[host] = server.server_address[1]
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def url(self, path: str, feed: int) -> str:
        host = self.hosts[feed % len(self.hosts)]
        return f"http://{host}:{self.ports[host]}{path}"

    def rss(self, n: int) -> bytes:
        items = "".join(
            f"<item><title>Report {e}</title><link>{self.url(f'/a/{n}/{e}', n)}</link>"
            f"<pubDate>Tue, 01 Dec 2026 08:{e % 60:02d}:00 GMT</pubDate></item>"
            for e in range(self.entries)
        )
        return (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>District feed {n}</title>{items}</channel></rss>'
        ).encode()


def naive_poll(client: FetchClient, farm: Farm) -> int:
    """The reference: every feed and every article fetched again, unconditionally."""
    from claimtrack.ingest.feeds import parse_feed

    fetched = 0
    for n in range(farm.feeds):
        feed = parse_feed(client.fetch(farm.url(f"/feed/{n}", n)).body, "feed")
        for item in feed.items:
            client.fetch(item.url)
            fetched += 1
    return fetched


def fresh_db(tmp: str, name: str, db_url: str | None):
    url = db_url if db_url and name == "main" else f"sqlite:///{tmp}/{name}.db"
    migrate.upgrade(url)
    return url, make_engine(url)


def add_sources(engine, farm: Farm, feeds: int) -> list[int]:
    with session_scope(engine) as s:
        return [
            add_source(s, ACTOR, SourceForm(url=farm.url(f"/feed/{n}", n), name=f"feed {n}")).id for n in range(feeds)
        ]


def poll_serial(engine, client: FetchClient, ids: list[int], committed: dict | None = None) -> tuple[float, list]:
    started = time.monotonic()
    reports = []
    for n, sid in enumerate(ids):
        # The progress callback runs once an entry's article is committed with its
        # claims (the entries come in feed order): that is "in the queue".
        def seen(done: int, total: int, n: int = n) -> None:
            if committed is not None:
                committed.setdefault(f"/a/{n}/{done - 1}", time.time())

        reports.append(poll_source(engine, ACTOR, client, sid, max_body_chars=2_000_000, progress=seen))
    return time.monotonic() - started, reports


def poll_parallel(engine, client: FetchClient, ids: list[int], committed: dict | None = None) -> tuple[float, list]:
    started = time.monotonic()
    index = {sid: n for n, sid in enumerate(ids)}

    def seen(sid: int, done: int, total: int) -> None:
        if committed is not None:
            committed.setdefault(f"/a/{index[sid]}/{done - 1}", time.time())

    reports = poll_many(engine, ACTOR, client, ids, max_body_chars=2_000_000, on_entry=seen)
    return time.monotonic() - started, reports


def cpu() -> float:
    """CPU seconds of this process and its ended children (the polling processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def count(engine, table) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(table)).one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--hosts", type=int, default=30, help="Loopback hosts serving the feeds (at most 200).")
    parser.add_argument("--host-delay", type=float, default=0.1, help="Seconds between two requests to one host.")
    parser.add_argument(
        "--compare-feeds",
        type=int,
        default=40,
        help="Feeds polled serially and in parallel on fresh databases (0: skip).",
    )
    parser.add_argument("--db-url", default=None, help="An empty database URL (default: SQLite in a temp folder).")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="ct-bench-monitor-")
    farm = Farm(args.feeds, args.entries, max(1, min(args.hosts, 200)))
    settings = FetchSettings(
        allow_networks=parse_networks([f"{h}/32" for h in farm.hosts]),
        host_delay=args.host_delay,
        obey_robots=False,
        user_agent="claimtrack/bench",
    )
    say(
        f"farm: {args.feeds} feeds x {args.entries} entries = {args.feeds * args.entries} articles on "
        f"{len(farm.hosts)} loopback hosts ({farm.hosts[0]}..{farm.hosts[-1]}), host delay {args.host_delay:g} s"
    )

    if args.compare_feeds:
        n = min(args.compare_feeds, args.feeds)
        _, serial_engine = fresh_db(tmp, "serial", None)
        serial_ids = add_sources(serial_engine, farm, n)
        started = cpu()
        serial_s, _ = poll_serial(serial_engine, FetchClient(settings), serial_ids)
        serial_cpu = cpu() - started
        _, par_engine = fresh_db(tmp, "parallel", None)
        par_ids = add_sources(par_engine, farm, n)
        started = cpu()
        par_s, _ = poll_parallel(par_engine, FetchClient(settings), par_ids)
        par_cpu = cpu() - started
        say(
            f"serial vs parallel, first poll of {n} feeds ({n * args.entries} articles): serial {serial_s:7.1f} s "
            f"(CPU {serial_cpu:.1f} s), parallel {par_s:7.1f} s (CPU {par_cpu:.1f} s, all processes) "
            f"({serial_s / par_s:.1f}x)"
        )

    url, engine = fresh_db(tmp, "main", args.db_url)
    client = FetchClient(settings)
    ids = add_sources(engine, farm, args.feeds)
    committed: dict[str, float] = {}
    before = dict(farm.hits)
    started = cpu()
    first_s, reports = poll_parallel(engine, client, ids, committed)
    first_cpu = cpu() - started
    articles, claims = count(engine, Article), count(engine, Claim)
    # From the server's answer to the article's commit with its claims and links.
    lat = [committed[path] - at for path, at in farm.fetched_at.items() if path in committed]
    hits_first = dict(farm.hits)
    per_hour = articles / first_s * 3600 if first_s else 0
    p95 = statistics.quantiles(lat, n=20)[-1] if len(lat) >= 20 else (max(lat) if lat else 0.0)
    # Each figure is printed as soon as it is measured: the naive poll of a big farm is slow.
    say(
        f"first poll (parallel): {first_s:8.1f} s   {articles} articles, {claims} claims stored "
        f"(database {url.split(':')[0]}), {per_hour:,.0f} articles/hour ({per_hour * 24:,.0f}/day); "
        f"failed entries {sum(r.failed for r in reports)}; feeds fetched {hits_first['feed'] - before['feed']}; "
        f"CPU {first_cpu:.1f} s ({1000 * first_cpu / max(1, articles):.0f} ms per article), load average "
        f"{os.getloadavg()[0]:.1f} at the end"
    )
    say(f"fetch to queue p95: {p95:.2f} s (server answer to commit of the article, claims and links)")
    second_s, _ = poll_parallel(engine, client, ids)
    second_304 = farm.hits["feed_304"] - hits_first["feed_304"]
    refetched = farm.hits["article"] - hits_first["article"]
    say(
        f"second poll: {second_s:8.2f} s   feeds answered 304: {second_304}/{args.feeds} "
        f"({100 * second_304 / args.feeds:.0f}%), articles fetched again: {refetched}"
    )
    third_s, _ = poll_parallel(engine, client, ids)
    say(f"third poll:  {third_s:8.2f} s   duplicates stored after three polls: {count(engine, Article) - articles}")
    naive_started = time.monotonic()
    naive_fetched = naive_poll(client, farm)
    naive_s = time.monotonic() - naive_started
    say(
        f"naive second poll (unconditional, every article):     {naive_s:8.2f} s, feeds answered 304: "
        f"0/{args.feeds} (0%), articles fetched again: {naive_fetched}"
    )


def say(line: str) -> None:
    print(line, flush=True)


if __name__ == "__main__":
    main()
