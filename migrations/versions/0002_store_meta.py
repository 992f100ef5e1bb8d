"""store_meta: what the saved engine output was computed from.

``ingest`` saves the engine's output (events, quantities, contradictions)
with a fingerprint of its inputs (the current claims, the engine options
and the tool's version).  ``report``, ``contradictions``, ``groups`` and
``explain`` read the saved output while the fingerprint still matches, and
reconcile again when it does not.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'store_meta',
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('key', name=op.f('pk_store_meta')),
    )


def downgrade() -> None:
    op.drop_table('store_meta')
