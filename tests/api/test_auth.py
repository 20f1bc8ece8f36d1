"""Tokens: who gets in, and that nothing but the token counts."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import ApiToken, AuditEvent, User
from claimtrack.services.accounts import tokens
from claimtrack.services.accounts.actors import Actor
from tests.helpers import login

from .conftest import new_token


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()["error"]
    assert body["code"] == code and body["message"]
    return body


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic dXNlcjpwYXNz", "bearer " + "x" * 500])
def test_missing_or_wrong_token_is_401(api, header):
    headers = {"Authorization": header} if header else {}
    response = api.get("/claims", role=None, headers=headers)
    _error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_token_works_until_revoked(api, engine):
    token_id, token = new_token(engine, "viewer")
    assert api.get("/claims", token=token).status_code == 200
    with session_scope(engine) as s:
        tokens.revoke_token(s, Actor.system("test"), token_id)
    _error(api.get("/claims", token=token), 401, "unauthorized")


def test_inactive_users_tokens_stop_working(api, engine):
    with session_scope(engine) as s:
        s.exec(select(User).where(User.username == "reviewer")).one().is_active = False
    _error(api.get("/claims", "reviewer"), 401, "unauthorized")


def test_last_used_is_recorded(api, engine):
    token_id, token = new_token(engine, "viewer")
    api.get("/rating-scale", token=token)
    with session_scope(engine) as s:
        assert s.get(ApiToken, token_id).last_used_at is not None


def test_browser_session_is_ignored_and_no_cookie_is_set(client, api):
    assert login(client, "admin").status_code == 302
    _error(client.get("/api/v1/claims"), 401, "unauthorized")
    response = api.get("/claims", "admin")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_no_csrf_token_needed(app_config, engine, users):
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    _, token = new_token(engine, "reviewer")
    response = app.test_client().post(
        "/api/v1/articles",
        json={"title": "A", "body": "Nobody said anything."},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.get_data(as_text=True)


def test_writes_are_audited_with_the_tokens_user(api, engine, claim):
    response = api.patch(f"/claims/{claim['id']}", "reviewer", json={"version": claim["version"], "text": "Edited."})
    assert response.status_code == 200, response.get_data(as_text=True)
    with session_scope(engine) as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "claim.edit")).one()
        assert event.actor == "reviewer"
        assert s.get(User, event.user_id).username == "reviewer"


def test_token_hash_only_is_stored(engine, users):
    token_id, token = new_token(engine, "viewer")
    with session_scope(engine) as s:
        row = s.get(ApiToken, token_id)
        assert row.token_hash == tokens.hash_token(token) and token not in row.token_hash


def test_only_admins_create_tokens_for_others(engine, users):
    from claimtrack.errors import PermissionDenied

    with session_scope(engine) as s:
        viewer, editor = s.get(User, users["viewer"]), s.get(User, users["editor"])
        tokens.create_token(s, Actor.of(viewer), viewer)
        with pytest.raises(PermissionDenied):
            tokens.create_token(s, Actor.of(viewer), editor)
