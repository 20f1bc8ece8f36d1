"""What leaves the building: ClaimReview documents for published verdicts.

Only a claim whose status is "published" and its current published verdict row are ever
read here; drafts, submitted, returned and superseded rows, return comments and
assignees never enter a query result. Exports stream: rows are read in batches ordered
by claim id (keyset pagination, so memory stays flat however many reviews there are).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa
from sqlmodel import Session

from ...claimreview import Appearance, Organisation, Rating, Review, claim_review
from ...claimreview import Claimant as ClaimantDoc
from ...errors import NotFound, ValidationError
from ...models import Article, Claim, Claimant, ClaimLink, Outlet, User, Verdict
from ...ratings import RatingScale, scale_from

BATCH = 500
# Outside a web request (the CLI) there is no address the server is reached at to fall back on.
NO_BASE_URL = (
    "There is no public base URL, so fact-checks have no public address: set it in "
    "Admin → Publisher settings, or set CLAIMTRACK_PUBLIC_BASE_URL."
)
PUBLIC_PATH = "/fact-checks/{claim_id}"


@dataclass(frozen=True, slots=True)
class Settings:
    base_url: str
    publisher: Organisation
    scale: RatingScale
    license: str | None = None

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Settings":
        base = (config.get("PUBLIC_BASE_URL") or "").strip().rstrip("/")
        if not base:
            raise ValidationError(NO_BASE_URL)
        name = (config.get("PUBLISHER_NAME") or "").strip() or urlsplit(base).hostname or base
        url = (config.get("PUBLISHER_URL") or "").strip() or base
        logo = (config.get("PUBLISHER_LOGO_URL") or "").strip() or None
        licence = (config.get("DEFAULT_LICENSE") or "").strip() or None
        return cls(base, Organisation(name, url, logo), scale_from(config), licence)

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
    claim_reviewed: str | None = None
    reviewer_name: str | None = None
    retracted_at: datetime | None = None
    retraction_reason: str | None = None
    first_published_at: datetime | None = None
    first_appearance: Appearance | None = None

    @property
    def appearance(self) -> Appearance:
        return Appearance(self.article_url, self.article_title, self.outlet, self.article_published)

    @property
    def reviewed_text(self) -> str:
        """What the fact-check says it reviewed: the edited text, else the claim as found."""
        return (self.claim_reviewed or "").strip() or self.text

    @property
    def job_title(self) -> str | None:
        return self.speaker_title or self.claimant_title


_COLUMNS = (
    Claim.id,
    Claim.text,
    Claim.speaker_title,
    Claimant.id,
    Claimant.name,
    Claimant.title,
    Claimant.kind,
    Claimant.same_as,
    Article.id,
    Article.url,
    Article.title,
    Article.published_at,
    Outlet.name,
    Verdict.id,
    Verdict.rating,
    Verdict.summary,
    Verdict.rationale,
    Verdict.published_at,
    Verdict.correction_note,
    Verdict.claim_reviewed,
    sa.func.coalesce(sa.func.nullif(User.display_name, ""), User.username),
    Verdict.retracted_at,
    Verdict.retraction_reason,
)


def _with_verdict(verdict_on: sa.ColumnElement) -> sa.Select:
    return (
        sa.select(*_COLUMNS)
        .select_from(Claim)
        .join(Verdict, sa.and_(Verdict.claim_id == Claim.id, verdict_on))
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(User, User.id == Verdict.reviewer_id)
    )


def verdict_row(session: Session, claim_id: int, verdict_id: int) -> Published | None:
    """One claim with a given verdict row, published or not: for the editor's preview only."""
    row = session.execute(_with_verdict(Verdict.id == verdict_id).where(Claim.id == claim_id)).first()
    return Published(*row) if row is not None else None


def published_query() -> sa.Select:
    """Claims that are published, with their one current published verdict row."""
    return (
        _with_verdict(Verdict.state == "published")
        # `status || ''` keeps SQLite from choosing the status index, which would read every
        # published claim and sort them for each batch; walking the primary key in order
        # makes a keyset batch cost the same at any depth.
        .where((Claim.status + "") == "published")
    )


def published_rows(session: Session, query: sa.Select) -> list[Published]:
    """The rows of a query built on `published_query`, with first dates and appearances."""
    rows = [Published(*row) for row in session.execute(query).all()]
    return _decorate(session, rows) if rows else rows


_rows = published_rows


def _decorate(session: Session, rows: list[Published]) -> list[Published]:
    """Add what needs a second query per batch: the first publication date (a
    correction keeps the original date) and the earliest confirmed same-claim appearance."""
    ids = [row.claim_id for row in rows]
    first_dates = dict(
        session.execute(
            sa.select(Verdict.claim_id, sa.func.min(Verdict.published_at))
            .where(Verdict.claim_id.in_(ids), Verdict.state.in_(("published", "superseded")))
            .group_by(Verdict.claim_id)
        ).all()
    )
    linked = _same_claim_articles(session, ids)
    out = []
    for row in rows:
        first = None
        if row.claim_id in linked:
            candidates = [row.appearance, *linked[row.claim_id]]
            dated = [a for a in candidates if a.published is not None]
            if dated:
                first = min(dated, key=lambda a: a.published)
        out.append(
            replace(row, first_published_at=first_dates.get(row.claim_id) or row.published_at, first_appearance=first)
        )
    return out


def _same_claim_articles(session: Session, ids: list[int]) -> dict[int, list[Appearance]]:
    """Articles of the claims each claim is confirmed to be the same as (direct links)."""
    links = session.execute(
        sa.select(ClaimLink.claim_a_id, ClaimLink.claim_b_id).where(
            ClaimLink.relation == "same",
            ClaimLink.state == "confirmed",
            sa.or_(ClaimLink.claim_a_id.in_(ids), ClaimLink.claim_b_id.in_(ids)),
        )
    ).all()
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
            .join(Article, Article.id == Claim.article_id)
            .outerjoin(Outlet, Outlet.id == Article.outlet_id)
            .where(Claim.id.in_(other_ids))
        ).all()
    }
    return {claim_id: [articles[o] for o in sorted(os) if o in articles] for claim_id, os in others.items()}


def review_of(row: Published, settings: Settings) -> Review:
    label = settings.scale.get(row.rating)
    rating = Rating(
        alternate_name=label.alternate_name if label else row.rating,
        value=label.value if label else None,
        worst=settings.scale.worst,
        best=settings.scale.best,
        explanation=row.summary or None,
    )
    claimant = None
    if row.claimant_name:
        claimant = ClaimantDoc(row.claimant_name, row.claimant_kind or "person", row.job_title, row.claimant_same_as)
    elif row.outlet:
        # No named speaker: the outlet makes the claim in its own voice.
        claimant = ClaimantDoc(row.outlet, "organization")
    modified = row.published_at if row.first_published_at and row.published_at > row.first_published_at else None
    return Review(
        url=settings.public_url(row.claim_id),
        claim_reviewed=row.reviewed_text,
        rating=rating,
        author=settings.publisher,
        license=settings.license,
        contributor=row.reviewer_name,
        date_published=row.first_published_at or row.published_at,
        date_modified=modified,
        claimant=claimant,
        claim_date=row.article_published,
        appearance=row.appearance,
        first_appearance=row.first_appearance,
    )


def published_claim(session: Session, claim_id: int) -> Published:
    """The published fact-check of one claim; NotFound when there is none (whatever the
    claim's state: unpublished claims are indistinguishable from missing ones)."""
    rows = _rows(session, published_query().where(Claim.id == claim_id))
    if not rows:
        raise NotFound(f"There is no published fact-check #{claim_id}.")
    return rows[0]


def claimreview_for(session: Session, claim_id: int, config: Mapping[str, Any]) -> dict[str, Any]:
    """The ClaimReview of one live fact-check. A retracted one has none: schema.org has no
    way to mark a ClaimReview withdrawn, and the Fact Check Tools API withdraws markup by
    deleting it, so exports stop carrying it (the public page keeps the notice)."""
    settings = Settings.from_config(config)
    row = published_claim(session, claim_id)
    if row.retracted_at is not None:
        raise NotFound(f"Fact-check #{claim_id} was retracted; it has no ClaimReview.")
    return claim_review(review_of(row, settings))


def iter_published(
    session: Session,
    *,
    since: datetime | None = None,
    after: int = 0,
    batch: int = BATCH,
    limit: int | None = None,
    where: Sequence[sa.ColumnElement] = (),
) -> Iterator[Published]:
    """Live (published, not retracted) fact-checks in claim id order, read `batch` rows
    at a time: what the feed and the exports carry. `where` narrows them further (the
    queue's filter conditions, over Claim, Article and Claimant)."""
    remaining = limit
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        query = (
            published_query()
            .where(Claim.id > after, Verdict.retracted_at.is_(None), *where)
            .order_by(Claim.id)
            .limit(size)
        )
        if since is not None:
            query = query.where(Verdict.published_at >= since)
        rows = _rows(session, query)
        yield from rows
        if len(rows) < size:
            return
        after = rows[-1].claim_id
        if remaining is not None:
            remaining -= len(rows)


def iter_claimreviews(
    session: Session, config: Mapping[str, Any], *, since: datetime | None = None, batch: int = BATCH
) -> Iterator[dict[str, Any]]:
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
    return FeedPage([claim_review(review_of(row, settings)) for row in rows], rows[-1].claim_id if more else None)
