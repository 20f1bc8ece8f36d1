import json
from datetime import datetime

import pytest
import sqlalchemy as sa
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


def _old_claim(conn, claim_id: int, status: str, reason: str | None) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO claims (id, article_id, start_offset, end_offset, text, kind, checkworthiness, status, "
            "dismissed_reason, version, created_at, updated_at) "
            "VALUES (:id, 1, 0, 10, 'The council spent more.', 'reported', 0.5, :status, :reason, 1, :now, :now)"
        ),
        {"id": claim_id, "status": status, "reason": reason, "now": datetime(2026, 1, 5)},
    )


def test_claims_merged_before_0017_become_merged_not_dismissed(empty_database_url):
    url = empty_database_url
    migrate.upgrade(url, "0016_webhooks")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, title, body, content_hash, source_format, imported_at) "
                "VALUES (1, 'Council budget', 'The council spent more. It spent less.', :h, 'txt', :now)"
            ),
            {"h": "a" * 64, "now": datetime(2026, 1, 5)},
        )
        _old_claim(conn, 1, "unreviewed", None)
        _old_claim(conn, 2, "dismissed", "Merged into claim #1")  # merged: its audit event says so
        _old_claim(conn, 3, "dismissed", "Merged into claim #1")  # merged before events named the target
        _old_claim(conn, 4, "dismissed", "Opinion, not a factual claim")
        conn.execute(
            sa.text(
                "INSERT INTO audit_events (at, actor, action, entity_type, entity_id, after) "
                "VALUES (:now, 'ana', 'claim.merged_into', 'claim', 2, :after)"
            ),
            {"now": datetime(2026, 1, 5), "after": json.dumps({"status": "dismissed", "into": 1})},
        )
    migrate.upgrade(url)
    query = sa.text("SELECT id, status, merged_into_id, dismissed_reason FROM claims ORDER BY id")
    with engine.connect() as conn:
        assert conn.execute(query).all() == [
            (1, "unreviewed", None, None),
            (2, "merged", 1, None),
            (3, "merged", 1, None),
            (4, "dismissed", None, "Opinion, not a factual claim"),
        ]
    with engine.begin() as conn:  # the new status is allowed, a made-up one still is not
        conn.execute(sa.text("UPDATE claims SET status = 'merged', merged_into_id = 1 WHERE id = 4"))
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(sa.text("UPDATE claims SET status = 'gone' WHERE id = 4"))
    migrate.downgrade(url, "0016_webhooks")
    query = sa.text("SELECT id, status, dismissed_reason FROM claims WHERE id > 1 ORDER BY id")
    with engine.connect() as conn:
        assert conn.execute(query).all() == [(n, "dismissed", "Merged into claim #1") for n in (2, 3, 4)]
    engine.dispose()
