"""Records that protect accounts: log-in attempts, and the web sessions that are live."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow


class LoginAttempt(SQLModel, table=True):
    """One log-in attempt, counted per account and per client address. Kept in the
    database so the limits hold across every app server."""

    __tablename__ = "login_attempts"
    __table_args__ = (
        sa.Index("ix_login_attempts_username_at", "username", "at"),
        sa.Index("ix_login_attempts_address_at", "address", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    username: str = Field(max_length=64)
    address: str = Field(max_length=64)
    success: bool = Field(default=False)


class WebSession(SQLModel, table=True):
    """A logged-in browser session. The cookie carries a random key whose hash is stored
    here; deleting the row (log-out, password change) ends the session on every app
    server, even if someone replays the old cookie."""

    __tablename__ = "web_sessions"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    key_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
