"""The audit trail. Services call `record` inside their own transaction, so an event is
stored exactly when the change it describes is."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from ..models import AuditEvent
from .accounts.actors import Actor


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    event = AuditEvent(
        user_id=actor.user_id,
        actor=actor.name[:64],
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        before=_jsonable(before),
        after=_jsonable(after),
    )
    session.add(event)
    return event


def snapshot(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in fields}


def _jsonable(data: dict[str, Any] | None) -> dict[str, Any] | None:
    if data is None:
        return None
    return {k: (v.isoformat() if isinstance(v, (datetime, date)) else v) for k, v in data.items()}
