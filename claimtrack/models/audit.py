"""The append-only record of who changed what."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"
    __table_args__ = (sa.Index("ix_audit_events_entity", "entity_type", "entity_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=ts_column(index=True))
    user_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    # Who acted, readable even without a user row: a username, "cli" or "extractor".
    actor: str = Field(max_length=64)
    action: str = Field(max_length=64)
    entity_type: str = Field(max_length=32)
    entity_id: int | None = None
    before: dict[str, Any] | None = Field(default=None, sa_column=sa.Column(sa.JSON, nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=sa.Column(sa.JSON, nullable=True))
