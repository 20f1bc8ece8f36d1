"""Creating and authenticating users."""

from __future__ import annotations

import re

from sqlalchemy import update
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import ROLES, ApiToken, User, utcnow
from .. import audit
from . import sessions
from .actors import Actor
from .passwords import check_policy, hash_password, needs_rehash, verify_password

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")
# Verified against when the username is unknown, so both paths cost one argon2 hash.
_DUMMY_HASH = None


def create_user(
    session: Session, actor: Actor, username: str, password: str, *, role: str, display_name: str = ""
) -> User:
    username = username.strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            "username must be 2-64 letters, digits, '.', '_' or '-'",
            fields={"username": "2-64 letters, digits, '.', '_' or '-'"},
        )
    if role not in ROLES:
        raise ValidationError(
            f"unknown role {role!r}; choose one of {', '.join(ROLES)}", fields={"role": f"one of {', '.join(ROLES)}"}
        )
    if find_user(session, username) is not None:
        raise ValidationError(f"user {username!r} already exists", fields={"username": "already taken"})
    check_policy(password, user_inputs=(username, display_name))
    user = User(
        username=username, role=role, display_name=display_name.strip()[:128], password_hash=hash_password(password)
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "user.create", "user", user.id, after={"username": user.username, "role": user.role})
    return user


def find_user(session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username.strip())).first()


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"no user with id {user_id}")
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The active user with these credentials, or None. Does not say which part failed."""
    global _DUMMY_HASH
    user = find_user(session, username)
    if user is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_password("x" * 16)
        verify_password(_DUMMY_HASH, password)
        return None
    if not verify_password(user.password_hash, password) or not user.is_active:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def list_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.username)))


def _existing(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise NotFound(f"no user named {username.strip()!r}")
    return user


def set_active(session: Session, actor: Actor, username: str, active: bool) -> User:
    """Let a user in again, or keep them out. Deactivation ends every web session and
    revokes every API token of the user for good: an account is usually deactivated
    because a laptop or a token went astray, so activating it again must not bring those
    back. The user logs in afresh and makes new tokens."""
    user = _existing(session, username)
    ended = revoked = 0
    if not active:
        # Also when already inactive: nothing of an inactive account may stay live.
        ended = sessions.end_all(session, user.id)
        revoked = (
            session.exec(
                update(ApiToken)
                .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            ).rowcount
            or 0
        )
    if user.is_active != active or ended or revoked:
        before = user.is_active
        user.is_active = active
        session.add(user)
        session.flush()
        after: dict = {"active": active}
        if not active:
            after |= {"sessions_ended": ended, "tokens_revoked": revoked}
        audit.record(
            session,
            actor,
            "user.activate" if active else "user.deactivate",
            "user",
            user.id,
            before={"active": before},
            after=after,
        )
    return user


def set_role(session: Session, actor: Actor, username: str, role: str) -> User:
    if role not in ROLES:
        raise ValidationError(
            f"unknown role {role!r}; choose one of {', '.join(ROLES)}", fields={"role": f"one of {', '.join(ROLES)}"}
        )
    user = _existing(session, username)
    if user.role != role:
        before = user.role
        user.role = role
        session.add(user)
        session.flush()
        audit.record(session, actor, "user.role", "user", user.id, before={"role": before}, after={"role": role})
    return user
