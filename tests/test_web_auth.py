"""Logging in and out, and who may see what."""
import pytest

from claimtrack.web.access import ROLE_ORDER, access_level, role_at_least
from claimtrack.web.auth import safe_next

from .helpers import login, make_user


def test_anonymous_user_is_sent_to_login(client):
    response = client.get("/articles")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_login_page_renders(client):
    response = client.get("/login")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert '<label for="username">' in page and '<label for="password">' in page


def test_login_with_good_and_bad_passwords(client, engine):
    make_user(engine, "rita", "reviewer")
    bad = login(client, "rita", "wrong password here")
    assert bad.status_code == 401
    assert "Unknown username or wrong password." in bad.get_data(as_text=True)
    unknown = login(client, "nobody", "whatever password")
    assert unknown.status_code == 401
    ok = login(client, "rita")
    assert ok.status_code == 302 and ok.headers["Location"] == "/articles"
    assert client.get("/articles").status_code == 200


def test_login_redirects_only_to_local_paths(client, engine):
    make_user(engine, "rita", "reviewer")
    response = client.post("/login?next=https://evil.example/x",
                           data={"username": "rita", "password": "correct horse battery"})
    assert response.headers["Location"] == "/articles"


@pytest.mark.parametrize("target, expected", [
    ("/articles/3", "/articles/3"), ("/?page=2", "/?page=2"), ("https://evil.example", None),
    ("//evil.example", None), ("/\\evil.example", None), ("javascript:alert(1)", None), ("", None),
])
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_inactive_user_cannot_log_in(client, engine):
    from claimtrack.db import session_scope
    from claimtrack.services.users import find_user

    make_user(engine, "gone", "editor")
    with session_scope(engine) as s:
        find_user(s, "gone").is_active = False
    assert login(client, "gone").status_code == 401


def test_logout_requires_post_and_ends_the_session(client, engine):
    make_user(engine, "rita", "reviewer")
    login(client, "rita")
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 302
    assert client.get("/articles").status_code == 302


def test_csrf_is_enforced_when_enabled(app_config, engine):
    from claimtrack import create_app

    make_user(engine, "rita", "reviewer")
    app = create_app({**app_config, "WTF_CSRF_ENABLED": True})
    client = app.test_client()
    response = client.post("/login", data={"username": "rita", "password": "correct horse battery"})
    assert response.status_code == 400
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    ok = client.post("/login", data={"username": "rita", "password": "correct horse battery", "csrf_token": token})
    assert ok.status_code == 302


def test_every_route_declares_who_may_use_it(app):
    missing = [rule.endpoint for rule in app.url_map.iter_rules() if access_level(app, rule.endpoint) is None]
    assert missing == []


def test_role_order():
    assert role_at_least("admin", "editor") and role_at_least("editor", "reviewer")
    assert not role_at_least("viewer", "reviewer") and not role_at_least(None, "viewer")
    assert role_at_least(None, "public")
    assert ROLE_ORDER == ("viewer", "reviewer", "editor", "admin")


def test_errors_are_plain_pages_without_internals(app, engine, caplog):
    @app.route("/boom")
    def boom():
        raise RuntimeError("secret internals")
    boom.access_level = "viewer"

    make_user(engine, "rita", "reviewer")
    client = app.test_client()
    login(client, "rita")
    missing = client.get("/articles/999999")
    assert missing.status_code == 404
    assert "Traceback" not in missing.get_data(as_text=True)
    response = client.get("/boom")
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "secret internals" not in page and "Error id:" in page
    error_id = page.split("Error id: <code>")[1].split("<")[0]
    assert any(error_id in r.getMessage() and r.exc_info for r in caplog.records)
