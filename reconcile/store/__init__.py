"""Persistence: the only package that imports SQLAlchemy.

``Store(url)`` opens (and on first use migrates) a SQLite or PostgreSQL
database; ``reconcile.store.migrate`` drives the Alembic migrations shipped
as ``reconcile.migrations``.
"""
from __future__ import annotations

from .repository import AddResult, Store, claimant_key

__all__ = ["AddResult", "Store", "claimant_key"]
