"""The review desk at scale: the editor home and the queue with 100k claims, and a bulk
action on 1,000 claims.

Targets: the editor home and the queue render in under 150 ms of server time (through
the Flask test client, so template rendering counts); a bulk action on 1,000 claims
completes in under 3 s with an audit event per claim.

The 100k claims are written straight into a throwaway SQLite database in a few bulk
statements (importing them through extraction would take most of an hour and measures
something else); the review work on them goes through the services. Each figure is
printed beside a naive approach run on the same data:

- queue: load every open claim and sort in Python, instead of one ranked, paged query;
- bulk: one transaction per claim, instead of one transaction for the batch.

Run: .venv/bin/python benchmarks/bench_desk.py [CLAIMS] [RENDERS]   (defaults 100000 20)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, func, select

from claimtrack import create_app, migrate
from claimtrack.db import make_engine, session_scope
from claimtrack.models import Article, AuditEvent, Claim, Claimant, Outlet, Verdict, utcnow
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import create_user
from claimtrack.services.review import bulk, claims

PASSWORD = "benchmark-password"
PER_ARTICLE = 50
OUTLETS = ["Harbour Courier", "Valley Ledger", "Northern Wire", "City Gazette", "Coast Times"]
SPEAKERS = ["Ana Gomez", "Tom Reed", "Sara Okafor", "Li Wei", "Ben Adams", "Maria Silva", "Omar Haddad"]
AWAITING = 120


def build(url: str, total: int) -> dict[str, int]:
    engine = make_engine(url)
    system = Actor.system("bench")
    with session_scope(engine) as s:
        editor = create_user(s, system, "editor", PASSWORD, role="editor").id
        reviewer = create_user(s, system, "reviewer", PASSWORD, role="reviewer").id
    now = utcnow()
    with session_scope(engine) as s:
        s.execute(sa.insert(Outlet.__table__), [{"name": n} for n in OUTLETS])
        s.execute(sa.insert(Claimant.__table__), [{"name": n, "kind": "person", "created_at": now} for n in SPEAKERS])
        outlets = s.exec(select(Outlet.id)).all()
        speakers = s.exec(select(Claimant.id)).all()
        articles = max(1, total // PER_ARTICLE)
        s.execute(
            sa.insert(Article.__table__),
            [
                {
                    "title": f"Budget story {a}",
                    "body": "x" * 200,
                    "content_hash": f"{a:064d}",
                    "source_format": "txt",
                    "outlet_id": outlets[a % len(outlets)],
                    "published_at": now - timedelta(hours=a),
                    "imported_at": now - timedelta(minutes=a),
                }
                for a in range(articles)
            ],
        )
        article_ids = s.exec(select(Article.id).order_by(Article.id)).all()
        rows = []
        for n in range(total):
            rows.append(
                {
                    "article_id": article_ids[n // PER_ARTICLE],
                    "start_offset": 0,
                    "end_offset": 50,
                    "text": f"The city spent {n} million dollars on item {n % 97} last year.",
                    "kind": "reported",
                    "claimant_id": speakers[n % len(speakers)],
                    "checkworthiness": (n * 7919 % 1000) / 1000,
                    "status": "unreviewed",
                    "version": 1,
                    "created_at": now - timedelta(seconds=n),
                    "updated_at": now - timedelta(seconds=n),
                }
            )
            if len(rows) == 10_000:
                s.execute(sa.insert(Claim.__table__), rows)
                rows = []
        if rows:
            s.execute(sa.insert(Claim.__table__), rows)
    with session_scope(engine) as s:
        # Work waiting for the editor: submitted verdicts through their claims' states.
        ids = s.exec(select(Claim.id).order_by(Claim.id).limit(AWAITING)).all()
        s.execute(sa.update(Claim.__table__).where(Claim.id.in_(ids)).values(status="awaiting_approval"))
        s.execute(
            sa.insert(Verdict.__table__),
            [
                {
                    "claim_id": i,
                    "rating": "mostly-true",
                    "summary": "Close.",
                    "rationale": "Figures.",
                    "state": "submitted",
                    "reviewer_id": reviewer,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in ids
            ],
        )
    engine.dispose()
    return {"editor": editor, "reviewer": reviewer}


def timed_get(client, path: str, n: int, headers: dict | None = None) -> list[float]:
    assert client.get(path, headers=headers).status_code == 200  # warm caches and templates
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(path, headers=headers)
        out.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, path
    return out


def naive_queue(engine, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        with Session(engine) as s:
            rows = s.exec(select(Claim).where(Claim.status.in_(("unreviewed", "in_review")))).all()
            top = sorted(rows, key=lambda c: (-c.checkworthiness, -c.id))[:50]
            assert top
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(label: str, times: list[float], target: float | None = None) -> None:
    times = sorted(times)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    verdict = "" if target is None else ("  within target" if p95 < target else f"  OVER the {target:.0f} ms target")
    print(f"{label:<48} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   (n={len(times)}){verdict}")


def bench_bulk(url: str, reviewer_id: int) -> None:
    engine = make_engine(url)
    actor = Actor(user_id=reviewer_id, name="reviewer", role="reviewer")
    with Session(engine) as s:
        ids = s.exec(
            select(Claim.id).where(Claim.status == "unreviewed").order_by(Claim.id.desc()).limit(2 * bulk.MAX_CLAIMS)
        ).all()
        events_before = s.exec(select(func.count(AuditEvent.id))).one()
    batch, naive = ids[: bulk.MAX_CLAIMS], ids[bulk.MAX_CLAIMS :]
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        result = bulk.apply(s, actor, "assign", batch, assignee_id=reviewer_id)
    took = time.perf_counter() - t0
    with Session(engine) as s:
        per_claim = s.exec(
            select(func.count(AuditEvent.id)).where(
                AuditEvent.action == "claim.assign", AuditEvent.entity_id.in_(batch)
            )
        ).one()
        events_after = s.exec(select(func.count(AuditEvent.id))).one()
    print(
        f"{'bulk assign of ' + str(len(batch)) + ' claims, one transaction':<48} {took * 1000:8.0f} ms   "
        f"{len(result.done)} changed, {per_claim} claim audit events + 1 batch event "
        f"({events_after - events_before} new)  {'within' if took < 3 else 'OVER'} the 3 s target"
    )
    t0 = time.perf_counter()
    for claim_id in naive:
        with session_scope(engine) as s:
            claim = s.get(Claim, claim_id)
            claims.assign(s, actor, claim_id, version=claim.version, assignee_id=reviewer_id)
    took = time.perf_counter() - t0
    print(f"{'naive: a transaction per claim (' + str(len(naive)) + ')':<48} {took * 1000:8.0f} ms")
    t0 = time.perf_counter()
    with session_scope(engine) as s:
        bulk.undo(s, actor, result.event_id)
    print(f"{'undo of the bulk assign':<48} {(time.perf_counter() - t0) * 1000:8.0f} ms")
    engine.dispose()


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'desk.db'}"
        migrate.upgrade(url)
        t0 = time.perf_counter()
        people = build(url, total)
        print(
            f"{total:,} claims in {total // PER_ARTICLE:,} articles, {AWAITING} awaiting approval "
            f"(built in {time.perf_counter() - t0:.1f} s); server time through the Flask test client"
        )
        app = create_app({"DATABASE_URL": url, "INSTANCE_PATH": tmp, "WTF_CSRF_ENABLED": False})
        editor, reviewer = app.test_client(), app.test_client()
        editor.post("/login", data={"username": "editor", "password": PASSWORD})
        reviewer.post("/login", data={"username": "reviewer", "password": PASSWORD})
        hx = {"HX-Request": "true", "HX-Target": "queue-results"}
        report("GET / editor home (page)", timed_get(editor, "/", n), 150)
        report("GET / reviewer home (page)", timed_get(reviewer, "/", n), 150)
        for sort in ("worthiness", "newest", "oldest", "outlet", "status"):
            report(f"GET /?sort={sort} (queue fragment)", timed_get(reviewer, f"/?sort={sort}", n, hx), 150)
        report("GET /?assignee=none&q=Gomez (fragment)", timed_get(reviewer, "/?assignee=none&q=Gomez", n, hx), 150)
        report("naive queue: load open claims, sort in Python", naive_queue(make_engine(url), max(3, n // 4)))
        bench_bulk(url, people["reviewer"])
        make_engine(url).dispose()


if __name__ == "__main__":
    main()
