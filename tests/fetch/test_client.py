"""The fetch client end to end against a server on 127.0.0.2 (allow-listed for the tests)."""

from __future__ import annotations

import gzip
import threading
import time

import pytest

from claimtrack.fetch import FetchClient, FetchError
from claimtrack.fetch.politeness import SharedHostGate
from tests.fixtures.loopback import drip, loopback_settings, table_resolver

ARTICLE = "<html><head><title>Harbour bridge reopens</title></head><body><p>The bridge reopened.</p></body></html>"


def _kind(client, url, **kw):
    with pytest.raises(FetchError) as err:
        client.fetch(url, **kw)
    return err.value


def test_fetches_by_host_name_connecting_to_the_checked_address(farm, fetch_client):
    farm.serve("/story", ARTICLE)
    result = fetch_client.fetch(farm.url("/story", host="news.test"))
    assert result.status == 200 and b"Harbour bridge" in result.body
    headers = farm.requests_for("/story")[0]
    assert headers["host"] == f"news.test:{farm.port}"
    assert "claimtrack" in headers["user-agent"] and "https://factcheck.example.org" in headers["user-agent"]


def test_loopback_outside_the_allow_list_is_refused_before_connecting(farm, fetch_client):
    farm.serve("/story", ARTICLE)
    err = _kind(fetch_client, farm.url("/story", host="127.0.0.1"))
    assert err.kind == "blocked" and "127.0.0.1" in err.reason
    err = _kind(fetch_client, farm.url("/story", host="localhost"))
    assert err.kind == "blocked"
    assert farm.log == []


def test_a_name_resolving_to_a_private_address_is_refused(farm, fetch_client):
    err = _kind(fetch_client, "http://inside.test/feed")
    assert err.kind == "blocked" and "10.1.2.3" in err.reason


def test_dns_failure_is_reported(fetch_client):
    err = _kind(fetch_client, "http://nowhere.test/feed")
    assert err.kind == "dns" and "nowhere.test" in err.reason


def test_other_schemes_are_refused(fetch_client):
    assert _kind(fetch_client, "file:///etc/passwd").kind == "bad_scheme"


def test_robots_txt_is_obeyed(farm, fetch_client):
    farm.serve("/robots.txt", "User-agent: claimtrack\nDisallow: /private/\n", "text/plain")
    farm.serve("/private/memo", ARTICLE)
    farm.serve("/public/story", ARTICLE)
    err = _kind(fetch_client, farm.url("/private/memo"))
    assert err.kind == "robots"
    assert fetch_client.fetch(farm.url("/public/story")).status == 200
    assert farm.requests_for("/private/memo") == []
    # robots.txt was read once and kept.
    assert len(farm.requests_for("/robots.txt")) == 1


def test_missing_robots_txt_allows_everything(farm, fetch_client):
    farm.serve("/story", ARTICLE)
    assert fetch_client.fetch(farm.url("/story")).status == 200


def test_conditional_get_with_etag_and_last_modified(farm, fetch_client):
    stamp = "Tue, 01 Dec 2026 08:00:00 GMT"

    def feed(handler):
        if handler.headers.get("If-None-Match") == '"v1"' or handler.headers.get("If-Modified-Since") == stamp:
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Last-Modified": stamp, "Content-Type": "application/rss+xml"}, b"<rss/>"

    farm.routes["/feed"] = feed
    first = fetch_client.fetch(farm.url("/feed"))
    assert first.status == 200 and first.etag == '"v1"' and first.last_modified == stamp
    again = fetch_client.fetch(farm.url("/feed"), etag=first.etag)
    assert again.not_modified and again.body == b""
    by_date = fetch_client.fetch(farm.url("/feed"), last_modified=stamp)
    assert by_date.not_modified
    assert farm.requests_for("/feed")[1]["if-none-match"] == '"v1"'
    assert farm.requests_for("/feed")[2]["if-modified-since"] == stamp


def test_redirects_are_followed_and_each_hop_rechecked(farm, fetch_client):
    farm.serve("/final", ARTICLE)
    farm.routes["/a"] = lambda h: (301, {"Location": "/b"}, b"")
    farm.routes["/b"] = lambda h: (302, {"Location": farm.url("/final", host="news.test")}, b"")
    result = fetch_client.fetch(farm.url("/a"))
    assert result.status == 200 and result.url.endswith("/final") and result.redirects == 2
    farm.routes["/to-loopback"] = lambda h: (307, {"Location": farm.url("/final", host="127.0.0.1")}, b"")
    assert _kind(fetch_client, farm.url("/to-loopback")).kind == "blocked"
    farm.routes["/to-file"] = lambda h: (302, {"Location": "file:///etc/passwd"}, b"")
    assert _kind(fetch_client, farm.url("/to-file")).kind == "bad_scheme"


def test_redirect_loops_stop_after_five_hops(farm, fetch_client):
    farm.routes["/loop1"] = lambda h: (302, {"Location": "/loop2"}, b"")
    farm.routes["/loop2"] = lambda h: (302, {"Location": "/loop1"}, b"")
    err = _kind(fetch_client, farm.url("/loop1"))
    assert err.kind == "redirects" and "5" in err.reason
    assert len(farm.requests_for("/loop1")) + len(farm.requests_for("/loop2")) == 6


def test_429_with_retry_after_holds_back_the_host(farm, fetch_client):
    farm.routes["/busy"] = lambda h: (429, {"Retry-After": "120"}, b"slow down")
    farm.serve("/other", ARTICLE)
    err = _kind(fetch_client, farm.url("/busy"))
    assert err.kind == "retry_later" and err.status == 429 and err.retry_after == 120
    again = _kind(fetch_client, farm.url("/other"))
    assert again.kind == "retry_later"
    assert farm.requests_for("/other") == []


def test_a_back_off_one_process_learnt_holds_back_the_others(farm, tmp_path):
    # Two clients on one gate folder, as two polling processes have.
    settings = loopback_settings(obey_robots=False)
    first, second = (
        FetchClient(settings, resolver=table_resolver({}), gate=SharedHostGate(settings.host_delay, tmp_path))
        for _ in range(2)
    )
    farm.routes["/busy"] = lambda h: (429, {"Retry-After": "90"}, b"slow down")
    farm.serve("/other", ARTICLE)
    assert _kind(first, farm.url("/busy")).retry_after == 90
    again = _kind(second, farm.url("/other"))
    assert again.kind == "retry_later" and 85 <= again.retry_after <= 90
    assert farm.requests_for("/other") == []


def test_503_is_a_retry_later(farm, fetch_client):
    farm.routes["/down"] = lambda h: (503, {}, b"maintenance")
    err = _kind(fetch_client, farm.url("/down"))
    assert err.kind == "retry_later" and err.status == 503


@pytest.mark.parametrize("status", [500, 404, 410])
def test_error_statuses_are_errors(farm, fetch_client, status):
    farm.serve("/broken", "<html><body><h1>Sorry</h1></body></html>", status=status)
    err = _kind(fetch_client, farm.url("/broken"))
    assert err.kind == "http_status" and err.status == status


def test_declared_oversize_body_is_refused(farm, fetch_client):
    farm.serve("/huge", b"x" * 1_500_000)
    err = _kind(fetch_client, farm.url("/huge"))
    assert err.kind == "too_large"


def test_undeclared_oversize_body_is_stopped_while_streaming(farm, fetch_client):
    sent = []

    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(400):  # 400 x 64 KiB = 25 MiB if nobody stops reading
                handler.wfile.write(b"y" * 65536)
                sent.append(1)
        except OSError:
            pass
        handler.close_connection = True

    farm.routes["/stream"] = endless
    err = _kind(fetch_client, farm.url("/stream"))
    assert err.kind == "too_large"
    assert len(sent) < 400


def test_gzip_is_decoded_and_a_gzip_bomb_is_stopped(farm, fetch_client):
    farm.serve("/small.gz", gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"})
    assert b"Harbour bridge" in fetch_client.fetch(farm.url("/small.gz")).body
    bomb = gzip.compress(b"\0" * 60_000_000)
    assert len(bomb) < 1_000_000  # small on the wire, under the raw limit
    farm.serve("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    err = _kind(fetch_client, farm.url("/bomb"))
    assert err.kind == "too_large" and "decompressed" in err.reason


def test_corrupt_gzip_is_an_error(farm, fetch_client):
    farm.serve("/bad.gz", b"\x1f\x8b\x08\x00garbage-not-gzip", headers={"Content-Encoding": "gzip"})
    assert _kind(fetch_client, farm.url("/bad.gz")).kind == "bad_encoding"


def test_a_server_that_drips_bytes_hits_the_total_deadline(farm):
    farm.routes["/drip"] = drip(0.2, 200)
    client = FetchClient(loopback_settings(total_timeout=1.0, read_timeout=5.0), resolver=table_resolver({}))
    started = time.monotonic()
    err = _kind(client, farm.url("/drip"))
    assert err.kind == "timeout"
    assert time.monotonic() - started < 4  # far below the 40 s the drip would take


def test_a_server_that_never_answers_times_out(farm):
    farm.routes["/silent"] = lambda h: time.sleep(3)
    client = FetchClient(loopback_settings(total_timeout=5.0, read_timeout=0.5), resolver=table_resolver({}))
    assert _kind(client, farm.url("/silent")).kind == "timeout"


def test_one_request_at_a_time_per_host_with_a_pause(farm):
    spans = []

    def slow(handler):
        start = time.monotonic()
        time.sleep(0.2)
        spans.append((start, time.monotonic()))
        return 200, {"Content-Type": "text/plain"}, b"ok"

    farm.routes["/slow"] = slow
    client = FetchClient(loopback_settings(host_delay=0.3, obey_robots=False), resolver=table_resolver({}))
    threads = [threading.Thread(target=client.fetch, args=(farm.url("/slow"),)) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    spans.sort()
    assert len(spans) == 3
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start >= end + 0.25  # never overlapping, and the pause kept


def test_an_unreadable_robots_txt_stops_fetching_from_the_site(farm, fetch_client):
    farm.serve("/robots.txt", "broken", status=500)
    farm.serve("/story", ARTICLE)
    err = _kind(fetch_client, farm.url("/story"))
    assert err.kind == "robots" and "could not be read" in err.reason
    assert farm.requests_for("/story") == []


def test_robots_txt_forbidden_means_nothing_may_be_fetched(farm, fetch_client):
    farm.serve("/robots.txt", "no", status=403)
    farm.serve("/story", ARTICLE)
    assert _kind(fetch_client, farm.url("/story")).kind == "robots"


def test_a_closed_port_is_a_connection_error(fetch_client):
    err = _kind(fetch_client, "http://127.0.0.2:9/feed")
    assert err.kind == "connect"
