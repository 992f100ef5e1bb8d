"""A write that waits on another process's SQLite lock says so (issue 18): after a few
seconds one warning line, then the rest of the busy timeout, then it succeeds.  Real
processes: one holds ``BEGIN IMMEDIATE`` for a while, ``reconcile ingest`` waits on it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from reconcile.store import session

HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
"""


def _reconcile() -> list[str]:
    exe = Path(sys.executable).with_name("reconcile")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reconcile"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONCILE_")}
    env["PYTHONWARNINGS"] = "ignore"
    return env


def _article(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(f"source: X\n\nSeven people were killed in the {name} blast, police said.\n", encoding="utf-8")
    return path


def test_ingest_waiting_on_a_lock_says_so_then_succeeds(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    first = subprocess.run([*_reconcile(), "--db", str(db), "ingest", str(_article(tmp_path, "a.txt"))],
                           env=_env(), capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    hold = (session.NOTICE_AFTER_MS / 1000) + 3
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(hold)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        waited = subprocess.run([*_reconcile(), "--db", str(db), "ingest", str(_article(tmp_path, "b.txt"))],
                                env=_env(), capture_output=True, text=True, timeout=120)
        took = time.monotonic() - started
    finally:
        holder.wait(timeout=60)
    assert waited.returncode == 0, waited.stderr
    assert waited.stderr.count("reconcile: warning: waiting for the database lock") == 1, waited.stderr
    assert "Traceback" not in waited.stderr
    assert took >= session.NOTICE_AFTER_MS / 1000
    assert "1 new" in waited.stdout


def test_no_wait_no_line(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    proc = subprocess.run([*_reconcile(), "--db", str(db), "ingest", str(_article(tmp_path, "a.txt"))],
                          env=_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "waiting" not in proc.stderr, proc.stderr
