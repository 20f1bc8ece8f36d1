"""Importing articles: store the article, its claims, quantities and claimants at once."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...extraction import ExtractedClaim, ExtractedQuantity
from ...ingest.prepare import PreparedArticle
from ...models import Article, Claim, Outlet, Quantity
from .. import audit
from ..linking import related
from ..accounts.actors import Actor
from ..claimants.resolver import ClaimantResolver


@dataclass(slots=True)
class ImportOutcome:
    article_id: int
    title: str
    claims: int
    duplicate: bool


def find_duplicate(session: Session, prepared: PreparedArticle) -> Article | None:
    conditions = [Article.content_hash == prepared.content_hash]
    if prepared.source.url:
        conditions.append(Article.url == prepared.source.url)
    return session.exec(select(Article).where(or_(*conditions))).first()


def import_article(session: Session, actor: Actor, prepared: PreparedArticle) -> ImportOutcome:
    """Store one prepared article with everything extracted from it, or report the copy
    already stored. The caller owns the transaction: commit on return, roll back on error."""
    existing = find_duplicate(session, prepared)
    if existing is not None:
        return _duplicate(session, existing)
    try:
        with session.begin_nested():
            article = _store(session, actor, prepared)
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        existing = find_duplicate(session, prepared)
        if existing is None:
            raise
        return _duplicate(session, existing)
    return ImportOutcome(article.id, article.title, len(prepared.result.claims), duplicate=False)


def _duplicate(session: Session, article: Article) -> ImportOutcome:
    count = session.exec(select(Claim.id).where(Claim.article_id == article.id)).all()
    return ImportOutcome(article.id, article.title, len(count), duplicate=True)


def _store(session: Session, actor: Actor, prepared: PreparedArticle) -> Article:
    src, result = prepared.source, prepared.result
    article = Article(
        url=src.url, title=prepared.title, dek=result.dek, byline=(prepared.byline or None),
        dateline=result.dateline, outlet_id=_outlet_id(session, src.outlet),
        published_at=prepared.published_at, body=result.body, content_hash=prepared.content_hash,
        source_format=src.source_format, source_name=src.where[:500], imported_by_id=actor.user_id,
    )
    session.add(article)
    session.flush()
    speakers = ClaimantResolver(session, article_id=article.id).resolve_many(
        [(c.speaker, c.speaker_title, c.speaker_kind) for c in result.claims])
    stored: list[Claim] = []
    for extracted, claimant in zip(result.claims, speakers, strict=True):
        repeat_of = stored[extracted.repeat_of].id if extracted.repeat_of is not None else None
        claim = Claim(article_id=article.id, **claim_fields(extracted, claimant.id if claimant else None, repeat_of))
        session.add(claim)
        session.flush()
        stored.append(claim)
        for q in extracted.quantities:
            session.add(Quantity(claim_id=claim.id, **quantity_fields(q)))
    session.flush()
    # The new claims join the matching index and get their link suggestions in this
    # same transaction: a stored article is always matchable.
    related.index_article(session, article, [c.id for c in stored], fresh=True)
    audit.record(session, actor, "article.import", "article", article.id,
                 after={"title": article.title, "claims": len(stored), "source": src.where})
    return article


def claim_fields(extracted: ExtractedClaim, claimant_id: int | None, repeat_of_id: int | None) -> dict:
    """The columns of a claim row as the extractor reads it (import and re-extraction)."""
    return {
        "start_offset": extracted.start, "end_offset": extracted.end, "text": extracted.text,
        "quote": extracted.quote, "kind": extracted.kind, "cue": extracted.cue, "claimant_id": claimant_id,
        "speaker_title": extracted.speaker_title,
        "checkworthiness": round(float(extracted.checkworthiness), 4), "repeat_of_id": repeat_of_id,
    }


def quantity_fields(q: ExtractedQuantity) -> dict:
    """The columns of a quantity row, but its claim (import and re-extraction)."""
    return Quantity.fields_of(q)


def _outlet_id(session: Session, name: str | None) -> int | None:
    if not name:
        return None
    name = name.strip()[:200]
    query = select(Outlet).where(Outlet.name == name)
    outlet = session.exec(query).first()
    if outlet is None:
        # Two imports may add the same new outlet at once (PostgreSQL lets both check
        # before either commits): the loser's insert fails in its savepoint and it uses
        # the row the winner committed.
        try:
            with session.begin_nested():
                outlet = Outlet(name=name)
                session.add(outlet)
        except IntegrityError:
            outlet = session.exec(query).one()
    return outlet.id
