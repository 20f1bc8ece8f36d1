"""Telling people about their work: assigned to you, returned to you (with the comment),
your verdict published or corrected, new coverage related to or conflicting with a claim
you reviewed.

Services call `notify` inside their own transaction, so a notification exists exactly
when the change it reports does. Nobody is notified of their own action, and a person
reads only their own notifications (every query here is by the reader's id).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import event, func, update
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import NOTIFICATION_KINDS, Claim, Notification, NotificationMute, User, utcnow
from ..accounts.actors import Actor

KIND_LABELS = {
    "assigned": "Assigned to you",
    "returned": "Returned to you",
    "published": "Your verdict published",
    "corrected": "Your verdict corrected",
    "related": "New coverage of a claim you reviewed",
    "conflict": "New coverage whose numbers conflict with a claim you reviewed",
}
MAX_MESSAGE = 2000


def notify(
    session: Session, user_id: int | None, kind: str, *, actor: Actor | None, claim_id: int | None, message: str
) -> Notification | None:
    """Store one notification unless it is the person's own doing or a kind they muted."""
    if kind not in NOTIFICATION_KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    if user_id is None or (actor is not None and actor.user_id == user_id):
        return None
    if kind in _muted_in(session, user_id):
        return None
    row = Notification(
        user_id=user_id,
        kind=kind,
        claim_id=claim_id,
        message=message[:MAX_MESSAGE],
        actor_id=actor.user_id if actor else None,
    )
    session.add(row)
    return row


@dataclass(slots=True)
class Item:
    id: int
    kind: str
    label: str
    message: str
    claim_id: int | None
    claim_text: str | None
    actor: str | None
    created_at: datetime
    read: bool


def unread_count(session: Session, user_id: int) -> int:
    return session.exec(
        select(func.count(Notification.id)).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    ).one()


def inbox(session: Session, user_id: int, *, unread_only: bool = False, limit: int = 100) -> list[Item]:
    query = (
        select(Notification, Claim.text, User.display_name, User.username)
        .outerjoin(Claim, Claim.id == Notification.claim_id)
        .outerjoin(User, User.id == Notification.actor_id)
        .where(Notification.user_id == user_id)
    )
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    rows = session.exec(query.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit)).all()
    return [
        Item(
            n.id,
            n.kind,
            KIND_LABELS[n.kind],
            n.message,
            n.claim_id,
            text,
            display or username,
            n.created_at,
            n.read_at is not None,
        )
        for n, text, display, username in rows
    ]


def mark_read(session: Session, user_id: int, notification_id: int | None = None) -> int:
    """Mark one notification (or, with no id, all of them) read; returns how many changed."""
    query = update(Notification).where(Notification.user_id == user_id, Notification.read_at.is_(None))
    if notification_id is not None:
        own = session.get(Notification, notification_id)
        if own is None or own.user_id != user_id:
            raise NotFound(f"There is no notification #{notification_id}.")
        query = query.where(Notification.id == notification_id)
    return session.exec(query.values(read_at=utcnow())).rowcount  # type: ignore[call-overload]


def muted(session: Session, user_id: int) -> set[str]:
    return set(session.exec(select(NotificationMute.kind).where(NotificationMute.user_id == user_id)).all())


_MUTED_KEY = "claimtrack.muted"


@event.listens_for(OrmSession, "after_transaction_end")
def _forget_mutes(session: OrmSession, transaction) -> None:
    if transaction.parent is None:  # the outermost transaction: the next one reads them again
        session.info.pop(_MUTED_KEY, None)


def _muted_in(session: Session, user_id: int) -> set[str]:
    """A person's muted kinds, read once per transaction: a bulk assign notifies the same
    person a thousand times, and a query each time (with the flush before it) cost seconds."""
    cache = session.info.setdefault(_MUTED_KEY, {})
    if user_id not in cache:
        cache[user_id] = muted(session, user_id)
    return cache[user_id]


def set_preferences(session: Session, user_id: int, wanted: set[str]) -> None:
    """Keep the kinds in `wanted`, mute the rest."""
    unknown = wanted - set(NOTIFICATION_KINDS)
    if unknown:
        raise ValidationError(f"Unknown notification kind: {', '.join(sorted(unknown))}.", fields={"kinds": "unknown"})
    have = muted(session, user_id)
    session.info.get(_MUTED_KEY, {}).pop(user_id, None)
    for kind in NOTIFICATION_KINDS:
        if kind in wanted and kind in have:
            session.delete(session.get(NotificationMute, (user_id, kind)))
        elif kind not in wanted and kind not in have:
            session.add(NotificationMute(user_id=user_id, kind=kind))
