"""notifications: what the app tells each person about their work, and the kinds they switched off

Revision ID: 0010_notifications
Revises: 0009_sources
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0010_notifications'
down_revision = '0009_sources'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('notification_mutes',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notification_mutes_user_id_users')),
    sa.PrimaryKeyConstraint('user_id', 'kind', name=op.f('pk_notification_mutes'))
    )
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('assigned', 'returned', 'published', 'corrected', 'related', 'conflict')", name=op.f('ck_notifications_kind')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_notifications_actor_id_users')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_notifications_claim_id_claims')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index('ix_notifications_user_id_read_at', ['user_id', 'read_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_id_read_at')
        batch_op.drop_index(batch_op.f('ix_notifications_claim_id'))

    op.drop_table('notifications')
    op.drop_table('notification_mutes')
