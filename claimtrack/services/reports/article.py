"""Article report: every claim in one article with its speaker, status, verdict,
summary and sources, and the numeric conflicts other coverage raises against it.

This is an internal report: a claim whose verdict is still open shows that verdict
with its state (draft, submitted, returned), so editors see what is about to go out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from ...errors import NotFound
from ...models import Article, Claim, Claimant, ClaimLink, ClaimSource, Outlet, Source, Verdict
from ...ratings import scale_from
from .shape import Report

# merged_into (the claim a merged one was joined into) comes last: columns only ever grow at the end.
COLUMNS = (
    "claim_id",
    "claim",
    "speaker",
    "status",
    "verdict",
    "verdict_state",
    "summary",
    "sources",
    "conflicts_with",
    "merged_into",
)


def article_report(session: Session, article_id: int, config: Mapping[str, Any]) -> Report:
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"There is no article #{article_id}.")
    scale = scale_from(config)
    outlet = session.get(Outlet, article.outlet_id) if article.outlet_id else None
    claims = session.execute(
        sa.select(Claim.id, Claim.text, Claimant.name, Claim.status, Claim.merged_into_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(Claim.article_id == article_id)
        .order_by(Claim.start_offset, Claim.id)
    ).all()
    ids = [c.id for c in claims]
    verdicts = _verdicts(session, ids)
    sources: dict[int, list[str]] = {}
    for claim_id, url in session.execute(
        sa.select(ClaimSource.claim_id, Source.url)
        .join(Source, Source.id == ClaimSource.source_id)
        .where(ClaimSource.claim_id.in_(ids))
        .order_by(ClaimSource.id)
    ).all():
        sources.setdefault(claim_id, []).append(url)
    conflicts: dict[int, list[int]] = {}
    for a, b in session.execute(
        sa.select(ClaimLink.claim_a_id, ClaimLink.claim_b_id)
        .where(
            ClaimLink.numeric == "conflict",
            ClaimLink.state != "dismissed",
            sa.or_(ClaimLink.claim_a_id.in_(ids), ClaimLink.claim_b_id.in_(ids)),
        )
        .order_by(ClaimLink.id)
    ).all():
        if a in ids:
            conflicts.setdefault(a, []).append(b)
        if b in ids:
            conflicts.setdefault(b, []).append(a)
    rows = []
    for claim_id, text, speaker, status, merged_into in claims:
        verdict = verdicts.get(claim_id)
        label = scale.get(verdict.rating) if verdict and verdict.rating else None
        rows.append(
            {
                "claim_id": claim_id,
                "claim": text,
                "speaker": speaker,
                "status": status,
                "verdict": (label.label if label else verdict.rating or None) if verdict else None,
                "verdict_state": verdict.state if verdict else None,
                "summary": verdict.summary if verdict else None,
                "sources": sources.get(claim_id, []),
                "conflicts_with": conflicts.get(claim_id, []),
                "merged_into": merged_into,
            }
        )
    return Report(
        "article",
        f"Article report: {article.title}",
        COLUMNS,
        rows,
        {"article": article_id},
        extra={"article": article, "outlet": outlet.name if outlet else None},
    )


def _verdicts(session: Session, ids: list[int]) -> dict[int, Verdict]:
    """Per claim: its open verdict if it has one, else its current published one."""
    out: dict[int, Verdict] = {}
    for row in session.execute(
        sa.select(Verdict).where(Verdict.claim_id.in_(ids), Verdict.state != "superseded").order_by(Verdict.id)
    ).scalars():
        out[row.claim_id] = row
    return out
