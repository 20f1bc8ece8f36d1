"""Alembic environment for claimtrack (SQLite and PostgreSQL)."""
from __future__ import annotations

from alembic import context

from claimtrack import models  # noqa: F401 - registers every table on the metadata
from claimtrack.database import make_engine
from sqlmodel.sql.sqltypes import AutoString

from claimtrack.models.base import UTCDateTime

config = context.config
target_metadata = models.metadata


def render_item(type_: str, obj: object, autogen_context) -> str | bool:  # noqa: ANN001
    # Migrations must not depend on application classes that may change later.
    if type_ != "type":
        return False
    if isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if isinstance(obj, AutoString):
        return f"sa.String(length={obj.length})" if obj.length else "sa.String()"
    return False


def include_name(name: str | None, type_: str, parent_names) -> bool:  # noqa: ANN001
    # Full-text search tables are made per dialect by the migrations, not by the models.
    return not (type_ == "table" and models.is_search_object(name))


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
        compare_type=True,
        render_item=render_item,
        include_name=include_name,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=config.attributes["url"], literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.attributes["url"])
    with engine.connect() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
        conn.commit()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
