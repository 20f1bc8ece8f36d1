"""The claim matching index: blocking keys per claim, key frequencies, and the story
context of each article, kept in the database so every app server shares one index.

A lookup turns a claim into keys (``claimtrack.matching.keys``), reads how many
claims hold each key from ``match_keys``, and fetches the claims holding the rarest
ones from ``match_postings`` by primary key: it never scans all claims.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .base import ts_column, utcnow


class MatchKey(SQLModel, table=True):
    """One blocking key ("n:3000:troop", "t:withdraw") and how many indexed claims hold it."""

    __tablename__ = "match_keys"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=200, sa_column_kwargs={"unique": True}, nullable=False)
    # Document frequency: postings of this key, maintained on every index change.
    df: int = Field(default=0)


class MatchPosting(SQLModel, table=True):
    """A claim holds a key. The primary key (key, claim) is the lookup path; on SQLite
    the table is stored clustered on it (WITHOUT ROWID), which halves its size."""

    __tablename__ = "match_postings"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key_id: int = Field(foreign_key="match_keys.id", primary_key=True)
    claim_id: int = Field(foreign_key="claims.id", primary_key=True)


class MatchClaim(SQLModel, table=True):
    """A claim's entry in the index: which keys it holds (so they can be removed without
    an index on ``match_postings.claim_id``) and the claim version they were built from."""

    __tablename__ = "match_claims"

    claim_id: int = Field(foreign_key="claims.id", primary_key=True)
    # Claim.version when indexed; a later edit of the claim makes the entry stale.
    claim_version: int
    # False for repeats and texts too short to link: indexed, but holding no postings.
    linkable: bool
    key_ids: list[int] = Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False))
    # Tokens and quantity contexts (``matching.features``): candidates are scored
    # without tokenising their text again.
    features: str | None = Field(default=None, sa_column=sa.Column(sa.Text, nullable=True))
    # ``matching.furniture.text_key`` of the claim text: verbatim copies of one
    # sentence across an outlet's articles (page furniture) are found by it.
    text_key: str | None = Field(default=None, max_length=32, index=True)
    indexed_at: datetime = Field(default_factory=utcnow, sa_column=ts_column())


class MatchArticle(SQLModel, table=True):
    """The story context of an article (``story_terms`` of its title and body), stored
    once so candidates are scored without reading article bodies."""

    __tablename__ = "match_articles"

    article_id: int = Field(foreign_key="articles.id", primary_key=True)
    story_terms: list[str] = Field(default_factory=list, sa_column=sa.Column(sa.JSON, nullable=False))


class MatchStat(SQLModel, table=True):
    """Counters of the index, one row each ("linkable_claims")."""

    __tablename__ = "match_stats"

    name: str = Field(max_length=40, primary_key=True)
    value: int = Field(default=0)
