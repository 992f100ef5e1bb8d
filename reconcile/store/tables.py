"""The schema as typed SQLAlchemy 2.x models.

The database itself is only ever changed by the Alembic migrations in
``migrations/versions``; ``alembic check`` (see ``reconcile.store.migrate.check``)
keeps these models and the migrations in step.  Types are portable (SQLite and
PostgreSQL).  The researcher views (``claims_readable``, ``disputed_figures``,
``contradictions_readable``) are created by the migrations and are not part of
this metadata (see :data:`VIEW_NAMES`).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from ..model import QUALIFIERS, STANCES

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: a count: NUMERIC, so a whole figure is stored as an integer (a researcher's ``select low``
#: shows 26, not 26.0: SQLite's NUMERIC affinity keeps whole values as INTEGER, PostgreSQL's
#: numeric prints them without a fraction) and a fraction ("1.5 million" is whole; an estimate
#: can be 2.5) keeps it; read back as float, as the engine computes (migration 0003)
COUNT = sa.Numeric(asdecimal=False)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dict[str, Any]: sa.JSON,
        list[str]: sa.JSON,
        dt.datetime: sa.DateTime(timezone=True),
        dt.date: sa.Date,
        float: sa.Float,
        str: sa.Text,
    }


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Outlet(Base):
    """A news outlet / source of documents."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        sa.Index("ix_documents_published", "published"),
        sa.Index("ix_documents_path_line", "path", "line"),
        sa.CheckConstraint("body_start >= 0", name="body_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str]
    line: Mapped[int | None]
    title: Mapped[str | None]
    outlet_id: Mapped[int | None] = mapped_column(sa.ForeignKey("outlets.id"))
    url: Mapped[str | None]
    published: Mapped[dt.date | None]
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    text: Mapped[str]
    body_start: Mapped[int] = mapped_column(default=0)
    encoding: Mapped[str] = mapped_column(default="utf-8")
    format: Mapped[str] = mapped_column(default="text")
    ext_id: Mapped[str | None]
    ingested_at: Mapped[dt.datetime]
    superseded_by: Mapped[int | None] = mapped_column(
        sa.ForeignKey("documents.id", ondelete="SET NULL"))


class Claimant(Base):
    """Who makes claims; ``key`` is the normalised name (see repository.claimant_key)."""

    __tablename__ = "claimants"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    key: Mapped[str] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(default="unknown")


class EventRow(Base):
    """An event as grouped by the engine (written by save_reconciliation)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(unique=True)
    label: Mapped[str]
    date: Mapped[dt.date | None]
    place: Mapped[str | None]
    kinds: Mapped[list[str]] = mapped_column(default=list)


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (
        sa.Index("ix_claims_measure", "measure"),
        sa.Index("ix_claims_event_id", "event_id"),
        sa.Index("ix_claims_claimant_id", "claimant_id"),
        sa.Index("ix_claims_event_date", "event_date"),
        sa.Index("ix_claims_document_id_start", "document_id", "start"),
        sa.CheckConstraint(_in("stance", STANCES), name="stance"),
        sa.CheckConstraint(_in("qualifier", QUALIFIERS), name="qualifier"),
        sa.CheckConstraint("origin IN ('extract', 'engine')", name="origin"),
        sa.CheckConstraint('"end" >= start', name="span"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str]
    sentence: Mapped[str] = mapped_column(default="")
    sentence_start: Mapped[int] = mapped_column(default=0)
    measure: Mapped[str]
    subject: Mapped[str | None]
    low: Mapped[float | None] = mapped_column(COUNT)
    high: Mapped[float | None] = mapped_column(COUNT)
    qualifier: Mapped[str] = mapped_column(default="exact")
    vague: Mapped[bool] = mapped_column(default=False)
    claimant_id: Mapped[int | None] = mapped_column(sa.ForeignKey("claimants.id"))
    claimant: Mapped[str | None]                # the raw name as written
    claimant_kind: Mapped[str] = mapped_column(default="unknown")
    via: Mapped[list[str]] = mapped_column(default=list)
    stance: Mapped[str] = mapped_column(default="assert")
    event_date: Mapped[dt.date | None]
    event_date_text: Mapped[str | None]
    place: Mapped[str | None]
    places: Mapped[list[str]] = mapped_column(default=list)
    kinds: Mapped[list[str]] = mapped_column(default=list)
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="SET NULL"))
    rules: Mapped[list[str]] = mapped_column(default=list)
    derived: Mapped[bool] = mapped_column(default=False)
    current: Mapped[bool] = mapped_column(default=True)
    # "extract": stored by add_document; "engine": a derived claim first seen in save_reconciliation
    origin: Mapped[str] = mapped_column(default="extract")


class QuantityRow(Base):
    __tablename__ = "quantities"
    __table_args__ = (sa.Index("ix_quantities_event_id", "event_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(unique=True)
    event_id: Mapped[int | None] = mapped_column(sa.ForeignKey("events.id", ondelete="CASCADE"))
    measure: Mapped[str]
    scope: Mapped[str]
    low: Mapped[float | None] = mapped_column(COUNT)
    best: Mapped[float | None] = mapped_column(COUNT)
    high: Mapped[float | None] = mapped_column(COUNT)
    status: Mapped[str]
    reasons: Mapped[dict[str, Any]] = mapped_column(default=dict)
    sources: Mapped[int] = mapped_column(default=0)
    current_claim_id: Mapped[int | None] = mapped_column(sa.ForeignKey("claims.id", ondelete="SET NULL"))


class QuantityClaim(Base):
    __tablename__ = "quantity_claims"
    __table_args__ = (sa.Index("ix_quantity_claims_claim_id", "claim_id"),)

    quantity_id: Mapped[int] = mapped_column(
        sa.ForeignKey("quantities.id", ondelete="CASCADE"), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)


class ContradictionRow(Base):
    __tablename__ = "contradictions"
    __table_args__ = (
        sa.Index("ix_contradictions_quantity_key", "quantity_key"),
        sa.Index("ix_contradictions_a_claim_id", "a_claim_id"),
        sa.Index("ix_contradictions_b_claim_id", "b_claim_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    quantity_key: Mapped[str]
    a_claim_id: Mapped[int] = mapped_column(sa.ForeignKey("claims.id", ondelete="CASCADE"))
    b_claim_id: Mapped[int] = mapped_column(sa.ForeignKey("claims.id", ondelete="CASCADE"))
    explanation: Mapped[str] = mapped_column(default="")


class StoreMeta(Base):
    """Facts about the store itself, one row per key (``engine.inputs``: the
    fingerprint of the inputs the saved engine output was computed from)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(primary_key=True)
    value: Mapped[str]


# --- researcher views: created by the migrations (their SQL lives there, frozen per
# revision), not part of this metadata; migrations/env.py tells `alembic check` to
# ignore them.
VIEW_NAMES: tuple[str, ...] = ("claims_readable", "disputed_figures", "contradictions_readable")
