"""Account settings: a user's own account and API tokens, creating a token (shown once),
revoking one, changing the password; each as a full page and as an htmx fragment.
Other users' tokens can be neither seen nor revoked by changing an id in the URL."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import ApiToken, AuditEvent
from tests.api.conftest import new_token
from tests.helpers import PASSWORD, login

HX = {"HX-Request": "true"}
NEW_PASSWORD = "plum orbit glacier 42"


def _api_status(client, token: str) -> int:
    return client.get("/api/v1/articles", headers={"Authorization": f"Bearer {token}"}).status_code


def _token_value(page: str) -> str:
    return re.search(r'id="new-token-value" value="([^"]+)"', page).group(1)


def _audit(engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


def _token(engine, token_id: int) -> ApiToken:
    with session_scope(engine) as s:
        return s.get(ApiToken, token_id)


def test_every_page_links_to_settings_for_logged_in_users(as_role):
    assert 'href="/settings"' in as_role("viewer").get("/articles").get_data(as_text=True)
    assert 'href="/settings"' not in as_role(None).get("/login").get_data(as_text=True)


def test_page_shows_own_account_and_only_own_tokens(as_role, engine):
    new_token(engine, "viewer", "viewer laptop")
    revoked_id, _ = new_token(engine, "viewer", "old script")
    new_token(engine, "editor", "editor secret dashboard")
    as_role("viewer").post(f"/settings/tokens/{revoked_id}/revoke")
    response = as_role("viewer").get("/settings")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    facts = page.split('<dl class="facts">')[1].split("</dl>")[0]
    assert "<dt>Username</dt><dd>viewer</dd>" in facts and "<dt>Role</dt><dd>viewer</dd>" in facts
    assert "viewer laptop" in page and "old script" in page
    assert "editor secret dashboard" not in page
    row = page.split(f'id="token-{revoked_id}"')[1].split("</tr>")[0]
    assert "revoked" in row and "<form" not in row
    assert page.count(">live</span>") == 1 and "never" in page


def test_created_token_is_shown_once_and_works(client, as_role, engine, users):
    viewer = as_role("viewer")
    response = viewer.post("/settings/tokens", data={"name": "  fact desk sheet "})
    assert response.status_code == 201
    page = response.get_data(as_text=True)
    value = _token_value(page)
    assert "shown only this once" in page and "<html" in page
    assert _api_status(client, value) == 200
    later = viewer.get("/settings").get_data(as_text=True)
    assert value not in later and "fact desk sheet" in later
    (event,) = _audit(engine, "token.create")
    assert event.user_id == users["viewer"] and event.after["name"] == "fact desk sheet"


def test_unnamed_token_is_listed_and_audited_by_its_prefix(as_role, engine):
    viewer = as_role("viewer")
    value = _token_value(viewer.post("/settings/tokens", data={"name": ""}).get_data(as_text=True))
    later = viewer.get("/settings").get_data(as_text=True)
    assert value not in later and f"<td>{value[:6]}…</td>" in later
    with session_scope(engine) as s:
        (event,) = s.exec(select(AuditEvent).where(AuditEvent.action == "token.create")).all()
        assert event.after["name"] == f"{value[:6]}…"


def test_create_token_fragment_is_the_tokens_section(as_role):
    response = as_role("reviewer").post("/settings/tokens", data={"name": "ci"}, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 201 and "HX-Request" in response.headers["Vary"]
    assert body.lstrip().startswith('<section id="tokens"') and "<html" not in body
    assert _token_value(body)


def test_too_long_token_name_is_refused_naming_the_field(as_role, engine):
    for headers in ({}, HX):
        response = as_role("viewer").post("/settings/tokens", data={"name": "x" * 200}, headers=headers)
        body = response.get_data(as_text=True)
        assert response.status_code == 422
        assert 'id="token-name-error"' in body and "The token name is too long" in body
        assert 'id="new-token-value"' not in body
    with session_scope(engine) as s:
        assert s.exec(select(ApiToken)).all() == []


def test_revoking_own_token_stops_it(client, as_role, engine, users):
    token_id, value = new_token(engine, "reviewer", "to revoke")
    response = as_role("reviewer").post(f"/settings/tokens/{token_id}/revoke")
    assert response.status_code == 303 and response.headers["Location"] == "/settings"
    assert _token(engine, token_id).revoked_at is not None
    assert _api_status(client, value) == 401
    (event,) = _audit(engine, "token.revoke")
    assert event.user_id == users["reviewer"] and event.entity_id == token_id


def test_revoke_fragment_is_the_tokens_section(as_role, engine):
    token_id, _ = new_token(engine, "viewer", "fragment")
    response = as_role("viewer").post(f"/settings/tokens/{token_id}/revoke", headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith('<section id="tokens"')
    assert "revoked" in body.split(f'id="token-{token_id}"')[1].split("</tr>")[0]


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
def test_nobody_revokes_another_users_token_by_changing_the_id(client, as_role, engine, role):
    token_id, value = new_token(engine, "reviewer", "reviewer's own")
    for headers in ({}, HX):
        response = as_role(role).post(f"/settings/tokens/{token_id}/revoke", headers=headers)
        assert response.status_code == 404
        assert "reviewer's own" not in response.get_data(as_text=True)
    assert as_role(role).post("/settings/tokens/999999/revoke").status_code == 404
    assert _token(engine, token_id).revoked_at is None
    assert _api_status(client, value) == 200
    assert _audit(engine, "token.revoke") == []
    assert "reviewer&#39;s own" not in as_role(role).get("/settings").get_data(as_text=True)


@pytest.fixture
def api_client_token(client, engine, users):
    return client, new_token(engine, "admin")[1]


def test_api_has_no_token_endpoints_to_probe(api_client_token):
    # Tokens are managed on the settings page and the CLI only; if the API ever lists
    # them, this test must grow object-level checks like the web ones above.
    client, token = api_client_token
    for path in ("/api/v1/tokens", "/api/v1/tokens/1", "/api/v1/users/1/tokens"):
        assert client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 404


def _change(client, current=PASSWORD, new=NEW_PASSWORD, confirm=None, headers=None):
    return client.post(
        "/settings/password",
        headers=headers or {},
        data={
            "current_password": current,
            "new_password": new,
            "confirm_password": new if confirm is None else confirm,
        },
    )


@pytest.mark.parametrize(
    "current, new, confirm, field, message",
    [
        ("wrong password here", NEW_PASSWORD, None, "current-password", "Your current password is not correct."),
        ("", NEW_PASSWORD, None, "current-password", "Enter your current password."),
        (PASSWORD, NEW_PASSWORD, "plum orbit glacier 43", "confirm-password", "confirmation differ"),
        (PASSWORD, "short", None, "new-password", "at least 12 characters"),
        (PASSWORD, "password1234", None, "new-password", "too common or easy to guess"),
        (PASSWORD, "editor editor editor", None, "new-password", "too common or easy to guess"),
        (PASSWORD, PASSWORD, None, "new-password", "must differ from the current one"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HX], ids=["page", "htmx"])
def test_password_errors_name_the_field_and_change_nothing(
    as_role, engine, current, new, confirm, field, message, headers
):
    editor = as_role("editor")
    response = _change(editor, current, new, confirm, headers)
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error"' in body and message in body
    assert f'id="{field}" ' in body and 'aria-invalid="true"' in body.split(f'id="{field}" ')[1].split(">")[0]
    for typed in {current, new, confirm} - {"", None}:  # passwords are never echoed back
        assert typed not in body
    if headers:
        assert body.lstrip().startswith('<section id="password"')
    assert _audit(engine, "user.password_change") == []
    assert editor.get("/settings").status_code == 200  # still logged in
    assert login(editor.application.test_client(), "editor", PASSWORD).status_code == 302


def test_password_change_keeps_this_browser_with_a_fresh_session_and_ends_others(app, as_role, engine, users):
    editor = as_role("editor")
    elsewhere = app.test_client()
    login(elsewhere, "editor")
    old_cookie = editor.get_cookie("session").value
    response = _change(editor)
    assert response.status_code == 303 and response.headers["Location"] == "/settings"
    assert editor.get_cookie("session").value != old_cookie
    page = editor.get("/settings")
    assert page.status_code == 200 and "Your password is changed." in page.get_data(as_text=True)
    assert elsewhere.get("/articles").status_code == 302
    replay = app.test_client()
    replay.set_cookie("session", old_cookie)
    assert replay.get("/articles").status_code == 302
    assert login(app.test_client(), "editor", PASSWORD).status_code == 401
    assert login(app.test_client(), "editor", NEW_PASSWORD).status_code == 302
    (event,) = _audit(engine, "user.password_change")
    assert event.user_id == users["editor"] and event.after == {"sessions_ended": 2}


def test_password_change_by_htmx_swaps_the_section_and_keeps_the_session(as_role):
    viewer = as_role("viewer")
    response = _change(viewer, headers=HX)
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and body.lstrip().startswith('<section id="password"')
    assert "Your password is changed." in body
    assert viewer.get("/settings").status_code == 200


def test_settings_forms_need_the_csrf_token(app_config, engine, users):
    client = create_app({**app_config, "WTF_CSRF_ENABLED": True}).test_client()
    token = client.get("/login").get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "viewer", "password": PASSWORD, "csrf_token": token})
    page = client.get("/settings").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    assert client.post("/settings/tokens", data={"name": "x"}).status_code == 400
    assert client.post("/settings/password", data={"current_password": PASSWORD}).status_code == 400
    assert client.post("/settings/tokens", data={"name": "x", "csrf_token": token}).status_code == 201


def test_guessing_the_current_password_is_throttled_like_logging_in(app_config, engine, users):
    app = create_app({**app_config, "LOGIN_MAX_FAILURES_PER_ACCOUNT": 3})
    client = app.test_client()
    login(client, "reviewer")
    for attempt in range(3):
        response = _change(client, current=f"guess number {attempt}")
        assert response.status_code == 422 and "not your current password" in response.get_data(as_text=True)
    locked = _change(client)  # even the right password is refused while locked
    assert locked.status_code == 422
    assert "Too many wrong passwords. Try again in 15 minutes." in locked.get_data(as_text=True)
    assert login(app.test_client(), "reviewer").status_code == 429  # the same lock-out as logging in
    assert len(_audit(engine, "user.password_change_refused")) == 3
    assert _audit(engine, "user.password_change") == []
