"""Instance settings an admin edits in the browser, shared by every app server."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow


class InstanceSetting(SQLModel, table=True):
    """One named setting (publisher name, public base URL, the rating scale …); the value
    is JSON so a whole rating scale fits in one row and is replaced in one write."""

    __tablename__ = "instance_settings"

    key: str = Field(primary_key=True, max_length=64)
    value: Any = Field(default=None, sa_column=sa.Column(sa.JSON, nullable=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_by_id: int | None = Field(default=None, foreign_key="users.id")
