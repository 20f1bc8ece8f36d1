"""claim merged: a claim joined into another has its own status and points at the survivor;
an index for the queue sorted by date or outlet

Until now merging stored the absorbed claim as "dismissed" with the reason
"Merged into claim #N", so it was counted as dismissed everywhere. Those claims are found
again by their "claim.merged_into" audit events (or, failing one, by that reason) and
moved to the new status.

Revision ID: 0017_claim_merged
Revises: 0016_webhooks
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0017_claim_merged'
down_revision = '0016_webhooks'
branch_labels = None
depends_on = None

_OLD = "'published', 'dismissed')"
_NEW = "'published', 'dismissed', 'merged')"
_PREFIX = "Merged into claim #"

_claims = sa.table('claims', sa.column('id', sa.Integer), sa.column('status', sa.String),
                   sa.column('dismissed_reason', sa.String), sa.column('merged_into_id', sa.Integer))
_events = sa.table('audit_events', sa.column('id', sa.Integer), sa.column('action', sa.String),
                   sa.column('entity_type', sa.String), sa.column('entity_id', sa.Integer),
                   sa.column('after', sa.JSON))


def _set_status_check(old: str, new: str) -> None:
    if op.get_context().dialect.name == "sqlite":
        # SQLite cannot alter a CHECK constraint, and copying the claims table (batch mode)
        # would drop its search triggers and trip the foreign keys pointing at it. Its
        # documented way for a constraint the stored rows already satisfy is to rewrite
        # the table's schema text and bump the schema version.
        conn = op.get_bind()
        sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'claims'").scalar()
        if old not in sql:
            raise RuntimeError("claims: the status check constraint is not the expected one")
        version = conn.exec_driver_sql("PRAGMA schema_version").scalar()
        conn.exec_driver_sql("PRAGMA writable_schema = ON")
        conn.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'claims'"),
                     {"sql": sql.replace(old, new)})
        conn.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
        conn.exec_driver_sql("PRAGMA writable_schema = OFF")
    else:
        op.drop_constraint(op.f('ck_claims_status'), 'claims', type_='check')
        op.create_check_constraint(op.f('ck_claims_status'), 'claims', f"status IN ('unreviewed', 'in_review', "
                                   f"'awaiting_approval', {new}")


def _merge_targets(conn) -> dict[int, int]:
    """Merged claim id -> the claim it went into, for claims still dismissed by a merge."""
    targets: dict[int, int] = {}
    rows = conn.execute(sa.select(_events.c.entity_id, _events.c.after)
                        .where(_events.c.action == 'claim.merged_into', _events.c.entity_type == 'claim')
                        .order_by(_events.c.id))
    for claim_id, after in rows:
        into = (after or {}).get('into')
        if claim_id is not None and isinstance(into, int):
            targets[claim_id] = into
    still = conn.execute(sa.select(_claims.c.id, _claims.c.dismissed_reason)
                         .where(_claims.c.status == 'dismissed', _claims.c.dismissed_reason.like(f"{_PREFIX}%")))
    found = {}
    for claim_id, reason in still:
        number = reason[len(_PREFIX):].split()[0] if reason[len(_PREFIX):].strip() else ""
        into = targets.get(claim_id) or (int(number) if number.isdigit() else None)
        if into is not None:
            found[claim_id] = into
    return found


def upgrade() -> None:
    _set_status_check(_OLD, _NEW)
    # A plain column: SQLite adds a REFERENCES column only without copying the table,
    # and merged claims are never deleted, so the survivor is always there.
    op.add_column('claims', sa.Column('merged_into_id', sa.Integer(), nullable=True))
    op.create_index('ix_claims_merged_into_id', 'claims', ['merged_into_id'], unique=False)
    op.create_index('ix_claims_status_article', 'claims', ['status', 'article_id', 'checkworthiness'], unique=False)
    conn = op.get_bind()
    for claim_id, into in _merge_targets(conn).items():
        conn.execute(sa.update(_claims).where(_claims.c.id == claim_id)
                     .values(status='merged', merged_into_id=into, dismissed_reason=None))


def downgrade() -> None:
    conn = op.get_bind()
    merged = conn.execute(sa.select(_claims.c.id, _claims.c.merged_into_id).where(_claims.c.status == 'merged'))
    for claim_id, into in merged.all():
        conn.execute(sa.update(_claims).where(_claims.c.id == claim_id)
                     .values(status='dismissed', dismissed_reason=f"{_PREFIX}{into}", merged_into_id=None))
    op.drop_index('ix_claims_status_article', table_name='claims')
    op.drop_index('ix_claims_merged_into_id', table_name='claims')
    if op.get_context().dialect.name == "sqlite":
        conn.exec_driver_sql("ALTER TABLE claims DROP COLUMN merged_into_id")
    else:
        op.drop_column('claims', 'merged_into_id')
    _set_status_check(_NEW, _OLD)
