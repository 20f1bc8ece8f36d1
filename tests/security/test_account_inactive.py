"""Deactivated users: no log-in (with the same answer as any failed log-in, so nobody
learns which accounts exist), no API access with their tokens, and a browser session
they already had stops working on its next request."""

from __future__ import annotations

import re

from claimtrack.db import session_scope
from claimtrack.services.accounts.users import find_user
from tests.api.conftest import new_token
from tests.helpers import PASSWORD, login, make_user


def _deactivate(engine, username: str) -> None:
    with session_scope(engine) as s:
        find_user(s, username).is_active = False


def _error(response) -> str:
    return re.search(r'<p class="form-error" role="alert">([^<]*)</p>', response.get_data(as_text=True)).group(1)


def test_inactive_user_cannot_log_in_and_the_answer_reveals_nothing(app, engine):
    make_user(engine, "gone", "editor")
    make_user(engine, "here", "editor")
    _deactivate(engine, "gone")
    client = app.test_client()
    inactive = login(client, "gone")  # the right password
    wrong = login(app.test_client(), "here", "not the password at all")
    unknown = login(app.test_client(), "nobody", PASSWORD)
    assert inactive.status_code == wrong.status_code == unknown.status_code == 401
    assert _error(inactive) == _error(wrong) == _error(unknown)
    assert "Unknown username or wrong password" in _error(inactive)
    assert client.get("/articles").status_code == 302


def test_inactive_users_tokens_stop_working(client, engine):
    make_user(engine, "gone", "editor")
    _, token = new_token(engine, "gone")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/articles", headers=headers).status_code == 200
    _deactivate(engine, "gone")
    response = client.get("/api/v1/articles", headers=headers)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_a_session_ends_on_the_next_request_after_deactivation(client, engine):
    make_user(engine, "gone", "editor")
    assert login(client, "gone").status_code == 302
    assert client.get("/articles").status_code == 200
    _deactivate(engine, "gone")
    page = client.get("/articles")
    assert page.status_code == 302 and page.headers["Location"].startswith("/login")
    write = client.post("/articles/import", data={"title": "T", "body": "The mayor said taxes rose."})
    assert write.status_code == 302 and write.headers["Location"].startswith("/login")
    assert client.get("/settings").status_code == 302
