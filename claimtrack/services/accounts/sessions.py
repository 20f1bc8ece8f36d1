"""Live web sessions, kept in the database so any app server can end them.

The session cookie is signed but lives in the browser: clearing it at log-out does not
stop a copy of the old cookie from working. So each log-in gets a random key, stored
here as a hash, and a request counts as logged in only while its key's row exists.
Log-out deletes the row; a password change deletes all of the user's rows.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlmodel import Session, select

from ...models import User, WebSession, utcnow


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def start(session: Session, user: User, *, max_age: timedelta, now: datetime | None = None) -> str:
    """A new session for `user`; returns the key for the cookie. Sessions of this user
    older than `max_age` are dropped on the way, so the table does not grow without end."""
    now = now or utcnow()
    session.exec(delete(WebSession).where(WebSession.user_id == user.id, WebSession.created_at <= now - max_age))
    key = secrets.token_urlsafe(32)
    session.add(WebSession(user_id=user.id, key_hash=_hash(key), created_at=now))
    session.flush()
    return key


def user_for(
    session: Session, user_id: int, key: str | None, *, max_age: timedelta, now: datetime | None = None
) -> User | None:
    """The active user whose live session this key opens, or None."""
    if not key or len(key) > 100:
        return None
    now = now or utcnow()
    user = session.exec(
        select(User)
        .join(WebSession, WebSession.user_id == User.id)
        .where(WebSession.key_hash == _hash(key), User.id == user_id, WebSession.created_at > now - max_age)
    ).first()
    return user if user is not None and user.is_active else None


def end(session: Session, key: str | None) -> None:
    if key:
        session.exec(delete(WebSession).where(WebSession.key_hash == _hash(key)))


def end_all(session: Session, user_id: int) -> int:
    """End every session of a user (after a password change); returns how many ended."""
    result = session.exec(delete(WebSession).where(WebSession.user_id == user_id))
    return result.rowcount or 0
