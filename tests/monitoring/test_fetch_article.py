"""One article by its address, through the guarded client and the usual import."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlmodel import select

from claimtrack.cli import cli
from claimtrack.database import session_scope
from claimtrack.errors import InputError
from claimtrack.fetch import FetchError
from claimtrack.models import Article, ArticleChange, AuditEvent, Claim
from claimtrack.services.accounts.actors import Actor
from claimtrack.services.monitoring.articles import import_url

from .pages import STORIES, article_html

ACTOR = Actor.system("test")


def _import(engine, client, url):
    with session_scope(engine) as session:
        return import_url(session, ACTOR, client, url, max_body_chars=2_000_000)


def test_a_page_is_imported_with_its_claims(engine, farm, fetch_client):
    farm.serve("/ferry", article_html("ferry"))
    stored = _import(engine, fetch_client, farm.url("/ferry"))
    assert stored.status == "new" and stored.claims >= 2
    with session_scope(engine) as session:
        article = session.get(Article, stored.article_id)
        assert article.title == STORIES["ferry"][0]
        assert article.url == farm.url("/ferry") and article.source_format == "html"
        assert "18 percent" in article.body
        texts = [c.text for c in session.exec(select(Claim).where(Claim.article_id == article.id))]
        assert any("18 percent" in t for t in texts)


def test_same_address_twice_is_one_article(engine, farm, fetch_client):
    farm.serve("/ferry", article_html("ferry"))
    first = _import(engine, fetch_client, farm.url("/ferry"))
    again = _import(engine, fetch_client, farm.url("/ferry"))
    assert again.status == "unchanged" and again.article_id == first.article_id
    with session_scope(engine) as session:
        assert len(session.exec(select(Article)).all()) == 1


def test_the_same_text_at_another_address_is_a_duplicate(engine, farm, fetch_client):
    farm.serve("/ferry", article_html("ferry"))
    farm.serve("/mirror/ferry", article_html("ferry"))
    first = _import(engine, fetch_client, farm.url("/ferry"))
    copy = _import(engine, fetch_client, farm.url("/mirror/ferry"))
    assert copy.status == "unchanged" and copy.article_id == first.article_id


def test_the_canonical_address_is_what_counts(engine, farm, fetch_client):
    canonical = farm.url("/news/ferry-fares")
    farm.serve("/ferry?utm=feed", article_html("ferry", canonical=canonical))
    stored = _import(engine, fetch_client, farm.url("/ferry?utm=feed"))
    with session_scope(engine) as session:
        assert session.get(Article, stored.article_id).url == canonical


def test_changed_text_is_recorded_once_and_not_stored_twice(engine, farm, fetch_client):
    farm.serve("/clinic", article_html("clinic"))
    first = _import(engine, fetch_client, farm.url("/clinic"))
    farm.serve(
        "/clinic",
        article_html("clinic", extra="A spokesperson said weekend opening would begin in January with four staff."),
    )
    changed = _import(engine, fetch_client, farm.url("/clinic"))
    again = _import(engine, fetch_client, farm.url("/clinic"))
    assert changed.status == "changed" and again.status == "changed"
    assert changed.article_id == first.article_id
    with session_scope(engine) as session:
        assert len(session.exec(select(Article)).all()) == 1
        changes = session.exec(select(ArticleChange)).all()
        assert len(changes) == 1 and changes[0].article_id == first.article_id
        events = session.exec(select(AuditEvent).where(AuditEvent.action == "article.changed")).all()
        assert len(events) == 1
        assert "weekend opening" not in session.get(Article, first.article_id).body


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("application/pdf", b"%PDF-1.4 binary stuff"),
        ("image/png", b"\x89PNG\r\n\x1a\n"),
    ],
)
def test_non_html_articles_are_refused(engine, farm, fetch_client, content_type, body):
    farm.serve("/doc", body, content_type=content_type)
    with pytest.raises(InputError, match="not an HTML page"):
        _import(engine, fetch_client, farm.url("/doc"))
    with session_scope(engine) as session:
        assert session.exec(select(Article)).all() == []


def test_a_page_without_article_text_is_refused(engine, farm, fetch_client):
    farm.serve("/empty", "<!doctype html><html><head><title>Menu</title></head><body></body></html>")
    with pytest.raises(InputError, match="no article text"):
        _import(engine, fetch_client, farm.url("/empty"))


def test_internal_addresses_are_refused(engine, farm, fetch_client):
    farm.serve("/ferry", article_html("ferry"))
    with pytest.raises(FetchError, match="127.0.0.1"):
        _import(engine, fetch_client, farm.url("/ferry", host="127.0.0.1"))
    assert farm.log == []


@pytest.fixture
def fetch_env(cli_env, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_FETCH_ALLOW_NETWORKS", "127.0.0.2/32")
    monkeypatch.setenv("CLAIMTRACK_FETCH_HOST_DELAY", "0")
    return cli_env


def test_cli_fetch_prints_the_import_result(engine, farm, fetch_env):
    farm.serve("/schools", article_html("schools"))
    result = CliRunner().invoke(cli, ["fetch", farm.url("/schools"), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert set(doc) >= {"path", "article_id", "title", "claims", "duplicate", "error"}
    assert doc["status"] == "new" and doc["title"] == STORIES["schools"][0] and doc["duplicate"] is False
    again = json.loads(CliRunner().invoke(cli, ["fetch", farm.url("/schools"), "--format", "json"]).output)
    assert again["duplicate"] is True and again["article_id"] == doc["article_id"]


def test_cli_fetch_refuses_loopback_not_allow_listed(engine, farm, fetch_env):
    from claimtrack.cli import main

    farm.serve("/schools", article_html("schools"))
    with pytest.raises(SystemExit) as exit_:
        main(["fetch", farm.url("/schools", host="127.0.0.1")])
    assert exit_.value.code == 1
    assert farm.log == []
