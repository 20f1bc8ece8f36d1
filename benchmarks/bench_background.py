"""Web request latency with and without a large import running in the background.

    .venv/bin/python benchmarks/bench_background.py [--articles 10000] [--seconds 30] [--worker-nice 0]

Builds a fresh instance (SQLite in a temporary folder, fixture articles imported),
serves it with `claimtrack serve` on 127.0.0.1, and measures one desk's requests
(GET /api/v1/claims?limit=50 and GET /api/v1/claims/{id}, one after another, as a
person's browser sends them) for `--seconds`: first with nothing else running, then
while `claimtrack worker` runs an import job of `--articles` generated articles (a
JSON Lines upload, queued exactly as the import page queues it). Prints p50/p95 of
both phases side by side, their ratio, and how far the import got. The target is a
background p95 within 10% of the quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from load_api import CLI, Client, fresh_instance, run_cli, running_server  # noqa: E402

PEOPLE = ["Mara Ellison", "Tomas Brandt", "Ines Moreau", "Kofi Mensah", "Lena Novak", "Ravi Patel", "Ada Okafor"]
TOPICS = ["ferry fares", "school places", "clinic waits", "bus journeys", "housing starts", "water bills"]


def jsonl(n: int) -> bytes:
    rng = random.Random(7)
    lines = []
    for i in range(n):
        person, topic = rng.choice(PEOPLE), rng.choice(TOPICS)
        body = (
            f"{person} said on Tuesday that {topic} in district {i} had risen by {rng.randint(2, 60)} percent. "
            f"The council counted {rng.randint(50, 900)} complaints in district {i} this year, {person} said. "
            f"Residents said the change cost about {rng.randint(5, 80)} pounds a month."
        )
        lines.append(
            json.dumps(
                {
                    "title": f"{topic.capitalize()} in district {i}",
                    "outlet": f"Herald {i % 9}",
                    "published": "2026-11-30",
                    "body": body,
                }
            )
        )
    return "\n".join(lines).encode()


def measure(client: Client, ids: list[int], seconds: float) -> list[float]:
    rng = random.Random(3)
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        path = "/claims?limit=50" if rng.random() < 0.3 else f"/claims/{rng.choice(ids)}"
        status, _, elapsed = client.request("GET", path)
        if status == 200:
            times.append(elapsed)
        time.sleep(0.05)  # a person, not a load generator
    return times


def submit_import(env: dict, data: bytes) -> int:
    os.environ.update(env)
    from claimtrack import create_app
    from claimtrack.jobs.queue import job_queue
    from claimtrack.services.accounts.actors import Actor
    from claimtrack.services.monitoring.batches import batch_params

    app = create_app()
    actor = Actor.system("bench")
    key, params = batch_params(actor, "bench.jsonl", data)
    return job_queue(app).submit(actor, "import", key, params)


def job_state(client: Client, job_id: int) -> dict:
    _, doc, _ = client.request("GET", f"/jobs/{job_id}")
    return doc or {}


def summary(times: list[float]) -> tuple[float, float]:
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
    return statistics.median(times) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--worker-nice", type=int, default=0, help="nice level of the worker process")
    args = parser.parse_args()
    with fresh_instance(None, "claimtrack-bg-", API_RATE_LIMIT="1000000") as (env, folder):
        env["CLAIMTRACK_JOBS_SQLITE_PATH"] = str(folder / "jobs.sqlite3")
        run_cli(
            env, "users", "create", "desk", "--role", "reviewer", "--password-stdin", stdin="load test password 12345\n"
        )
        token = json.loads(run_cli(env, "tokens", "create", "desk", "--format", "json"))["token"]
        with open(os.devnull, "w") as log, running_server(env, 8, 1, log) as (port, _server):
            client = Client(port, token)
            _, page, _ = client.request("GET", "/claims?limit=200")
            ids = [c["id"] for c in page["items"]]
            quiet = measure(client, ids, args.seconds)
            job_id = submit_import(env, jsonl(args.articles))
            worker = subprocess.Popen(
                ["nice", "-n", str(args.worker_nice)] + CLI + ["worker", "--workers", "1"],
                env=env,
                stdout=log,
                stderr=log,
            )
            try:
                # Measure once the import is under way (the worker and its extraction
                # processes have started and the first articles are stored).
                deadline = time.monotonic() + 300
                while (job_state(client, job_id).get("done") or 0) < 1 and time.monotonic() < deadline:
                    time.sleep(1)
                started = job_state(client, job_id).get("done")
                busy = measure(client, ids, args.seconds)
                state = job_state(client, job_id)
            finally:
                worker.terminate()
                worker.wait(timeout=30)
    q50, q95 = summary(quiet)
    b50, b95 = summary(busy)
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; worker under `nice -n {args.worker_nice}`, "
        f"plus its own CLAIMTRACK_JOBS_NICE ({env.get('CLAIMTRACK_JOBS_NICE', '10 by default')}) and "
        f"CLAIMTRACK_JOBS_IDLE_PRIORITY ({env.get('CLAIMTRACK_JOBS_IDLE_PRIORITY', 'true by default')})"
    )
    print(f"quiet:                 p50 {q50:7.1f} ms   p95 {q95:7.1f} ms   ({len(quiet)} requests)")
    print(
        f"import in background:  p50 {b50:7.1f} ms   p95 {b95:7.1f} ms   ({len(busy)} requests)  "
        f"p95 ratio {b95 / q95:.2f} (target <= 1.10)"
    )
    print(
        f"the import job meanwhile: {state.get('state')}, from {started} to {state.get('done')} of "
        f"{state.get('total')} articles"
    )


if __name__ == "__main__":
    main()
