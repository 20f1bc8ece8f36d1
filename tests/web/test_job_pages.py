"""Job pages, the jobs list and the API describe a job in words ("Poll feed 'City Desk
RSS'", "Import of 3 articles from batch.json") with a link to what it works on, never
with its internal key; an article page re-extracts that one article as a job."""

from __future__ import annotations

import io
import json
import re

import pytest
import sqlalchemy as sa
from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import Claim, FeedSource, Job
from tests.fixtures.jobs import drain
from tests.monitoring.pages import article_html, rss

from .conftest import HX


@pytest.fixture
def app_config(app_config):
    return {**app_config, "FETCH_ALLOW_NETWORKS": "127.0.0.2/32", "FETCH_HOST_DELAY": 0}


def _job_path(res):
    location = res.headers.get("HX-Redirect") or res.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", location), location
    return location


def _only_job(engine) -> Job:
    with session_scope(engine) as s:
        return s.exec(select(Job)).one()


def test_a_poll_job_names_its_feed_and_links_to_it(as_role, api, engine, farm, job_queue):
    farm.serve("/news/ferry", article_html("ferry"))
    farm.serve("/feed", rss([(farm.url("/news/ferry"), "")]), "application/rss+xml")
    admin = as_role("admin")
    admin.post("/sources", data={"url": farm.url("/feed"), "name": "City Desk RSS", "interval": "15", "enabled": "on"})
    with session_scope(engine) as s:
        sid = s.exec(select(FeedSource.id)).one()
    path = _job_path(admin.post(f"/sources/{sid}/poll"))
    for page in (as_role("viewer").get(path).get_data(as_text=True), admin.get("/jobs").get_data(as_text=True)):
        assert "Poll feed &#39;City Desk RSS&#39;" in page and f'href="/sources/{sid}"' in page
        assert "source:" not in page
    assert f'href="{path}"' in admin.get("/jobs").get_data(as_text=True)
    doc = api.get(path, role="viewer").get_json()
    assert doc["description"] == {"text": "Poll feed 'City Desk RSS'", "object": {"type": "source", "id": sid}}
    drain(job_queue)
    assert "new 1" in admin.get(path).get_data(as_text=True)


def test_an_import_job_counts_its_articles(as_role, engine, job_queue):
    stories = [
        {"title": f"Story {i}", "outlet": "Coast Courier", "published": "2026-11-30", "body": body}
        for i, body in enumerate(
            [
                "Harbour council leader Mara Ellison said on Monday that ferry fares had risen by 18 percent.",
                "Education officer Tomas Brandt said 240 children were still waiting for a school place.",
            ]
        )
    ]
    client = as_role("reviewer")
    res = client.post(
        "/articles/import",
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(json.dumps(stories).encode()), "batch.json")},
    )
    path = _job_path(res)
    expected = "Import of 2 articles from batch.json"
    assert expected in client.get(path).get_data(as_text=True)
    assert expected in client.get("/articles/import").get_data(as_text=True)
    assert "upload:" not in client.get("/jobs").get_data(as_text=True)


def test_a_fetch_job_links_to_the_article_it_stored(as_role, engine, farm, job_queue):
    farm.serve("/ferry", article_html("ferry"))
    client = as_role("reviewer")
    path = _job_path(client.post("/articles/fetch", data={"address": farm.url("/ferry")}))
    assert f"Fetch of the article at {farm.url('/ferry')}" in client.get(path).get_data(as_text=True)
    drain(job_queue)
    article_id = _only_job(engine).result["article_id"]
    page = client.get(path).get_data(as_text=True)
    assert "Fetch of &#39;Ferry fares rise again on the island route&#39;" in page
    assert f'href="/articles/{article_id}"' in page


def test_an_article_page_reextracts_that_article_as_a_job(as_role, engine, job_queue, article):
    aid = article.article_id
    assert "Re-extract</button>" not in as_role("reviewer").get(f"/articles/{aid}").get_data(as_text=True)
    editor = as_role("editor")
    page = editor.get(f"/articles/{aid}").get_data(as_text=True)
    assert "Re-extract</button>" in page and f'name="article_id" value="{aid}"' in page
    # One untouched claim read by an older extractor: the job reads it again.
    with session_scope(engine) as s:
        claim = s.exec(select(Claim).where(Claim.article_id == aid).order_by(Claim.id)).first()
        s.execute(sa.update(Claim).where(Claim.id == claim.id).values(checkworthiness=0.0))
    path = _job_path(editor.post("/articles/reextract", data={"article_id": str(aid)}))
    waiting = editor.get(path).get_data(as_text=True)
    assert "Re-extraction of &#39;" in waiting and f'href="/articles/{aid}"' in waiting
    assert 'hx-trigger="every 1s"' in waiting and "<progress" in waiting
    drain(job_queue)
    job = _only_job(engine)
    assert job.state == "done" and job.done == job.total == 1
    assert job.result["changed"] == 1 and job.result["changes"][0]["updated"] == [claim.id]
    done = editor.get(path, headers=HX).get_data(as_text=True)
    assert "every 1s" not in done and "read again: 0 claims added, 1 updated, 0 removed" in done
    with session_scope(engine) as s:
        assert s.get(Claim, claim.id).checkworthiness > 0
    # The same button again changes nothing.
    again = _job_path(editor.post("/articles/reextract", data={"article_id": str(aid)}))
    drain(job_queue)
    assert "read again: nothing changed" in editor.get(again).get_data(as_text=True)


def test_reextract_refuses_a_bad_article_number(as_role, engine, job_queue):
    editor = as_role("editor")
    assert editor.post("/articles/reextract", data={"article_id": "7abc"}).status_code == 422
    assert editor.post("/articles/reextract", data={"article_id": "999999"}).status_code == 404
    assert as_role("reviewer").post("/articles/reextract", data={"article_id": "1"}).status_code == 403
    with session_scope(engine) as s:
        assert s.exec(select(Job)).all() == []
