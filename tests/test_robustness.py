"""Nothing lost, nothing half-written (issue 5).

* bad input through the CLI: one line naming the file (and the JSON line), the
  README's exit code, no traceback, nothing stored from that file (read back
  from the database);
* idempotence and versions;
* ``kill -9`` in the middle of an ingest (a real subprocess);
* two ingest processes and a reader on one SQLite file;
* the ``claims`` filters.

All articles are invented here (see ``conftest.invented_article``).
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

from conftest import invented_article

GOOD = invented_article(0)
GOOD2 = invented_article(1)


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    for var in ("RECONCILE_DB", "RECONCILE_MAX_FILE_BYTES"):
        monkeypatch.delenv(var, raising=False)
    return CliRunner()


def _db_file(tmp_path: Path) -> Path:
    return tmp_path / "t.db"


def _stored(db: Path) -> dict[str, tuple[str, int]]:
    """path -> (encoding, number of claims) of every stored document version."""
    if not db.exists():
        return {}
    con = sqlite3.connect(db)
    try:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        if "documents" not in tables:
            return {}
        rows = con.execute(
            "select d.path, d.encoding, (select count(*) from claims c where c.document_id = d.id) "
            "from documents d").fetchall()
    finally:
        con.close()
    return {p: (e, n) for p, e, n in rows}


def _no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


# ---------------------------------------------------------------------------
# bad input: one table, each row a folder of files, the arguments, and what must happen

def _w(name: str, data: bytes | str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return make


def _loop(root: Path) -> None:
    (root / "feeds" / "deep").mkdir(parents=True)
    (root / "feeds" / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "feeds" / "deep" / "back").symlink_to("..", target_is_directory=True)
    (root / "feeds" / "z.txt").write_text(GOOD2, encoding="utf-8")


def _good(root: Path) -> None:
    (root / "good.txt").write_text(GOOD, encoding="utf-8")


GOOD_LINE = json.dumps({"text": "Nine people were killed in a fire in Calder on Friday, police said.",
                        "date": "2026-04-03", "source": "Ridge Courier"})

BAD_INPUT = [
    # id, files, args, exit, stderr must contain, stored paths afterwards
    ("binary-nul", [_good, _w("bin.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04" * 20)],
     ["good.txt", "bin.txt"], 3, "bin.txt: binary file", {"good.txt"}),
    ("binary-image", [_w("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))],
     ["photo.png"], 3, "photo.png: binary file", set()),
    ("binary-control-chars", [_w("noise.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15] * 30))],
     ["noise.txt"], 3, "noise.txt: binary file", set()),
    ("malformed-json-line", [_w("feed.jsonl", f"{GOOD_LINE}\n{GOOD_LINE[:-5]}\n{GOOD_LINE}\n")],
     ["feed.jsonl"], 3, "feed.jsonl:2: malformed JSON line", set()),
    ("json-line-not-an-object", [_w("feed.jsonl", f"{GOOD_LINE}\n\n[1, 2]\n")],
     ["feed.jsonl"], 3, "feed.jsonl:3: expected a JSON object", set()),
    ("json-line-without-text", [_w("feed.ndjson", f'{GOOD_LINE}\n{{"title": "no body"}}\n')],
     ["feed.ndjson"], 3, "feed.ndjson:2: JSON object has no string 'text'", set()),
    ("json-nested-too-deeply", [_w("deep.jsonl", "[" * 100_000 + "\n")],
     ["deep.jsonl"], 3, "deep.jsonl:1: malformed JSON", set()),
    ("json-list-malformed", [_w("list.json", f"[\n{GOOD_LINE},\n{{oops}}\n]\n")],
     ["list.json"], 3, "list.json:3: malformed JSON", set()),
    ("missing-path-stores-nothing", [_good], ["good.txt", "nowhere/gone.txt"], 3,
     "reconcile: error: nowhere/gone.txt: no such file or folder", set()),
    ("broken-link", [_good, lambda r: (r / "dangling.txt").symlink_to(r / "gone.txt")],
     ["dangling.txt"], 3, "dangling.txt: no such file or folder", set()),
    ("folder-loop-stores-nothing", [_loop], ["feeds"], 3, "feeds/deep/back: folder loop", set()),
    ("device-not-a-file", [], ["/dev/zero"], 3, "/dev/zero: not a regular file", set()),
    ("folder-given-as-file-is-walked", [_w("inbox/a.txt", GOOD)], ["inbox"], 0, "", {"inbox/a.txt"}),
    # warnings, not failures
    ("empty-file-warns", [_good, _w("empty.txt", b"")], ["empty.txt", "good.txt"], 0,
     "reconcile: warning: empty.txt: empty file", {"good.txt"}),
    ("blank-file-warns", [_w("blank.md", "\n  \n\t\n")], ["blank.md"], 0, "blank.md: empty file", set()),
    ("html-without-text-warns", [_w("page.html", "<html><head><title>x</title></head><body>"
                                               "<nav><a href='/'>Home</a></nav></body></html>")],
     ["page.html"], 0, "page.html: HTML page without article text", set()),
    ("json-line-empty-text-warns", [_w("feed.jsonl", f'{GOOD_LINE}\n{{"text": "  "}}\n')],
     ["feed.jsonl"], 0, "feed.jsonl:2: empty 'text'", {"feed.jsonl#1"}),
    ("empty-json-list-warns", [_w("none.json", "[]")], ["none.json"], 0, "none.json: no JSON objects", set()),
]


@pytest.mark.parametrize("files,args,code,needle,stored", [c[1:] for c in BAD_INPUT],
                         ids=[c[0] for c in BAD_INPUT])
def test_bad_input(runner: CliRunner, tmp_path: Path, files: list, args: list[str], code: int,
                   needle: str, stored: set[str]) -> None:
    for make in files:
        make(tmp_path)
    db = _db_file(tmp_path)
    result = runner.invoke(cli, ["--db", str(db), "ingest", *args])
    _no_traceback(result)
    assert result.exit_code == code, result.output
    assert needle in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("reconcile: error")]
    assert len(errors) == (1 if code else 0), result.stderr
    assert set(_stored(db)) == stored


def test_file_over_max_file_bytes(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "small.txt").write_text("Two people were killed in Oakfield, police said.\n", encoding="utf-8")
    (tmp_path / "big.txt").write_text(GOOD * 3, encoding="utf-8")
    size = (tmp_path / "big.txt").stat().st_size
    db = _db_file(tmp_path)
    result = runner.invoke(cli, ["--db", str(db), "ingest", "small.txt", "big.txt"],
                           env={"RECONCILE_MAX_FILE_BYTES": "400"})
    _no_traceback(result)
    assert result.exit_code == 3
    assert f"reconcile: error: big.txt: file is {size} bytes, over the limit of 400" in result.stderr
    assert set(_stored(db)) == {"small.txt"}


def test_standard_input_over_the_limit(runner: CliRunner, tmp_path: Path) -> None:
    db = _db_file(tmp_path)
    result = runner.invoke(cli, ["--db", str(db), "ingest", "-"], input=GOOD,
                           env={"RECONCILE_MAX_FILE_BYTES": "100"})
    _no_traceback(result)
    assert result.exit_code == 3
    assert "-: input is over the limit of 100 bytes" in result.stderr
    assert _stored(db) == {}


UNUSABLE_DB = [
    ("missing-folder", lambda t: str(t / "no" / "such" / "x.db"), "does not exist"),
    ("a-folder", lambda t: str(t), "it is a folder"),
    ("not-a-database", lambda t: str(t / "good.txt"), "file is not a database"),
    ("unknown-driver", lambda t: "nosuchdb://user@host/x", "unknown driver"),
    ("malformed-url", lambda t: "postgresql+psycopg://user@host:notaport/x", "notaport"),
    ("server-refuses", lambda t: "postgresql+psycopg://nobody@127.0.0.1:9/x", "127.0.0.1"),
]


@pytest.mark.parametrize("make_url,needle", [
    c if hasattr(c, "marks") else pytest.param(*c[1:], id=c[0]) for c in UNUSABLE_DB])
def test_unusable_db_exits_4(runner: CliRunner, tmp_path: Path, make_url: Callable[[Path], str],
                             needle: str) -> None:
    _good(tmp_path)
    before = (tmp_path / "good.txt").read_bytes()
    result = runner.invoke(cli, ["--db", make_url(tmp_path), "ingest", "good.txt"])
    _no_traceback(result)
    assert result.exit_code == 4, result.output
    line = result.stderr.strip()
    assert line.startswith("reconcile: error:") and "\n" not in line, result.stderr
    assert needle in line
    assert (tmp_path / "good.txt").read_bytes() == before   # "not a database" file left alone


ENCODINGS = [
    # id, bytes of the file, recorded encoding, a word of the decoded text
    ("cp1252-quotes-and-accents", "source: Old Gazette\n\nThe caf\u00e9 blast in R\u00e9ville killed 7 "
     "people, police said \u2018on Tuesday\u2019 \u2013 a \u20ac5 fine.\n".encode("cp1252"), "cp1252", "\u20ac5"),
    ("latin-1-only", b"Die Polizei: 4 people were killed in G\xf6rlitz \x81 on Monday.\n", "latin-1", "G\u00f6rlitz"),
    ("utf-8-bom", "\ufeffsource: Valley Post\n\nFive people were killed in Ashby, police said.\n".encode("utf-8"),
     "utf-8", "Ashby"),
    ("utf-16-bom", "Five people were killed in S\u00e3o Tom\u00e9, police said.\n".encode("utf-16"),
     "utf-16", "S\u00e3o Tom\u00e9"),
]


@pytest.mark.parametrize("data,encoding,word", [c[1:] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_legacy_encodings_are_decoded_and_recorded(runner: CliRunner, tmp_path: Path, data: bytes,
                                                   encoding: str, word: str) -> None:
    (tmp_path / "old.txt").write_bytes(data)
    db = _db_file(tmp_path)
    result = runner.invoke(cli, ["--db", str(db), "ingest", "old.txt"])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    (enc, text), = con.execute("select encoding, text from documents").fetchall()
    con.close()
    assert enc == encoding
    assert word in text and not text.startswith("\ufeff")


def test_keep_going_stores_the_good_and_lists_the_bad(runner: CliRunner, tmp_path: Path) -> None:
    _loop(tmp_path)
    _w("good.txt", invented_article(5))(tmp_path)
    _w("bin.txt", b"\x00\x01binary")(tmp_path)
    _w("feed.jsonl", f"{GOOD_LINE}\nnot json\n")(tmp_path)
    _w("ok.jsonl", f"{GOOD_LINE}\n")(tmp_path)
    _w("empty.txt", b"")(tmp_path)
    db = _db_file(tmp_path)
    result = runner.invoke(cli, ["--db", str(db), "ingest", "--keep-going", "bin.txt", "feeds", "missing.txt",
                                 "feed.jsonl", "good.txt", "ok.jsonl", "empty.txt"],
                           env={"RECONCILE_MAX_FILE_BYTES": "100000"})
    _no_traceback(result)
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("reconcile: error: ")]
    assert sorted(e.split(": ")[2] for e in errors) == ["bin.txt", "feed.jsonl:2", "feeds/deep/back", "missing.txt"]
    assert "reconcile: warning: empty.txt" in result.stderr
    # the folder after its loop is read to the end
    assert set(_stored(db)) == {"feeds/a.txt", "feeds/z.txt", "good.txt", "ok.jsonl#1"}
    assert "4 documents" in result.stdout


# ---------------------------------------------------------------------------
# idempotence and versions

def _claims_json(runner: CliRunner, db: Path, *extra: str) -> list[dict]:
    result = runner.invoke(cli, ["--db", str(db), "claims", "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_same_content_again_changes_nothing(runner: CliRunner, tmp_path: Path, write_articles) -> None:
    write_articles(tmp_path / "news", 4, rivals=2)
    db = _db_file(tmp_path)
    first = runner.invoke(cli, ["--db", str(db), "ingest", "news"])
    assert first.exit_code == 0, first.output
    before = _claims_json(runner, db, "--all-versions")
    counts = _stored(db)
    again = runner.invoke(cli, ["--db", str(db), "ingest", "news", "news/000.txt"])
    assert again.exit_code == 0, again.output
    assert "6 documents (0 new, 0 new versions, 6 unchanged), 0 claims stored" in again.stdout
    assert _claims_json(runner, db, "--all-versions") == before
    assert _stored(db) == counts


def test_a_file_named_twice_is_read_once(runner: CliRunner, tmp_path: Path) -> None:
    _good(tmp_path)
    result = runner.invoke(cli, ["--db", str(_db_file(tmp_path)), "ingest", "good.txt", "./good.txt", "."])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 documents (1 new")


def test_changed_file_becomes_a_new_version(runner: CliRunner, tmp_path: Path) -> None:
    db = _db_file(tmp_path)
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    assert runner.invoke(cli, ["--db", str(db), "ingest", "a.txt"]).exit_code == 0
    old = _claims_json(runner, db)
    art.write_text(GOOD.replace("5 people were killed", "8 people were killed"), encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db), "ingest", "a.txt"])
    assert result.exit_code == 0, result.output
    assert "1 new versions" in result.stdout
    new = _claims_json(runner, db)
    every = _claims_json(runner, db, "--all-versions")
    assert {c["id"] for c in new}.isdisjoint(c["id"] for c in old)
    assert sorted(c["id"] for c in every) == sorted([c["id"] for c in old] + [c["id"] for c in new])
    assert [c["low"] for c in old if c["measure"] == "killed"] == [5]
    assert [c["low"] for c in new if c["measure"] == "killed"] == [8]
    con = sqlite3.connect(db)
    rows = con.execute("select id, superseded_by from documents order by id").fetchall()
    flags = Counter(con.execute("select document_id, current from claims").fetchall())
    con.close()
    (old_id, sup), (new_id, none) = rows
    assert sup == new_id and none is None
    assert {d for d, cur in flags if cur == 0} == {old_id} and {d for d, cur in flags if cur == 1} == {new_id}


def test_reverted_file_makes_its_first_claims_current_again(runner: CliRunner, tmp_path: Path) -> None:
    db = _db_file(tmp_path)
    art = tmp_path / "a.txt"
    art.write_text(GOOD, encoding="utf-8")
    runner.invoke(cli, ["--db", str(db), "ingest", "a.txt"])
    art.write_text(GOOD.replace("5 people were killed", "8 people were killed"), encoding="utf-8")
    runner.invoke(cli, ["--db", str(db), "ingest", "a.txt"])
    art.write_text(GOOD, encoding="utf-8")
    runner.invoke(cli, ["--db", str(db), "ingest", "a.txt"])
    assert [c["low"] for c in _claims_json(runner, db) if c["measure"] == "killed"] == [5]


# ---------------------------------------------------------------------------
# the claims filters: validated, never SQL built from strings

FILTERS = [
    ("bad-date", ["--since", "2026-13-45"], 2, "--since"),
    ("date-not-iso", ["--since", "yesterday"], 2, "--since"),
    ("measure-with-sql", ["--measure", "killed' OR '1'='1"], 2, "--measure"),
    ("measure-with-semicolon", ["--measure", "killed;drop table claims"], 2, "--measure"),
    ("claimant-with-quote-is-text", ["--claimant", "x' OR 1=1 --"], 0, ""),
    ("claimant-with-percent-is-literal", ["--claimant", "%"], 0, ""),
    ("claimant-underscore-is-literal", ["--claimant", "_"], 0, ""),
    ("event-with-quote-is-text", ["--event", "'; drop table claims; --"], 0, ""),
]


@pytest.mark.parametrize("args,code,needle", [c[1:] for c in FILTERS], ids=[c[0] for c in FILTERS])
def test_claims_filters_are_validated(runner: CliRunner, tmp_path: Path, args: list[str], code: int,
                                      needle: str) -> None:
    db = _db_file(tmp_path)
    _good(tmp_path)
    assert runner.invoke(cli, ["--db", str(db), "ingest", "good.txt"]).exit_code == 0
    result = runner.invoke(cli, ["--db", str(db), "claims", "--format", "json", *args])
    _no_traceback(result)
    assert result.exit_code == code, result.output
    assert needle in result.output
    if code == 0:
        assert json.loads(result.stdout) == []          # matched literally: nothing
    assert _stored(db) == {"good.txt": ("utf-8", 2)}    # and nothing dropped


def test_claims_filters_select(runner: CliRunner, tmp_path: Path, write_articles) -> None:
    db = _db_file(tmp_path)
    write_articles(tmp_path / "news", 3, rivals=1)
    assert runner.invoke(cli, ["--db", str(db), "ingest", "news"]).exit_code == 0
    every = _claims_json(runner, db)
    killed = _claims_json(runner, db, "--measure", "KILLED")
    assert killed and {c["measure"] for c in killed} == {"killed"}
    police = _claims_json(runner, db, "--claimant", "POLICE")
    assert police and all("police" in c["claimant"].lower() for c in police)
    dates = sorted({c["event_date"] for c in every if c["event_date"]})
    assert len(dates) >= 2, dates
    later = _claims_json(runner, db, "--since", dates[-1])
    assert later and len(later) < len(every)
    assert all((c["event_date"] or "") >= dates[-1] for c in later)
    assert _claims_json(runner, db, "--since", "2099-01-01") == []


# ---------------------------------------------------------------------------
# processes: kill -9 mid-ingest, two writers and a reader

def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECONCILE_")}
    env["PYTHONWARNINGS"] = "ignore"
    return env


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reconcile", *args], cwd=cwd, env=_env(), text=True,
                          capture_output=True, timeout=120)


_SYL = ("bar", "den", "fol", "gar", "hol", "kes", "lin", "mor", "nad", "pel", "rus", "tov")


def _long_article(i: int) -> str:
    """One storm in its own town: four claims, no rival figures (the engine stays quick)."""
    town = (_SYL[i % 12] + _SYL[(i // 12) % 12] + "ton").title()
    filler = f"Crews cleared roads in {town} and restored power to the district, the utility said. " * 25
    return (f"source: Harbor Times\ndate: 2026-05-{1 + i % 28:02d}\ntitle: Storm in {town}\n\n"
            f"A storm hit {town} on Sunday. {3 + i % 50} people were killed in the storm in {town}, police said.\n\n"
            f"At least {10 + i % 70} people were injured, the hospital director said.\n\n"
            f"Officials said {100 + i} families were displaced by the storm.\n\n"
            f"The army said {2 + i % 9} soldiers were missing after the storm in {town}.\n\n{filler}\n")


def _claim_set(cwd: Path, db: str) -> Counter:
    out = _run(["--db", db, "claims", "--format", "jsonl"], cwd)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return Counter((r["doc"], r["start"], r["end"], r["measure"], r["low"], r["high"]) for r in rows)


def _doc_count(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.05)
        try:
            return con.execute("select count(*) from documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_9_mid_ingest_leaves_whole_documents(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    for i in range(100):
        (news / f"{i:03d}.txt").write_text(_long_article(i), encoding="utf-8")
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-m", "reconcile", "--db", str(db), "ingest", "-q", "news"],
                            cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    try:
        while _doc_count(db) < 5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    stored_docs = _doc_count(db)
    assert 5 <= stored_docs < 100

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    per_doc = dict(con.execute(
        "select d.path, (select count(*) from claims c where c.document_id = d.id and c.origin = 'extract') "
        "from documents d").fetchall())
    con.close()
    extracted = _run(["extract", "--format", "jsonl", "news"], tmp_path)
    assert extracted.returncode == 0, extracted.stderr
    expected = Counter(json.loads(line)["doc"] for line in extracted.stdout.splitlines() if line.strip())
    assert per_doc == {p: expected[p] for p in per_doc}, "a stored document lacks some of its claims"

    again = _run(["--db", str(db), "ingest", "news"], tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"({100 - stored_docs} new, 0 new versions, {stored_docs} unchanged)" in again.stdout
    clean = _run(["--db", str(tmp_path / "clean.db"), "ingest", "-q", "news"], tmp_path)
    assert clean.returncode == 0, clean.stderr
    assert _claim_set(tmp_path, str(db)) == _claim_set(tmp_path, str(tmp_path / "clean.db"))


def test_two_writers_and_a_reader_on_one_sqlite_file(tmp_path: Path) -> None:
    for name, rng in (("one", range(0, 30)), ("two", range(20, 50))):
        (tmp_path / name).mkdir()
        for i in rng:   # 20..29 in both folders: the same content under two paths
            (tmp_path / name / f"{i:03d}.txt").write_text(_long_article(i), encoding="utf-8")
    db = tmp_path / "shared.db"
    _run(["--db", str(db), "db", "upgrade"], tmp_path)   # a fresh file is migrated once, by one process
    writers = [subprocess.Popen([sys.executable, "-m", "reconcile", "--db", str(db), "ingest", name],
                                cwd=tmp_path, env=_env(), text=True, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE) for name in ("one", "two")]
    reads = 0
    try:
        while any(w.poll() is None for w in writers):
            r = _run(["--db", str(db), "claims", "--format", "jsonl"], tmp_path)
            assert r.returncode == 0, r.stderr
            reads += 1
    finally:
        outs = [w.communicate(timeout=120) for w in writers]
    for w, (out, err) in zip(writers, outs):
        assert w.returncode == 0, err
    assert reads >= 1
    con = sqlite3.connect(db)
    shas = [r[0] for r in con.execute("select sha256 from documents")]
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()
    assert len(shas) == len(set(shas)) == 50
    assert sum(_claim_set(tmp_path, str(db)).values()) == 50 * 4
