"""PostgreSQL parity (issue 7): the same articles give the same output on SQLite and PostgreSQL.

Skipped unless RECONCILE_TEST_PG_URL is set (``eval "$(bash .ci/pg.sh start)"``).
Everything goes through the CLI with ``--db``; the articles are invented
(``conftest.invented_article``) and include rival reports, so there are
contradictions to compare.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

pytestmark = pytest.mark.postgres


def _sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'parity.db'}"


def _invoke(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def _strip(value: Any) -> Any:
    """Drop ids, keep only a document's file name, sort nothing away."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k == "id" or k.endswith("_id") or k == "claim_ids":
                continue
            if k == "doc" and isinstance(v, str):
                v = os.path.basename(v)
            out[k] = _strip(v)
        return out
    if isinstance(value, list):
        return [_strip(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and "@" in value and "/" in value:     # "news/001.txt@118" in reasons
        path, _, at = value.rpartition("@")
        return f"{os.path.basename(path)}@{at}"
    return value


def _canon(rows: list[Any]) -> list[str]:
    return sorted(json.dumps(_strip(r), sort_keys=True, ensure_ascii=False) for r in rows)


@pytest.fixture()
def news(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_articles) -> Path:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    write_articles(tmp_path / "news", 8, rivals=4)
    (tmp_path / "news" / "feed.jsonl").write_text(
        json.dumps({"text": "The ministry said 90 people were killed in the fire in Calder on Friday.",
                    "date": "2026-04-05", "source": "Ridge Courier"}) + "\n", encoding="utf-8")
    return tmp_path / "news"


def test_same_contradictions_and_report(news: Path, tmp_path: Path, pg_url: str) -> None:
    outputs = {}
    for name, db in (("sqlite", _sqlite(tmp_path)), ("postgresql", pg_url)):
        summary = _invoke(db, "ingest", "news")
        contradictions = [json.loads(line) for line in _invoke(db, "contradictions", "--format", "jsonl").splitlines()
                          if line.strip()]
        report = json.loads(_invoke(db, "report", "--all", "--format", "json"))["quantities"]
        claims = json.loads(_invoke(db, "claims", "--all-versions", "--format", "json"))
        outputs[name] = (summary, _canon(contradictions), _canon(report), _canon(claims))
    lite, pg = outputs["sqlite"], outputs["postgresql"]
    assert lite[1], "the invented articles should contradict each other"
    assert pg[0] == lite[0]                 # the summary line: counts of documents, claims, quantities
    assert pg[3] == lite[3]                 # claims
    assert pg[1] == lite[1]                 # contradictions: pairs, kinds, explanations
    assert pg[2] == lite[2]                 # quantities: low, best, high, status, claims


def test_same_versions_and_filters(news: Path, tmp_path: Path, pg_url: str) -> None:
    first = news / "000.txt"
    original = first.read_text(encoding="utf-8")
    results = {}
    for name, db in (("sqlite", _sqlite(tmp_path)), ("postgresql", pg_url)):
        first.write_text(original, encoding="utf-8")
        _invoke(db, "ingest", "news")
        first.write_text(original.replace(" people were killed", " people were killed, 3 of them children,"),
                         encoding="utf-8")
        again = _invoke(db, "ingest", "news")
        current = json.loads(_invoke(db, "claims", "--format", "json"))
        every = json.loads(_invoke(db, "claims", "--all-versions", "--format", "json"))
        police = json.loads(_invoke(db, "claims", "--claimant", "POLICE", "--measure", "killed", "--format", "json"))
        since = json.loads(_invoke(db, "claims", "--since", "2026-04-10", "--format", "json"))
        results[name] = (again, _canon(current), _canon(every), _canon(police), _canon(since))
    assert "1 new versions" in results["sqlite"][0]
    assert len(results["sqlite"][2]) > len(results["sqlite"][1])
    assert results["postgresql"] == results["sqlite"]


def _env(db: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONCILE_")}
    env["RECONCILE_DB"] = db
    env["PYTHONWARNINGS"] = "ignore"
    return env


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def _start_ingests(tmp_path: Path, pg_url: str, n: int = 2) -> list[subprocess.Popen[str]]:
    subprocess.run([sys.executable, "-m", "reconcile", "db", "upgrade"], cwd=tmp_path, env=_env(pg_url),
                   check=True, capture_output=True, timeout=120)
    return [subprocess.Popen([sys.executable, "-m", "reconcile", "ingest", "-q", "news"], cwd=tmp_path,
                             env=_env(pg_url), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(n)]


def test_two_ingest_processes_store_each_document_once(news: Path, tmp_path: Path, pg_url: str) -> None:
    import psycopg

    procs = _start_ingests(tmp_path, pg_url)
    for p in procs:
        p.communicate(timeout=120)
    files = len(list(news.iterdir()))
    with psycopg.connect(_dsn(pg_url)) as con:
        docs = con.execute("select path, count(*) from documents group by path").fetchall()
        dupes = con.execute("select count(*) from (select document_id, start, \"end\", measure from claims "
                            "group by document_id, start, \"end\", measure having count(*) > 1) d").fetchone()
    assert len(docs) == files and all(n == 1 for _p, n in docs)
    assert dupes == (0,)
    # once more, alone: the same claims, quantities and contradictions as one clean SQLite run
    _invoke(pg_url, "ingest", "news")
    _invoke(_sqlite(tmp_path), "ingest", "news")
    for args in (("claims", "--format", "json"), ("contradictions", "--format", "json"),
                 ("report", "--all", "--format", "json")):
        lite = json.loads(_invoke(_sqlite(tmp_path), *args))
        pg = json.loads(_invoke(pg_url, *args))
        assert _canon(pg if isinstance(pg, list) else [pg]) == _canon(lite if isinstance(lite, list) else [lite])


def test_two_ingest_processes_that_finish_together_both_succeed(news: Path, tmp_path: Path, pg_url: str) -> None:
    """Made deterministic: a third connection holds a lock on ``events`` until both
    ingest processes wait inside their save of the engine's output (one on the table,
    the other on the advisory lock that serialises saves)."""
    import psycopg

    with psycopg.connect(_dsn(pg_url)) as con:
        procs = _start_ingests(tmp_path, pg_url)
        try:
            con.execute("LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE")
            deadline = time.monotonic() + 60
            waiting = 0
            while time.monotonic() < deadline and all(p.poll() is None for p in procs):
                # each save waits either on the table or on the advisory lock that serialises saves
                waiting = con.execute(
                    "select count(*) from pg_locks l left join pg_class c on c.oid = l.relation "
                    "where not l.granted and (c.relname = 'events' or l.locktype = 'advisory')").fetchone()[0]
                if waiting >= 2:
                    break
                time.sleep(0.05)
            assert waiting >= 2, "the two ingests did not meet"
        finally:
            con.commit()       # releases the lock: both saves go on at once
        outs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outs):
        assert "Traceback" not in err, err
        assert p.returncode == 0, err
