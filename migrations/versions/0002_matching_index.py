"""matching index: blocking keys, postings, key frequencies and story context

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:39:37.423610
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('match_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('df', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_keys')),
    sa.UniqueConstraint('key', name=op.f('uq_match_keys_key'))
    )
    op.create_table('match_stats',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_match_stats'))
    )
    op.create_table('match_articles',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('story_terms', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_match_articles_article_id_articles')),
    sa.PrimaryKeyConstraint('article_id', name=op.f('pk_match_articles'))
    )
    op.create_table('match_claims',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('claim_version', sa.Integer(), nullable=False),
    sa.Column('linkable', sa.Boolean(), nullable=False),
    sa.Column('key_ids', sa.JSON(), nullable=False),
    sa.Column('features', sa.Text(), nullable=True),
    sa.Column('indexed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_match_claims_claim_id_claims')),
    sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_match_claims'))
    )
    op.create_table('match_postings',
    sa.Column('key_id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_match_postings_claim_id_claims')),
    sa.ForeignKeyConstraint(['key_id'], ['match_keys.id'], name=op.f('fk_match_postings_key_id_match_keys')),
    sa.PrimaryKeyConstraint('key_id', 'claim_id', name=op.f('pk_match_postings')),
    sqlite_with_rowid=False
    )


def downgrade() -> None:
    op.drop_table('match_postings')
    op.drop_table('match_claims')
    op.drop_table('match_articles')
    op.drop_table('match_stats')
    op.drop_table('match_keys')
