"""Imports and re-extraction started in the browser run as jobs: a JSON list or a JSON
Lines upload gets a result per item on a job page that follows its progress and
survives a reload; a retried job stores nothing twice."""

from __future__ import annotations

import io
import json
import re

from sqlmodel import select

from claimtrack.database import session_scope
from claimtrack.models import Article, Job
from tests.fixtures.jobs import drain

from .conftest import HX

STORIES = [
    {
        "title": "Ferry fares rise again",
        "outlet": "Coast Courier",
        "published": "2026-11-30",
        "body": "Harbour council leader Mara Ellison said on Monday that ferry fares had risen by 18 percent since March.",
    },
    {
        "title": "School places short",
        "outlet": "Valley News",
        "published": "2026-11-29",
        "body": "Education officer Tomas Brandt said 240 children were still waiting for a school place in the valley.",
    },
    {
        "title": "Clinic waits grow",
        "outlet": "Hill Gazette",
        "published": "2026-11-28",
        "body": "Health board chair Ines Moreau said the average wait at the town clinic had reached 19 days in October.",
    },
]


def _upload(client, name, data, headers=None):
    return client.post(
        "/articles/import",
        headers=headers or {},
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(data.encode("utf-8")), name)},
    )


def _job_path(res):
    location = res.headers.get("HX-Redirect") or res.headers["Location"]
    assert re.fullmatch(r"/jobs/\d+", location), location
    return location


def _articles(engine):
    with session_scope(engine) as s:
        return s.exec(select(Article).order_by(Article.id)).all()


def _job(engine, path):
    with session_scope(engine) as s:
        return s.get(Job, int(path.rsplit("/", 1)[1]))


def test_a_json_list_is_imported_by_a_job_with_a_result_per_item(as_role, engine, job_queue):
    client = as_role("reviewer")
    res = _upload(client, "batch.json", json.dumps(STORIES + [{"title": "No body"}]), headers=HX)
    assert res.status_code == 200
    path = _job_path(res)
    waiting = client.get(path).get_data(as_text=True)
    assert (
        "queued" in waiting and 'hx-trigger="every 1s"' in waiting and "Import of 4 articles from batch.json" in waiting
    )
    assert _articles(engine) == []
    drain(job_queue)
    page = client.get(path).get_data(as_text=True)
    assert "every 1s" not in page and "3 imported, 0 already stored, 1 failed" in page
    stored = _articles(engine)
    assert [a.title for a in stored] == [s["title"] for s in STORIES]
    for article in stored:
        assert f'href="/articles/{article.id}"' in page
    assert "batch.json[4]" in page  # the failed item is named
    job = _job(engine, path)
    assert job.state == "done" and job.done == job.total == 4 and "data" not in job.params
    # The import page lists it after a reload.
    assert f'href="{path}"' in client.get("/articles/import").get_data(as_text=True)


def test_jsonl_with_a_bad_line_reports_that_line_and_imports_the_rest(as_role, engine, job_queue):
    client = as_role("reviewer")
    lines = [json.dumps(STORIES[0]), "{not json", json.dumps(STORIES[1])]
    path = _job_path(_upload(client, "feed.jsonl", "\n".join(lines)))
    drain(job_queue)
    page = client.get(path).get_data(as_text=True)
    assert "2 imported, 0 already stored, 1 failed" in page and "feed.jsonl:2" in page and "malformed JSON" in page
    assert len(_articles(engine)) == 2


def test_a_retried_import_stores_nothing_twice(as_role, engine, job_queue):
    client = as_role("reviewer")
    path = _job_path(_upload(client, "batch.json", json.dumps(STORIES)))
    job_id = _job(engine, path).id
    # The worker dies after storing everything but before recording the result: the
    # job runs again from the start.
    with session_scope(engine) as s:
        params = dict(s.get(Job, job_id).params)
    drain(job_queue)
    with session_scope(engine) as s:
        job = s.get(Job, job_id)
        job.state, job.params, job.result = "queued", params, None
        s.add(job)
    job_queue.run(job_id, final=True)
    job = _job(engine, path)
    assert job.state == "done" and job.result["imported"] == 0 and job.result["duplicates"] == 3
    assert len(_articles(engine)) == 3


def test_the_same_file_twice_while_queued_is_one_job(as_role, job_queue):
    client = as_role("reviewer")
    first = _job_path(_upload(client, "batch.json", json.dumps(STORIES)))
    assert _job_path(_upload(client, "batch.json", json.dumps(STORIES))) == first


def test_one_article_in_json_is_still_imported_at_once(as_role, engine, job_queue):
    res = _upload(as_role("reviewer"), "one.json", json.dumps(STORIES[0]))
    assert res.status_code == 303 and res.headers["Location"].startswith("/articles/")
    assert drain(job_queue) == 0 and len(_articles(engine)) == 1


def test_viewers_cannot_upload_batches(as_role, engine, job_queue):
    assert _upload(as_role("viewer"), "batch.json", json.dumps(STORIES)).status_code == 403
    assert drain(job_queue) == 0


def test_a_pasted_article_without_outlet_or_date_is_imported_with_a_warning(as_role):
    client = as_role("reviewer")
    res = client.post("/articles/import", data={"title": "Ferry fares", "body": STORIES[0]["body"]})
    page = client.get(res.headers["Location"]).get_data(as_text=True)
    assert "No outlet and no publication date was given" in page
    res = client.post(
        "/articles/import",
        data={"title": "Schools", "body": STORIES[1]["body"], "outlet": "Valley News", "published": "2026-11-29"},
    )
    assert "No outlet" not in client.get(res.headers["Location"]).get_data(as_text=True)


def test_the_form_asks_for_outlet_and_date_and_shows_progress(as_role):
    page = as_role("reviewer").get("/articles/import").get_data(as_text=True)
    assert 'id="import-missing"' in page and 'hx-disabled-elt="find button[type=submit]"' in page
    assert "htmx-indicator" in page and ".jsonl" in page


def test_reextract_runs_as_a_job_for_editors(as_role, engine, job_queue, article):
    assert as_role("reviewer").post("/articles/reextract", data={}).status_code == 403
    client = as_role("editor")
    assert client.post("/articles/reextract", data={"article_id": "999999"}).status_code == 404
    path = _job_path(client.post("/articles/reextract", headers=HX, data={"article_id": str(article.article_id)}))
    drain(job_queue)
    page = client.get(path, headers=HX).get_data(as_text=True)
    assert "done" in page and "read again: nothing changed" in page
    everything = _job_path(client.post("/articles/reextract", data={}))
    drain(job_queue)
    assert _job(engine, everything).result["articles"] == 1
    assert "Re-extract all" in client.get("/articles").get_data(as_text=True)
    assert "Re-extract all" not in as_role("reviewer").get("/articles").get_data(as_text=True)


def test_the_page_of_a_poll_of_due_sources_lists_each_source(as_role, engine, job_queue, farm):
    from claimtrack.services.accounts.actors import Actor
    from claimtrack.services.monitoring.sources import SourceForm, add_source

    with session_scope(engine) as s:
        sid = add_source(s, Actor.system("test"), SourceForm(url=farm.url("/missing"), name="Gone feed")).id
    (job_id,) = job_queue.tick()["polls"]
    drain(job_queue)
    page = as_role("viewer").get(f"/jobs/{job_id}").get_data(as_text=True)
    assert "Poll of 1 source that was due" in page
    assert f'href="/sources/{sid}"' in page and "Gone feed" in page and "failed" in page
