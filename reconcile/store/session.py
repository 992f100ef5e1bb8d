"""Engines and transactions: URL checks, SQLite pragmas, write transactions, retries.

Every connection to SQLite gets ``foreign_keys=ON``, ``journal_mode=WAL``,
``busy_timeout=30000`` and ``synchronous=NORMAL``.  The pysqlite driver is put
in autocommit mode and SQLAlchemy emits ``BEGIN`` itself, so DDL is
transactional too; write transactions start with ``BEGIN IMMEDIATE`` so two
writers queue on the busy timeout instead of failing on a lock upgrade.
On PostgreSQL a write transaction is a plain READ COMMITTED transaction.
"""
from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import StaticPool

from ..errors import DatabaseError

T = TypeVar("T")

WRITE_OPTION = "reconcile_write"
BUSY_TIMEOUT_MS = 30000
NOTICE_AFTER_MS = 3000
"""A write transaction that has waited this long for another process's lock says so, once,
as a warning on the ``reconcile`` logger (the CLI prints it), then waits the rest of the
busy timeout."""
log = logging.getLogger("reconcile.store")
SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA synchronous=NORMAL",
)
RETRIES = 8


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL, or :class:`DatabaseError` with one clear line."""
    if not isinstance(url, str) or not url.strip():
        raise DatabaseError("database URL is empty")
    try:
        parsed = sa.make_url(url)
    except (exc.ArgumentError, ValueError):
        raise DatabaseError(f"invalid database URL {url!r} (expected e.g. sqlite:///reconcile.db)") from None
    return parsed


def describe(url: URL | str) -> str:
    """The URL for messages, password hidden."""
    if isinstance(url, str):
        try:
            url = sa.make_url(url)
        except exc.ArgumentError:
            return url
    return url.render_as_string(hide_password=True)


def _sqlite_file(url: URL) -> str | None:
    """The file path of a SQLite URL, None for in-memory databases."""
    db = url.database
    if not db or db == ":memory:":
        return None
    if url.query.get("uri") in ("true", "1") or db.startswith("file:"):
        if "mode=memory" in db:
            return None
        path = db[5:] if db.startswith("file:") else db
        return path.split("?", 1)[0]
    return db


def missing_sqlite_file(url: str) -> str | None:
    """The path of a SQLite database file that does not exist yet (else None): opening it
    would create an empty store."""
    import os

    parsed = parse_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    path = _sqlite_file(parsed)
    return path if path is not None and not os.path.exists(path) else None


def _check_sqlite_path(url: URL) -> None:
    path = _sqlite_file(url)
    if path is None:
        return
    if os.path.isdir(path):
        raise DatabaseError(f"cannot use database {path}: it is a folder, not a database file")
    parent = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(parent):
        raise DatabaseError(f"cannot use database {path}: folder {parent} does not exist")


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the pragmas and transaction handling above.

    Raises :class:`DatabaseError` for a malformed URL, an unknown driver or an
    unusable SQLite path.  Connection problems surface on first connect
    (see :func:`check_connection`).
    """
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    kwargs: dict[str, Any] = {}
    if backend == "sqlite":
        _check_sqlite_path(parsed)
        if _sqlite_file(parsed) is None:
            # one shared connection, else every checkout sees a new empty database
            kwargs["poolclass"] = StaticPool
            kwargs["connect_args"] = {"check_same_thread": False}
    elif backend == "postgresql":
        if parsed.get_driver_name() in ("psycopg", "psycopg2"):
            kwargs["connect_args"] = {"connect_timeout": 10}
        kwargs["pool_pre_ping"] = True
    try:
        engine = sa.create_engine(parsed, **kwargs)
    except exc.NoSuchModuleError:
        raise DatabaseError(f"unsupported database URL {describe(parsed)} (unknown driver {parsed.drivername!r})") from None
    except (ImportError, exc.ArgumentError) as err:
        raise DatabaseError(f"cannot use database URL {describe(parsed)}: {_first_line(err)}") from None
    if backend == "sqlite":
        _install_sqlite_events(engine)
    return engine


def _install_sqlite_events(engine: Engine) -> None:
    in_memory = _sqlite_file(engine.url) is None

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None           # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cur.execute(pragma)
            if not in_memory:
                _set_wal(cur)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            _begin_immediate(conn)
        else:
            conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn: Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting for another writer's lock: first ``NOTICE_AFTER_MS``, then,
    after one warning naming the wait, the rest of the busy timeout."""
    raw = conn.connection.dbapi_connection
    assert raw is not None
    raw.execute(f"PRAGMA busy_timeout={NOTICE_AFTER_MS}")
    try:
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except Exception as err:  # noqa: BLE001 - sqlite3.OperationalError; anything else re-raised
            if not is_retryable(err):
                raise
        log.warning("waiting for the database lock (another process is writing to %s)",
                    describe(conn.engine.url))
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS - NOTICE_AFTER_MS}")
        conn.exec_driver_sql("BEGIN IMMEDIATE")    # a failure now is a DBAPIError, retried or one line
    finally:
        raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _set_wal(cur: Any) -> None:
    """journal_mode=WAL (persistent in the file).  Switching needs a moment with
    no other connection inside a transaction, and SQLite does not wait on the
    busy timeout for it, so a fresh file shared by two processes is retried."""
    import sqlite3

    for attempt in range(100):
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise
            time.sleep(0.02 + 0.03 * random.random())
    cur.execute("PRAGMA journal_mode=WAL")


def writer(engine: Engine) -> Engine:
    """The same engine (shared pool) whose transactions are write transactions."""
    return engine.execution_options(**{WRITE_OPTION: True})


def check_connection(engine: Engine) -> None:
    """Connect once; turn any failure into one clear :class:`DatabaseError` line."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
            if engine.dialect.name == "sqlite":
                # reading the schema fails for a file that is not a database
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")
    except exc.DBAPIError as err:
        raise DatabaseError(f"cannot open database {describe(engine.url)}: {_first_line(err.orig or err)}") from None
    except exc.SQLAlchemyError as err:
        raise DatabaseError(f"cannot open database {describe(engine.url)}: {_first_line(err)}") from None


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def is_retryable(err: BaseException) -> bool:
    """Lock and serialization errors that a retry of the whole transaction fixes."""
    orig = getattr(err, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if code in ("40001", "40P01", "55P03"):
        return True
    text = str(orig if orig is not None else err).lower()
    return "database is locked" in text or "database table is locked" in text or "database is busy" in text


def retry(fn: Callable[[], T], *, attempts: int = RETRIES, what: str = "write") -> T:
    """Run ``fn`` (a whole transaction) again on lock/serialization errors, with backoff."""
    for attempt in range(attempts):
        try:
            return fn()
        except exc.OperationalError as err:
            if not is_retryable(err) or attempt == attempts - 1:
                raise DatabaseError(f"database {what} failed: {_first_line(err.orig or err)}") from None
        except exc.DBAPIError as err:
            if not is_retryable(err) or attempt == attempts - 1:
                raise DatabaseError(f"database {what} failed: {_first_line(err.orig or err)}") from None
        time.sleep(min(2.0, 0.05 * 2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite: switch foreign keys off around a migration (batch table copies
    would otherwise cascade deletes), then on again (see :func:`check_foreign_keys`).

    Must be entered outside a transaction; a no-op on other databases.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def check_foreign_keys(conn: Connection) -> None:
    """SQLite: inside the migration transaction, refuse to commit rows that break
    a foreign key (they were not checked while foreign keys were off)."""
    if conn.dialect.name != "sqlite":
        return
    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if bad:
        raise DatabaseError(f"migration would leave {len(bad)} rows breaking foreign keys (first: {tuple(bad[0])!r})")
