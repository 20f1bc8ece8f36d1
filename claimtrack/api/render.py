"""Rows to JSON, through the response models of `responses.py`: each answer is built as
its declared model and dumped, so the shape the API sends and the shape the OpenAPI
description states are one declaration."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row
from sqlalchemy.orm.exc import ObjectDeletedError
from sqlmodel import Session

from ..http.instance import desk_config
from ..models import Article, Claim, Claimant, ClaimSource, Quantity, Source, Verdict
from ..ratings import RatingScale
from ..services.review import sources as source_service
from ..services.review import verdicts as verdict_service
from . import responses as out
from .queries import ClaimantRef, ClaimBundle, claim_bundle


def dump(model: out.Out) -> dict:
    return model.model_dump(mode="json")


def _claimant_ref(claimant: Claimant | ClaimantRef | None) -> out.ClaimantRef | None:
    return out.ClaimantRef(id=claimant.id, name=claimant.name, kind=claimant.kind) if claimant is not None else None


def _summary_fields(claim: Claim | Row, claimant: Claimant | ClaimantRef | None) -> dict[str, Any]:
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "start": claim.start_offset,
        "end": claim.end_offset,
        "kind": claim.kind,
        "cue": claim.cue,
        "claimant": _claimant_ref(claimant),
        "speaker_title": claim.speaker_title,
        "checkworthiness": claim.checkworthiness,
        "status": claim.status,
        "assignee_id": claim.assignee_id,
        "version": claim.version,
        "updated_at": claim.updated_at,
    }


def _article_fields(article: Article, outlet: str | None, claims: int) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "outlet": outlet,
        "byline": article.byline,
        "dateline": article.dateline,
        "published_at": article.published_at,
        "imported_at": article.imported_at,
        "claims_count": claims,
    }


def article_summary(article: Article, outlet: str | None, claims: int) -> dict:
    return dump(out.ArticleSummary(**_article_fields(article, outlet, claims)))


def claim_summary(claim: Claim | Row, claimant: Claimant | ClaimantRef | None) -> dict:
    """`claim` is a Claim, or a row of `queries.SUMMARY_COLUMNS` (same attribute names)."""
    return dump(out.ClaimSummary(**_summary_fields(claim, claimant)))


def article_detail(
    article: Article, outlet: str | None, claims: list[Claim], speakers: dict[int, Claimant | None]
) -> dict:
    return dump(
        out.ArticleDetail(
            **_article_fields(article, outlet, len(claims)),
            dek=article.dek,
            body=article.body,
            claims=[out.ClaimSummary(**_summary_fields(c, speakers.get(c.id))) for c in claims],
        )
    )


def _quantity(q: Quantity) -> out.Quantity:
    return out.Quantity(
        id=q.id,
        text=q.text,
        value=q.value,
        low=q.low,
        high=q.high,
        approx=q.approx,
        unit=q.unit,
        change=q.change,
        start=q.start_offset,
        end=q.end_offset,
    )


def _source_link(link: ClaimSource, source: Source) -> out.SourceLink:
    return out.SourceLink(
        id=link.id,
        source_id=source.id,
        url=source.url,
        title=source.title,
        publisher=source.publisher,
        stance=link.stance,
        excerpt=link.excerpt,
        fingerprint=source_service.fingerprint(link, source),
        reused_from_claim_id=link.reused_from_claim_id,
        created_at=link.created_at,
    )


def source_link(link: ClaimSource, source: Source) -> dict:
    return dump(_source_link(link, source))


def _verdict(row: Verdict, scale: RatingScale | None = None) -> out.Verdict:
    label = scale.get(row.rating) if scale is not None and row.rating else None
    return out.Verdict(
        id=row.id,
        claim_id=row.claim_id,
        state=row.state,
        rating=row.rating or None,
        rating_label=label.label if label else None,
        summary=row.summary,
        rationale=row.rationale,
        version=row.version,
        reviewer_id=row.reviewer_id,
        approver_id=row.approver_id,
        return_comment=row.return_comment,
        correction_note=row.correction_note,
        corrects_id=row.corrects_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        submitted_at=row.submitted_at,
        published_at=row.published_at,
    )


def verdict(row: Verdict, scale: RatingScale | None = None) -> dict:
    return dump(_verdict(row, scale))


def claim_detail(bundle: ClaimBundle, scale: RatingScale | None = None) -> dict:
    rows = bundle.verdicts
    latest = rows[-1] if rows else None
    open_row = latest if latest is not None and latest.state in ("draft", "submitted", "returned") else None
    published = next((v for v in reversed(rows) if v.state == "published"), None)
    article = bundle.article
    return dump(
        out.ClaimDetail(
            **_summary_fields(bundle.claim, bundle.claimant),
            quote=bundle.claim.quote,
            dismissed_reason=bundle.claim.dismissed_reason,
            merged_into_id=bundle.claim.merged_into_id,
            article=out.ArticleRef(id=article.id, title=article.title, url=article.url, outlet=bundle.outlet_name),
            span_text=article.body[bundle.claim.start_offset : bundle.claim.end_offset],
            quantities=[_quantity(q) for q in bundle.quantities],
            sources=[_source_link(link, src) for link, src in bundle.sources],
            current_verdict=_verdict(published, scale) if published else None,
            open_verdict=_verdict(open_row, scale) if open_row else None,
            verdicts=[_verdict(v, scale) for v in rows],
        )
    )


def current_state(session: Session, row: Any) -> dict | None:
    """What is stored now for the row a stale write quoted (after the rollback)."""
    scale = verdict_service.scale_for(desk_config())
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
