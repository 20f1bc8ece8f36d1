"""A state-changing request from another site is refused even with a valid CSRF token:
an `Origin` (or, without it, a `Referer`) that is present and not ours gives 403, and
nothing is written. Same-origin requests, and requests with neither header (API
clients), work as before. Behind a proxy, CLAIMTRACK_PUBLIC_ORIGIN names the origin
browsers use."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from claimtrack import create_app
from claimtrack.db import session_scope
from claimtrack.models import ApiToken, LoginAttempt
from claimtrack.web.origin import configured_origins, normalise

from ..api.conftest import new_token
from ..helpers import PASSWORD, make_user

OURS = "http://localhost"  # the Flask test client's address
FOREIGN = [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "https://localhost"},
    {"Origin": "http://localhost:8080"},
    {"Origin": "http://localhost.evil.example"},
    {"Origin": "garbage"},
    {"Referer": "http://evil.example/page?x=1"},
    {"Referer": "null"},
    {"Origin": "http://evil.example", "Referer": f"{OURS}/settings"},
]
OWN = [{}, {"Origin": OURS}, {"Origin": "HTTP://LOCALHOST:80"}, {"Referer": f"{OURS}/settings"}]


def _ids(headers: list[dict]) -> list[str]:
    return [" ".join(f"{k}={v}" for k, v in h.items()) or "no header" for h in headers]


@pytest.fixture
def csrf_app(app_config):
    return create_app({**app_config, "WTF_CSRF_ENABLED": True})


def _token(client, path: str = "/login") -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)


def _logged_in(app, username: str = "rita"):
    client = app.test_client()
    response = client.post(
        "/login",
        data={"username": username, "password": PASSWORD, "csrf_token": _token(client)},
        headers={"Origin": OURS},
    )
    assert response.status_code == 302
    return client


def _tokens(engine) -> int:
    with session_scope(engine) as s:
        return s.exec(sa.select(sa.func.count()).select_from(ApiToken)).one()[0]


@pytest.mark.parametrize("headers", FOREIGN, ids=_ids(FOREIGN))
def test_a_foreign_origin_is_refused_despite_a_valid_csrf_token(csrf_app, engine, headers):
    make_user(engine, "rita", "reviewer")
    client = _logged_in(csrf_app)
    response = client.post(
        "/settings/tokens", data={"name": "laptop", "csrf_token": _token(client, "/settings")}, headers=headers
    )
    assert response.status_code == 403
    assert "came from another site" in response.get_data(as_text=True)
    assert _tokens(engine) == 0


@pytest.mark.parametrize("headers", OWN, ids=_ids(OWN))
def test_our_own_origin_and_no_header_still_work(csrf_app, engine, headers):
    make_user(engine, "rita", "reviewer")
    client = _logged_in(csrf_app)
    response = client.post(
        "/settings/tokens", data={"name": "laptop", "csrf_token": _token(client, "/settings")}, headers=headers
    )
    assert response.status_code == 201
    assert _tokens(engine) == 1


@pytest.mark.parametrize("headers", FOREIGN[:2], ids=_ids(FOREIGN[:2]))
def test_anonymous_login_from_another_site_is_refused(csrf_app, engine, headers):
    make_user(engine, "rita", "reviewer")
    client = csrf_app.test_client()
    response = client.post(
        "/login", data={"username": "rita", "password": PASSWORD, "csrf_token": _token(client)}, headers=headers
    )
    assert response.status_code == 403
    with session_scope(engine) as s:
        assert s.exec(sa.select(sa.func.count()).select_from(LoginAttempt)).one()[0] == 0


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE"])
def test_other_unsafe_methods_are_checked_too(csrf_app, engine, method):
    make_user(engine, "rita", "reviewer")
    _, token = new_token(engine, "rita")
    response = csrf_app.test_client().open(
        "/api/v1/claims/1", method=method, headers={"Authorization": f"Bearer {token}", "Origin": "null"}
    )
    assert response.status_code == 403
    assert response.is_json and "another site" in response.get_json()["error"]["message"]


def test_api_clients_without_an_origin_keep_working(csrf_app, engine):
    make_user(engine, "rita", "reviewer")
    _, token = new_token(engine, "rita")
    response = csrf_app.test_client().post(
        "/api/v1/articles",
        headers={"Authorization": f"Bearer {token}"},
        json={"title": "Council budget", "body": "The mayor said taxes rose 4 percent last year."},
    )
    assert response.status_code == 201


def test_reads_are_not_checked(csrf_app, engine):
    assert csrf_app.test_client().get("/login", headers={"Origin": "http://evil.example"}).status_code == 200


def test_behind_a_proxy_the_public_origin_is_ours(app_config, engine):
    app = create_app(
        {
            **app_config,
            "WTF_CSRF_ENABLED": True,
            "PUBLIC_ORIGIN": "https://factcheck.example.org, https://desk.example.org:8443",
        }
    )
    make_user(engine, "rita", "reviewer")
    for origin, status in (
        ("https://factcheck.example.org", 302),
        ("https://desk.example.org:8443", 302),
        (OURS, 302),
        ("https://desk.example.org", 403),
        ("http://factcheck.example.org", 403),
    ):
        client = app.test_client()
        response = client.post(
            "/login",
            data={"username": "rita", "password": PASSWORD, "csrf_token": _token(client)},
            headers={"Origin": origin},
        )
        assert response.status_code == status, origin


def test_a_mistyped_public_origin_stops_start_up(app_config):
    with pytest.raises(ValueError, match="PUBLIC_ORIGIN: 'factcheck.example.org' is not an origin"):
        create_app({**app_config, "PUBLIC_ORIGIN": "factcheck.example.org"})


def test_origin_normalisation():
    assert normalise("HTTPS://Example.ORG:443") == "https://example.org"
    assert normalise("http://[::1]:5000") == "http://[::1]:5000"
    assert normalise("null") is None and normalise("ftp://example.org") is None and normalise("http://x:99999") is None
    assert configured_origins(["https://a.example", "http://b.example:81"]) == {
        "https://a.example",
        "http://b.example:81",
    }
