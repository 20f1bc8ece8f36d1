"""Logging in and out, and who may see what."""

import pytest

from claimtrack.http.access import access_level, role_at_least
from claimtrack.models import ROLES
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
    assert ok.status_code == 302 and ok.headers["Location"] == "/"
    assert client.get("/articles").status_code == 200


def test_login_redirects_only_to_local_paths(client, engine):
    make_user(engine, "rita", "reviewer")
    response = client.post(
        "/login?next=https://evil.example/x", data={"username": "rita", "password": "correct horse battery"}
    )
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/articles/3", "/articles/3"),
        ("/?page=2", "/?page=2"),
        ("https://evil.example", None),
        ("//evil.example", None),
        ("/\\evil.example", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_safe_next(target, expected):
    assert safe_next(target) == expected


def test_inactive_user_cannot_log_in(client, engine):
    from claimtrack.db import session_scope
    from claimtrack.services.accounts.users import find_user

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
    assert ROLES == ("viewer", "reviewer", "editor", "admin")


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


def test_login_lockout_per_account_is_audited(app_config, engine):
    from sqlmodel import select

    from claimtrack import create_app
    from claimtrack.db import session_scope
    from claimtrack.models import AuditEvent

    make_user(engine, "rita", "reviewer")
    app = create_app({**app_config, "LOGIN_MAX_FAILURES_PER_ACCOUNT": 3})
    client = app.test_client()
    for _ in range(3):
        assert login(client, "rita", "not the password").status_code == 401
    locked = login(client, "rita")  # the right password no longer helps
    assert locked.status_code == 429
    assert "Too many failed log-in attempts. Try again in 15 minutes." in locked.get_data(as_text=True)
    other = app.test_client()
    assert login(other, "rita").status_code == 429  # the lock is on the account, not the client
    with session_scope(engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id)).all()]
    assert actions.count("login.failure") == 3
    assert actions.count("login.locked") == 2


def test_login_lockout_per_address_and_success_resets_account(app_config, engine):
    from claimtrack import create_app

    make_user(engine, "rita", "reviewer")
    app = create_app({**app_config, "LOGIN_MAX_FAILURES_PER_ACCOUNT": 3, "LOGIN_MAX_FAILURES_PER_ADDRESS": 4})
    client = app.test_client()
    assert login(client, "rita", "wrong password 1").status_code == 401
    assert login(client, "rita", "wrong password 2").status_code == 401
    assert login(client, "rita").status_code == 302  # success clears the account's failures
    client.post("/logout")
    assert login(client, "rita", "wrong password 3").status_code == 401
    assert login(client, "rita", "wrong password 4").status_code == 401
    for name in ("someone", "another"):  # spraying other accounts from one address
        assert login(client, name, "guess guess guess").status_code in (401, 429)
    assert login(client, "rita").status_code == 429


def test_audit_log_refuses_update_and_delete_at_database_level(engine):
    import sqlalchemy as sa

    from claimtrack.db import session_scope

    make_user(engine, "rita", "reviewer")
    for sql in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
        try:
            with session_scope(engine) as s:
                s.exec(sa.text(sql))
        except sa.exc.DBAPIError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError(f"{sql} was allowed")
    with session_scope(engine) as s:
        assert s.exec(sa.text("SELECT count(*) FROM audit_events")).one()[0] == 1
