"""Reading articles: the list with claim counts, and one article with its claims."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from ...errors import NotFound
from ...models import Article, Claim, Claimant, Outlet


@dataclass(slots=True)
class ArticleView:
    article: Article
    outlet: Outlet | None
    claims: list[Claim]
    speakers: dict[int, Claimant | None]


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
        select(Claim, Claimant).outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(Claim.article_id == article_id).order_by(Claim.start_offset, Claim.id)
    ).all()
    return ArticleView(article, outlet, [claim for claim, _ in rows], {claim.id: who for claim, who in rows})


def list_articles(session: Session, *, page: int = 1, size: int = 50) -> ArticlePage:
    claim_counts = (select(Claim.article_id, func.count(Claim.id).label("n"))
                    .group_by(Claim.article_id).subquery())
    rows = session.exec(
        select(Article, Outlet.name, func.coalesce(claim_counts.c.n, 0))
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(claim_counts, claim_counts.c.article_id == Article.id)
        .order_by(Article.published_at.desc().nulls_last(), Article.id.desc())
        .offset((page - 1) * size).limit(size + 1)
    ).all()
    total = session.exec(select(func.count(Article.id))).one()
    return ArticlePage([tuple(r) for r in rows[:size]], page, len(rows) > size, total)
