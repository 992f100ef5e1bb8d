"""Alembic environment for reconcile.

The database URL comes from, in order: ``config.attributes["url"]`` (set by
``reconcile.store.migrate``), ``alembic -x url=...``, the ``RECONCILE_DB``
environment variable, else ``sqlite:///reconcile.db``.  When
``config.attributes["connection"]`` holds a connection (the normal path, from
``reconcile.store.migrate``) it is used as is, inside the caller's transaction.

SQLite: ``render_as_batch=True`` (ALTER through table copies), foreign keys
switched off around the migration and checked afterwards.  The researcher
views are not in the metadata and are ignored by autogenerate / ``check``.
"""
from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context

from reconcile.settings import DEFAULT_DB, normalise_db
from reconcile.store.tables import VIEW_NAMES, Base

config = context.config
target_metadata = Base.metadata

if config.config_file_name and "connection" not in config.attributes:
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def _url() -> str:
    url = config.attributes.get("url") or context.get_x_argument(as_dictionary=True).get("url")
    return normalise_db(url or os.environ.get("RECONCILE_DB") or DEFAULT_DB)


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    if type_ == "table":
        return name not in VIEW_NAMES
    return True


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    if type_ == "table" and name in VIEW_NAMES:
        return False
    return True


def _configure(**kwargs) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
        include_object=include_object,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def _run_on(connection) -> None:  # type: ignore[no-untyped-def]
    # SQLite DDL is transactional here (the driver runs in autocommit mode and
    # BEGIN is ours), so the whole upgrade commits or rolls back as one.
    _configure(connection=connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_on(connection)
        return
    from reconcile.store.migrate import migration_connection
    from reconcile.store.session import check_connection, make_engine

    engine = make_engine(_url())
    try:
        check_connection(engine)
        with migration_connection(engine) as conn:
            _run_on(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
