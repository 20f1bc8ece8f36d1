"""Log-in throttling: too many failures for one account, or from one client address,
within a window lock further attempts out for a while.

Counters are rows in the database, so the limits hold across every app server. Each
failure, lock-out and success is also written to the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, select

from ...models import LoginAttempt, User, utcnow
from .. import audit
from . import users
from .actors import Actor


@dataclass(frozen=True, slots=True)
class Limits:
    per_account: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=15)

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> "Limits":
        return cls(
            int(config.get("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5)),
            int(config.get("LOGIN_MAX_FAILURES_PER_ADDRESS", 20)),
            timedelta(seconds=int(config.get("LOGIN_WINDOW_SECONDS", 900))),
        )


@dataclass(frozen=True, slots=True)
class LoginResult:
    user: User | None
    locked_until: datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


def attempt_login(
    session: Session, username: str, password: str, address: str, limits: Limits, *, now: datetime | None = None
) -> LoginResult:
    """Check the limits, then the password. A locked-out attempt does not even try the
    password, so guessing cannot continue behind the lock."""
    now = now or utcnow()
    username = username.strip()[:64]
    address = (address or "unknown")[:64]
    locked_until = _locked_until(session, username, address, limits, now)
    actor = Actor(user_id=None, name=username or "(blank)")
    if locked_until is not None:
        audit.record(
            session,
            actor,
            "login.locked",
            "user",
            None,
            after={"username": username, "address": address, "until": locked_until},
        )
        return LoginResult(None, locked_until)
    user = users.authenticate(session, username, password)
    session.add(LoginAttempt(at=now, username=username, address=address, success=user is not None))
    if user is None:
        audit.record(session, actor, "login.failure", "user", None, after={"username": username, "address": address})
        return LoginResult(None)
    # A success clears the account's failures, so an owner who mistyped is not locked later.
    session.exec(delete(LoginAttempt).where(LoginAttempt.username == username, LoginAttempt.success.is_(False)))
    audit.record(session, Actor.of(user), "login.success", "user", user.id, after={"address": address})
    return LoginResult(user)


def _locked_until(session: Session, username: str, address: str, limits: Limits, now: datetime) -> datetime | None:
    since = now - limits.window
    for column, value, limit in (
        (LoginAttempt.username, username, limits.per_account),
        (LoginAttempt.address, address, limits.per_address),
    ):
        count, latest = session.exec(
            select(func.count(LoginAttempt.id), func.max(LoginAttempt.at)).where(
                column == value, LoginAttempt.success.is_(False), LoginAttempt.at > since
            )
        ).one()
        if count >= limit and latest is not None:
            latest = latest if latest.tzinfo else latest.replace(tzinfo=now.tzinfo)
            return latest + limits.window
    return None
