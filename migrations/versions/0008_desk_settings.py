"""desk settings: instance settings, one-time password links, claim as reviewed and retraction on verdicts

Revision ID: 0008_desk_settings
Revises: 0005_audit_guard
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa



revision = '0008_desk_settings'
down_revision = '0005_audit_guard'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('instance_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_instance_settings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_instance_settings'))
    )
    op.create_table('password_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_password_links_created_by_id_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_password_links_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_password_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_password_links_token_hash'))
    )
    with op.batch_alter_table('password_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_password_links_user_id'), ['user_id'], unique=False)
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_reviewed', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('retracted_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('retraction_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('retracted_by_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_verdicts_retracted_by_id_users'), 'users', ['retracted_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_verdicts_retracted_by_id_users'), type_='foreignkey')
        batch_op.drop_column('retracted_by_id')
        batch_op.drop_column('retraction_reason')
        batch_op.drop_column('retracted_at')
        batch_op.drop_column('claim_reviewed')
    with op.batch_alter_table('password_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_password_links_user_id'))
    op.drop_table('password_links')
    op.drop_table('instance_settings')
