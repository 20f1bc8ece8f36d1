"""Shared column types and metadata conventions for every table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import SQLModel

# Named constraints let Alembic alter SQLite tables in batch mode and keep names stable
# across SQLite and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The largest value an integer column (ids, versions, offsets) holds on both backends:
# PostgreSQL's `integer`. Larger numbers from outside are refused before any query.
MAX_ID = 2**31 - 1


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """Timestamps stored as UTC and always returned timezone-aware.

    SQLite has no time zone type, so values are normalised to naive UTC on the way in
    and marked UTC on the way out; PostgreSQL gets the same behaviour for free.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def ts_column(*, nullable: bool = False, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def check_in(column: str, values: tuple[str, ...], name: str) -> sa.CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return sa.CheckConstraint(f"{column} IN ({allowed})", name=name)


def optimistic_lock(cls):
    """Mapper arguments that make every UPDATE of a versioned row say
    `WHERE version = <the version read>`. The services bump `version` themselves and
    compare it with what the user saw; this closes the gap between that check and the
    write, where two transactions could both pass the check (PostgreSQL does not
    serialise writers as SQLite does). The loser's flush raises StaleDataError."""
    return {"version_id_col": cls.__table__.c.version, "version_id_generator": False}
