"""sources: watched feeds and sitemaps, entries seen, article changes, jobs and claim alerts

Revision ID: 0009_sources
Revises: 0007_reextract_indexes

"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0009_sources'
down_revision = '0007_reextract_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('feed_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('interval_minutes', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('etag', sa.String(length=500), nullable=True),
    sa.Column('last_modified', sa.String(length=100), nullable=True),
    sa.Column('last_polled_at', sa.DateTime(), nullable=True),
    sa.Column('next_poll_at', sa.DateTime(), nullable=True),
    sa.Column('last_status', sa.String(length=16), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_new', sa.Integer(), nullable=False),
    sa.Column('last_changed', sa.Integer(), nullable=False),
    sa.Column('last_unchanged', sa.Integer(), nullable=False),
    sa.Column('last_failed', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('rss', 'atom', 'jsonfeed', 'sitemap', 'sitemapindex')", name=op.f('ck_feed_sources_kind')),
    sa.CheckConstraint("last_status IN ('ok', 'not_modified', 'failed')", name=op.f('ck_feed_sources_last_status')),
    sa.CheckConstraint('interval_minutes >= 1', name=op.f('ck_feed_sources_interval_minimum')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_feed_sources_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_sources')),
    sa.UniqueConstraint('url', name=op.f('uq_feed_sources_url'))
    )
    with op.batch_alter_table('feed_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_sources_next_poll_at'), ['next_poll_at'], unique=False)

    op.create_table('jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('key', sa.String(length=2000), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('message', sa.String(length=500), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('result', sa.JSON(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_jobs_state')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_jobs_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_jobs'))
    )
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_jobs_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_jobs_key'), ['key'], unique=False)

    op.create_table('article_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_article_changes_article_id_articles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_article_changes')),
    sa.UniqueConstraint('article_id', 'content_hash', name=op.f('uq_article_changes_article_id_content_hash'))
    )
    with op.batch_alter_table('article_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_article_changes_article_id'), ['article_id'], unique=False)

    op.create_table('feed_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('stamp', sa.String(length=100), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('seen_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('new', 'changed', 'unchanged', 'failed')", name=op.f('ck_feed_entries_status')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_feed_entries_article_id_articles')),
    sa.ForeignKeyConstraint(['source_id'], ['feed_sources.id'], name=op.f('fk_feed_entries_source_id_feed_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_entries')),
    sa.UniqueConstraint('source_id', 'url', name=op.f('uq_feed_entries_source_id_url'))
    )
    with op.batch_alter_table('feed_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feed_entries_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feed_entries_source_id'), ['source_id'], unique=False)

    op.create_table('claim_alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('checked_claim_id', sa.Integer(), nullable=False),
    sa.Column('verdict_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('repeat', 'conflict')", name=op.f('ck_claim_alerts_kind')),
    sa.CheckConstraint("state IN ('open', 'acknowledged', 'reviewed')", name=op.f('ck_claim_alerts_state')),
    sa.ForeignKeyConstraint(['checked_claim_id'], ['claims.id'], name=op.f('fk_claim_alerts_checked_claim_id_claims')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_alerts_claim_id_claims')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_claim_alerts_decided_by_id_users')),
    sa.ForeignKeyConstraint(['verdict_id'], ['verdicts.id'], name=op.f('fk_claim_alerts_verdict_id_verdicts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_alerts')),
    sa.UniqueConstraint('claim_id', 'checked_claim_id', name=op.f('uq_claim_alerts_claim_id_checked_claim_id'))
    )
    with op.batch_alter_table('claim_alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_alerts_checked_claim_id'), ['checked_claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_alerts_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_alerts_created_at'), ['created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('claim_alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_alerts_created_at'))
        batch_op.drop_index(batch_op.f('ix_claim_alerts_claim_id'))
        batch_op.drop_index(batch_op.f('ix_claim_alerts_checked_claim_id'))

    op.drop_table('claim_alerts')
    with op.batch_alter_table('feed_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_entries_source_id'))
        batch_op.drop_index(batch_op.f('ix_feed_entries_article_id'))

    op.drop_table('feed_entries')
    with op.batch_alter_table('article_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_article_changes_article_id'))

    op.drop_table('article_changes')
    with op.batch_alter_table('jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_jobs_key'))
        batch_op.drop_index(batch_op.f('ix_jobs_created_at'))

    op.drop_table('jobs')
    with op.batch_alter_table('feed_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feed_sources_next_poll_at'))

    op.drop_table('feed_sources')
