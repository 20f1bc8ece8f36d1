"""Job descriptions in words, whatever the job works on, including things since removed."""

from __future__ import annotations

from claimtrack.database import session_scope
from claimtrack.models import FeedSource, Job
from claimtrack.services.monitoring.job_labels import describe, describe_many


def _job(session, kind, params=None, result=None, key="k"):
    job = Job(kind=kind, key=key, params=params or {}, result=result)
    session.add(job)
    session.flush()
    return job


def test_each_kind_of_job_is_described_in_words(engine, article):
    with session_scope(engine) as s:
        feed = FeedSource(name="City Desk RSS", url="https://desk.example.org/rss")
        sitemap = FeedSource(name="Courier map", url="https://courier.example.org/news.xml", kind="sitemap")
        s.add_all([feed, sitemap])
        s.flush()
        jobs = [
            _job(s, "poll", {"source_id": feed.id}, key=f"source:{feed.id}"),
            _job(s, "poll", {"source_id": sitemap.id}),
            _job(s, "poll", {"source_id": 999}),
            _job(s, "poll_due", {"source_ids": [feed.id, sitemap.id]}),
            _job(s, "import", {"name": "batch.jsonl", "items": 12}),
            _job(s, "fetch", {"url": "https://courier.example.org/a"}),
            _job(s, "fetch", {"url": "https://courier.example.org/b"}, {"article_id": article.article_id}),
            _job(s, "reextract", {"article_id": None}),
            _job(s, "reextract", {"article_id": article.article_id}),
            _job(s, "reextract", {"article_id": 999999}),
            _job(s, "reindex"),
        ]
        labels = describe_many(s, jobs)
        title = article.title
        assert [labels[j.id].text for j in jobs] == [
            "Poll feed 'City Desk RSS'",
            "Poll sitemap 'Courier map'",
            "Poll of a source that was removed (#999)",
            "Poll of 2 sources that were due",
            "Import of 12 articles from batch.jsonl",
            "Fetch of the article at https://courier.example.org/a",
            f"Fetch of '{title}' from https://courier.example.org/b",
            "Re-extraction of every article",
            f"Re-extraction of '{title}'",
            "Re-extraction of an article that was removed (#999999)",
            "Matching index brought up to date",
        ]
        assert [labels[j.id].target for j in jobs] == [
            ("source", feed.id),
            ("source", sitemap.id),
            None,
            None,
            None,
            None,
            ("article", article.article_id),
            None,
            ("article", article.article_id),
            None,
            None,
        ]
        assert describe(s, jobs[0]) == labels[jobs[0].id]
