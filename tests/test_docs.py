"""Documentation that can be checked is checked: every table and column is in docs/schema.md,
and the SQL examples of the README and docs/schema.md run against a populated database."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli
from reconcile.store.tables import Base

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
COLUMNS = [(t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns]


@pytest.mark.parametrize("table,column", COLUMNS, ids=[f"{t}.{c}" for t, c in COLUMNS])
def test_every_column_is_documented(table: str, column: str) -> None:
    assert f"### {table}" in SCHEMA or f"| {table} |" in SCHEMA, table
    assert re.search(rf"\b{re.escape(column)}\b", SCHEMA), f"{table}.{column} missing from docs/schema.md"


def _sql_blocks(text: str) -> list[str]:
    blocks = re.findall(r"```sql\n(.*?)```", text, flags=re.S)
    statements = []
    for b in blocks:
        body = "\n".join(line for line in b.splitlines() if not line.strip().startswith("--"))
        statements += [s.strip() for s in body.split(";") if s.strip()]
    return statements


SQL = [("README", s) for s in _sql_blocks(README)] + [("schema", s) for s in _sql_blocks(SCHEMA)]


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("docs") / "docs.db"
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{db}", "ingest", str(ROOT / "seeds")])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("where,sql", SQL, ids=[f"{w}-{i}" for i, (w, _) in enumerate(SQL)])
def test_sql_examples_run(seeded_db: Path, where: str, sql: str) -> None:
    with sqlite3.connect(seeded_db) as con:
        con.execute(sql).fetchall()


def test_readme_sql_finds_the_seed_dispute(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as con:
        rows = con.execute("select measure, low, high from claims_readable where measure = 'fired'").fetchall()
    assert (("fired", 2.0, None) in rows) and (("fired", 0.0, 0.0) in rows)


def _readme_seed_rows() -> list[tuple[str, str, str]]:
    """(figure words, claimant, stance) of the README's seed table, "(by reference)" notes and
    "(of ...)" context dropped from the words."""
    table = README.split("| figure | measure | claimant | stance |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.strip().splitlines()[1:]:
        figure, _measure, claimant, stance = (cell.strip() for cell in line.strip("|").split("|"))
        rows.append((figure.split(" (", 1)[0], claimant, stance))
    return rows


def test_readme_seed_table_is_what_extract_prints() -> None:
    from reconcile.documents import read_path
    from reconcile.extract import extract_claims

    (doc,), _ = read_path(str(ROOT / "seeds" / "000_dc6f63dc215eac7b.txt"), max_bytes=10_000_000)
    got = sorted((c.text, c.claimant or "(the outlet)", c.stance) for c in extract_claims(doc))
    assert got == sorted(_readme_seed_rows())
