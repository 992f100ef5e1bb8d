"""Special files (issue 18): a path is stat'ed before it is opened, only regular files
are read; a named pipe, a socket or a device, alone or inside a folder, is one line
naming it (exit 3), never a hang.  The pipes are real (``os.mkfifo``), read by a real
``reconcile`` process under a timeout: without the stat, ``open`` waits for a writer
forever.
"""
from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile import documents
from reconcile.errors import EXIT_INPUT, InputError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

ARTICLE = ("source: Harbor Times\ndate: 2026-03-04\n\n"
           "Seven people were killed in a warehouse fire in Ostrava on Monday, police said.\n")


def _reconcile() -> list[str]:
    exe = Path(sys.executable).with_name("reconcile")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "reconcile"]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONCILE_")}
    env["PYTHONWARNINGS"] = "ignore"
    # a hang shows as subprocess.TimeoutExpired (a failure), not as a stuck suite
    return subprocess.run([*_reconcile(), *args], cwd=cwd, env=env, text=True,
                          capture_output=True, timeout=60)


def _error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("reconcile: error:")]


def test_extract_a_fifo_is_one_line_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    proc = _run(["extract", str(fifo)], tmp_path)
    assert proc.returncode == EXIT_INPUT, proc.stderr
    assert "Traceback" not in proc.stderr
    assert _error_lines(proc.stderr) == [f"reconcile: error: {fifo}: not a regular file but a named pipe (FIFO); not read"]
    assert proc.stdout == ""


def test_extract_a_fifo_without_an_extension(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed")
    proc = _run(["extract", "feed"], tmp_path)
    assert proc.returncode == EXIT_INPUT, proc.stderr
    assert _error_lines(proc.stderr) == ["reconcile: error: feed: not a regular file but a named pipe (FIFO); not read"]


@pytest.mark.parametrize("keep_going", [True, False], ids=["keep-going", "stop"])
def test_ingest_a_folder_holding_a_fifo(tmp_path: Path, keep_going: bool) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(news / "b.txt")
    (news / "c.txt").write_text(ARTICLE.replace("Seven", "Nine").replace("Ostrava", "Brno"), encoding="utf-8")
    db = tmp_path / "t.db"
    args = ["--db", f"sqlite:///{db}", "ingest", *(["--keep-going"] if keep_going else []), "news"]
    proc = _run(args, tmp_path)
    assert proc.returncode == EXIT_INPUT, proc.stderr
    assert "Traceback" not in proc.stderr
    fifo = os.path.join("news", "b.txt")
    errors = _error_lines(proc.stderr)
    assert errors == [f"reconcile: error: {fifo}: not a regular file but a named pipe (FIFO); not read"], proc.stderr
    stored: list[str] = []
    if db.exists():
        con = sqlite3.connect(db)
        try:
            stored = sorted(r[0] for r in con.execute("select path from documents"))
        finally:
            con.close()
    if keep_going:      # the good files on both sides of the pipe are stored
        assert stored == [os.path.join("news", "a.txt"), os.path.join("news", "c.txt")]
    else:
        assert fifo not in stored


def test_read_path_names_each_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)     # a short relative name: socket paths are limited in length
    os.mkfifo("pipe.txt")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind("sock.txt")
        cases = [("pipe.txt", "a named pipe (FIFO)"), ("sock.txt", "a socket"),
                 ("/dev/null", "a character device")]
        for path, kind in cases:
            with pytest.raises(InputError) as err:
                documents.read_path(path, max_bytes=1000)
            assert err.value.path == path
            assert err.value.message == f"not a regular file but {kind}; not read"
    finally:
        sock.close()


def test_a_link_to_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link.txt").symlink_to(tmp_path / "pipe")
    with pytest.raises(InputError, match="named pipe"):
        documents.read_path(str(tmp_path / "link.txt"), max_bytes=1000)


def test_a_regular_file_reads_as_before(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    docs, warnings = documents.read_path(str(path), max_bytes=10_000)
    assert not warnings and [d.text for d in docs] == [ARTICLE]
