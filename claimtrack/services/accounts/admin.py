"""What an admin does to other people's accounts from the browser: create them (with a
password, or a one-time link to choose one), change their role, deactivate and
re-activate them, and reset their password.

Accounts themselves are made and changed by services.accounts.users (deactivation there also
ends the user's sessions and tokens); this module adds the admin's rules: only an admin
acts, and the last active admin cannot be demoted or locked out.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from ...errors import Conflict, ValidationError
from ...models import ROLES, PasswordLink, User
from .. import audit
from . import password_links, users
from . import sessions as web_sessions
from .actors import Actor
from .passwords import check_policy, hash_password
from .roles import require


@dataclass(frozen=True, slots=True)
class NewAccount:
    user: User
    link: str | None  # the one-time set-password secret, shown once; None with a password


def _admin(actor: Actor, what: str) -> None:
    require(actor, "admin", what)


def _active_admins(session: Session) -> int:
    return session.execute(
        sa.select(sa.func.count()).select_from(User).where(User.role == "admin", User.is_active.is_(True))
    ).scalar_one()


def _keeps_an_admin(session: Session, user: User) -> None:
    if user.role == "admin" and user.is_active and _active_admins(session) <= 1:
        raise Conflict(
            f"{user.username} is the only active admin; make someone else an admin first, "
            "or nobody could run this instance from the browser."
        )


def list_accounts(session: Session) -> list[User]:
    return users.list_users(session)


def create(
    session: Session,
    actor: Actor,
    username: str,
    *,
    role: str,
    display_name: str = "",
    password: str = "",
    link_lifetime: timedelta,
) -> NewAccount:
    """With a password: the account can log in at once. Without: it gets a random
    password nobody knows and a one-time link for its owner to choose one."""
    _admin(actor, "create accounts")
    if password:
        user = users.create_user(session, actor, username, password, role=role, display_name=display_name)
        return NewAccount(user, None)
    user = users.create_user(session, actor, username, secrets.token_urlsafe(32), role=role, display_name=display_name)
    return NewAccount(user, password_links.issue(session, actor, user, lifetime=link_lifetime))


def change_role(session: Session, actor: Actor, user_id: int, role: str) -> User:
    _admin(actor, "change roles")
    user = users.get_user(session, user_id)
    if role not in ROLES:
        raise ValidationError(f"Unknown role {role!r}.", fields={"role": f"one of {', '.join(ROLES)}"})
    if role != "admin":
        _keeps_an_admin(session, user)
    return users.set_role(session, actor, user.username, role)


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> User:
    _admin(actor, "deactivate or re-activate accounts")
    user = users.get_user(session, user_id)
    if not active:
        _keeps_an_admin(session, user)
    return users.set_active(session, actor, user.username, active)


def reset_password(
    session: Session, actor: Actor, user_id: int, *, password: str = "", link_lifetime: timedelta
) -> str | None:
    """Set a new password, or (none given) issue a one-time link for the user to choose
    one. Either way their live sessions end; a new password also voids older links."""
    _admin(actor, "reset passwords")
    user = users.get_user(session, user_id)
    if not user.is_active:
        raise Conflict(f"{user.username} is deactivated; re-activate the account first.")
    if not password:
        return password_links.issue(session, actor, user, lifetime=link_lifetime)
    try:
        check_policy(password, user_inputs=(user.username, user.display_name))
    except ValidationError as exc:
        raise ValidationError(f"New {exc.message}.", fields={"password": exc.fields["password"]}) from None
    user.password_hash = hash_password(password)
    ended = web_sessions.end_all(session, user.id)
    voided = password_links.void(session, user.id)
    audit.record(
        session, actor, "user.password_reset", "user", user.id, after={"sessions_ended": ended, "links_voided": voided}
    )
    return None


def pending_links(session: Session) -> dict[int, PasswordLink]:
    """The newest unused link of each user, to show that one is outstanding."""
    rows = session.exec(select(PasswordLink).where(PasswordLink.used_at.is_(None)).order_by(PasswordLink.id)).all()
    return {row.user_id: row for row in rows}
