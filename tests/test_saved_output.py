"""Read commands use the engine output the last ingest saved, while its inputs are unchanged.

``ingest`` saves events, quantities and contradictions with a fingerprint of
what they were computed from (current claims, engine options, version).
``report``, ``contradictions``, ``groups`` and ``explain`` read that output
instead of reconciling every stored claim again; a new document, other
engine options or ``--recompute`` make them reconcile again.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import cli

READ_COMMANDS = [
    pytest.param(["contradictions", "--format", "json"], id="contradictions-json"),
    pytest.param(["contradictions", "--format", "table"], id="contradictions-table"),
    pytest.param(["report", "--all", "--format", "json"], id="report-json"),
    pytest.param(["report", "--format", "markdown"], id="report-markdown"),
    pytest.param(["report", "--format", "html"], id="report-html"),
    pytest.param(["report", "--all", "--format", "html"], id="report-all-html"),
    pytest.param(["report"], id="report-table"),
    pytest.param(["report", "--all", "--format", "csv"], id="report-all-csv"),
    pytest.param(["groups"], id="groups-table"),
    pytest.param(["groups", "--format", "json"], id="groups-json"),
]


@pytest.fixture()
def store(tmp_path: Path, write_articles, monkeypatch: pytest.MonkeyPatch) -> list[str]:  # type: ignore[no-untyped-def]
    """A store with 6 invented events, 3 of them reported twice with other figures."""
    monkeypatch.chdir(tmp_path)
    for var in ("RECONCILE_DB", "RECONCILE_EVENT_WINDOW_DAYS", "RECONCILE_UNDATED_JOINS"):
        monkeypatch.delenv(var, raising=False)
    paths = write_articles(tmp_path / "news", 6, rivals=3)
    db = ["--db", f"sqlite:///{tmp_path / 'saved.db'}"]
    result = CliRunner().invoke(cli, [*db, "ingest", "--quiet", *map(str, paths)])
    assert result.exit_code == 0, result.output
    return db


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result.output


def _tamper(db: list[str], explanation: str) -> None:
    """Change the saved output behind the engine's back (a reader of it will show this)."""
    path = db[1].removeprefix("sqlite:///")
    with sqlite3.connect(path) as con:
        n = con.execute("UPDATE contradictions SET explanation = ?", (explanation,)).rowcount
    assert n > 0, "the invented store has no contradiction to tamper with"


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_saved_output_reads_as_a_fresh_reconcile(store: list[str], args: list[str]) -> None:
    assert _run([*store, *args]) == _run([*store, *args, "--recompute"])


def test_contradictions_come_from_the_saved_tables(store: list[str]) -> None:
    _tamper(store, "SAVED-OUTPUT")
    saved = json.loads(_run([*store, "contradictions", "--format", "json"]))
    fresh = json.loads(_run([*store, "contradictions", "--format", "json", "--recompute"]))
    assert saved and {x["explanation"] for x in saved} == {"SAVED-OUTPUT"}
    assert "SAVED-OUTPUT" not in {x["explanation"] for x in fresh}
    assert [(x["a"]["id"], x["b"]["id"], x["kind"]) for x in saved] == \
        [(x["a"]["id"], x["b"]["id"], x["kind"]) for x in fresh]


def test_other_engine_options_reconcile_again(store: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _tamper(store, "SAVED-OUTPUT")
    monkeypatch.setenv("RECONCILE_EVENT_WINDOW_DAYS", "5")
    out = _run([*store, "contradictions", "--format", "json"])
    assert "SAVED-OUTPUT" not in out


def test_a_new_document_makes_the_saved_output_stale_until_ingest(store: list[str], tmp_path: Path,
                                                                  write_articles) -> None:  # type: ignore[no-untyped-def]
    # a rival report of event 3 (11 April): every stored event lies within the reach of its date
    # or of the events after it, so the whole saved output is computed again
    extra = tmp_path / "more" / "003r.txt"
    write_articles(tmp_path / "more", 4, rivals=4)
    _tamper(store, "SAVED-OUTPUT")
    # ``check --ingest`` stores the document and saves a new output with its fingerprint
    result = CliRunner().invoke(cli, [*store, "check", "--ingest", str(extra)])
    assert result.exit_code in (0, 1), result.output
    out = _run([*store, "contradictions", "--format", "json"])
    assert "SAVED-OUTPUT" not in out
    _tamper(store, "SAVED-AGAIN")
    assert "SAVED-AGAIN" in _run([*store, "contradictions", "--format", "json"])


def test_ingest_of_nothing_new_keeps_the_saved_output(store: list[str], tmp_path: Path) -> None:
    _tamper(store, "SAVED-OUTPUT")
    _run([*store, "ingest", "--quiet", str(tmp_path / "news")])
    assert "SAVED-OUTPUT" in _run([*store, "contradictions", "--format", "json"])


def test_explain_reads_the_saved_output(store: list[str]) -> None:
    _tamper(store, "SAVED-OUTPUT")
    pairs = json.loads(_run([*store, "contradictions", "--format", "json"]))
    claim_id = pairs[0]["a"]["id"]
    saved = json.loads(_run([*store, "explain", str(claim_id), "--format", "json"]))
    fresh = json.loads(_run([*store, "explain", str(claim_id), "--format", "json", "--recompute"]))
    assert saved["quantity"] == fresh["quantity"]
    assert "SAVED-OUTPUT" in json.dumps(saved) and "SAVED-OUTPUT" not in json.dumps(fresh)


FILTERED = [
    pytest.param(["contradictions", "--format", "json", "--measure", "killed"], id="contradictions-measure"),
    pytest.param(["contradictions", "--format", "json", "--measure", "KILLED"], id="contradictions-measure-case"),
    pytest.param(["contradictions", "--format", "json", "--since", "2026-04-05"], id="contradictions-since"),
    pytest.param(["report", "--all", "--format", "json", "--measure", "wounded"], id="report-measure"),
    pytest.param(["report", "--all", "--format", "json", "--since", "2026-04-05"], id="report-since"),
    pytest.param(["groups", "--format", "json", "--measure", "killed", "--since", "2026-04-01"], id="groups-both"),
]


def _keys(out: str) -> list[str]:
    data = json.loads(out)
    rows = data["quantities"] if isinstance(data, dict) else data
    return [r.get("quantity") or r["key"] for r in rows]


@pytest.mark.parametrize("args", FILTERED)
def test_filters_read_the_same_from_saved_output_and_a_fresh_reconcile(store: list[str], args: list[str]) -> None:
    saved = _run([*store, *args])
    assert saved == _run([*store, *args, "--recompute"])
    everything = _keys(_run([*store, *[a for a in args[:3] if not a.startswith("--measure")][:1], "--format", "json",
                                *(["--all"] if args[0] == "report" else [])]))
    kept = _keys(saved)
    assert kept and set(kept) < set(everything), "a filter keeps some rows and drops others"


def test_filter_rows_match_what_was_asked(store: list[str]) -> None:
    rows = json.loads(_run([*store, "contradictions", "--format", "json", "--measure", "wounded",
                            "--since", "2026-04-05"]))
    assert rows
    for x in rows:
        event, measure, _scope = x["quantity"].rsplit("|", 2)
        assert measure == "wounded" and event[:10] >= "2026-04-05"


def test_event_filter_takes_a_key_from_groups(store: list[str]) -> None:
    groups = json.loads(_run([*store, "groups", "--format", "json"]))
    event = groups[0]["key"].rsplit("|", 2)[0]
    got = json.loads(_run([*store, "groups", "--format", "json", "--event", event]))
    assert got and {q["key"].rsplit("|", 2)[0] for q in got} == {event}
    assert got == json.loads(_run([*store, "groups", "--format", "json", "--event", event, "--recompute"]))


@pytest.mark.parametrize("kind,some", [("update", True), ("denial", False)])
def test_kind_filter(store: list[str], kind: str, some: bool) -> None:
    args = [*store, "contradictions", "--format", "json", "--kind", kind]
    rows = json.loads(_run(args))
    assert bool(rows) is some and all(x["kind"] == kind for x in rows)
    assert rows == json.loads(_run([*args, "--recompute"]))


def test_bad_measure_filter_is_a_usage_error(store: list[str]) -> None:
    result = CliRunner().invoke(cli, [*store, "contradictions", "--measure", "killed' OR 1=1"])
    assert result.exit_code == 2 and "--measure" in result.output
