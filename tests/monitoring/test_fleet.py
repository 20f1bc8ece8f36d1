"""Polling many sources at once: hosts side by side, never two requests at once to one
host, and the same articles, links and alerts as polling them one by one."""

from __future__ import annotations

import threading
import time

from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.fetch import FetchClient
from claimtrack.models import Article, ClaimAlert, ClaimLink, FeedEntry
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.monitoring.fleet import host_groups, partition, poll_many
from claimtrack.services.monitoring.pipeline import finish_pending
from claimtrack.services.monitoring.sources import SourceForm, add_source
from tests.fixtures.loopback import HOST, loopback_settings, table_resolver

from .pages import article_html, rss
from .test_alerts import REPEAT, _page, published  # noqa: F401 - the fixture

ACTOR = Actor.system("test")
NAMES = ["north.test", "south.test", "east.test"]


def _client(delay: float = 0.0) -> FetchClient:
    # Three host names, one loopback address: three hosts as far as politeness goes.
    return FetchClient(
        loopback_settings(host_delay=delay, obey_robots=False),
        resolver=table_resolver({name: [HOST] for name in NAMES}),
    )


def _url(farm, name, path):
    return farm.url(path).replace(HOST, name)


def _add(engine, url):
    with session_scope(engine) as s:
        return add_source(s, ACTOR, SourceForm(url=url)).id


class Watch:
    """Counts requests in flight, per host and in all."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active: dict[str, int] = {}
        self.most: dict[str, int] = {}
        self.total = self.most_total = 0

    def route(self, body: bytes, content_type: str):
        def answer(handler):
            host = handler.headers.get("Host", "").split(":")[0]
            with self.lock:
                self.active[host] = self.active.get(host, 0) + 1
                self.most[host] = max(self.most.get(host, 0), self.active[host])
                self.total += 1
                self.most_total = max(self.most_total, self.total)
            time.sleep(0.15)
            with self.lock:
                self.active[host] -= 1
                self.total -= 1
            return 200, {"Content-Type": content_type}, body

        return answer


def test_hosts_run_side_by_side_one_request_at_a_time_each(engine, farm):
    watch = Watch()
    slugs = ["ferry", "schools", "clinic"]
    for slug in slugs:
        farm.routes[f"/news/{slug}"] = watch.route(article_html(slug).encode(), "text/html; charset=utf-8")
    ids = []
    for name in NAMES:
        for n in range(2):
            links = [(_url(farm, name, f"/news/{slug}"), "") for slug in slugs]
            farm.routes[f"/feed/{n}"] = watch.route(rss(links).encode(), "application/rss+xml")
            ids.append(_add(engine, _url(farm, name, f"/feed/{n}")))
    assert [len(g) for g in host_groups(engine, ids)] == [2, 2, 2]
    seen = []
    reports = poll_many(
        engine,
        ACTOR,
        _client(),
        ids,
        max_body_chars=2_000_000,
        workers=1,
        progress=lambda done, total, report: seen.append((done, total)),
    )
    assert [r.source_id for r in reports] == ids
    assert [r.status for r in reports] == ["ok"] * 6
    assert seen[-1] == (6, 6) and len(seen) == 6
    assert set(watch.most) == set(NAMES) and max(watch.most.values()) == 1
    assert watch.most_total > 1  # several hosts were asked at the same time
    with session_scope(engine) as s:
        # Each host serves the three stories under its own address; same text, so one
        # copy each: three articles, and an entry row per source and story.
        assert len(s.exec(select(Article)).all()) == 3
        assert len(s.exec(select(FeedEntry)).all()) == 18


def test_worker_processes_store_links_and_alerts_like_a_single_poll(engine, farm, fetch_client, published):  # noqa: F811
    farm.serve("/island", _page(*REPEAT, "Island Echo"))
    farm.serve("/schools", article_html("schools"))
    farm.serve("/feed/a", rss([(farm.url("/island"), "")]), "application/rss+xml")
    farm.serve("/feed/b", rss([(farm.url("/schools"), "")]), "application/rss+xml")
    farm.serve("/feed/c", rss([(farm.url("/island"), ""), (farm.url("/schools"), "")]), "application/rss+xml")
    ids = [_add(engine, farm.url(f"/feed/{x}")) for x in "abc"]
    reports = poll_many(engine, ACTOR, fetch_client, ids, max_body_chars=2_000_000, workers=2)
    assert sum(r.new for r in reports) == 2 and sum(r.failed for r in reports) == 0
    with session_scope(engine) as s:
        (alert,) = s.exec(select(ClaimAlert)).all()
        assert alert.kind == "repeat" and alert.checked_claim_id == published["claim"]
        assert s.exec(select(ClaimLink).where(ClaimLink.claim_b_id == alert.claim_id)).first() is not None
    # A second round changes nothing.
    again = poll_many(engine, ACTOR, fetch_client, ids, max_body_chars=2_000_000, workers=2)
    assert sum(r.new for r in again) == 0
    with session_scope(engine) as s:
        assert len(s.exec(select(ClaimAlert)).all()) == 1 and len(s.exec(select(Article)).all()) == 3


def _three_hosts(engine, farm, watch=None):
    """Two feeds on each of three hosts, all listing the same three stories on the last
    host: feeds polled by different processes send them to one host for the articles."""

    def route(body: bytes, content_type: str):
        if watch:
            return watch.route(body, content_type)
        return lambda _handler: (200, {"Content-Type": content_type}, body)

    slugs = ["ferry", "schools", "clinic"]
    for slug in slugs:
        farm.routes[f"/news/{slug}"] = route(article_html(slug).encode(), "text/html; charset=utf-8")
    links = [(_url(farm, NAMES[-1], f"/news/{slug}"), "") for slug in slugs]
    for n in range(2):
        farm.routes[f"/feed/{n}"] = route(rss(links).encode(), "application/rss+xml")
    return [_add(engine, _url(farm, name, f"/feed/{n}")) for name in NAMES for n in range(2)]


def test_processes_poll_their_own_hosts_one_request_at_a_time_each(engine, farm):
    watch = Watch()
    ids = _three_hosts(engine, farm, watch)
    seen, entries = [], []
    reports = poll_many(
        engine,
        ACTOR,
        _client(),
        ids,
        max_body_chars=2_000_000,
        workers=2,
        progress=lambda done, total, report: seen.append((done, total, report.source_id)),
        on_entry=lambda sid, done, total: entries.append((sid, done, total)),
    )
    assert [r.source_id for r in reports] == ids and [r.status for r in reports] == ["ok"] * 6
    assert sorted(s[2] for s in seen) == sorted(ids) and seen[-1][:2] == (6, 6)
    assert sorted(entries) == sorted((sid, d, 3) for sid in ids for d in (1, 2, 3))
    assert set(watch.most) == set(NAMES) and max(watch.most.values()) == 1
    assert watch.most_total > 1
    with session_scope(engine) as s:
        assert len(s.exec(select(Article)).all()) == 3
        assert len(s.exec(select(FeedEntry)).all()) == 18
    assert finish_pending(engine) == 0  # every article's links were stored
    again = poll_many(engine, ACTOR, _client(), ids, max_body_chars=2_000_000, workers=2)
    assert sum(r.new for r in again) == 0 and sum(r.failed for r in again) == 0
    with session_scope(engine) as s:
        assert len(s.exec(select(Article)).all()) == 3


def test_a_polling_process_killed_mid_way_loses_nothing_and_repeats_nothing(engine, farm):
    import multiprocessing
    import os
    import signal

    ids = _three_hosts(engine, farm)
    killed = []
    plain = farm.routes["/news/clinic"]

    def kill_the_pollers(handler):
        if not killed:
            for child in multiprocessing.active_children():
                if child.name == "claimtrack-poll":
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)
        return plain(handler)

    farm.routes["/news/clinic"] = kill_the_pollers
    reports = poll_many(engine, ACTOR, _client(), ids, max_body_chars=2_000_000, workers=2)
    assert killed
    lost = [r for r in reports if r.status == "failed"]
    assert lost and all("the polling process stopped" in r.error for r in lost)
    farm.routes["/news/clinic"] = plain
    again = poll_many(engine, ACTOR, _client(), ids, max_body_chars=2_000_000, workers=2)
    assert [r.status for r in again if r.status == "failed"] == []
    with session_scope(engine) as s:
        assert len(s.exec(select(Article)).all()) == 3
        assert len(s.exec(select(FeedEntry)).all()) == 18


def test_host_groups_are_dealt_whole_to_the_least_loaded_process():
    groups = [[1, 2, 3, 4], [5, 6, 7], [8, 9], [10], [11]]
    shares = partition(groups, 2)
    assert sorted(sum(len(g) for g in share) for share in shares) == [5, 6]
    assert sorted(sid for share in shares for g in share for sid in g) == list(range(1, 12))
    assert partition([[1]], 4) == [[[1]]]


def test_a_poll_where_nothing_changed_starts_no_process(engine, farm):
    import multiprocessing

    pollers: list[int] = []  # polling processes alive at each request

    def count() -> None:
        pollers.append(sum(child.name == "claimtrack-poll" for child in multiprocessing.active_children()))

    def page(slug):
        def answer(_handler):
            count()
            return 200, {"Content-Type": "text/html; charset=utf-8"}, article_html(slug).encode()

        return answer

    def feed(body: bytes):
        def answer(handler):
            count()
            if handler.headers.get("If-None-Match") == '"v1"':
                return 304, {"ETag": '"v1"'}, b""
            return 200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, body

        return answer

    ids = []
    for i, name in enumerate(NAMES):
        slug = ["ferry", "schools", "clinic"][i]
        farm.routes[f"/news/{slug}"] = page(slug)
        farm.routes[f"/feed/{slug}"] = feed(rss([(_url(farm, name, f"/news/{slug}"), "")]).encode())
        farm.routes[f"/more/{slug}"] = feed(rss([(_url(farm, name, f"/news/{slug}"), "")]).encode())
        ids += [_add(engine, _url(farm, name, f"/feed/{slug}")), _add(engine, _url(farm, name, f"/more/{slug}"))]
    first = poll_many(engine, ACTOR, _client(), ids, max_body_chars=2_000_000, workers=2)
    assert [r.status for r in first] == ["ok"] * 6 and sum(r.new for r in first) == 3
    assert max(pollers) >= 1  # the articles were read by polling processes
    pollers.clear()
    again = poll_many(engine, ACTOR, _client(), ids, max_body_chars=2_000_000, workers=2)
    assert [r.status for r in again] == ["not_modified"] * 6
    assert pollers == [0] * 6  # six conditional requests, no process started for them
