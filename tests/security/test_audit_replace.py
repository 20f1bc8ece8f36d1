"""The audit log cannot be rewritten by inserting over an existing event: SQLite's
REPLACE / INSERT OR REPLACE delete the old row without firing delete triggers, and
upserts (ON CONFLICT DO UPDATE, PostgreSQL's MERGE) turn an insert into an update.
Every such statement is refused by the database and the event stays as written."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import select

from claimtrack.db import session_scope
from claimtrack.models import AuditEvent

from ..conftest import backend
from ..helpers import make_user

_COLUMNS = "(id, at, actor, action, entity_type, entity_id)"
_VALUES = "(:id, :at, 'intruder', 'user.create', 'user', 999)"
_BOTH = [
    f"INSERT INTO audit_events {_COLUMNS} VALUES {_VALUES} ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
    f"INSERT INTO audit_events {_COLUMNS} VALUES {_VALUES} "
    "ON CONFLICT (id) DO UPDATE SET action = 'rewritten', entity_id = excluded.entity_id",
]
_SQLITE = [
    f"REPLACE INTO audit_events {_COLUMNS} VALUES {_VALUES}",
    f"INSERT OR REPLACE INTO audit_events {_COLUMNS} VALUES {_VALUES}",
    f"INSERT OR REPLACE INTO audit_events {_COLUMNS} SELECT id, at, 'intruder', action, entity_type, 999 "
    "FROM audit_events WHERE id = :id AND :at IS NOT NULL",
]
_POSTGRES = [
    "MERGE INTO audit_events AS t USING (SELECT CAST(:id AS integer) AS id, CAST(:at AS timestamp) AS at) AS s "
    "ON t.id = s.id WHEN MATCHED THEN UPDATE SET actor = 'intruder'",
    "MERGE INTO audit_events AS t USING (SELECT CAST(:id AS integer) AS id, CAST(:at AS timestamp) AS at) AS s "
    "ON t.id = s.id WHEN MATCHED THEN DELETE",
]
STATEMENTS = _BOTH + (_SQLITE if backend() == "sqlite" else _POSTGRES)


def _events(engine) -> list[tuple]:
    with session_scope(engine) as s:
        return [
            (e.id, e.actor, e.action, e.entity_type, e.entity_id, e.after)
            for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))
        ]


@pytest.mark.parametrize("sql", STATEMENTS, ids=[s.split(" (")[0][:40] for s in STATEMENTS])
def test_an_existing_audit_event_cannot_be_replaced(engine, sql):
    make_user(engine, "rita", "reviewer")
    before = _events(engine)
    assert len(before) == 1 and before[0][1:3] == ("test", "user.create")
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), session_scope(engine) as s:
        s.exec(sa.text(sql), params={"id": before[0][0], "at": datetime.now(UTC).replace(tzinfo=None)})
    assert _events(engine) == before


def test_new_events_are_still_appended(engine):
    make_user(engine, "rita", "reviewer")
    make_user(engine, "eddie", "editor")
    assert [row[2] for row in _events(engine)] == ["user.create", "user.create"]
    with session_scope(engine) as s:
        s.exec(
            sa.text(f"INSERT INTO audit_events {_COLUMNS} VALUES {_VALUES}"),
            params={"id": 1000, "at": datetime.now(UTC).replace(tzinfo=None)},
        )
    assert [row[0] for row in _events(engine)][-1] == 1000
