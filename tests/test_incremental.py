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
from reconcile.engine.replay import Stored, base_label, plan_replay, reach_days

D = dt.date


def _dates(**docs: str) -> list[tuple[str, dt.date | None]]:
    """(document, date) pairs: ``a="2026-01-01 -"`` is a document with a claim of that day and one undated."""
    return [(doc, None if day == "-" else D.fromisoformat(day)) for doc, days in docs.items() for day in days.split()]


def _links(**docs: str) -> list[tuple[str, str]]:
    """(document, event key) pairs: ``a="e1|e2"``."""
    return [(doc, key) for doc, keys in docs.items() for key in keys.split("|")]


# (id, stored claims' dates, saved events, new claims' dates, expected documents to redo, or None)
PLANS = [
    ("recent-news-touches-recent-events-only",
     _dates(a="2026-01-01", b="2026-03-01", c="2026-03-20"), _links(a="e1", b="e2", c="e3"),
     "2026-03-25", {"c"}),
    ("an-event-before-the-hot-days-comes-with-its-block",
     _dates(a="2026-01-01", b="2026-03-10", c="2026-03-16"), _links(a="e1", b="e2", c="e2"),
     "2026-03-25", {"b", "c"}),
    ("a-busy-month-redoes-only-its-last-days",
     _dates(a="2026-03-05", b="2026-03-08", c="2026-03-11", d="2026-03-14", e="2026-03-17", f="2026-03-20"),
     _links(a="e1", b="e2", c="e3", d="e4", e="e5", f="e6"), "2026-03-25", {"e", "f"}),
    ("news-about-an-old-event-redoes-that-stretch",
     _dates(a="2025-06-01", b="2026-01-10", c="2026-01-18", d="2026-03-20"), _links(a="e1", b="e2", c="e3", d="e4"),
     "2026-01-12", {"b", "c"}),
    ("a-report-recalling-a-year-meets-the-reports-of-that-year",
     _dates(a="2007-01-01 2026-01-02", b="2007-01-01", c="2026-03-20"), _links(a="e1|e2", b="e1", c="e3"),
     "2007-01-01 2026-03-25", {"a", "b", "c"}),
    ("an-old-date-no-stored-claim-comes-near-redoes-nothing-there",
     _dates(a="2026-01-01", b="2026-03-01", c="2026-03-20"), _links(a="e1", b="e2", c="e3"),
     "1966-08-01 2026-03-25", {"c"}),
    ("events-numbered-together-are-redone-together",
     _dates(a="2026-03-20", b="2026-03-12"), _links(a="2026-03-20 x flood", b="2026-03-20 x flood #2"),
     "2026-03-25", {"a", "b"}),
    ("undated-documents-stay-as-they-are",
     _dates(u="-", c="2026-03-20"), _links(u="undated x flood", c="e3"), "2026-03-25", {"c"}),
    ("an-undated-claim-in-a-block-to-redo-means-no-plan",
     _dates(a="2026-01-01", c="2026-03-20 -"), _links(a="e1", c="e3"), "2026-03-25", None),
    ("an-undated-claim-in-an-old-block-is-left-alone",
     _dates(a="2026-01-01 -", c="2026-03-20"), _links(a="e1", c="e3"), "2026-03-25", {"c"}),
    ("nothing-stored-within-reach-redoes-nothing",
     _dates(a="2026-01-01"), _links(a="e1"), "2026-03-25", set()),
    ("an-empty-store", [], [], "2026-03-25", set()),
]


@pytest.mark.parametrize("dates, links, new_dates, expected", [p[1:] for p in PLANS], ids=[p[0] for p in PLANS])
def test_plan_replay(dates, links, new_dates, expected) -> None:  # type: ignore[no-untyped-def]
    got = plan_replay(Stored(dates, links), [D.fromisoformat(d) for d in new_dates.split()], window_days=3)
    if expected is None:
        assert got is None
    else:
        assert got is not None and set(got.docs) == expected
        assert set(got.events) == {e for d, e in links if d in expected}


@pytest.mark.parametrize("key, base", [("2026-01-03 caracas raid", "2026-01-03 caracas raid"),
                                       ("2026-01-03 caracas raid #2", "2026-01-03 caracas raid"),
                                       ("undated port-said #3 fire #12", "undated port-said #3 fire")],
                         ids=["plain", "numbered", "number-inside"])
def test_base_label(key: str, base: str) -> None:
    assert base_label(key) == base


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


def test_batches_saved_incrementally_read_as_a_fresh_reconcile(db_url: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for var in ("RECONCILE_DB", "RECONCILE_EVENT_WINDOW_DAYS", "RECONCILE_UNDATED_JOINS"):
        monkeypatch.delenv(var, raising=False)
    db = ["--db", db_url]
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


def test_a_document_stored_by_another_process_meanwhile_makes_the_save_full(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Another ingest stores a document after this one planned its part: the part is not
    saved (it would miss that document's events); every claim is reconciled and saved."""
    from reconcile.documents import parse_text
    from reconcile.settings import Settings

    settings = Settings(db=f"sqlite:///{tmp_path / 'race.db'}")
    news = tmp_path / "news"
    news.mkdir()
    for batch in (BATCHES[0][1], BATCHES[1][1]):
        for name, text in batch.items():
            (news / name).write_text(text, encoding="utf-8")
        api.ingest([str(news / n) for n in batch], settings)
    extractor = api.extractor_for(settings)
    late = parse_text(str(news / "late.txt"), _report(9, "rival", lag=3))
    store = api.open_store(settings)
    try:
        first = api.extractor_for(settings).extract(parse_text(str(news / "e10a.txt"), _report(10)))
        store.add_document(parse_text(str(news / "e10a.txt"), _report(10)), first, ingested_at=dt.datetime(2026, 5, 1))
        real, calls = api.reconcile, []

        def reconcile_while_another_writes(claims, options):  # type: ignore[no-untyped-def]
            if not calls:   # the first reconcile is the planned part: another process stores a report now
                store.add_document(late, extractor.extract(late), ingested_at=dt.datetime(2026, 5, 1))
            calls.append(len(claims))
            return real(claims, options)

        monkeypatch.setattr(api, "reconcile", reconcile_while_another_writes)
        api.reconcile_and_save(store, settings)
        monkeypatch.setattr(api, "reconcile", real)
        assert len(calls) == 2 and calls[0] < calls[1]          # the part, then every claim
        assert store.saved_base() is None                         # the output may hold the late claims
        saved = api.reconcile_store(settings)
        fresh = api.reconcile_store(settings, recompute=True)
        assert [q.key for q in saved.quantities] == [q.key for q in fresh.quantities]
        assert any(c.doc.endswith("late.txt") for q in saved.quantities for c in q.claims)
    finally:
        store.close()


@pytest.mark.parametrize("day", [pytest.param(dt.date.min, id="first-day-of-the-calendar"),
                                 pytest.param(dt.date.min + dt.timedelta(days=3), id="three-days-after-it"),
                                 pytest.param(dt.date.max, id="last-day-of-the-calendar")])
def test_hot_days_at_the_edge_of_the_calendar(day: dt.date) -> None:
    """A report dated at the calendar's edge (a fuzzed or misprinted header) is replayed like any
    other: the stretch's hot days stop at 0001-01-01 instead of overflowing."""
    from reconcile.engine.replay import _hot_days
    assert _hot_days({day}, {day}, dt.timedelta(days=10)) == {day}
