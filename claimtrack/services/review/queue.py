"""The reviewers' queue: claims assigned to me, and claims ranked by check-worthiness.

Both lists take the same filters (status, outlet, claimant, assignee, date, has-conflict)
and a free-text search over claim text, speaker and article title; the ranked list can be
sorted by check-worthiness, date, outlet or status. Every value a user types
reaches the database as a bound parameter; LIKE wildcards in it match literally.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from rapidfuzz.utils import default_process
from sqlalchemy import and_, case, exists, func, or_
from sqlalchemy.orm import aliased
from sqlalchemy.sql.util import find_tables
from sqlmodel import Session, select

from ...models import CLAIM_STATUSES, Article, Claim, Claimant, ClaimantAlias, ClaimLink, Outlet, User
from ..accounts.roles import at_least
from ..search import like_pattern
from . import spelling

OPEN_STATUSES = ("unreviewed", "in_review", "awaiting_approval")
MAX_TERMS = 8
# A text search cannot use an index, so counting every match of a common word scans the
# whole table (0.5 s on 100k claims); past this many the heading says "more than".
SEARCH_COUNT_CAP = 1000
SORTS = {
    "worthiness": "Most check-worthy",
    "newest": "Newest",
    "oldest": "Oldest",
    "outlet": "Outlet",
    "status": "Status",
}


@dataclass(slots=True)
class QueueFilters:
    q: str = ""
    status: str = ""
    outlet_id: int | None = None
    claimant_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    has_conflict: bool = False
    assignee_id: int | None = None
    unassigned: bool = False
    sort: str = "worthiness"
    # Filled by `with_spelling`: per search term, speakers and outlets spelled like it.
    near: dict | None = None

    def active(self) -> bool:
        return bool(
            self.q.strip()
            or self.status
            or self.outlet_id
            or self.claimant_id
            or self.date_from
            or self.date_to
            or self.has_conflict
            or self.assignee_id
            or self.unassigned
        )


@dataclass(slots=True)
class QueueRow:
    claim: Claim
    article_title: str
    outlet_name: str | None
    speaker: str | None
    assignee: str | None
    has_conflict: bool


@dataclass(slots=True)
class QueuePage:
    rows: list[QueueRow]
    page: int
    has_next: bool
    total: int
    # True when `total` is a lower bound: the count stopped at SEARCH_COUNT_CAP.
    capped: bool = False

    @property
    def total_label(self) -> str:
        return f"more than {self.total:,}" if self.capped else f"{self.total:,}"


def _conflict_exists():
    return exists().where(
        ClaimLink.numeric == "conflict",
        ClaimLink.state != "dismissed",
        or_(ClaimLink.claim_a_id == Claim.id, ClaimLink.claim_b_id == Claim.id),
    )


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def filter_conditions(filters: QueueFilters) -> list:
    """The WHERE conditions for `filters`, over Claim joined to Article and (outer) Claimant.

    The API's claim list applies them too, so a filter means the same in both places."""
    conds = []
    if filters.status in CLAIM_STATUSES:
        conds.append(Claim.status == filters.status)
    if filters.outlet_id:
        conds.append(Article.outlet_id == filters.outlet_id)
    if filters.claimant_id:
        conds.append(Claim.claimant_id == filters.claimant_id)
    when = func.coalesce(Article.published_at, Article.imported_at)
    if filters.date_from:
        conds.append(when >= _day_start(filters.date_from))
    if filters.date_to:
        conds.append(when < _day_start(filters.date_to + timedelta(days=1)))
    if filters.has_conflict:
        conds.append(_conflict_exists())
    if filters.unassigned:
        conds.append(Claim.assignee_id.is_(None))
    elif filters.assignee_id:
        conds.append(Claim.assignee_id == filters.assignee_id)
    for term in filters.q.split()[:MAX_TERMS]:
        pattern = like_pattern(term)
        alias_hit = select(ClaimantAlias.claimant_id).where(ClaimantAlias.alias.ilike(pattern, escape="\\"))
        either = [
            Claim.text.ilike(pattern, escape="\\"),
            Article.title.ilike(pattern, escape="\\"),
            Claimant.name.ilike(pattern, escape="\\"),
            Claim.claimant_id.in_(alias_hit),
        ]
        near = (filters.near or {}).get(default_process(term))
        if near is not None:
            if near.claimant_ids:
                either.append(Claim.claimant_id.in_(sorted(near.claimant_ids)))
            if near.outlet_ids:
                either.append(Article.outlet_id.in_(sorted(near.outlet_ids)))
        conds.append(or_(*either))
    return conds


def _page(session: Session, conds: list, order: list, page: int, size: int, *, cap: int | None = None) -> QueuePage:
    page = max(page, 1)
    # Two steps: the page's ids first, sorted on narrow rows, then the rows shown. Sorting
    # the full rows made SQLite carry every claim's text and conflict check through the
    # sort (0.3-0.8 s on 100k claims for the sorts no index serves).
    keys = (
        select(Claim.id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .where(and_(*conds))
        .order_by(*order)
        .offset((page - 1) * size)
        .limit(size + 1)
    )
    ids = list(session.exec(keys).all())
    assignee = aliased(User)
    query = (
        select(
            Claim,
            Article.title,
            Outlet.name,
            Claimant.name,
            assignee.display_name,
            assignee.username,
            _conflict_exists().label("has_conflict"),
        )
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(Claimant, Claimant.id == Claim.claimant_id)
        .outerjoin(assignee, assignee.id == Claim.assignee_id)
        .where(Claim.id.in_(ids[:size]))
    )
    at = {claim_id: n for n, claim_id in enumerate(ids)}
    rows = sorted(session.exec(query).all(), key=lambda row: at[row[0].id]) if ids else []
    total = session.exec(_count(conds, cap)).one()
    items = [
        QueueRow(claim, title, outlet, speaker, display or username, bool(conflict))
        for claim, title, outlet, speaker, display, username, conflict in rows
    ]
    if cap is not None and total > cap:
        return QueuePage(items, page, len(ids) > size, cap, capped=True)
    return QueuePage(items, page, len(ids) > size, total)


def with_spelling(session: Session, filters: QueueFilters) -> QueueFilters:
    """The filters with the speakers and outlets spelled like each search term (once)."""
    if filters.near is None:
        filters.near = spelling.near_names(session, filters.q.split()[:MAX_TERMS]) if filters.q.strip() else {}
    return filters


def _count(conds: list, cap: int | None = None):
    """The count behind a page, joining articles and speakers only when a condition reads
    them: on 100k claims the joins alone cost more than the page itself. With `cap`, it
    stops at cap + 1 matches."""
    tables = {getattr(t, "name", None) for c in conds for t in find_tables(c, check_columns=True, include_joins=True)}
    query = select(Claim.id) if cap is not None else select(func.count(Claim.id))
    if tables & {"articles", "outlets"}:
        query = query.join(Article, Article.id == Claim.article_id)
    if "claimants" in tables:
        query = query.outerjoin(Claimant, Claimant.id == Claim.claimant_id)
    query = query.where(and_(*conds))
    if cap is None:
        return query
    return select(func.count()).select_from(query.limit(cap + 1).subquery())


def assigned_to(session: Session, user_id: int, filters: QueueFilters, *, page: int = 1, size: int = 20) -> QueuePage:
    """Claims assigned to a user; open work only, unless a status is chosen."""
    filters = with_spelling(session, filters)
    conds = filter_conditions(filters) + [Claim.assignee_id == user_id]
    if filters.status not in CLAIM_STATUSES:
        conds.append(Claim.status.in_(OPEN_STATUSES))
    return _page(session, conds, [Claim.updated_at.desc(), Claim.id.desc()], page, size, cap=_cap(filters))


def _cap(filters: QueueFilters) -> int | None:
    return SEARCH_COUNT_CAP if filters.q.strip() else None


def ranked(session: Session, filters: QueueFilters, *, page: int = 1, size: int = 50) -> QueuePage:
    """Unreviewed claims (or those of the chosen status), most check-worthy first."""
    filters = with_spelling(session, filters)
    conds = filter_conditions(filters)
    if filters.status not in CLAIM_STATUSES:
        conds.append(Claim.status == "unreviewed")
    return _page(session, conds, sort_order(filters.sort), page, size, cap=_cap(filters))


def sort_order(sort: str) -> list:
    """ORDER BY for a sort name; ties fall back to check-worthiness, then id, so pages are
    stable. "status" is check-worthiness: the ranked list holds one status at a time."""
    worthy = [Claim.checkworthiness.desc(), Claim.id]
    when = func.coalesce(Article.published_at, Article.imported_at)
    if sort == "newest":
        return [when.desc(), Claim.id.desc()]
    if sort == "oldest":
        return [when.asc(), Claim.id]
    if sort == "outlet":
        return [case((Outlet.name.is_(None), 1), else_=0), Outlet.name, *worthy]
    return worthy


def outlets(session: Session) -> list[Outlet]:
    return list(session.exec(select(Outlet).order_by(Outlet.name)).all())


def claimants_with_claims(session: Session, limit: int = 2000) -> list[Claimant]:
    has_claims = exists().where(Claim.claimant_id == Claimant.id)
    return list(
        session.exec(
            select(Claimant).where(Claimant.merged_into_id.is_(None), has_claims).order_by(Claimant.name).limit(limit)
        ).all()
    )


def reviewers(session: Session) -> list[User]:
    """Active people who can be given claims (the assignee filter and bulk assign)."""
    users = session.exec(select(User).where(User.is_active.is_(True)).order_by(User.username)).all()
    return [u for u in users if at_least(u.role, "reviewer")]
