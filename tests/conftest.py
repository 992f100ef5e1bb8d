"""Shared fixtures: database URLs.

* ``tmp_db_url``: a SQLite file in the test's temporary folder.
* ``pg_url``: a fresh, uniquely named PostgreSQL database, dropped afterwards;
  skipped unless RECONCILE_TEST_PG_URL is set (``eval "$(.ci/pg.sh start)"``).
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import pytest

PG_ENV = "RECONCILE_TEST_PG_URL"


@pytest.fixture
def tmp_db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'reconcile.db'}"


def _pg_admin(base: str):  # type: ignore[no-untyped-def]
    import psycopg

    parts = urlsplit(base)
    return psycopg.connect(
        host=parts.hostname or "localhost", port=parts.port or 5432,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        dbname=parts.path.lstrip("/") or "postgres", autocommit=True, connect_timeout=10,
    )


@pytest.fixture
def pg_url() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} not set (run: eval \"$(.ci/pg.sh start)\")")
    name = f"reconcile_t_{uuid.uuid4().hex[:16]}"
    with _pg_admin(base) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(base)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with _pg_admin(base) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Both backends: a SQLite file, and a fresh PostgreSQL database when configured."""
    return request.getfixturevalue("tmp_db_url" if request.param == "sqlite" else "pg_url")
