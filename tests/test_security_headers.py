"""Hardening headers on every kind of response, and the debug-mode refusal."""

import pytest

from claimtrack import create_app
from claimtrack.web.security import UnsafeConfiguration

from .helpers import login, make_user


def assert_hardened(response):
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_headers_on_pages_fragments_errors_and_static(client, engine):
    make_user(engine, "rita", "reviewer")
    assert_hardened(client.get("/login"))
    login(client, "rita")
    for response in (
        client.get("/articles"),
        client.get("/articles", headers={"HX-Request": "true"}),
        client.get("/articles/424242"),
        client.get("/no-such-page"),
        client.get("/static/css/claimtrack.css"),
    ):
        assert_hardened(response)
        response.close()


def test_html_is_never_cached_by_shared_caches(client):
    assert client.get("/login").headers["Cache-Control"] == "no-store"


def test_pages_carry_no_inline_script(client):
    page = client.get("/login").get_data(as_text=True)
    import re

    for tag in re.findall(r"<script[^>]*>", page):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag
    assert " onclick=" not in page and " onload=" not in page


def test_debug_mode_is_refused_in_production(app_config):
    with pytest.raises(UnsafeConfiguration, match="debug mode is on in production"):
        create_app({**app_config, "TESTING": False, "DEBUG": True})
    assert create_app({**app_config, "TESTING": False, "DEBUG": True, "ENV_NAME": "development"}).debug
    assert not create_app({**app_config, "TESTING": False}).debug
