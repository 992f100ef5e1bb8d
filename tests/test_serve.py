"""`reconcile serve`: datasette metadata that applies whatever the database file is called
(issue 17), and a real datasette started on the store when the `serve` extra is installed."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ARTICLE = """source: Harbor Courier
date: 2031-07-04

Fire officials said 6 people were killed in a warehouse blaze in Port Lind on Friday.
"""


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    return CliRunner()


def _store(tmp_path: Path, runner: CliRunner, name: str) -> Path:
    db = tmp_path / name
    article = tmp_path / "fire.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert runner.invoke(cli, ["--db", str(db), "ingest", str(article)]).exit_code == 0
    return db


@pytest.mark.parametrize("name,key", [("figures.db", "figures"), ("reconcile.db", "reconcile"),
                                      ("desk store.sqlite", "desk store")],
                         ids=["figures", "default-name", "space-and-suffix"])
def test_metadata_is_keyed_to_the_database_file(runner: CliRunner, tmp_path: Path, name: str, key: str) -> None:
    db = _store(tmp_path, runner, name)
    result = runner.invoke(cli, ["--db", str(db), "serve", "--metadata-only"])
    assert result.exit_code == 0, result.output
    meta = json.loads(result.output)
    assert list(meta["databases"]) == [key]
    described = set(meta["databases"][key]["tables"])
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view') "
                                            "and name not like 'sqlite_%' and name not in ('alembic_version', 'store_meta')")}
    assert names <= described, names - described


def test_metadata_only_needs_no_database(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "later.db"), "serve", "--metadata-only"])
    assert result.exit_code == 0 and "later" in json.loads(result.output)["databases"]
    assert not (tmp_path / "later.db").exists()


def test_serve_a_missing_database_is_exit_4(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "typo.db"), "serve"])
    assert result.exit_code == 4 and "no such database" in result.stderr


def test_serve_on_postgresql_is_exit_4(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--db", "postgresql+psycopg://u@localhost:1/x", "serve", "--metadata-only"])
    assert result.exit_code == 4 and "SQLite" in result.stderr


def test_serve_without_datasette_says_how_to_install_it(runner: CliRunner, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = _store(tmp_path, runner, "figures.db")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "datasette" else real(n, *a))
    result = runner.invoke(cli, ["--db", str(db), "serve"])
    assert result.exit_code == 2 and "reconcile-figures[serve]" in result.stderr


def test_the_repository_has_no_stale_copy_of_the_metadata() -> None:
    root = Path(__file__).resolve().parent.parent
    assert not (root / "datasette-metadata.json").exists()      # one source: reconcile/store/


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


@pytest.mark.skipif(importlib.util.find_spec("datasette") is None, reason="the serve extra is not installed")
def test_datasette_shows_the_descriptions_of_a_store_named_figures(runner: CliRunner, tmp_path: Path) -> None:
    db = _store(tmp_path, runner, "figures.db")
    port = _free_port()
    exe = Path(sys.executable).with_name("reconcile")
    proc = subprocess.Popen([str(exe), "--db", str(db), "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        page = None
        for _ in range(60):
            page = _get(f"http://127.0.0.1:{port}/figures/claims")
            if page is not None:
                break
            time.sleep(0.25)
        assert page is not None, "datasette did not answer"
        assert "One numeric claim" in page
        meta = json.loads(_get(f"http://127.0.0.1:{port}/-/metadata.json") or "{}")
        assert "figures" in meta["databases"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)
    time.sleep(0.5)
    assert _get(f"http://127.0.0.1:{port}/") is None              # datasette stopped with it
    try:
        os.killpg(proc.pid, signal.SIGKILL)                       # nothing left of that session
    except ProcessLookupError:
        pass
