"""Reading claimants: the list, one claimant's claims and verdict record, suggestions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import case, func, or_
from sqlmodel import Session, select

from ...errors import ValidationError
from ...models import CLAIMANT_KINDS, Article, Claim, Claimant, ClaimantAlias, Outlet, Verdict
from ..search import like_pattern

# Who the directory lists: named people and organisations unless asked for more.
# Descriptions ("officials") and documents are claimants of one article only.
NAMED_KINDS = ("person", "organization")
KIND_FILTERS = {"": NAMED_KINDS, "all": CLAIMANT_KINDS, **{kind: (kind,) for kind in CLAIMANT_KINDS}}
KIND_LABELS = {"person": "Person", "organization": "Organisation", "group": "Described speaker", "document": "Document"}


def kinds_for(kind: str | None) -> tuple[str, ...]:
    """The claimant kinds a directory filter value stands for; a clear error otherwise."""
    kinds = KIND_FILTERS.get((kind or "").strip())
    if kinds is None:
        choices = ", ".join(k for k in KIND_FILTERS if k)
        raise ValidationError(f"Unknown claimant kind {kind!r}; choose one of: {choices}.", fields={"kind": "unknown"})
    return kinds


@dataclass(slots=True)
class ClaimantRow:
    claimant: Claimant
    claims: int
    published: int


@dataclass(slots=True)
class ClaimantPage:
    rows: list[ClaimantRow]
    page: int
    has_next: bool
    total: int


@dataclass(slots=True)
class ClaimantClaim:
    claim: Claim
    article: Article
    outlet_name: str | None
    verdict: Verdict | None


@dataclass(slots=True)
class ClaimantRecord:
    claimant: Claimant
    aliases: list[str]
    claims: list[ClaimantClaim]
    ratings: Counter = field(default_factory=Counter)
    merged: list[Claimant] = field(default_factory=list)


def list_claimants(session: Session, *, q: str = "", kind: str = "", page: int = 1, size: int = 50) -> ClaimantPage:
    """One page of live claimants, most claims first. ``kind`` is a KIND_FILTERS key:
    empty for people and organisations, "all", or one kind."""
    kinds = kinds_for(kind)
    counts = (
        select(
            Claim.claimant_id,
            func.count(Claim.id).label("n"),
            func.sum(case((Claim.status == "published", 1), else_=0)).label("p"),
        )
        .group_by(Claim.claimant_id)
        .subquery()
    )
    query = (
        select(Claimant, func.coalesce(counts.c.n, 0), func.coalesce(counts.c.p, 0))
        .outerjoin(counts, counts.c.claimant_id == Claimant.id)
        .where(Claimant.merged_into_id.is_(None), Claimant.kind.in_(kinds))
    )
    count_query = select(func.count(Claimant.id)).where(Claimant.merged_into_id.is_(None), Claimant.kind.in_(kinds))
    for term in q.split()[:8]:
        pattern = like_pattern(term)
        cond = or_(
            Claimant.name.ilike(pattern, escape="\\"),
            Claimant.title.ilike(pattern, escape="\\"),
            Claimant.id.in_(select(ClaimantAlias.claimant_id).where(ClaimantAlias.alias.ilike(pattern, escape="\\"))),
        )
        query, count_query = query.where(cond), count_query.where(cond)
    rows = session.exec(
        query.order_by(func.coalesce(counts.c.n, 0).desc(), Claimant.name, Claimant.id)
        .offset((page - 1) * size)
        .limit(size + 1)
    ).all()
    total = session.exec(count_query).one()
    return ClaimantPage([ClaimantRow(c, int(n), int(p or 0)) for c, n, p in rows[:size]], page, len(rows) > size, total)


def claimant_record(session: Session, claimant: Claimant) -> ClaimantRecord:
    aliases = sorted(
        set(session.exec(select(ClaimantAlias.alias).where(ClaimantAlias.claimant_id == claimant.id)).all())
    )
    rows = session.exec(
        select(Claim, Article, Outlet.name)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(Claim.claimant_id == claimant.id)
        .order_by(Article.published_at.desc().nulls_last(), Article.id.desc(), Claim.start_offset)
    ).all()
    ids = [claim.id for claim, _, _ in rows]
    verdicts = {}
    if ids:
        for v in session.exec(select(Verdict).where(Verdict.claim_id.in_(ids), Verdict.state == "published")).all():
            verdicts[v.claim_id] = v
    claims = [ClaimantClaim(claim, article, outlet, verdicts.get(claim.id)) for claim, article, outlet in rows]
    ratings = Counter(v.rating for v in verdicts.values())
    merged = list(
        session.exec(select(Claimant).where(Claimant.merged_into_id == claimant.id).order_by(Claimant.name)).all()
    )
    return ClaimantRecord(claimant, aliases, claims, ratings, merged)


def merge_candidates(session: Session, claimant: Claimant, limit: int = 40) -> list[Claimant]:
    """Other live claimants that may be the same one, the closest names first: people
    and organisations among themselves (the extractor may have mistaken one for the
    other), a description or document only with its own kind."""
    kinds = NAMED_KINDS if claimant.kind in NAMED_KINDS else (claimant.kind,)
    others = session.exec(
        select(Claimant)
        .where(Claimant.merged_into_id.is_(None), Claimant.id != claimant.id, Claimant.kind.in_(kinds))
        .order_by(Claimant.name)
        .limit(5000)
    ).all()
    scored = sorted(others, key=lambda c: (-fuzz.token_set_ratio(claimant.name, c.name), c.name.casefold()))
    return scored[:limit]


def suggest(session: Session, q: str, limit: int = 10) -> list[Claimant]:
    q = q.strip()
    if not q:
        return []
    pattern = like_pattern(q)
    alias_hit = select(ClaimantAlias.claimant_id).where(ClaimantAlias.alias.ilike(pattern, escape="\\"))
    return list(
        session.exec(
            select(Claimant)
            .where(
                Claimant.merged_into_id.is_(None),
                or_(Claimant.name.ilike(pattern, escape="\\"), Claimant.id.in_(alias_hit)),
            )
            .order_by(func.length(Claimant.name), Claimant.name)
            .limit(limit)
        ).all()
    )
