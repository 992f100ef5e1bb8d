"""Initial schema: tables, indexes and the researcher views.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Researcher views: SQL valid on SQLite and PostgreSQL.  Frozen here; a later
# revision that changes a view drops and recreates it.
VIEWS: dict[str, str] = {
    "claims_readable": """
SELECT c.id AS claim_id,
       d.path AS document,
       o.name AS outlet,
       d.published AS published,
       c.measure AS measure,
       c.subject AS subject,
       c.low AS low,
       c.high AS high,
       c.qualifier AS qualifier,
       c.claimant AS claimant,
       c.stance AS stance,
       c.text AS text,
       c.sentence AS sentence,
       e.key AS event,
       c."current" AS "current",
       c.derived AS derived
FROM claims c
JOIN documents d ON d.id = c.document_id
LEFT JOIN outlets o ON o.id = d.outlet_id
LEFT JOIN events e ON e.id = c.event_id
""",
    "disputed_figures": """
SELECT q.key AS quantity,
       e.label AS event,
       q.measure AS measure,
       q.scope AS scope,
       c.claimant AS claimant,
       c.low AS low,
       c.high AS high,
       c.stance AS stance,
       d.published AS published,
       d.path AS document,
       q.status AS status,
       c.id AS claim_id
FROM quantities q
JOIN quantity_claims qc ON qc.quantity_id = q.id
JOIN claims c ON c.id = qc.claim_id
JOIN documents d ON d.id = c.document_id
LEFT JOIN events e ON e.id = q.event_id
WHERE q.status <> 'consistent'
""",
    "contradictions_readable": """
SELECT x.id AS contradiction_id,
       x.kind AS kind,
       x.quantity_key AS quantity,
       a.claimant AS a_claimant,
       a.low AS a_low,
       a.high AS a_high,
       da.path AS a_document,
       b.claimant AS b_claimant,
       b.low AS b_low,
       b.high AS b_high,
       db.path AS b_document,
       x.explanation AS explanation
FROM contradictions x
JOIN claims a ON a.id = x.a_claim_id
JOIN documents da ON da.id = a.document_id
JOIN claims b ON b.id = x.b_claim_id
JOIN documents db ON db.id = b.document_id
""",
}


def upgrade() -> None:
    op.create_table('claimants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claimants')),
    sa.UniqueConstraint('key', name=op.f('uq_claimants_key'))
    )
    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('key', name=op.f('uq_events_key'))
    )
    op.create_table('outlets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outlets')),
    sa.UniqueConstraint('name', name=op.f('uq_outlets_name'))
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet_id', sa.Integer(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('body_start', sa.Integer(), nullable=False),
    sa.Column('encoding', sa.Text(), nullable=False),
    sa.Column('format', sa.Text(), nullable=False),
    sa.Column('ext_id', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('superseded_by', sa.Integer(), nullable=True),
    sa.CheckConstraint('body_start >= 0', name=op.f('ck_documents_body_start')),
    sa.ForeignKeyConstraint(['outlet_id'], ['outlets.id'], name=op.f('fk_documents_outlet_id_outlets')),
    sa.ForeignKeyConstraint(['superseded_by'], ['documents.id'], name=op.f('fk_documents_superseded_by_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    op.create_index('ix_documents_path_line', 'documents', ['path', 'line'])
    op.create_index('ix_documents_published', 'documents', ['published'])

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('qualifier', sa.Text(), nullable=False),
    sa.Column('vague', sa.Boolean(), nullable=False),
    sa.Column('claimant_id', sa.Integer(), nullable=True),
    sa.Column('claimant', sa.Text(), nullable=True),
    sa.Column('claimant_kind', sa.Text(), nullable=False),
    sa.Column('via', sa.JSON(), nullable=False),
    sa.Column('stance', sa.Text(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('event_date_text', sa.Text(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('places', sa.JSON(), nullable=False),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('derived', sa.Boolean(), nullable=False),
    sa.Column('current', sa.Boolean(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=False),
    sa.CheckConstraint("origin IN ('extract', 'engine')", name=op.f('ck_claims_origin')),
    sa.CheckConstraint("qualifier IN ('exact', 'at-least', 'more-than', 'up-to', 'fewer-than', 'about', 'range', 'vague', 'zero')", name=op.f('ck_claims_qualifier')),
    sa.CheckConstraint("stance IN ('assert', 'confirm', 'deny', 'hedge')", name=op.f('ck_claims_stance')),
    sa.CheckConstraint('"end" >= start', name=op.f('ck_claims_span')),
    sa.ForeignKeyConstraint(['claimant_id'], ['claimants.id'], name=op.f('fk_claims_claimant_id_claimants')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_claims_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_claims_event_id_events'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index('ix_claims_claimant_id', 'claims', ['claimant_id'])
    op.create_index('ix_claims_document_id_start', 'claims', ['document_id', 'start'])
    op.create_index('ix_claims_event_date', 'claims', ['event_date'])
    op.create_index('ix_claims_event_id', 'claims', ['event_id'])
    op.create_index('ix_claims_measure', 'claims', ['measure'])

    op.create_table('contradictions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('quantity_key', sa.Text(), nullable=False),
    sa.Column('a_claim_id', sa.Integer(), nullable=False),
    sa.Column('b_claim_id', sa.Integer(), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['a_claim_id'], ['claims.id'], name=op.f('fk_contradictions_a_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['b_claim_id'], ['claims.id'], name=op.f('fk_contradictions_b_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contradictions'))
    )
    op.create_index('ix_contradictions_a_claim_id', 'contradictions', ['a_claim_id'])
    op.create_index('ix_contradictions_b_claim_id', 'contradictions', ['b_claim_id'])
    op.create_index('ix_contradictions_quantity_key', 'contradictions', ['quantity_key'])

    op.create_table('quantities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('best', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('sources', sa.Integer(), nullable=False),
    sa.Column('current_claim_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['current_claim_id'], ['claims.id'], name=op.f('fk_quantities_current_claim_id_claims'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_quantities_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantities')),
    sa.UniqueConstraint('key', name=op.f('uq_quantities_key'))
    )
    op.create_index('ix_quantities_event_id', 'quantities', ['event_id'])

    op.create_table('quantity_claims',
    sa.Column('quantity_id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_quantity_claims_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quantity_id'], ['quantities.id'], name=op.f('fk_quantity_claims_quantity_id_quantities'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quantity_id', 'claim_id', name=op.f('pk_quantity_claims'))
    )
    op.create_index('ix_quantity_claims_claim_id', 'quantity_claims', ['claim_id'])

    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS {sql.strip()}")


def downgrade() -> None:
    for name in reversed(VIEWS):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    op.drop_index('ix_quantity_claims_claim_id', table_name='quantity_claims')

    op.drop_table('quantity_claims')
    op.drop_index('ix_quantities_event_id', table_name='quantities')

    op.drop_table('quantities')
    op.drop_index('ix_contradictions_quantity_key', table_name='contradictions')
    op.drop_index('ix_contradictions_b_claim_id', table_name='contradictions')
    op.drop_index('ix_contradictions_a_claim_id', table_name='contradictions')

    op.drop_table('contradictions')
    op.drop_index('ix_claims_measure', table_name='claims')
    op.drop_index('ix_claims_event_id', table_name='claims')
    op.drop_index('ix_claims_event_date', table_name='claims')
    op.drop_index('ix_claims_document_id_start', table_name='claims')
    op.drop_index('ix_claims_claimant_id', table_name='claims')

    op.drop_table('claims')
    op.drop_index('ix_documents_published', table_name='documents')
    op.drop_index('ix_documents_path_line', table_name='documents')

    op.drop_table('documents')
    op.drop_table('outlets')
    op.drop_table('events')
    op.drop_table('claimants')
