"""Polling one source: fetch the feed (conditionally), read its entries, fetch and import
the articles not seen before, and record what happened on the source.

Each article is stored in its own transaction together with its entry row, so a crash
or a bad entry never leaves half an article and a rerun repeats nothing. A problem with
the feed itself (unreachable, malformed, empty, not a feed) is recorded on the source;
nothing of such a feed is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, select

from ...database import error_summary
from ...errors import InputError
from ...fetch import FetchClient, FetchError, FetchResult
from ...ingest.feeds import FeedItem, ParsedFeed, parse_feed
from ...models import FeedEntry, FeedSource, utcnow
from ..accounts.actors import Actor
from .articles import Hints, fetch_article, store_article
from .pipeline import Inline
from .sources import get_source, next_poll

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.1"
)
# Children of a sitemap index read per poll: an index of a whole archive is not a feed.
MAX_CHILD_SITEMAPS = 50
Progress = Callable[[int, int], None]


@dataclass(slots=True)
class PollReport:
    source_id: int
    name: str
    status: str = "ok"  # ok, not_modified, failed
    error: str | None = None
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    entries: list[dict] = field(default_factory=list)

    def count(self, status: str, url: str | None, article_id: int | None = None, error: str | None = None) -> None:
        setattr(self, status, getattr(self, status) + 1)
        self.entries.append({"url": url, "status": status, "article_id": article_id, "error": error})

    def to_dict(self) -> dict:
        return {
            "source_id": self.source_id,
            "name": self.name,
            "status": self.status,
            "error": self.error,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "entries": self.entries,
        }


@dataclass(slots=True)
class _Snapshot:
    id: int
    name: str
    url: str
    outlet: str | None
    etag: str | None
    last_modified: str | None


@dataclass(slots=True)
class FetchedFeed:
    """A source's feed as fetched (or why it could not be): the first half of a poll,
    done ahead so that only sources with something new need the costly second half."""

    snapshot: _Snapshot
    answer: FetchResult | FetchError

    @property
    def has_news(self) -> bool:
        """The feed came back with a body to read (neither an error nor a 304)."""
        return isinstance(self.answer, FetchResult) and not self.answer.not_modified


def fetch_feed(engine: Engine, client: FetchClient, source_id: int) -> FetchedFeed:
    """Fetch a source's feed, conditionally on what the last poll was told."""
    with Session(engine) as session:
        src = get_source(session, source_id)
        snap = _Snapshot(src.id, src.name, src.url, src.outlet, src.etag, src.last_modified)
    try:
        return FetchedFeed(
            snap, client.fetch(snap.url, etag=snap.etag, last_modified=snap.last_modified, accept=FEED_ACCEPT)
        )
    except FetchError as exc:
        return FetchedFeed(snap, exc)


def poll_source(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    source_id: int,
    *,
    max_body_chars: int,
    progress: Progress | None = None,
    pipeline: Inline | None = None,
    fetched: FetchedFeed | None = None,
) -> PollReport:
    """Poll one source now. ``pipeline`` says where pages are read and links scored
    (default: in this thread; ``fleet.poll_many`` passes a pool shared by many polls);
    ``fetched``: its feed, fetched ahead by ``fetch_feed``."""
    pipeline = pipeline or Inline()
    fetched = fetched or fetch_feed(engine, client, source_id)
    snap = fetched.snapshot
    report = PollReport(snap.id, snap.name)
    answer = fetched.answer
    if isinstance(answer, FetchError):
        return _finish(pipeline, engine, report, error=answer.reason, retry_after=answer.retry_after)
    if answer.not_modified:
        report.status = "not_modified"
        return _finish(pipeline, engine, report)
    try:
        feed = _read(client, answer.body, snap.url)
    except (InputError, FetchError) as exc:
        return _finish(pipeline, engine, report, error=exc.reason)
    if not feed.items:
        return _finish(pipeline, engine, report, error="the feed lists no entries", kind=feed.kind)
    known = _known_entries(engine, snap.id)
    items = _unique(feed.items, snap.url)
    total = len(items)
    for done, (url, item) in enumerate(items, start=1):
        _poll_item(engine, actor, client, snap, url, item, known, report, max_body_chars, pipeline)
        if progress:
            progress(done, total)
    if report.failed and not (report.new or report.changed or report.unchanged):
        first = next(e["error"] for e in report.entries if e["status"] == "failed")
        return _finish(
            pipeline,
            engine,
            report,
            error=f"every entry failed ({report.failed}); the first: {first}",
            kind=feed.kind,
            validators=(answer.etag, answer.last_modified),
        )
    return _finish(pipeline, engine, report, kind=feed.kind, validators=(answer.etag, answer.last_modified))


def _read(client: FetchClient, body: bytes, url: str) -> ParsedFeed:
    feed = parse_feed(body, url)
    if feed.kind != "sitemapindex":
        return feed
    merged = ParsedFeed(kind="sitemapindex")
    for child in feed.sitemaps[:MAX_CHILD_SITEMAPS]:
        child_url = urljoin(url, child)
        part = parse_feed(client.fetch(child_url, accept=FEED_ACCEPT).body, child_url)
        if part.kind == "sitemapindex":
            raise InputError(child_url, "a sitemap index inside a sitemap index is not followed")
        merged.items.extend(part.items)
    return merged


def _unique(items: list[FeedItem], feed_url: str) -> list[tuple[str | None, FeedItem]]:
    seen: set[str] = set()
    out = []
    for item in items:
        url = urljoin(feed_url, item.url) if item.url else None
        if url is not None:
            url = url.split("#")[0][:2000]
            if url in seen:
                continue
            seen.add(url)
        out.append((url, item))
    return out


def _known_entries(engine: Engine, source_id: int) -> dict[str, tuple[str | None, str]]:
    with Session(engine) as session:
        rows = session.exec(
            select(FeedEntry.url, FeedEntry.stamp, FeedEntry.status).where(FeedEntry.source_id == source_id)
        )
        return {url: (stamp, status) for url, stamp, status in rows}


def _poll_item(
    engine: Engine,
    actor: Actor,
    client: FetchClient,
    snap: _Snapshot,
    url: str | None,
    item: FeedItem,
    known: dict,
    report: PollReport,
    max_body_chars: int,
    pipeline: Inline,
) -> None:
    if url is None:
        report.count("failed", None, error=f"the entry {item.title or '(untitled)'!r} has no link")
        return
    seen = known.get(url)
    if seen is not None and seen[1] != "failed" and seen[0] == item.stamp:
        # Listed before with the same date stamp: not fetched again.
        report.count("unchanged", url)
        return
    hints = Hints(outlet=snap.outlet or item.outlet, published=item.published, title=item.title)
    try:
        fetched = fetch_article(client, url, max_body_chars=max_body_chars, hints=hints, prepare_page=pipeline.prepare)
    except (FetchError, InputError) as exc:
        reason = exc.reason
        _save_entry(pipeline, engine, snap.id, url, item.stamp, "failed", None, reason)
        report.count("failed", url, error=reason)
        return
    try:
        with pipeline.writing(engine) as session:
            stored = store_article(session, actor, fetched, links_later=pipeline.links_later)
            _upsert_entry(session, snap.id, url, item.stamp, stored.status, stored.article_id, None)
    except OperationalError as exc:  # the database stayed locked by another process
        reason = f"the database was busy ({error_summary(exc) or 'locked'}); tried again at the next poll"
        report.count("failed", url, error=reason)
        return
    pipeline.link_article(engine, stored.indexed)
    report.count(stored.status, url, stored.article_id)


def _save_entry(
    pipeline: Inline,
    engine: Engine,
    source_id: int,
    url: str,
    stamp: str | None,
    status: str,
    article_id: int | None,
    error: str | None,
) -> None:
    with pipeline.writing(engine) as session:
        _upsert_entry(session, source_id, url, stamp, status, article_id, error)


def _upsert_entry(
    session: Session,
    source_id: int,
    url: str,
    stamp: str | None,
    status: str,
    article_id: int | None,
    error: str | None,
) -> None:
    def apply(entry: FeedEntry) -> None:
        entry.stamp, entry.status, entry.error, entry.seen_at = stamp, status, error, utcnow()
        if article_id is not None:
            entry.article_id = article_id
        session.add(entry)

    query = select(FeedEntry).where(FeedEntry.source_id == source_id, FeedEntry.url == url)
    entry = session.exec(query).first()
    if entry is not None:
        apply(entry)
        return
    try:
        with session.begin_nested():
            apply(FeedEntry(source_id=source_id, url=url, status=status))
    except IntegrityError:
        # The same source polled twice at once: the other poll wrote the row first.
        apply(session.exec(query).one())


def _finish(
    pipeline: Inline,
    engine: Engine,
    report: PollReport,
    *,
    error: str | None = None,
    retry_after: float | None = None,
    kind: str | None = None,
    validators: tuple[str | None, str | None] | None = None,
) -> PollReport:
    if error:
        report.status, report.error = "failed", error[:2000]
    now = utcnow()
    with pipeline.writing(engine) as session:
        source = session.get(FeedSource, report.source_id)
        if source is None:  # removed while it was being polled
            return report
        source.last_polled_at = now
        source.next_poll_at = next_poll(source, now, retry_after)
        source.last_status, source.last_error = report.status, report.error
        source.last_new, source.last_changed = report.new, report.changed
        source.last_unchanged, source.last_failed = report.unchanged, report.failed
        if kind:
            source.kind = kind
        if validators is not None and report.failed == 0:
            # Kept only when every entry went through: a 304 next time must not hide
            # entries that failed this time.
            source.etag = (validators[0] or None) and validators[0][:500]
            source.last_modified = (validators[1] or None) and validators[1][:100]
        elif validators is not None:
            source.etag = source.last_modified = None
        session.add(source)
    return report
