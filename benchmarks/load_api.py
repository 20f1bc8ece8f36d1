"""Replay an integration's load against `claimtrack serve` on loopback.

    .venv/bin/python benchmarks/load_api.py [--clients 6] [--seconds 15] [--workers 1] [--db-url URL]

Builds a fresh database (a SQLite file in a temporary folder, or with `--db-url
postgresql+psycopg://user@host:port/postgres` a new database on that server, dropped
afterwards), migrates it, imports fixtures/articles, creates one user and token per
client, then serves it with waitress on 127.0.0.1 and runs two phases, each from
several client processes holding keep-alive connections:

1. claim reads: GET /claims/{id} (80%) and GET /claims?limit=50 (20%);
2. integration mix: article imports (10%), claim reads (70%) and verdict writes (20%:
   read the claim, then save its draft quoting the open verdict's version). Each client
   writes verdicts on its own claims, as desks split work, so no write is stale.

Prints requests/s, p50/p95/p99 latency and error counts per phase and request kind, and
the server's CPU time per request (all its processes, from /proc): on a machine shared
with other work that figure moves far less than requests/s.
The per-token rate limit is raised for the run: it is measured, not tripped.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import multiprocessing
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLI = [str(Path(sys.executable).parent / "claimtrack")]
ARTICLES = REPO / "fixtures" / "articles"


def run_cli(env: dict, *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(CLI + list(args), env=env, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"claimtrack {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("the server did not start")


class Client:
    """One keep-alive HTTP connection with a token."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None, float]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Authorization": f"Bearer {self.token}"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        started = time.perf_counter()
        try:
            self.conn.request(method, "/api/v1" + path, body=data, headers=headers)
            response = self.conn.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            return 0, None, time.perf_counter() - started
        elapsed = time.perf_counter() - started
        parsed = (
            json.loads(raw) if raw and response.getheader("Content-Type", "").startswith("application/json") else None
        )
        return response.status, parsed, elapsed


def article_body(rng: random.Random, texts: list[str], n: int) -> dict:
    """A new article each time: fixture paragraphs shuffled, with a unique marker."""
    paragraphs = [p for p in rng.choice(texts).split("\n\n")[1:] if p.strip()]
    rng.shuffle(paragraphs)
    marker = f"Update {n}: officials said {rng.randint(2, 900)} people attended on day {rng.randint(1, 28)}."
    return {
        "title": f"Load test article {uuid.uuid4().hex[:8]}",
        "body": "\n\n".join(paragraphs + [marker]),
        "outlet": rng.choice(["Harbour Post", "Wire Service", "Evening Courier"]),
    }


def client_loop(args: tuple) -> dict:
    phase, index, port, token, claim_ids, own_claims, seconds, seed = args
    rng = random.Random(seed)
    client = Client(port, token)
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    samples: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    end = time.monotonic() + seconds
    n = 0

    def record(kind: str, status: int, elapsed: float, ok: tuple[int, ...] = (200,)) -> None:
        samples[kind].append(elapsed)
        if status not in ok:
            errors[kind][status] += 1

    while time.monotonic() < end:
        n += 1
        roll = rng.random()
        if phase == "reads" or roll < 0.7:
            if phase == "reads" and roll < 0.2:
                status, _, elapsed = client.request("GET", "/claims?limit=50")
                record("list claims", status, elapsed)
            else:
                status, _, elapsed = client.request("GET", f"/claims/{rng.choice(claim_ids)}")
                record("read claim", status, elapsed)
        elif roll < 0.8:
            status, _, elapsed = client.request("POST", "/articles", article_body(rng, texts, n * 100 + index))
            record("import article", status, elapsed, ok=(200, 201))
        else:
            claim_id = rng.choice(own_claims)
            status, claim, elapsed = client.request("GET", f"/claims/{claim_id}")
            record("read claim", status, elapsed)
            if status != 200:
                continue
            seen = claim["open_verdict"]
            body = {
                "rating": rng.choice(["false", "true", "misleading"]),
                "summary": f"Summary {n}.",
                "rationale": "Checked against the record.",
                "version": seen["version"] if seen else None,
            }
            status, _, elapsed = client.request("POST", f"/claims/{claim_id}/verdicts", body)
            record("write verdict", status, elapsed, ok=(200, 201))
    return {"samples": dict(samples), "errors": {k: dict(v) for k, v in errors.items()}}


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its children so far (Linux /proc), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    children = (
        [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        if Path(f"/proc/{pid}/task/{pid}/children").exists()
        else []
    )
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return own + sum(cpu_seconds(c) or 0.0 for c in children)


def report(phase: str, results: list[dict], seconds: float, server_cpu: float | None = None) -> None:
    merged: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for result in results:
        for kind, values in result["samples"].items():
            merged[kind] += values
        for kind, counts in result["errors"].items():
            for status, count in counts.items():
                errors[kind][int(status)] += count
    total = sum(len(v) for v in merged.values())
    total_errors = sum(sum(c.values()) for c in errors.values())
    print(f"\n{phase}: {total} requests in {seconds:.0f} s = {total / seconds:.0f} requests/s, {total_errors} errors")
    if server_cpu is not None and total:
        print(
            f"  server CPU: {server_cpu * 1000 / total:.2f} ms per request, "
            f"{server_cpu / seconds:.2f} cores busy; load average {os.getloadavg()[0]:.2f}"
        )
    print(f"  {'kind':<16}{'count':>8}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  errors")
    for kind, values in sorted(merged.items()):
        ms = [v * 1000 for v in values]
        print(
            f"  {kind:<16}{len(ms):>8}{len(ms) / seconds:>8.0f}{percentile(ms, 50):>9.1f}"
            f"{percentile(ms, 95):>9.1f}{percentile(ms, 99):>9.1f}  {dict(errors.get(kind, {})) or 0}"
        )


def fresh_database(db_url: str | None, folder: Path) -> tuple[str, object]:
    """The database URL to use, and a function that removes it afterwards."""
    if not db_url:
        return f"sqlite:///{folder / 'claimtrack.db'}", lambda: None
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    server = make_url(db_url)
    name = f"ct_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the server under test, the same for every load benchmark."""
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads per server process")
    parser.add_argument("--workers", type=int, default=1, help="server processes (`claimtrack serve --workers`)")
    parser.add_argument("--server-log", help="also write the server's log (tracebacks of any 500) to this file")
    parser.add_argument("--db-url", help="PostgreSQL server URL; a fresh database is created on it")


@contextlib.contextmanager
def fresh_instance(db_url: str | None, prefix: str, **settings: str) -> Iterator[tuple[dict, Path]]:
    """A migrated database with the fixture articles imported, in a temporary instance
    folder; yields the environment for `claimtrack` commands and the folder, and removes
    both afterwards. ``settings`` become CLAIMTRACK_* variables."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    url, drop = fresh_database(db_url, folder)
    env = {
        **os.environ,
        "CLAIMTRACK_DATABASE_URL": url,
        "CLAIMTRACK_INSTANCE_PATH": str(folder / "instance"),
        "CLAIMTRACK_PUBLIC_BASE_URL": "https://factcheck.example.org",
        **{f"CLAIMTRACK_{key}": value for key, value in settings.items()},
    }
    try:
        run_cli(env, "db", "upgrade")
        run_cli(env, "import", str(ARTICLES))
        yield env, folder
    finally:
        drop()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def running_server(env: dict, threads: int, workers: int, log) -> Iterator[tuple[int, subprocess.Popen]]:
    """`claimtrack serve` on a free loopback port; yields the port and the process."""
    port = free_port()
    server = subprocess.Popen(
        CLI + ["serve", "--port", str(port), "--threads", str(threads), "--workers", str(workers)],
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        wait_for_port(port)
        yield port, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=6, help="concurrent client processes")
    parser.add_argument("--seconds", type=float, default=15, help="length of each phase")
    add_server_arguments(parser)
    args = parser.parse_args()

    with (
        fresh_instance(args.db_url, "claimtrack-load-", API_RATE_LIMIT="1000000") as (env, _),
        open(args.server_log or os.devnull, "w") as log,
    ):
        tokens = []
        for i in range(args.clients):
            run_cli(
                env,
                "users",
                "create",
                f"desk{i}",
                "--role",
                "reviewer",
                "--password-stdin",
                stdin="load test password 12345\n",
            )
            tokens.append(json.loads(run_cli(env, "tokens", "create", f"desk{i}", "--format", "json"))["token"])
        with running_server(env, args.threads, args.workers, log) as (port, server):
            run_phases(args, port, server, tokens)


def run_phases(args: argparse.Namespace, port: int, server: subprocess.Popen, tokens: list[str]) -> None:
    """Both phases against the running server, each reported as it ends."""
    probe = Client(port, tokens[0])
    claim_ids, url = [], "/claims?limit=200"
    while url:
        status, page, _ = probe.request("GET", url)
        if status != 200:
            sys.exit(f"listing claims failed with {status}")
        claim_ids += [c["id"] for c in page["items"]]
        url = page["next"] and page["next"].removeprefix("/api/v1")
    backend = "PostgreSQL" if args.db_url else "SQLite"
    print(
        f"{backend}: {len(claim_ids)} claims, {args.clients} clients, {args.workers} server process(es) x "
        f"{args.threads} threads, {os.cpu_count()} cores"
    )
    for phase in ("reads", "mix"):
        jobs = [
            (phase, i, port, tokens[i], claim_ids, claim_ids[i :: args.clients], args.seconds, 1000 * i + 7)
            for i in range(args.clients)
        ]
        cpu_before = cpu_seconds(server.pid)
        started = time.monotonic()
        with multiprocessing.Pool(args.clients) as pool:
            results = pool.map(client_loop, jobs)
        elapsed = time.monotonic() - started
        cpu_after = cpu_seconds(server.pid)
        server_cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
        report("claim reads" if phase == "reads" else "integration mix", results, elapsed, server_cpu)


if __name__ == "__main__":
    main()
