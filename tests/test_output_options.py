"""One output path (issue 17): every listing command in every row format, ``--no-headers``,
``--all`` honoured by every format, and tables that fit the terminal's width without
breaking short words such as dates.  Articles invented for these tests."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile.cli import TABLE_FORMATS, cli

ARTICLES = {
    "a.txt": """source: Lakeside Observer
date: 2031-05-11
url: https://observer.example/ferry

Coast guard officials said 14 passengers were killed when a ferry capsized near Port Amsel on Saturday.
Eleven people were rescued, the officials said.
""",
    "b.txt": """source: Harbor Bulletin
date: 2031-05-12

The provincial governor said 19 passengers were killed when the ferry capsized near Port Amsel on Saturday.
""",
}

LISTINGS = ["claims", "report", "groups", "contradictions"]
#: the first column of each listing's header row (how --no-headers is seen)
FIRST_COLUMN = {"claims": "id", "report": "event", "groups": "event", "contradictions": "kind"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("store")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    db = ["--db", f"sqlite:///{root / 'out.db'}"]
    result = CliRunner().invoke(cli, [*db, "ingest", str(root / "a.txt"), str(root / "b.txt")])
    assert result.exit_code == 0, result.output
    return db


def _run(store: list[str], *args: str, columns: int | None = None) -> str:
    env = {"COLUMNS": str(columns)} if columns else {"COLUMNS": ""}
    result = CliRunner().invoke(cli, [*store, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def _parse(fmt: str, text: str) -> list:
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    if fmt in ("csv", "tsv"):
        return list(csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    return text.splitlines()


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_command_has_every_row_format(store: list[str], command: str, fmt: str) -> None:
    rows = _parse(fmt, _run(store, command, "--format", fmt))
    assert rows, f"{command} --format {fmt} printed nothing"
    if fmt in ("csv", "tsv"):
        assert rows[0][0] == FIRST_COLUMN[command] and len({len(r) for r in rows}) == 1


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "markdown"])
@pytest.mark.parametrize("command", LISTINGS)
def test_no_headers_leaves_out_the_header_row(store: list[str], command: str, fmt: str) -> None:
    with_head = _run(store, command, "--format", fmt).splitlines()
    without = _run(store, command, "--format", fmt, "--no-headers").splitlines()
    # the markdown report is a document: its per-quantity tables start with "| claimant"
    first = "claimant" if (command, fmt) == ("report", "markdown") else FIRST_COLUMN[command]
    header = re.compile(rf"^\|?\s*{first}\b")
    assert any(header.match(line) for line in with_head) and not any(header.match(line) for line in without)
    assert not any(line.startswith("|--") for line in without)
    if fmt in ("csv", "tsv"):
        assert without == with_head[1:]


@pytest.mark.parametrize("fmt", [*TABLE_FORMATS, "html"])
def test_report_all_is_honoured_by_every_format(store: list[str], fmt: str) -> None:
    # the consistent quantity (the 11 rescued) appears only with --all
    assert "rescued" not in _run(store, "report", "--format", fmt)
    assert "rescued" in _run(store, "report", "--all", "--format", fmt)


FITS = [("report", 100), ("report", 140), ("groups", 100), ("groups", 140),
        ("contradictions", 80), ("contradictions", 100), ("claims", 140)]


@pytest.mark.parametrize("command,width", FITS, ids=[f"{c}-{w}" for c, w in FITS])
def test_tables_fit_the_terminal(store: list[str], command: str, width: int) -> None:
    lines = _run(store, command, columns=width).splitlines()
    assert lines and max(map(len, lines)) <= width, "\n".join(lines)


@pytest.mark.parametrize("width", [80, 100, 140])
def test_a_wrapped_table_keeps_dates_and_words_whole(store: list[str], width: int) -> None:
    text = _run(store, "report", "--all", columns=width)
    words = set(re.findall(r"\S+", _run(store, "report", "--all")))   # the unwrapped table's words
    assert "2031-05-11)" in words
    assert set(re.findall(r"\S+", text)) <= words | {"-" * n for n in range(200)}


def test_a_table_not_on_a_terminal_is_not_wrapped(store: list[str]) -> None:
    lines = _run(store, "report", "--all").splitlines()
    assert max(map(len, lines)) > 100          # piped output keeps whole rows for grep and cut
