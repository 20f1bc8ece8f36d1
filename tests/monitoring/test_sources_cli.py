"""`claimtrack sources add|list|poll` against the loopback farm."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimtrack.api import render_monitoring
from claimtrack.cli import cli, main
from claimtrack.database import session_scope
from claimtrack.models import FeedSource

from .pages import article_html, rss


@pytest.fixture
def fetch_env(cli_env, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_NETWORKS", "127.0.0.2/32")
    monkeypatch.setenv("CLAIMTRACK_FETCH_HOST_DELAY", "0")
    return cli_env


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_add_list_and_poll(engine, farm, fetch_env):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/news/schools", article_html("schools"))
    farm.serve(
        "/feed",
        rss([(farm.url("/news/ferry"), ""), (farm.url("/news/schools"), ""), (farm.url("/news/gone"), "")]),
        "application/rss+xml",
    )
    added = run(
        [
            "sources",
            "add",
            farm.url("/feed"),
            "--name",
            "Courier",
            "--outlet",
            "Coast Courier",
            "--interval",
            "5",
            "--format",
            "json",
        ]
    )
    doc = json.loads(added.output)
    assert doc["id"] >= 1 and doc["name"] == "Courier" and doc["interval_minutes"] == 5 and doc["enabled"] is True
    listed = json.loads(run(["sources", "list", "--format", "json"]).output)
    assert [s["id"] for s in listed] == [doc["id"]] and listed[0]["last_status"] is None
    polled = json.loads(run(["sources", "poll", str(doc["id"]), "--format", "json"]).output)
    assert len(polled) == 1
    assert {k: polled[0][k] for k in ("new", "changed", "unchanged", "failed")} == {
        "new": 2,
        "changed": 0,
        "unchanged": 0,
        "failed": 1,
    }
    again = json.loads(run(["sources", "poll", "--all", "--format", "json"]).output)
    assert (again[0]["new"], again[0]["unchanged"], again[0]["failed"]) == (0, 2, 1)
    text = run(["sources", "list"]).output
    assert "Courier" in text and "unchanged 2" in text
    # `sources list --format json` prints each source as the API answers it.
    with session_scope(engine) as s:
        api_doc = render_monitoring.feed_source(s.get(FeedSource, doc["id"]))
    assert json.loads(run(["sources", "list", "--format", "json"]).output) == [api_doc]


@pytest.mark.parametrize(
    "args, message",
    [
        (["sources", "add", "ftp://example.org/feed"], "an http:// or https:// address"),
        (["sources", "add", "https://example.org/feed", "--interval", "0"], "between 1 and"),
        (["sources", "poll"], "give a source id or --all"),
        (["sources", "poll", "999"], "No source 999"),
    ],
)
def test_bad_arguments_are_one_line_errors(engine, fetch_env, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 1
    assert message in capsys.readouterr().err


def test_the_same_address_twice_is_refused(engine, fetch_env, capsys):
    assert run(["sources", "add", "https://example.org/feed"]).exit_code == 0
    with pytest.raises(SystemExit):
        main(["sources", "add", "https://example.org/feed"])
    assert "already watched" in capsys.readouterr().err


def test_a_failed_poll_exits_1_with_the_error_recorded(engine, farm, fetch_env, capsys):
    farm.serve("/feed", "<!doctype html><html><body>hello</body></html>", "text/html")
    sid = json.loads(run(["sources", "add", farm.url("/feed"), "--format", "json"]).output)["id"]
    with pytest.raises(SystemExit) as exit_:
        main(["sources", "poll", str(sid)])
    assert exit_.value.code == 1
    assert "HTML page, not a feed" in capsys.readouterr().out
    listed = json.loads(run(["sources", "list", "--format", "json"]).output)
    assert listed[0]["last_status"] == "failed" and "HTML page" in listed[0]["last_error"]
