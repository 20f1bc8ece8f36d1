"""Polling sources against the loopback farm: each feed format, duplicates, changes,
and every kind of bad input recorded on the source with nothing half-stored."""

from __future__ import annotations

import gzip

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.fetch import FetchClient
from claimtrack.models import Article, Claim, FeedEntry, FeedSource
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.monitoring.polling import poll_source
from claimtrack.services.monitoring.sources import SourceForm, add_source
from tests.fixtures.loopback import drip, loopback_settings, table_resolver

from .pages import article_html, atom, json_feed, news_sitemap, rss, sitemap_index

ACTOR = Actor.system("test")


def _add(engine, url, **kw):
    with session_scope(engine) as s:
        return add_source(s, ACTOR, SourceForm(url=url, **kw)).id


def _poll(engine, client, source_id):
    return poll_source(engine, ACTOR, client, source_id, max_body_chars=2_000_000)


def _source(engine, source_id):
    with session_scope(engine) as s:
        return s.get(FeedSource, source_id)


def _articles(engine):
    with session_scope(engine) as s:
        return s.exec(select(Article).order_by(Article.id)).all()


def _serve_stories(farm):
    for slug in ("ferry", "schools", "clinic"):
        farm.serve(f"/news/{slug}", article_html(slug))
    return [farm.url(f"/news/{slug}") for slug in ("ferry", "schools", "clinic")]


@pytest.mark.parametrize("fmt, kind", [("rss", "rss"), ("atom", "atom"), ("json", "jsonfeed"), ("sitemap", "sitemap")])
def test_each_format_brings_in_its_articles(engine, farm, fetch_client, fmt, kind):
    links = _serve_stories(farm)
    body = {
        "rss": rss([(u, "Mon, 30 Nov 2026 08:00:00 GMT") for u in links]),
        "atom": atom(links),
        "json": json_feed(links),
        "sitemap": news_sitemap(links),
    }[fmt]
    farm.serve("/feed", body, content_type="application/xml" if fmt != "json" else "application/feed+json")
    sid = _add(engine, farm.url("/feed"), name="Coast feed")
    report = _poll(engine, fetch_client, sid)
    assert (report.status, report.new, report.failed) == ("ok", 3, 0), report.to_dict()
    src = _source(engine, sid)
    assert src.kind == kind and src.last_status == "ok" and src.last_new == 3
    assert len(_articles(engine)) == 3
    with session_scope(engine) as s:
        assert len(s.exec(select(Claim)).all()) >= 6


def test_sitemap_index_follows_its_children(engine, farm, fetch_client):
    links = _serve_stories(farm)
    farm.serve("/sitemap-a.xml", news_sitemap(links[:2]), content_type="application/xml")
    farm.serve("/sitemap-b.xml", news_sitemap(links[2:]), content_type="application/xml")
    farm.serve("/sitemap.xml", sitemap_index([farm.url("/sitemap-a.xml"), "/sitemap-b.xml"]), "application/xml")
    report = _poll(engine, fetch_client, _add(engine, farm.url("/sitemap.xml")))
    assert report.new == 3 and report.status == "ok"


def test_outlet_and_date_come_from_the_entry_when_the_page_lacks_them(engine, farm, fetch_client):
    farm.serve("/bare", article_html("ferry", outlet=None, date=None))
    farm.serve("/sitemap.xml", news_sitemap([farm.url("/bare")], outlet="Ridge Gazette"), "application/xml")
    assert _poll(engine, fetch_client, _add(engine, farm.url("/sitemap.xml"))).new == 1
    (article,) = _articles(engine)
    with session_scope(engine) as s:
        from claimtrack.models import Outlet

        assert s.get(Outlet, article.outlet_id).name == "Ridge Gazette"
    assert article.published_at.date().isoformat() == "2026-11-28"


def test_second_poll_is_conditional_and_third_repeats_nothing(engine, farm, fetch_client):
    links = _serve_stories(farm)
    body = rss([(u, "Mon, 30 Nov 2026 08:00:00 GMT") for u in links]).encode()

    def feed(handler):
        if handler.headers.get("If-None-Match") == '"f1"':
            return 304, {"ETag": '"f1"'}, b""
        return 200, {"ETag": '"f1"', "Content-Type": "application/rss+xml"}, body

    farm.routes["/feed"] = feed
    sid = _add(engine, farm.url("/feed"))
    assert _poll(engine, fetch_client, sid).new == 3
    second = _poll(engine, fetch_client, sid)
    assert second.status == "not_modified"
    assert all(len(farm.requests_for(f"/news/{s}")) == 1 for s in ("ferry", "schools", "clinic"))
    # Without the validator (a server that ignores it) entries are known: none fetched again.
    farm.serve("/feed", body, content_type="application/rss+xml")
    third = _poll(engine, fetch_client, sid)
    assert (third.unchanged, third.new) == (3, 0)
    assert all(len(farm.requests_for(f"/news/{s}")) == 1 for s in ("ferry", "schools", "clinic"))
    assert len(_articles(engine)) == 3


def test_the_same_article_in_two_feeds_is_stored_once(engine, farm, fetch_client):
    links = _serve_stories(farm)
    farm.serve("/feed-a", rss([(u, "") for u in links]), "application/rss+xml")
    farm.serve("/mirror/ferry", article_html("ferry"))
    farm.serve("/feed-b", json_feed([farm.url("/mirror/ferry")]), "application/feed+json")
    _poll(engine, fetch_client, _add(engine, farm.url("/feed-a")))
    report = _poll(engine, fetch_client, _add(engine, farm.url("/feed-b")))
    assert (report.new, report.unchanged) == (0, 1)
    assert len(_articles(engine)) == 3


def test_an_entry_whose_page_changed_is_recorded_as_changed(engine, farm, fetch_client):
    farm.serve("/news/clinic", article_html("clinic"))
    farm.serve("/feed", rss([(farm.url("/news/clinic"), "Mon, 30 Nov 2026 08:00:00 GMT")]), "application/rss+xml")
    sid = _add(engine, farm.url("/feed"))
    assert _poll(engine, fetch_client, sid).new == 1
    farm.serve(
        "/news/clinic", article_html("clinic", extra="A spokesperson said weekend opening would begin in January.")
    )
    farm.serve("/feed", rss([(farm.url("/news/clinic"), "Tue, 01 Dec 2026 09:30:00 GMT")]), "application/rss+xml")
    report = _poll(engine, fetch_client, sid)
    assert report.changed == 1 and report.new == 0
    assert len(_articles(engine)) == 1


def _failed(engine, client, sid, expect):
    report = _poll(engine, client, sid)
    src = _source(engine, sid)
    assert report.status == "failed" and src.last_status == "failed", report.to_dict()
    assert expect in src.last_error, src.last_error
    return report


@pytest.mark.parametrize(
    "body, content_type, expect",
    [
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Half<item><link>',
            "application/rss+xml",
            "malformed feed",
        ),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": [', "application/feed+json", "malformed JSON Feed"),
        (
            "<!doctype html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
            "text/html",
            "HTML page, not a feed",
        ),
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
            "application/rss+xml",
            "no entries",
        ),
        ("", "application/rss+xml", "empty"),
        ('{"title": "no version"}', "application/json", "not a JSON Feed"),
    ],
)
def test_bad_feeds_are_recorded_and_store_nothing(engine, farm, fetch_client, body, content_type, expect):
    _serve_stories(farm)
    farm.serve("/feed", body, content_type)
    _failed(engine, fetch_client, _add(engine, farm.url("/feed")), expect)
    assert _articles(engine) == []


def test_entries_without_links_fail_one_by_one(engine, farm, fetch_client):
    links = _serve_stories(farm)
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>No link here</title></item><item><title>Ok</title><link>{links[0]}</link></item>"
        "</channel></rss>"
    )
    farm.serve("/feed", body, "application/rss+xml")
    report = _poll(engine, fetch_client, _add(engine, farm.url("/feed")))
    assert (report.new, report.failed, report.status) == (1, 1, "ok")
    assert "has no link" in [e for e in report.entries if e["status"] == "failed"][0]["error"]


def test_a_feed_of_only_linkless_entries_fails(engine, farm, fetch_client):
    farm.serve(
        "/feed",
        '<rss version="2.0"><channel><title>T</title><item><title>a</title></item></channel></rss>',
        "application/rss+xml",
    )
    _failed(engine, fetch_client, _add(engine, farm.url("/feed")), "every entry failed")


def test_entries_pointing_at_private_addresses_are_refused(engine, farm, fetch_client):
    farm.serve(
        "/feed",
        rss(
            [
                ("http://10.0.0.7/memo", ""),
                ("http://192.168.1.20/admin", ""),
                (farm.url("/news/ferry", host="127.0.0.1"), ""),
                ("http://inside.test/x", ""),
            ]
        ),
        "application/rss+xml",
    )
    report = _failed(engine, fetch_client, _add(engine, farm.url("/feed")), "every entry failed")
    assert report.failed == 4 and all("refused" in e["error"] for e in report.entries)
    assert [p for p, _ in farm.log] == ["/robots.txt", "/feed"]
    with session_scope(engine) as s:
        assert {e.status for e in s.exec(select(FeedEntry))} == {"failed"}


def test_failed_entries_are_tried_again_next_poll(engine, farm, fetch_client):
    farm.serve("/feed", rss([(farm.url("/news/late"), "")]), "application/rss+xml")
    sid = _add(engine, farm.url("/feed"))
    assert _poll(engine, fetch_client, sid).failed == 1  # 404 for now
    farm.serve("/news/late", article_html("schools"))
    assert _poll(engine, fetch_client, sid).new == 1


@pytest.mark.parametrize(
    "setup, expect",
    [
        ("status500", "answered 500"),
        ("missing", "answered 404"),
        ("loop", "redirects"),
        ("bomb", "decompressed"),
        ("huge", "limit"),
        ("drip", "no complete answer"),
        ("busy", "wait"),
    ],
)
def test_feed_fetch_failures_are_recorded(engine, farm, setup, expect):
    client = FetchClient(loopback_settings(total_timeout=1.0, max_bytes=200_000), resolver=table_resolver({}))
    if setup == "status500":
        farm.serve("/feed", "oops", status=500)
    elif setup == "loop":
        farm.routes["/feed"] = lambda h: (302, {"Location": "/feed?again"}, b"")
    elif setup == "bomb":
        farm.serve(
            "/feed", gzip.compress(b" " * 20_000_000), "application/rss+xml", headers={"Content-Encoding": "gzip"}
        )
    elif setup == "huge":
        farm.serve("/feed", b"<rss>" + b" " * 300_000, "application/rss+xml")
    elif setup == "drip":
        farm.routes["/feed"] = drip(0.2, 100)
    elif setup == "busy":
        farm.routes["/feed"] = lambda h: (429, {"Retry-After": "3600"}, b"")
    sid = _add(engine, farm.url("/feed"))
    _failed(engine, client, sid, expect)
    if setup == "busy":
        src = _source(engine, sid)
        assert (src.next_poll_at - src.last_polled_at).total_seconds() >= 3600


def test_an_article_too_big_or_not_html_fails_alone(engine, farm):
    client = FetchClient(loopback_settings(max_bytes=200_000), resolver=table_resolver({}))
    links = _serve_stories(farm)
    farm.serve("/big", b"<html>" + b"a" * 300_000)
    farm.serve("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    farm.serve("/photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    farm.serve(
        "/feed",
        rss([(links[0], ""), (farm.url("/big"), ""), (farm.url("/report.pdf"), ""), (farm.url("/photo.jpg"), "")]),
        "application/rss+xml",
    )
    report = _poll(engine, client, _add(engine, farm.url("/feed")))
    assert (report.new, report.failed) == (1, 3)
    errors = sorted(e["error"] for e in report.entries if e["error"])
    assert any("not an HTML page" in e and "pdf" in e for e in errors)
    assert any("image/jpeg" in e for e in errors)
    assert any("limit" in e for e in errors)


def test_dns_failure_is_recorded(engine, fetch_client):
    _failed(engine, fetch_client, _add(engine, "http://gone.test/feed"), "could not be resolved")
