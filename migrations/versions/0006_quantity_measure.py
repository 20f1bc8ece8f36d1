"""quantity measure: what sort of number each quantity is, the "different" numeric verdict of links, and the text key that finds page furniture

Revision ID: 0006_quantity_measure
Revises: 0008_desk_settings
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006_quantity_measure'
down_revision = '0008_desk_settings'
branch_labels = None
depends_on = None

KINDS = "'count', 'percent', 'money', 'measure', 'age', 'vote', 'score', 'rate', 'multiple'"


def upgrade() -> None:
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=False, server_default='count'))
        batch_op.add_column(sa.Column('role', sa.String(length=16), nullable=False, server_default='level'))
        batch_op.add_column(sa.Column('of_what', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('per', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('from_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('versus', sa.Float(), nullable=True))
        batch_op.create_check_constraint('kind', f"kind IN ({KINDS})")
        batch_op.create_check_constraint('role', "role IN ('level', 'change', 'start')")
    # The defaults only filled the rows already stored; the models give every new row its own.
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.alter_column('kind', server_default=None)
        batch_op.alter_column('role', server_default=None)
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.drop_constraint('numeric', type_='check')
        batch_op.create_check_constraint('numeric', "numeric IN ('consistent', 'conflict', 'different')")
    with op.batch_alter_table('match_claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('text_key', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_match_claims_text_key'), ['text_key'], unique=False)
    # Every entry was built under the old rules: `claimtrack related --reindex` indexes
    # them again, finds page furniture and rescores the suggested links.
    op.execute("UPDATE match_claims SET claim_version = 0")


def downgrade() -> None:
    with op.batch_alter_table('match_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_match_claims_text_key'))
        batch_op.drop_column('text_key')
    op.execute("UPDATE claim_links SET numeric = NULL WHERE numeric = 'different'")
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.drop_constraint('numeric', type_='check')
        batch_op.create_check_constraint('numeric', "numeric IN ('consistent', 'conflict')")
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.drop_constraint('role', type_='check')
        batch_op.drop_constraint('kind', type_='check')
        batch_op.drop_column('versus')
        batch_op.drop_column('from_value')
        batch_op.drop_column('per')
        batch_op.drop_column('of_what')
        batch_op.drop_column('role')
        batch_op.drop_column('kind')
