"""The import page's "fetch by address" form: full page, fragment, 422 on bad input."""
from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import Article
from tests.monitoring.pages import article_html

from .conftest import HX


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def test_import_page_offers_the_address_field(as_role):
    page = as_role("reviewer").get("/articles/import").get_data(as_text=True)
    assert 'id="fetch-form"' in page and 'name="address"' in page and 'action="/articles/fetch"' in page


@pytest.mark.parametrize("address, message", [
    ("", "required"), ("ftp://example.org/x", "an http:// or https:// address"),
])
def test_bad_addresses_come_back_as_422_fragments(as_role, address, message):
    res = as_role("reviewer").post("/articles/fetch", headers=HX, data={"address": address})
    body = res.get_data(as_text=True)
    assert res.status_code == 422 and 'id="fetch-form"' in body and "<html" not in body and message in body


def test_loopback_is_refused_and_nothing_is_fetched(as_role, farm):
    farm.serve("/ferry", article_html("ferry"))
    res = as_role("reviewer").post("/articles/fetch", data={"address": farm.url("/ferry", host="127.0.0.1")})
    body = res.get_data(as_text=True)
    assert res.status_code == 422 and "<html" in body and "loopback" in body
    assert farm.log == []


def test_an_address_is_imported_and_redirects_to_the_article(as_role, farm, engine):
    farm.serve("/ferry", article_html("ferry"))
    client = as_role("reviewer")
    res = client.post("/articles/fetch", headers=HX, data={"address": farm.url("/ferry")})
    assert res.status_code == 200 and res.headers["HX-Redirect"].startswith("/articles/")
    with session_scope(engine) as s:
        (article,) = s.exec(select(Article)).all()
    assert res.headers["HX-Redirect"] == f"/articles/{article.id}"
    again = client.post("/articles/fetch", data={"address": farm.url("/ferry")})
    assert again.status_code == 303
    assert "imported before" in client.get(again.headers["Location"]).get_data(as_text=True)


def test_viewers_cannot_fetch(as_role, farm):
    res = as_role("viewer").post("/articles/fetch", data={"address": farm.url("/ferry")})
    assert res.status_code == 403
    assert farm.log == []
