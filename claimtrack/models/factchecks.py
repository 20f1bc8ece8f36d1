"""Reference fact-checks: verdicts published elsewhere (or by us), kept to answer
"has this been checked before?"."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow

# Full-text objects created per dialect by the migrations, outside the SQLModel
# metadata: SQLite FTS5 tables (and their shadow tables), PostgreSQL tsvector tables.
SEARCH_TABLE_PREFIXES = ("factchecks_fts", "claims_fts", "factcheck_search", "claim_search")


def is_search_object(name: str | None) -> bool:
    """True for the full-text tables the schema comparison must leave alone."""
    return bool(name) and name.startswith(SEARCH_TABLE_PREFIXES)


class FactCheck(SQLModel, table=True):
    __tablename__ = "factchecks"

    id: int | None = Field(default=None, primary_key=True)
    # The source's own identifier (a CheckThat vclaim_id, a ClaimReview @id).
    external_id: str | None = Field(default=None, max_length=200, index=True)
    # Identity across imports: hash of publisher + external id, or of publisher + the
    # normalised claim when the source gives no id. Re-import updates the row.
    dedupe_key: str = Field(max_length=64, sa_column_kwargs={"unique": True})
    claim_text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    title: str | None = Field(default=None, max_length=1000)
    rating: str | None = Field(default=None, max_length=200)
    rating_value: float | None = None
    url: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=300)
    claimant: str | None = Field(default=None, max_length=300)
    claim_date: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    review_date: datetime | None = Field(default=None, sa_column=ts_column(nullable=True))
    imported_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())
