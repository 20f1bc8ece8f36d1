"""What each role sees first: the editor's approval queue, the reviewer's returned work and
drafts, everyone's recently published fact-checks and numeric conflicts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from ...models import Article, Claim, ClaimLink, Outlet, User, Verdict


@dataclass(slots=True)
class DeskItem:
    claim_id: int
    text: str
    rating: str
    who: str | None  # the reviewer (approval queue, published) or the editor who returned it
    at: datetime | None
    comment: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class DeskList:
    items: list[DeskItem]
    total: int


def _list(session: Session, state: str, *, who_column: str, order, where=(), limit: int) -> DeskList:
    person = aliased(User)
    conds = [Verdict.state == state, *where]
    when = {"submitted": Verdict.submitted_at, "published": Verdict.published_at}.get(state, Verdict.updated_at)
    rows = session.exec(
        select(Verdict, Claim.text, person.display_name, person.username, Outlet.name)
        .join(Claim, Claim.id == Verdict.claim_id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(person, person.id == getattr(Verdict, who_column))
        .where(*conds)
        .order_by(order(when), Verdict.id)
        .limit(limit)
    ).all()
    total = session.exec(select(func.count(Verdict.id)).where(*conds)).one()
    items = [
        DeskItem(v.claim_id, text, v.rating, display or username, _when(v), v.return_comment, outlet)
        for v, text, display, username, outlet in rows
    ]
    return DeskList(items, total)


def _when(v: Verdict) -> datetime | None:
    return {"submitted": v.submitted_at, "published": v.published_at}.get(v.state, v.updated_at)


def _asc(column):
    return column.asc()


def _desc(column):
    return column.desc()


def awaiting_approval(session: Session, limit: int = 20) -> DeskList:
    """Submitted verdicts, the longest waiting first, with who submitted them."""
    return _list(session, "submitted", who_column="reviewer_id", order=_asc, limit=limit)


def returned(session: Session, *, reviewer_id: int | None = None, limit: int = 20) -> DeskList:
    """Verdicts sent back for changes (to one reviewer, or to anyone), newest first, with the comment."""
    where = [Verdict.reviewer_id == reviewer_id] if reviewer_id is not None else []
    return _list(session, "returned", who_column="approver_id", order=_desc, where=where, limit=limit)


def drafts(session: Session, reviewer_id: int, limit: int = 20) -> DeskList:
    return _list(
        session, "draft", who_column="reviewer_id", order=_desc, where=[Verdict.reviewer_id == reviewer_id], limit=limit
    )


def recently_published(session: Session, limit: int = 10) -> DeskList:
    return _list(session, "published", who_column="reviewer_id", order=_desc, limit=limit)


def conflicts(session: Session, limit: int = 10) -> DeskList:
    """Claims whose numbers conflict with other coverage, most recent link first."""
    conds = [ClaimLink.numeric == "conflict", ClaimLink.state != "dismissed"]
    rows = session.exec(
        select(ClaimLink.claim_a_id, Claim.text, Outlet.name, ClaimLink.created_at)
        .join(Claim, Claim.id == ClaimLink.claim_a_id)
        .join(Article, Article.id == Claim.article_id)
        .outerjoin(Outlet, Outlet.id == Article.outlet_id)
        .where(*conds)
        .order_by(ClaimLink.created_at.desc(), ClaimLink.id.desc())
        .limit(limit)
    ).all()
    total = session.exec(select(func.count(ClaimLink.id)).where(*conds)).one()
    return DeskList([DeskItem(cid, text, "", None, at, outlet=outlet) for cid, text, outlet, at in rows], total)


def counts(session: Session, user_id: int, role_is_editor: bool) -> dict[str, int]:
    """The numbers shown in the navigation."""
    out = {
        "returned": session.exec(
            select(func.count(Verdict.id)).where(Verdict.state == "returned", Verdict.reviewer_id == user_id)
        ).one()
    }
    if role_is_editor:
        out["awaiting"] = session.exec(select(func.count(Verdict.id)).where(Verdict.state == "submitted")).one()
    return out
