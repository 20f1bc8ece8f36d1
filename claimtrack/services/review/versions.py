"""Optimistic locking: a write quotes the version the user saw; if the row has moved on
since, the write is refused with who changed it and when (read from the audit log)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from ...errors import StaleVersion
from ...models import AuditEvent, User, utcnow


def last_change(
    session: Session, entity_type: str, entity_id: int, action_prefix: str | None = None
) -> tuple[str, datetime | None]:
    """Who made the latest audited change to an entity, and when."""
    query = (
        select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.user_id)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
    )
    if action_prefix:
        query = query.where(AuditEvent.action.startswith(action_prefix, autoescape=True))
    row = session.exec(query.order_by(AuditEvent.id.desc()).limit(1)).first()
    if row is None:
        return "someone", None
    event, user = row
    return (user.label if user is not None else event.actor), event.at


def stale(
    session: Session, noun: str, current: Any, entity_type: str, entity_id: int, action_prefix: str | None = None
) -> StaleVersion:
    who, at = last_change(session, entity_type, entity_id, action_prefix)
    when = f" at {at.strftime('%H:%M UTC on %-d %b %Y')}" if at else ""
    return StaleVersion(
        f"{noun} was changed by {who}{when} after you opened it. Nothing was saved: "
        "compare the two versions, then save again to replace theirs.",
        current=current,
        changed_by=who,
        changed_at=at,
    )


def bump(row: Any) -> None:
    """Every write to a versioned row moves its version on."""
    row.version = (row.version or 0) + 1
    if hasattr(row, "updated_at"):
        row.updated_at = utcnow()
