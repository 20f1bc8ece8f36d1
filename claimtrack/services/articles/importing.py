"""Importing articles: store the article, its claims, quantities and claimants at once."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import or_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ...extraction import ExtractedClaim, ExtractedQuantity
from ...ingest.match_data import match_data, quantity_records
from ...ingest.prepare import PreparedArticle
from ...matching import ClaimRecord
from ...models import Article, Claim, Outlet, Quantity, utcnow
from .. import audit
from ..accounts.actors import Actor
from ..claimants.resolver import ClaimantResolver
from ..linking import fresh_index
from ..linking import index as match_index
from ..webhooks import events as webhooks

_CLAIMS = Claim.__table__


@dataclass(slots=True)
class ImportOutcome:
    article_id: int
    title: str
    claims: int
    duplicate: bool
    # With ``links_later``: the indexed claims whose links the caller finds and stores.
    indexed: fresh_index.Indexed | None = None


def find_duplicate(session: Session, prepared: PreparedArticle) -> Article | None:
    conditions = [Article.content_hash == prepared.content_hash]
    if prepared.source.url:
        conditions.append(Article.url == prepared.source.url)
    return session.exec(select(Article).where(or_(*conditions))).first()


def import_article(
    session: Session, actor: Actor, prepared: PreparedArticle, *, links_later: bool = False
) -> ImportOutcome:
    """Store one prepared article with everything extracted from it, or report the copy
    already stored. The caller owns the transaction: commit on return, roll back on error.
    ``links_later``: the links are not suggested here; the article is marked pending
    and the outcome carries what ``fresh_index.plan`` needs (a bulk import's path)."""
    existing = find_duplicate(session, prepared)
    if existing is not None:
        return _duplicate(session, existing)
    try:
        with session.begin_nested():
            article, indexed = _store(session, actor, prepared, later=links_later)
    except IntegrityError:
        # Another process stored the same article between our check and our insert.
        existing = find_duplicate(session, prepared)
        if existing is None:
            raise
        return _duplicate(session, existing)
    return ImportOutcome(article.id, article.title, len(prepared.result.claims), duplicate=False, indexed=indexed)


def _duplicate(session: Session, article: Article) -> ImportOutcome:
    count = session.exec(select(Claim.id).where(Claim.article_id == article.id)).all()
    return ImportOutcome(article.id, article.title, len(count), duplicate=True)


def _store(
    session: Session, actor: Actor, prepared: PreparedArticle, *, later: bool
) -> tuple[Article, fresh_index.Indexed | None]:
    src, result = prepared.source, prepared.result
    # The index writer lock before any claim gets its id: ids then grow in commit order,
    # which a lookup made later than its plan relies on (``candidates``).
    match_index.lock(session)
    article = Article(
        url=src.url,
        title=prepared.title,
        dek=result.dek,
        byline=(prepared.byline or None),
        dateline=result.dateline,
        outlet_id=_outlet_id(session, src.outlet),
        published_at=prepared.published_at,
        body=result.body,
        content_hash=prepared.content_hash,
        source_format=src.source_format,
        source_name=src.where[:500],
        imported_by_id=actor.user_id,
    )
    session.add(article)
    session.flush()
    speakers = ClaimantResolver(session, article_id=article.id).resolve_many(
        [(c.speaker, c.speaker_title, c.speaker_kind) for c in result.claims]
    )
    ids = _insert_claims(session, article.id, result.claims, speakers)
    data = prepared.match or match_data(article.title, article.body, result.claims, article.published_at)
    records = [
        ClaimRecord(
            claim_id,
            article.id,
            extracted.text,
            claimant.name if claimant else None,
            quantity_records(extracted),
            article.published_at,
            data.terms,
        )
        for claim_id, extracted, claimant in zip(ids, result.claims, speakers, strict=True)
    ]
    # The new claims join the matching index and get their link suggestions in this
    # same transaction: a stored article is always matchable.
    indexed = fresh_index.index_new_claims(
        session, article.id, records, [c.repeat_of is not None for c in result.claims], data, pending=later
    )
    if not later:
        fresh_index.suggest(session, indexed)
    audit.record(
        session,
        actor,
        "article.import",
        "article",
        article.id,
        after={"title": article.title, "claims": len(ids), "source": src.where},
    )
    webhooks.article_imported(session, article.id, len(ids))
    return article, (indexed if later else None)


def _insert_claims(session: Session, article_id: int, claims: list, speakers: list) -> list[int]:
    """Insert the claims and their quantities in a few statements; returns the claim ids
    in extraction order."""
    if not claims:
        return []
    now = utcnow()
    rows = [
        {
            "article_id": article_id,
            **claim_fields(c, who.id if who else None, None),
            "status": "unreviewed",
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for c, who in zip(claims, speakers, strict=True)
    ]
    inserted = session.execute(sa.insert(_CLAIMS).returning(_CLAIMS.c.id, sort_by_parameter_order=True), rows)
    ids = [row[0] for row in inserted]
    # A repeat points at an earlier claim of the same article, known only now.
    repeats = [{"cid": ids[i], "of": ids[c.repeat_of]} for i, c in enumerate(claims) if c.repeat_of is not None]
    if repeats:
        session.execute(
            sa.update(_CLAIMS).where(_CLAIMS.c.id == sa.bindparam("cid")).values(repeat_of_id=sa.bindparam("of")),
            repeats,
        )
    quantities = [
        {"claim_id": claim_id, **quantity_fields(q)}
        for claim_id, c in zip(ids, claims, strict=True)
        for q in c.quantities
    ]
    if quantities:
        session.execute(sa.insert(Quantity.__table__), quantities)
    return ids


def claim_fields(extracted: ExtractedClaim, claimant_id: int | None, repeat_of_id: int | None) -> dict:
    """The columns of a claim row as the extractor reads it (import and re-extraction)."""
    return {
        "start_offset": extracted.start,
        "end_offset": extracted.end,
        "text": extracted.text,
        "quote": extracted.quote,
        "kind": extracted.kind,
        "cue": extracted.cue,
        "claimant_id": claimant_id,
        "speaker_title": extracted.speaker_title,
        "checkworthiness": round(float(extracted.checkworthiness), 4),
        "repeat_of_id": repeat_of_id,
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
