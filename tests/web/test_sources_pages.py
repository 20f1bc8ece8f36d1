"""The Sources pages: everyone sees them, admins add, edit, switch off and poll."""

from __future__ import annotations

import pytest
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import FeedSource
from tests.fixtures.jobs import drain
from tests.monitoring.pages import article_html, rss

from .conftest import HX


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def _add(client, url, **extra):
    return client.post(
        "/sources",
        data={"url": url, "name": "Courier", "outlet": "Coast Courier", "interval": "10", "enabled": "on", **extra},
    )


def test_everyone_sees_sources_only_admins_change_them(as_role, engine):
    admin = as_role("admin")
    res = _add(admin, "https://courier.example.org/rss")
    assert res.status_code == 303
    page = as_role("viewer").get("/sources").get_data(as_text=True)
    assert "Courier" in page and "https://courier.example.org/rss" in page and "not polled yet" in page
    assert 'id="source-form"' not in page
    assert 'id="source-form"' in admin.get("/sources").get_data(as_text=True)
    assert _add(as_role("editor"), "https://other.example.org/rss").status_code == 403
    with session_scope(engine) as s:
        assert [src.url for src in s.exec(select(FeedSource))] == ["https://courier.example.org/rss"]


def test_bad_source_forms_are_422_with_the_fields(as_role):
    res = as_role("admin").post("/sources", headers=HX, data={"url": "courier.example.org", "interval": "0"})
    body = res.get_data(as_text=True)
    assert res.status_code == 422 and "<html" not in body and 'id="source-form"' in body
    assert "an http:// or https:// address" in body and "between 1 and" in body
    assert 'value="courier.example.org"' in body


def test_the_list_fragment_and_the_toggle(as_role, engine):
    admin = as_role("admin")
    _add(admin, "https://courier.example.org/rss")
    fragment = admin.get("/sources", headers=HX).get_data(as_text=True)
    assert fragment.lstrip().startswith('<div id="source-list">')
    with session_scope(engine) as s:
        sid = s.exec(select(FeedSource)).one().id
    row = admin.post(f"/sources/{sid}/enabled", headers=HX, data={}).get_data(as_text=True)
    assert row.lstrip().startswith(f'<tr id="source-{sid}">') and "Switch on" in row
    with session_scope(engine) as s:
        assert s.get(FeedSource, sid).enabled is False


def test_edit_and_poll_now(as_role, engine, farm, job_queue):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/feed", rss([(farm.url("/news/ferry"), "")]), "application/rss+xml")
    admin = as_role("admin")
    path = _add(admin, farm.url("/feed")).headers["Location"]
    assert (
        admin.post(
            path, data={"url": farm.url("/feed"), "name": "Renamed", "interval": "5", "enabled": "on"}
        ).status_code
        == 303
    )
    page = admin.get(path).get_data(as_text=True)
    assert "Renamed" in page and "5 min" in page
    job = admin.post(f"{path}/poll").headers["Location"]
    drain(job_queue)
    done = admin.get(job).get_data(as_text=True)
    assert "done" in done and "new 1" in done
    assert "1 new" in admin.get(path).get_data(as_text=True)
