"""Jobs on the real queue storages (SQLite, and Redis when a test server is given):
fetches and polls run as jobs, repeat no side effect, and a poison job ends failed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.jobs import handlers
from claimtrack.models import Article, FeedSource, Job, utcnow
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.monitoring.sources import SourceForm, add_source
from tests.fixtures.jobs import drain

from .pages import article_html, rss

ACTOR = Actor.system("test")


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def _job(engine, job_id):
    with session_scope(engine) as s:
        return s.get(Job, job_id)


def _articles(engine):
    with session_scope(engine) as s:
        return s.exec(select(Article)).all()


def test_a_fetch_job_imports_the_article(engine, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    job_id = job_queue.submit(ACTOR, "fetch", farm.url("/ferry"), {"url": farm.url("/ferry")})
    assert _job(engine, job_id).state == "queued"
    assert drain(job_queue) == 1
    job = _job(engine, job_id)
    assert job.state == "done" and job.result["status"] == "new" and job.done == job.total == 1
    assert len(_articles(engine)) == 1


def test_the_same_job_twice_while_waiting_is_queued_once(engine, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    first = job_queue.submit(ACTOR, "fetch", farm.url("/ferry"), {"url": farm.url("/ferry")})
    second = job_queue.submit(ACTOR, "fetch", farm.url("/ferry"), {"url": farm.url("/ferry")})
    assert first == second
    assert drain(job_queue) == 1


def test_a_repeated_delivery_does_nothing(engine, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    job_id = job_queue.submit(ACTOR, "fetch", farm.url("/ferry"), {"url": farm.url("/ferry")})
    drain(job_queue)
    job_queue.run_job(job_id)  # the engine delivers the same message again
    drain(job_queue)
    assert len(farm.requests_for("/ferry")) == 1
    assert _job(engine, job_id).attempts == 1


def test_a_job_lost_with_its_worker_is_retried_without_repeating_its_work(engine, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    job_id = job_queue.submit(ACTOR, "fetch", farm.url("/ferry"), {"url": farm.url("/ferry")})
    drain(job_queue)
    # The worker died after storing the article but before marking the job done.
    with session_scope(engine) as s:
        job = s.get(Job, job_id)
        job.state, job.heartbeat_at, job.result = "running", utcnow() - timedelta(hours=1), None
        s.add(job)
    assert job_queue.tick()["requeued"] == [job_id]
    drain(job_queue)
    job = _job(engine, job_id)
    assert job.state == "done" and job.result["status"] == "unchanged" and job.attempts == 2
    assert len(_articles(engine)) == 1


def test_a_job_lost_every_time_ends_failed(engine, job_queue):
    with session_scope(engine) as s:
        job = Job(
            kind="fetch",
            key="x",
            params={"url": "http://127.0.0.2:9/x"},
            state="running",
            attempts=3,
            heartbeat_at=utcnow() - timedelta(hours=1),
        )
        s.add(job)
        s.flush()
        job_id = job.id
    assert job_queue.tick()["requeued"] == []
    job = _job(engine, job_id)
    assert job.state == "failed" and "stopped" in job.error


def test_a_poison_job_ends_failed_after_its_retries(engine, job_queue, monkeypatch):
    calls = []

    def explode(app, engine, params, user_id, progress):
        calls.append(1)
        raise RuntimeError("the handler broke on this input")

    monkeypatch.setitem(handlers.HANDLERS, "fetch", explode)
    job_id = job_queue.submit(ACTOR, "fetch", "poison", {"url": "http://127.0.0.2/"})
    drain(job_queue)
    job = _job(engine, job_id)
    assert job.state == "failed" and "the handler broke on this input" in job.error
    assert job.attempts == len(calls) == job_queue.retries + 1
    assert drain(job_queue) == 0  # nothing left looping


def test_a_refused_address_fails_at_once(engine, farm, job_queue):
    url = farm.url("/ferry", host="127.0.0.1")
    job_id = job_queue.submit(ACTOR, "fetch", url, {"url": url})
    drain(job_queue)
    job = _job(engine, job_id)
    assert job.state == "failed" and job.attempts == 1 and "loopback" in job.error
    assert farm.log == []


def test_the_minute_tick_polls_due_sources_once(engine, farm, job_queue):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/feed", rss([(farm.url("/news/ferry"), "")]), "application/rss+xml")
    with session_scope(engine) as s:
        due = add_source(s, ACTOR, SourceForm(url=farm.url("/feed"))).id
        off = add_source(s, ACTOR, SourceForm(url=farm.url("/other"), enabled=False)).id
    polls = job_queue.tick()["polls"]
    assert len(polls) == 1
    assert job_queue.tick()["polls"] == polls  # still queued: the same job
    drain(job_queue)
    job = _job(engine, polls[0])
    assert job.kind == "poll_due" and job.state == "done" and job.result["new"] == 1
    assert [r["source_id"] for r in job.result["sources"]] == [due] and job.done == job.total == 1
    with session_scope(engine) as s:
        assert s.get(FeedSource, due).next_poll_at > utcnow()
        assert s.get(FeedSource, off).last_status is None
    assert job_queue.tick()["polls"] == []  # not due again for 15 minutes


def test_a_reindex_job_indexes_stale_claims_once(engine, job_queue):
    from sqlalchemy import text

    from tests.helpers import import_text

    import_text(
        engine,
        "Ferry fares rise\n\nHarbour council leader Mara Ellison said on Monday that ferry fares "
        "had risen by 18 percent since March.\n",
    )
    with session_scope(engine) as s:
        s.execute(text("UPDATE claims SET version = version + 1"))  # as if edited since they were indexed
    job_id = job_queue.submit(ACTOR, "reindex", "matching", {})
    drain(job_queue)
    job = _job(engine, job_id)
    assert job.state == "done" and job.result["indexed"] >= 1
    again = job_queue.submit(ACTOR, "reindex", "matching", {})
    drain(job_queue)
    assert _job(engine, again).result["indexed"] == 0


def test_a_poll_of_due_sources_lost_mid_way_repeats_nothing(engine, farm, job_queue):
    for slug in ("ferry", "schools", "clinic"):
        farm.serve(f"/news/{slug}", article_html(slug))
    links = [(farm.url(f"/news/{slug}"), "") for slug in ("ferry", "schools", "clinic")]
    with session_scope(engine) as s:
        ids = [add_source(s, ACTOR, SourceForm(url=farm.url(f"/feed/{n}"))).id for n in range(3)]
    for n in range(3):
        farm.serve(f"/feed/{n}", rss(links[: n + 1]), "application/rss+xml")
    (job_id,) = job_queue.tick()["polls"]
    drain(job_queue)
    first = _job(engine, job_id)
    assert first.state == "done" and first.result["new"] == 3 and first.done == first.total == 3
    assert sorted(r["source_id"] for r in first.result["sources"]) == ids
    # The worker dies after the work and before the result is recorded: the job is
    # found stale, queued again and run again.
    with session_scope(engine) as s:
        job = s.get(Job, job_id)
        job.state, job.heartbeat_at, job.result = "running", utcnow() - timedelta(hours=1), None
        s.add(job)
        for source in s.exec(select(FeedSource)):
            source.next_poll_at, source.etag = utcnow(), None
            s.add(source)
    assert job_queue.tick()["requeued"] == [job_id]
    drain(job_queue)
    again = _job(engine, job_id)
    assert again.state == "done" and again.result["new"] == 0 and again.result["failed"] == 0
    assert len(_articles(engine)) == 3
