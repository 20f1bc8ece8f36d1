"""The feeds and sitemaps a desk watches: add, edit, switch on and off, list, and which
are due for a poll. Admins change them; everyone may read them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import FeedSource, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..accounts.roles import require

DEFAULT_INTERVAL = 15
MAX_INTERVAL = 7 * 24 * 60  # a week, in minutes
EDITABLE = ("name", "url", "outlet", "interval_minutes", "enabled")


@dataclass(slots=True)
class SourceForm:
    url: str = ""
    name: str = ""
    outlet: str = ""
    interval: str | int = DEFAULT_INTERVAL
    enabled: bool = True


def _checked(form: SourceForm) -> dict:
    errors = {}
    url = (form.url or "").strip()
    parts = urlsplit(url)
    if not url:
        errors["url"] = "required"
    elif parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        errors["url"] = "an http:// or https:// address"
    elif len(url) > 2000:
        errors["url"] = "at most 2,000 characters"
    name = (form.name or "").strip() or (parts.hostname or "")
    if len(name) > 200:
        errors["name"] = "at most 200 characters"
    outlet = (form.outlet or "").strip()
    if len(outlet) > 200:
        errors["outlet"] = "at most 200 characters"
    try:
        interval = int(str(form.interval).strip() or DEFAULT_INTERVAL)
    except ValueError:
        interval = None
        errors["interval"] = "a whole number of minutes"
    if interval is not None and not 1 <= interval <= MAX_INTERVAL:
        errors["interval"] = f"between 1 and {MAX_INTERVAL:,} minutes"
    if errors:
        raise ValidationError("Please correct the highlighted fields.", fields=errors)
    return {
        "url": url,
        "name": name[:200],
        "outlet": outlet or None,
        "interval_minutes": interval,
        "enabled": bool(form.enabled),
    }


def add_source(session: Session, actor: Actor, form: SourceForm) -> FeedSource:
    require(actor, "admin", "add sources")
    values = _checked(form)
    _refuse_taken_url(session, values["url"], None)
    source = FeedSource(**values, created_by_id=actor.user_id, next_poll_at=utcnow())
    try:
        with session.begin_nested():
            session.add(source)
    except IntegrityError:
        _refuse_taken_url(session, values["url"], None)
        raise
    audit.record(session, actor, "source.add", "feed_source", source.id, after=source_dict(source))
    return source


def update_source(session: Session, actor: Actor, source_id: int, form: SourceForm) -> FeedSource:
    require(actor, "admin", "edit sources")
    source = get_source(session, source_id)
    values = _checked(form)
    _refuse_taken_url(session, values["url"], source_id)
    before = source_dict(source)
    if values["url"] != source.url:
        # Another address: what the old one sent tells nothing about the new.
        source.etag = source.last_modified = source.kind = None
    for key, value in values.items():
        setattr(source, key, value)
    if source.enabled and (before["enabled"] is False or values["url"] != before["url"]):
        source.next_poll_at = utcnow()
    session.add(source)
    session.flush()
    audit.record(session, actor, "source.edit", "feed_source", source.id, before=before, after=source_dict(source))
    return source


def set_enabled(session: Session, actor: Actor, source_id: int, enabled: bool) -> FeedSource:
    source = get_source(session, source_id)
    form = SourceForm(
        url=source.url, name=source.name, outlet=source.outlet or "", interval=source.interval_minutes, enabled=enabled
    )
    return update_source(session, actor, source_id, form)


def get_source(session: Session, source_id: int) -> FeedSource:
    source = session.get(FeedSource, source_id)
    if source is None:
        raise NotFound(f"No source {source_id}.")
    return source


def list_sources(session: Session) -> list[FeedSource]:
    return list(session.exec(select(FeedSource).order_by(FeedSource.name, FeedSource.id)))


def due_source_ids(session: Session, now: datetime | None = None) -> list[int]:
    now = now or utcnow()
    query = (
        select(FeedSource.id)
        .where(FeedSource.enabled == True)  # noqa: E712 - SQL, not Python
        .where(or_(FeedSource.next_poll_at == None, FeedSource.next_poll_at <= now))  # noqa: E711
        .order_by(FeedSource.next_poll_at, FeedSource.id)
    )
    return list(session.exec(query))


def next_poll(source: FeedSource, now: datetime, retry_after: float | None = None) -> datetime:
    wait = timedelta(minutes=source.interval_minutes)
    if retry_after and timedelta(seconds=retry_after) > wait:
        wait = timedelta(seconds=retry_after)
    return now + wait


def source_dict(source: FeedSource) -> dict:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": source.id,
        "name": source.name,
        "url": source.url,
        "outlet": source.outlet,
        "kind": source.kind,
        "interval_minutes": source.interval_minutes,
        "enabled": source.enabled,
        "last_polled_at": iso(source.last_polled_at),
        "next_poll_at": iso(source.next_poll_at),
        "last_status": source.last_status,
        "last_error": source.last_error,
        "last_counts": {
            "new": source.last_new,
            "changed": source.last_changed,
            "unchanged": source.last_unchanged,
            "failed": source.last_failed,
        },
    }


def _refuse_taken_url(session: Session, url: str, own_id: int | None) -> None:
    other = session.exec(select(FeedSource.id).where(FeedSource.url == url)).first()
    if other is not None and other != own_id:
        raise ValidationError(f"That address is already watched (source {other}).", fields={"url": "already watched"})
