"""audit guard: an audit event's id can never be inserted twice, so REPLACE cannot rewrite one

Revision ID: 0005_audit_guard
Revises: 0010_notifications
"""
from __future__ import annotations

from alembic import op


revision = '0005_audit_guard'
down_revision = '0010_notifications'
branch_labels = None
depends_on = None

# SQLite's REPLACE (and INSERT OR REPLACE) resolves a key conflict by deleting the old
# row without firing its delete triggers (recursive_triggers is off), so the update and
# delete guards of 0003 never see it. Refusing, before the insert, any row whose id
# already exists closes that door. On PostgreSQL there is no REPLACE: ON CONFLICT DO
# UPDATE and MERGE fire the row-level update and delete triggers of 0003, which refuse.
_TRIGGER = "audit_events_no_replace"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER {_TRIGGER} BEFORE INSERT ON audit_events "
                   "WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id) BEGIN "
                   "SELECT RAISE(ABORT, 'audit_events is append-only: an existing event cannot be replaced'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS {_TRIGGER}")
