"""A user's own account: their API tokens and their password.

Everything here acts on the caller's own account only. A token id that belongs to
someone else is answered exactly like a missing one, so ids cannot be probed, and an
admin manages other people's tokens through the CLI, not through these pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from math import ceil

from sqlalchemy import func
from sqlmodel import Session, select

from ...errors import NotFound, ValidationError
from ...models import ApiToken, LoginAttempt, User, utcnow
from .. import audit
from . import sessions as web_sessions
from . import tokens, users
from .actors import Actor
from .login_guard import Limits
from .passwords import MAX_LENGTH, check_policy, hash_password, verify_password


@dataclass(frozen=True, slots=True)
class Account:
    user: User
    tokens: list[ApiToken]


def account(session: Session, user_id: int) -> Account:
    user = users.get_user(session, user_id)
    # Newest first: the token just created is the one its owner is looking for.
    return Account(user, sorted(tokens.list_tokens(session, user.id), key=lambda t: t.id or 0, reverse=True))


def create_token(session: Session, user_id: int, name: str) -> tuple[ApiToken, str]:
    """A new token for the user themselves; the plaintext is returned once, never stored."""
    user = users.get_user(session, user_id)
    return tokens.create_token(session, Actor.of(user), user, name=name)


def revoke_token(session: Session, user_id: int, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens; anybody else's is "not found"."""
    user = users.get_user(session, user_id)
    row = session.get(ApiToken, token_id)
    if row is None or row.user_id != user.id:
        raise NotFound(f"You have no API token #{token_id}.")
    return tokens.revoke_token(session, Actor.of(user), token_id)


class WrongPassword(ValidationError):
    """The current password was wrong; the caller commits, so the failure is counted."""


def change_password(
    session: Session,
    user_id: int,
    current: str,
    new: str,
    confirm: str,
    *,
    address: str,
    limits: Limits,
    now: datetime | None = None,
) -> User:
    """Check the current password, apply the password policy to the new one and store it.
    Every web session of the user ends; the caller starts a fresh one for this browser.

    A wrong current password counts as a failed log-in of the account, so someone holding
    a stolen session cannot guess the password here faster than at the log-in page."""
    now = now or utcnow()
    user = users.get_user(session, user_id)
    if not current:
        raise _refused("current_password", "Enter your current password.", "required")
    locked_until = _locked_until(session, user.username, limits, now)
    if locked_until is not None:
        minutes = max(1, ceil((locked_until - now).total_seconds() / 60))
        raise _refused(
            "current_password",
            f"Too many wrong passwords. Try again in {minutes} minute{'s' if minutes != 1 else ''}.",
            "locked for now",
        )
    if len(current) > MAX_LENGTH or not verify_password(user.password_hash, current):
        session.add(LoginAttempt(at=now, username=user.username, address=(address or "unknown")[:64], success=False))
        audit.record(
            session,
            Actor.of(user),
            "user.password_change_refused",
            "user",
            user.id,
            after={"reason": "wrong current password", "address": address},
        )
        raise _refused(
            "current_password", "Your current password is not correct.", "not your current password", kind=WrongPassword
        )
    if new != confirm:
        raise _refused(
            "confirm_password", "The new password and its confirmation differ.", "does not match the new password"
        )
    if new == current:
        raise _refused(
            "new_password", "The new password must differ from the current one.", "same as the current password"
        )
    try:
        check_policy(new, user_inputs=(user.username, user.display_name))
    except ValidationError as exc:
        raise _refused("new_password", f"New {exc.message}.", exc.fields["password"]) from None
    user.password_hash = hash_password(new)
    ended = web_sessions.end_all(session, user.id)
    audit.record(session, Actor.of(user), "user.password_change", "user", user.id, after={"sessions_ended": ended})
    return user


def _refused(field: str, message: str, hint: str, *, kind: type[ValidationError] = ValidationError) -> ValidationError:
    return kind(message, fields={field: hint})


def _locked_until(session: Session, username: str, limits: Limits, now: datetime) -> datetime | None:
    """When the account's log-in lock-out ends, if it is locked (the same counters and
    limit as the log-in page)."""
    count, latest = session.exec(
        select(func.count(LoginAttempt.id), func.max(LoginAttempt.at)).where(
            LoginAttempt.username == username, LoginAttempt.success.is_(False), LoginAttempt.at > now - limits.window
        )
    ).one()
    if count < limits.per_account or latest is None:
        return None
    latest = latest if latest.tzinfo else latest.replace(tzinfo=now.tzinfo)
    return latest + limits.window
