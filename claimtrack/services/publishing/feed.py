"""What leaves the building: ClaimReview documents for published verdicts.

Only a claim whose status is "published" and its current published verdict row are ever
read here; drafts, submitted, returned and superseded rows, return comments and
assignees never enter a query result. Exports stream: rows are read in batches ordered
by claim id (keyset pagination, so memory stays flat however many reviews there are).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlmodel import Session

from ...claimreview import Appearance, Claimant as ClaimantDoc, Organisation, Rating, Review, claim_review
from ...errors import NotFound, ValidationError
from ...models import Article, Claim, Claimant, ClaimLink, Outlet, Verdict
from ...ratings import RatingScale, load_scale

BATCH = 500
PUBLIC_PATH = "/fact-checks/{claim_id}"


@dataclass(frozen=True, slots=True)
class Settings:
    base_url: str
    publisher: Organisation
    scale: RatingScale

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Settings":
        base = (config.get("PUBLIC_BASE_URL") or "").strip().rstrip("/")
        if not base:
            raise ValidationError("PUBLIC_BASE_URL is not configured, so fact-checks have no public address "
                                  "(set CLAIMTRACK_PUBLIC_BASE_URL).")
        name = (config.get("PUBLISHER_NAME") or "").strip() or urlsplit(base).hostname or base
        url = (config.get("PUBLISHER_URL") or "").strip() or base
        return cls(base, Organisation(name, url), load_scale(config.get("RATING_SCALE_PATH")))

    def public_url(self, claim_id: int) -> str:
        return self.base_url + PUBLIC_PATH.format(claim_id=claim_id)


@dataclass(frozen=True, slots=True)
class Published:
    """One published fact-check: the claim, where it appeared, and its current verdict."""

    claim_id: int
    text: str
    speaker_title: str | None
    claimant_id: int | None
    claimant_name: str | None
    claimant_title: str | None
    claimant_kind: str | None
    claimant_same_as: str | None
    article_id: int
    article_url: str | None
    article_title: str
    article_published: datetime | None
    outlet: str | None
    verdict_id: int
    rating: str
    summary: str
    rationale: str
    published_at: datetime
    correction_note: str | None
    first_published_at: datetime | None = None
    first_appearance: Appearance | None = None

    @property
    def appearance(self) -> Appearance:
        return Appearance(self.article_url, self.article_title, self.outlet, self.article_published)

    @property
    def job_title(self) -> str | None:
        return self.speaker_title or self.claimant_title


_COLUMNS = (
    Claim.id, Claim.text, Claim.speaker_title, Claimant.id, Claimant.name, Claimant.title, Claimant.kind,
    Claimant.same_as, Article.id, Article.url, Article.title, Article.published_at, Outlet.name, Verdict.id,
    Verdict.rating, Verdict.summary, Verdict.rationale, Verdict.published_at, Verdict.correction_note,
)


def published_query() -> sa.Select:
    """Claims that are published, with their one current published verdict row."""
    return (
        sa.select(*_COLUMNS)
        .select_from(Claim)
        .join(Verdict, sa.and_(Verdict.claim_id == Claim.id, Verdict.state == "published"))
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        # `status || ''` keeps SQLite from choosing the status index, which would read every
        # published claim and sort them for each batch; walking the primary key in order
        # makes a keyset batch cost the same at any depth.
        .where((Claim.status + "") == "published")
    )


def _rows(session: Session, query: sa.Select) -> list[Published]:
    rows = [Published(*row) for row in session.execute(query).all()]
    return _decorate(session, rows) if rows else rows


def _decorate(session: Session, rows: list[Published]) -> list[Published]:
    """Add what needs a second query per batch: the first publication date (a
    correction keeps the original date) and the earliest confirmed same-claim appearance."""
    ids = [row.claim_id for row in rows]
    first_dates = dict(session.execute(
        sa.select(Verdict.claim_id, sa.func.min(Verdict.published_at))
        .where(Verdict.claim_id.in_(ids), Verdict.state.in_(("published", "superseded")))
        .group_by(Verdict.claim_id)).all())
    linked = _same_claim_articles(session, ids)
    out = []
    for row in rows:
        first = None
        if row.claim_id in linked:
            candidates = [row.appearance, *linked[row.claim_id]]
            dated = [a for a in candidates if a.published is not None]
            if dated:
                first = min(dated, key=lambda a: a.published)
        out.append(replace(row, first_published_at=first_dates.get(row.claim_id) or row.published_at,
                            first_appearance=first))
    return out


def _same_claim_articles(session: Session, ids: list[int]) -> dict[int, list[Appearance]]:
    """Articles of the claims each claim is confirmed to be the same as (direct links)."""
    links = session.execute(
        sa.select(ClaimLink.claim_a_id, ClaimLink.claim_b_id)
        .where(ClaimLink.relation == "same", ClaimLink.state == "confirmed",
               sa.or_(ClaimLink.claim_a_id.in_(ids), ClaimLink.claim_b_id.in_(ids)))).all()
    if not links:
        return {}
    wanted = set(ids)
    others: dict[int, set[int]] = {}
    for a, b in links:
        if a in wanted:
            others.setdefault(a, set()).add(b)
        if b in wanted:
            others.setdefault(b, set()).add(a)
    other_ids = set().union(*others.values())
    articles = {
        claim_id: Appearance(url, title, outlet, published)
        for claim_id, url, title, outlet, published in session.execute(
            sa.select(Claim.id, Article.url, Article.title, Outlet.name, Article.published_at)
            .join(Article, Article.id == Claim.article_id).outerjoin(Outlet, Outlet.id == Article.outlet_id)
            .where(Claim.id.in_(other_ids))).all()
    }
    return {claim_id: [articles[o] for o in sorted(os) if o in articles] for claim_id, os in others.items()}


def review_of(row: Published, settings: Settings) -> Review:
    label = settings.scale.get(row.rating)
    rating = Rating(
        alternate_name=label.alternate_name if label else row.rating,
        value=label.value if label else None,
        worst=settings.scale.worst, best=settings.scale.best,
        explanation=row.summary or None,
    )
    claimant = None
    if row.claimant_name:
        claimant = ClaimantDoc(row.claimant_name, row.claimant_kind or "person", row.job_title,
                               row.claimant_same_as)
    elif row.outlet:
        # No named speaker: the outlet makes the claim in its own voice.
        claimant = ClaimantDoc(row.outlet, "organization")
    modified = row.published_at if row.first_published_at and row.published_at > row.first_published_at else None
    return Review(
        url=settings.public_url(row.claim_id), claim_reviewed=row.text, rating=rating, author=settings.publisher,
        date_published=row.first_published_at or row.published_at, date_modified=modified, claimant=claimant,
        claim_date=row.article_published, appearance=row.appearance, first_appearance=row.first_appearance,
    )


def published_claim(session: Session, claim_id: int) -> Published:
    """The published fact-check of one claim; NotFound when there is none (whatever the
    claim's state: unpublished claims are indistinguishable from missing ones)."""
    rows = _rows(session, published_query().where(Claim.id == claim_id))
    if not rows:
        raise NotFound(f"There is no published fact-check #{claim_id}.")
    return rows[0]


def claimreview_for(session: Session, claim_id: int, config: Mapping[str, Any]) -> dict[str, Any]:
    settings = Settings.from_config(config)
    return claim_review(review_of(published_claim(session, claim_id), settings))


def iter_published(session: Session, *, since: datetime | None = None, after: int = 0,
                   batch: int = BATCH, limit: int | None = None) -> Iterator[Published]:
    """Published fact-checks in claim id order, read `batch` rows at a time."""
    remaining = limit
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        query = published_query().where(Claim.id > after).order_by(Claim.id).limit(size)
        if since is not None:
            query = query.where(Verdict.published_at >= since)
        rows = _rows(session, query)
        yield from rows
        if len(rows) < size:
            return
        after = rows[-1].claim_id
        if remaining is not None:
            remaining -= len(rows)


def iter_claimreviews(session: Session, config: Mapping[str, Any], *, since: datetime | None = None,
                      batch: int = BATCH) -> Iterator[dict[str, Any]]:
    settings = Settings.from_config(config)
    for row in iter_published(session, since=since, batch=batch):
        yield claim_review(review_of(row, settings))


@dataclass(frozen=True, slots=True)
class FeedPage:
    items: list[dict[str, Any]]
    next_after: int | None


def feed_page(session: Session, config: Mapping[str, Any], *, after: int = 0, size: int = 100) -> FeedPage:
    """One page of the public feed; `next_after` is the cursor of the next page."""
    settings = Settings.from_config(config)
    rows = list(iter_published(session, after=after, batch=size + 1, limit=size + 1))
    more = len(rows) > size
    rows = rows[:size]
    return FeedPage([claim_review(review_of(row, settings)) for row in rows],
                    rows[-1].claim_id if more else None)
