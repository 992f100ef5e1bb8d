"""The command line, through click's CliRunner: help, documentation, exit codes, contracts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reconcile.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED = ROOT / "seeds" / "000_dc6f63dc215eac7b.txt"


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
    return out


COMMANDS = _commands(cli)


@pytest.mark.parametrize("name,cmd", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name: str, cmd: click.Command) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    assert (cmd.help or "").strip(), f"{name} has no help text"


@pytest.mark.parametrize("name", [n for n, _ in COMMANDS], ids=[n for n, _ in COMMANDS])
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"reconcile {name}" in README or f"`{name}`" in README


def test_readme_opens_with_exactly_two_commands() -> None:
    blocks = README.split("```")
    first, second = blocks[1], blocks[3]
    assert "reconcile ingest seeds/" in first and "reconcile report" in first
    assert "pytest" in second
    assert README.split("```")[0].strip().startswith("# reconcile")


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RECONCILE_DB", raising=False)
    return CliRunner()


def _db(tmp_path: Path) -> list[str]:
    return ["--db", f"sqlite:///{tmp_path / 'test.db'}"]


def test_extract_jsonl_follows_the_contract(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", "--format", "jsonl", str(SEED)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    text = SEED.read_text(encoding="utf-8")
    assert rows, "no claims in the seed"
    for row in rows:
        assert {"doc", "start", "end", "text", "measure", "low", "high", "claimant", "stance"} <= row.keys()
        assert row["doc"] == str(SEED)
        assert text[row["start"]:row["end"]] == row["text"]
    killed = [(r["low"], r["high"]) for r in rows if r["measure"] == "killed"]
    assert (100, 120) in killed and (32, 32) in killed and (0, 0) in killed


def test_ingest_then_report_shows_the_seed_figures(runner: CliRunner, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    result = runner.invoke(cli, ["ingest", "seeds/"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "reconcile.db").exists()
    result = runner.invoke(cli, ["report", "--all"])
    assert result.exit_code == 0, result.output
    assert "100" in result.output and "120" in result.output


def test_report_json_contract(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, [*_db(tmp_path), "ingest", str(SEED)]).exit_code == 0
    result = runner.invoke(cli, [*_db(tmp_path), "report", "--all", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    qs = data["quantities"] if isinstance(data, dict) else data
    assert qs
    for q in qs:
        assert {"measure", "low", "high", "best", "status", "claims"} <= q.keys()
        for c in q["claims"]:
            assert {"doc", "start", "end"} <= c.keys()


def test_contradictions_jsonl_contract_on_the_seed(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(cli, [*_db(tmp_path), "ingest", str(SEED)]).exit_code == 0
    result = runner.invoke(cli, [*_db(tmp_path), "contradictions", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    for row in rows:
        assert row["kind"] in {"disjoint", "denial", "self", "revision", "update", "exceeds-total"}
        for side in ("a", "b"):
            assert {"doc", "start", "end", "measure", "low", "high", "claimant"} <= row[side].keys()
    # "at least two fired" against "no anti-aircraft missiles went up"
    fired = [r for r in rows if r["a"]["measure"] == r["b"]["measure"] == "fired"]
    assert any({r["a"]["low"], r["b"]["low"]} == {0, 2} for r in fired)
    # 32 Cuban agents are part of the dead, not a rival figure
    assert not any({(r["a"]["low"], r["a"]["high"]), (r["b"]["low"], r["b"]["high"])} == {(32, 32), (100, 120)}
                   for r in rows)


EXIT_CASES = [
    ("missing-path", ["ingest", "no/such/file.txt"], 3, "no/such/file.txt"),
    ("bad-format", ["extract", "--format", "yaml", "x.txt"], 2, "yaml"),
    ("unknown-claim", ["explain", "999999"], 2, "999999"),
    ("bad-measure-filter", ["claims", "--measure", "k!lled"], 2, "measure"),
    ("missing-argument", ["ingest"], 2, "PATHS"),
    ("unwritable-output", ["report", "-o", "no/such/dir/r.html"], 2, "no/such/dir/r.html: cannot write"),
]


@pytest.mark.parametrize("args,code,needle", [c[1:] for c in EXIT_CASES], ids=[c[0] for c in EXIT_CASES])
def test_exit_codes(runner: CliRunner, tmp_path: Path, args: list[str], code: int, needle: str) -> None:
    result = runner.invoke(cli, [*_db(tmp_path), *args])
    assert result.exit_code == code, result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_unusable_db_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "missing" / "dir" / "x.db"), "ingest", str(SEED)])
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output


def test_bad_config_exits_5(runner: CliRunner, tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[engine]\nevent_window_days = 'three'\n", encoding="utf-8")
    result = runner.invoke(cli, ["--config", str(cfg), "config"])
    assert result.exit_code == 5, result.output
    assert "event_window_days" in result.output


def test_config_shows_where_each_value_comes_from(runner: CliRunner, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "config.toml").write_text("[engine]\nevent_window_days = 5\n", encoding="utf-8")
    monkeypatch.setenv("RECONCILE_DB", "env.db")
    result = runner.invoke(cli, ["config", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["key"]: r for r in json.loads(result.output)}
    assert rows["db"]["value"] == "sqlite:///env.db" and rows["db"]["from"] == "env RECONCILE_DB"
    assert rows["event_window_days"]["value"] == 5 and rows["event_window_days"]["from"].startswith("file")
    result = runner.invoke(cli, ["--db", "cli.db", "config", "--format", "json"])
    rows = {r["key"]: r for r in json.loads(result.output)}
    assert rows["db"]["value"] == "sqlite:///cli.db" and rows["db"]["from"] == "command line"


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


STORED = """source: Daily Example
date: 2025-03-10

BRIDGETOWN -- A gunman opened fire at a wedding party in Bridgetown on Sunday, killing five people
and wounding eight, police said.
"""
AGREES = """source: Evening Example
date: 2025-03-10

BRIDGETOWN -- Five people were killed and eight wounded when a gunman opened fire at a wedding party
in Bridgetown on Sunday, police said.
"""
DISAGREES = """source: Morning Example
date: 2025-03-10

BRIDGETOWN -- Nine people were killed when a gunman opened fire at a wedding party in Bridgetown on
Sunday, a hospital official said.
"""


@pytest.mark.parametrize("fmt", ["table", "json", "github", "markdown"])
def test_check_exit_codes(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    db = _db(tmp_path)
    assert runner.invoke(cli, [*db, "ingest", _write(tmp_path / "stored.txt", STORED)]).exit_code == 0
    ok = runner.invoke(cli, [*db, "check", "--format", fmt, _write(tmp_path / "agrees.txt", AGREES)])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(cli, [*db, "check", "--format", fmt, _write(tmp_path / "disagrees.txt", DISAGREES)])
    assert bad.exit_code == 1, bad.output
    if fmt == "github":
        assert "::error file=" in bad.output and "disagrees.txt" in bad.output and "line=4" in bad.output
    # check does not store unless --ingest
    claims = runner.invoke(cli, [*db, "claims", "--format", "jsonl"])
    assert "disagrees.txt" not in claims.output


def test_check_ingest_stores(runner: CliRunner, tmp_path: Path) -> None:
    db = _db(tmp_path)
    path = _write(tmp_path / "agrees.txt", AGREES)
    assert runner.invoke(cli, [*db, "check", "--allow-empty", "--ingest", path]).exit_code == 0
    claims = runner.invoke(cli, [*db, "claims", "--format", "jsonl"])
    assert "agrees.txt" in claims.output


def test_explain_marks_the_figure_and_lists_rules(runner: CliRunner, tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert runner.invoke(cli, [*db, "ingest", str(SEED)]).exit_code == 0
    rows = [json.loads(x) for x in runner.invoke(cli, [*db, "claims", "--format", "jsonl"]).output.splitlines()]
    target = next(r for r in rows if r["low"] == 100 and r["high"] == 120)
    result = runner.invoke(cli, [*db, "explain", str(target["id"])])
    assert result.exit_code == 0, result.output
    assert "[[between 100 and 120]]" in result.output
    assert "measure." in result.output and "rules:" in result.output


def test_claims_filters(runner: CliRunner, tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert runner.invoke(cli, [*db, "ingest", str(SEED)]).exit_code == 0
    rows = [json.loads(x) for x in
            runner.invoke(cli, [*db, "claims", "--measure", "killed", "--format", "jsonl"]).output.splitlines()]
    assert rows and all(r["measure"] == "killed" for r in rows)


def test_ingest_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, [*_db(tmp_path), "ingest", "-"], input=STORED)
    assert result.exit_code == 0, result.output
    rows = runner.invoke(cli, [*_db(tmp_path), "claims", "--format", "jsonl"]).output.splitlines()
    docs = {json.loads(r)["doc"] for r in rows}
    assert docs and all(d.startswith("stdin-") for d in docs)


def test_standard_input_documents_keep_their_own_identity(runner: CliRunner, tmp_path: Path) -> None:
    other = "Officials said 4 people were wounded in a blast on Tuesday.\n"
    for text in (STORED, other):
        assert runner.invoke(cli, [*_db(tmp_path), "ingest", "-"], input=text).exit_code == 0
    assert runner.invoke(cli, [*_db(tmp_path), "ingest", "--name", "wire/a.txt", "-"],
                         input=other.replace("4", "6")).exit_code == 0
    rows = [json.loads(r) for r in runner.invoke(cli, [*_db(tmp_path), "claims", "--format", "jsonl"]).output.splitlines()]
    docs = {r["doc"] for r in rows}
    assert len([d for d in docs if d.startswith("stdin-")]) == 2 and "wire/a.txt" in docs


def test_db_commands(runner: CliRunner, tmp_path: Path) -> None:
    db = _db(tmp_path)
    assert runner.invoke(cli, [*db, "db", "upgrade"]).exit_code == 0
    head = runner.invoke(cli, [*db, "db", "current"]).output.strip()
    assert head and head != "base (empty)"
    assert runner.invoke(cli, [*db, "db", "downgrade", "--yes", "base"]).exit_code == 0
    assert runner.invoke(cli, [*db, "db", "current"]).output.strip() == "base (empty)"


def test_ingest_with_jobs_stores_what_one_process_stores(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, text in enumerate([STORED, AGREES, DISAGREES] * 3):
        (folder / f"{i:02}.txt").write_text(text.replace("2025-03-10", f"2025-03-{10 + i:02}"), encoding="utf-8")
    one = ["--db", f"sqlite:///{tmp_path / 'one.db'}"]
    two = ["--db", f"sqlite:///{tmp_path / 'two.db'}"]
    assert runner.invoke(cli, [*one, "ingest", str(folder)]).exit_code == 0
    assert runner.invoke(cli, [*two, "ingest", "--jobs", "2", str(folder)]).exit_code == 0

    def rows(db: list[str]) -> list[tuple]:
        out = runner.invoke(cli, [*db, "claims", "--format", "jsonl"]).output.splitlines()
        return sorted((r["doc"], r["start"], r["measure"], r["low"], r["high"]) for r in map(json.loads, out))

    assert rows(one) == rows(two) and rows(one)


USAGE_CASES = [
    ("bad-date", ["claims", "--since", "2025-13-01"], "--since"),
    ("unknown-command", ["nosuch"], "nosuch"),
    ("missing-argument", ["extract"], "PATHS"),
]


@pytest.mark.parametrize("args,needle", [c[1:] for c in USAGE_CASES], ids=[c[0] for c in USAGE_CASES])
def test_usage_errors_are_one_line_from_the_console_script(tmp_path: Path, args: list[str], needle: str) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "reconcile", "--db", f"sqlite:///{tmp_path / 'x.db'}", *args],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("reconcile: error:") and needle in lines[0], proc.stderr


@pytest.mark.parametrize("command", [["claims"], ["contradictions"], ["groups"]], ids=["claims", "contradictions", "groups"])
def test_empty_csv_still_has_its_header(runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(cli, [*_db(tmp_path), *command, "--format", "csv"])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0].split(",")
    assert len(header) >= 5


@pytest.mark.parametrize("direction", ["upgrade", "downgrade"])
def test_unknown_revision_is_a_usage_error(runner: CliRunner, tmp_path: Path, direction: str) -> None:
    result = runner.invoke(cli, [*_db(tmp_path), "db", direction, "nonsense"])
    assert result.exit_code == 2, result.output
    assert "nonsense" in result.output


@pytest.mark.parametrize("n", [0, 1, 511, 512, 513, 1025], ids=lambda n: f"{n}-rows")
def test_jsonl_rows_are_written_one_per_line_across_batches(n: int, capsys: pytest.CaptureFixture[str]) -> None:
    from reconcile.cli import _emit_rows

    rows = [{"kind": "disjoint", "quantity": f"q{i}", "text": "né à Paris"} for i in range(n)]
    _emit_rows(rows, "jsonl", "contradiction")
    out = capsys.readouterr().out
    assert out.splitlines() == [json.dumps(r, ensure_ascii=False) for r in rows]
    assert out == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
