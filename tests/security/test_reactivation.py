"""Deactivating an account ends its web sessions and revokes its API tokens for good:
activating it again lets the person log in afresh, but a stolen cookie or token from
before stays dead. Checked through the CLI and through the users service, which every
caller (CLI, admin pages) goes through."""

from __future__ import annotations

from click.testing import CliRunner
from sqlmodel import select

from claimtrack.cli import cli
from claimtrack.db import session_scope
from claimtrack.models import ApiToken, AuditEvent, WebSession
from claimtrack.services.accounts import users
from claimtrack.services.accounts.actors import Actor

from ..api.conftest import new_token
from ..helpers import login, make_user

API = "/api/v1/articles"


def _cli(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _live(app, engine, username: str):
    """A logged-in browser and a working token for a new reviewer."""
    user_id = make_user(engine, username, "reviewer")
    _, token = new_token(engine, username)
    browser = app.test_client()
    assert login(browser, username).status_code == 302
    assert browser.get("/articles").status_code == 200
    bearer = {"Authorization": f"Bearer {token}"}
    assert app.test_client().get(API, headers=bearer).status_code == 200
    return user_id, browser, bearer


def _assert_old_access_dead(app, browser, bearer) -> None:
    page = browser.get("/articles")
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    assert (
        browser.post("/articles/import", data={"title": "T", "body": "The mayor said taxes rose."}).status_code == 302
    )
    assert app.test_client().get(API, headers=bearer).status_code == 401


def test_cli_activate_does_not_revive_sessions_or_tokens(cli_env, app, engine):
    user_id, browser, bearer = _live(app, engine, "stolen")
    _cli("users", "deactivate", "stolen")
    _cli("users", "activate", "stolen")
    _assert_old_access_dead(app, browser, bearer)
    with session_scope(engine) as s:
        assert s.exec(select(WebSession).where(WebSession.user_id == user_id)).all() == []
        assert all(t.revoked_at is not None for t in s.exec(select(ApiToken).where(ApiToken.user_id == user_id)))
    # The person can come back with a fresh log-in and a fresh token.
    fresh = app.test_client()
    assert login(fresh, "stolen").status_code == 302 and fresh.get("/articles").status_code == 200
    _, token = new_token(engine, "stolen", name="new laptop")
    assert app.test_client().get(API, headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_service_deactivation_ends_sessions_and_revokes_tokens(app, engine):
    user_id, browser, bearer = _live(app, engine, "lost")
    _, second = new_token(engine, "lost", name="second")
    with session_scope(engine) as s:
        users.set_active(s, Actor.system("test"), "lost", False)
    with session_scope(engine) as s:
        users.set_active(s, Actor.system("test"), "lost", True)
    _assert_old_access_dead(app, browser, bearer)
    assert app.test_client().get(API, headers={"Authorization": f"Bearer {second}"}).status_code == 401
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "user.deactivate")).one()
        assert event.entity_id == user_id
        assert event.after == {"active": False, "sessions_ended": 1, "tokens_revoked": 2}


def test_deactivating_leaves_other_users_alone(app, engine):
    _, browser, bearer = _live(app, engine, "stays")
    make_user(engine, "goes", "reviewer")
    with session_scope(engine) as s:
        users.set_active(s, Actor.system("test"), "goes", False)
    assert browser.get("/articles").status_code == 200
    assert app.test_client().get(API, headers=bearer).status_code == 200
