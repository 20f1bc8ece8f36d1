"""Webhook delivery end to end against a receiver on loopback.

    .venv/bin/python benchmarks/bench_webhooks.py [--events 1000] [--rate 50] [--workers 4]

A receiver on 127.0.0.4 (the only address allow-listed) answers 500 to the first two
tries of every tenth event, 204 otherwise. Events are emitted through the service
(`events.emit` in a committed transaction, as publishing does) at --rate per second; a
Huey consumer (SQLite queue, as `claimtrack worker`) delivers them. Printed, side by side:

- claimtrack: p50/p95 seconds from the commit to the first attempt and to the delivery,
  events delivered, and events the receiver accepted more than once (by webhook-id);
- naive: the POST made inline where the event happens, once, without retries (what a
  tool without a queue does): the same timings, the events lost, and how long the
  writer was held up.

The retry schedule is shortened to 1, 2, 4 s here so the run ends in a minute; the
default begins at 10 s. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claimtrack import create_app, migrate  # noqa: E402
from claimtrack.database import make_engine, session_scope  # noqa: E402
from claimtrack.jobs.queue import job_queue  # noqa: E402
from claimtrack.jobs.webhooks import url_policy  # noqa: E402
from claimtrack.services.accounts.actors import Actor  # noqa: E402
from claimtrack.services.webhooks import events  # noqa: E402
from claimtrack.services.webhooks.subscriptions import SubscriptionForm, add_subscription  # noqa: E402

HOST = "127.0.0.4"


class Receiver:
    def __init__(self) -> None:
        self.first: dict[int, float] = {}
        self.accepted: dict[int, float] = {}
        self.tries: dict[str, int] = defaultdict(int)
        self.accepted_by_id: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        me = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                now = time.monotonic()
                n = json.loads(body)["data"]["n"]
                msg = self.headers.get("webhook-id") or f"naive-{n}"
                with me.lock:
                    me.first.setdefault(n, now)
                    me.tries[msg] += 1
                    fail = n % 10 == 0 and me.tries[msg] <= 2
                    if not fail:
                        me.accepted_by_id[msg] += 1
                        me.accepted.setdefault(n, now)
                self.send_response(500 if fail else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://{HOST}:{self.server.server_address[1]}/hook"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run_claimtrack(folder: Path, n_events: int, rate: float, workers: int) -> dict:
    url = f"sqlite:///{folder / 'bench.db'}"
    migrate.upgrade(url)
    app = create_app(
        {
            "DATABASE_URL": url,
            "INSTANCE_PATH": str(folder / "instance"),
            "FETCH_ALLOW_NETWORKS": f"{HOST}/32",
            "WEBHOOKS_RETRY_SCHEDULE": "1,2,4",
            "PUBLIC_BASE_URL": "https://factcheck.example.org",
        }
    )
    engine = make_engine(url)
    receiver = Receiver()
    with session_scope(engine) as s:
        add_subscription(
            s, Actor.system("bench"), SubscriptionForm(url=receiver.url, events=["article.imported"]), url_policy(app)
        )
    queue = job_queue(app)
    consumer = queue.huey.create_consumer(
        workers=workers, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.5
    )
    consumer.start()
    emitted: dict[int, float] = {}
    start = time.monotonic()
    for n in range(n_events):
        due = start + n / rate
        if (wait := due - time.monotonic()) > 0:
            time.sleep(wait)
        with session_scope(engine) as s:
            events.emit(s, "article.imported", {"n": n, "article_id": n + 1, "claims": 3})
        emitted[n] = time.monotonic()
    deadline = time.monotonic() + 120
    while len(receiver.accepted) < n_events and time.monotonic() < deadline:
        time.sleep(0.2)
    consumer.stop(graceful=True)
    receiver.close()
    return _figures(receiver, emitted, n_events, writer_held=None)


def run_naive(n_events: int, rate: float) -> dict:
    receiver = Receiver()
    emitted: dict[int, float] = {}
    held = []
    start = time.monotonic()
    for n in range(n_events):
        due = start + n / rate
        if (wait := due - time.monotonic()) > 0:
            time.sleep(wait)
        emitted[n] = time.monotonic()
        body = json.dumps({"type": "article.imported", "data": {"n": n}}).encode()
        request = urllib.request.Request(receiver.url, data=body, headers={"Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=10).close()
        except urllib.error.HTTPError:
            pass  # sent once, never retried
        held.append(time.monotonic() - emitted[n])
    receiver.close()
    return _figures(receiver, emitted, n_events, writer_held=held)


def _figures(receiver: Receiver, emitted: dict[int, float], n_events: int, writer_held: list | None) -> dict:
    first = [receiver.first[n] - emitted[n] for n in receiver.first if n in emitted]
    done = [receiver.accepted[n] - emitted[n] for n in receiver.accepted if n in emitted]
    return {
        "first_p50": pct(first, 0.5),
        "first_p95": pct(first, 0.95),
        "done_p50": pct(done, 0.5),
        "done_p95": pct(done, 0.95),
        "delivered": len(receiver.accepted),
        "lost": n_events - len(receiver.accepted),
        "twice": sum(1 for c in receiver.accepted_by_id.values() if c > 1),
        "held_p95": pct(writer_held, 0.95) if writer_held else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--rate", type=float, default=50.0, help="events emitted per second")
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ours = run_claimtrack(Path(tmp), args.events, args.rate, args.workers)
    naive = run_naive(args.events, args.rate)
    print(f"{args.events} events at {args.rate:g}/s; every tenth answered 500 twice before 204\n")
    print(f"{'':34}{'claimtrack (queue)':>20}{'naive (inline, once)':>22}")
    rows = [
        ("event -> first attempt p50 (s)", "first_p50"),
        ("event -> first attempt p95 (s)", "first_p95"),
        ("event -> delivered p50 (s)", "done_p50"),
        ("event -> delivered p95 (s)", "done_p95"),
    ]
    for label, key in rows:
        print(f"{label:34}{ours[key]:>20.3f}{naive[key]:>22.3f}")
    print(f"{'delivered':34}{ours['delivered']:>20}{naive['delivered']:>22}")
    print(f"{'lost':34}{ours['lost']:>20}{naive['lost']:>22}")
    print(f"{'accepted twice (by webhook-id)':34}{ours['twice']:>20}{'-':>22}")
    print(f"{'writer held up p95 (s)':34}{'0 (queued at commit)':>20}{naive['held_p95']:>22.4f}")
    print("\ntarget: p95 event -> first attempt <= 5 s; every event delivered, none twice")


if __name__ == "__main__":
    main()
