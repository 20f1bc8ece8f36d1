"""Rows to JSON. The shapes here are the ones `responses.py` declares in the OpenAPI
description; the schema test checks every response against them."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import Row
from sqlalchemy.orm.exc import ObjectDeletedError
from sqlmodel import Session

from ..models import Article, Claim, Claimant, ClaimSource, Quantity, Source, Verdict
from ..ratings import RatingScale
from ..services.review import sources as source_service
from ..services.review import verdicts as verdict_service
from .queries import ClaimantRef, ClaimBundle, claim_bundle


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def claimant_ref(claimant: Claimant | ClaimantRef | None) -> dict | None:
    return {"id": claimant.id, "name": claimant.name, "kind": claimant.kind} if claimant is not None else None


def article_summary(article: Article, outlet: str | None, claims: int) -> dict:
    return {"id": article.id, "title": article.title, "url": article.url, "outlet": outlet,
            "byline": article.byline, "dateline": article.dateline, "published_at": iso(article.published_at),
            "imported_at": iso(article.imported_at), "claims_count": claims}


def claim_summary(claim: Claim | Row, claimant: Claimant | ClaimantRef | None) -> dict:
    """`claim` is a Claim, or a row of `queries.SUMMARY_COLUMNS` (same attribute names)."""
    return {"id": claim.id, "article_id": claim.article_id, "text": claim.text, "start": claim.start_offset,
            "end": claim.end_offset, "kind": claim.kind, "cue": claim.cue, "claimant": claimant_ref(claimant),
            "speaker_title": claim.speaker_title, "checkworthiness": claim.checkworthiness, "status": claim.status,
            "assignee_id": claim.assignee_id, "version": claim.version, "updated_at": iso(claim.updated_at)}


def article_detail(article: Article, outlet: str | None, claims: list[Claim],
                   speakers: dict[int, Claimant | None]) -> dict:
    return {**article_summary(article, outlet, len(claims)), "dek": article.dek, "body": article.body,
            "claims": [claim_summary(c, speakers.get(c.id)) for c in claims]}


def quantity(q: Quantity) -> dict:
    return {"id": q.id, "text": q.text, "value": q.value, "low": q.low, "high": q.high, "approx": q.approx,
            "unit": q.unit, "change": q.change, "start": q.start_offset, "end": q.end_offset}


def source_link(link: ClaimSource, source: Source) -> dict:
    return {"id": link.id, "source_id": source.id, "url": source.url, "title": source.title,
            "publisher": source.publisher, "stance": link.stance, "excerpt": link.excerpt,
            "fingerprint": source_service.fingerprint(link, source),
            "reused_from_claim_id": link.reused_from_claim_id, "created_at": iso(link.created_at)}


def verdict(row: Verdict, scale: RatingScale | None = None) -> dict:
    label = scale.get(row.rating) if scale is not None and row.rating else None
    return {"id": row.id, "claim_id": row.claim_id, "state": row.state, "rating": row.rating or None,
            "rating_label": label.label if label else None, "summary": row.summary, "rationale": row.rationale,
            "version": row.version, "reviewer_id": row.reviewer_id, "approver_id": row.approver_id,
            "return_comment": row.return_comment, "correction_note": row.correction_note,
            "corrects_id": row.corrects_id, "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
            "submitted_at": iso(row.submitted_at), "published_at": iso(row.published_at)}


def claim_detail(bundle: ClaimBundle, scale: RatingScale | None = None) -> dict:
    rows = bundle.verdicts
    latest = rows[-1] if rows else None
    open_row = latest if latest is not None and latest.state in ("draft", "submitted", "returned") else None
    published = next((v for v in reversed(rows) if v.state == "published"), None)
    article = bundle.article
    return {**claim_summary(bundle.claim, bundle.claimant), "quote": bundle.claim.quote,
            "dismissed_reason": bundle.claim.dismissed_reason,
            "article": {"id": article.id, "title": article.title, "url": article.url, "outlet": bundle.outlet_name},
            "span_text": article.body[bundle.claim.start_offset:bundle.claim.end_offset],
            "quantities": [quantity(q) for q in bundle.quantities],
            "sources": [source_link(link, src) for link, src in bundle.sources],
            "current_verdict": verdict(published, scale) if published else None,
            "open_verdict": verdict(open_row, scale) if open_row else None,
            "verdicts": [verdict(v, scale) for v in rows]}


def current_state(session: Session, row: Any) -> dict | None:
    """What is stored now for the row a stale write quoted (after the rollback)."""
    scale = verdict_service.scale_for(current_app.config)
    try:
        if isinstance(row, Claim):
            return {"claim": claim_detail(claim_bundle(session, row.id), scale)}
        if isinstance(row, Verdict):
            return {"verdict": verdict(row, scale)}
        if isinstance(row, ClaimSource):
            source = session.get(Source, row.source_id)
            return {"source": source_link(row, source)} if source is not None else None
    except ObjectDeletedError:
        return None
    return None
