"""Outlets and the articles imported from them."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow


class Outlet(SQLModel, table=True):
    __tablename__ = "outlets"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, sa_column_kwargs={"unique": True}, nullable=False)
    url: str | None = Field(default=None, max_length=500)


class Article(SQLModel, table=True):
    __tablename__ = "articles"

    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, max_length=2000, sa_column_kwargs={"unique": True})
    title: str = Field(max_length=1000)
    dek: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    byline: str | None = Field(default=None, max_length=500)
    dateline: str | None = Field(default=None, max_length=200)
    outlet_id: int | None = Field(default=None, foreign_key="outlets.id", index=True)
    published_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True, index=True))
    body: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    # SHA-256 of the whitespace-normalised title and body: the duplicate check on import.
    content_hash: str = Field(max_length=64, sa_column_kwargs={"unique": True}, nullable=False)
    source_format: str = Field(default="txt", max_length=16)
    source_name: str | None = Field(default=None, max_length=500)
    imported_by_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    imported_at: datetime = Field(default_factory=utcnow, sa_column=ts_column(index=True))
