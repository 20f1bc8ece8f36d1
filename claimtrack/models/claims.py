"""Claims, who made them, and the quantities they carry."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

from .base import check_in, optimistic_lock, ts_column, utcnow

# "merged": joined into another claim of the same article (merged_into_id says which);
# kept so links and history that name it still resolve, and never counted as dismissed.
CLAIM_STATUSES = ("unreviewed", "in_review", "awaiting_approval", "published", "dismissed", "merged")
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
        # The queue sorted by date or outlet: one status's claims with their articles and
        # scores read from the index alone, not from 100k table rows.
        sa.Index("ix_claims_status_article", "status", "article_id", "checkworthiness"),
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
    # The claim a merged claim was joined into. No foreign key: SQLite adds one only by
    # copying the table, and merged claims and their survivors are never deleted.
    merged_into_id: int | None = Field(default=None, index=True)
    # Optimistic locking: every write bumps it; a write quoting an older value is refused.
    version: int = Field(default=1)
    # Null when the extractor proposed the claim; the user otherwise.
    created_by_id: int | None = Field(default=None, foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())

    @property
    def created_by_extractor(self) -> bool:
        return self.created_by_id is None


QUANTITY_KINDS = ("count", "percent", "money", "measure", "age", "vote", "score", "rate", "multiple")
QUANTITY_ROLES = ("level", "change", "start")


class Quantity(SQLModel, table=True):
    __tablename__ = "quantities"
    __table_args__ = (
        check_in("change", ("increase", "decrease"), "change"),
        check_in("kind", QUANTITY_KINDS, "kind"),
        check_in("role", QUANTITY_ROLES, "role"),
    )

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
    # What sort of number it is (``extraction.model.ExtractedQuantity``): the matcher
    # compares two quantities only when they measure the same thing.
    kind: str = Field(default="count", max_length=16)
    role: str = Field(default="level", max_length=16)
    of_what: str | None = Field(default=None, max_length=200)  # "voters surveyed"
    per: float | None = None  # a rate's denominator
    from_value: float | None = None  # the earlier value of a from-to pair
    versus: float | None = None  # the minority of a vote or score

    @staticmethod
    def fields_of(q) -> dict:
        """The columns of the stored row for an extracted quantity, but its claim (every
        store path uses this: import, upload, bulk import, re-extraction, hand-drawn claims)."""
        return {
            "start_offset": q.start,
            "end_offset": q.end,
            "text": q.text[:300],
            "value": q.value,
            "low": q.low,
            "high": q.high,
            "approx": q.approx,
            "unit": q.unit[:100] if q.unit else None,
            "change": q.change,
            "kind": q.kind if q.kind in QUANTITY_KINDS else "count",
            "role": q.role if q.role in QUANTITY_ROLES else "level",
            "of_what": q.of[:200] if q.of else None,
            "per": q.per,
            "from_value": q.from_value,
            "versus": q.versus,
        }

    @classmethod
    def from_extracted(cls, claim_id: int, q) -> Quantity:
        """The stored row for an extracted quantity."""
        return cls(claim_id=claim_id, **cls.fields_of(q))
