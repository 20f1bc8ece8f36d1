"""Simulate reviewers working in the web UI against `claimtrack serve` on loopback.

    .venv/bin/python benchmarks/load_reviewers.py [--reviewers 20] [--seconds 30] [--think 0.5]
        [--seed 1] [--ramp 3] [--db-url URL] [--threads 8] [--workers 1] [--server-log FILE]

Builds a fresh database as `load_api.py` does (a SQLite file in a temporary folder, or
with `--db-url postgresql+psycopg://user@host:port/postgres` a new database on that
server, dropped afterwards), imports fixtures/articles, creates one reviewer account
per simulated reviewer through the CLI and serves it with `claimtrack serve`.

Each reviewer is a browser over real HTTP: one keep-alive connection, its own cookies,
the CSRF token parsed from the pages, and the headers htmx sends (`HX-Request`,
`HX-Target`, `X-CSRFToken`) wherever the UI uses htmx. It logs in, then repeats:
filter or page the queue (htmx swaps of #queue-results), open an article (full page)
or a claim from the queue, open claim panels (htmx swaps of #claim-panel), add a
source and save a verdict draft quoting the version its form showed; after each
successful write it reloads the article body, as the page does on `claims-changed`.
Reviewers pick from the same ranked queue, so two of them sometimes save one claim's
draft from the same version: the loser's 409 is the optimistic lock working and is
counted apart from errors.

Between actions each reviewer pauses for a random think time (exponential, mean
`--think` seconds; 0 makes it a stress test); requests that follow a click at once
(the redirect after log-in, the article refresh after a write) do not pause. Everyone
logs in before the timed run; their first clicks then spread over `--ramp` seconds, so
the figures show a working desk rather than 20 simultaneous first page loads. Every
choice comes from a generator seeded with `--seed` and the reviewer's number.

Prints requests/s, p50/p95/p99 latency per request kind and overall, 409 conflicts,
error counts by status, server CPU per request, and every "database is locked" seen
in a response body or the server's log.
"""

from __future__ import annotations

import argparse
import html
import http.client
import multiprocessing
import os
import random
import re
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_api import add_server_arguments, cpu_seconds, fresh_instance, percentile, run_cli, running_server

PASSWORD = "reviewer load password 12345"
LOCKED = "database is locked"
LOGIN_KINDS = ("login form", "log in", "queue after log-in")
LOGIN_ALLOWANCE = 0.4  # seconds of log-in per reviewer and client process before the run starts
SEARCH_TERMS = ["president", "percent", "million", "troops", "said", "tax", "government", "people", "war", "year"]
STATUS_FILTERS = ["", "", "", "unreviewed", "in_review"]

CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
QUEUE_CLAIMS = re.compile(r'class="queue-claim" href="/claims/(\d+)"')
PAGE_LINK = re.compile(r'href="(/\?[^"]*page=\d+[^"]*)"')
ARTICLE_LINK = re.compile(r'href="/articles/(\d+)"')
MARKS = re.compile(r'class="claim-mark[^"]*"[^>]*data-claim-id="(\d+)"')
PANEL_NAV = re.compile(r'data-claim-nav="(?:prev|next)" href="/claims/(\d+)"')
OUTLET_SELECT = re.compile(r'<select id="f-outlet" name="outlet">(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')
VERDICT_FORM = re.compile(r'<form class="verdict-form".*?</form>', re.S)
HIDDEN = re.compile(r'name="(verdict_id|verdict_version)" value="(\d*)"')


class Browser:
    """One reviewer's browser: a keep-alive connection, a cookie jar and a CSRF token."""

    def __init__(self, port: int, results: Results) -> None:
        self.port, self.results = port, results
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.url = "/"

    def request(
        self,
        kind: str,
        method: str,
        path: str,
        *,
        form: dict | None = None,
        target: str | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> tuple[int, dict, str]:
        """Send one request as the page would and record it under `kind`."""
        headers = {"Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if target is not None:
            headers.update({"HX-Request": "true", "HX-Target": target, "HX-Current-URL": f"http://127.0.0.1{self.url}"})
            if method != "GET":
                headers["X-CSRFToken"] = self.csrf
        data = None
        if form is not None:
            data = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            body = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.results.record(kind, 0, time.perf_counter() - started, ok, "")
            return 0, {}, ""
        elapsed = time.perf_counter() - started
        for value in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        found = CSRF_META.search(body) or CSRF_FIELD.search(body)
        if found:
            self.csrf = html.unescape(found.group(1))
        self.results.record(kind, response.status, elapsed, ok, body)
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


class Results:
    """Latency samples, conflicts and errors per request kind (shared by a process's threads)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.conflicts: dict[str, int] = defaultdict(int)
        self.locked = 0
        self.late = 0  # reviewers still logging in when the timed run began

    def record(self, kind: str, status: int, elapsed: float, ok: tuple[int, ...], body: str) -> None:
        with self.lock:
            self.samples[kind].append(elapsed)
            if status == 409 and 409 not in ok:
                self.conflicts[kind] += 1
            elif status not in ok:
                self.errors[kind][status] += 1
            if LOCKED in body:
                self.locked += 1

    def as_dict(self) -> dict:
        return {
            "samples": dict(self.samples),
            "errors": {k: dict(v) for k, v in self.errors.items()},
            "conflicts": dict(self.conflicts),
            "locked": self.locked,
            "late": self.late,
        }


class Reviewer:
    def __init__(self, index: int, port: int, seed: int, think: float, results: Results) -> None:
        self.index = index
        self.rng = random.Random(f"{seed}-{index}")
        self.think = think
        self.browser = Browser(port, results)
        self.claims: list[int] = []
        self.outlets: list[str] = []
        self.articles: set[int] = set()
        self.writes = 0

    def pause(self) -> None:
        if self.think > 0:
            time.sleep(min(self.rng.expovariate(1 / self.think), self.think * 5))

    def log_in(self) -> bool:
        b = self.browser
        b.request("login form", "GET", "/login")
        status, headers, _ = b.request(
            "log in",
            "POST",
            "/login",
            ok=(302, 303),
            form={"csrf_token": b.csrf, "username": f"rev{self.index}", "password": PASSWORD},
        )
        if status not in (302, 303):
            return False
        self.open_queue("queue after log-in")
        return bool(b.cookies)

    def open_queue(self, kind: str = "queue page") -> None:
        b = self.browser
        b.url = "/"
        _, _, body = b.request(kind, "GET", "/")
        self.claims = [int(c) for c in QUEUE_CLAIMS.findall(body)] or self.claims
        select = OUTLET_SELECT.search(body)
        self.outlets = OPTION.findall(select.group(1)) if select else []

    def filter_queue(self) -> None:
        """Change a filter or type a search: htmx swaps #queue-results; sometimes page on."""
        b = self.browser
        args = {
            "q": self.rng.choice(SEARCH_TERMS) if self.rng.random() < 0.4 else "",
            "status": self.rng.choice(STATUS_FILTERS),
            "outlet": self.rng.choice(self.outlets) if self.outlets and self.rng.random() < 0.3 else "",
            "claimant": "",
            "from": "",
            "to": "",
        }
        path = "/?" + urlencode(args)
        b.url = path
        _, _, body = b.request("queue filter", "GET", path, target="queue-results")
        found = [int(c) for c in QUEUE_CLAIMS.findall(body)]
        pages = PAGE_LINK.findall(body)
        if pages and self.rng.random() < 0.5:
            path = html.unescape(self.rng.choice(pages))
            b.url = path
            _, _, body = b.request("queue next page", "GET", path, target="queue-results")
            found = [int(c) for c in QUEUE_CLAIMS.findall(body)] or found
        if found:
            self.claims = found

    def pick_claim(self) -> int | None:
        if not self.claims:
            return None
        # The top of the ranked queue is where everyone starts: that is where races happen.
        top = self.claims[:8]
        return self.rng.choice(top if self.rng.random() < 0.6 else self.claims)

    def work_on_claim(self) -> None:
        b = self.browser
        if self.articles and self.rng.random() < 0.4:
            # Back to an article seen before: the full page, then a click on a highlight
            # (htmx swaps the panel).
            b.url = f"/articles/{self.rng.choice(sorted(self.articles))}"
            _, _, page = b.request("article page", "GET", b.url)
            marks = sorted({int(c) for c in MARKS.findall(page)})
            if not marks:
                return
            claim_id = self.rng.choice(marks)
            _, _, body = b.request("claim panel", "GET", f"/claims/{claim_id}", target="claim-panel")
        else:
            # A claim from the queue: its page, the article with the panel open.
            claim_id = self.pick_claim()
            if claim_id is None:
                return
            b.url = f"/claims/{claim_id}"
            _, _, body = b.request("claim page", "GET", b.url)
        article = ARTICLE_LINK.search(body)
        if article is None:
            return
        article_id = int(article.group(1))
        self.articles.add(article_id)
        for _ in range(self.rng.randint(0, 2)):
            # Step to the previous or next claim with the panel's links.
            nearby = [int(c) for c in PANEL_NAV.findall(body)]
            if not nearby:
                break
            self.pause()
            claim_id = self.rng.choice(nearby)
            b.url = f"/claims/{claim_id}"
            _, _, body = b.request("claim panel", "GET", b.url, target="claim-panel")
        self.pause()
        if f'action="/claims/{claim_id}/sources"' in body and self.rng.random() < 0.5:
            self.writes += 1
            status, headers, body = b.request(
                "add source",
                "POST",
                f"/claims/{claim_id}/sources",
                target=f"claim-{claim_id}",
                form={
                    "csrf_token": b.csrf,
                    "url": f"https://records.example.org/r{self.index}-{self.writes}",
                    "title": f"Official record {self.writes}",
                    "publisher": "Statistics Office",
                    "stance": self.rng.choice(["supports", "refutes", "context"]),
                    "excerpt": "The published table gives the figure for that year.",
                },
            )
            self.after_write(status, headers, article_id)
            self.pause()
        form = VERDICT_FORM.search(body)
        if form is not None and self.rng.random() < 0.7:
            fields = dict(HIDDEN.findall(form.group(0)))
            ratings = OPTION.findall(form.group(0))
            self.writes += 1
            status, headers, _ = b.request(
                "save draft",
                "POST",
                f"/claims/{claim_id}/verdict",
                target=f"claim-{claim_id}",
                ok=(200,),
                form={
                    "csrf_token": b.csrf,
                    "verdict_id": fields.get("verdict_id", ""),
                    "verdict_version": fields.get("verdict_version", ""),
                    "action": "save",
                    "rating": self.rng.choice(ratings) if ratings else "",
                    "summary": f"Draft {self.writes} by reviewer {self.index}.",
                    "rationale": "Compared with the official series for the same period.",
                },
            )
            self.after_write(status, headers, article_id)

    def after_write(self, status: int, headers: dict, article_id: int) -> None:
        """The page listens for `claims-changed` and reloads the article's highlights."""
        if status == 200 and "claims-changed" in headers.get("hx-trigger", ""):
            self.browser.request("article refresh", "GET", f"/articles/{article_id}", target="article-body")

    def run(self, seconds: float, start: float, ramp: float) -> None:
        if not self.log_in():
            return
        if time.time() > start:
            with self.browser.results.lock:
                self.browser.results.late += 1
        # Reviewers do not all click in the same millisecond: each begins at its own
        # moment within the ramp-up.
        time.sleep(max(0.0, start + self.rng.uniform(0, ramp) - time.time()))
        while time.time() < start + seconds:
            self.pause()
            roll = self.rng.random()
            if roll < 0.3:
                self.filter_queue()
            elif roll < 0.35:
                self.open_queue()
            else:
                self.work_on_claim()


def process_main(job: tuple) -> dict:
    """One client process: its share of the reviewers, one thread each."""
    indexes, port, seed, think, seconds, start, ramp = job
    results = Results()
    reviewers = [Reviewer(i, port, seed, think, results) for i in indexes]
    threads = [threading.Thread(target=r.run, args=(seconds, start, ramp)) for r in reviewers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results.as_dict()


def report(results: list[dict], seconds: float, server_cpu: float | None, log_text: str) -> None:
    merged: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    conflicts: dict[str, int] = defaultdict(int)
    for result in results:
        for kind, values in result["samples"].items():
            merged[kind] += values
        for kind, counts in result["errors"].items():
            for status, count in counts.items():
                errors[kind][int(status)] += count
        for kind, count in result["conflicts"].items():
            conflicts[kind] += count
    # Log-in hashes a password on purpose (slow by design) and happens once per reviewer
    # before its timed run: shown, but kept out of the overall figures.
    everything = [v for kind, values in merged.items() if kind not in LOGIN_KINDS for v in values]
    total = len(everything)
    total_errors = sum(sum(c.values()) for c in errors.values())
    server_errors = sum(n for c in errors.values() for status, n in c.items() if status >= 500 or status == 0)
    locked_bodies = sum(r["locked"] for r in results)
    locked_log = log_text.count(LOCKED)
    print(
        f"\n{total} requests in {seconds:.0f} s = {total / seconds:.0f} requests/s; "
        f"{total_errors} errors ({server_errors} 5xx or failed), {sum(conflicts.values())} edit conflicts (409); "
        f"'{LOCKED}': {locked_bodies} in responses, {locked_log} in the server log; "
        f"{log_text.count('Traceback')} tracebacks in the server log"
    )
    late = sum(r["late"] for r in results)
    if late:
        print(f"  {late} reviewers were still logging in when the run began")
    if server_cpu is not None and total:
        print(
            f"  server CPU: {server_cpu * 1000 / total:.2f} ms per request, {server_cpu / seconds:.2f} cores busy; "
            f"load average {os.getloadavg()[0]:.2f}"
        )
    print(f"  {'kind':<18}{'count':>7}{'req/s':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'409':>6}  errors")
    rows = sorted(merged.items()) + [("overall", everything)]  # overall: without log-in
    for kind, values in rows:
        if not values:
            continue
        ms = [v * 1000 for v in values]
        conflict = sum(conflicts.values()) if kind == "overall" else conflicts.get(kind, 0)
        errs = (
            {s: sum(c.get(s, 0) for c in errors.values()) for s in {s for c in errors.values() for s in c}}
            if kind == "overall"
            else dict(errors.get(kind, {}))
        )
        print(
            f"  {kind:<18}{len(ms):>7}{len(ms) / seconds:>7.1f}{percentile(ms, 50):>9.1f}{percentile(ms, 95):>9.1f}"
            f"{percentile(ms, 99):>9.1f}{conflict:>6}  {errs or 0}"
        )


def create_reviewers(env: dict, count: int) -> None:
    def one(i: int) -> None:
        run_cli(
            env,
            "users",
            "create",
            f"rev{i}",
            "--role",
            "reviewer",
            "--display-name",
            f"Reviewer {i}",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )

    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(one, range(count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviewers", type=int, default=20, help="concurrent simulated reviewers")
    parser.add_argument("--seconds", type=float, default=30, help="length of the run")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between a reviewer's actions, seconds")
    parser.add_argument("--seed", type=int, default=1, help="seed of every reviewer's choices")
    parser.add_argument("--ramp", type=float, default=3, help="seconds over which the reviewers' first clicks spread")
    parser.add_argument("--processes", type=int, default=2, help="client processes the reviewers are spread over")
    add_server_arguments(parser)
    args = parser.parse_args()
    if (
        args.reviewers < 1
        or args.seconds <= 0
        or args.think < 0
        or args.processes < 1
        or not 0 <= args.ramp < args.seconds
    ):
        parser.error(
            "--reviewers and --processes must be at least 1, --seconds positive, --think not negative, "
            "--ramp from 0 to less than --seconds"
        )

    with fresh_instance(args.db_url, "claimtrack-reviewers-", SECRET_KEY="load-test-secret-key-not-for-production") as (
        env,
        folder,
    ):
        create_reviewers(env, args.reviewers)
        log_path = Path(args.server_log) if args.server_log else folder / "server.log"
        with open(log_path, "w") as log, running_server(env, args.threads, args.workers, log) as (port, server):
            backend = "PostgreSQL" if args.db_url else "SQLite"
            print(
                f"{backend}: {args.reviewers} reviewers over {args.processes} processes, think time "
                f"{args.think:g} s, seed {args.seed}, {args.seconds:g} s, {args.workers} server process(es) x "
                f"{args.threads} threads, {os.cpu_count()} cores"
            )
            processes = min(args.processes, args.reviewers)
            # Everyone logs in first; the timed run starts together once all could have.
            start = time.time() + LOGIN_ALLOWANCE * args.reviewers / processes + 2
            jobs = [
                (list(range(p, args.reviewers, processes)), port, args.seed, args.think, args.seconds, start, args.ramp)
                for p in range(processes)
            ]
            with multiprocessing.Pool(processes) as pool:
                pending = pool.map_async(process_main, jobs)
                time.sleep(max(0.0, start - time.time()))
                cpu_before = cpu_seconds(server.pid)
                results = pending.get()
            cpu_after = cpu_seconds(server.pid)
        server_cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
        report(results, args.seconds, server_cpu, log_path.read_text(errors="replace"))


if __name__ == "__main__":
    main()
