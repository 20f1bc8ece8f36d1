"""account protection: log-in attempts, and an append-only audit log enforced by the database

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = {
    "audit_events_no_update": "BEFORE UPDATE ON audit_events",
    "audit_events_no_delete": "BEFORE DELETE ON audit_events",
}


def upgrade() -> None:
    op.create_table('login_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('address', sa.String(length=64), nullable=False),
    sa.Column('success', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_attempts'))
    )
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_login_attempts_address_at', ['address', 'at'], unique=False)
        batch_op.create_index('ix_login_attempts_username_at', ['username', 'at'], unique=False)

    # The audit log is append-only for every client of the database, not only for
    # claimtrack's own code: updates and deletes are refused by triggers.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("""
            CREATE FUNCTION claimtrack_audit_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
            END $$
        """)
        op.execute("""
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION claimtrack_audit_append_only()
        """)
        op.execute("""
            CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION claimtrack_audit_append_only()
        """)
    else:
        for name, when in _SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {when} BEGIN "
                       "SELECT RAISE(ABORT, 'audit_events is append-only'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS claimtrack_audit_append_only()")
    else:
        for name in _SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('login_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_login_attempts_username_at')
        batch_op.drop_index('ix_login_attempts_address_at')
    op.drop_table('login_attempts')
