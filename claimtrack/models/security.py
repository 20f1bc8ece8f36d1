"""Records that protect accounts: failed and successful log-in attempts."""
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
