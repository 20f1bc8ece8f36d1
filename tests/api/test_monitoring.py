"""The API for sources, jobs and fetch by address."""

from __future__ import annotations

import pytest

from tests.fixtures.jobs import drain
from tests.monitoring.pages import article_html, rss


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def test_sources_add_list_edit(api):
    made = api.post(
        "/sources", json={"url": "https://courier.example.org/rss", "name": "Courier", "interval_minutes": 30}
    )
    assert made.status_code == 201
    doc = made.get_json()
    assert doc["name"] == "Courier" and doc["interval_minutes"] == 30 and doc["enabled"] is True
    assert doc["last_counts"] == {"new": 0, "changed": 0, "unchanged": 0, "failed": 0}
    assert [s["id"] for s in api.get("/sources", role="viewer").get_json()["items"]] == [doc["id"]]
    edited = api.patch(f"/sources/{doc['id']}", json={"enabled": False})
    assert edited.status_code == 200 and edited.get_json()["enabled"] is False
    assert edited.get_json()["name"] == "Courier"


@pytest.mark.parametrize(
    "body, field",
    [
        ({"url": "ftp://courier.example.org/rss"}, "url"),
        ({"url": "https://x.example.org", "interval_minutes": 0}, "interval_minutes"),
        ({"url": "https://x.example.org", "colour": "red"}, "colour"),
    ],
)
def test_bad_sources_are_422(api, body, field):
    res = api.post("/sources", json=body)
    assert res.status_code == 422
    assert field in str(res.get_json()["error"])


def test_only_admins_add_sources(api):
    assert api.post("/sources", role="editor", json={"url": "https://x.example.org/rss"}).status_code == 403
    assert api.get("/sources/99").status_code == 404


def test_fetch_and_poll_as_jobs(api, farm, job_queue):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/feed", rss([(farm.url("/news/ferry"), "")]), "application/rss+xml")
    queued = api.post("/fetch", role="reviewer", json={"url": farm.url("/news/ferry")})
    assert queued.status_code == 202 and queued.get_json()["state"] == "queued"
    drain(job_queue)
    job = api.get(f"/jobs/{queued.get_json()['id']}", role="viewer").get_json()
    assert job["state"] == "done" and job["result"]["status"] == "new" and job["percent"] == 100
    sid = api.post("/sources", json={"url": farm.url("/feed")}).get_json()["id"]
    poll = api.post(f"/sources/{sid}/poll")
    assert poll.status_code == 202
    drain(job_queue)
    job = api.get(f"/jobs/{poll.get_json()['id']}").get_json()
    assert job["state"] == "done" and (job["result"]["new"], job["result"]["unchanged"]) == (0, 1)
    src = api.get(f"/sources/{sid}").get_json()
    assert src["last_status"] == "ok" and src["kind"] == "rss" and src["last_counts"]["unchanged"] == 1


def test_fetch_refuses_bad_addresses(api, job_queue):
    assert api.post("/fetch", role="reviewer", json={"url": "file:///etc/passwd"}).status_code == 422
    assert api.post("/fetch", role="viewer", json={"url": "https://x.example.org/"}).status_code == 403
    assert drain(job_queue) == 0
