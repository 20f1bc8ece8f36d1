"""Watched feeds and sitemaps, what each poll saw, background jobs, and alerts when a
checked claim comes back in new coverage."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import check_in, ts_column, utcnow

SOURCE_KINDS = ("rss", "atom", "jsonfeed", "sitemap", "sitemapindex")
POLL_STATUSES = ("ok", "not_modified", "failed")
ENTRY_STATUSES = ("new", "changed", "unchanged", "failed")
JOB_STATES = ("queued", "running", "done", "failed")
ALERT_KINDS = ("repeat", "conflict")
ALERT_STATES = ("open", "acknowledged", "reviewed")


class FeedSource(SQLModel, table=True):
    """A feed or news sitemap a desk follows (not a claim's evidence, see `Source`)."""

    __tablename__ = "feed_sources"
    __table_args__ = (
        check_in("kind", SOURCE_KINDS, "kind"),
        check_in("last_status", POLL_STATUSES, "last_status"),
        sa.CheckConstraint("interval_minutes >= 1", name="interval_minimum"),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    url: str = Field(max_length=2000, sa_column_kwargs={"unique": True})
    outlet: str | None = Field(default=None, max_length=200)
    kind: str | None = Field(default=None, max_length=16)
    interval_minutes: int = Field(default=15)
    enabled: bool = Field(default=True)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_polled_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    next_poll_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True, index=True))
    last_status: str | None = Field(default=None, max_length=16)
    last_error: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    last_new: int = Field(default=0)
    last_changed: int = Field(default=0)
    last_unchanged: int = Field(default=0)
    last_failed: int = Field(default=0)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class FeedEntry(SQLModel, table=True):
    """One address a source listed, and what became of it; a known address whose entry
    did not change is not fetched again."""

    __tablename__ = "feed_entries"
    __table_args__ = (
        check_in("status", ENTRY_STATUSES, "status"),
        sa.UniqueConstraint("source_id", "url"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="feed_sources.id", index=True)
    url: str = Field(max_length=2000)
    article_id: int | None = Field(default=None, foreign_key="articles.id", index=True)
    # The entry's own date stamp (updated, else published) as the feed gave it.
    stamp: str | None = Field(default=None, max_length=100)
    status: str = Field(max_length=16)
    error: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    seen_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class ArticleChange(SQLModel, table=True):
    """A stored article seen again with different text: the new text's hash, once."""

    __tablename__ = "article_changes"
    __table_args__ = (sa.UniqueConstraint("article_id", "content_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    content_hash: str = Field(max_length=64)
    url: str | None = Field(default=None, max_length=2000)
    seen_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class Job(SQLModel, table=True):
    """A piece of background work as people see it: state, progress and error. The job
    engine carries the work; this row is what a page polls and what survives a reload."""

    __tablename__ = "jobs"
    __table_args__ = (check_in("state", JOB_STATES, "state"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    # What the job works on, e.g. a source id or a URL: the same key while queued or
    # running is the same job, so a double click does not queue it twice.
    key: str = Field(max_length=2000, index=True)
    state: str = Field(default="queued", max_length=16)
    done: int = Field(default=0)
    total: int | None = Field(default=None)
    message: str | None = Field(default=None, max_length=500)
    error: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    attempts: int = Field(default=0)
    params: dict = Field(default_factory=dict, sa_column=sa.Column(sa.JSON, nullable=False))
    result: dict | None = Field(default=None, sa_column=sa.Column(sa.JSON, nullable=True))
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column(index=True))
    started_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    # Touched on every progress step: a running job whose heartbeat stops was lost with
    # its worker and is queued again.
    heartbeat_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    finished_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))


class ClaimAlert(SQLModel, table=True):
    """A new claim that repeats, or numerically contradicts, a claim with a published verdict."""

    __tablename__ = "claim_alerts"
    __table_args__ = (
        check_in("kind", ALERT_KINDS, "kind"),
        check_in("state", ALERT_STATES, "state"),
        sa.UniqueConstraint("claim_id", "checked_claim_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    checked_claim_id: int = Field(foreign_key="claims.id", index=True)
    verdict_id: int = Field(foreign_key="verdicts.id")
    kind: str = Field(max_length=16)
    score: float
    state: str = Field(default="open", max_length=16)
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column(index=True))
