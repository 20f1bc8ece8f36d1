"""One-time set-password links: how a new colleague chooses their own password, and how
an admin resets a forgotten one without ever knowing it.

The link carries a random secret; only its SHA-256 is stored. It works once, until it
expires, and only while the account is active. Using it ends the user's other sessions.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import PasswordLink, User, utcnow
from .. import audit
from . import sessions as web_sessions
from .actors import Actor
from .passwords import MAX_LENGTH, check_policy, hash_password

GONE = (
    "This set-password link does not work: it was used already, it has expired, or it never existed. "
    "Ask an admin for a new one."
)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(session: Session, actor: Actor, user: User, *, lifetime: timedelta) -> str:
    """A new link secret for `user` (older unused links stop working)."""
    void(session, user.id)
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    row = PasswordLink(
        user_id=user.id,
        token_hash=_hash(secret),
        created_by_id=actor.user_id,
        created_at=now,
        expires_at=now + lifetime,
    )
    session.add(row)
    session.flush()
    audit.record(
        session, actor, "user.password_link", "user", user.id, after={"link_id": row.id, "expires_at": row.expires_at}
    )
    return secret


def void(session: Session, user_id: int) -> int:
    """Mark every unused link of a user as spent; returns how many."""
    result = session.execute(
        sa.update(PasswordLink)
        .where(PasswordLink.user_id == user_id, PasswordLink.used_at.is_(None))
        .values(used_at=utcnow())
    )
    return result.rowcount or 0


def find(session: Session, secret: str) -> tuple[PasswordLink, User]:
    """The live link and its active user; NotFound for anything else (one message for all,
    so a link's state cannot be probed)."""
    if not secret or len(secret) > 200:
        raise NotFound(GONE)
    row = session.exec(select(PasswordLink).where(PasswordLink.token_hash == _hash(secret))).first()
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        raise NotFound(GONE)
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise NotFound(GONE)
    return row, user


def redeem(session: Session, secret: str, password: str, confirm: str) -> User:
    row, user = find(session, secret)
    if len(password) > MAX_LENGTH:
        raise ValidationError("The password is too long.", fields={"password": f"at most {MAX_LENGTH} characters"})
    if password != confirm:
        raise ValidationError("The two passwords differ.", fields={"confirm": "does not match the password"})
    try:
        check_policy(password, user_inputs=(user.username, user.display_name))
    except ValidationError as exc:
        raise ValidationError(
            exc.message[:1].upper() + exc.message[1:] + ".", fields={"password": exc.fields["password"]}
        ) from None
    user.password_hash = hash_password(password)
    row.used_at = utcnow()
    ended = web_sessions.end_all(session, user.id)
    audit.record(
        session,
        Actor.of(user),
        "user.password_set",
        "user",
        user.id,
        after={"link_id": row.id, "sessions_ended": ended},
    )
    return user
