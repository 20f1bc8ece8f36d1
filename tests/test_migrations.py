from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from claimtrack import migrate, models
from claimtrack.db import make_engine

from .conftest import backend


def _include_name(name, type_, parent_names) -> bool:
    return not (type_ == "table" and models.is_search_object(name))


def _diff(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_name": _include_name}
        ctx = MigrationContext.configure(conn, opts=opts)
        return compare_metadata(ctx, models.metadata)


def test_upgrade_from_empty_matches_models(empty_database_url):
    migrate.upgrade(empty_database_url)
    assert _diff(empty_database_url) == []
    tables = set(inspect(make_engine(empty_database_url)).get_table_names())
    assert set(models.metadata.tables) <= tables


def test_upgrade_downgrade_upgrade(empty_database_url):
    url = empty_database_url
    migrate.upgrade(url)
    engine = make_engine(url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    migrate.downgrade(url, "base")
    assert migrate.current_revision(engine) is None
    leftover = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert leftover == set()
    migrate.upgrade(url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert _diff(url) == []


def test_backend_under_test_is_the_one_requested(database_url):
    assert make_engine(database_url).dialect.name == backend()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(database_url):
    engine = make_engine(database_url, busy_timeout=7)
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 7000
