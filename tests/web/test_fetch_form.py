"""The import page's "fetch by address" form: a job is queued and its page follows it."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import Article
from tests.fixtures.jobs import drain
from tests.monitoring.pages import article_html

from .conftest import HX


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def test_import_page_offers_the_address_field(as_role):
    page = as_role("reviewer").get("/articles/import").get_data(as_text=True)
    assert 'id="fetch-form"' in page and 'name="address"' in page and 'action="/articles/fetch"' in page


@pytest.mark.parametrize(
    "address, message",
    [
        ("", "required"),
        ("ftp://example.org/x", "an http:// or https:// address"),
    ],
)
def test_bad_addresses_come_back_as_422_fragments(as_role, job_queue, address, message):
    res = as_role("reviewer").post("/articles/fetch", headers=HX, data={"address": address})
    body = res.get_data(as_text=True)
    assert res.status_code == 422 and 'id="fetch-form"' in body and "<html" not in body and message in body
    assert drain(job_queue) == 0


def _job_path(res):
    location = res.headers.get("HX-Redirect") or res.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", location), location
    return location


def test_an_address_is_imported_by_a_job_whose_page_follows_it(as_role, farm, engine, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    client = as_role("reviewer")
    res = client.post("/articles/fetch", headers=HX, data={"address": farm.url("/ferry")})
    assert res.status_code == 200
    path = _job_path(res)
    waiting = client.get(path).get_data(as_text=True)
    assert "<html" in waiting and "queued" in waiting and 'hx-trigger="every 1s"' in waiting
    drain(job_queue)
    with session_scope(engine) as s:
        (article,) = s.exec(select(Article)).all()
    fragment = client.get(path, headers=HX).get_data(as_text=True)
    assert "<html" not in fragment and "done" in fragment and "every 1s" not in fragment
    assert f'href="/articles/{article.id}"' in fragment
    # A reload shows the same state.
    assert f'href="/articles/{article.id}"' in client.get(path).get_data(as_text=True)


def test_a_refused_address_shows_the_failure_on_the_job_page(as_role, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    client = as_role("reviewer")
    path = _job_path(client.post("/articles/fetch", data={"address": farm.url("/ferry", host="127.0.0.1")}))
    drain(job_queue)
    page = client.get(path).get_data(as_text=True)
    assert "failed" in page and "loopback" in page
    assert farm.log == []


def test_viewers_cannot_fetch(as_role, farm, job_queue):
    res = as_role("viewer").post("/articles/fetch", data={"address": farm.url("/ferry")})
    assert res.status_code == 403
    assert drain(job_queue) == 0
