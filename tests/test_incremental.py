"""Ingest reconciles again only what new documents can change (``engine.replay``).

The saved output after an incremental save must be exactly what reconciling
every stored claim gives: the read commands print the same bytes with and
without ``--recompute`` after every batch, whether the batch took the
incremental path or (superseded documents, undated claims) the full one.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconcile import api
from reconcile.cli import cli
from reconcile.engine.replay import DocSpan, doc_spans, plan_replay, reach_days

D = dt.date


def _span(doc: str, first: str | None, last: str | None = None, undated: bool = False) -> DocSpan:
    return DocSpan(doc, D.fromisoformat(first) if first else None,
                   D.fromisoformat(last or first) if (last or first) else None, undated)


# (id, spans, links (doc, event), new claims' dates, expected documents to redo, or None)
PLANS = [
    ("recent-news-touches-recent-blocks-only",
     [_span("a", "2026-01-01"), _span("b", "2026-03-01"), _span("c", "2026-03-20")],
     [("a", 1), ("b", 2), ("c", 3)], "2026-03-25", {"c"}),
    ("a-block-straddling-the-cut-moves-it-back",
     [_span("a", "2026-01-01"), _span("b", "2026-03-10", "2026-03-12"), _span("c", "2026-03-16")],
     [("a", 1), ("b", 2), ("c", 2)], "2026-03-25", {"b", "c"}),
    ("documents-sharing-an-event-form-one-block",
     [_span("a", "2026-02-01"), _span("b", "2026-03-20")],
     [("a", 1), ("b", 1)], "2026-03-25", {"a", "b"}),
    ("a-chain-of-blocks-moves-the-cut-twice",
     [_span("a", "2026-01-01", "2026-02-20"), _span("b", "2026-02-25", "2026-03-18"), _span("c", "2026-03-01")],
     [("a", 1), ("b", 2), ("c", 3)], "2026-03-25", {"b", "c"}),
    ("news-about-an-old-event-redoes-what-follows-within-reach",
     [_span("a", "2025-06-01"), _span("b", "2026-01-10"), _span("c", "2026-01-18")],
     [("a", 1), ("b", 2), ("c", 3)], "2026-01-12", {"b", "c"}),
    ("a-quiet-month-ends-what-an-old-report-can-change",
     [_span("a", "2026-01-05"), _span("b", "2026-01-12"), _span("c", "2026-03-20")],
     [("a", 1), ("b", 2), ("c", 3)], "2026-01-13", {"a", "b"}),
    ("an-old-date-no-stored-claim-comes-near-redoes-nothing-there",
     [_span("a", "2026-01-01"), _span("b", "2026-03-01"), _span("c", "2026-03-20")],
     [("a", 1), ("b", 2), ("c", 3)], "1966-08-01 2026-03-25", {"c"}),
    ("a-new-date-near-an-old-block",
     [_span("a", "2026-01-01"), _span("b", "2026-03-01"), _span("c", "2026-03-20")],
     [("a", 1), ("b", 2), ("c", 3)], "2026-01-05 2026-03-25", {"a", "c"}),
    ("undated-documents-stay-as-they-are",
     [_span("u", None, None, True), _span("c", "2026-03-20")],
     [("u", 9), ("c", 3)], "2026-03-25", {"c"}),
    ("an-undated-claim-in-a-block-to-redo-means-no-plan",
     [_span("a", "2026-01-01"), _span("c", "2026-03-20", undated=True)],
     [("a", 1), ("c", 3)], "2026-03-25", None),
    ("an-undated-claim-in-an-old-block-is-left-alone",
     [_span("a", "2026-01-01", undated=True), _span("c", "2026-03-20")],
     [("a", 1), ("c", 3)], "2026-03-25", {"c"}),
    ("nothing-stored-within-reach-redoes-nothing",
     [_span("a", "2026-01-01")], [("a", 1)], "2026-03-25", set()),
    ("an-empty-store", [], [], "2026-03-25", set()),
]


@pytest.mark.parametrize("spans, links, new_dates, expected", [p[1:] for p in PLANS], ids=[p[0] for p in PLANS])
def test_plan_replay(spans, links, new_dates, expected) -> None:  # type: ignore[no-untyped-def]
    got = plan_replay(spans, links, [D.fromisoformat(d) for d in new_dates.split()], window_days=3)
    if expected is None:
        assert got is None
    else:
        assert got is not None and set(got.docs) == expected
        assert set(got.events) == {e for d, e in links if d in expected}


def test_doc_spans_from_dates() -> None:
    pairs = [("a", D(2026, 1, 3)), ("a", D(2026, 1, 1)), ("a", None), ("b", D(2026, 2, 1))]
    assert doc_spans(pairs) == [DocSpan("a", D(2026, 1, 1), D(2026, 1, 3), True),
                                DocSpan("b", D(2026, 2, 1), D(2026, 2, 1), False)]


def test_reach_is_the_window_and_the_publication_lag() -> None:
    assert reach_days(3) == 10 and reach_days(5) == 12


# ---------------------------------------------------------------------------
# the whole path: batches of invented reports (never corpus text)

_TOWNS = ("Ashgrove", "Belmont Falls", "Carrow", "Dunhallow", "Elmstead", "Farrowby")
_KINDS = ("flood", "car bombing", "fire", "landslide")
_VOICES = ("police said", "the health ministry said", "officials said", "a rescue group said")


def _report(e: int, kind: str = "first", *, lag: int = 1, dated: bool = True, extra: int = 0) -> str:
    """A report of invented event ``e`` (every 9 days from 5 January 2026, six towns)."""
    day = D(2026, 1, 5) + dt.timedelta(days=9 * e)
    town, what = _TOWNS[e % len(_TOWNS)], _KINDS[e % len(_KINDS)]
    rival = kind != "first"
    killed = 4 + (e * 5) % 17 + (6 if rival else 0) + extra
    wounded = 12 + (e * 7) % 30 + (9 if rival else 0)
    voice = _VOICES[(e + rival) % len(_VOICES)]
    head = f"source: {'Valley Post' if rival else 'Harbor Times'}\n"
    if dated:
        head += f"date: {(day + dt.timedelta(days=lag)).isoformat()}\n"
        when = f"on {day:%B} {day.day}"
    else:
        when = "this week"
    return (f"{head}title: {what.title()} in {town}\n\n"
            f"A {what} struck {town} {when}. {killed} people were killed and {wounded} were wounded "
            f"in the {what} in {town}, {voice}.\n\n"
            f"Rescue teams searched the area through the night, residents of {town} said.\n")


# (batch id, files written: name -> text, whether the save may take the incremental path)
BATCHES = [
    ("first-reports", {f"e{e:02d}a.txt": _report(e) for e in range(8)}, False),
    ("rivals-of-recent-events", {"e06b.txt": _report(6, "rival", lag=2), "e07b.txt": _report(7, "rival", lag=2),
                                 "e08a.txt": _report(8), "e09a.txt": _report(9)}, True),
    ("a-late-report-of-an-old-event", {"e01c.txt": _report(1, "rival", lag=6)}, True),
    ("more-recent-news", {"e10a.txt": _report(10), "e10b.txt": _report(10, "rival", lag=3),
                          "e11a.txt": _report(11)}, True),
    ("a-new-version-of-a-stored-file", {"e09a.txt": _report(9, extra=3)}, False),
    ("an-undated-report", {"u01.txt": _report(11, "rival", dated=False)}, False),
    ("recent-news-after-a-full-save", {"e12a.txt": _report(12), "e12b.txt": _report(12, "rival", lag=2)}, True),
]

_READS = (["contradictions", "--format", "json"], ["report", "--all", "--format", "json"],
          ["groups", "--format", "json"], ["report", "--format", "csv"])


def _run(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_batches_saved_incrementally_read_as_a_fresh_reconcile(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("RECONCILE_DB", "RECONCILE_EVENT_WINDOW_DAYS", "RECONCILE_UNDATED_JOINS"):
        monkeypatch.delenv(var, raising=False)
    db = ["--db", f"sqlite:///{tmp_path / 'inc.db'}"]
    plans: list[bool] = []
    real_plan = api._replay_plan
    monkeypatch.setattr(api, "_replay_plan", lambda *a, **k: plans.append(bool(got := real_plan(*a, **k))) or got)
    news = tmp_path / "news"
    news.mkdir()
    contradictions = 0
    for batch, files, incremental in BATCHES:
        for name, text in files.items():
            (news / name).write_text(text, encoding="utf-8")
        plans.clear()
        result = CliRunner().invoke(cli, [*db, "ingest", "--quiet", *(str(news / n) for n in files)])
        assert result.exit_code == 0, result.output
        assert plans == [incremental], batch
        for args in _READS:
            assert _run([*db, *args]) == _run([*db, *args, "--recompute"]), (batch, args)
        contradictions = len(_run([*db, "contradictions", "--format", "jsonl"]).splitlines())
    assert contradictions >= 4     # the invented reports do disagree


# (id, files to check against the store of the first four batches, whether only part of the
# store is read, whether they contradict it: an undated report meets no dated event)
CHECKS = [
    ("a-rival-of-a-recent-event", {"x11b.txt": _report(11, "rival", lag=2)}, True, True),
    ("a-rival-of-an-old-event", {"x02b.txt": _report(2, "rival", lag=4)}, True, True),
    ("an-undated-rival", {"x10u.txt": _report(10, "rival", dated=False)}, False, False),
]


@pytest.mark.parametrize("files, narrowed, disagrees", [c[1:] for c in CHECKS], ids=[c[0] for c in CHECKS])
def test_check_reads_only_the_events_new_files_can_reach(files: dict[str, str], narrowed: bool, disagrees: bool,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("RECONCILE_DB", "RECONCILE_EVENT_WINDOW_DAYS", "RECONCILE_UNDATED_JOINS"):
        monkeypatch.delenv(var, raising=False)
    db = ["--db", f"sqlite:///{tmp_path / 'chk.db'}"]
    news = tmp_path / "news"
    news.mkdir()
    for _batch, batch_files, _inc in BATCHES[:4]:
        for name, text in batch_files.items():
            (news / name).write_text(text, encoding="utf-8")
        assert CliRunner().invoke(cli, [*db, "ingest", "--quiet", *(str(news / n) for n in batch_files)]).exit_code == 0
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [*db, "check", "--format", "json", *(str(tmp_path / n) for n in files)]
    plans: list[bool] = []
    real_replay = api._replay
    monkeypatch.setattr(api, "_replay", lambda *a, **k: plans.append(bool(got := real_replay(*a, **k))) or got)
    narrow = _run(args)
    assert any(plans) == narrowed
    monkeypatch.setattr(api, "_replay", lambda *a, **k: None)
    assert narrow == _run(args)
    assert ('"kind"' in narrow) == disagrees
