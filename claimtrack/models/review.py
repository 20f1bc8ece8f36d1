"""Evidence and verdicts: sources linked to claims, and the verdict history."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from .base import check_in, optimistic_lock, ts_column, utcnow

STANCES = ("supports", "refutes", "context")
VERDICT_STATES = ("draft", "submitted", "returned", "published", "superseded")


class Source(SQLModel, table=True):
    __tablename__ = "sources"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(max_length=2000)
    title: str = Field(default="", max_length=1000)
    publisher: str | None = Field(default=None, max_length=300)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class ClaimSource(SQLModel, table=True):
    __tablename__ = "claim_sources"
    __table_args__ = (
        check_in("stance", STANCES, "stance"),
        sa.UniqueConstraint("claim_id", "source_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    source_id: int = Field(foreign_key="sources.id", index=True)
    stance: str = Field(default="context", max_length=16)
    excerpt: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    # Set when the link was copied from a confirmed same-claim link.
    reused_from_claim_id: int | None = Field(default=None, foreign_key="claims.id", index=True)
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class Verdict(SQLModel, table=True):
    """One row per verdict version. Published rows are never edited: a correction is a
    new row that supersedes the old one, so the history stays whole."""

    __tablename__ = "verdicts"
    __table_args__ = (check_in("state", VERDICT_STATES, "state"),)

    __mapper_args__ = declared_attr(optimistic_lock)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", index=True)
    rating: str = Field(max_length=64)
    summary: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False))
    rationale: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False))
    state: str = Field(default="draft", max_length=16)
    reviewer_id: int | None = Field(default=None, foreign_key="users.id", index=True)
    approver_id: int | None = Field(default=None, foreign_key="users.id")
    return_comment: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    correction_note: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    corrects_id: int | None = Field(default=None, foreign_key="verdicts.id")
    reused_from_claim_id: int | None = Field(default=None, foreign_key="claims.id", index=True)
    # What the fact-check says it reviewed (ClaimReview claimReviewed, the public
    # headline): the claim without its attribution, as the reviewer or editor worded it.
    claim_reviewed: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    # A retracted fact-check stays published with a notice; see services.review.retraction.
    retracted_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    retraction_reason: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    retracted_by_id: int | None = Field(default=None, foreign_key="users.id")
    version: int = Field(default=1)
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    submitted_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    published_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True, index=True))
