"""Counts as NUMERIC: whole figures stored and shown as integers.

``claims.low/high`` and ``quantities.low/best/high`` were FLOAT, so SQL on the
store showed ``26.0`` for 26 people.  As NUMERIC, SQLite keeps a whole value as
INTEGER (its NUMERIC affinity converts 26.0 to 26 on the table copy below) and
PostgreSQL's numeric prints 26; a fraction keeps its fraction.  The tool reads
them back as float (``asdecimal=False``), so nothing it prints changes.

The researcher views read these columns, so they are dropped first and made
again afterwards from revision 0001's frozen text (SQLite's table copy would
otherwise fail on a view naming the table).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {"claims": ("low", "high"), "quantities": ("low", "best", "high")}


def _views() -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(
        "reconcile_migration_0001", Path(__file__).with_name("0001_initial_schema.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VIEWS


def _retype(old: sa.types.TypeEngine, new: sa.types.TypeEngine) -> None:
    views = _views()
    for name in reversed(views):
        op.execute(f"DROP VIEW IF EXISTS {name}")
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for column in columns:
                batch.alter_column(column, existing_type=old, type_=new, existing_nullable=True,
                                   postgresql_using=f"{column}::{new.compile(dialect=op.get_bind().dialect)}")
    for name, sql in views.items():
        op.execute(f"CREATE VIEW {name} AS {sql.strip()}")


def upgrade() -> None:
    _retype(sa.Float(), sa.Numeric(asdecimal=False))


def downgrade() -> None:
    _retype(sa.Numeric(asdecimal=False), sa.Float())
