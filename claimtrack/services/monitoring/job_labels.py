"""What a job is about, in words people read: "Poll feed 'City Desk RSS'", "Import of 12
articles from batch.json", with the object it works on so pages can link to it.

A job's key ("source:1", "reextract:7", an upload's hash) only tells jobs apart; it is
never shown. Names are read from the database in one query per kind of object, so a
list of jobs costs at most two queries whatever its length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, select

from ...models import Article, FeedSource, Job

SOURCE_WORDS = {"sitemap": "sitemap", "sitemapindex": "sitemap index"}


@dataclass(frozen=True, slots=True)
class JobLabel:
    text: str
    # What the job works on, for a link: ("source", id) or ("article", id); None when
    # it works on many things or on nothing that has a page.
    target: tuple[str, int] | None = None


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _int(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def describe_many(session: Session, jobs: Iterable[Job]) -> dict[int, JobLabel]:
    """A label per job id."""
    jobs = list(jobs)
    source_ids = {i for j in jobs if j.kind == "poll" and (i := _int((j.params or {}).get("source_id")))}
    article_ids = {i for j in jobs if (i := _article_of(j))}
    sources = (
        {s.id: (s.name, s.kind) for s in session.exec(select(FeedSource).where(FeedSource.id.in_(source_ids)))}
        if source_ids
        else {}
    )
    titles = (
        dict(session.exec(select(Article.id, Article.title).where(Article.id.in_(article_ids))).all())
        if article_ids
        else {}
    )
    return {j.id: _label(j, sources, titles) for j in jobs if j.id is not None}


def describe(session: Session, job: Job) -> JobLabel:
    labels = describe_many(session, [job])
    return labels[job.id] if job.id is not None else _label(job, {}, {})


def _article_of(job: Job) -> int | None:
    params, result = job.params or {}, job.result or {}
    if job.kind == "reextract":
        return _int(params.get("article_id"))
    if job.kind == "fetch":
        return _int(result.get("article_id"))
    return None


def _label(job: Job, sources: dict, titles: dict) -> JobLabel:
    params, result = job.params or {}, job.result or {}
    kind = job.kind
    if kind == "poll":
        sid = _int(params.get("source_id"))
        if sid is None or sid not in sources:
            return JobLabel(f"Poll of a source that was removed (#{sid})")
        name, source_kind = sources[sid]
        return JobLabel(f"Poll {SOURCE_WORDS.get(source_kind or '', 'feed')} '{name}'", ("source", sid))
    if kind == "poll_due":
        n = len(params.get("source_ids") or [])
        return JobLabel(f"Poll of {_plural(n, 'source')} that {'was' if n == 1 else 'were'} due")
    if kind == "fetch":
        article_id = _article_of(job)
        url = params.get("url") or "an address"
        if article_id is not None and article_id in titles:
            return JobLabel(f"Fetch of '{titles[article_id]}' from {url}", ("article", article_id))
        return JobLabel(f"Fetch of the article at {url}")
    if kind == "import":
        n = _int(params.get("items")) or _int(result.get("total")) or 0
        name = params.get("name") or result.get("name")
        return JobLabel(f"Import of {_plural(n, 'article')}" + (f" from {name}" if name else ""))
    if kind == "reextract":
        article_id = _article_of(job)
        if article_id is None:
            return JobLabel("Re-extraction of every article")
        if article_id not in titles:
            return JobLabel(f"Re-extraction of an article that was removed (#{article_id})")
        return JobLabel(f"Re-extraction of '{titles[article_id]}'", ("article", article_id))
    if kind == "reindex":
        return JobLabel("Matching index brought up to date")
    return JobLabel(f"Background job ({kind})")
