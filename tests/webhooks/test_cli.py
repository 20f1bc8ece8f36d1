"""`claimtrack webhooks add / list / deliveries / rotate / redeliver`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from claimtrack.cli import cli
from tests.conftest import EXAMPLE
from tests.helpers import import_file


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_add_prints_the_secret_once_and_list_never_does(cli_env, monkeypatch, receiver):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_NETWORKS", "127.0.0.3/32")
    result = run(
        "webhooks",
        "add",
        receiver.url(),
        "--event",
        "factcheck.published",
        "--event",
        "article.imported",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["id"] == 1 and doc["secret"].startswith("whsec_")
    assert doc["events"] == ["factcheck.published", "article.imported"]
    listed = run("webhooks", "list", "--format", "json")
    assert "whsec_" not in listed.output and json.loads(listed.output)[0]["url"] == receiver.url()
    text = run("webhooks", "list").output
    assert "on" in text and "factcheck.published, article.imported" in text
    rotated = json.loads(run("webhooks", "rotate", "1", "--format", "json").output)
    assert rotated["secret"] != doc["secret"] and rotated["rotation_ends"]


def test_deliveries_show_the_log(cli_env, monkeypatch, engine, receiver):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_NETWORKS", "127.0.0.3/32")
    run("webhooks", "add", receiver.url(), "--event", "article.imported")
    import_file(engine, EXAMPLE)
    docs = json.loads(run("webhooks", "deliveries", "1", "--format", "json").output)
    assert [(d["event"], d["state"]) for d in docs] == [("article.imported", "pending")]
    assert docs[0]["webhook_id"].startswith("msg_")
    assert "article.imported" in run("webhooks", "deliveries", "1").output
    assert "queued again" in run("webhooks", "redeliver", str(docs[0]["id"])).output


def test_internal_or_odd_addresses_are_refused_with_the_reason(cli_env, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_NETWORKS", "127.0.0.3/32")
    for url, reason in (
        ("http://127.0.0.9/hook", "127.0.0.9 is a loopback address"),
        ("http://10.1.2.3/hook", "10.1.2.3 is a private address"),
        ("ftp://127.0.0.3/hook", "only http and https"),
        ("http://[::1]/hook", "::1 is a loopback address"),
    ):
        result = CliRunner().invoke(cli, ["webhooks", "add", url, "--event", "article.imported"])
        assert result.exit_code != 0 and reason in str(result.exception or result.output), url


def test_an_unknown_event_is_refused(cli_env):
    result = CliRunner().invoke(cli, ["webhooks", "add", "http://127.0.0.3/", "--event", "claim.eaten"])
    assert result.exit_code == 2 and "claim.eaten" in result.output
