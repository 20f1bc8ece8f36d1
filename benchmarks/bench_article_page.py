"""Server-side render time of an article page with 60 highlighted claims.

Builds a throwaway SQLite database, imports a synthetic 60-claim article through the
services, then renders the page through the Flask test client as a signed-in reviewer
(so every editing control is drawn) and prints p50/p95 over N renders. The target is
under 100 ms. Run: .venv/bin/python benchmarks/bench_article_page.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlmodel import func, select

from claimtrack import create_app, migrate
from claimtrack.db import make_engine, session_scope
from claimtrack.errors import ValidationError
from claimtrack.ingest import read_bytes
from claimtrack.ingest.prepare import prepare
from claimtrack.models import Article, Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.accounts.users import create_user
from claimtrack.services.articles.importing import import_article
from claimtrack.services.review import claims

CLAIMS = 60
PASSWORD = "benchmark-password"
PEOPLE = ["Mayor Ana Lopez", "Councillor Tom Reed", "Minister Sara Okafor", "Professor Li Wei", "Chief Ben Adams"]
TOPICS = ["road repairs", "school meals", "bus fares", "housing permits", "park maintenance", "water mains"]


def article_text() -> str:
    lines = ["City budget: officials trade figures on spending", "", "By Bench Reporter", ""]
    for i in range(CLAIMS):
        who = PEOPLE[i % len(PEOPLE)]
        topic = TOPICS[i % len(TOPICS)]
        lines.append(
            f"{who} said the city spent {10 + i} million dollars on {topic} in {2000 + i % 24}, "
            f"up {5 + i % 40} percent from the year before."
        )
        lines.append("")
    return "\n".join(lines)


def build(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    actor = Actor.system("bench")
    with session_scope(engine) as s:
        create_user(s, actor, "bench", PASSWORD, role="reviewer")
    (item,) = read_bytes(article_text().encode(), where="bench.txt", suffix=".txt")
    prepared = prepare(item.article, max_body_chars=2_000_000)
    with session_scope(engine) as s:
        article_id = import_article(s, actor, prepared).article_id
    with session_scope(engine) as s:
        body = s.get(Article, article_id).body
        count = s.exec(select(func.count(Claim.id)).where(Claim.article_id == article_id)).one()
        at = 0
        while count < CLAIMS:  # top up with drawn claims if extraction found fewer
            start = body.index("the city spent", at)
            at = start + 1
            try:
                claims.create_claim(s, actor, article_id, start=start, end=start + 30)
                count += 1
            except ValidationError:  # a span that is already a claim: try the next one
                continue
        first = s.exec(select(Claim.id).where(Claim.article_id == article_id).order_by(Claim.start_offset)).first()
    return article_id, first


def measure(client, url: str, n: int) -> list[float]:
    client.get(url)  # warm the template cache
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
    return times


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"{label:<34} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   (n={len(times)})")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        migrate.upgrade(url)
        article_id, claim_id = build(url)
        app = create_app({"DATABASE_URL": url, "INSTANCE_PATH": tmp, "WTF_CSRF_ENABLED": False})
        client = app.test_client()
        client.post("/login", data={"username": "bench", "password": PASSWORD})
        with session_scope(make_engine(url)) as s:
            total = s.exec(select(func.count(Claim.id)).where(Claim.article_id == article_id)).one()
        print(f"article page with {total} claims, rendered through the Flask test client")
        report("GET /articles/<id> (page)", measure(client, f"/articles/{article_id}", n))
        report("GET /articles/<id> (body fragment)", measure_fragment(client, f"/articles/{article_id}", n))
        report("GET /claims/<id> (page + panel)", measure(client, f"/claims/{claim_id}", n))
        make_engine(url).dispose()


def measure_fragment(client, url: str, n: int) -> list[float]:
    headers = {"HX-Request": "true", "HX-Target": "article-body"}
    client.get(url, headers=headers)
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        client.get(url, headers=headers)
        times.append((time.perf_counter() - t0) * 1000)
    return times


if __name__ == "__main__":
    main()
