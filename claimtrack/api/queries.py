"""Read-only queries behind the API's lists and detail views.

Lists page by id (keyset): `after` is the last id of the previous page, so pages stay
stable while new rows arrive, and polling with the last id seen returns only new rows.
Claim filters reuse the review queue's conditions, so `q`, `status`, `claimant` and
`has_conflict` mean exactly what they mean in the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Row, and_, bindparam, case, func
from sqlmodel import Session, select

from ..models import Article, Claim, Claimant, ClaimantAlias, ClaimSource, Outlet, Quantity, Source, Verdict
from ..services.claimants import directory as claimant_directory
from ..services.review import claims as claim_service
from ..services.review import queue
from ..services.review import sources as source_service
from ..services.search import like_pattern
from .schemas import ArticleQuery, ClaimantQuery, ClaimQuery


@dataclass(slots=True)
class ClaimBundle:
    claim: Claim
    article: Article
    outlet_name: str | None
    claimant: Claimant | None
    quantities: list[Quantity]
    sources: list[tuple[ClaimSource, Source]]
    verdicts: list[Verdict]


def articles(session: Session, query: ArticleQuery) -> list[tuple[Article, str | None, int]]:
    counts = select(Claim.article_id, func.count(Claim.id).label("n")).group_by(Claim.article_id).subquery()
    conds = [Article.id > query.after]
    for term in query.q.split()[: queue.MAX_TERMS]:
        conds.append(Article.title.ilike(like_pattern(term), escape="\\"))
    if query.outlet:
        conds.append(Outlet.name == query.outlet)
    rows = session.exec(
        select(Article, Outlet.name, func.coalesce(counts.c.n, 0))
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(counts, counts.c.article_id == Article.id)
        .where(and_(*conds))
        .order_by(Article.id)
        .limit(query.limit)
    ).all()
    return [(article, outlet, int(n)) for article, outlet, n in rows]


@dataclass(slots=True, frozen=True)
class ClaimantRef:
    id: int
    name: str
    kind: str


# A list shows summaries only: selecting their columns instead of Claim and Claimant
# objects skips building and identity-mapping two ORM instances per row, which cost
# more than the query itself on a page of 50.
SUMMARY_COLUMNS = (
    Claim.id,
    Claim.article_id,
    Claim.text,
    Claim.start_offset,
    Claim.end_offset,
    Claim.kind,
    Claim.cue,
    Claim.speaker_title,
    Claim.checkworthiness,
    Claim.status,
    Claim.assignee_id,
    Claim.version,
    Claim.updated_at,
)


def claims(session: Session, query: ClaimQuery) -> list[tuple[Row, ClaimantRef | None]]:
    """Summary rows (attributes named as Claim's) with their speakers."""
    filters = queue.QueueFilters(
        q=query.q, status=query.status or "", claimant_id=query.claimant, has_conflict=query.has_conflict
    )
    conds = queue.filter_conditions(filters) + [Claim.id > query.after]
    if query.article:
        conds.append(Claim.article_id == query.article)
    if query.assignee:
        conds.append(Claim.assignee_id == query.assignee)
    rows = session.exec(
        select(
            *SUMMARY_COLUMNS,
            Claimant.id.label("speaker_id"),
            Claimant.name.label("speaker_name"),
            Claimant.kind.label("speaker_kind"),
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(and_(*conds))
        .order_by(Claim.id)
        .limit(query.limit)
    ).all()
    return [
        (row, ClaimantRef(row.speaker_id, row.speaker_name, row.speaker_kind) if row.speaker_id is not None else None)
        for row in rows
    ]


# The claim detail is the API's most frequent read; its statements are built once and
# the claim, article, outlet and speaker come back in one round trip.
_CLAIM_ROW = (
    select(Claim, Article, Outlet.name, Claimant)
    .join(Article, Article.id == Claim.article_id)
    .outerjoin(Outlet, Outlet.id == Article.outlet_id)
    .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
    .where(Claim.id == bindparam("claim_id"))
)
_QUANTITIES = (
    select(Quantity).where(Quantity.claim_id == bindparam("claim_id")).order_by(Quantity.start_offset, Quantity.id)
)
# The same rows, in the same order, as `sources.sources_for` and `verdicts.history`.
_SOURCES = (
    select(ClaimSource, Source)
    .join(Source, Source.id == ClaimSource.source_id)
    .where(ClaimSource.claim_id == bindparam("claim_id"))
    .order_by(ClaimSource.id)
)
_VERDICTS = select(Verdict).where(Verdict.claim_id == bindparam("claim_id")).order_by(Verdict.id)


def claim_bundle(session: Session, claim_id: int) -> ClaimBundle:
    params = {"claim_id": claim_id}
    row = session.exec(_CLAIM_ROW, params=params).first()
    if row is None:
        claim_service.get_claim(session, claim_id)  # raises the service's NotFound
    claim, article, outlet_name, claimant = row
    return ClaimBundle(
        claim=claim,
        article=article,
        outlet_name=outlet_name,
        claimant=claimant,
        quantities=list(session.exec(_QUANTITIES, params=params).all()),
        sources=list(session.exec(_SOURCES, params=params).all()),
        verdicts=list(session.exec(_VERDICTS, params=params).all()),
    )


def claimants(session: Session, query: ClaimantQuery) -> list[tuple[Claimant, int, int, list[str]]]:
    """Claimants with their claim and published counts and every spelling on file."""
    kinds = claimant_directory.kinds_for("" if query.kind == "named" else query.kind)
    conds = [Claimant.merged_into_id.is_(None), Claimant.id > query.after, Claimant.kind.in_(kinds)]
    for term in query.q.split()[: queue.MAX_TERMS]:
        conds.append(Claimant.name.ilike(like_pattern(term), escape="\\"))
    rows = list(session.exec(select(Claimant).where(and_(*conds)).order_by(Claimant.id).limit(query.limit)).all())
    counts, aliases = {}, {}
    if rows:
        ids = [c.id for c in rows]
        published = func.sum(case((Claim.status == "published", 1), else_=0))
        counts = {
            cid: (int(n), int(p or 0))
            for cid, n, p in session.exec(
                select(Claim.claimant_id, func.count(Claim.id), published)
                .where(Claim.claimant_id.in_(ids))
                .group_by(Claim.claimant_id)
            ).all()
        }
        for cid, alias in session.exec(
            select(ClaimantAlias.claimant_id, ClaimantAlias.alias)
            .where(ClaimantAlias.claimant_id.in_(ids))
            .order_by(ClaimantAlias.alias)
        ):
            aliases.setdefault(cid, []).append(alias)
    return [(c, *counts.get(c.id, (0, 0)), aliases.get(c.id, [])) for c in rows]


def source_link(session: Session, claim_id: int, link_id: int) -> tuple[ClaimSource, Source] | None:
    return next(
        ((link, src) for link, src in source_service.sources_for(session, claim_id) if link.id == link_id), None
    )
