"""API tokens: created for a user, shown once, stored as a SHA-256 hash, revocable.

A token acts with its user's current role; it stops working when it is revoked or when
the user is deactivated. `last_used_at` is refreshed at most once a minute per token, so
a busy integration does not turn every read into a write.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import bindparam, update
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import ApiToken, User, utcnow
from .. import audit
from .actors import Actor
from .roles import require

MAX_NAME = 128
# An unnamed token is named after the start of its value, so its owner can tell tokens
# apart in lists and the audit log; a prefix this short is no help to a guesser.
PREFIX_CHARS = 6
TOUCH_INTERVAL = timedelta(seconds=60)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, actor: Actor, user: User, *, name: str = "") -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself (shown once, never stored).

    Anyone may create tokens for themselves; only an admin for someone else."""
    if actor.user_id is not None and actor.user_id != user.id:
        require(actor, "admin", "create tokens for other users")
    name = (name or "").strip()
    if len(name) > MAX_NAME:
        raise ValidationError(
            f"The token name is too long (at most {MAX_NAME} characters).",
            fields={"name": f"at most {MAX_NAME} characters"},
        )
    if not user.is_active:
        raise ValidationError(
            f"{user.username} is deactivated; a token for them would not work.", fields={"user": "inactive"}
        )
    plaintext = secrets.token_urlsafe(32)
    name = name or f"{plaintext[:PREFIX_CHARS]}…"
    row = ApiToken(user_id=user.id, name=name, token_hash=hash_token(plaintext))
    session.add(row)
    session.flush()
    audit.record(session, actor, "token.create", "api_token", row.id, after={"user_id": user.id, "name": name})
    return row, plaintext


def get_token(session: Session, token_id: int) -> ApiToken:
    row = session.get(ApiToken, token_id)
    if row is None:
        raise NotFound(f"There is no API token #{token_id}.")
    return row


def list_tokens(session: Session, user_id: int) -> list[ApiToken]:
    return list(session.exec(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id)).all())


def revoke_token(session: Session, actor: Actor, token_id: int) -> ApiToken:
    """Revoke a token; revoking one already revoked changes nothing."""
    row = get_token(session, token_id)
    if actor.user_id is not None and actor.user_id != row.user_id:
        require(actor, "admin", "revoke other users' tokens")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        audit.record(session, actor, "token.revoke", "api_token", row.id, after={"user_id": row.user_id})
    return row


# Built once: this runs on every API request, and building the expression costs as much
# as running it.
_BY_HASH = (
    select(ApiToken, User).join(User, User.id == ApiToken.user_id).where(ApiToken.token_hash == bindparam("token_hash"))
)


def authenticate(session: Session, token: str) -> tuple[ApiToken, User] | None:
    """The live token and its active user, or None for anything else."""
    if not token or len(token) > 200:
        return None
    row = session.exec(_BY_HASH, params={"token_hash": hash_token(token)}).first()
    if row is None:
        return None
    token_row, user = row
    if token_row.revoked_at is not None or not user.is_active:
        return None
    return token_row, user


def needs_touch(token: ApiToken, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return token.last_used_at is None or now - token.last_used_at >= TOUCH_INTERVAL


def touch(session: Session, token_id: int, now: datetime | None = None) -> None:
    """Record use. Not audited: it is bookkeeping, not a change anyone made."""
    now = now or utcnow()
    session.exec(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))
