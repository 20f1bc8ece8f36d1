"""Read models for the public fact-check pages: one fact-check, and the index.

Everything comes from `publishing.published_query` or from rows reachable from the
current published verdict (its sources, and the superseded verdicts it corrected), so
nothing a reader sees was never published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...claimreview import claim_review, embeddable_json
from ...errors import ValidationError
from ...models import Claim, Claimant, ClaimSource, Source, Verdict
from .feed import Published, Settings, published_claim, published_query, review_of

MAX_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class PublicSource:
    url: str
    title: str
    publisher: str | None
    stance: str
    excerpt: str | None


@dataclass(frozen=True, slots=True)
class Correction:
    corrected_at: datetime
    note: str
    previous_label: str
    previous_published_at: datetime | None


@dataclass(frozen=True, slots=True)
class FactCheckPage:
    item: Published
    label: str
    url: str
    sources: list[PublicSource]
    corrections: list[Correction]
    claimreview: dict[str, Any] | None

    @property
    def json_ld(self) -> str:
        """The ClaimReview for a <script type="application/ld+json"> block: every `<`,
        `>` and `&` escaped so no text (such as `</script>`) can end the element."""
        return embeddable_json(self.claimreview, indent=2)


def label_for(settings: Settings, rating: str) -> str:
    label = settings.scale.get(rating)
    return label.label if label else rating


def fact_check_page(session: Session, claim_id: int, config: Mapping[str, Any]) -> FactCheckPage:
    settings = Settings.from_config(config)
    item = published_claim(session, claim_id)
    return FactCheckPage(
        item=item,
        label=label_for(settings, item.rating),
        url=settings.public_url(item.claim_id),
        sources=_sources(session, item.claim_id),
        corrections=_corrections(session, item, settings),
        # A retracted fact-check keeps its page (with the notice) but carries no ClaimReview.
        claimreview=None if item.retracted_at else claim_review(review_of(item, settings)),
    )


def _sources(session: Session, claim_id: int) -> list[PublicSource]:
    rows = session.execute(
        sa.select(Source.url, Source.title, Source.publisher, ClaimSource.stance, ClaimSource.excerpt)
        .join(Source, Source.id == ClaimSource.source_id)
        .where(ClaimSource.claim_id == claim_id)
        .order_by(ClaimSource.id)
    ).all()
    return [PublicSource(*row) for row in rows]


def _corrections(session: Session, item: Published, settings: Settings) -> list[Correction]:
    """Newest first: each correction's note and date, and the rating it replaced. Only
    the chain of published rows behind the current one is followed."""
    out: list[Correction] = []
    current = session.get(Verdict, item.verdict_id)
    while current is not None and current.corrects_id is not None:
        previous = session.get(Verdict, current.corrects_id)
        if previous is None or previous.state != "superseded":
            break
        out.append(
            Correction(
                current.published_at,
                current.correction_note or "",
                label_for(settings, previous.rating),
                previous.published_at,
            )
        )
        current = previous
    return out


@dataclass(frozen=True, slots=True)
class IndexPage:
    items: list[Published]
    labels: dict[str, str]
    total: int
    page: int
    pages: int
    claimants: list[tuple[int, str]]
    ratings: list[tuple[str, str]]
    claimant_id: int | None
    rating: str | None


def fact_check_index(
    session: Session,
    config: Mapping[str, Any],
    *,
    claimant_id: int | None = None,
    rating: str | None = None,
    page: int = 1,
    size: int = 20,
) -> IndexPage:
    settings = Settings.from_config(config)
    if rating and settings.scale.get(rating) is None:
        raise ValidationError(f"Unknown verdict {rating!r}; choose one of: {', '.join(settings.scale.keys())}.")
    if page < 1:
        raise ValidationError("Pages are numbered from 1.")
    size = max(1, min(size, MAX_PAGE_SIZE))
    query = published_query()
    if claimant_id is not None:
        query = query.where(Claim.claimant_id == claimant_id)
    if rating:
        query = query.where(Verdict.rating == rating)
    total = session.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    rows = [
        Published(*row)
        for row in session.execute(
            query.order_by(Verdict.published_at.desc(), Claim.id.desc()).offset((page - 1) * size).limit(size)
        ).all()
    ]
    claimants = session.execute(
        sa.select(Claimant.id, Claimant.name)
        .distinct()
        .join(Claim, Claim.claimant_id == Claimant.id)
        .join(Verdict, sa.and_(Verdict.claim_id == Claim.id, Verdict.state == "published"))
        # Readers filter by who said it: people and organisations, not "officials".
        .where(Claim.status == "published", Claimant.kind.in_(("person", "organization")))
        .order_by(Claimant.name, Claimant.id)
    ).all()
    return IndexPage(
        items=rows,
        labels={label.key: label.label for label in settings.scale.labels},
        total=total,
        page=page,
        pages=max(1, -(-total // size)),
        claimants=[tuple(c) for c in claimants],
        ratings=[(label.key, label.label) for label in settings.scale.labels],
        claimant_id=claimant_id,
        rating=rating or None,
    )
