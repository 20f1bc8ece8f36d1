"""Suggested and decided links between claims from different coverage."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import check_in, ts_column, utcnow

LINK_RELATIONS = ("same", "related")
LINK_STATES = ("suggested", "confirmed", "dismissed")
# "different": the two claims hold numbers of one unit that measure different things
# (another poll, another date, a subset against a total): never a conflict.
NUMERIC_VERDICTS = ("consistent", "conflict", "different")


class ClaimLink(SQLModel, table=True):
    __tablename__ = "claim_links"
    __table_args__ = (
        check_in("relation", LINK_RELATIONS, "relation"),
        check_in("state", LINK_STATES, "state"),
        check_in("numeric", NUMERIC_VERDICTS, "numeric"),
        # Pairs are stored once, lower id first, so a dismissed pair is found again.
        sa.CheckConstraint("claim_a_id < claim_b_id", name="ordered"),
        sa.UniqueConstraint("claim_a_id", "claim_b_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_a_id: int = Field(foreign_key="claims.id", index=True)
    claim_b_id: int = Field(foreign_key="claims.id", index=True)
    score: float
    relation: str = Field(max_length=16)
    numeric: str | None = Field(default=None, max_length=16)
    reasons: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False))
    state: str = Field(default="suggested", max_length=16)
    decided_by_id: int | None = Field(default=None, foreign_key="users.id")
    decided_at: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
