"""What the app tells a person about their work: one row per notification, and the kinds
a person has switched off."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import check_in, ts_column, utcnow

NOTIFICATION_KINDS = ("assigned", "returned", "published", "corrected", "related", "conflict")


class Notification(SQLModel, table=True):
    __tablename__ = "notifications"
    __table_args__ = (
        check_in("kind", NOTIFICATION_KINDS, "kind"),
        sa.Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id")
    kind: str = Field(max_length=16)
    claim_id: int | None = Field(default=None, foreign_key="claims.id", index=True)
    # Who caused it (None for the system, e.g. new coverage); shown by name.
    actor_id: int | None = Field(default=None, foreign_key="users.id")
    message: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    read_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))


class NotificationMute(SQLModel, table=True):
    """A kind of notification a person does not want; absent means wanted."""

    __tablename__ = "notification_mutes"

    user_id: int = Field(foreign_key="users.id", primary_key=True)
    kind: str = Field(max_length=16, primary_key=True)
