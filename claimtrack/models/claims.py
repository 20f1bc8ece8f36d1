"""Claims, who made them, and the quantities they carry."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from .base import check_in, optimistic_lock, ts_column, utcnow

CLAIM_STATUSES = ("unreviewed", "in_review", "awaiting_approval", "published", "dismissed")
CLAIM_KINDS = ("quote", "paraphrase", "reported")
CLAIMANT_KINDS = ("person", "organization", "group", "document")


class Claimant(SQLModel, table=True):
    __tablename__ = "claimants"
    __table_args__ = (check_in("kind", CLAIMANT_KINDS, "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300)
    title: str | None = Field(default=None, max_length=300)
    kind: str = Field(default="person", max_length=16)
    same_as: str | None = Field(default=None, max_length=1000)
    # Set when this record was merged into another; merged claimants keep their aliases
    # on the survivor and point here so old links still resolve.
    merged_into_id: int | None = Field(default=None, foreign_key="claimants.id", index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class ClaimantAlias(SQLModel, table=True):
    __tablename__ = "claimant_aliases"
    __table_args__ = (sa.UniqueConstraint("claimant_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    claimant_id: int = Field(foreign_key="claimants.id", index=True)
    alias: str = Field(max_length=300)
    # Normalised spelling used to find the claimant again (see extraction.claimants).
    alias_key: str = Field(max_length=300, index=True)


class Claim(SQLModel, table=True):
    __tablename__ = "claims"
    __table_args__ = (
        check_in("status", CLAIM_STATUSES, "status"),
        check_in("kind", CLAIM_KINDS, "kind"),
        sa.CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="span"),
        sa.Index("ix_claims_status_checkworthiness", "status", "checkworthiness"),
    )

    __mapper_args__ = declared_attr(optimistic_lock)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="articles.id", index=True)
    # Character offsets into Article.body: body[start_offset:end_offset] is the span.
    start_offset: int
    end_offset: int
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    quote: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    kind: str = Field(default="reported", max_length=16)
    cue: str | None = Field(default=None, max_length=100)
    claimant_id: int | None = Field(default=None, foreign_key="claimants.id", index=True)
    speaker_title: str | None = Field(default=None, max_length=300)
    checkworthiness: float = Field(default=0.0)
    status: str = Field(default="unreviewed", max_length=20)
    assignee_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    repeat_of_id: int | None = Field(default=None, foreign_key="claims.id", index=True)
    dismissed_reason: str | None = Field(default=None, max_length=1000)
    # Optimistic locking: every write bumps it; a write quoting an older value is refused.
    version: int = Field(default=1)
    # Null when the extractor proposed the claim; the user otherwise.
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())

    @property
    def created_by_extractor(self) -> bool:
        return self.created_by_id is None


class Quantity(SQLModel, table=True):
    __tablename__ = "quantities"
    __table_args__ = (check_in("change", ("increase", "decrease"), "change"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    start_offset: int | None = None
    end_offset: int | None = None
    text: str = Field(max_length=300)
    value: float
    low: float
    high: float
    approx: bool = Field(default=False)
    unit: str | None = Field(default=None, max_length=100)
    change: str | None = Field(default=None, max_length=10)
