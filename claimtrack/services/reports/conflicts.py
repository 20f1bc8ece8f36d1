"""Numeric conflicts: claim pairs whose numbers disagree across coverage (links marked
numeric "conflict" that nobody dismissed), with both sides and their sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...models import Article, Claim, Claimant, ClaimLink, ClaimSource, Outlet, Quantity, Source
from .shape import Filters, Report

SIDE = ("claim_id", "claim", "speaker", "numbers", "status", "article_id", "article", "outlet", "published", "sources")
COLUMNS = (
    ("link_id", "relation", "state", "score", "reasons") + tuple(f"a_{c}" for c in SIDE) + tuple(f"b_{c}" for c in SIDE)
)


def conflicts(session: Session, filters: Filters, config: Mapping[str, Any]) -> Report:
    links = (
        session.execute(
            sa.select(ClaimLink)
            .where(ClaimLink.numeric == "conflict", ClaimLink.state != "dismissed")
            .order_by(ClaimLink.id)
        )
        .scalars()
        .all()
    )
    if not links:
        return Report("conflicts", "Numeric conflicts", COLUMNS, [], filters.as_dict())
    ids = {link.claim_a_id for link in links} | {link.claim_b_id for link in links}
    in_scope = set(
        session.execute(
            filters.apply(
                sa.select(Claim.id)
                .select_from(Claim)
                .join(Article, Article.id == Claim.article_id)
                .where(Claim.id.in_(ids))
            )
        ).scalars()
    )
    sides = claim_sides(session, ids)
    rows = []
    for link in links:
        if link.claim_a_id not in in_scope and link.claim_b_id not in in_scope:
            continue
        row: dict[str, Any] = {
            "link_id": link.id,
            "relation": link.relation,
            "state": link.state,
            "score": round(link.score, 3),
            "reasons": list(link.reasons or []),
        }
        for prefix, claim_id in (("a", link.claim_a_id), ("b", link.claim_b_id)):
            row.update({f"{prefix}_{k}": v for k, v in sides[claim_id].items()})
        rows.append(row)
    return Report("conflicts", "Numeric conflicts", COLUMNS, rows, filters.as_dict())


def claim_sides(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    """What the report shows of each claim: text, speaker, numbers, article, sources."""
    out: dict[int, dict[str, Any]] = {}
    for claim_id, text, speaker, status, article_id, title, outlet, published in session.execute(
        sa.select(
            Claim.id,
            Claim.text,
            Claimant.name,
            Claim.status,
            Article.id,
            Article.title,
            Outlet.name,
            Article.published_at,
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(Claim.id.in_(ids))
    ).all():
        out[claim_id] = {
            "claim_id": claim_id,
            "claim": text,
            "speaker": speaker,
            "numbers": [],
            "status": status,
            "article_id": article_id,
            "article": title,
            "outlet": outlet,
            "published": published.date() if published else None,
            "sources": [],
        }
    for claim_id, quantity in session.execute(
        sa.select(Quantity.claim_id, Quantity.text).where(Quantity.claim_id.in_(ids)).order_by(Quantity.id)
    ).all():
        out[claim_id]["numbers"].append(quantity)
    for claim_id, url in session.execute(
        sa.select(ClaimSource.claim_id, Source.url)
        .join(Source, Source.id == ClaimSource.source_id)
        .where(ClaimSource.claim_id.in_(ids))
        .order_by(ClaimSource.id)
    ).all():
        out[claim_id]["sources"].append(url)
    return out
