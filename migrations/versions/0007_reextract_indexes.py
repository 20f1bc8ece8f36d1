"""reextract indexes: find what points at a claim or claimant without scanning

Re-extraction asks of every claim whether another claim repeats it, or a source or
verdict was reused from it, and of every claimant whether another was merged into it.

Revision ID: 0007_reextract_indexes
Revises: 0004
"""
from __future__ import annotations

from alembic import op

revision = '0007_reextract_indexes'
down_revision = '0004'
branch_labels = None
depends_on = None

_INDEXES = (
    ('claims', 'repeat_of_id'),
    ('claim_sources', 'reused_from_claim_id'),
    ('verdicts', 'reused_from_claim_id'),
    ('claimants', 'merged_into_id'),
)


def upgrade() -> None:
    for table, column in _INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)


def downgrade() -> None:
    for table, column in reversed(_INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f'ix_{table}_{column}'))
