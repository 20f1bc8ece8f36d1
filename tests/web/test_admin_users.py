"""Accounts from the browser: the admin's users page, its htmx fragments, one-time
set-password links, and the rules (deny by default, keep one admin, audit everything)."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import ApiToken, AuditEvent, User
from claimtrack.services.accounts import password_links
from claimtrack.services.accounts.actors import Actor

from ..api.conftest import new_token
from ..helpers import PASSWORD, login
from .conftest import HX

NEW_PASSWORD = "harbour lantern ferry 77"


def _events(engine, action: str) -> list[AuditEvent]:
    with session_scope(engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


def _user(engine, username: str) -> User:
    with session_scope(engine) as s:
        user = s.exec(select(User).where(User.username == username)).one()
        s.expunge(user)
        return user


def _link_in(body: str) -> str:
    found = re.search(r'id="issued-link" value="http://localhost(/set-password/[^"]+)"', body)
    assert found, "no one-time link in the page"
    return found.group(1)


def test_users_page_and_fragment(as_role):
    admin = as_role("admin")
    page = admin.get("/admin/users")
    assert page.status_code == 200 and "HX-Request" in page.headers["Vary"]
    body = page.get_data(as_text=True)
    assert "<html" in body and 'aria-label="Administration"' in body
    for role in ("viewer", "reviewer", "editor", "admin"):
        assert f"<strong>{role}</strong>" in body
    # Only the admin has logged in, just now; the others never have.
    assert body.count(">never<") == 3 and "Last log-in" in body
    fragment = admin.get("/admin/users", headers=HX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<section id="users"') and "<html" not in fragment


def test_only_admins_get_in(as_role):
    for role in ("viewer", "reviewer", "editor"):
        refused = as_role(role).get("/admin/users")
        assert refused.status_code == 403
        assert "Not open to your role" in refused.get_data(as_text=True)
    assert as_role(None).get("/admin/users").status_code == 302


def test_admin_sees_the_admin_link_others_do_not(as_role):
    assert 'href="/admin/users"' in as_role("admin").get("/").get_data(as_text=True)
    assert 'href="/admin/users"' not in as_role("editor").get("/").get_data(as_text=True)


def test_create_with_initial_password(as_role, app, engine):
    response = as_role("admin").post(
        "/admin/users",
        data={
            "username": "rosa",
            "display_name": "Rosa Ruiz",
            "role": "reviewer",
            "how": "password",
            "password": NEW_PASSWORD,
        },
        headers=HX,
    )
    assert response.status_code == 201
    body = response.get_data(as_text=True)
    assert "rosa is created as reviewer." in body and "Rosa Ruiz" in body and NEW_PASSWORD not in body
    assert login(app.test_client(), "rosa", NEW_PASSWORD).status_code == 302
    (event,) = _events(engine, "user.create")[-1:]
    assert event.after == {"username": "rosa", "role": "reviewer"} and event.actor == "admin"


def test_create_refusals_keep_what_was_typed_but_never_the_password(as_role):
    weak = as_role("admin").post(
        "/admin/users",
        data={"username": "rosa", "role": "reviewer", "how": "password", "password": "password123"},
        headers=HX,
    )
    assert weak.status_code == 422
    body = weak.get_data(as_text=True)
    assert 'value="rosa"' in body and "password123" not in body and 'aria-invalid="true"' in body
    taken = as_role("admin").post("/admin/users", data={"username": "editor", "role": "viewer", "how": "link"})
    assert taken.status_code == 422 and "already taken" in taken.get_data(as_text=True)
    empty = as_role("admin").post("/admin/users", data={"username": "nopass", "role": "viewer", "how": "password"})
    assert empty.status_code == 422 and "Type an initial password" in empty.get_data(as_text=True)


def test_one_time_link_sets_the_password_once(as_role, app, engine):
    created = as_role("admin").post("/admin/users", data={"username": "tomas", "role": "reviewer", "how": "link"})
    assert created.status_code == 201
    path = _link_in(created.get_data(as_text=True))
    browser = app.test_client()
    page = browser.get(path)
    assert page.status_code == 200 and "Choose your password" in page.get_data(as_text=True)
    assert page.headers["Referrer-Policy"] == "same-origin" and page.headers["Cache-Control"] == "no-store"
    mismatch = browser.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD + "x"})
    assert mismatch.status_code == 422 and "The two passwords differ." in mismatch.get_data(as_text=True)
    done = browser.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 303 and done.headers["Location"] == "/login"
    assert login(app.test_client(), "tomas", NEW_PASSWORD).status_code == 302
    again = browser.get(path)
    assert again.status_code == 404 and "does not work: it was used already" in again.get_data(as_text=True)
    assert [e.action for e in _events(engine, "user.password_set")] == ["user.password_set"]


def test_an_expired_link_does_not_work(app, engine, users):
    with session_scope(engine) as s:
        user = s.get(User, users["viewer"])
        secret = password_links.issue(s, Actor.system("test"), user, lifetime=timedelta(seconds=-1))
    response = app.test_client().post(
        f"/set-password/{secret}", data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )
    assert response.status_code == 404
    assert login(app.test_client(), "viewer", NEW_PASSWORD).status_code == 401  # refused: the old password stands


def test_change_role_and_keep_one_admin(as_role, engine, users):
    admin = as_role("admin")
    changed = admin.post(f"/admin/users/{users['viewer']}/role", data={"role": "editor"}, headers=HX)
    assert changed.status_code == 200 and "viewer is now editor." in changed.get_data(as_text=True)
    assert _user(engine, "viewer").role == "editor"
    assert _events(engine, "user.role")[-1].after == {"role": "editor"}
    alone = admin.post(f"/admin/users/{users['admin']}/role", data={"role": "viewer"}, headers=HX)
    assert alone.status_code == 409 and "only active admin" in alone.get_data(as_text=True)
    assert _user(engine, "admin").role == "admin"
    lockout = admin.post(f"/admin/users/{users['admin']}/active", data={"active": "0"})
    assert lockout.status_code == 409 and _user(engine, "admin").is_active


def test_deactivate_and_reactivate(as_role, app, engine, users):
    _row, token = new_token(engine, "reviewer", "script")
    reviewer = as_role("reviewer")
    assert reviewer.get("/").status_code == 200
    plain = as_role("admin").post(f"/admin/users/{users['reviewer']}/active", data={"active": "0"})
    assert plain.status_code == 303 and plain.headers["Location"] == "/admin/users"
    assert not _user(engine, "reviewer").is_active
    assert reviewer.get("/").status_code == 302  # the live session is over
    assert login(app.test_client(), "reviewer").status_code == 401  # log-in refused
    api = app.test_client().get("/api/v1/claims", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 401
    assert _events(engine, "user.deactivate")[-1].after == {"active": False, "sessions_ended": 1, "tokens_revoked": 1}
    back = as_role("admin").post(f"/admin/users/{users['reviewer']}/active", data={"active": "1"}, headers=HX)
    assert back.status_code == 200 and "reviewer is re-activated." in back.get_data(as_text=True)
    assert login(app.test_client(), "reviewer").status_code == 302
    # The stolen-laptop case: re-activation does not bring the old token back.
    again = app.test_client().get("/api/v1/claims", headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 401
    with session_scope(engine) as s:
        assert s.exec(select(ApiToken).where(ApiToken.user_id == users["reviewer"])).first() is not None


def test_reset_password_directly_or_by_link(as_role, app, engine, users):
    editor = as_role("editor")
    assert editor.get("/").status_code == 200
    admin = as_role("admin")
    set_now = admin.post(f"/admin/users/{users['editor']}/password", data={"password": NEW_PASSWORD}, headers=HX)
    assert set_now.status_code == 200 and "editor's password is changed" in html.unescape(
        set_now.get_data(as_text=True)
    )
    assert editor.get("/").status_code == 302
    assert login(app.test_client(), "editor", NEW_PASSWORD).status_code == 302
    assert login(app.test_client(), "editor", PASSWORD).status_code == 401
    by_link = admin.post(f"/admin/users/{users['editor']}/password", data={"password": ""})
    assert by_link.status_code == 200
    path = _link_in(by_link.get_data(as_text=True))
    assert app.test_client().get(path).status_code == 200
    weak = admin.post(f"/admin/users/{users['editor']}/password", data={"password": "short"}, headers=HX)
    assert weak.status_code == 422 and "at least 12 characters" in weak.get_data(as_text=True)
    assert app.test_client().get(path).status_code == 200  # a refused reset voids nothing
    assert [e.action for e in _events(engine, "user.password_reset")] == ["user.password_reset"]
    assert len(_events(engine, "user.password_link")) == 1
