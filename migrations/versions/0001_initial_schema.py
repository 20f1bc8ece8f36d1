"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 10:03:32.910783
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claimants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('same_as', sa.String(length=1000), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('person', 'organization', 'group', 'document')", name=op.f('ck_claimants_kind')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['claimants.id'], name=op.f('fk_claimants_merged_into_id_claimants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claimants'))
    )
    op.create_table('factchecks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('dedupe_key', sa.String(length=64), nullable=False),
    sa.Column('claim_text', sa.Text(), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=True),
    sa.Column('rating', sa.String(length=200), nullable=True),
    sa.Column('rating_value', sa.Float(), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('publisher', sa.String(length=300), nullable=True),
    sa.Column('claimant', sa.String(length=300), nullable=True),
    sa.Column('claim_date', sa.DateTime(), nullable=True),
    sa.Column('review_date', sa.DateTime(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_factchecks')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_factchecks_dedupe_key'))
    )
    with op.batch_alter_table('factchecks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_factchecks_external_id'), ['external_id'], unique=False)

    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('name', name=op.f('uq_outlets_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=128), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_login_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("role IN ('viewer', 'reviewer', 'editor', 'admin')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_used_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('dek', sa.Text(), nullable=True),
    sa.Column('byline', sa.String(length=500), nullable=True),
    sa.Column('dateline', sa.String(length=200), nullable=True),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('source_format', sa.String(length=16), nullable=False),
    sa.Column('source_name', sa.String(length=500), nullable=True),
    sa.Column('imported_by_id', sa.Integer(), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['imported_by_id'], ['users.id'], name=op.f('fk_articles_imported_by_id_users')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_articles_outlet_id_outlets')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_articles_content_hash')),
    sa.UniqueConstraint('url', name=op.f('uq_articles_url'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_imported_at'), ['imported_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_imported_by_id'), ['imported_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_outlet_id'), ['outlet_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published_at'), ['published_at'], unique=False)

    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_events_entity', ['entity_type', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_events_user_id'), ['user_id'], unique=False)

    op.create_table('claimant_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claimant_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('alias_key', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['claimant_id'], ['claimants.id'], name=op.f('fk_claimant_aliases_claimant_id_claimants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claimant_aliases')),
    sa.UniqueConstraint('claimant_id', 'alias', name=op.f('uq_claimant_aliases_claimant_id_alias'))
    )
    with op.batch_alter_table('claimant_aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claimant_aliases_alias_key'), ['alias_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_claimant_aliases_claimant_id'), ['claimant_id'], unique=False)

    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('publisher', sa.String(length=300), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_sources_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources'))
    )
    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start_offset', sa.Integer(), nullable=False),
    sa.Column('end_offset', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('cue', sa.String(length=100), nullable=True),
    sa.Column('claimant_id', sa.Integer(), nullable=True),
    sa.Column('speaker_title', sa.String(length=300), nullable=True),
    sa.Column('checkworthiness', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('repeat_of_id', sa.Integer(), nullable=True),
    sa.Column('dismissed_reason', sa.String(length=1000), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('quote', 'paraphrase', 'reported')", name=op.f('ck_claims_kind')),
    sa.CheckConstraint("status IN ('unreviewed', 'in_review', 'awaiting_approval', 'published', 'dismissed')", name=op.f('ck_claims_status')),
    sa.CheckConstraint('start_offset >= 0 AND end_offset >= start_offset', name=op.f('ck_claims_span')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_claims_article_id_articles')),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_claims_assignee_id_users')),
    sa.ForeignKeyConstraint(['claimant_id'], ['claimants.id'], name=op.f('fk_claims_claimant_id_claimants')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_claims_created_by_id_users')),
    sa.ForeignKeyConstraint(['repeat_of_id'], ['claims.id'], name=op.f('fk_claims_repeat_of_id_claims')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_claimant_id'), ['claimant_id'], unique=False)
        batch_op.create_index('ix_claims_status_checkworthiness', ['status', 'checkworthiness'], unique=False)

    op.create_table('claim_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_a_id', sa.Integer(), nullable=False),
    sa.Column('claim_b_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('numeric', sa.String(length=16), nullable=True),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("numeric IN ('consistent', 'conflict')", name=op.f('ck_claim_links_numeric')),
    sa.CheckConstraint("relation IN ('same', 'related')", name=op.f('ck_claim_links_relation')),
    sa.CheckConstraint("state IN ('suggested', 'confirmed', 'dismissed')", name=op.f('ck_claim_links_state')),
    sa.CheckConstraint('claim_a_id < claim_b_id', name=op.f('ck_claim_links_ordered')),
    sa.ForeignKeyConstraint(['claim_a_id'], ['claims.id'], name=op.f('fk_claim_links_claim_a_id_claims')),
    sa.ForeignKeyConstraint(['claim_b_id'], ['claims.id'], name=op.f('fk_claim_links_claim_b_id_claims')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_claim_links_decided_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_links')),
    sa.UniqueConstraint('claim_a_id', 'claim_b_id', name=op.f('uq_claim_links_claim_a_id_claim_b_id'))
    )
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_links_claim_a_id'), ['claim_a_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_links_claim_b_id'), ['claim_b_id'], unique=False)

    op.create_table('claim_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('excerpt', sa.Text(), nullable=True),
    sa.Column('reused_from_claim_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("stance IN ('supports', 'refutes', 'context')", name=op.f('ck_claim_sources_stance')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_sources_claim_id_claims')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_claim_sources_created_by_id_users')),
    sa.ForeignKeyConstraint(['reused_from_claim_id'], ['claims.id'], name=op.f('fk_claim_sources_reused_from_claim_id_claims')),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_claim_sources_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_sources')),
    sa.UniqueConstraint('claim_id', 'source_id', name=op.f('uq_claim_sources_claim_id_source_id'))
    )
    with op.batch_alter_table('claim_sources', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_sources_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_sources_source_id'), ['source_id'], unique=False)

    op.create_table('quantities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('start_offset', sa.Integer(), nullable=True),
    sa.Column('end_offset', sa.Integer(), nullable=True),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('low', sa.Float(), nullable=False),
    sa.Column('high', sa.Float(), nullable=False),
    sa.Column('approx', sa.Boolean(), nullable=False),
    sa.Column('unit', sa.String(length=100), nullable=True),
    sa.Column('change', sa.String(length=10), nullable=True),
    sa.CheckConstraint("change IN ('increase', 'decrease')", name=op.f('ck_quantities_change')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_quantities_claim_id_claims')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantities'))
    )
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quantities_claim_id'), ['claim_id'], unique=False)

    op.create_table('verdicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('approver_id', sa.Integer(), nullable=True),
    sa.Column('return_comment', sa.Text(), nullable=True),
    sa.Column('correction_note', sa.Text(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('reused_from_claim_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("state IN ('draft', 'submitted', 'returned', 'published', 'superseded')", name=op.f('ck_verdicts_state')),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], name=op.f('fk_verdicts_approver_id_users')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_verdicts_claim_id_claims')),
    sa.ForeignKeyConstraint(['corrects_id'], ['verdicts.id'], name=op.f('fk_verdicts_corrects_id_verdicts')),
    sa.ForeignKeyConstraint(['reused_from_claim_id'], ['claims.id'], name=op.f('fk_verdicts_reused_from_claim_id_claims')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_verdicts_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_verdicts'))
    )
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_verdicts_claim_id'), ['claim_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_verdicts_published_at'), ['published_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_verdicts_reviewer_id'), ['reviewer_id'], unique=False)

    _create_search_objects()



def downgrade() -> None:
    _drop_search_objects()
    with op.batch_alter_table('verdicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verdicts_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_verdicts_published_at'))
        batch_op.drop_index(batch_op.f('ix_verdicts_claim_id'))

    op.drop_table('verdicts')
    with op.batch_alter_table('quantities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quantities_claim_id'))

    op.drop_table('quantities')
    with op.batch_alter_table('claim_sources', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_sources_source_id'))
        batch_op.drop_index(batch_op.f('ix_claim_sources_claim_id'))

    op.drop_table('claim_sources')
    with op.batch_alter_table('claim_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_links_claim_b_id'))
        batch_op.drop_index(batch_op.f('ix_claim_links_claim_a_id'))

    op.drop_table('claim_links')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_status_checkworthiness')
        batch_op.drop_index(batch_op.f('ix_claims_claimant_id'))
        batch_op.drop_index(batch_op.f('ix_claims_assignee_id'))
        batch_op.drop_index(batch_op.f('ix_claims_article_id'))

    op.drop_table('claims')
    op.drop_table('sources')
    with op.batch_alter_table('claimant_aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claimant_aliases_claimant_id'))
        batch_op.drop_index(batch_op.f('ix_claimant_aliases_alias_key'))

    op.drop_table('claimant_aliases')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_events_user_id'))
        batch_op.drop_index('ix_audit_events_entity')
        batch_op.drop_index(batch_op.f('ix_audit_events_at'))

    op.drop_table('audit_events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_published_at'))
        batch_op.drop_index(batch_op.f('ix_articles_outlet_id'))
        batch_op.drop_index(batch_op.f('ix_articles_imported_by_id'))
        batch_op.drop_index(batch_op.f('ix_articles_imported_at'))

    op.drop_table('articles')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
    op.drop_table('users')
    with op.batch_alter_table('factchecks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_factchecks_external_id'))

    op.drop_table('factchecks')
    op.drop_table('outlets')
    op.drop_table('claimants')


# Full-text search objects. They are not SQLModel tables (the schema comparison skips
# them, see claimtrack.models.factchecks.is_search_object), so each dialect gets its own.
# Triggers keep them in step with every writer, including bulk inserts and other
# services that store claims.
_SQLITE_FTS = (
    ("factchecks_fts", "factchecks", "claim_text, title", "new.claim_text, new.title",
     "old.claim_text, old.title", "claim_text, title"),
    ("claims_fts", "claims", "text", "new.text", "old.text", "text"),
)
_PG_SEARCH = (
    ("factcheck_search", "factchecks", "factcheck_id",
     "setweight(to_tsvector('english', NEW.claim_text), 'A')"
     " || setweight(to_tsvector('english', coalesce(NEW.title, '')), 'B')", "claim_text, title"),
    ("claim_search", "claims", "claim_id", "to_tsvector('english', NEW.text)", "text"),
)


def _create_search_objects() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for fts, table, cols, new, old, watched in _SQLITE_FTS:
            op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
                       "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')")
            op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
            op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END")
            op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {watched} ON {table} BEGIN "
                       f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
                       f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END")
    elif dialect == "postgresql":
        for search, table, key, vector, watched in _PG_SEARCH:
            op.execute(f"CREATE TABLE {search} ({key} integer PRIMARY KEY "
                       f"REFERENCES {table}(id) ON DELETE CASCADE, document tsvector NOT NULL)")
            op.execute(f"CREATE INDEX {search}_document ON {search} USING gin (document)")
            op.execute(f"CREATE FUNCTION {search}_sync() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       f"INSERT INTO {search} ({key}, document) VALUES (NEW.id, {vector}) "
                       f"ON CONFLICT ({key}) DO UPDATE SET document = EXCLUDED.document; "
                       "RETURN NEW; END $$")
            op.execute(f"CREATE TRIGGER {search}_sync AFTER INSERT OR UPDATE OF {watched} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {search}_sync()")


def _drop_search_objects() -> None:
    dialect = op.get_context().dialect.name
    if dialect == "sqlite":
        for fts, *_ in _SQLITE_FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    elif dialect == "postgresql":
        for search, table, *_ in _PG_SEARCH:
            op.execute(f"DROP TRIGGER IF EXISTS {search}_sync ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {search}_sync()")
            op.execute(f"DROP TABLE IF EXISTS {search}")
