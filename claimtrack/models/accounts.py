"""People who use claimtrack and the API tokens they hold."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from .base import check_in, ts_column, utcnow

ROLES = ("viewer", "reviewer", "editor", "admin")


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (check_in("role", ROLES, "role"),)

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    display_name: str = Field(default="", max_length=128)
    role: str = Field(default="viewer", max_length=16)
    password_hash: str = Field(max_length=255)
    is_active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    last_login_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))

    @property
    def label(self) -> str:
        return self.display_name or self.username


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_tokens"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    name: str = Field(default="", max_length=128)
    # SHA-256 of the token; the token itself is shown once and never stored.
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    last_used_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    revoked_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))


class PasswordLink(SQLModel, table=True):
    """A one-time link that lets a user choose their password. Only the SHA-256 of the
    link's secret is stored; it works once, and not after `expires_at`."""

    __tablename__ = "password_links"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", index=True)
    token_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    expires_at: datetime = Field(sa_column=ts_column())
    used_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))


__all__ = ["ROLES", "User", "ApiToken", "PasswordLink"]
