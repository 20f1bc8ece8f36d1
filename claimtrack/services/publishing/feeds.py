"""Open data feeds of published fact-checks: a schema.org DataFeed of ClaimReview items
(the shape the Data Commons fact-check feed uses), a JSON Feed 1.1 and an Atom feed.

Feeds walk fact-checks by their modification time, the publication time of the current
verdict (a correction is a new verdict, so it moves the item forward), then claim id.
A consumer keeps the newest `dateModified` it has seen and asks again with
`since=<that time>`: it is sent what changed at or after it and nothing older, so it
never downloads the whole feed again. Pages are cut with a keyset cursor of
(modified, claim id), so they stay stable while new items arrive. Retracted
fact-checks leave the feeds (schema.org has no withdrawn ClaimReview).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...claimreview import claim_review
from ...errors import ValidationError
from ...models import Claim, Verdict
from .feed import Published, Settings, published_query, published_rows, review_of

MAX_PAGE = 500
DEFAULT_LANGUAGE = "en"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_CURSOR = re.compile(r"(\d{1,19})-(\d{1,10})", re.ASCII)


def language(config: Mapping[str, Any]) -> str:
    return (config.get("PUBLICATION_LANGUAGE") or "").strip() or DEFAULT_LANGUAGE


def parse_since(raw: str | None) -> datetime | None:
    """`since` as a date (2026-01-31, from its start in UTC) or an ISO date and time."""
    text = (raw or "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.min, tzinfo=UTC)
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise ValidationError(
            f"'since' must be an ISO 8601 date or date and time (2026-01-31T09:30:00Z), not {text[:40]!r}.",
            fields={"since": "not a date"},
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def cursor_of(row: Published) -> str:
    moment = row.published_at
    micros = (moment - EPOCH) // timedelta(microseconds=1)
    return f"{micros}-{row.claim_id}"


def parse_cursor(raw: str | None) -> tuple[datetime, int] | None:
    text = (raw or "").strip()
    if not text:
        return None
    found = _CURSOR.fullmatch(text)
    if not found:
        raise ValidationError(
            "'cursor' must be copied from a previous page's next link.", fields={"cursor": "not a cursor"}
        )
    micros, claim_id = int(found.group(1)), int(found.group(2))
    try:
        moment = EPOCH + timedelta(microseconds=micros)
    except OverflowError:
        raise ValidationError("'cursor' is out of range.", fields={"cursor": "out of range"}) from None
    return moment, claim_id


@dataclass(frozen=True, slots=True)
class Changes:
    rows: list[Published]
    next_cursor: str | None
    last_retraction: datetime | None

    @property
    def last_modified(self) -> datetime | None:
        """What a Last-Modified header says: the newest change among these items, or a
        later retraction (which removes an item, a change the items cannot show)."""
        moments = [row.published_at for row in self.rows]
        if self.last_retraction is not None:
            moments.append(self.last_retraction)
        return max(moments) if moments else None


def changes(
    session: Session,
    *,
    since: datetime | None = None,
    cursor: tuple[datetime, int] | None = None,
    size: int = 100,
    newest_first: bool = False,
) -> Changes:
    """One page of live fact-checks by modification time (oldest first for machines,
    newest first for readers' feeds)."""
    size = max(1, min(size, MAX_PAGE))
    modified = Verdict.published_at
    query = published_query().where(Verdict.retracted_at.is_(None))
    if since is not None:
        query = query.where(modified >= since)
    if cursor is not None:
        moment, claim_id = cursor
        if newest_first:
            query = query.where(sa.or_(modified < moment, sa.and_(modified == moment, Claim.id < claim_id)))
        else:
            query = query.where(sa.or_(modified > moment, sa.and_(modified == moment, Claim.id > claim_id)))
    order = (modified.desc(), Claim.id.desc()) if newest_first else (modified, Claim.id)
    rows = published_rows(session, query.order_by(*order).limit(size + 1))
    more = len(rows) > size
    rows = rows[:size]
    retracted = session.execute(sa.select(sa.func.max(Verdict.retracted_at))).scalar()
    return Changes(rows, cursor_of(rows[-1]) if more else None, retracted)


def datafeed_item(row: Published, settings: Settings, lang: str) -> dict[str, Any]:
    """One DataFeedItem: the ClaimReview with its licence, language and full
    modification time (the review's own dateModified, to the second)."""
    doc = claim_review(review_of(row, settings))
    doc.pop("@context", None)
    doc["inLanguage"] = lang
    doc["dateModified"] = _stamp(row.published_at)
    if settings.license:
        doc["sdLicense"] = settings.license
    return {
        "@type": "DataFeedItem",
        "dateCreated": _stamp(row.first_published_at or row.published_at),
        "dateModified": _stamp(row.published_at),
        "item": [doc],
    }


def datafeed_head(settings: Settings, feed_url: str, modified: datetime | None) -> dict[str, Any]:
    head: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.publisher.name} fact-checks",
        "url": feed_url,
        "publisher": {"@type": "Organization", "name": settings.publisher.name, "url": settings.publisher.url},
    }
    if modified is not None:
        head["dateModified"] = _stamp(modified)
    if settings.license:
        head["license"] = settings.license
    return head


def datafeed(page: Changes, settings: Settings, lang: str, feed_url: str) -> dict[str, Any]:
    doc = datafeed_head(settings, feed_url, page.last_modified)
    doc["dataFeedElement"] = [datafeed_item(row, settings, lang) for row in page.rows]
    return doc


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
