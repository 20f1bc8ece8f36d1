"""Reading articles: the list with claim counts, and one article with its claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ...errors import NotFound
from ...models import Article, Claim, Claimant, ClaimLink, Outlet


@dataclass(slots=True)
class ArticleView:
    article: Article
    outlet: Outlet | None
    claims: list[Claim]
    speakers: dict[int, Claimant | None]
    # claim id -> "conflict" (numbers disagree with other coverage) or "related"
    coverage: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class ArticlePage:
    rows: list[tuple[Article, str | None, int]]
    page: int
    has_next: bool
    total: int


def load_article(session: Session, article_id: int) -> ArticleView:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}.")
    outlet = session.get(Outlet, article.outlet_id) if article.outlet_id else None
    rows = session.exec(
        select(Claim, Claimant)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(Claim.article_id == article_id)
        .order_by(Claim.start_offset, Claim.id)
    ).all()
    claims = [claim for claim, _ in rows]
    return ArticleView(
        article, outlet, claims, {claim.id: who for claim, who in rows}, coverage(session, [c.id for c in claims])
    )


def coverage(session: Session, claim_ids: list[int]) -> dict[int, str]:
    """Which of these claims have related coverage or a numeric conflict (links nobody
    dismissed), so the article page can mark them."""
    out: dict[int, str] = {}
    for start in range(0, len(claim_ids), 500):
        chunk = claim_ids[start : start + 500]
        links = session.exec(
            select(ClaimLink.claim_a_id, ClaimLink.claim_b_id, ClaimLink.numeric).where(
                ClaimLink.state != "dismissed", or_(ClaimLink.claim_a_id.in_(chunk), ClaimLink.claim_b_id.in_(chunk))
            )
        ).all()
        mine = set(chunk)
        for a, b, numeric in links:
            for side in (a, b):
                if side in mine and out.get(side) != "conflict":
                    out[side] = "conflict" if numeric == "conflict" else "related"
    return out


def list_articles(session: Session, *, page: int = 1, size: int = 50) -> ArticlePage:
    claim_counts = select(Claim.article_id, func.count(Claim.id).label("n")).group_by(Claim.article_id).subquery()
    rows = session.exec(
        select(Article, Outlet.name, func.coalesce(claim_counts.c.n, 0))
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(claim_counts, claim_counts.c.article_id == Article.id)
        .order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
        .offset((page - 1) * size)
        .limit(size + 1)
    ).all()
    total = session.exec(select(func.count(Article.id))).one()
    return ArticlePage([tuple(r) for r in rows[:size]], page, len(rows) > size, total)
