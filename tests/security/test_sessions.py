"""Web sessions: cookie flags, a new session at log-in, log-out that really ends the
session (a copied cookie stops working), and `next=` that only goes to our own paths."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import func, select

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import WebSession
from tests.helpers import PASSWORD, login, make_user


def _cookie(client) -> str | None:
    found = client.get_cookie("session")
    return found.value if found else None


def _with_cookie(app, value: str):
    """A different browser that presents a copy of `value` as its session cookie."""
    other = app.test_client()
    other.set_cookie("session", value)
    return other


def _is_logged_in(client) -> bool:
    response = client.get("/articles")
    assert response.status_code in (200, 302), response.status_code
    return response.status_code == 200


def _live_sessions(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(select(func.count(WebSession.id))).one()


@pytest.fixture
def rita(engine) -> int:
    return make_user(engine, "rita", "reviewer")


def _set_cookie_header(response) -> str:
    (header,) = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("session=")]
    return header


def test_session_cookie_is_httponly_and_samesite_lax_not_secure_by_default(client, rita):
    header = _set_cookie_header(login(client, "rita"))
    parts = [p.strip().lower() for p in header.split(";")]
    assert "httponly" in parts and "samesite=lax" in parts
    assert "secure" not in parts


def test_session_cookie_is_secure_when_configured(app_config, rita):
    client = create_app({**app_config, "SESSION_COOKIE_SECURE": True}).test_client()
    header = _set_cookie_header(login(client, "rita"))
    parts = [p.strip().lower() for p in header.split(";")]
    assert "secure" in parts and "httponly" in parts and "samesite=lax" in parts


def test_login_issues_a_new_session_so_a_planted_one_is_useless(app_config, rita):
    # With CSRF on, the log-in page itself starts an anonymous session: the one an
    # attacker could plant in a victim's browser before they log in.
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    before = _cookie(client)
    assert before
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": "rita", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302
    after = _cookie(client)
    assert after and after != before
    assert _is_logged_in(client)
    assert not _is_logged_in(_with_cookie(app, before))


def test_each_login_gets_its_own_server_side_session(app, engine, rita):
    first, second = app.test_client(), app.test_client()
    login(first, "rita")
    login(second, "rita")
    assert _cookie(first) != _cookie(second)
    assert _live_sessions(engine) == 2
    first.post("/logout")
    assert _live_sessions(engine) == 1
    assert not _is_logged_in(first) and _is_logged_in(second)  # log-out ends only its own session


def test_logout_invalidates_the_session_even_for_a_copied_cookie(app, client, rita):
    login(client, "rita")
    stolen = _cookie(client)
    assert _is_logged_in(_with_cookie(app, stolen))
    assert client.post("/logout").status_code == 302
    assert not _is_logged_in(client)
    replay = _with_cookie(app, stolen)
    response = replay.get("/articles")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_a_session_cookie_does_not_authenticate_the_api(client, rita):
    # The API takes bearer tokens only; a browser session riding along would let any
    # page the reviewer visits call it without a CSRF token.
    login(client, "rita")
    response = client.get("/api/v1/articles")
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"


def test_a_log_in_lasts_twelve_hours_by_default(app):
    assert app.permanent_session_lifetime == timedelta(hours=12)


def test_sessions_expire_on_the_server_after_the_configured_lifetime(app_config, engine, rita):

    from sqlalchemy import update

    from claimtrack.models import utcnow

    app = create_app(app_config)
    client = app.test_client()
    login(client, "rita")
    assert _is_logged_in(client)
    lifetime = app.permanent_session_lifetime
    with session_scope(engine) as s:
        s.exec(update(WebSession).values(created_at=utcnow() - lifetime - timedelta(seconds=1)))
    assert not _is_logged_in(client)


EVIL = [
    "//evil.example",
    "https://evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "///evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "http:/evil.example",
    "\\\\evil.example",
]


@pytest.mark.parametrize("target", EVIL)
def test_login_next_never_leaves_the_site(client, rita, target):
    response = client.post("/login", query_string={"next": target}, data={"username": "rita", "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"


@pytest.mark.parametrize("target", EVIL)
def test_login_page_for_a_logged_in_user_never_leaves_the_site(client, rita, target):
    login(client, "rita")
    response = client.get("/login", query_string={"next": target})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_login_next_keeps_our_own_paths(client, rita, engine):
    response = client.post(
        "/login", query_string={"next": "/articles?page=2"}, data={"username": "rita", "password": PASSWORD}
    )
    assert response.headers["Location"] == "/articles?page=2"
