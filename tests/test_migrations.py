"""Alembic migrations: head matches the models, up/down/up with data, newer schemas refused, FKs on."""
from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

import reconcile.migrations
from reconcile.errors import DatabaseError
from reconcile.model import Claim, Document, Quantity, Reconciliation
from reconcile.store import Store, migrate

NOW = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
TABLES = {"outlets", "documents", "claimants", "events", "claims", "quantities", "quantity_claims",
          "contradictions", "store_meta"}
VIEWS = {"claims_readable", "disputed_figures", "contradictions_readable"}


def _doc(path: str, text: str) -> Document:
    return Document(path=path, text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), source="AP",
                    published=dt.date(2026, 1, 4))


def _claim(d: Document, figure: str, claimant: str) -> Claim:
    s = d.text.index(figure)
    return Claim(doc=d.path, start=s, end=s + len(figure), text=figure, measure="killed", low=float(figure),
                 high=float(figure), claimant=claimant, published=d.published, source=d.source)


def _populate(url: str) -> None:
    a, b = _doc("a.txt", "Police said 5 were killed."), _doc("b.txt", "Rebels said 50 were killed.")
    with Store(url) as st:
        st.add_document(a, [_claim(a, "5", "Police")], ingested_at=NOW)
        st.add_document(b, [_claim(b, "50", "Rebels")], ingested_at=NOW)
        ca, cb = st.claims()
        st.save_reconciliation(Reconciliation(
            (Quantity("e|killed|all", "2026-01-03 Town", "killed", "all", (ca, cb), 5, 5, 50, "disputed"),), ()))


def _sql(url: str, query: str) -> list[tuple]:
    """Plain DB-API access, as a researcher would (no SQLAlchemy in the tests)."""
    if url.startswith("sqlite"):
        con = sqlite3.connect(url.removeprefix("sqlite:///"))
        try:
            return [tuple(r) for r in con.execute(query).fetchall()]
        finally:
            con.close()
    import psycopg
    from urllib.parse import urlsplit
    p = urlsplit(url)
    with psycopg.connect(host=p.hostname, port=p.port, user=p.username, dbname=p.path.lstrip("/")) as con:
        return [tuple(r) for r in con.execute(query).fetchall()]


def _objects(url: str) -> set[str]:
    if url.startswith("sqlite"):
        rows = _sql(url, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    else:
        rows = _sql(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
    return {r[0] for r in rows}


def test_script_folder_is_the_package() -> None:
    assert migrate.script_location() == Path(reconcile.migrations.__file__).parent
    assert migrate.heads() == ["0003"]


def test_empty_database_to_head_then_check(db_url: str) -> None:
    assert migrate.current(db_url) is None
    migrate.upgrade(db_url)
    assert migrate.current(db_url) == "0003"
    migrate.check(db_url)                       # models and migrations agree
    assert TABLES | VIEWS <= _objects(db_url)


def test_store_migrates_fresh_database_on_first_use(db_url: str) -> None:
    Store(db_url).close()
    assert migrate.current(db_url) == migrate.heads()[0]
    migrate.check(db_url)


def test_upgrade_downgrade_upgrade_with_data(db_url: str) -> None:
    _populate(db_url)
    migrate.upgrade(db_url)                     # already at head: a no-op that keeps the data
    with Store(db_url) as st:
        assert st.stats()["claims"] == 2 and st.stats()["quantities"] == 1
    readable = _sql(db_url, "SELECT claimant, low, outlet, event FROM claims_readable ORDER BY claim_id")
    assert readable == [("Police", 5.0, "AP", "e"), ("Rebels", 50.0, "AP", "e")]
    disputed = _sql(db_url, "SELECT quantity, event, claimant, status FROM disputed_figures ORDER BY claimant")
    assert disputed == [("e|killed|all", "2026-01-03 Town", "Police", "disputed"),
                        ("e|killed|all", "2026-01-03 Town", "Rebels", "disputed")]

    migrate.downgrade(db_url, "base")
    assert migrate.current(db_url) is None
    assert _objects(db_url) <= {"alembic_version"}      # every table and view dropped

    migrate.upgrade(db_url)
    migrate.check(db_url)
    with Store(db_url) as st:
        assert st.stats()["claims"] == 0
    _populate(db_url)


def test_0001_store_upgrades_and_recomputes(db_url: str) -> None:
    """A store from before store_meta: its data stays, and with no saved fingerprint the
    read commands reconcile again instead of trusting the saved output."""
    migrate.upgrade(db_url, "0001")
    assert "store_meta" not in _objects(db_url)
    migrate.upgrade(db_url)
    assert migrate.current(db_url) == "0003" and "store_meta" in _objects(db_url)
    _populate(db_url)
    with Store(db_url) as st:
        assert st.saved_inputs() is None
    migrate.downgrade(db_url, "0001")
    assert "store_meta" not in _objects(db_url) and "claims" in _objects(db_url)


def _count_cells(url: str) -> list[tuple]:
    """claims.low as SQL shows it (its text) and its storage type, per claim."""
    if url.startswith("sqlite"):
        return _sql(url, "SELECT CAST(low AS TEXT), typeof(low) FROM claims ORDER BY id")
    return _sql(url, "SELECT low::text, pg_typeof(low)::text FROM claims ORDER BY id")


#: claims.low before and after 0003, as (text, storage type): SQLite showed 5.0; PostgreSQL's
#: double precision printed 5 but was a float column
COUNT_CELLS = {
    "sqlite": ([("5.0", "real"), ("50.0", "real")], [("5", "integer"), ("50", "integer")]),
    "postgresql": ([("5", "double precision"), ("50", "double precision")],
                   [("5", "numeric"), ("50", "numeric")]),
}


def test_0003_counts_become_integers_and_keep_their_data(db_url: str) -> None:
    """A store made before 0003 held FLOAT counts; the upgrade keeps every row and view, and
    SQL then shows whole counts as integers; the downgrade gives the floats back."""
    before, after = COUNT_CELLS["sqlite" if db_url.startswith("sqlite") else "postgresql"]
    _populate(db_url)
    migrate.downgrade(db_url, "0002")
    assert _count_cells(db_url) == before
    migrate.upgrade(db_url)
    assert migrate.current(db_url) == "0003"
    migrate.check(db_url)
    assert _count_cells(db_url) == after
    assert _sql(db_url, "SELECT low, best, high FROM quantities") == [(5, 5, 50)]
    assert VIEWS <= _objects(db_url)
    assert len(_sql(db_url, "SELECT * FROM disputed_figures")) == 2
    with Store(db_url) as st:
        assert st.stats()["claims"] == 2 and st.stats()["quantities"] == 1
        assert [c.low for c in st.claims()] == [5.0, 50.0]     # the tool still reads floats
    migrate.downgrade(db_url, "0002")
    assert _count_cells(db_url) == before


def test_contradictions_readable_view(db_url: str) -> None:
    from reconcile.model import Contradiction
    _populate(db_url)
    with Store(db_url) as st:
        ca, cb = st.claims()
        q = Quantity("e|killed|all", "2026-01-03 Town", "killed", "all", (ca, cb), 5, 5, 50, "disputed")
        st.save_reconciliation(Reconciliation((q,), (Contradiction("disjoint", ca, cb, q.key, "5 vs 50"),)))
    rows = _sql(db_url, "SELECT kind, quantity, a_claimant, a_low, b_claimant, b_high, a_document, b_document, "
                        "explanation FROM contradictions_readable")
    assert rows == [("disjoint", "e|killed|all", "Police", 5.0, "Rebels", 50.0, "a.txt", "b.txt", "5 vs 50")]


NEWER_CASES = [
    pytest.param(lambda url: Store(url), id="store"),
    pytest.param(lambda url: migrate.upgrade(url), id="upgrade"),
    pytest.param(lambda url: Store(url, migrate=False), id="store-no-migrate"),
]


@pytest.mark.parametrize("opener", NEWER_CASES)
def test_newer_schema_revision_is_refused(tmp_db_url: str, opener) -> None:  # type: ignore[no-untyped-def]
    _populate(tmp_db_url)
    _sqlite_exec(tmp_db_url, "UPDATE alembic_version SET version_num = ?", ("0042_from_the_future",))
    with pytest.raises(DatabaseError, match=r"schema revision 0042_from_the_future is newer than this tool"):
        opener(tmp_db_url)


def _sqlite_exec(url: str, sql: str, params: tuple = ()) -> None:
    con = sqlite3.connect(url.removeprefix("sqlite:///"))
    with con:
        con.execute(sql, params)
    con.close()


NOT_OURS_CASES = [
    pytest.param(True, "no reconcile schema", id="foreign-tables"),
    pytest.param(False, "older than this tool", id="empty-with-migrate-false"),
]


@pytest.mark.parametrize("foreign, message", NOT_OURS_CASES)
def test_database_that_is_not_ours_or_not_migrated(tmp_db_url: str, foreign: bool, message: str) -> None:
    if foreign:
        _sqlite_exec(tmp_db_url, "CREATE TABLE documents (x INTEGER)")
        opener = lambda: Store(tmp_db_url)  # noqa: E731
    else:
        opener = lambda: Store(tmp_db_url, migrate=False)  # noqa: E731
    with pytest.raises(DatabaseError, match=message):
        opener()


PRAGMAS = [
    pytest.param("foreign_keys", 1, id="foreign-keys-on"),
    pytest.param("journal_mode", "wal", id="wal"),
    pytest.param("busy_timeout", 30000, id="busy-timeout"),
    pytest.param("synchronous", 1, id="synchronous-normal"),
]


@pytest.mark.parametrize("pragma, value", PRAGMAS)
def test_sqlite_connection_pragmas(tmp_db_url: str, pragma: str, value: object) -> None:
    with Store(tmp_db_url) as st, st._engine.connect() as conn:
        assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == value


def test_foreign_keys_enforced(db_url: str) -> None:
    """Deleting a document cascades to its claims (and their links); deleting a
    referenced outlet is refused; a claim cannot point to a missing document."""
    _populate(db_url)
    with Store(db_url) as st:
        with st._engine.begin() as conn:
            doc_id = conn.exec_driver_sql("SELECT id FROM documents WHERE path = 'a.txt'").scalar()
            conn.exec_driver_sql("DELETE FROM documents WHERE id = %s" if "postgresql" in db_url
                                 else "DELETE FROM documents WHERE id = ?", (doc_id,))
        assert [c.doc for c in st.claims()] == ["b.txt"]
        assert st.quantities()[0]["claim_ids"] == [st.claims()[0].id]
        for sql in ("DELETE FROM outlets",
                    "INSERT INTO claims (document_id, start, \"end\", text, sentence, sentence_start, measure, "
                    "qualifier, vague, claimant_kind, via, stance, places, kinds, rules, derived, \"current\", "
                    "origin) VALUES (99999, 0, 1, 'x', '', 0, 'killed', 'exact', false, 'unknown', '[]', "
                    "'assert', '[]', '[]', '[]', false, true, 'extract')"):
            with pytest.raises(Exception, match=r"(?i)foreign key"):
                with st._engine.begin() as conn:
                    conn.exec_driver_sql(sql)
